/** Cells are measured in terminal columns as Ink measures them, not in UTF-16 units. */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fit, fitRight, NARROW_GLYPHS, textWidth, truncate, wrap} from '../../source/ui/text.js';

const THUMB = '\u{1F44D}\u{1F3FD}'; // thumbs up, medium skin tone: one grapheme, two columns, four UTF-16 units
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // one grapheme joined by ZWJ
const WIDE = '\u6F22\u5B57'; // two CJK characters, two columns each

describe('display width', () => {
	it('fit pads to exactly the width in columns, whatever the text', () => {
		for (const s of [`Suspect replied ${THUMB} to the text`, `${FAMILY} family`, `${WIDE} note`, 'e\u0301te\u0301', 'plain']) {
			for (const w of [1, 5, 12, 30]) expect(stringWidth(fit(s, w))).toBe(w);
		}
	});

	it('truncate never splits a grapheme and ends with an ellipsis', () => {
		const t = truncate(`ab${THUMB}cd`, 4);
		expect(t).toBe('ab…');
		expect(stringWidth(t)).toBeLessThanOrEqual(4);
		expect(truncate(`${FAMILY}${FAMILY}`, 3)).toBe(`${FAMILY}…`);
		expect(truncate('short', 10)).toBe('short');
	});

	it('wrap keeps every line within the width in columns', () => {
		const text = `Update: ${THUMB.repeat(9)} then ${WIDE.repeat(6)} and ${FAMILY} done`;
		for (const w of [3, 7, 20]) {
			const lines = wrap(text, w);
			for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(w);
			expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
		}
	});

	it('right-aligns by columns and measures as string-width does', () => {
		expect(fitRight(WIDE, 6)).toBe(`  ${WIDE}`);
		expect(textWidth(`a${THUMB}`)).toBe(3);
	});
});

describe('the desk drawing characters measured without the Unicode walk', () => {
	it('each is one column and one UTF-16 unit, as string-width measures it', () => {
		for (const ch of NARROW_GLYPHS) {
			expect(ch.length).toBe(1);
			expect(stringWidth(ch)).toBe(1);
		}
	});

	it('rows made of them measure, cut and pad exactly as string-width says', () => {
		const row = `› ▾ DS Brennan: 3 cases — ‘late’ → ${NARROW_GLYPHS}`;
		expect(textWidth(row)).toBe(stringWidth(row));
		for (const w of [1, 2, 10, 40, 80]) {
			expect(stringWidth(fit(row, w))).toBe(w);
			expect(textWidth(truncate(row, w))).toBe(stringWidth(truncate(row, w)));
		}
		expect(truncate(row, 10)).toBe('› ▾ DS Br…');
	});

	it('a drawing character with a variation selector or combining mark is measured as string-width does', () => {
		// Neither U+FE0F nor a combining mark is in the set, so such text takes the Unicode walk (a set with
		// them would count "←\uFE0F go" as 5 columns, not 4).
		for (const s of ['←\uFE0F go', '▲\uFE0F up', '…\u0301 x', `${THUMB} › row`]) expect(textWidth(s)).toBe(stringWidth(s));
		expect(fit('→\uFE0F', 3)).toBe(`→\uFE0F${' '.repeat(3 - stringWidth('→\uFE0F'))}`);
	});
});
