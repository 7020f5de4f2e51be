/**
 * The handover document's plain values (no schemas), for code that needs them at run time without
 * loading TypeBox: the desk builds handovers for its views, and the schema module's TypeBox and JSON
 * Schema building were on the desk's path to its first rows (issue 18). schema.ts re-exports these and
 * builds its schemas from them, so the two cannot disagree.
 */
export const HANDOVER_SCHEMA_ID = 'fortnight-handover/6';

export const WINDOW_KINDS = [
	'bail-return',
	'bail-period-end',
	'review-due',
	'rui-update-due',
	'victim-update-due',
	'action-due',
	'forensic-result-expected',
	'cps-due',
	'court-date',
	'action-plan-review',
	'welfare-check-in-due',
	'absence-start',
	'absence-end',
] as const;
