import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import type {Problem} from '../../../source/domain/problem.js';
import type {TriggerState} from '../../../source/domain/rules/performance.js';
import {buildExceptionReport, hasExceptions} from '../../../source/domain/review-log/exceptions.js';
import {buildLogRows} from '../../../source/domain/review-log/rows.js';
import {buildLogDocument} from '../../../source/domain/review-log/document.js';
import {defaultPeriod} from '../../../source/domain/review-log/period.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {loadDemo} from './hostile-store.js';
import {findProblems, REPORT_RULES} from '../../../source/domain/rules/index.js';
import {triggerFor} from '../../../source/domain/rules/performance.js';
import {twoSergeants} from '../supervision-trends/two-sergeants.js';
import {deskModel} from '../../../source/ui/model/desk-model.js';
import {quietTrigger as quiet} from '../../helpers/quiet-trigger.js';

function problem(kind: Problem['kind'], severity: Problem['severity'], subject: Problem['subject'], extra: Partial<Problem> = {}): Problem {
	return {
		id: `${kind}:${JSON.stringify(subject)}`,
		kind,
		severity,
		subject,
		message: `${kind} message`,
		action: 'do it',
		evidence: [],
		since: '2026-11-01',
		...extra,
	};
}

describe('buildExceptionReport', () => {
	const data = loadDemo();
	const period = defaultPeriod(DEMO_TODAY);
	const rows = buildLogRows(data, period);

	it('counts the period from the chain: done, on time, late, percent', () => {
		const r = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems: [], trigger: quiet});
		expect(r.sergeants.map(s => s.sergeantId)).toEqual(['o0002']);
		const t = r.sergeants[0]!.totals;
		expect(t.reviewsDone).toBe(rows.length);
		expect(t.onTime).toBe(rows.filter(x => x.lateDays === 0).length);
		expect(t.late).toBe(rows.filter(x => x.lateDays! > 0).length);
		expect(t.reviewsDue).toBe(t.reviewsDone + t.notReviewed);
		expect(t.onTimePercent).toBe(Math.round((100 * t.onTime) / t.reviewsDue));
		expect(r.sergeants[0]!.lateReviews[0]!.lateDays).toBeGreaterThanOrEqual(r.sergeants[0]!.lateReviews.at(-1)!.lateDays);
		expect(r.totals).toEqual(t);
	});

	it('lists a live case whose review fell due in the period but was not signed', () => {
		// Drop every review of one case signed in the period: its earlier review set a due date inside it.
		const victim = rows.find(x => x.officerId === 'o0003')!.caseRef;
		const chain = data.chain.filter(e => !(e.kind === 'review' && e.data.caseRef === victim && e.data.date >= period.from));
		const trimmed: StoreData = {...data, chain};
		const r = buildExceptionReport(trimmed, buildLogRows(trimmed, period), period, DEMO_TODAY, {problems: [], trigger: quiet});
		const missed = r.sergeants[0]!.notReviewed;
		expect(missed.map(m => m.caseRef)).toContain(victim);
		const m = missed.find(x => x.caseRef === victim)!;
		expect(m.officer).toBe('DC Sam Ashworth');
		expect(m.dueDate <= DEMO_TODAY).toBe(true);
		expect(r.sergeants[0]!.totals.reviewsDue).toBe(r.sergeants[0]!.totals.reviewsDone + missed.length);
	});

	it('counts a review missed in the period even when the case had an earlier review in it (QA P1-2)', () => {
		const r = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems: [], trigger: quiet});
		const s = r.sergeants[0]!;
		// The demo's five overdue cases were each reviewed earlier in the period, then missed the next review.
		const missed = s.notReviewed.map(m => `${m.caseRef} ${m.dueDate} after ${m.lastReview}`);
		expect(missed).toEqual([
			'CR/88397/26 2026-11-19 after 2026-11-05',
			'CR/25310/26 2026-11-20 after 2026-11-13',
			'CR/81908/26 2026-11-21 after 2026-11-07',
			'CR/64148/26 2026-11-25 after 2026-11-11',
			'CR/87204/26 2026-11-25 after 2026-11-11',
			'CR/90868/26 2026-11-27 after 2026-11-13',
		]);
		for (const ref of ['CR/25310/26', 'CR/81908/26']) expect(rows.some(x => x.caseRef === ref && x.kind === 'review')).toBe(true);
		// A review due today can still be done on time: not missed yet.
		expect(s.notReviewed.map(m => m.caseRef)).not.toContain('CR/52809/26');
		// The regenerated demo's figures (issue 22 item 6: its reviews are now on time but for one in ten).
		expect(s.totals).toMatchObject({reviewsDone: 128, notReviewed: 6, reviewsDue: 134, onTime: 114, onTimePercent: 85});
	});

	it('a review due on the last day of a past period and not done by then is missed', () => {
		const past = {from: '2026-10-01', to: '2026-11-19'};
		const r = buildExceptionReport(data, buildLogRows(data, past), past, DEMO_TODAY, {problems: [], trigger: quiet});
		expect(r.sergeants[0]!.notReviewed.map(m => m.caseRef)).toContain('CR/88397/26');
	});

	it('"Reviews overdue now" holds only overdue reviews; a supervisor absence with nobody covering is its own list (QA P1-2)', () => {
		const problems = findProblems(data, DEMO_TODAY);
		const r = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems, trigger: quiet});
		const s = r.sergeants[0]!;
		expect(s.overdueNow.every(p => p.kind === 'review-overdue')).toBe(true);
		expect(s.noCover.map(p => p.kind)).toEqual(['review-due-supervisor-absent']);
		expect(s.totals.noCover).toBe(1);
		// The same number the desk's status bar shows.
		expect(s.totals.overdueNow).toBe(deskModel(data, DEMO_TODAY).counts.overdue);
		expect(s.totals.overdueNow).toBe(6);
	});

	it('does not list a case whose first review is not due until after the period', () => {
		const fresh = {
			...data.cases[0]!,
			ref: 'CR/NEW/26',
			opened: '2026-11-29',
			allocatedOn: '2026-11-29',
			nextReviewDue: '2026-12-13',
			status: 'investigation' as const,
		};
		const d: StoreData = {...data, cases: [...data.cases, fresh]};
		const r = buildExceptionReport(d, rows, period, DEMO_TODAY, {problems: [], trigger: quiet});
		expect(r.sergeants[0]!.notReviewed.map(m => m.caseRef)).not.toContain('CR/NEW/26');
	});

	it('files each problem from the rules engine under the right heading and sergeant', () => {
		const caseRef = data.cases.find(c => c.oicId === 'o0003')!.ref;
		const problems = [
			problem('bail-officer-absent', 'critical', {type: 'case', ref: caseRef, officerId: 'o0003'}, {due: '2026-12-02'}),
			problem('bail-due', 'amber', {type: 'case', ref: caseRef, officerId: 'o0003'}),
			problem('stalled-deliverable', 'red', {type: 'case', ref: caseRef, officerId: 'o0003'}),
			problem('forensic-wait', 'red', {type: 'case', ref: caseRef, officerId: 'o0004'}),
			problem('forensic-wait', 'amber', {type: 'case', ref: caseRef, officerId: 'o0004'}),
			problem('span-of-control', 'amber', {type: 'supervisor', officerId: 'o0002'}),
			problem('review-overdue', 'red', {type: 'case', ref: caseRef, officerId: 'o0003'}),
			problem('welfare-check-in-due', 'amber', {type: 'officer', officerId: 'o0003'}),
		];
		const r = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems, trigger: quiet});
		const s = r.sergeants[0]!;
		expect(s.bail.map(b => b.kind)).toEqual(['bail-officer-absent', 'bail-due']);
		expect(s.bail[0]!.due).toBe('2026-12-02');
		expect(s.bail[0]!.officer).toBe('DC Sam Ashworth');
		expect(s.stalledActions).toHaveLength(1);
		expect(s.forensicWaits).toHaveLength(1); // the amber (60-day) wait is not an exception here
		expect(s.spanOfControl[0]!.officer).toBe('DS Tom Brennan');
		expect(s.overdueNow).toHaveLength(1);
		// Welfare problems are not part of the inspector's log.
		expect(JSON.stringify(r)).not.toContain('welfare-check-in-due');
		expect(s.totals).toMatchObject({bail: 2, stalledActions: 1, forensicWaits: 1, spanOfControl: 1, overdueNow: 1});
	});

	it('lists fired triggers with no decision, or escalated, with how long', () => {
		const trigger = (id: string): TriggerState => {
			if (id === 'o0003')
				return {
					...quiet(id),
					fired: true,
					firstFired: '2026-11-02',
					evidence: [
						{type: 'update', detail: 'identical update text on 2 cases'},
						{type: 'case', caseRef: 'CR/1/26', detail: 'no update for 28+ days'},
						{type: 'case', caseRef: 'CR/1/26', detail: 'no update for 28+ days'},
						{type: 'case', caseRef: 'CR/2/26', detail: 'no update for 28+ days'},
					],
				};
			if (id === 'o0004') return {...quiet(id), fired: true, firstFired: '2026-11-20', decisionRecorded: true, escalated: false};
			if (id === 'o0005') return {...quiet(id), fired: true, firstFired: '2026-10-01', decisionRecorded: true, escalated: true};
			return quiet(id);
		};
		const r = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems: [], trigger});
		const t = r.sergeants[0]!.unresolvedTriggers;
		expect(t.map(x => [x.officerId, x.days, x.noDecision, x.escalated])).toEqual([
			['o0005', 60, false, true],
			['o0003', 28, true, false],
		]);
		// Each piece of evidence once, with its case when the words do not name it.
		expect(t[1]!.evidence).toEqual([
			'identical update text on 2 cases',
			'CR/1/26: no update for 28+ days',
			'CR/2/26: no update for 28+ days',
		]);
		expect(hasExceptions(r.sergeants[0]!)).toBe(true);
	});

	it("puts a second sergeant's team in its own section, and --sergeant narrows to it", () => {
		const officers = [...data.officers, {...data.officers[1]!, id: 'o0099', name: 'Ann Other'}].map(o =>
			o.id === 'o0010' || o.id === 'o0011' ? {...o, supervisorId: 'o0099'} : o,
		);
		const d: StoreData = {...data, officers};
		const r = buildExceptionReport(d, buildLogRows(d, period), period, DEMO_TODAY, {problems: [], trigger: quiet});
		expect(r.sergeants.map(s => s.sergeantId)).toEqual(['o0002', 'o0099']);
		const other = r.sergeants[1]!;
		expect(other.totals.reviewsDone).toBe(rows.filter(x => x.officerId === 'o0010' || x.officerId === 'o0011').length);
		expect(r.totals.reviewsDone).toBe(rows.length);
		const doc = buildLogDocument(d, {period, today: DEMO_TODAY, sergeantId: 'o0099'}, {problems: [], trigger: quiet});
		expect(doc.report.sergeants).toHaveLength(1);
		expect(doc.report.totals).toEqual(other.totals);
		expect(doc.rows.every(x => x.officerId === 'o0010' || x.officerId === 'o0011')).toBe(true);
		expect(doc.chainHead).toEqual({seq: data.chain.at(-1)!.seq, hash: data.chain.at(-1)!.hash});
	});
});

describe('the rules an export runs', () => {
	it('REPORT_RULES give the same exception report as the whole rules engine (the report lists no other kind)', () => {
		for (const data of [loadDemo(), twoSergeants()]) {
			const period = defaultPeriod(DEMO_TODAY);
			const trigger = (id: string) => triggerFor(data, id, DEMO_TODAY);
			const all = buildLogDocument(data, {period, today: DEMO_TODAY}, {problems: findProblems(data, DEMO_TODAY), trigger});
			const some = buildLogDocument(data, {period, today: DEMO_TODAY}, {problems: findProblems(data, DEMO_TODAY, REPORT_RULES), trigger});
			expect(some).toEqual(all);
			expect(
				all.report.sergeants.some(
					s => s.overdueNow.length && s.bail.length && s.stalledActions.length && s.forensicWaits.length && s.noCover.length,
				),
			).toBe(true);
		}
	});
});
