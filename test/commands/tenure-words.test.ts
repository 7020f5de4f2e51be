/**
 * `fortnight problems --json` words DC Ashworth's years in the unit (since 01 Jun 2021) in calendar
 * years and months, as the tenure rule counts its 5 years (QA 6 D5: the anniversary read "4 years 11
 * months" while the same sentence said the expected move at 5 years was that day).
 */
import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {demoCopy, runCli} from '../helpers/cli.js';

const copy = demoCopy();
afterAll(() => rmSync(copy.dir, {recursive: true, force: true}));

function tenureWords(today: string): string | undefined {
	const r = runCli(['problems', '--json', '--store', copy.store, '--today', today]);
	expect(r.code).toBe(0);
	const problems = JSON.parse(r.stdout) as {kind: string; message: string}[];
	return problems.find(p => p.kind === 'tenure-review-due' && p.message.startsWith('DC Ashworth'))?.message;
}

describe('tenure words in the built CLI', () => {
	it('says 5 years 0 months on the 5th anniversary and counts calendar months after it', () => {
		const days: Record<string, string> = {
			'2026-06-01': '5 years 0 months (since 01 Jun 2021)',
			'2026-07-01': '5 years 1 month (since',
			'2026-10-01': '5 years 4 months (since',
			'2027-06-01': '6 years 0 months (since',
		};
		for (const [today, words] of Object.entries(days)) expect(tenureWords(today)).toContain(`in the unit ${words}`);
		expect(tenureWords('2026-06-01')).toContain('expected move at 5 years was 01 Jun');
	});
});
