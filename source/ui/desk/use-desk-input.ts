/**
 * Input wiring only: every key press goes to the reducer raw, which interprets it against the state
 * it is applied to (see desk-state.ts). No decisions here, so nothing reads a stale state.
 */
import {useInput} from 'ink';
import {useRef, type Dispatch} from 'react';
import type {DeskAction} from './desk-state.js';
import type {KeyInfo} from '../keymap.js';
import {pasteAssembler} from '../input/paste.js';
import {useDoubleEscape} from '../input/double-escape.js';

export function useDeskInput(dispatch: Dispatch<DeskAction>, isActive = true): void {
	// A bracketed paste arrives as its marks and text in several events: put back together as one.
	const paste = useRef(pasteAssembler<KeyInfo>());
	// Two ESC bytes in one read are two Escapes (input/double-escape.ts).
	const twice = useDoubleEscape(isActive);
	useInput(
		(input, key) => {
			for (const e of paste.current(input, key)) {
				dispatch({type: 'input', input: e.input, key: e.key});
				if (e.key.escape && twice.current) dispatch({type: 'input', input: e.input, key: e.key});
			}
			twice.current = false;
		},
		{isActive},
	);
}
