/**
 * The terminal's input, between Ink's reader and every key handler (README "Terminal safety"): escape
 * sequences that are not keys are removed whole. Ink (6.8) cuts a read into events (one key sequence, or
 * a run of text) but knows only CSI and SS3: an OSC such as ESC]0;PWNED BEL reached a field as "]0;PWNED"
 * plus a control character, and a CSI that names no key (ESC[0m, a colour code in pasted text) crashed
 * Ink's own useInput, which reads such a sequence as Ctrl with no key name. This gate reads the events
 * again, character by character, the way a terminal parses its output (ECMA-48): CSI, OSC, DCS, SOS, PM and
 * APC, in their ESC and C1 forms, are dropped whole however they are split across reads, and what is left
 * is handed on as Ink would have cut it. Keys pass unchanged: arrows, Home/End, Page Up/Down, Delete,
 * Shift+Tab (with modifiers), Esc, and Esc with a character. Inside a bracketed paste (input/paste.ts)
 * every sequence goes, and the paste is handed on as its marks around its cleaned text.
 */

const ESC = '\u001b';
const BEL = '\u0007';
const CAN = '\u0018';
const SUB = '\u001a';
/** The paste marks as the terminal sends them (terminal.ts asks for bracketed paste). */
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

/** The key sequences the desk reads (split-keys.ts, text-area-keys.ts): all other sequences are dropped. */
const KEY_SEQUENCE = /^\u001b(?:\[(?:(?:1;\d{1,2})?[A-DFHZ]|[1-6](?:;\d{1,2})?~)|O[A-DFH])$/;
// The introducers of a control string: OSC, DCS, SOS, PM, APC (ESC form; C1 form below).
const STRING_AFTER_ESC = new Set([']', 'P', 'X', '^', '_']);
const C1_STRING = new Set(['\u009d', '\u0090', '\u0098', '\u009e', '\u009f']);
const C1_CSI = '\u009b';
// What ends a run of plain text in the ground state.
const SPECIAL = /[\u001b\u0080-\u009f]/g;
const C1_SS3 = '\u008f';
const C1_ST = '\u009c';

type Mode = 'ground' | 'esc' | 'escesc' | 'csi' | 'ss3' | 'escint' | 'string' | 'string-esc';

export interface EscapeGate {
	/** One input event as Ink emits it; returns the events to hand on now. */
	push(event: string): string[];
	/** The read that brought the events is over: a lone Esc (or two) is a key press. */
	endOfRead(): string[];
	/** Input paused: an unfinished sequence is dropped, an unfinished paste is handed on. */
	idle(): string[];
	/** What the gate waits for: nothing, the rest of a sequence, or the end of a paste. */
	waiting(): 'nothing' | 'sequence' | 'paste';
}

const code = (c: string) => c.codePointAt(0)!;
const isC0 = (c: string) => code(c) < 0x20 || c === '\u007f';
const isC1 = (c: string) => code(c) >= 0x80 && code(c) <= 0x9f;
const isFinal = (c: string) => code(c) >= 0x40 && code(c) <= 0x7e;
const isParam = (c: string) => code(c) >= 0x30 && code(c) <= 0x3f;
const isIntermediate = (c: string) => code(c) >= 0x20 && code(c) <= 0x2f;

export function escapeGate(): EscapeGate {
	let mode: Mode = 'ground';
	let seq = '';
	// A control string introduced by ESC and a character, with nothing after it yet (Esc then "P" typed fast).
	let bareIntro: string | null = null;
	// The CSI or SS3 being read came after a second ESC (Alt with an arrow: ESC ESC [ A).
	let metaCsi = false;
	let pasted: string | null = null;
	let text = '';
	let out: string[] = [];

	const flushText = () => {
		if (text !== '') out.push(text);
		text = '';
	};
	const addText = (c: string) => {
		if (pasted !== null) pasted += c;
		else text += c;
	};
	const emit = (event: string) => {
		if (pasted !== null) return;
		flushText();
		out.push(event);
	};
	const endPaste = () => {
		const body = pasted ?? '';
		pasted = null;
		flushText();
		out.push(PASTE_START);
		if (body !== '') out.push(body);
		out.push(PASTE_END);
	};
	const ground = () => {
		mode = 'ground';
		seq = '';
		bareIntro = null;
	};
	const enterString = (intro: string | null) => {
		mode = 'string';
		bareIntro = intro;
	};

	/** A complete CSI or SS3: a key, a paste mark, or dropped. */
	const complete = (s: string, metaPrefix: boolean) => {
		ground();
		if (s === PASTE_START) {
			if (pasted === null) pasted = '';
			return;
		}
		if (s === PASTE_END) {
			if (pasted !== null) endPaste();
			return;
		}
		if (KEY_SEQUENCE.test(s)) emit(metaPrefix ? ESC + s : s);
	};

	const step = (c: string): void => {
		switch (mode) {
			case 'ground':
				if (c === ESC) {
					mode = 'esc';
					seq = ESC;
				} else if (c === C1_CSI) {
					mode = 'csi';
					seq = c;
				} else if (c === C1_SS3) {
					mode = 'ss3';
					seq = c;
				} else if (C1_STRING.has(c)) enterString(null);
				else if (!isC1(c)) addText(c);
				return;
			case 'esc':
			case 'escesc': {
				const meta = mode === 'escesc';
				if (c === '[') {
					mode = 'csi';
					seq = `${ESC}[`;
					metaCsi = meta;
				} else if (c === 'O') {
					mode = 'ss3';
					seq = `${ESC}O`;
					metaCsi = meta;
				} else if (c === ESC) {
					if (meta) emit(ESC);
					mode = 'escesc';
				} else {
					if (meta) emit(ESC);
					if (STRING_AFTER_ESC.has(c)) enterString(ESC + c);
					else if (isIntermediate(c) && c !== ' ') mode = 'escint';
					else if (isC1(c)) {
						emit(ESC);
						ground();
						step(c);
					} else {
						// Esc with a character (Alt+key, or Esc then a key pressed fast): as Ink hands it on.
						ground();
						emit(ESC + c);
					}
				}
				return;
			}
			case 'csi':
				if (isParam(c) || isIntermediate(c) || (c === '[' && seq.length === 2)) seq += c;
				else if (isFinal(c)) complete(seq + c, metaCsi);
				else if (c === ESC || c === CAN || c === SUB || !isC0(c)) {
					// Cut short: the sequence is dropped and this character read afresh (ECMA-48).
					ground();
					if (c !== CAN && c !== SUB) step(c);
				}
				// A control character inside a CSI is dropped with it.
				return;
			case 'ss3':
				if (isFinal(c)) complete(seq + c, metaCsi);
				else {
					ground();
					step(c);
				}
				return;
			case 'escint':
				if (isIntermediate(c)) return;
				ground();
				if (!(code(c) >= 0x30 && code(c) <= 0x7e)) step(c);
				return;
			case 'string':
				bareIntro = null;
				if (c === BEL || c === C1_ST || c === CAN || c === SUB) ground();
				else if (c === ESC) mode = 'string-esc';
				return;
			case 'string-esc':
				// ESC \ is the string terminator; ESC and anything else ends the string and starts a sequence.
				ground();
				if (c !== '\\') {
					mode = 'esc';
					seq = ESC;
					step(c);
				}
				return;
		}
	};

	const take = () => {
		flushText();
		const events = out;
		out = [];
		return events;
	};

	return {
		push(event) {
			// Keys Ink has already cut out, read in the ground state: handed on unchanged.
			if (mode === 'ground' && pasted === null && KEY_SEQUENCE.test(event)) return [event];
			let i = 0;
			while (i < event.length) {
				if (mode === 'ground') {
					// Plain text up to the next ESC or C1 control goes on whole (a large paste is mostly this).
					SPECIAL.lastIndex = i;
					const at = SPECIAL.exec(event)?.index ?? event.length;
					if (at > i) addText(event.slice(i, at));
					if (at === event.length) break;
					i = at;
				}
				const c = String.fromCodePoint(event.codePointAt(i)!);
				step(c);
				i += c.length;
			}
			return take();
		},
		endOfRead() {
			if (pasted === null) {
				if (mode === 'esc') {
					ground();
					emit(ESC);
				} else if (mode === 'escesc') {
					ground();
					emit(ESC);
					emit(ESC);
				}
			}
			return take();
		},
		idle() {
			if (pasted === null && mode === 'string' && bareIntro !== null) emit(bareIntro);
			if (mode !== 'ground') ground();
			if (pasted !== null) endPaste();
			return take();
		},
		waiting() {
			if (pasted !== null) return 'paste';
			return mode === 'ground' ? 'nothing' : 'sequence';
		},
	};
}
