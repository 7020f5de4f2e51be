/**
 * Case statuses in words, for every screen and export: "with CPS", not "with cps" (the stored value
 * is "with-cps"). One table so the case view, the handover and the import report read the same.
 */
import type {CaseStatus} from './model.js';

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
