/**
 * Review figures by week: signed, on time, late (by how many days), missed, and open overdue at the
 * week's end. Nothing here defines lateness or overdue again: signed reviews are the log's rows
 * (their lateness fixed at signing), "missed" is the exception report's casesMissingReview applied to
 * each week, and "overdue" is reviewOverdueDays (the desk's status-bar count) on the review due as the
 * chain stood at the week's end (reviewStandingAt, shared with the report).
 */
import {isLive} from '../case-facts.js';
import type {IsoDate} from '../dates.js';
import type {Case} from '../model.js';
import {casesMissingReview, reviewStandingAt, type MissedReview} from '../review-log/due-at.js';
import type {LogRow} from '../review-log/rows.js';
import {reviewOverdueDays} from '../rules/review-due.js';
import {safeText} from '../safe-text.js';
import type {TrendContext} from './context.js';
import type {TraceRef} from './figures.js';

export function reviewFigures(ctx: TrendContext, rows: readonly LogRow[]): void {
	for (const r of rows) {
		if (r.kind !== 'review') continue;
		const ref: TraceRef = {kind: 'review', seq: r.seq, caseRef: r.caseRef, officerId: r.officerId, date: r.date};
		ctx.flow(r.sergeantId, r.date, w => w.reviewsDone, ref);
		if (r.lateDays === 0) ctx.flow(r.sergeantId, r.date, w => w.onTime, ref);
		else ctx.flow(r.sergeantId, r.date, w => w.late, {...ref, days: r.lateDays!});
	}

	const {data, settings, today} = ctx;
	const missedRef = (m: MissedReview): TraceRef => ({
		kind: 'case',
		seq: m.last?.seq ?? null,
		caseRef: safeText(m.case.ref),
		officerId: m.case.oicId,
		date: m.due,
	});
	ctx.weeks.forEach((week, i) => {
		if (ctx.ends[i] === null) return;
		for (const m of casesMissingReview(data.cases, ctx.reviewsByCase, week, today, settings))
			ctx.stock(ctx.sergeantOf(m.case.oicId), i, w => w.missed, missedRef(m));
	});
	for (const m of casesMissingReview(data.cases, ctx.reviewsByCase, ctx.period, today, settings))
		ctx.periodOnly(ctx.sergeantOf(m.case.oicId), w => w.missed, missedRef(m));

	ctx.ends.forEach((end, i) => {
		if (end === null) return;
		for (const c of data.cases) {
			if (!openOn(c, end)) continue;
			const {due, last} = reviewStandingAt(c, ctx.reviewsByCase.get(c.ref), end, settings);
			if (reviewOverdueDays(due, end, settings) === null) continue;
			ctx.stock(ctx.sergeantOf(c.oicId), i, w => w.overdueAtEnd, {
				kind: 'case',
				seq: last?.seq ?? null,
				caseRef: safeText(c.ref),
				officerId: c.oicId,
				date: due,
			});
		}
	});
}

/** Open at the end of `day`: opened by then and not closed by then (a closed case with no closing date never counts). */
export function openOn(c: Case, day: IsoDate): boolean {
	return c.opened <= day && (c.closedOn !== null ? c.closedOn > day : isLive(c));
}
