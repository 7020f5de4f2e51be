/** Everything one log export holds: the renderers (CSV, Markdown, JSON) all take this. */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {safeText} from '../safe-text.js';
import {buildExceptionReport, emptySection, type ExceptionReport, type RuleResults} from './exceptions.js';
import type {Period} from './period.js';
import {buildLogRows, filterLogRows, type LogRow} from './rows.js';

export interface LogDocument {
	team: string;
	today: IsoDate;
	period: Period;
	/** The --sergeant filter, or null for the whole team. */
	sergeantId: string | null;
	/** The review chain's last entry when exported: check a later copy with `fortnight verify --head SEQ:HASH`. */
	chainHead: {seq: number; hash: string} | null;
	rows: LogRow[];
	report: ExceptionReport;
}

/**
 * Who signed the log's entries, in one sentence for the Markdown and HTML reports (the CSV and JSON
 * name the signer row by row): README "Signatures".
 */
export function signaturesText(rows: readonly LogRow[]): string {
	const signed = rows.filter(r => r.signedById !== null);
	const signers = [...new Set(signed.map(r => r.signedBy!))].sort();
	const before = rows.length - signed.length;
	const of = `${signed.length} of the ${rows.length} ${rows.length === 1 ? 'entry' : 'entries'} in this log`;
	const by = signers.length > 0 ? ` (by ${signers.join(', ')})` : '';
	const unsigned = before > 0 ? `; ${before} made before signatures (hashed, not signed)` : '';
	return `Signatures: ${of} signed by their author's key${by}${unsigned}. The CSV names the signer of each; fortnight verify checks every signature.`;
}

/** "605:3fa2..." as `verify --head` takes it, or "empty". */
export function headText(head: LogDocument['chainHead']): string {
	return head ? `${head.seq}:${head.hash}` : 'empty';
}

export interface LogDocumentOptions {
	period: Period;
	today: IsoDate;
	sergeantId?: string | null;
}

/**
 * Rows and exception report for one export. The report is built from the whole team's rows and then
 * narrowed to the sergeant, so a case reviewed by a cover sergeant still counts as reviewed.
 */
export function buildLogDocument(data: StoreData, options: LogDocumentOptions, rules: RuleResults): LogDocument {
	const all = buildLogRows(data, options.period);
	const report = buildExceptionReport(data, all, options.period, options.today, rules);
	const sergeantId = options.sergeantId ?? null;
	let narrowed = report;
	if (sergeantId !== null) {
		const mine = report.sergeants.find(s => s.sergeantId === sergeantId) ?? emptySection(sergeantId, safeText(sergeantId));
		narrowed = {...report, sergeants: [mine], totals: mine.totals};
	}
	return {
		team: safeText(data.team.name),
		today: options.today,
		period: options.period,
		sergeantId,
		chainHead: chainHeadOf(data),
		rows: sergeantId === null ? all : filterLogRows(all, {sergeantId}),
		report: narrowed,
	};
}

/** The chain's last entry, as every export prints it. */
export function chainHeadOf(data: StoreData): LogDocument['chainHead'] {
	const last = data.chain.at(-1);
	return last ? {seq: last.seq, hash: last.hash} : null;
}

/** Just the rows (what the CSV holds): no exception report, so no rules run. */
export function logRowsFor(data: StoreData, period: Period, sergeantId: string | null = null): LogRow[] {
	const all = buildLogRows(data, period);
	return sergeantId === null ? all : filterLogRows(all, {sergeantId});
}
