/**
 * The text area's state and reducer: a value and a cursor (an offset into the value). Pure, so every
 * editing key is tested without a terminal, and each key press is applied to the state it arrives at
 * (never a stale closure). The value is controlled by the owner (the review draft holds it): this
 * reducer takes {value, cursor} and returns the next {value, cursor}.
 */
import {safeTyped} from '../../domain/safe-text.js';

export interface TextAreaState {
	value: string;
	/** Offset into `value`, 0..value.length. */
	cursor: number;
}

export type TextAreaAction =
	| {type: 'insert'; text: string}
	| {type: 'delete-back'}
	| {type: 'delete-forward'}
	| {type: 'delete-word-back'}
	| {type: 'delete-to-line-start'}
	| {type: 'delete-to-line-end'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'word-left'}
	| {type: 'word-right'}
	| {type: 'up'}
	| {type: 'down'}
	| {type: 'line-start'}
	| {type: 'line-end'}
	| {type: 'start'}
	| {type: 'end'};

export interface TextAreaOptions {
	/** False for one-line fields (dates): line breaks in a paste become spaces. */
	multiline: boolean;
	/** Longest value accepted; a paste that would pass it is cut there (the field shows the count). */
	maxLength?: number;
}

/**
 * Typed or pasted text made safe to hold: terminal escape sequences (including bracketed-paste markers
 * and OSC 52) removed, other control characters made visible, CR/LF normalised to \n, tabs to spaces.
 * The same sanitiser as every other field (safe-text.ts), so the desk's forms and this area agree.
 */
export const cleanTyped = safeTyped;

const lineStart = (v: string, i: number): number => v.lastIndexOf('\n', i - 1) + 1;
const lineEnd = (v: string, i: number): number => {
	const n = v.indexOf('\n', i);
	return n < 0 ? v.length : n;
};
const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

function wordLeft(v: string, i: number): number {
	let j = i;
	while (j > 0 && !isWord(v[j - 1])) j--;
	while (j > 0 && isWord(v[j - 1])) j--;
	return j;
}

function wordRight(v: string, i: number): number {
	let j = i;
	while (j < v.length && !isWord(v[j])) j++;
	while (j < v.length && isWord(v[j])) j++;
	return j;
}

/** Moves up or down one line keeping the column (clamped to the target line's length). */
function vertical(v: string, i: number, dir: -1 | 1): number {
	const start = lineStart(v, i);
	const col = i - start;
	if (dir < 0) {
		if (start === 0) return 0;
		const prevStart = lineStart(v, start - 1);
		return Math.min(prevStart + col, start - 1);
	}
	const end = lineEnd(v, i);
	if (end === v.length) return v.length;
	const nextStart = end + 1;
	return Math.min(nextStart + col, lineEnd(v, nextStart));
}

export function textAreaReducer(s: TextAreaState, a: TextAreaAction, options: TextAreaOptions = {multiline: true}): TextAreaState {
	const v = s.value;
	const c = Math.max(0, Math.min(s.cursor, v.length));
	const splice = (from: number, to: number, text = ''): TextAreaState => ({
		value: v.slice(0, from) + text + v.slice(to),
		cursor: from + text.length,
	});
	switch (a.type) {
		case 'insert': {
			let text = cleanTyped(a.text, options.multiline);
			if (options.maxLength !== undefined) text = text.slice(0, Math.max(0, options.maxLength - v.length));
			return text === '' ? s : splice(c, c, text);
		}
		case 'delete-back':
			return c === 0 ? s : splice(c - 1, c);
		case 'delete-forward':
			return c === v.length ? s : splice(c, c + 1);
		case 'delete-word-back':
			return c === 0 ? s : splice(wordLeft(v, c), c);
		case 'delete-to-line-start':
			return splice(lineStart(v, c) === c && c > 0 ? c - 1 : lineStart(v, c), c);
		case 'delete-to-line-end':
			return splice(c, lineEnd(v, c) === c && c < v.length ? c + 1 : lineEnd(v, c));
		case 'left':
			return {value: v, cursor: Math.max(0, c - 1)};
		case 'right':
			return {value: v, cursor: Math.min(v.length, c + 1)};
		case 'word-left':
			return {value: v, cursor: wordLeft(v, c)};
		case 'word-right':
			return {value: v, cursor: wordRight(v, c)};
		case 'up':
			return {value: v, cursor: vertical(v, c, -1)};
		case 'down':
			return {value: v, cursor: vertical(v, c, 1)};
		case 'line-start':
			return {value: v, cursor: lineStart(v, c)};
		case 'line-end':
			return {value: v, cursor: lineEnd(v, c)};
		case 'start':
			return {value: v, cursor: 0};
		case 'end':
			return {value: v, cursor: v.length};
	}
}

/** True when the cursor is on the first (or last) line: ↑/↓ there leave the field instead. */
export const onFirstLine = (s: TextAreaState): boolean => lineStart(s.value, s.cursor) === 0;
export const onLastLine = (s: TextAreaState): boolean => lineEnd(s.value, s.cursor) === s.value.length;
