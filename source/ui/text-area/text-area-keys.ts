/**
 * Which editing action a key press means in a text area (input wiring only, no state). Terminals send
 * Backspace as DEL (0x7f), which Ink reports as `delete`, the same as the Delete key's sequence, so
 * both delete backwards (as in ink-text-input); Ctrl+D deletes forwards. Emacs-style Ctrl+A/E/W/U/K
 * work as in a shell. Returns null for keys the text area does not use (the owner handles them:
 * Tab, Esc, Ctrl+N and so on).
 */
import type {Key} from 'ink';
import type {KeyInfo} from '../contexts/key-names.js';
import type {TextAreaAction} from './text-area-state.js';

/** A key as the desk reads it (contexts/key-names.ts), where a text area also takes keys without Page Up/Down. */
export type KeyPress = Omit<KeyInfo, 'pageUp' | 'pageDown'> & Partial<Pick<Key, 'pageUp' | 'pageDown'>>;

export function textAreaActionFor(input: string, key: KeyPress, multiline: boolean): TextAreaAction | null {
	if (key.tab || key.escape) return null;
	if (key.backspace || key.delete) return key.meta ? {type: 'delete-word-back'} : {type: 'delete-back'};
	if (key.leftArrow) return key.ctrl || key.meta ? {type: 'word-left'} : {type: 'left'};
	if (key.rightArrow) return key.ctrl || key.meta ? {type: 'word-right'} : {type: 'right'};
	if (key.upArrow) return multiline ? {type: 'up'} : null;
	if (key.downArrow) return multiline ? {type: 'down'} : null;
	if (key.home) return {type: 'line-start'};
	if (key.end) return {type: 'line-end'};
	if (key.return) return multiline ? {type: 'insert', text: '\n'} : null;
	if (key.ctrl) {
		switch (input) {
			case 'a':
				return {type: 'line-start'};
			case 'e':
				return {type: 'line-end'};
			case 'b':
				return {type: 'left'};
			case 'f':
				return {type: 'right'};
			case 'd':
				return {type: 'delete-forward'};
			case 'w':
				return {type: 'delete-word-back'};
			case 'u':
				return {type: 'delete-to-line-start'};
			case 'k':
				return {type: 'delete-to-line-end'};
			default:
				return null;
		}
	}
	if (key.meta) {
		if (input === 'b') return {type: 'word-left'};
		if (input === 'f') return {type: 'word-right'};
		return null;
	}
	// Printable text, or a whole paste in one chunk (Ink passes a multi-character paste at once).
	return input === '' ? null : {type: 'insert', text: input};
}
