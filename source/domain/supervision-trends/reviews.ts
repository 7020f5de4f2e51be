/**
 * Review figures by week: signed, on time, late (by how many days), missed, and open overdue at the
 * week's end. Nothing here defines lateness or overdue again: signed reviews are the log's rows
 * (their lateness fixed at signing), "missed" is the exception report's test (casesMissingReview's
 * openInPeriod and missedInPeriod) applied to each week, and "overdue" is reviewOverdueDays (the desk's
 * status-bar count) on the review due as the chain stood at the week's end (reviewStandingsAt, shared
 * with the report).
 */
import {isLive} from '../case-facts.js';
import {minDate, type IsoDate} from '../dates.js';
import type {Case} from '../model.js';
import {missedInPeriod, openInPeriod, reviewStandingAt, reviewStandingsAt, type ReviewStanding} from '../review-log/due-at.js';
import type {LogRow} from '../review-log/rows.js';
import {reviewOverdueDays} from '../rules/review-due.js';
import {safeText} from '../safe-text.js';
import type {Pick, TrendContext} from './context.js';
import type {TraceRef} from './figures.js';

// The figures filed into, picked once (not a new function for each of tens of thousands of rows and case-weeks).
const DONE: Pick = w => w.reviewsDone;
const ON_TIME: Pick = w => w.onTime;
const LATE: Pick = w => w.late;
const MISSED: Pick = w => w.missed;
const OVERDUE: Pick = w => w.overdueAtEnd;

export function reviewFigures(ctx: TrendContext, rows: readonly LogRow[]): void {
	for (const r of rows) {
		if (r.kind !== 'review') continue;
		const ref: TraceRef = {kind: 'review', seq: r.seq, caseRef: r.caseRef, officerId: r.officerId, date: r.date};
		ctx.flow(r.sergeantId, r.date, DONE, ref);
		if (r.lateDays === 0) ctx.flow(r.sergeantId, r.date, ON_TIME, ref);
		else ctx.flow(r.sergeantId, r.date, LATE, {...ref, days: r.lateDays!});
	}

	// Each case's standing at every week's end in one pass over its reviews; "missed" (casesMissingReview's
	// test, per week and for the period, whose end is the last week's) and "overdue" are read from it.
	const {data, settings, today, period} = ctx;
	const weeks = ctx.weeks.map((w, i) => ({w, end: ctx.ends[i]!, i})).filter(x => x.end !== null);
	const ends = weeks.map(x => x.end);
	const periodEnd = minDate(period.to, today);
	const lastEnd = ends.at(-1);
	for (const c of data.cases) {
		if (c.opened > period.to) continue;
		const standings = reviewStandingsAt(c, ctx.reviewsByCase.get(c.ref), ends, settings);
		const sergeantId = ctx.sergeantOf(c.oicId);
		const caseRef = safeText(c.ref);
		const ref = (s: ReviewStanding): TraceRef => ({kind: 'case', seq: s.last?.seq ?? null, caseRef, officerId: c.oicId, date: s.due});
		for (let k = 0; k < weeks.length; k++) {
			const {w, end, i} = weeks[k]!;
			const s = standings[k]!;
			if (openInPeriod(c, w) && missedInPeriod(c, s.due, w, today)) ctx.stock(sergeantId, i, MISSED, ref(s));
			// A review not yet due is never overdue (the amber threshold is 0 or more days): skip the day count.
			if (s.due <= end && openOn(c, end) && reviewOverdueDays(s.due, end, settings) !== null) ctx.stock(sergeantId, i, OVERDUE, ref(s));
		}
		if (!openInPeriod(c, period)) continue;
		const s = lastEnd === periodEnd ? standings.at(-1)! : reviewStandingAt(c, ctx.reviewsByCase.get(c.ref), periodEnd, settings);
		if (missedInPeriod(c, s.due, period, today)) ctx.periodOnly(sergeantId, MISSED, ref(s));
	}
}

/** Open at the end of `day`: opened by then and not closed by then (a closed case with no closing date never counts). */
export function openOn(c: Case, day: IsoDate): boolean {
	return c.opened <= day && (c.closedOn !== null ? c.closedOn > day : isLive(c));
}
