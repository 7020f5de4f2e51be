/**
 * `fortnight case show --json`: the case record (domain/case-record.ts) under schema
 * `fortnight-case/3`. Keys are always present (null when empty). Every string from the store goes
 * through safeMultiline: JSON escaping alone would let bidi overrides through to a terminal.
 */
import type {CaseRecord} from '../domain/case-record.js';
import type {IsoDate} from '../domain/dates.js';
import {safeMultiline} from '../domain/safe-text.js';

// 2: `updates` (QA 6 D3), every crime-report update whole.
// 3: each update's `source` ("import" or null) and `author` null for an imported one: the records system's (QA 8 R6);
//    `nextReviewDue` the signed date when the record's copy was moved later, and `nextReviewEdited` saying so (QA 9 D7).
export const CASE_JSON_SCHEMA = 'fortnight-case/3';

function safe(v: unknown): unknown {
	if (typeof v === 'string') return safeMultiline(v);
	if (Array.isArray(v)) return v.map(safe);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [safeMultiline(k), safe(x)]));
	return v;
}

export function renderCaseJson(r: CaseRecord, today: IsoDate): string {
	return JSON.stringify({schema: CASE_JSON_SCHEMA, today, case: safe(r)}, null, 2) + '\n';
}
