/**
 * The desk's one hook for effects (docs/architecture.md "The path of a key press"): it hands the state's
 * effect queue to the runner (effect-runner.ts), which carries each out through run-desk-effect.ts and
 * dispatches its answer. The reducer stays pure; this is where the desk's keys meet the store and files.
 */
import {useEffect, useLayoutEffect, useRef, useState, type Dispatch} from 'react';
import type {DeskAction} from '../desk/desk-actions.js';
import type {QueuedEffect} from './desk-effect.js';
import {effectRunner} from './effect-runner.js';
import {failedEffect, runDeskEffect} from './run-desk-effect.js';
import type {WriteContext} from './store-writes.js';

export function useDeskEffects(effects: readonly QueuedEffect[], context: WriteContext, dispatch: Dispatch<DeskAction>): void {
	// An effect runs with the desk as it is when its turn comes (its day, who is at the keyboard).
	const latest = useRef(context);
	useLayoutEffect(() => {
		latest.current = context;
	});
	const [runner] = useState(() => effectRunner(effect => runDeskEffect(effect, latest.current), failedEffect, dispatch));
	useEffect(() => {
		void runner.take(effects);
	}, [runner, effects]);
}
