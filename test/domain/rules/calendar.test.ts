/**
 * Thresholds across the clock changes (Europe/London: last Sunday of March, 29 Mar 2026, and of
 * October, 25 Oct 2026) and 29 February. The test config runs under TZ=Europe/London, so a rule
 * doing local-time Date arithmetic would be a day out here.
 */
import {describe, expect, it} from 'vitest';
import {absence, chainOf, kase, officer, problem, review, severities, store} from './fixture.js';

describe('across the clock change', () => {
	it('runs under Europe/London', () => {
		expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-60);
		expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(0);
	});

	it('bail days left count down one a day over the spring change, and red falls on the right day', () => {
		const c = kase('CR/1/26', {
			bail: {regime: 'pcsc-2022', bailedOn: '2026-01-15', returnDate: '2026-04-02', extensions: [], endedOn: null, suspect: 'AB'},
		});
		const data = store({cases: [c]});
		const left = ['2026-03-28', '2026-03-29', '2026-03-30'].map(
			d => problem(data, d, 'bail-due:CR/1/26')!.message.match(/: (\d+) days/)![1],
		);
		expect(left).toEqual(['5', '4', '3']);
		expect(severities(data, 'bail-due:CR/1/26', '2026-03-18', '2026-03-20')).toEqual({
			'2026-03-18': undefined,
			'2026-03-19': 'amber',
			'2026-03-20': 'amber',
		});
		expect(severities(data, 'bail-due:CR/1/26', '2026-03-25', '2026-03-27')).toEqual({
			'2026-03-25': 'amber',
			'2026-03-26': 'red',
			'2026-03-27': 'red',
		});
	});

	it('a bail return on the day the clocks go back lapses the next day, not before', () => {
		const c = kase('CR/2/26', {
			bail: {regime: 'pcsc-2022', bailedOn: '2026-08-01', returnDate: '2026-10-25', extensions: [], endedOn: null, suspect: 'AB'},
		});
		const data = store({cases: [c]});
		expect(problem(data, '2026-10-25', 'bail-due:CR/2/26')?.message).toMatch(/^Bail return 25 Oct: 0 days/);
		expect(problem(data, '2026-10-25', 'bail-lapsed:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-10-26', 'bail-lapsed:CR/2/26')?.since).toBe('2026-10-26');
	});

	it('crime-report amber lands on the change day itself (spring and autumn)', () => {
		for (const [last, change] of [
			['2026-03-15', '2026-03-29'],
			['2026-10-11', '2026-10-25'],
		] as const) {
			const data = store({cases: [kase('CR/3/26', {updates: [{date: last, authorId: 'o1', text: 'Enquiries continue.'}]})]});
			const before = new Date(`${change}T00:00:00Z`);
			before.setUTCDate(before.getUTCDate() - 1);
			expect(problem(data, before.toISOString().slice(0, 10), 'crime-report-not-updated:CR/3/26')).toBeUndefined();
			expect(problem(data, change, 'crime-report-not-updated:CR/3/26')?.since).toBe(change);
		}
	});

	it('review overdue and red over the autumn change', () => {
		const data = store({
			cases: [kase('CR/4/26', {nextReviewDue: '2026-10-22'})],
			chain: chainOf([review('CR/4/26', '2026-10-08', '2026-10-22')]),
		});
		expect(severities(data, 'review-overdue:CR/4/26', '2026-10-22', '2026-10-30')).toEqual({
			'2026-10-22': undefined,
			'2026-10-23': 'amber',
			'2026-10-24': 'amber',
			'2026-10-25': 'amber',
			'2026-10-26': 'amber',
			'2026-10-27': 'amber',
			'2026-10-28': 'amber',
			'2026-10-29': 'red',
			'2026-10-30': 'red',
		});
	});

	it('an officer going sick on the spring change day over a bail date', () => {
		const c = kase('CR/5/26', {
			bail: {regime: 'pcsc-2022', bailedOn: '2026-01-15', returnDate: '2026-03-31', extensions: [], endedOn: null, suspect: 'AB'},
		});
		const data = store({cases: [c], absences: [absence('a1', 'o1', '2026-03-29', null, {recordedAt: '2026-03-29T00:30:00.000Z'})]});
		expect(problem(data, '2026-03-28', 'bail-officer-absent:CR/5/26')).toBeUndefined();
		expect(problem(data, '2026-03-29', 'bail-officer-absent:CR/5/26')?.since).toBe('2026-03-29');
	});
});

describe('29 February', () => {
	it('bail given on 29 Nov 2027: three months end on 29 Feb 2028 and lapse on 1 Mar', () => {
		const c = kase('CR/6/27', {
			bail: {regime: 'pcsc-2022', bailedOn: '2027-11-29', returnDate: '2028-03-10', extensions: [], endedOn: null, suspect: 'AB'},
		});
		const data = store({cases: [c]});
		const p = problem(data, '2028-02-22', 'bail-due:CR/6/27')!;
		expect(p.due).toBe('2028-02-29');
		expect(p.severity).toBe('red');
		expect(p.message).toContain('Bail period ends 29 Feb: 7 days');
		expect(problem(data, '2028-02-29', 'bail-lapsed:CR/6/27')).toBeUndefined();
		expect(problem(data, '2028-03-01', 'bail-lapsed:CR/6/27')?.since).toBe('2028-03-01');
	});

	it('forensic and crime-report day counts run through 29 February', () => {
		const data = store({
			cases: [
				kase('CR/7/28', {
					opened: '2027-12-01',
					updates: [{date: '2028-02-15', authorId: 'o1', text: 'Enquiries continue.'}],
					forensics: [{id: 'f1', item: 'Phone', submitted: '2027-12-31', expected: null, resultOn: null}],
				}),
			],
		});
		// 2027-12-31 + 60 days = 2028-02-29.
		expect(severities(data, 'forensic-wait:CR/7/28:f1', '2028-02-28', '2028-03-01')).toEqual({
			'2028-02-28': undefined,
			'2028-02-29': 'amber',
			'2028-03-01': 'amber',
		});
		expect(severities(data, 'crime-report-not-updated:CR/7/28', '2028-02-28', '2028-03-01')).toEqual({
			'2028-02-28': undefined,
			'2028-02-29': 'amber',
			'2028-03-01': 'amber',
		});
	});

	it('an officer who joined on 29 Feb 2024: tenure review on 29 Feb 2028, expected move on 28 Feb 2029', () => {
		const data = store({
			officers: [...store().officers.filter(o => o.id !== 'o1'), officer('o1', {joinedUnit: '2024-02-29', imageExposed: true})],
		});
		expect(severities(data, 'tenure-review-due:o1', '2028-02-28', '2028-03-01')).toEqual({
			'2028-02-28': undefined,
			'2028-02-29': 'amber',
			'2028-03-01': 'amber',
		});
		expect(severities(data, 'tenure-review-due:o1', '2029-02-27', '2029-03-01')).toEqual({
			'2029-02-27': 'amber',
			'2029-02-28': 'red',
			'2029-03-01': 'red',
		});
	});
});
