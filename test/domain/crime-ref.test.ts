/**
 * The team's crime reference format (issue 22 item 5): `import` accepted "not a ref" as a crime
 * reference, which then showed as "Review due: not a ref". The pattern is a setting with the demo's
 * format as its default.
 */
import {describe, expect, it} from 'vitest';
import {crimeRefPatternProblem, crimeRefProblem, DEFAULT_CRIME_REF_PATTERN} from '../../source/domain/crime-ref.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {demoData} from '../helpers/demo.js';

describe('crime reference format', () => {
	it('takes the demo format by default (also in a store older than the setting), refuses anything else saying what it expects', () => {
		for (const settings of [DEFAULT_SETTINGS, {}]) {
			expect(crimeRefProblem('CR/54818/26', settings)).toBeNull();
			for (const bad of ['not a ref', 'CR/5481/26', 'CR/54818/2026', 'cr/54818/26', ' CR/54818/26', 'CR/54818/26x', 'xCR/54818/26']) {
				const pattern = String.raw`(the pattern ^CR/\d{5}/\d{2}$, setting crimeRefPattern)`;
				const expected = `is not a crime reference in this team's format such as CR/01234/26 ${pattern}`;
				expect(crimeRefProblem(bad, settings), bad).toBe(expected);
			}
		}
		expect(DEFAULT_SETTINGS.crimeRefPattern).toBe(DEFAULT_CRIME_REF_PATTERN);
	});

	it('every demo case is in the default format', () => {
		expect(
			demoData()
				.cases.filter(c => crimeRefProblem(c.ref, {}) !== null)
				.map(c => c.ref),
		).toEqual([]);
	});

	it('a team pattern must match the whole reference, even written without ^ and $', () => {
		const settings = {crimeRefPattern: String.raw`NC/\d{4}/\d{2}`};
		expect(crimeRefProblem('NC/1001/26', settings)).toBeNull();
		expect(crimeRefProblem('XNC/1001/26', settings)).toContain('(the pattern NC/\\d{4}/\\d{2}, setting crimeRefPattern)');
		expect(crimeRefProblem('NC/1001/267', settings)).not.toBeNull();
		expect(crimeRefProblem('CR/54818/26', settings)).not.toContain('such as');
	});

	it('says why a pattern cannot be the setting', () => {
		expect(crimeRefPatternProblem(DEFAULT_CRIME_REF_PATTERN)).toBeNull();
		expect(crimeRefPatternProblem('CR/(\\d{5}')).toBe('is not a valid regular expression');
		expect(crimeRefPatternProblem('  ')).toBe('is empty');
	});
});
