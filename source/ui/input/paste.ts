/**
 * Bracketed paste (README "Keys"). The desk asks the terminal to mark a paste (ESC[?2004h, terminal.ts);
 * the terminal then sends ESC[200~ before the pasted text and ESC[201~ after it. Without the marks a
 * pasted "line one\rline two" is indistinguishable from typing "line one", Enter, "line two", so in a
 * one-line field its Enter moved on and the rest landed in the next field (a welfare text ended up in
 * a signed summary). Ink (6.8) hands each mark to the input handlers as its own event, with the ESC
 * stripped ("[200~"), and the text between them in one or more events; pasteAssembler puts them back
 * together as one key event marked `paste`, which the fields take as one insert. The escape gate
 * (escape-gate.ts) has already taken every escape sequence out of the pasted text.
 */
import {NO_KEY} from '../contexts/key-names.js';
import type {KeyPress} from '../text-area/text-area-keys.js';
import type {KeyEvent} from './split-keys.js';

const START = '[200~';
const END = '[201~';
const isMark = (input: string, mark: string) => input === mark || input === `\u001b${mark}`;

/** A key press with no key named: the paste's text is its input. */
export const PLAIN: KeyPress = withoutPaging(NO_KEY);

/** The text area's key press has no paging keys (text-area-keys.ts); the paste's text is never a page key. */
function withoutPaging({pageUp: _up, pageDown: _down, ...rest}: typeof NO_KEY): KeyPress {
	return rest;
}

/** A fresh assembler: feed it every input event in order; it returns the events to apply now. */
export function pasteAssembler<K extends KeyPress>(): (input: string, key: K) => KeyEvent<K>[] {
	let pasted: string | null = null;
	return (input, key) => {
		if (isMark(input, START)) {
			pasted = '';
			return [];
		}
		if (pasted === null) return [{input, key}];
		if (isMark(input, END)) {
			const text = pasted;
			pasted = null;
			return text === '' ? [] : [{input: text, key: {...PLAIN, paste: true} as K}];
		}
		// Ink reports a lone CR or tab read on its own as a named key with no text: it is still pasted text.
		pasted += key.return ? '\r' : key.tab ? '\t' : input;
		return [];
	};
}

/**
 * A paste into a one-line field: its first line, and what was left out in words (null when nothing
 * was). Line breaks at the end of a copied line are not a second line.
 */
export function pastedLine(text: string): {line: string; dropped: string | null} {
	const lines = text.replace(/(\r\n|\r|\n)+$/, '').split(/\r\n|\r|\n/);
	const line = lines[0] ?? '';
	const rest = lines.slice(1);
	if (rest.length === 0) return {line, dropped: null};
	const chars = rest.join('\n').length;
	const more = rest.length === 1 ? '1 more line' : `${rest.length} more lines`;
	const count = `${chars} character${chars === 1 ? '' : 's'}`;
	return {line, dropped: `Pasted the first line only: this field takes one line; left out ${more} (${count}).`};
}

/** Said when a paste arrives where nothing takes text. */
export const NOTHING_TAKES_PASTE = 'Nothing pasted: a paste goes into a text field, and none has the focus here.';
