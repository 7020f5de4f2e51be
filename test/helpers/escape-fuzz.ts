/**
 * Random input for the escape gate's tests (input/escape-gate.ts): text with whole escape sequences of
 * every kind between its pieces (what the field must end up holding is the text alone), random bytes,
 * and random cuts into reads. Seeded, so a failure names its seed and repeats.
 */

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const run = (r: () => number, alphabet: string, max: number) =>
	Array.from({length: Math.floor(r() * (max + 1))}, () => pick(r, [...alphabet])).join('');

const ESC = '\u001b';
// Text a field keeps: letters, digits, spaces and the characters sequences are made of.
const TEXT = 'abcxyzPX_^O019 ;[]~\\?';
const BODY = 'abc PWNED012;:=/[]~?\\SGVsbG8';
// CSI finals that name no key (a key's final, such as H for Home, would move a review's cursor).
const CSI_FINALS = 'mJKhlnrtsq@`';

/** One whole escape sequence of a kind the gate removes. */
export function randomSequence(r: () => number): string {
	const params = run(r, '0123456789;?', 6);
	const body = run(r, BODY, 12);
	const st = pick(r, [`${ESC}\\`, '\u009c']);
	switch (Math.floor(r() * 9)) {
		case 0:
			return `${ESC}[${params}${pick(r, ['', ' ', '$'])}${pick(r, [...CSI_FINALS])}`;
		case 1:
			return `\u009b${params}${pick(r, [...CSI_FINALS, 'A', 'H'])}`;
		case 2:
			return `${ESC}]${pick(r, ['0', '2', '52', '8'])};${body}${pick(r, ['\u0007', st])}`;
		case 3:
			return `\u009d${pick(r, ['0', '52'])};${body}${pick(r, ['\u0007', st])}`;
		case 4:
			return `${ESC}P${body}${st}`;
		case 5:
			return `${ESC}_${body}${st}`;
		case 6:
			return `${ESC}^${body}${st}`;
		case 7:
			return `${ESC}X${body}${st}`;
		default:
			return `${pick(r, ['\u0090', '\u0098', '\u009e', '\u009f'])}${body}${st}`;
	}
}

/** Text pieces with sequences between them: the whole input, and the text a field must keep. */
export function textWithSequences(r: () => number, pieces: number): {input: string; text: string} {
	let input = '';
	let text = '';
	for (let i = 0; i < pieces; i++) {
		const t = run(r, TEXT, 4);
		input += t + randomSequence(r);
		text += t;
	}
	const last = run(r, TEXT, 3);
	return {input: input + last, text: text + last};
}

/** Random bytes, weighted towards what escape sequences are made of, as a terminal's UTF-8 read decodes them. */
export function randomBytes(r: () => number, length: number): string {
	const parts = [
		ESC,
		ESC,
		'[',
		']',
		'P',
		'_',
		'^',
		'X',
		'O',
		'0',
		'1',
		'2',
		'5',
		';',
		'm',
		'J',
		'~',
		'\u0007',
		'\\',
		'a',
		'Z',
		' ',
		'\u0018',
		'\u001a',
		'\u009b',
		'\u009c',
		'\u009d',
		'\u0090',
		'\u0085',
		'\u007f',
		'\u0001',
		`${ESC}[0m`,
		`${ESC}[31m`,
		`${ESC}[200~`,
		`${ESC}[201~`,
	];
	return Array.from({length}, () => pick(r, parts)).join('');
}

/**
 * The input cut into reads at random places; `keepEscWithNext`: no cut straight after an ESC (Ink hands
 * on an ESC at the end of a read as the Esc key once the read is over, as it must for the key to work).
 */
export function cutIntoReads(r: () => number, input: string, keepEscWithNext = false): string[] {
	const chars = [...input];
	const out: string[] = [];
	let cur = '';
	chars.forEach((c, i) => {
		cur += c;
		const atEsc = c === ESC && i < chars.length - 1;
		if (r() < 0.25 && !(keepEscWithNext && atEsc)) {
			out.push(cur);
			cur = '';
		}
	});
	if (cur !== '') out.push(cur);
	return out;
}

/** True when `s` holds an ESC, a C1 control or a sequence's tail ("[0m", "]0;", "␇"). */
export function hasEscapeRemnant(s: string): boolean {
	return /[\u001b\u0080-\u009f\u2400-\u243f]|\[[0-9;?]*m|\][0-9]+;/.test(s);
}
