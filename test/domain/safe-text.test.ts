import {describe, expect, it} from 'vitest';
import {hasUnsafeText, safeMultiline, safeText} from '../../source/domain/safe-text.js';

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
