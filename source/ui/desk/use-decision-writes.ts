/**
 * The shell side of the inspector's decision form: the reducer decides what to record
 * (state.decisionWrite), this hook records it through store.apply with the domain's
 * decideEscalatedTrigger, as the desk's officer and signed with their key (desk-actor.ts), and
 * reports back in one sentence. The domain checks again under the lock: a trigger decided meanwhile
 * by someone else is refused, nothing written.
 */
import {useEffect, useRef, type Dispatch} from 'react';
import {decideEscalatedTrigger, TriggerDecisionError, type TriggerDecisionResult} from '../../domain/escalated-triggers.js';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {Store} from '../../store/index.js';
import {DECISION_WORDS} from '../team/decision-form-state.js';
import {actorSigner, type DeskActor} from './desk-actor.js';
import type {DeskAction, DeskState} from './desk-state.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function useDecisionWrites(
	store: Store | undefined,
	write: DeskState['decisionWrite'],
	actor: DeskActor | null,
	today: IsoDate,
	dispatch: Dispatch<DeskAction>,
	onStoreChanged: (data: StoreData) => void,
	now: () => string = () => new Date().toISOString(),
): void {
	const done = useRef(0);
	useEffect(() => {
		if (!write || write.seq <= done.current) return;
		done.current = write.seq;
		const answer = (error: string | null, notice = '', errors: TriggerDecisionError['errors'] = []) =>
			dispatch({type: 'decision-written', seq: write.seq, error, errors, notice});
		if (!store || store.readOnly || !actor) {
			answer(
				!actor
					? 'Not recorded: the desk does not know who you are.'
					: store
						? `Not recorded: ${store.readOnlyReason ?? `${store.file} is read-only.`}`
						: 'Not recorded: no store file is open.',
			);
			return;
		}
		let result: TriggerDecisionResult | undefined;
		store
			.apply(d => {
				result = decideEscalatedTrigger(d, write.input, {today, signedAt: now(), by: actor.officerId, sign: actorSigner(actor, d)});
				return result.next;
			})
			.then(
				() => {
					const data = store.snapshot();
					onStoreChanged(data);
					const r = result!;
					const who = safeText(shortName(data.officers.find(o => o.id === r.entry.data.officerId)));
					const plan = r.plan ? `, plan review ${r.plan.reviewDate}` : '';
					answer(
						null,
						`Recorded "${DECISION_WORDS[write.input.decision!]}" for ${who}${plan} (entry ${r.entry.seq}${r.entry.sig ? ', signed' : ''}).`,
					);
				},
				// TriggerDecisionError (decided meanwhile, not entitled, an answer missing) and StoreError (locked,
				// read-only, a signature the store would not accept) both carry a sentence meant for the user.
				(err: unknown) =>
					answer(
						`Not recorded: ${safeText(messageOf(err))} What you typed is kept.`,
						'',
						err instanceof TriggerDecisionError ? err.errors : [],
					),
			);
	}, [write, store, actor, today, dispatch, onStoreChanged, now]);
}
