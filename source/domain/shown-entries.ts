/**
 * Which chain entries an export prints or reads, so it re-checks those (and only those) as `fortnight verify`
 * checks them before it writes anything (store/chain-verify.ts shownEntriesProblem; README "Where the store
 * lives"). Shared by the command line's exports and the desk's, so both vouch for the same entries.
 */
import {minDate, type IsoDate} from './dates.js';
import type {AmendmentEntry, ChainEntry, ReviewEntry} from './model.js';
import {inPeriod, type Period} from './review-log/period.js';

/** The handover's: each case's last review (its "last review" line) and the chain's head. */
export function lastReviewsAndHead(chain: readonly ChainEntry[]): (e: ChainEntry) => boolean {
	const last = new Map<string, ChainEntry>();
	for (const e of chain) if (e.kind === 'review') last.set(e.data.caseRef, e);
	const shown = new Set<ChainEntry>(last.values());
	const head = chain.at(-1);
	if (head) shown.add(head);
	return e => shown.has(e);
}

/** The entries numbered `seqs` (an export's rows) and the chain's head. */
export function seqsAndHead(chain: readonly ChainEntry[], seqs: Iterable<number>): (e: ChainEntry) => boolean {
	const shown = new Set(seqs);
	const head = chain.at(-1);
	if (head) shown.add(head.seq);
	return e => shown.has(e.seq);
}

/**
 * The entries a log's rows read: each row's own; for a review row the amendments that name it (their
 * numbers are its "Amended by entries"); for an amendment row the entry it amends (the row's case and
 * officer are read from it, review-log/rows.ts), wherever in the chain they are.
 */
export function rowEntrySeqs(rows: Iterable<{seq: number; amends: number | null; amendedBy: readonly number[]}>): number[] {
	const seqs: number[] = [];
	for (const r of rows) {
		seqs.push(r.seq, ...r.amendedBy);
		if (r.amends !== null) seqs.push(r.amends);
	}
	return seqs;
}

export interface LogReads {
	period: Period;
	today: IsoDate;
	/** The HTML's supervision trends are drawn too (buildSupervisionTrends). */
	trends: boolean;
}

/**
 * What the log reads with its exception report (every format but CSV), more than the rows it prints:
 * - every review and amendment in the period, the whole team's (the report counts them all; --sergeant only
 *   narrows what is printed: review-log/document.ts), each entry those amendments amend, and each amendment
 *   of those reviews (a row's "amended by"), whenever it was made;
 * - each case's last review (the overdue lines, rules/review-due.ts) and its last review signed by the
 *   period's end, or today if sooner (the missed-review lines, review-log/due-at.ts casesMissingReview);
 * - every performance decision (the trigger lines and escalations, rules/performance.ts);
 * - with the HTML's supervision trends: each case's last review before the period, its standing at the
 *   first weeks' ends until a review in the period (supervision-trends/reviews.ts), and each review that
 *   records a trigger with every review of that officer, whose dates start and end its runs
 *   (supervision-trends/triggers.ts triggerEpisodes);
 * - and the chain's head, which every format gives.
 * A review that records no trigger, of an officer no review records one for, gives the trends nothing, so at
 * 50,000 reviews the HTML hashes about what the report does (README "The review log").
 */
export function logReportEntries(chain: readonly ChainEntry[], reads: LogReads): (e: ChainEntry) => boolean {
	const {period, today, trends} = reads;
	const end = minDate(period.to, today);
	const shown = new Set<ChainEntry>();
	const amended = new Set<number>();
	const last = new Map<string, ChainEntry>();
	// The last review by a day, as review-log/due-at.ts reads it: the latest date, the later entry on a tie.
	const latest = (by: Map<string, ReviewEntry>, e: ReviewEntry) => {
		const before = by.get(e.data.caseRef);
		if (!before || before.data.date <= e.data.date) by.set(e.data.caseRef, e);
	};
	const lastByEnd = new Map<string, ReviewEntry>();
	const lastBeforePeriod = new Map<string, ReviewEntry>();
	const triggerOfficers = new Set<string>();
	const rows = new Set<number>();
	const amendments: AmendmentEntry[] = [];
	for (const e of chain) {
		if (e.kind === 'review') {
			const {caseRef, date} = e.data;
			last.set(caseRef, e);
			if (date <= end) latest(lastByEnd, e);
			if (inPeriod(date, period)) {
				shown.add(e);
				rows.add(e.seq);
			} else if (trends && date < period.from) latest(lastBeforePeriod, e);
			if (trends && e.data.triggerFired) triggerOfficers.add(e.data.oicId);
		} else if (e.kind === 'amendment') {
			amendments.push(e);
			if (!inPeriod(e.data.date, period)) continue;
			shown.add(e);
			amended.add(e.data.amends);
		} else if (e.kind === 'performance-decision') shown.add(e);
	}
	for (const a of amendments) if (rows.has(a.data.amends)) shown.add(a);
	for (const by of [last, lastByEnd, lastBeforePeriod]) for (const e of by.values()) shown.add(e);
	const head = chain.at(-1);
	if (head) shown.add(head);
	return e => shown.has(e) || amended.has(e.seq) || (e.kind === 'review' && triggerOfficers.has(e.data.oicId));
}
