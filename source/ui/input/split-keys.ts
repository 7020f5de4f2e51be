/**
 * A terminal delivers what arrives in one read as one chunk, and Ink hands a chunk to its input
 * handlers whole: keys typed quickly or with key repeat, sent by a script, delayed over SSH, or a
 * paste arrive as "jjj", "\x7f\x7f\x7f", "1\t\t2\t" or "line one\rline two". Ink (6.8) already cuts
 * escape sequences out of a chunk and holds back one split across two reads, so what reaches a handler
 * is either one escape sequence or a run of plain characters and control characters. This module is
 * the one place that turns such a run back into key presses, for the desk and the guided review alike.
 */
import {NO_KEY} from '../contexts/key-names.js';
import type {KeyPress} from '../text-area/text-area-keys.js';

/** One key press as a handler would have received it had it arrived alone. */
export interface KeyEvent<K extends KeyPress = KeyPress> {
	input: string;
	key: K;
}

// Every key named false: what a split-off key press starts from (one definition, contexts/key-names.ts).
const NONE = NO_KEY;

const CSI: Record<string, Partial<KeyPress>> = {
	A: {upArrow: true},
	B: {downArrow: true},
	C: {rightArrow: true},
	D: {leftArrow: true},
	H: {home: true},
	F: {end: true},
	Z: {tab: true, shift: true},
	'1~': {home: true},
	'4~': {end: true},
	'3~': {delete: true},
	'5~': {pageUp: true},
	'6~': {pageDown: true},
};

// ESC [ params final | ESC O final | lone ESC | one control character | a run of printable text.
const TOKEN = /\u001b\[([0-9;]*[~A-Za-z])|\u001bO([A-Za-z])|\u001b|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f\u001b]+/g;

/**
 * The key presses in one chunk, in order: control characters and escape sequences become keys, runs
 * of printable text stay together (a paste is one insert). A chunk that is a single key, or plain
 * text, comes back unchanged.
 */
export function splitKeys<K extends KeyPress>(input: string, key: K): KeyEvent<K>[] {
	// Ink has already parsed single keys (and strips the ESC of sequences it recognised).
	if (input.length <= 1 || !/[\u0000-\u001f\u007f]/.test(input)) return [{input, key}];
	const out: KeyEvent<K>[] = [];
	const push = (input: string, k: Partial<KeyPress>) => out.push({input, key: {...NONE, ...k} as K});
	for (const m of input.matchAll(TOKEN)) {
		const t = m[0];
		if (m[1] !== undefined || m[2] !== undefined) {
			const code = m[1] ?? m[2]!;
			const k = CSI[code.replace(/^1;\d/, '')] ?? CSI[code.slice(-1)];
			if (k) push('', k);
		} else if (t === '\u001b') push('', {escape: true, meta: true});
		else if (t === '\t') push('', {tab: true});
		else if (t === '\r' || t === '\n') push('', {return: true});
		else if (t === '\u007f' || t === '\b') push('', {delete: true});
		else if (t.length === 1 && t < ' ') push(String.fromCharCode(t.charCodeAt(0) + 96), {ctrl: true});
		else push(t, {});
	}
	return out;
}

/** True for a key press that is printable text only (no modifier, no named key). */
export function isPlainText(input: string, key: KeyPress): boolean {
	if (input === '' || key.ctrl || key.meta || key.return || key.tab || key.escape || key.backspace || key.delete) return false;
	return !/[\u0000-\u001f\u007f]/.test(input);
}

/**
 * Applies one chunk to `state`, one key press at a time, each to the state the previous one left.
 * A run of printable text goes to `step` whole while `takesText(state)` says a text field has the
 * keys (so a paste into a field is one insert); otherwise it goes one character at a time, asking
 * again after each, so "jjj" moves three rows and "/abc" opens a filter with "/" and types "abc" into it.
 */
export function applyChunk<S, K extends KeyPress>(
	state: S,
	input: string,
	key: K,
	step: (s: S, input: string, key: K) => S,
	takesText: (s: S) => boolean,
): S {
	let s = state;
	// A bracketed paste is one insert, line breaks and all (input/paste.ts): never split into keys.
	if (key.paste) return step(s, input, key);
	// ESC then a character in one read is what a terminal sends for Alt+character, and what arrives when
	// Esc and the next key are pressed quickly (or over a slow link). Nothing here binds Alt+character, so
	// it is read as the two keys: "Esc 4" backs out, then opens the Log view, instead of doing nothing.
	if (key.meta && !key.ctrl && !key.escape && [...input].length === 1 && isPlainText(input, {...key, meta: false})) {
		s = step(s, '', {...key, escape: true, meta: true, shift: false});
		return step(s, input, {...key, meta: false});
	}
	for (const k of splitKeys(input, key)) {
		if (!isPlainText(k.input, k.key) || k.input.length === 1) {
			s = step(s, k.input, k.key);
			continue;
		}
		let rest = k.input;
		while (rest !== '') {
			if (takesText(s)) {
				s = step(s, rest, k.key);
				break;
			}
			const ch = String.fromCodePoint(rest.codePointAt(0)!);
			// One character alone: as Ink reports it, an upper-case letter comes with shift.
			s = step(s, ch, /^[A-Z]$/.test(ch) ? {...k.key, shift: true} : k.key);
			rest = rest.slice(ch.length);
		}
	}
	return s;
}
