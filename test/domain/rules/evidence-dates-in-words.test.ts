/**
 * QA 6 R7: every problem's evidence says its dates as the prose beside it does ("on sick leave 10 Dec-04 Feb
 * 2027", "bailed 11 Sep"), not ISO ("2026-12-10 to 2027-02-04"). The evidence's `date` field, read by
 * programs (problems --json), stays ISO. Every kind the demo raises, on two days, one with the sergeant's
 * absence under way and a cover named so the independent-review rule fires too.
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../source/domain/absences.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

describe('evidence dates in words', () => {
	it('no evidence detail of any kind holds an ISO date; every date field is one', () => {
		const covered = changeAbsence(demoData(), 'ab0002', {coverOfficerId: 'o0006'}, DEMO_TODAY, {
			recording: {by: 'o0001', at: '2026-11-30T09:00:00.000Z'},
		}).data;
		const problems = [...findProblems(demoData(), DEMO_TODAY), ...findProblems(covered, '2026-12-14')];
		const kinds = new Set(problems.map(p => p.kind));
		expect(kinds.has('review-needs-independent-supervisor')).toBe(true);
		expect(kinds.size).toBeGreaterThan(15);
		const evidence = problems.flatMap(p => p.evidence.map(e => ({kind: p.kind, ...e})));
		expect(evidence.filter(e => ISO.test(e.detail)).map(e => `${e.kind}: ${e.detail}`)).toEqual([]);
		expect(evidence.filter(e => e.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(e.date))).toEqual([]);
		const details = evidence.map(e => e.detail);
		expect(details).toContain('OIC on sick leave from 28 Nov, no cover');
		expect(details.some(d => /^supervisor on sick leave 10 Dec-04 Feb 2027/.test(d))).toBe(true);
	});
});
