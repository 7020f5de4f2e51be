/** Officer and supervisor rules at every threshold: the day before, the day of and the day after. */
import {describe, expect, it} from 'vitest';
import {triggerFor, workloadFor} from '../../../source/domain/rules/index.js';
import type {Case, WelfareEvent} from '../../../source/domain/model.js';
import {chainOf, decision, kase, officer, problem, severities, store} from './fixture.js';

const event = (officerId: string, date: string, kind: WelfareEvent['kind']): WelfareEvent => ({
	id: `w-${officerId}-${date}-${kind}`,
	officerId,
	date,
	kind,
	by: 's1',
	flags: [],
});

describe('workload per FTE', () => {
	const cases = (n: number, risk: Case['risk'], from = 0): Case[] =>
		Array.from({length: n}, (_, i) =>
			kase(`CR/${from + i}/26`, {risk, allocatedOn: `2026-02-${String(from + i + 1).padStart(2, '0')}`, opened: '2026-01-15'}),
		);

	it('points by risk over FTE against capacity; flagged strictly above 110%', () => {
		// Part-time 20h = 0.5 FTE; capacity 20 points per FTE, so 10 points = 100% and 11 = 110%.
		const part = officer('o1', {hoursPerWeek: 20, name: 'Pat Part'});
		const at110 = store({
			officers: [officer('s1', {rank: 'DS', role: 'sergeant', supervisorId: null}), part],
			cases: [...cases(5, 'medium'), ...cases(1, 'low', 5)],
		});
		expect(workloadFor(at110, 'o1')).toEqual({officerId: 'o1', liveCases: 6, points: 11, fte: 0.5, percent: 110, excessive: false});
		expect(problem(at110, '2026-03-01', 'workload:o1')).toBeUndefined();
		const over = store({officers: at110.officers, cases: [...cases(5, 'medium'), ...cases(2, 'low', 5)]});
		expect(workloadFor(over, 'o1')).toMatchObject({points: 12, percent: 120, excessive: true});
		const p = problem(over, '2026-03-01', 'workload:o1')!;
		expect(p.severity).toBe('amber');
		// The seventh case, allocated 07 Feb, tipped it over.
		expect(p.since).toBe('2026-02-07');
		expect(p.message).toContain('7 live cases (0 high, 5 medium, 2 low) = 12 points on 20h a week (0.50 FTE): 120% of capacity');
		// The same load on full-time hours is fine.
		expect(workloadFor(store({cases: over.cases}), 'o1')).toMatchObject({percent: 60, excessive: false});
	});

	it('thresholds come from settings', () => {
		const data = store({cases: cases(3, 'high')});
		expect(workloadFor(data, 'o1').percent).toBe(45);
		const tight = store({cases: cases(3, 'high'), settings: {...data.settings, capacityPointsPerFte: 8}});
		expect(workloadFor(tight, 'o1')).toMatchObject({percent: 113, excessive: true});
	});
});

describe('span of control', () => {
	it('warns above 8 direct reports, from the day the ninth joined', () => {
		const reports = (n: number) =>
			Array.from({length: n}, (_, i) => officer(`d${i}`, {joinedUnit: `2026-0${Math.min(9, 1 + Math.floor(i / 2))}-0${1 + (i % 2)}`}));
		const base = store();
		const eight = store({officers: [...base.officers.filter(o => o.id !== 'o1'), ...reports(8)]});
		expect(problem(eight, '2026-10-01', 'span-of-control:s1')).toBeUndefined();
		const nine = store({officers: [...base.officers.filter(o => o.id !== 'o1'), ...reports(9)]});
		const p = problem(nine, '2026-10-01', 'span-of-control:s1')!;
		expect(p.severity).toBe('amber');
		expect(p.since).toBe('2026-05-01');
		expect(p.message).toBe('DS Sergeant supervises 9 officers directly (warning above 8; 6 is usual)');
		// An officer who has left does not count.
		const left = store({officers: [...nine.officers.slice(0, -1), {...nine.officers.at(-1)!, leftUnit: '2026-09-01'}]});
		expect(problem(left, '2026-10-01', 'span-of-control:s1')).toBeUndefined();
	});
});

describe('welfare check-ins', () => {
	it('due 28 days after the last check-in (amber), red a further 28 days on', () => {
		const data = store({welfareEvents: [event('o1', '2026-05-01', 'check-in'), event('o1', '2026-05-01', 'wellbeing-questionnaire')]});
		expect(severities(data, 'welfare-check-in-due:o1', '2026-05-28', '2026-05-30')).toEqual({
			'2026-05-28': undefined,
			'2026-05-29': 'amber',
			'2026-05-30': 'amber',
		});
		expect(severities(data, 'welfare-check-in-due:o1', '2026-06-25', '2026-06-27')).toEqual({
			'2026-06-25': 'amber',
			'2026-06-26': 'red',
			'2026-06-27': 'red',
		});
		// A one-to-one counts as contact; a check-in recorded after today does not.
		const later = store({welfareEvents: [event('o1', '2026-05-01', 'check-in'), event('o1', '2026-06-10', 'one-to-one')]});
		expect(problem(later, '2026-06-09', 'welfare-check-in-due:o1')).toBeDefined();
		expect(problem(later, '2026-06-10', 'welfare-check-in-due:o1')).toBeUndefined();
	});

	it('annual wellbeing questionnaire', () => {
		const data = store({welfareEvents: [event('o1', '2025-06-01', 'wellbeing-questionnaire')]});
		expect(problem(data, '2026-05-31', 'welfare-check-in-due:o1:questionnaire')).toBeUndefined();
		expect(problem(data, '2026-06-01', 'welfare-check-in-due:o1:questionnaire')?.message).toBe(
			'Wellbeing questionnaire for DC Dean due 01 Jun, today; last 01 Jun 2025 (every 365 days)',
		);
	});
});

describe('new starters', () => {
	const starter = officer('o1', {rank: 'TDC', joinedUnit: '2026-03-01', mentorId: 'm1', name: 'Tia New'});
	const mentor = officer('m1', {name: 'Mo Mentor', joinedUnit: '2020-01-01'});
	const team = [...store().officers.filter(o => o.id !== 'o1'), starter, mentor];

	it('monthly one-to-one: due 31 days after joining or the last one', () => {
		const data = store({officers: team, welfareEvents: [event('o1', '2026-03-20', 'check-in')]});
		expect(severities(data, 'new-starter-one-to-one-due:o1', '2026-03-31', '2026-04-02')).toEqual({
			'2026-03-31': undefined,
			'2026-04-01': 'amber',
			'2026-04-02': 'amber',
		});
		const met = store({officers: team, welfareEvents: [event('o1', '2026-04-05', 'one-to-one')]});
		expect(problem(met, '2026-05-05', 'new-starter-one-to-one-due:o1')).toBeUndefined();
		expect(problem(met, '2026-05-06', 'new-starter-one-to-one-due:o1')).toBeDefined();
		// Six months on, no longer a new starter.
		expect(problem(met, '2026-08-31', 'new-starter-one-to-one-due:o1')).toBeDefined();
		expect(problem(met, '2026-09-01', 'new-starter-one-to-one-due:o1')).toBeUndefined();
	});

	it('given a case over 12 months old: support needed, naming the mentor and the mentor load', () => {
		const old = kase('CR/11/25', {opened: '2025-04-15', allocatedOn: '2026-03-10'});
		const data = store({
			officers: team,
			cases: [old, kase('CR/12/26', {opened: '2026-03-02', allocatedOn: '2026-03-02'}), kase('CR/13/26', {oicId: 'm1', risk: 'high'})],
		});
		expect(problem(data, '2026-04-14', 'new-starter-old-cases:o1')).toBeUndefined();
		const p = problem(data, '2026-04-15', 'new-starter-old-cases:o1')!;
		expect(p.since).toBe('2026-04-15');
		expect(p.severity).toBe('amber');
		expect(p.message).toBe(
			'TDC New, in the unit 45 days, holds 1 case opened over 12 months ago (CR/11/25); mentor DC Mentor (own caseload 15% of capacity)',
		);
		const noMentor = store({officers: [...team.filter(o => o.id !== 'o1'), {...starter, mentorId: null}], cases: [old]});
		expect(problem(noMentor, '2026-04-15', 'new-starter-old-cases:o1')?.severity).toBe('red');
		// Allocated after it was already old: fires from allocation.
		const late = store({officers: team, cases: [kase('CR/14/24', {opened: '2024-01-01', allocatedOn: '2026-03-10'})]});
		expect(problem(late, '2026-03-10', 'new-starter-old-cases:o1')?.since).toBe('2026-03-10');
	});
});

describe('tenure and psychological screening (image-exposed roles)', () => {
	const exposed = officer('o1', {joinedUnit: '2021-06-15', imageExposed: true});
	const team = [...store().officers.filter(o => o.id !== 'o1'), exposed];

	it('tenure review due at 4 years, red past the expected move at 5', () => {
		const data = store({officers: team});
		expect(severities(data, 'tenure-review-due:o1', '2025-06-14', '2025-06-16')).toEqual({
			'2025-06-14': undefined,
			'2025-06-15': 'amber',
			'2025-06-16': 'amber',
		});
		const held = store({officers: team, welfareEvents: [event('o1', '2025-06-20', 'tenure-review')]});
		expect(problem(held, '2025-07-01', 'tenure-review-due:o1')).toBeUndefined();
		expect(severities(held, 'tenure-review-due:o1', '2026-06-14', '2026-06-16')).toEqual({
			'2026-06-14': undefined,
			'2026-06-15': 'red',
			'2026-06-16': 'red',
		});
		// Not image-exposed: no tenure rule.
		expect(problem(store(), '2026-07-01', 'tenure-review-due:o1')).toBeUndefined();
	});

	it('words the years in the unit in calendar years and months, agreeing with the 5-year threshold (QA 6 D5)', () => {
		const data = store({officers: team});
		const on = (today: string) => problem(data, today, 'tenure-review-due:o1')?.message;
		// The move day itself: the rule says the 5 years have passed, so the words must too (was "4 years 11 months").
		expect(on('2026-06-15')).toContain('in the unit 5 years 0 months (since 15 Jun 2021)');
		expect(on('2026-06-15')).toContain('expected move at 5 years was 15 Jun');
		expect(on('2026-06-14')).toContain('in the unit 4 years 11 months');
		expect(on('2026-07-15')).toContain('in the unit 5 years 1 month ');
		expect(on('2026-10-15')).toContain('in the unit 5 years 4 months');
		expect(on('2027-06-14')).toContain('in the unit 5 years 11 months');
		expect(on('2027-06-15')).toContain('in the unit 6 years 0 months');
	});

	it('screening due at 4 years, then every 6 months', () => {
		const data = store({officers: team});
		expect(severities(data, 'screening-due:o1', '2025-06-14', '2025-06-16')).toEqual({
			'2025-06-14': undefined,
			'2025-06-15': 'amber',
			'2025-06-16': 'amber',
		});
		const screened = store({officers: team, welfareEvents: [event('o1', '2025-07-10', 'psychological-screening')]});
		expect(severities(screened, 'screening-due:o1', '2026-01-09', '2026-01-11')).toEqual({
			'2026-01-09': undefined,
			'2026-01-10': 'amber',
			'2026-01-11': 'amber',
		});
		expect(problem(screened, '2026-07-10', 'screening-due:o1')?.severity).toBe('red');
	});
});

describe('performance trigger', () => {
	const concern = (date: string) => ({id: `c-${date}`, officerId: 'o1', date, by: 's1', text: 'Missed a deadline.', caseRef: null});

	it('2 concerns in 60 days: fires on the second, escalates after 14 days with no decision', () => {
		const data = store({concerns: [concern('2026-03-01'), concern('2026-04-20')]});
		expect(triggerFor(data, 'o1', '2026-04-19').fired).toBe(false);
		const t = triggerFor(data, 'o1', '2026-04-20');
		expect(t).toMatchObject({
			officerId: 'o1',
			fired: true,
			firstFired: '2026-04-20',
			decisionRecorded: false,
			escalated: false,
			lastDecision: null,
			activePlan: null,
		});
		expect(t.evidence.filter(e => e.type === 'concern')).toHaveLength(2);
		// Each line tells the sergeant which concern it is (QA P3-14: two identical lines before).
		expect(t.evidence.filter(e => e.type === 'concern').map(e => e.detail)).toEqual([
			'concern recorded 01 Mar by DS Sergeant',
			'concern recorded 20 Apr by DS Sergeant',
		]);
		expect(problem(data, '2026-04-20', 'performance-trigger:o1')?.severity).toBe('amber');
		expect(triggerFor(data, 'o1', '2026-05-03').escalated).toBe(false);
		expect(triggerFor(data, 'o1', '2026-05-04').escalated).toBe(true);
		const p = problem(data, '2026-05-04', 'performance-trigger:o1')!;
		expect(p.severity).toBe('red');
		expect(p.since).toBe('2026-05-04');
		expect(p.message).toContain("On DI Inspector's exception list: no decision recorded in 14 days");
		// Concerns 61 days apart do not fire it.
		expect(triggerFor(store({concerns: [concern('2026-03-01'), concern('2026-05-01')]}), 'o1', '2026-05-01').fired).toBe(false);
		// Unanswered, the evidence does not age away.
		expect(triggerFor(data, 'o1', '2026-09-01')).toMatchObject({fired: true, escalated: true});
		// Answered, it stays for the window after the second concern, then lapses.
		const answered = store({concerns: data.concerns, chain: chainOf([decision('o1', '2026-04-25', 'not-now')])});
		expect(triggerFor(answered, 'o1', '2026-06-18').fired).toBe(true);
		expect(triggerFor(answered, 'o1', '2026-06-18').evidence.find(e => e.type === 'decision')?.detail).toBe(
			'decision "not needed now" recorded 25 Apr by DS Sergeant',
		);
		expect(triggerFor(answered, 'o1', '2026-06-19').fired).toBe(false);
	});

	it('a decision is recorded; "not now" twice in a row goes to the inspector', () => {
		const concerns = [concern('2026-03-01'), concern('2026-04-20')];
		const once = store({concerns, chain: chainOf([decision('o1', '2026-04-25', 'not-now')])});
		const t = triggerFor(once, 'o1', '2026-05-10');
		expect(t).toMatchObject({fired: true, decisionRecorded: true, escalated: false});
		expect(t.lastDecision?.decision).toBe('not-now');
		expect(problem(once, '2026-05-10', 'performance-trigger:o1')?.severity).toBe('info');
		const twice = store({concerns, chain: chainOf([decision('o1', '2026-04-25', 'not-now'), decision('o1', '2026-05-09', 'not-now')])});
		expect(triggerFor(twice, 'o1', '2026-05-08').escalated).toBe(false);
		expect(triggerFor(twice, 'o1', '2026-05-09').escalated).toBe(true);
		const p = problem(twice, '2026-05-09', 'performance-trigger:o1')!;
		expect(p.severity).toBe('red');
		expect(p.since).toBe('2026-05-09');
		expect(p.message).toContain('"not now" recorded twice in a row');
		// A decision made before the trigger fired does not count.
		const early = store({concerns, chain: chainOf([decision('o1', '2026-04-01', 'not-now')])});
		expect(triggerFor(early, 'o1', '2026-04-21').decisionRecorded).toBe(false);
	});

	it('an action plan in force counts as the decision and keeps it off the list', () => {
		const concerns = [concern('2026-03-01'), concern('2026-04-20')];
		const plan = {
			id: 'ap1',
			officerId: 'o1',
			started: '2026-04-22',
			expires: '2027-04-22',
			reviewDate: '2026-07-01',
			endedOn: null,
			decisionSeq: 0,
		};
		const data = store({concerns, actionPlans: [plan], chain: chainOf([decision('o1', '2026-04-22', 'action-plan')])});
		expect(triggerFor(data, 'o1', '2026-05-20')).toMatchObject({fired: true, decisionRecorded: true, escalated: false, activePlan: plan});
		expect(problem(data, '2026-05-20', 'performance-trigger:o1')).toBeUndefined();
	});

	it('2 cases red for updates fire it on the day the second turns red', () => {
		const up = (date: string) => [{date, authorId: 'o1', text: 'Enquiries continue with the ISP.'}];
		const data = store({cases: [kase('CR/20/26', {updates: up('2026-03-01')}), kase('CR/21/26', {updates: up('2026-03-05')})]});
		expect(triggerFor(data, 'o1', '2026-04-01').fired).toBe(false);
		expect(triggerFor(data, 'o1', '2026-04-02').firstFired).toBe('2026-04-02');
	});

	it('identical update text alone fires it on the day it was written; so does a stalled action', () => {
		const text = 'In the process of trying to complete the MG3. The grading machine has stopped working.';
		const earlier = {date: '2026-10-10', authorId: 'o1', text: 'Enquiries continue.'};
		const same = store({
			cases: [
				kase('CR/30/26', {updates: [earlier, {date: '2026-10-21', authorId: 'o1', text}]}),
				kase('CR/31/26', {updates: [earlier, {date: '2026-10-21', authorId: 'o1', text}]}),
			],
		});
		expect(triggerFor(same, 'o1', '2026-10-20').fired).toBe(false);
		expect(triggerFor(same, 'o1', '2026-10-21')).toMatchObject({fired: true, firstFired: '2026-10-21'});
		const action = {
			id: 'a1',
			text: 'Grade the images',
			ownerId: 'o1',
			due: '2026-12-01',
			status: 'in-progress' as const,
			createdOn: '2026-09-01',
			startedOn: '2026-09-02',
			carriedCount: 0,
			history: [],
		};
		const stalled = store({
			cases: [kase('CR/32/26', {actions: [action], updates: [{date: '2026-09-30', authorId: 'o1', text: 'Grading continues.'}]})],
		});
		expect(triggerFor(stalled, 'o1', '2026-09-29').fired).toBe(false);
		expect(triggerFor(stalled, 'o1', '2026-09-30')).toMatchObject({fired: true, firstFired: '2026-09-30'});
	});

	it('the sergeant escalating it puts it on the list at once', () => {
		const concerns = [concern('2026-03-01'), concern('2026-04-20')];
		const data = store({concerns, chain: chainOf([decision('o1', '2026-04-22', 'escalate')])});
		expect(triggerFor(data, 'o1', '2026-04-22')).toMatchObject({decisionRecorded: true, escalated: true});
		expect(problem(data, '2026-04-22', 'performance-trigger:o1')?.message).toContain('DS Sergeant escalated it on 22 Apr');
	});
});
