import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {escapeJsonText, hasUnsafeText, safeMultiline, safeOutput, safeText, safeTyped} from '../../source/domain/safe-text.js';

describe('safeText', () => {
	it('removes CSI, OSC (including OSC 52 clipboard writes) and DCS sequences whole', () => {
		expect(safeText('a\u001b[31mred\u001b[0m b')).toBe('ared b');
		expect(safeText('x\u001b]52;c;ZXZpbA==\u0007y')).toBe('xy');
		expect(safeText('x\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\y')).toBe('xlinky');
		expect(safeText('x\u001bPq#0;2;0;0;0\u001b\\y')).toBe('xy');
		expect(safeText('x\u009b2Jy')).toBe('xy');
	});
	it('makes single control characters, DEL and C1 visible', () => {
		expect(safeText('a\u0000b\u0007c\u007fd')).toBe('a\u2400b\u2407c\u2421d');
		expect(safeText('a\u0085b')).toBe('a<U+0085>b');
		expect(safeText('line1\nline2')).toBe('line1\u240aline2');
	});
	it('makes bidi overrides visible', () => {
		expect(safeText('abc\u202edcba')).toBe('abc<U+202E>dcba');
		expect(safeText('\u2066x\u2069')).toBe('<U+2066>x<U+2069>');
	});
	it('keeps new lines in multi-line text and normalises CRLF', () => {
		expect(safeMultiline('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
		expect(safeMultiline('a\u001b[2Kb\nc')).toBe('ab\nc');
	});
	it('leaves ordinary text, including non-ASCII names, alone', () => {
		const s = 'Zoë O\'Brien — Łódź, 北京; "quoted", commas';
		expect(safeText(s)).toBe(s);
		expect(hasUnsafeText(s)).toBe(false);
		expect(hasUnsafeText('a\u001b[31m')).toBe(true);
	});
});

describe('safeText: what the README promises for each kind of hostile character', () => {
	it('an unterminated OSC or DCS no longer hides the rest of the field: its ESC shows as ␛, the rest stays', () => {
		expect(safeText('DC Marsh\u001b]0;rest of the field')).toBe('DC Marsh\u241b]0;rest of the field');
		expect(safeText('a\u001bP+q544e')).toBe('a\u241bP+q544e');
		expect(safeText('a\u009d0;title')).toBe('a<U+009D>0;title');
		// A control inside the body ends it: a BEL further on does not swallow the line break and text before it.
		expect(safeMultiline('a\u001b]0;x\nseen\u0007b')).toBe('a\u241b]0;x\nseen\u2407b');
		expect(safeText('\u001b]52;c;Zm9v')).toBe('\u241b]52;c;Zm9v');
	});
	it('removes other escapes whole (full reset, charset) and makes a lone ESC visible', () => {
		expect(safeText('a\u001bcb')).toBe('ab');
		expect(safeText('a\u001b(Bb')).toBe('ab');
		expect(safeText('a\u001b')).toBe('a\u241b');
		// Removing one sequence cannot leave another behind: the ESC before it is shown.
		expect(safeText('\u001b\u001b[31m[2J')).toBe('\u241b[2J');
	});
	it('makes every C1 control visible, and removes 8-bit CSI and terminated 8-bit OSC', () => {
		for (let c = 0x80; c <= 0x9f; c++) {
			if (c === 0x9b || c === 0x9d) continue;
			expect(safeText(`a${String.fromCharCode(c)}b`)).toBe(`a<U+00${c.toString(16).toUpperCase()}>b`);
		}
		expect(safeText('a\u009d0;t\u009cb')).toBe('ab');
	});
	it('makes zero-width, invisible and tag characters visible, keeping the joiners names and emoji need', () => {
		expect(safeText('Ash\u200bworth')).toBe('Ash<U+200B>worth');
		expect(safeText('soft\u00adhyphen')).toBe('soft<U+00AD>hyphen');
		expect(safeText('\ufeffbom\u2060wj')).toBe('<U+FEFF>bom<U+2060>wj');
		expect(safeText('tag\u{e0041}\u{e007f}')).toBe('tag<U+E0041><U+E007F>');
		expect(safeText('x\u3164y')).toBe('x<U+3164>y');
		for (const kept of ['\u{1f468}\u200d\u{1f469}', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645']) expect(safeText(kept)).toBe(kept);
	});
	it('shows U+2028 and U+2029 in one-line text and keeps them as line breaks in multi-line text', () => {
		expect(safeText('a\u2028b\u2029c')).toBe('a<U+2028>b<U+2029>c');
		expect(safeMultiline('a\u2028b\u2029c')).toBe('a\nb\nc');
		expect(hasUnsafeText('a\u2028b')).toBe(true);
		expect(hasUnsafeText('a\u200bb')).toBe(true);
	});
	it('for any text: the result holds no ESC, BEL, C1, bidi or invisible character and a second pass changes nothing', () => {
		// ESC, BEL and other controls, C1, separators, bidi, zero-width, soft hyphen, BOM, tag characters.
		const controls = /[\u0000-\u001f\u007f-\u009f]/.source;
		const invisible = /[\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\u00ad\ufeff]|\udb40[\udc00-\udc7f]/.source;
		const forbidden = new RegExp(`${controls}|${invisible}`);
		const hostileBits = ['\u001b', '[', ']', 'P', '\\', '\u0007', '\u009b', '\u009c', '\u009d', '0;', '52;c;', 'm', '\n', '\r'];
		const pieces = fc.constantFrom(...hostileBits, '\u202e', '\u200b', '\u2028', '\u{e0041}', 'a', ' ');
		const hostile = fc.oneof(
			fc.string({unit: 'binary', maxLength: 60}),
			fc.array(pieces, {maxLength: 40}).map(a => a.join('')),
		);
		fc.assert(
			fc.property(hostile, s => {
				const line = safeText(s);
				expect(line).not.toMatch(forbidden);
				expect(safeText(line)).toBe(line);
				const lines = safeMultiline(s);
				expect(lines.replace(/\n/g, '')).not.toMatch(forbidden);
				expect(safeMultiline(lines)).toBe(lines);
			}),
			{numRuns: 2000},
		);
	});
});

describe('typed text, JSON and command-line output', () => {
	it("safeTyped removes a paste's escape sequences, shows controls, and flattens line breaks in one-line fields", () => {
		expect(safeTyped('DC\u001b[31m Marsh', false)).toBe('DC Marsh');
		expect(safeTyped('\u001b[200~one\r\ntwo\u001b[201~', false)).toBe('one two');
		expect(safeTyped('one\r\ntwo\u0007', true)).toBe('one\ntwo\u2407');
	});
	it('escapeJsonText writes C1, bidi and invisible characters as \\u escapes; the parsed data is unchanged', () => {
		const s = 'a\u0085b\u202ec\u200bd\u2028e\u{e0041}f\u007f';
		const json = escapeJsonText(JSON.stringify({s}));
		expect(json).toBe('{"s":"a\\u0085b\\u202ec\\u200bd\\u2028e\\udb40\\udc41f\\u007f"}');
		expect(JSON.parse(json)).toEqual({s});
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 80}), v => {
				const out = escapeJsonText(JSON.stringify({v}));
				expect(JSON.parse(out)).toEqual({v});
				expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]|\udb40[\udc00-\udc7f]/);
			}),
			{numRuns: 500},
		);
	});
	it('safeOutput keeps tabs, line ends and a CSV byte-order mark, and makes the rest safe', () => {
		expect(safeOutput('\ufeffa,b\r\nc\td\n')).toBe('\ufeffa,b\r\nc\td\n');
		expect(safeOutput('fortnight: --cover "x\u001b]52;c;SA\u0007\u202e" no\rOK\n')).toBe('fortnight: --cover "x<U+202E>" no\u240dOK\n');
		expect(safeOutput('file \u001b]0;title\n')).toBe('file \u241b]0;title\n');
	});
	it('an ASCII-only text (decided in one native count, issue 18) is still cleaned like any other', () => {
		expect(escapeJsonText('{"s":"a\u007fb"}')).toBe('{"s":"a\\u007fb"}');
		expect(escapeJsonText('[\n  "plain"\n]')).toBe('[\n  "plain"\n]');
		expect(safeOutput('a\u0007b\u007fc\n')).toBe('a\u2407b\u2421c\n');
		expect(safeOutput('x\u001b[2Jy\r\nz\rw\n')).toBe('xy\r\nz\u240dw\n');
		fc.assert(
			fc.property(fc.string({unit: 'binary-ascii', maxLength: 60}), v => {
				// The same answer as for the same text with one non-ASCII letter after it (the general path).
				expect(safeOutput(v) + '\u00e9').toBe(safeOutput(v + '\u00e9'));
				expect(escapeJsonText(JSON.stringify(v)) + '\u00e9').toBe(escapeJsonText(JSON.stringify(v) + '\u00e9'));
			}),
			{numRuns: 500},
		);
	});
});
