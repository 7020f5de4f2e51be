/** The Team view's "in unit" column counts as the tenure rule does (dates.ts wholeMonthsBetween; QA 6 D5). */
import {describe, expect, it} from 'vitest';
import {tenure} from '../../../source/ui/team/team-rows.js';

describe('Team view tenure column', () => {
	it('agrees with the rule on anniversaries and on joining dates at the end of a month', () => {
		expect(tenure('2021-06-01', '2026-06-01')).toBe('5y 0m');
		expect(tenure('2021-06-01', '2026-05-31')).toBe('4y 11m');
		// 31 Jan + 1 month is 28 Feb (addMonths, as the rule's thresholds count): a month has passed.
		expect(tenure('2026-01-31', '2026-02-28')).toBe('0y 1m');
		expect(tenure('2024-02-29', '2029-02-28')).toBe('5y 0m');
		expect(tenure('2026-12-05', '2026-12-04')).toBe('0y 0m');
	});
});
