/**
 * Input wiring only: every key press goes to the reducer raw, which interprets it against the state
 * it is applied to (see desk-state.ts). No decisions here, so nothing reads a stale state.
 */
import {useInput} from 'ink';
import type {Dispatch} from 'react';
import type {DeskAction} from './desk-state.js';

export function useDeskInput(dispatch: Dispatch<DeskAction>, isActive = true): void {
	useInput(
		(input, key) => {
			dispatch({type: 'input', input, key});
		},
		{isActive},
	);
}
