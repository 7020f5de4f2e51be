/**
 * A terminal delivers what arrives in one read as one chunk, and Ink hands a chunk to its input
 * handlers whole: keys typed quickly, sent by a script, or a paste with line breaks arrive as
 * "1\t\t2\t" or "line one\rline two". The review splits such a chunk back into key presses so each
 * is applied in order (a Tab is a Tab, not text), and runs of printable text stay together (a paste
 * is inserted in one go).
 */
import type {KeyPress} from '../text-area/text-area-keys.js';

const NONE: KeyPress = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, pageUp: false, pageDown: false};

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

/** The key presses in one chunk, in order. A chunk that is a single key comes back unchanged. */
export function splitKeys(input: string, key: KeyPress): {input: string; key: KeyPress}[] {
	// Ink has already parsed single keys (and strips the ESC of sequences it recognised).
	if (input.length <= 1 || !/[\u0000-\u001f\u007f]/.test(input)) return [{input, key}];
	const out: {input: string; key: KeyPress}[] = [];
	for (const m of input.matchAll(TOKEN)) {
		const t = m[0];
		if (m[1] !== undefined || m[2] !== undefined) {
			const code = m[1] ?? m[2]!;
			const k = CSI[code.replace(/^1;\d/, '')] ?? CSI[code.slice(-1)];
			if (k) out.push({input: '', key: {...NONE, ...k}});
		} else if (t === '\u001b') out.push({input: '', key: {...NONE, escape: true, meta: true}});
		else if (t === '\t') out.push({input: '', key: {...NONE, tab: true}});
		else if (t === '\r' || t === '\n') out.push({input: '', key: {...NONE, return: true}});
		else if (t === '\u007f' || t === '\b') out.push({input: '', key: {...NONE, delete: true}});
		else if (t.length === 1 && t < ' ') out.push({input: String.fromCharCode(t.charCodeAt(0) + 96), key: {...NONE, ctrl: true}});
		else out.push({input: t, key: {...NONE}});
	}
	return out;
}
