/**
 * Runs the desk's effect queue (desk-effect.ts) one effect at a time, in the order asked for: a write
 * started by one key finishes before the next key's write starts, as the keys were typed. Each effect's
 * answer is dispatched as it comes. An effect that throws (none should: each answers its own failures) is
 * answered by `failed` (its form told it was not saved, what was typed kept) and the queue goes on, so one
 * failure never stops or loses the writes after it.
 * Plain code, no React: use-desk-effects.ts feeds it the queue from the desk's state.
 */
import type {DeskAction} from '../desk/desk-actions.js';
import type {DeskEffect, QueuedEffect} from './desk-effect.js';

export interface EffectRunner {
	/** Queues the effects not seen before (by id); returns the promise of the queue's end, for tests. */
	take(effects: readonly QueuedEffect[]): Promise<void>;
}

export function effectRunner(
	run: (effect: DeskEffect) => Promise<readonly DeskAction[]>,
	failed: (effect: DeskEffect, err: unknown) => readonly DeskAction[],
	dispatch: (a: DeskAction) => void,
): EffectRunner {
	let seen = 0;
	let tail: Promise<void> = Promise.resolve();
	return {
		take(effects) {
			const fresh = effects.filter(e => e.id > seen);
			if (fresh.length === 0) return tail;
			seen = fresh.at(-1)!.id;
			// Taken off the state's queue at once: the runner holds them now, and a rerender does not re-run them.
			dispatch({type: 'effects-taken', through: seen});
			for (const {effect} of fresh) {
				tail = tail.then(async () => {
					try {
						for (const action of await run(effect)) dispatch(action);
					} catch (err) {
						for (const action of failed(effect, err)) dispatch(action);
					}
				});
			}
			return tail;
		},
	};
}
