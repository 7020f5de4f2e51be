/**
 * Case statuses in words, for every screen and export: "with CPS", not "with cps" (the stored value
 * is "with-cps"). One table so the case view, the handover and the import report read the same.
 */
import type {CaseStatus, PerformanceDecisionKind} from './model.js';

export const CASE_STATUS_WORDS: Record<CaseStatus, string> = {
	investigation: 'investigation',
	'awaiting-forensics': 'awaiting forensics',
	'with-cps': 'with CPS',
	charged: 'charged',
	court: 'court',
	closed: 'closed',
};

/** A case status in words; an unknown value (a newer store) is shown with its hyphens as spaces. */
export function caseStatusWords(status: string): string {
	return (CASE_STATUS_WORDS as Record<string, string>)[status] ?? status.replace(/-/g, ' ');
}

/**
 * A performance decision in the words the review's step shows (README "The guided 14-day review"):
 * "not needed now", never the stored "not-now". Sentences (problems, the log's Markdown and HTML, the
 * case text) use these; JSON fields keep the stored value.
 */
export const PERFORMANCE_DECISION_WORDS: Record<PerformanceDecisionKind, string> = {
	'action-plan': 'start an action plan',
	'not-now': 'not needed now',
	escalate: 'escalate to the inspector',
};

/** A stored decision in words; an unknown value (a newer store) is shown with its hyphens as spaces. */
export function performanceDecisionWords(decision: string): string {
	return (PERFORMANCE_DECISION_WORDS as Record<string, string>)[decision] ?? decision.replace(/-/g, ' ');
}
