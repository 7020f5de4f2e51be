/**
 * Seed replay: a store that follows the source case's chronology (IOPC "Learning the Lessons", CSA
 * investigations). `storeOn(day)` is the store as it stood on that day (nothing recorded later is in
 * it), so each rule is checked to fire on the first day it should and not the day before.
 *
 * Chronology (dates invented, order and gaps from the case):
 * - DC Dean joined the image-exposed team 2019-09-01 and never had a tenure review or screening.
 * - Case A opened 2024-01-08; laptop to the lab 2024-01-20, result back 2024-05-30.
 * - MG3 "in progress" from 2024-02-05; "In the process of completing the MG3" every 28 days for over
 *   two years; the MG3 never submitted.
 * - Sergeant reviews A every 14 days, then goes sick 2026-03-02 to 2026-05-01 with nobody covering:
 *   no reviews; he comes back and reviews again from 2026-05-05.
 * - The sergeant's team grows past 8: the ninth detective joins 2025-01-06 (the case's sergeant had 22).
 * - Case B opened 2026-04-20; suspect arrested and bailed 2026-05-01, return date 2026-07-20.
 * - 2026-06-10: the same update text on A and B; then the updates stop on both.
 * - DC Dean goes sick 2026-07-18, two days before the bail return; nobody covers; bail passes.
 */
import {describe, expect, it} from 'vitest';
import {addDays, type IsoDate} from '../../../source/domain/dates.js';
import type {Case, CrimeUpdate, StoreData} from '../../../source/domain/model.js';
import {triggerFor} from '../../../source/domain/rules/index.js';
import {absence, chainOf, kase, officer, problem, review, store} from './fixture.js';

const MG3 = 'In the process of completing the MG3; should be complete by the end of the week.';
const SAME = 'In the process of trying to complete the MG3. The grading machine has stopped working, which will cause delay.';
const A = 'CR/100/24';
const B = 'CR/200/26';
const ABSENCE_FROM = '2026-03-02';
const ABSENCE_TO = '2026-05-01';

function series(from: IsoDate, step: number, until: (d: IsoDate) => boolean): IsoDate[] {
	const out: IsoDate[] = [];
	for (let d = from; until(d); d = addDays(d, step)) out.push(d);
	return out;
}

const mg3Updates: CrimeUpdate[] = series('2024-02-05', 28, d => d < '2026-06-01').map(date => ({date, authorId: 'o1', text: MG3}));
const reviewDates = [...series('2024-01-22', 14, d => d < ABSENCE_FROM), ...series('2026-05-05', 14, d => d < '2026-08-01')];
const team = [
	...Array.from({length: 7}, (_, i) => officer(`d${i}`, {joinedUnit: `2022-0${i + 1}-01`})),
	officer('d8', {joinedUnit: '2025-01-06'}),
];

function storeOn(day: IsoDate): StoreData {
	const upTo = <T extends {date: IsoDate}>(xs: T[]) => xs.filter(x => x.date <= day);
	const reviews = reviewDates.filter(d => d <= day).map(d => review(A, d, addDays(d, 14)));
	const cases: Case[] = [];
	if (day >= '2024-01-08') {
		cases.push(
			kase(A, {
				opened: '2024-01-08',
				allocatedOn: '2024-01-08',
				cps:
					day >= '2024-02-05'
						? {mg3Status: 'in-progress', mg3Since: '2024-02-05', cpsDueDate: null, courtDate: null}
						: {mg3Status: 'not-started', mg3Since: null, cpsDueDate: null, courtDate: null},
				updates: upTo([
					{date: '2024-01-09', authorId: 'o1', text: 'Warrant executed; laptop and phone seized.'},
					...mg3Updates,
					{date: '2026-06-10', authorId: 'o1', text: SAME},
				]),
				forensics:
					day >= '2024-01-20'
						? [
								{
									id: 'f1',
									item: 'Laptop (suspect)',
									submitted: '2024-01-20',
									expected: null,
									resultOn: day >= '2024-05-30' ? '2024-05-30' : null,
								},
							]
						: [],
				nextReviewDue: reviews.at(-1)?.data.nextReviewDue ?? '2024-01-22',
			}),
		);
	}
	if (day >= '2026-04-20') {
		cases.push(
			kase(B, {
				opened: '2026-04-20',
				allocatedOn: '2026-04-20',
				arrestDate: day >= '2026-05-01' ? '2026-05-01' : null,
				bail:
					day >= '2026-05-01'
						? {regime: 'pcsc-2022', bailedOn: '2026-05-01', returnDate: '2026-07-20', extensions: [], endedOn: null, suspect: 'XY'}
						: null,
				updates: upTo([
					{date: '2026-04-21', authorId: 'o1', text: 'Referral received from NCA; enquiries with the ISP.'},
					{date: '2026-05-02', authorId: 'o1', text: 'Suspect interviewed and bailed; devices seized.'},
					{date: '2026-06-10', authorId: 'o1', text: SAME},
				]),
				nextReviewDue: '2099-01-01',
			}),
		);
	}
	const absences = [absence('ab1', 's1', ABSENCE_FROM, ABSENCE_TO), absence('ab2', 'o1', '2026-07-18', null)].filter(
		a => a.recordedAt.slice(0, 10) <= day,
	);
	const base = store();
	return store({
		officers: [
			...base.officers.map(o => (o.id === 'o1' ? {...o, joinedUnit: '2019-09-01', imageExposed: true} : {...o, joinedUnit: '2018-04-01'})),
			...team,
		],
		cases,
		absences,
		chain: chainOf(reviews),
	});
}

/** Fires on `day` and not on the day before; returns the problem on `day`. */
function firstFiresOn(id: string, day: IsoDate) {
	expect(problem(storeOn(addDays(day, -1)), addDays(day, -1), id), `${id} should not fire on ${addDays(day, -1)}`).toBeUndefined();
	const p = problem(storeOn(day), day, id);
	expect(p, `${id} should fire on ${day}`).toBeDefined();
	expect(p!.since).toBe(day);
	return p!;
}

describe('seed replay: the source case, day by day', () => {
	it('MG3 "in progress" is a stalled deliverable 28 days on, and still flagged years later', () => {
		firstFiresOn(`stalled-deliverable:${A}:mg3`, '2024-03-04');
		const later = problem(storeOn('2026-06-01'), '2026-06-01', `stalled-deliverable:${A}:mg3`)!;
		expect(later.severity).toBe('red');
		expect(later.message).toMatch(/MG3 "in progress" since 05 Feb 2024: 847 days \(2 years 3 months\); mentioned in \d+ updates since/);
	});

	it('the lab wait: amber at 60 days, red at 120, gone when the result comes back', () => {
		expect(firstFiresOn(`forensic-wait:${A}:f1`, '2024-03-20').severity).toBe('amber');
		expect(problem(storeOn('2024-05-18'), '2024-05-18', `forensic-wait:${A}:f1`)?.severity).toBe('amber');
		expect(problem(storeOn('2024-05-19'), '2024-05-19', `forensic-wait:${A}:f1`)?.severity).toBe('red');
		expect(problem(storeOn('2024-05-30'), '2024-05-30', `forensic-wait:${A}:f1`)).toBeUndefined();
	});

	it('the performance trigger fires with the stalled MG3 and goes to the inspector 14 days later with no decision', () => {
		expect(triggerFor(storeOn('2024-03-03'), 'o1', '2024-03-03').fired).toBe(false);
		expect(triggerFor(storeOn('2024-03-04'), 'o1', '2024-03-04')).toMatchObject({
			fired: true,
			firstFired: '2024-03-04',
			decisionRecorded: false,
			escalated: false,
		});
		expect(triggerFor(storeOn('2024-03-17'), 'o1', '2024-03-17').escalated).toBe(false);
		expect(triggerFor(storeOn('2024-03-18'), 'o1', '2024-03-18').escalated).toBe(true);
		expect(problem(storeOn('2024-03-18'), '2024-03-18', 'performance-trigger:o1')?.severity).toBe('red');
	});

	it('tenure: review due at 4 years, past the expected move at 5; screening due at 4 years', () => {
		expect(firstFiresOn('tenure-review-due:o1', '2023-09-01').severity).toBe('amber');
		expect(firstFiresOn('screening-due:o1', '2023-09-01').severity).toBe('amber');
		expect(problem(storeOn('2024-08-31'), '2024-08-31', 'tenure-review-due:o1')?.severity).toBe('amber');
		expect(problem(storeOn('2024-09-01'), '2024-09-01', 'tenure-review-due:o1')?.severity).toBe('red');
	});

	it('span of control: warned from the day the ninth detective joins', () => {
		firstFiresOn('span-of-control:s1', '2025-01-06');
	});

	it('sergeant off sick two months with no cover: reviews due in it are critical from the first day', () => {
		const p = firstFiresOn('review-due-supervisor-absent:s1:ab1', ABSENCE_FROM);
		expect(p.severity).toBe('critical');
		expect(p.message).toContain('DS Sergeant is on sick leave 02 Mar to 01 May with no cover named');
		const overdue = firstFiresOn(`review-overdue:${A}`, '2026-03-03');
		expect(overdue.severity).toBe('critical');
		expect(problem(storeOn('2026-04-20'), '2026-04-20', `review-overdue:${A}`)?.message).toContain('49 days overdue');
		// Back at work and reviewing: both clear.
		expect(problem(storeOn('2026-05-05'), '2026-05-05', `review-overdue:${A}`)).toBeUndefined();
		expect(problem(storeOn('2026-05-02'), '2026-05-02', 'review-due-supervisor-absent:s1:ab1')).toBeUndefined();
	});

	it('the same update text on two cases on the same day', () => {
		const p = firstFiresOn(`identical-updates:o1:2026-06-10:${A}`, '2026-06-10');
		expect(p.severity).toBe('red');
		expect(p.message).toContain(`(${A}, ${B})`);
	});

	it('the updates stop: crime reports amber at 14 days and red at 28', () => {
		for (const ref of [A, B]) {
			expect(firstFiresOn(`crime-report-not-updated:${ref}`, '2026-06-24').severity).toBe('amber');
			expect(problem(storeOn('2026-07-07'), '2026-07-07', `crime-report-not-updated:${ref}`)?.severity).toBe('amber');
			expect(problem(storeOn('2026-07-08'), '2026-07-08', `crime-report-not-updated:${ref}`)?.severity).toBe('red');
		}
	});

	it('bail: amber 14 days out, red at 7, critical when the OIC goes sick two days before, lapsed the day after', () => {
		expect(firstFiresOn(`bail-due:${B}`, '2026-07-06').severity).toBe('amber');
		expect(problem(storeOn('2026-07-12'), '2026-07-12', `bail-due:${B}`)?.severity).toBe('amber');
		expect(problem(storeOn('2026-07-13'), '2026-07-13', `bail-due:${B}`)?.severity).toBe('red');
		const sick = firstFiresOn(`bail-officer-absent:${B}`, '2026-07-18');
		expect(sick.severity).toBe('critical');
		expect(sick.message).toBe(
			'Bail return 20 Jul: 2 days; period ends 01 Aug, next extension by an inspector (to 01 Nov) before then; OIC DC Dean is on sick leave from 18 Jul; ' +
				'no cover assigned',
		);
		expect(firstFiresOn(`bail-lapsed:${B}`, '2026-07-21').severity).toBe('critical');
	});

	it('the performance trigger then has every kind of evidence', () => {
		const t = triggerFor(storeOn('2026-07-21'), 'o1', '2026-07-21');
		expect(t.fired).toBe(true);
		expect(new Set(t.evidence.map(e => e.type))).toEqual(new Set(['case', 'update', 'action']));
		expect(t.escalated).toBe(true);
	});
});
