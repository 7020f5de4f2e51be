/**
 * The review log as CSV for a spreadsheet: RFC 4180 (every field quoted, quotes doubled, CRLF line
 * ends), UTF-8 with a byte-order mark so Excel reads non-ASCII names correctly, and a header row.
 *
 * CSV injection (OWASP): a cell beginning with = + - @ tab CR or LF can be run as a formula by a
 * spreadsheet, so such cells get a leading apostrophe, which spreadsheets show as text. Values are
 * already made safe for display (safeText) by the log builder.
 *
 * A hand-written writer rather than csv-stringify: ten lines, exactly these rules, and one string
 * concatenation per cell keeps a 50,000-row log linear and fast.
 */
import {timeliness, type LogRow} from '../domain/review-log/rows.js';

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One quoted cell, defused against formula injection. */
export function csvCell(value: string): string {
	const v = FORMULA_START.test(value) ? `'${value}` : value;
	return `"${v.replace(/"/g, '""')}"`;
}

/** Rows of cells to RFC 4180 text (each record ends CRLF). */
export function csvRecords(records: ReadonlyArray<readonly string[]>): string {
	let out = '';
	for (const r of records) out += r.map(csvCell).join(',') + '\r\n';
	return out;
}

/** Column header and how to get the cell from a row. Order is the CSV's column order. */
export const LOG_COLUMNS: ReadonlyArray<readonly [string, (r: LogRow) => string]> = [
	['Date', r => r.date],
	['Case ref', r => r.caseRef],
	['Officer', r => r.officer],
	['Officer id', r => r.officerId],
	['Reviewer', r => r.reviewer],
	['Reviewer id', r => r.reviewerId],
	['Risk before', r => r.riskBefore ?? ''],
	['Risk after', r => r.riskAfter ?? ''],
	['Days since previous review', r => num(r.daysSincePrevious)],
	['Due', r => r.dueDate ?? ''],
	['On time or late', r => timeliness(r)],
	['Days late', r => num(r.lateDays)],
	['Actions set', r => num(r.actionsSet)],
	['Actions completed', r => num(r.actionsCompleted)],
	['Actions carried', r => num(r.actionsCarried)],
	['Actions dropped', r => num(r.actionsDropped)],
	['Trigger fired', r => yesNo(r.triggerFired)],
	['Trigger decision', r => r.triggerDecision ?? ''],
	['Welfare check-in', r => yesNo(r.welfareCheckIn)],
	['Next review due', r => r.nextReviewDue ?? ''],
	['Entry kind', r => r.kind],
	['Entry seq', r => String(r.seq)],
	['Amends entry', r => num(r.amends)],
	['Amended by entries', r => r.amendedBy.join(' ')],
	['Amendment', r => (r.amendment ? [r.amendment.reason, ...r.amendment.corrections.map(c => `${c.field}: ${c.value}`)].join('\n') : '')],
	['Entry hash', r => r.hash],
	// Who signed it with their key (README "Signatures"); fortnight verify checks each signature.
	['Signed by', r => r.signedBy ?? 'not signed (made before signatures)'],
	['Signed by id', r => r.signedById ?? ''],
];

export function logCsv(rows: readonly LogRow[]): string {
	let out = CSV_BOM + csvRecords([LOG_COLUMNS.map(c => c[0])]);
	for (const r of rows) out += csvRecords([LOG_COLUMNS.map(c => c[1](r))]);
	return out;
}

function num(n: number | null): string {
	return n === null ? '' : String(n);
}

function yesNo(b: boolean | null): string {
	return b === null ? '' : b ? 'yes' : 'no';
}
