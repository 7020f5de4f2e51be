/**
 * QA pass 3, R9: README listed `Bail due, OIC away` among the problems a cover clears, but the rule
 * (DOMAIN; docs/rules.md "Pre-charge bail": critical whenever the OIC is away over the deadline,
 * covered or not) keeps it. README now says so, and the problem's action says what clears it.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {ROOT} from '../../helpers/cli.js';
import {loadDemo} from '../review/fixtures.js';

describe('Bail due, OIC away with a cover named', () => {
	it('stays critical; its action and ways say a reallocation or a bail record clears it, never a cover', () => {
		const data = loadDemo();
		data.absences = data.absences.map(a => (a.id === 'ab0003' ? {...a, coverOfficerId: 'o0010'} : a));
		const problems = findProblems(data, '2026-11-30');
		expect(problems.some(p => p.kind === 'action-owner-away' && p.subject.officerId === 'o0003')).toBe(false);
		const p = problems.find(x => x.id === 'bail-officer-absent:CR/87204/26')!;
		expect(p.severity).toBe('critical');
		expect(p.action).toBe(
			'Make sure DC Evans has the case and deals with the bail date before 02 Dec. ' +
				'A cover does not clear this (the OIC is away over the date): reallocate the case, or record the bail.',
		);
		expect(new Set((p.resolve ?? []).map(r => r.way))).toEqual(new Set(['reallocate', 'bail-record']));
	});

	it("README's Cover bullet does not list it", () => {
		const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
		const bullet = /- \*\*Cover\*\* \(([^)]*)\)/.exec(readme)![1]!;
		expect(bullet).not.toContain('Bail due, OIC away');
		expect(bullet).toContain('Action owner away');
	});
});
