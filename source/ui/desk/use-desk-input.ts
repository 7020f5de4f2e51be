/**
 * Input wiring only: every key press goes to the reducer raw, which interprets it against the state
 * it is applied to (see desk-state.ts). No decisions here, so nothing reads a stale state.
 */
import {useInput} from 'ink';
import {useRef, type Dispatch} from 'react';
import type {DeskAction} from './desk-state.js';
import type {KeyInfo} from '../keymap.js';
import {pasteAssembler} from '../input/paste.js';
import {useEscapeGate} from '../input/use-escape-gate.js';

export function useDeskInput(dispatch: Dispatch<DeskAction>, isActive = true): void {
	// Escape sequences that are not keys never reach the reducer; two ESC bytes are two Escapes (input/escape-gate.ts).
	useEscapeGate();
	// A bracketed paste arrives as its marks and text in several events: put back together as one.
	const paste = useRef(pasteAssembler<KeyInfo>());
	useInput(
		(input, key) => {
			for (const e of paste.current(input, key)) dispatch({type: 'input', input: e.input, key: e.key});
		},
		{isActive},
	);
}
