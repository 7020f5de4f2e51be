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
	let last: ReviewEntry | null = null;
	let after = false;
	for (const e of reviews ?? []) {
		if (e.data.date > end) {
			after = true;
			continue;
		}
		if (!last || e.data.date >= last.data.date) last = e;
	}
	const lastDate = last?.data.date ?? null;
	const due = !after
		? caseReviewDue(c, lastDate, settings)
		: minDate(
				last ? last.data.nextReviewDue : addDays(c.allocatedOn, cadenceDays(c.risk, settings)),
				addDays(lastDate ?? c.allocatedOn, settings.reviewCapDays),
			);
	return {due, last};
}

export interface MissedReview extends ReviewStanding {
	case: Case;
}

/**
 * Cases that missed a review in the period: the review set by the last one signed by the end of the
 * period (or today, if sooner; at allocation when there was none) fell due by then and was not done.
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
		const openInPeriod = c.opened <= period.to && (isLive(c) || (c.closedOn !== null && c.closedOn >= period.from));
		if (!openInPeriod) continue;
		const standing = reviewStandingAt(c, reviewsByCase.get(c.ref), end, settings);
		const due = standing.due;
		// A review due today can still be done on time: it is missed only once its day has passed.
		if (due > end || (due === end && end === today)) continue;
		if (c.closedOn !== null && c.closedOn < due) continue;
		out.push({case: c, ...standing});
	}
	return out;
}
