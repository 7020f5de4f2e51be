/** Case rules at every threshold: the day before, the day of and the day after. */
import {describe, expect, it} from 'vitest';
import {cadenceDays} from '../../../source/domain/rules/index.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {absence, chainOf, kase, problem, review, severities, store} from './fixture.js';

describe('review overdue (risk cadence, cap, supervisor absent)', () => {
	it('cadence comes from settings and is capped', () => {
		expect(cadenceDays('high', DEFAULT_SETTINGS)).toBe(7);
		expect(cadenceDays('medium', DEFAULT_SETTINGS)).toBe(14);
		expect(cadenceDays('low', DEFAULT_SETTINGS)).toBe(14);
		const s = {...DEFAULT_SETTINGS, reviewCadenceDays: {high: 3, medium: 21, low: 60}};
		expect(cadenceDays('low', s)).toBe(28);
		expect(cadenceDays('medium', s)).toBe(21);
	});

	it('amber 1 day overdue, red at 7', () => {
		const data = store({
			cases: [kase('CR/1/26', {nextReviewDue: '2026-06-10'})],
			chain: chainOf([review('CR/1/26', '2026-05-27', '2026-06-10')]),
		});
		expect(severities(data, 'review-overdue:CR/1/26', '2026-06-10', '2026-06-18')).toEqual({
			'2026-06-10': undefined,
			'2026-06-11': 'amber',
			'2026-06-12': 'amber',
			'2026-06-16': 'amber',
			'2026-06-17': 'red',
			'2026-06-18': 'red',
			'2026-06-13': 'amber',
			'2026-06-14': 'amber',
			'2026-06-15': 'amber',
		});
		const p = problem(data, '2026-06-17', 'review-overdue:CR/1/26')!;
		expect(p.since).toBe('2026-06-11');
		expect(p.due).toBe('2026-06-10');
		expect(p.message).toContain('7 days overdue');
	});

	it('a next-review date set beyond the cap is pulled in to last review + 28', () => {
		const data = store({
			cases: [kase('CR/1/26', {nextReviewDue: '2026-09-01'})],
			chain: chainOf([review('CR/1/26', '2026-06-01', '2026-09-01')]),
		});
		expect(problem(data, '2026-06-29', 'review-overdue:CR/1/26')).toBeUndefined();
		expect(problem(data, '2026-06-30', 'review-overdue:CR/1/26')?.since).toBe('2026-06-30');
	});

	it('critical when the supervisor is away today with no cover; amber/red when cover is named', () => {
		const cases = [kase('CR/1/26', {nextReviewDue: '2026-06-10'})];
		const chain = chainOf([review('CR/1/26', '2026-05-27', '2026-06-10')]);
		const uncovered = store({cases, chain, absences: [absence('a1', 's1', '2026-06-01', '2026-07-31')]});
		expect(problem(uncovered, '2026-06-12', 'review-overdue:CR/1/26')?.severity).toBe('critical');
		const covered = store({cases, chain, absences: [absence('a1', 's1', '2026-06-01', '2026-07-31', {coverOfficerId: 'i1'})]});
		expect(problem(covered, '2026-06-12', 'review-overdue:CR/1/26')?.severity).toBe('amber');
		expect(problem(uncovered, '2026-06-12', 'review-overdue:CR/1/26')?.message).toContain(
			'DS Sergeant is on sick leave with no cover named',
		);
	});

	it('reviews due in a supervisor absence without cover: critical from the day it is known (or 28 days before it starts)', () => {
		const cases = [kase('CR/1/26', {nextReviewDue: '2026-07-20'})];
		const booked = store({cases, absences: [absence('a1', 's1', '2026-08-01', '2026-09-30', {recordedAt: '2026-06-01T09:00:00.000Z'})]});
		const id = 'review-due-supervisor-absent:s1:a1';
		expect(problem(booked, '2026-07-03', id)).toBeUndefined();
		const p = problem(booked, '2026-07-04', id)!;
		expect(p.severity).toBe('critical');
		expect(p.since).toBe('2026-07-04');
		expect(p.message).toMatch(/DS Sergeant is on sick leave 01 Aug to 30 Sep with no cover named: 1 case review fall/);
		expect(problem(booked, '2026-07-05', id)?.severity).toBe('critical');
		// Recorded on the day it starts: fires that day, not the day before.
		const sudden = store({cases, absences: [absence('a1', 's1', '2026-06-15', null)]});
		expect(problem(sudden, '2026-06-14', id)).toBeUndefined();
		expect(problem(sudden, '2026-06-15', id)?.since).toBe('2026-06-15');
		// Cover named: no problem.
		const covered = store({cases, absences: [absence('a1', 's1', '2026-06-15', null, {coverOfficerId: 'i1'})]});
		expect(problem(covered, '2026-06-20', id)).toBeUndefined();
		// Over: no problem.
		expect(problem(booked, '2026-10-01', id)).toBeUndefined();
	});
});

describe('bail', () => {
	const bailed = (over = {}) =>
		kase('CR/2/26', {
			arrestDate: '2026-05-01',
			bail: {regime: 'pcsc-2022', bailedOn: '2026-05-01', returnDate: '2026-07-20', extensions: [], endedOn: null, suspect: 'AB', ...over},
		});

	it('amber at 14 days, red at 7, critical the day after the return date', () => {
		const data = store({cases: [bailed()]});
		expect(problem(data, '2026-07-05', 'bail-due:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-07-06', 'bail-due:CR/2/26')?.severity).toBe('amber');
		expect(problem(data, '2026-07-07', 'bail-due:CR/2/26')?.severity).toBe('amber');
		expect(problem(data, '2026-07-12', 'bail-due:CR/2/26')?.severity).toBe('amber');
		expect(problem(data, '2026-07-13', 'bail-due:CR/2/26')?.severity).toBe('red');
		expect(problem(data, '2026-07-14', 'bail-due:CR/2/26')?.severity).toBe('red');
		expect(problem(data, '2026-07-20', 'bail-due:CR/2/26')?.message).toMatch(
			/^Bail return 20 Jul: 0 days; period ends 01 Aug, next extension by an inspector \(to 01 Nov\)/,
		);
		expect(problem(data, '2026-07-20', 'bail-lapsed:CR/2/26')).toBeUndefined();
		const lapsed = problem(data, '2026-07-21', 'bail-lapsed:CR/2/26')!;
		expect(lapsed.severity).toBe('critical');
		expect(lapsed.since).toBe('2026-07-21');
		expect(problem(data, '2026-07-21', 'bail-due:CR/2/26')).toBeUndefined();
		expect(problem(store({cases: [bailed({endedOn: '2026-07-20'})]}), '2026-07-21', 'bail-lapsed:CR/2/26')).toBeUndefined();
	});

	it('the period end is the deadline when it comes first, and it lapses the day after', () => {
		const data = store({cases: [bailed({returnDate: '2026-09-01'})]});
		const p = problem(data, '2026-07-25', 'bail-due:CR/2/26')!;
		expect(p.due).toBe('2026-08-01');
		expect(p.message).toContain('Bail period ends 01 Aug: 7 days, before the return date 01 Sep');
		expect(p.action).toContain('an inspector');
		expect(problem(data, '2026-08-01', 'bail-lapsed:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-08-02', 'bail-lapsed:CR/2/26')?.message).toContain('can no longer be extended');
	});

	it('pre-2022 regime: 28 days then a superintendent, then a court', () => {
		const old = kase('CR/3/22', {
			bail: {regime: 'pre-2022', bailedOn: '2022-09-01', returnDate: '2022-09-29', extensions: [], endedOn: null, suspect: 'CD'},
		});
		const p = problem(store({cases: [old]}), '2022-09-20', 'bail-due:CR/3/22')!;
		expect(p.message).toContain('period ends 29 Sep (pre-2022 bail rules), next extension by a superintendent (to 01 Dec)');
		const courted = kase('CR/3/22', {
			bail: {
				regime: 'pre-2022',
				bailedOn: '2022-09-01',
				returnDate: '2022-11-25',
				extensions: [{date: '2022-09-20', authority: 'superintendent', authorisedBy: 'Supt X', periodEnd: '2022-12-01'}],
				endedOn: null,
				suspect: 'CD',
			},
		});
		expect(problem(store({cases: [courted]}), '2022-11-20', 'bail-due:CR/3/22')?.message).toContain(
			"any further extension needs a magistrates' court",
		);
	});

	it('critical from the day the OIC is known to be away over the date (no cover), naming it', () => {
		const data = store({cases: [bailed({returnDate: '2026-07-20'})], absences: [absence('a1', 'o1', '2026-07-18', null)]});
		expect(problem(data, '2026-07-17', 'bail-officer-absent:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-07-17', 'bail-due:CR/2/26')?.severity).toBe('red');
		const p = problem(data, '2026-07-18', 'bail-officer-absent:CR/2/26')!;
		expect(p.severity).toBe('critical');
		expect(p.since).toBe('2026-07-18');
		expect(p.message).toBe(
			'Bail return 20 Jul: 2 days; period ends 01 Aug, next extension by an inspector (to 01 Nov) before then; OIC DC Dean is on sick leave from 18 Jul; ' +
				'no cover assigned',
		);
		expect(problem(data, '2026-07-18', 'bail-due:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-07-19', 'bail-officer-absent:CR/2/26')?.severity).toBe('critical');
	});

	it('an absence that ends before the return date does not count', () => {
		const data = store({cases: [bailed()], absences: [absence('a1', 'o1', '2026-07-01', '2026-07-19')]});
		expect(problem(data, '2026-07-10', 'bail-officer-absent:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-07-10', 'bail-due:CR/2/26')).toBeDefined();
	});

	it('supervisor away over the date with no cover: one step above the clock, amber before the window', () => {
		const data = store({
			cases: [bailed()],
			absences: [absence('a1', 's1', '2026-07-01', '2026-08-31', {recordedAt: '2026-06-20T08:00:00.000Z'})],
		});
		expect(problem(data, '2026-06-19', 'bail-supervisor-absent:CR/2/26')).toBeUndefined();
		expect(problem(data, '2026-06-20', 'bail-supervisor-absent:CR/2/26')?.severity).toBe('amber');
		expect(problem(data, '2026-07-06', 'bail-supervisor-absent:CR/2/26')?.severity).toBe('red');
		expect(problem(data, '2026-07-13', 'bail-supervisor-absent:CR/2/26')?.severity).toBe('critical');
		expect(problem(data, '2026-07-13', 'bail-supervisor-absent:CR/2/26')?.message).toContain(
			'supervisor DS Sergeant is on sick leave until 31 Aug; no cover assigned',
		);
	});
});

describe('a named cover away too covers nobody (QA P1-1)', () => {
	const bailed = kase('CR/2/26', {
		arrestDate: '2026-05-01',
		bail: {regime: 'pcsc-2022', bailedOn: '2026-05-01', returnDate: '2026-07-20', extensions: [], endedOn: null, suspect: 'AB'},
	});
	const withO2 = (absences: ReturnType<typeof absence>[], cases = [bailed]) => {
		const data = store({cases, absences});
		data.officers.push({...data.officers[2]!, id: 'o2', collarNumber: 'o2', name: 'Lew Grant'});
		return data;
	};

	it('bail: OIC away with cover named, cover away on the date too: nobody, and the action says name another cover before the date', () => {
		const data = withO2([
			absence('a1', 'o1', '2026-07-10', '2026-07-25', {coverOfficerId: 'o2', reason: 'annual-leave'}),
			absence('a2', 'o2', '2026-07-18', '2026-07-22', {reason: 'annual-leave', recordedAt: '2026-07-01T08:00:00.000Z'}),
		]);
		const p = problem(data, '2026-07-12', 'bail-officer-absent:CR/2/26')!;
		expect(p.severity).toBe('critical');
		expect(p.message).toContain(
			'OIC DC Dean is on annual leave until 25 Jul; cover DC Grant is also on annual leave 18-22 Jul, so nobody covers',
		);
		expect(p.message).not.toMatch(/; cover DC Grant$/);
		expect(p.action).toBe('Name another cover before 20 Jul: DC Grant is away that day too, so nobody has the bail date.');
		expect(p.evidence.map(e => e.id)).toContain('a2');
		// The cover back before the date: covered as before.
		const back = withO2([
			absence('a1', 'o1', '2026-07-10', '2026-07-25', {coverOfficerId: 'o2'}),
			absence('a2', 'o2', '2026-07-11', '2026-07-19', {recordedAt: '2026-07-01T08:00:00.000Z'}),
		]);
		expect(problem(back, '2026-07-12', 'bail-officer-absent:CR/2/26')?.action).toBe(
			'Make sure DC Grant has the case and deals with the bail date before 20 Jul. ' +
				'A cover does not clear this (the OIC is away over the date): reallocate the case, or record the bail.',
		);
	});

	it('bail: supervisor away with a cover who is away on the date too counts as uncovered', () => {
		const data = withO2([
			absence('a1', 's1', '2026-07-01', '2026-08-31', {coverOfficerId: 'o2', recordedAt: '2026-06-20T08:00:00.000Z'}),
			absence('a2', 'o2', '2026-07-15', '2026-07-25', {recordedAt: '2026-06-20T08:00:00.000Z'}),
		]);
		const p = problem(data, '2026-07-13', 'bail-supervisor-absent:CR/2/26')!;
		expect(p.severity).toBe('critical');
		expect(p.message).toContain(
			'supervisor DS Sergeant is on sick leave until 31 Aug; cover DC Grant is also on sick leave 15-25 Jul, so nobody covers',
		);
		expect(p.action).toBe('Name another cover supervisor for DS Sergeant before 20 Jul: DC Grant is away that day too.');
		const fine = withO2([absence('a1', 's1', '2026-07-01', '2026-08-31', {coverOfficerId: 'o2', recordedAt: '2026-06-20T08:00:00.000Z'})]);
		expect(problem(fine, '2026-07-13', 'bail-supervisor-absent:CR/2/26')).toBeUndefined();
	});

	it('reviews: overdue review while the supervisor and the named cover are both away is critical', () => {
		const cases = [kase('CR/1/26', {nextReviewDue: '2026-06-10'})];
		const data = withO2(
			[absence('a1', 's1', '2026-06-01', '2026-07-31', {coverOfficerId: 'o2'}), absence('a2', 'o2', '2026-06-11', '2026-06-20')],
			cases,
		);
		data.chain = chainOf([review('CR/1/26', '2026-05-27', '2026-06-10')]);
		const p = problem(data, '2026-06-12', 'review-overdue:CR/1/26')!;
		expect(p.severity).toBe('critical');
		expect(p.message).toContain('DS Sergeant is on sick leave and the named cover DC Grant is on sick leave 11-20 Jun too');
		expect(problem(data, '2026-06-10', 'review-overdue:CR/1/26')).toBeUndefined();
		expect(problem(data, '2026-06-21', 'review-overdue:CR/1/26')?.severity).toBe('red');
	});

	it('reviews due while the supervisor and the named cover are both away: one critical problem naming the first date', () => {
		const cases = [
			kase('CR/1/26', {nextReviewDue: '2026-08-05', allocatedOn: '2026-07-20'}),
			kase('CR/5/26', {nextReviewDue: '2026-08-25', allocatedOn: '2026-07-20'}),
		];
		const data = withO2(
			[
				absence('a1', 's1', '2026-08-01', '2026-09-30', {coverOfficerId: 'o2', recordedAt: '2026-07-01T09:00:00.000Z'}),
				absence('a2', 'o2', '2026-08-03', '2026-08-12', {reason: 'training', recordedAt: '2026-07-01T09:00:00.000Z'}),
			],
			cases,
		);
		const p = problem(data, '2026-07-10', 'review-due-supervisor-absent:s1:a1')!;
		expect(p.severity).toBe('critical');
		expect(p.message).toBe(
			'DS Sergeant is on sick leave 01 Aug to 30 Sep and the named cover DC Grant is on training 03-12 Aug: 1 case review fall due while both are away, ' +
				'the first 05 Aug',
		);
		expect(p.action).toBe("Name another cover for DS Sergeant's reviews before 05 Aug and give them the handover summary.");
		expect(p.evidence.filter(e => e.type === 'case').map(e => e.caseRef)).toEqual(['CR/1/26']);
		// The cover at work on every review date: nothing.
		const fine = withO2(
			[
				absence('a1', 's1', '2026-08-01', '2026-09-30', {coverOfficerId: 'o2', recordedAt: '2026-07-01T09:00:00.000Z'}),
				absence('a2', 'o2', '2026-08-06', '2026-08-12', {recordedAt: '2026-07-01T09:00:00.000Z'}),
			],
			[kase('CR/1/26', {nextReviewDue: '2026-08-05', allocatedOn: '2026-07-20'})],
		);
		expect(problem(fine, '2026-07-10', 'review-due-supervisor-absent:s1:a1')).toBeUndefined();
	});
});

describe('RUI, victim updates, crime report, forensic', () => {
	it('RUI suspect not updated: amber at 28 days, red at 56', () => {
		const data = store({
			cases: [kase('CR/4/26', {rui: {since: '2026-01-10', lastSuspectUpdate: '2026-03-01', suspect: 'EF', endedOn: null}})],
		});
		expect(severities(data, 'rui-no-update:CR/4/26', '2026-03-28', '2026-03-30')).toEqual({
			'2026-03-28': undefined,
			'2026-03-29': 'amber',
			'2026-03-30': 'amber',
		});
		expect(severities(data, 'rui-no-update:CR/4/26', '2026-04-25', '2026-04-27')).toEqual({
			'2026-04-25': 'amber',
			'2026-04-26': 'red',
			'2026-04-27': 'red',
		});
	});

	it('victim, standard: first update within 5 days, then every 28', () => {
		const v = {initials: 'GH', serviceLevel: 'standard' as const, reportedOn: '2026-05-01', updates: [] as string[]};
		const data = store({cases: [kase('CR/5/26', {victim: v})]});
		expect(severities(data, 'victim-update-overdue:CR/5/26', '2026-05-06', '2026-05-08')).toEqual({
			'2026-05-06': undefined,
			'2026-05-07': 'amber',
			'2026-05-08': 'amber',
		});
		const given = store({cases: [kase('CR/5/26', {victim: {...v, updates: ['2026-05-04']}})]});
		expect(severities(given, 'victim-update-overdue:CR/5/26', '2026-06-01', '2026-06-03')).toEqual({
			'2026-06-01': undefined,
			'2026-06-02': 'amber',
			'2026-06-03': 'amber',
		});
		expect(problem(given, '2026-06-30', 'victim-update-overdue:CR/5/26')?.severity).toBe('red');
	});

	it('victim, enhanced: 1 day, then by day 10, then every 28', () => {
		const v = {initials: 'JK', serviceLevel: 'enhanced' as const, reportedOn: '2026-05-01', updates: [] as string[]};
		const none = store({cases: [kase('CR/6/26', {victim: v})]});
		expect(severities(none, 'victim-update-overdue:CR/6/26', '2026-05-02', '2026-05-04')).toEqual({
			'2026-05-02': undefined,
			'2026-05-03': 'amber',
			'2026-05-04': 'amber',
		});
		const one = store({cases: [kase('CR/6/26', {victim: {...v, updates: ['2026-05-02']}})]});
		expect(severities(one, 'victim-update-overdue:CR/6/26', '2026-05-11', '2026-05-13')).toEqual({
			'2026-05-11': undefined,
			'2026-05-12': 'amber',
			'2026-05-13': 'amber',
		});
		const two = store({cases: [kase('CR/6/26', {victim: {...v, updates: ['2026-05-02', '2026-05-09']}})]});
		expect(severities(two, 'victim-update-overdue:CR/6/26', '2026-06-06', '2026-06-08')).toEqual({
			'2026-06-06': undefined,
			'2026-06-07': 'amber',
			'2026-06-08': 'amber',
		});
	});

	it('crime report: amber at 14 days without an update, red at 28', () => {
		const data = store({cases: [kase('CR/7/26', {updates: [{date: '2026-04-01', authorId: 'o1', text: 'Enquiries continue.'}]})]});
		expect(severities(data, 'crime-report-not-updated:CR/7/26', '2026-04-14', '2026-04-16')).toEqual({
			'2026-04-14': undefined,
			'2026-04-15': 'amber',
			'2026-04-16': 'amber',
		});
		expect(severities(data, 'crime-report-not-updated:CR/7/26', '2026-04-28', '2026-04-30')).toEqual({
			'2026-04-28': 'amber',
			'2026-04-29': 'red',
			'2026-04-30': 'red',
		});
		expect(problem(data, '2026-04-29', 'crime-report-not-updated:CR/7/26')?.since).toBe('2026-04-15');
		// A closed case is not flagged.
		expect(
			problem(
				store({cases: [kase('CR/7/26', {status: 'closed', closedOn: '2026-04-02'})]}),
				'2026-06-01',
				'crime-report-not-updated:CR/7/26',
			),
		).toBeUndefined();
	});

	it('forensic wait: amber at 60 days, red at 120, gone once the result is back', () => {
		const f = {id: 'f1', item: 'Laptop', submitted: '2026-01-01', expected: null, resultOn: null};
		const data = store({cases: [kase('CR/8/26', {forensics: [f]})]});
		expect(severities(data, 'forensic-wait:CR/8/26:f1', '2026-03-01', '2026-03-03')).toEqual({
			'2026-03-01': undefined,
			'2026-03-02': 'amber',
			'2026-03-03': 'amber',
		});
		expect(severities(data, 'forensic-wait:CR/8/26:f1', '2026-04-30', '2026-05-02')).toEqual({
			'2026-04-30': 'amber',
			'2026-05-01': 'red',
			'2026-05-02': 'red',
		});
		const back = store({cases: [kase('CR/8/26', {forensics: [{...f, resultOn: '2026-04-01'}]})]});
		expect(problem(back, '2026-04-01', 'forensic-wait:CR/8/26:f1')).toBeUndefined();
		expect(problem(back, '2026-03-31', 'forensic-wait:CR/8/26:f1')?.severity).toBe('amber');
	});
});

describe('stalled actions and deliverables', () => {
	const carried = (dates: string[], count: number) => ({
		id: 'a1',
		text: 'Complete the MG3',
		ownerId: 'o1',
		due: '2026-12-01',
		status: 'open' as const,
		createdOn: '2026-01-01',
		startedOn: null,
		carriedCount: count,
		history: [
			{date: '2026-01-01', event: 'created' as const, reviewSeq: null, reason: null, by: 's1'},
			...dates.map(date => ({date, event: 'carried' as const, reviewSeq: null, reason: 'Nearly done.', by: 's1'})),
		],
	});

	it('carried over 3 consecutive reviews: fires from the third', () => {
		expect(
			problem(
				store({cases: [kase('CR/9/26', {actions: [carried(['2026-01-15', '2026-01-29'], 2)]})]}),
				'2026-03-01',
				'stalled-action:CR/9/26:a1',
			),
		).toBeUndefined();
		const three = store({cases: [kase('CR/9/26', {actions: [carried(['2026-01-15', '2026-01-29', '2026-02-12'], 3)]})]});
		const p = problem(three, '2026-02-12', 'stalled-action:CR/9/26:a1')!;
		expect(p.since).toBe('2026-02-12');
		expect(p.severity).toBe('amber');
		expect(p.message).toContain('carried over 3 reviews in a row');
		// Only the consecutive run counts: an earlier carry that was reset does not move the date.
		const reset = store({cases: [kase('CR/9/26', {actions: [carried(['2025-12-01', '2026-01-15', '2026-01-29', '2026-02-12'], 3)]})]});
		expect(problem(reset, '2026-02-12', 'stalled-action:CR/9/26:a1')?.since).toBe('2026-02-12');
		const six = store({
			cases: [
				kase('CR/9/26', {
					actions: [
						carried(
							['1', '2', '3', '4', '5', '6'].map(n => `2026-0${n}-01`),
							6,
						),
					],
				}),
			],
		});
		expect(problem(six, '2026-06-02', 'stalled-action:CR/9/26:a1')?.severity).toBe('red');
	});

	it('in progress over 28 days', () => {
		const a = {...carried([], 0), status: 'in-progress' as const, startedOn: '2026-03-01'};
		const data = store({cases: [kase('CR/9/26', {actions: [a]})]});
		expect(severities(data, 'stalled-action:CR/9/26:a1', '2026-03-28', '2026-03-30')).toEqual({
			'2026-03-28': undefined,
			'2026-03-29': 'amber',
			'2026-03-30': 'amber',
		});
		expect(problem(data, '2026-04-26', 'stalled-action:CR/9/26:a1')?.severity).toBe('red');
		const done = store({cases: [kase('CR/9/26', {actions: [{...a, status: 'done'}]})]});
		expect(problem(done, '2026-04-26', 'stalled-action:CR/9/26:a1')).toBeUndefined();
	});

	it('MG3 "in progress" over 28 days is a stalled deliverable', () => {
		const data = store({
			cases: [
				kase('CR/10/24', {
					opened: '2024-01-01',
					cps: {mg3Status: 'in-progress', mg3Since: '2024-02-05', cpsDueDate: null, courtDate: null},
				}),
			],
		});
		expect(severities(data, 'stalled-deliverable:CR/10/24:mg3', '2024-03-03', '2024-03-05')).toEqual({
			'2024-03-03': undefined,
			'2024-03-04': 'amber',
			'2024-03-05': 'amber',
		});
		expect(problem(data, '2026-09-01', 'stalled-deliverable:CR/10/24:mg3')?.message).toContain('939 days (2 years 6 months)');
		// Calendar years and months (QA 6 D5): 05 Feb 2024 to 05 Apr 2025 is 1 year 2 months (days / 30.44 said 1 month).
		expect(problem(data, '2025-04-05', 'stalled-deliverable:CR/10/24:mg3')?.message).toContain('425 days (1 year 2 months)');
	});
});

describe('store text in messages', () => {
	it('is made safe in the domain, so every consumer of Problem.message is protected', async () => {
		const {findProblems} = await import('../../../source/domain/rules/index.js');
		const evil = 'Grade the images\u001b[2J\u001b]52;c;ZXZpbA==\u0007 \u202enow';
		const a = {
			id: 'a1',
			text: evil,
			ownerId: 'o1',
			due: '2026-12-01',
			status: 'in-progress' as const,
			createdOn: '2026-01-01',
			startedOn: '2026-01-02',
			carriedCount: 0,
			history: [],
		};
		const data = store({
			officers: [...store().officers.filter(o => o.id !== 'o1'), {...store().officers[2]!, name: 'Dan \u001b[31mDean'}],
			cases: [
				kase('CR/1/26', {
					actions: [a],
					forensics: [{id: 'f1', item: 'Phone\u0007', submitted: '2026-01-01', expected: null, resultOn: null}],
				}),
			],
		});
		const messages = findProblems(data, '2026-06-01')
			.map(p => p.message)
			.join('\n');
		expect(messages).toContain('Grade the images <U+202E>now');
		expect(messages).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
	});
});
