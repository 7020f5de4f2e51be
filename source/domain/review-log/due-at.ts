/**
 * The review a case had due at the end of a day, read from the chain: the one definition the log uses
 * for "missed" (the exception report's "Cases not reviewed in the period") and the trends use for
 * "open overdue at the week's end", so the two can never disagree (README, "The review log").
 */
import {addDays, minDate, type IsoDate} from '../dates.js';
import {isLive} from '../case-facts.js';
import type {Case, ReviewEntry, Settings} from '../model.js';
import {cadenceDays, caseReviewDue} from '../rules/review-due.js';
import type {Period} from './period.js';

export interface ReviewStanding {
	/** The date the case's next review was due, as it stood at the end of the day asked about. */
	due: IsoDate;
	/** The last signed review on or before that day (the later entry when two share a date). */
	last: ReviewEntry | null;
}

/**
 * With no review after `end`, the rules' own due date (caseReviewDue: the case's next-review date,
 * which carries any amendment, pulled in to the cap); otherwise the date set by the last review signed
 * by `end` (at allocation when there was none), pulled in to the cap the same way.
 * `reviews` are the case's signed reviews in chain order.
 */
export function reviewStandingAt(c: Case, reviews: readonly ReviewEntry[] | undefined, end: IsoDate, settings: Settings): ReviewStanding {
	return reviewStandingsAt(c, reviews, [end], settings)[0]!;
}

/**
 * reviewStandingAt on several days at once (`ends` in ascending order), in one pass over the case's
 * reviews: the weekly trends ask it for every week of a quarter, for every case.
 */
export function reviewStandingsAt(
	c: Case,
	reviews: readonly ReviewEntry[] | undefined,
	ends: readonly IsoDate[],
	settings: Settings,
): ReviewStanding[] {
	const list = byDate(reviews ?? []);
	const out: ReviewStanding[] = [];
	let i = 0;
	let previousAt = -1;
	let previous: ReviewStanding | undefined;
	for (const end of ends) {
		// The later entry wins a tie of dates: the list keeps chain order within a date.
		while (i < list.length && list[i]!.data.date <= end) i++;
		// No review between two of the days: the same standing (the due date does not depend on the day).
		if (previous && previousAt === i) {
			out.push(previous);
			continue;
		}
		const last: ReviewEntry | null = i > 0 ? list[i - 1]! : null;
		const after = i < list.length;
		const lastDate = last?.data.date ?? null;
		const due = !after
			? caseReviewDue(c, lastDate, settings)
			: minDate(
					last ? last.data.nextReviewDue : addDays(c.allocatedOn, cadenceDays(c.risk, settings)),
					addDays(lastDate ?? c.allocatedOn, settings.reviewCapDays),
				);
		previous = {due, last};
		previousAt = i;
		out.push(previous);
	}
	return out;
}

/** The reviews by date, chain order kept within a date (a copy only when the chain is out of date order). */
function byDate(reviews: readonly ReviewEntry[]): readonly ReviewEntry[] {
	for (let i = 1; i < reviews.length; i++) {
		if (reviews[i]!.data.date < reviews[i - 1]!.data.date)
			return [...reviews].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0));
	}
	return reviews;
}

export interface MissedReview extends ReviewStanding {
	case: Case;
}

/**
 * Cases that missed a review in the period: the review set by the last one signed by the end of the
 * period (or today, if sooner; at allocation when there was none) fell due in the period, by then, and was not done.
 * A case reviewed earlier in the period still counts when its next review fell due and was missed
 * (QA P1-2): that is "one for each case that missed its review" in the report's definition.
 */
export function casesMissingReview(
	cases: readonly Case[],
	reviewsByCase: ReadonlyMap<string, readonly ReviewEntry[]>,
	period: Period,
	today: IsoDate,
	settings: Settings,
): MissedReview[] {
	const end = minDate(period.to, today);
	const out: MissedReview[] = [];
	for (const c of cases) {
		if (!openInPeriod(c, period)) continue;
		const standing = reviewStandingAt(c, reviewsByCase.get(c.ref), end, settings);
		if (missedInPeriod(c, standing.due, period, today)) out.push({case: c, ...standing});
	}
	return out;
}

/** Open at some time in the period: opened by its end, and live now or closed no earlier than its start. */
export function openInPeriod(c: Case, period: Period): boolean {
	return c.opened <= period.to && (isLive(c) || (c.closedOn !== null && c.closedOn >= period.from));
}

/**
 * The report's "missed in the period" (README "The review log": a review that fell due in the period and
 * was not done by its end): missedBy, for a review that fell due on or after the period's first day. One
 * overdue since before the period is in "overdue now" instead, and is not missed again in every later
 * period (QA 8 D5: reviews due 19-27 Nov were "missed" in 30 Nov-14 Dec, diluting its on-time %, and
 * again in every period after). The trends' weekly "missed" is the same test on each week: a review is
 * missed in the week it fell due; one still outstanding after is in "overdue at the week's end".
 */
export function missedInPeriod(c: Case, due: IsoDate, period: Period, today: IsoDate): boolean {
	return due >= period.from && missedBy(c, due, period, today);
}

/** A case open in the period whose review, as it stood at the period's end (or today), was due then and not done. */
export function missedBy(c: Case, due: IsoDate, period: Period, today: IsoDate): boolean {
	const end = minDate(period.to, today);
	// A review due today can still be done on time: it is missed only once its day has passed.
	if (due > end || (due === end && end === today)) return false;
	return c.closedOn === null || c.closedOn >= due;
}
