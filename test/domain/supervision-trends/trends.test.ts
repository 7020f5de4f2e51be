import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {buildExceptionReport} from '../../../source/domain/review-log/exceptions.js';
import {buildLogRows} from '../../../source/domain/review-log/rows.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {triggerFor} from '../../../source/domain/rules/performance.js';
import {addDays} from '../../../source/domain/dates.js';
import {
	buildSupervisionTrends,
	decidedCount,
	defaultTrendPeriod,
	DECISION_KINDS,
	FLOW_FIGURES,
	weeksOf,
	type SupervisionTrends,
	type TrendSeries,
	type WeekFigures,
} from '../../../source/domain/supervision-trends/index.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {loadDemo} from '../review-log/hostile-store.js';
import {SECOND_SERGEANT, twoSergeants} from './two-sergeants.js';
import {quietTrigger as quiet} from '../../helpers/quiet-trigger.js';

function trends(data: StoreData, period = defaultTrendPeriod(DEMO_TODAY)): SupervisionTrends {
	return buildSupervisionTrends(data, {period, today: DEMO_TODAY, trigger: id => triggerFor(data, id, DEMO_TODAY)});
}

const series = (t: SupervisionTrends, id: string): TrendSeries => t.sergeants.find(s => s.sergeantId === id)!;
const week = (s: TrendSeries, from: string): WeekFigures => s.weeks.find(w => w.from === from)!;
const refsOf = (f: {refs: {caseRef: string | null; officerId: string | null}[]}, by: 'caseRef' | 'officerId' = 'caseRef') =>
	f.refs.map(r => r[by]).sort();

describe('weeks of a trend period', () => {
	it('the last 13 weeks up to today, each ending on the same weekday as today', () => {
		const weeks = weeksOf(defaultTrendPeriod(DEMO_TODAY));
		expect(weeks).toHaveLength(13);
		expect(weeks[0]).toEqual({from: '2026-09-01', to: '2026-09-07'});
		expect(weeks.at(-1)).toEqual({from: '2026-11-24', to: '2026-11-30'});
	});

	it('a period that is not whole weeks has a short first week', () => {
		expect(weeksOf({from: '2026-11-20', to: '2026-11-30'})).toEqual([
			{from: '2026-11-20', to: '2026-11-23'},
			{from: '2026-11-24', to: '2026-11-30'},
		]);
	});
});

describe("the inspector's weekly figures on the demo, two sergeants, two weeks (checked by hand)", () => {
	// Checked against data/demo.json by reading the chain: each review's date against its dueDate, the
	// cases whose next review had passed (CR/88397/26 due 19 Nov, CR/25310/26 20 Nov, CR/81908/26 21 Nov,
	// CR/64148/26 and CR/87204/26 25 Nov, CR/90868/26 27 Nov), the concerns and decisions, the bail
	// records and the welfare check-in dates.
	const data = twoSergeants();
	const t = trends(data);
	const brennan = series(t, 'o0002');
	const cole = series(t, SECOND_SERGEANT);

	it("lists both sergeants, the team's own first", () => {
		expect(t.sergeants.map(s => `${s.sergeantId} ${s.name}`)).toEqual(['o0002 DS Tom Brennan', 'o0012 DS Nadia Cole']);
	});

	it('week of 17-23 Nov', () => {
		const a = week(brennan, '2026-11-17');
		// The regenerated demo (issue 22 item 6) reviews on the day the previous review set, one in ten late.
		// 18 signed: 14 on time, 4 late by 1, 2, 2, 3 days.
		expect([a.reviewsDone.count, a.onTime.count, a.late.count, a.medianDaysLate]).toEqual([18, 14, 4, 2]);
		expect(a.late.refs.map(r => r.days).sort()).toEqual([1, 2, 2, 3]);
		expect(refsOf(a.missed)).toEqual(['CR/25310/26']);
		expect(a.reviewsDue.count).toBe(19);
		expect(refsOf(a.overdueAtEnd)).toEqual(['CR/25310/26']);
		// o0003's trigger was decided ("not now", 10 Nov): not undecided; nothing raised.
		expect([a.triggersRaised.count, a.undecidedAtEnd.count, a.escalated.count, decidedCount(a)]).toEqual([0, 0, 0, 0]);
		// Last check-ins: DS Brennan 1 Oct, DC Ashworth 16 Oct: both more than 28 days before 23 Nov.
		expect(refsOf(a.withoutCheckIn, 'officerId')).toEqual(['o0002', 'o0003']);
		expect([a.bailMet.count, a.bailExtended.count, a.bailLapsed.count]).toEqual([0, 0, 0]);

		const b = week(cole, '2026-11-17');
		// 16 signed: 15 on time, 1 late by a day.
		expect([b.reviewsDone.count, b.onTime.count, b.late.count, b.medianDaysLate]).toEqual([16, 15, 1, 1]);
		expect(refsOf(b.missed)).toEqual(['CR/81908/26', 'CR/88397/26']);
		expect(b.reviewsDue.count).toBe(18);
		expect(refsOf(b.overdueAtEnd)).toEqual(['CR/81908/26', 'CR/88397/26']);
		// DC Shah's trigger fired 21 Nov (same update text), DC Carter's 23 Nov (a stalled action);
		// DC Doyle's (two concerns, 10 Nov) is still undecided.
		expect(b.triggersRaised.refs.map(r => `${r.officerId} ${r.date}`).sort()).toEqual(['o0008 2026-11-21', 'o0009 2026-11-23']);
		expect(refsOf(b.undecidedAtEnd, 'officerId')).toEqual(['o0008', 'o0009', 'o0011']);
		expect(b.escalated.count).toBe(0);
		// DS Cole has no check-in recorded since joining in March 2025.
		expect(refsOf(b.withoutCheckIn, 'officerId')).toEqual([SECOND_SERGEANT]);
	});

	it('week of 24-30 Nov (ends today)', () => {
		const a = week(brennan, '2026-11-24');
		expect([a.reviewsDone.count, a.onTime.count, a.late.count, a.medianDaysLate]).toEqual([14, 12, 2, 1.5]);
		// Missed in the week they fell due (QA 8 D5): CR/25310/26 fell due 20 Nov, missed the week before and
		// overdue at this week's end, not missed again.
		expect(refsOf(a.missed)).toEqual(['CR/64148/26', 'CR/87204/26', 'CR/90868/26']);
		expect(refsOf(a.overdueAtEnd)).toEqual(['CR/25310/26', 'CR/64148/26', 'CR/87204/26', 'CR/90868/26']);
		expect(a.reviewsDue.count).toBe(17);
		// DC Marsh's last check-in (31 Oct) is now 30 days old too.
		expect(refsOf(a.withoutCheckIn, 'officerId')).toEqual(['o0002', 'o0003', 'o0006']);
		expect([a.escalated.count, a.undecidedAtEnd.count, a.bailLapsed.count]).toEqual([0, 0, 0]);

		const b = week(cole, '2026-11-24');
		// 13 signed, all on time: no median lateness.
		expect([b.reviewsDone.count, b.onTime.count, b.late.count, b.medianDaysLate]).toEqual([13, 13, 0, null]);
		// Both fell due the week before (19 and 21 Nov): overdue now, missed then.
		expect(refsOf(b.missed)).toEqual([]);
		expect(refsOf(b.overdueAtEnd)).toEqual(['CR/81908/26', 'CR/88397/26']);
		// DC Doyle's trigger had no decision 14 days after 10 Nov: to the inspector on 24 Nov.
		expect(b.escalated.refs.map(r => `${r.officerId} ${r.date}`)).toEqual(['o0011 2026-11-24']);
		expect(b.undecidedAtEnd.count).toBe(3);
		// CR/54818/26 (DC Evans): bail period ended 27 Nov with bail still recorded as running.
		expect(b.bailLapsed.refs.map(r => `${r.caseRef} ${r.date}`)).toEqual(['CR/54818/26 2026-11-28']);
		expect(refsOf(b.withoutCheckIn, 'officerId')).toEqual([SECOND_SERGEANT]);
	});

	it('the week of 10-16 Nov has DC Ashworth\'s second "not now", which sends the trigger to the inspector', () => {
		const a = week(brennan, '2026-11-10');
		expect(a.decided['not-now'].refs.map(r => `${r.seq} ${r.officerId} ${r.date}`)).toEqual(['515 o0003 2026-11-10']);
		expect(a.escalated.refs.map(r => `${r.kind} ${r.seq}`)).toEqual(['decision 515']);
		const b = week(cole, '2026-11-10');
		expect(b.triggersRaised.refs.map(r => `${r.officerId} ${r.date}`)).toEqual(['o0011 2026-11-10']);
	});

	it('the team is the sum of its sergeants, and its last week agrees with the desk and the exception report', () => {
		const last = t.team.weeks.at(-1)!;
		expect(last.overdueAtEnd.count).toBe(findProblems(data, DEMO_TODAY).filter(p => p.kind === 'review-overdue').length);
		const report = buildExceptionReport(data, buildLogRows(data, t.period), t.period, DEMO_TODAY, {problems: [], trigger: quiet});
		expect(t.team.period.missed.count).toBe(report.totals.notReviewed);
		expect([t.team.period.reviewsDone.count, t.team.period.onTime.count, t.team.period.late.count]).toEqual([
			report.totals.reviewsDone,
			report.totals.onTime,
			report.totals.late,
		]);
	});

	it('every reference is a real log entry or record on the date it is filed under', () => {
		const bySeq = new Map(data.chain.map(e => [e.seq, e]));
		for (const s of [t.team, ...t.sergeants]) {
			for (const w of s.weeks) {
				for (const r of w.reviewsDone.refs) {
					const e = bySeq.get(r.seq!)!;
					expect(e.kind).toBe('review');
					expect(e.kind === 'review' && e.data.date).toBe(r.date);
					expect(r.date >= w.from && r.date <= w.to).toBe(true);
				}
				for (const k of DECISION_KINDS)
					for (const r of w.decided[k].refs)
						expect(bySeq.get(r.seq!)).toMatchObject({kind: 'performance-decision', data: {decision: k, date: r.date}});
				for (const r of w.missed.refs) expect(data.cases.some(c => c.ref === r.caseRef)).toBe(true);
			}
		}
	});
});

describe("property: weekly figures add up to the period's, from the existing log rows", () => {
	const demo = loadDemo();
	const officers = demo.officers.filter(o => o.role === 'investigator').map(o => o.id);
	const base = '2026-06-01';

	it('for any period and any split of the team between two sergeants', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 0, max: 200}),
				fc.integer({min: 0, max: 120}),
				fc.array(fc.boolean(), {minLength: officers.length, maxLength: officers.length}),
				(start, length, split) => {
					const data = twoSergeants({...demo, officers: demo.officers.map(o => ({...o}))});
					// Re-split the team as the case draws it (twoSergeants moved SECOND_TEAM to the second sergeant).
					for (const o of data.officers)
						if (o.role === 'investigator') o.supervisorId = split[officers.indexOf(o.id)] ? SECOND_SERGEANT : 'o0002';
					const period = {from: addDays(base, start), to: addDays(base, start + length)};
					const rows = buildLogRows(data, period);
					const t = buildSupervisionTrends(data, {period, today: DEMO_TODAY, trigger: quiet, rows});
					const report = buildExceptionReport(data, rows, period, DEMO_TODAY, {problems: [], trigger: quiet});
					const reviews = rows.filter(r => r.kind === 'review');
					const sum = (s: TrendSeries, pick: (w: WeekFigures) => number) => s.weeks.reduce((n, w) => n + pick(w), 0);

					// Flows: the weeks add up to the period, and the period to the log rows.
					for (const s of [t.team, ...t.sergeants]) {
						for (const k of FLOW_FIGURES)
							expect(
								sum(s, w => w[k].count),
								`${s.name} ${k}`,
							).toBe(s.period[k].count);
						for (const k of DECISION_KINDS) expect(sum(s, w => w.decided[k].count)).toBe(s.period.decided[k].count);
						const mine = reviews.filter(r => s.sergeantId === null || r.sergeantId === s.sergeantId);
						expect(s.period.reviewsDone.count).toBe(mine.length);
						expect(s.period.onTime.count).toBe(mine.filter(r => r.lateDays === 0).length);
						expect(s.weeks.flatMap(w => w.late.refs.map(r => `${r.seq}:${r.days}`)).sort()).toEqual(
							mine
								.filter(r => r.lateDays! > 0)
								.map(r => `${r.seq}:${r.lateDays}`)
								.sort(),
						);
						for (const w of [...s.weeks, s.period]) {
							expect(w.reviewsDue.count).toBe(w.reviewsDone.count + w.missed.count);
							for (const f of [w.reviewsDone, w.missed, w.overdueAtEnd, w.escalated, w.withoutCheckIn, w.bailLapsed])
								expect(f.count).toBe(f.refs.length);
						}
					}
					// The sergeants add up to the team, week by week.
					t.team.weeks.forEach((w, i) => {
						for (const k of [...FLOW_FIGURES, 'missed', 'overdueAtEnd', 'undecidedAtEnd', 'withoutCheckIn'] as const) {
							expect(
								t.sergeants.reduce((n, s) => n + s.weeks[i]![k].count, 0),
								`${w.from} ${k}`,
							).toBe(w[k].count);
						}
					});
					// The period's counts are the exception report's for the same period, sergeant by sergeant.
					for (const s of report.sergeants) {
						const mine = t.sergeants.find(x => x.sergeantId === s.sergeantId)!;
						expect([mine.period.reviewsDone.count, mine.period.onTime.count, mine.period.late.count, mine.period.missed.count]).toEqual([
							s.totals.reviewsDone,
							s.totals.onTime,
							s.totals.late,
							s.totals.notReviewed,
						]);
					}
					// "Missed" in a week is the report's "not reviewed" for that week as the period: one definition.
					const i = t.weeks.length - 1 - (start % t.weeks.length);
					const wk = t.weeks[i]!;
					if (wk.from <= DEMO_TODAY) {
						const weekly = buildExceptionReport(data, buildLogRows(data, wk), wk, DEMO_TODAY, {problems: [], trigger: quiet});
						for (const s of weekly.sergeants) {
							const mine = t.sergeants.find(x => x.sergeantId === s.sergeantId)!;
							expect(mine.weeks[i]!.missed.refs.map(r => r.caseRef).sort()).toEqual(s.notReviewed.map(m => m.caseRef).sort());
						}
					}
				},
			),
			{numRuns: 25},
		);
	}, 120_000);
});
