/**
 * Counts in sentences (source/domain/plural.ts). groupedCount stands in for `toLocaleString('en-GB')` in
 * `fortnight import`'s report without loading ICU's number formatting, so its text must be exactly what
 * toLocaleString writes, for the counts it is given and for anything else.
 */
import {describe, expect, it} from 'vitest';
import {groupedCount, plural} from '../../source/domain/plural.js';

describe('groupedCount', () => {
	it("writes every whole count as toLocaleString('en-GB') does, thousands grouped with commas", () => {
		expect(groupedCount(0)).toBe('0');
		expect(groupedCount(999)).toBe('999');
		expect(groupedCount(1000)).toBe('1,000');
		expect(groupedCount(50_000)).toBe('50,000');
		expect(groupedCount(1_234_567)).toBe('1,234,567');
		const differ: number[] = [];
		for (let n = 0; n < 200_000; n++) if (groupedCount(n) !== n.toLocaleString('en-GB')) differ.push(n);
		for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) if (groupedCount(n) !== n.toLocaleString('en-GB')) differ.push(n);
		expect(differ).toEqual([]);
	});

	it('leaves anything but a whole count to toLocaleString, so the text is the same for every number', () => {
		for (const n of [-1, -12_345, 1.5, 12_345.678, Number.MAX_SAFE_INTEGER + 1, 1e21, NaN, Infinity, -Infinity, -0])
			expect(groupedCount(n)).toBe(n.toLocaleString('en-GB'));
	});
});

describe('plural', () => {
	it('counts one and many', () => {
		expect(plural(1, 'case')).toBe('1 case');
		expect(plural(3, 'case')).toBe('3 cases');
		expect(plural(2, 'entry', 'entries')).toBe('2 entries');
	});
});
