/**
 * The exception report's totals table, one column list for the Markdown and the HTML report (README
 * "Review log"): the same figures under the same headings in both, whatever each format does with them.
 */
import type {SergeantTotals} from '../domain/review-log/exceptions.js';

/** The headings after the sergeant's, in the order totalsCells gives the figures. */
export function totalsHeaders(forensicDays: number): string[] {
	return [
		'Sergeant',
		'Reviews due',
		'Done',
		'On time',
		'On time %',
		'Late',
		'Not reviewed',
		'Overdue now',
		'No cover',
		'Unresolved triggers',
		'Bail',
		'Stalled actions',
		`Forensic ${forensicDays}+ days`,
		'Span of control',
	];
}

/** One sergeant's (or everyone's) figures as text, in the order of totalsHeaders after 'Sergeant'. */
export function totalsCells(t: SergeantTotals): string[] {
	return [
		t.reviewsDue,
		t.reviewsDone,
		t.onTime,
		t.onTimePercent === null ? 'n/a' : `${t.onTimePercent}%`,
		t.late,
		t.notReviewed,
		t.overdueNow,
		t.noCover,
		t.unresolvedTriggers,
		t.bail,
		t.stalledActions,
		t.forensicWaits,
		t.spanOfControl,
	].map(String);
}
