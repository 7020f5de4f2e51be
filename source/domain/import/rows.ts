/**
 * Validating one export row into typed values, before anything is planned or written. Every problem
 * in a row is reported (not just the first), each with its spreadsheet row number, the column as the
 * file names it (and its letter), and a reason a sergeant can act on.
 *
 * In an ImportRow a field is `undefined` when the file has no such column (nothing about it changes)
 * and `null` when the cell is empty.
 */
import {outsideYearRange, type IsoDate} from '../dates.js';
import {FIRST_YEAR, LAST_YEAR} from '../date-patterns.js';
import type {CaseStatus, Mg3Status, Risk} from '../model.js';
import {MAX_TEXT} from '../model-values.js';
import {hasUnsafeText, mayBeUnsafe} from '../safe-text.js';
import {
	BAIL_OUTCOME_WORDS,
	DATE_FIELDS,
	FIELDS,
	MG3_WORDS,
	normaliseHeader,
	normaliseWord,
	RISK_WORDS,
	SERVICE,
	STATUS_WORDS,
	FORENSIC_ITEM_MAX,
	SUSPECT_MAX,
	YES_NO,
	type BailOutcome,
	type Field,
	type ImportMapping,
	type ValueField,
} from './columns.js';
import {dateParser, type DateParser} from './date-format.js';
import type {OfficerIndex} from './officers.js';

/** One problem with one row. `column` and `reason` quote the file's own text: pass them through safeText before showing. */
export interface Rejection {
	/** Spreadsheet row (the header is row 1). */
	row: number;
	/** The column's header as the file writes it, or null for a whole-row problem. */
	column: string | null;
	/** Spreadsheet column letter (A, B, ... AA), or null. */
	letter: string | null;
	reason: string;
}

export interface ImportRow {
	row: number;
	ref: string;
	offence?: string | null;
	officerId?: string | null;
	risk?: Risk | null;
	status?: CaseStatus | null;
	opened?: IsoDate | null;
	arrestDate?: IsoDate | null;
	bailReturnDate?: IsoDate | null;
	rui?: boolean | null;
	/** The suspect's initials (optional column): null or absent leaves the recorded initials as they are. */
	suspect?: string | null;
	lastUpdateDate?: IsoDate | null;
	lastUpdateText?: string | null;
	victimServiceLevel?: 'standard' | 'enhanced' | null;
	lastVictimUpdate?: IsoDate | null;
	forensicSubmitted?: IsoDate | null;
	forensicResult?: IsoDate | null;
	/**
	 * What was submitted (optional column, "Laptop (suspect)"): names the submission with its date, so two sent
	 * the same day are told apart (plan.ts sameSubmission); null or absent names it by its date alone.
	 */
	forensicItem?: string | null;
	lastSuspectUpdate?: IsoDate | null;
	mg3Status?: Mg3Status | null;
	/** How a running bail ended (optional column): the explicit outcome that ends bail; blank changes nothing. */
	bailOutcome?: BailOutcome | null;
}

/** Where each field is in the file. */
export interface ColumnLayout {
	index: Partial<Record<Field, number>>;
	/** Headers in the file that no field reads (shown so a mapping mistake is visible). */
	ignored: string[];
	header: string[];
}

export function columnLetter(index: number): string {
	let n = index + 1;
	let s = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** Finds each field's column; an error when the crime reference column is absent or a column is doubled. */
export function layoutFor(header: string[], mapping: ImportMapping): {ok: true; layout: ColumnLayout} | {ok: false; error: string} {
	const want = new Map<string, Field>();
	for (const f of FIELDS) want.set(normaliseHeader(mapping.headers[f]), f);
	const index: Partial<Record<Field, number>> = {};
	const ignored: string[] = [];
	for (let i = 0; i < header.length; i++) {
		const h = header[i]!;
		const field = want.get(normaliseHeader(h));
		if (!field) {
			if (h.trim() !== '') ignored.push(h);
			continue;
		}
		const before = index[field];
		if (before !== undefined) {
			return {
				ok: false,
				error: `the column "${h}" appears twice (columns ${columnLetter(before)} and ${columnLetter(i)}); remove one or name them apart with --map.`,
			};
		}
		index[field] = i;
	}
	if (index.ref === undefined) {
		return {
			ok: false,
			error: `there is no "${mapping.headers.ref}" column for the crime reference; name your file's column with --map (see fortnight import --help).`,
		};
	}
	return {ok: true, layout: {index, ignored, header}};
}

// Control, bidi and invisible characters: kept as written in the store but flagged (display uses safeText).
// Tab, LF and CR are ordinary in multi-line text. mayBeUnsafe is only a fast pre-filter (hasUnsafeText
// costs about as much as parsing the row); safe-text.ts's hasUnsafeText decides.
const unsafe = (s: string): boolean => mayBeUnsafe(s) && hasUnsafeText(s);

export interface RowContext {
	mapping: ImportMapping;
	layout: ColumnLayout;
	officers: OfficerIndex;
	today: IsoDate;
	parseDate: DateParser;
	/** Why a reference is refused for its format (README "fortnight import"), or null when it is taken. */
	refProblem: (ref: string) => string | null;
	/** Answers for cells already seen in a word column (a column has a handful of distinct words). */
	words: Record<ValueField, Map<string, unknown>>;
	/** Each field's column, -1 when the file has none: one object of one shape, read once per cell of a 50,000-row file. */
	col: Record<Field, number>;
	/** The date columns the file has, in DATE_FIELDS order (the order their problems are reported in). */
	dateCols: readonly {field: DateField; index: number}[];
	/** Offence texts already seen, each kept once: an export names a few hundred offences over its thousands of rows. */
	offences: Map<string, string>;
}

/** ImportRow's date fields (DATE_FIELDS). */
type DateField =
	| 'opened'
	| 'arrestDate'
	| 'bailReturnDate'
	| 'lastUpdateDate'
	| 'lastVictimUpdate'
	| 'forensicSubmitted'
	| 'forensicResult'
	| 'lastSuspectUpdate';

/** Distinct offence texts kept for sharing; past this, texts are kept as read (a file of junk cannot grow it). */
const OFFENCES_KEPT = 5000;

export function rowContext(
	mapping: ImportMapping,
	layout: ColumnLayout,
	officers: OfficerIndex,
	today: IsoDate,
	refProblem: RowContext['refProblem'],
): RowContext {
	const words = {
		risk: new Map(),
		status: new Map(),
		rui: new Map(),
		victimServiceLevel: new Map(),
		mg3Status: new Map(),
		bailOutcome: new Map(),
	};
	const col = {} as Record<Field, number>;
	for (const f of FIELDS) col[f] = layout.index[f] ?? -1;
	const dateCols = DATE_FIELDS.filter(f => col[f] !== -1).map(f => ({field: f as DateField, index: col[f]}));
	return {
		mapping,
		layout,
		officers,
		today,
		parseDate: dateParser(mapping.dateFormats),
		refProblem,
		words,
		col,
		dateCols,
		offences: new Map(),
	};
}

/** The word's meaning, or undefined when it has none (cached per column). */
function lookupWord<T>(ctx: RowContext, f: ValueField, table: Record<string, T>, c: string): T | null | undefined {
	const cache = ctx.words[f];
	const known = cache.get(c);
	if (known !== undefined || cache.has(c)) return known as T | null | undefined;
	const w = normaliseWord(c);
	let v: T | null | undefined;
	if (w === '') v = null;
	else {
		const mapped = ctx.mapping.values[f][w];
		v = table[mapped === undefined ? w : normaliseWord(mapped)];
	}
	if (cache.size < 1000) cache.set(c, v);
	return v;
}

export interface RowResult {
	row: ImportRow | null;
	rejections: Rejection[];
	/** Columns whose text holds control characters (kept, flagged). */
	flagged: readonly string[];
	/** The officer cell when it matched nobody or several officers. */
	officerProblem: {text: string; reason: 'unknown' | 'ambiguous'; candidates: string[]} | null;
}

/** True for a record with no text in any cell (a blank spreadsheet row: skipped, still counted). */
export function isBlank(record: readonly string[]): boolean {
	for (const c of record) if (c.trim() !== '') return false;
	return true;
}

/** Most rows flag nothing: they share this empty list. */
const NONE: readonly string[] = Object.freeze([]);

/** One row's problems, in the order they are found (each with the column as the file names it). */
function rejectionAt(ctx: RowContext, rowNo: number, field: Field | null, reason: string): Rejection {
	const i = field === null ? -1 : ctx.col[field];
	return {row: rowNo, column: i === -1 ? null : ctx.layout.header[i]!, letter: i === -1 ? null : columnLetter(i), reason};
}

/**
 * One row checked into typed values. Written for a 50,000-row file: each cell is read by its column
 * number from ctx.col, and nothing is allocated per row beyond the row's own values unless there is a
 * problem to report.
 */
export function validateRow(record: readonly string[], rowNo: number, ctx: RowContext): RowResult {
	const {layout, mapping, col} = ctx;
	const rejections: Rejection[] = [];
	let flagged: string[] | null = null;
	let officerProblem: RowResult['officerProblem'] = null;
	const width = layout.header.length;
	if (record.length < width) {
		const reason = `has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${width}: the row looks cut short or split across lines.`;
		rejections.push(rejectionAt(ctx, rowNo, null, reason));
		return {row: null, rejections, flagged: NONE, officerProblem};
	}
	if (record.length > width && record.slice(width).some(c => c.trim() !== '')) {
		rejections.push(rejectionAt(ctx, rowNo, null, `has ${record.length} cells but the header has ${width}: a comma in an unquoted field?`));
		return {row: null, rejections, flagged: NONE, officerProblem};
	}

	const refCell = record[col.ref]!.trim();
	if (refCell === '') rejections.push(rejectionAt(ctx, rowNo, 'ref', 'the crime reference is missing.'));
	else if (refCell.length > 40) rejections.push(rejectionAt(ctx, rowNo, 'ref', 'the crime reference is longer than 40 characters.'));
	else if (mayBeUnsafe(refCell) || /[\r\n]/.test(refCell)) {
		rejections.push(rejectionAt(ctx, rowNo, 'ref', 'the crime reference contains control or invisible characters or a line break.'));
	} else {
		const why = ctx.refProblem(refCell);
		if (why) rejections.push(rejectionAt(ctx, rowNo, 'ref', `"${refCell}" ${why}.`));
	}

	// Every key present from the start (undefined = no such column), so all rows share one object shape.
	const out: ImportRow = {
		row: rowNo,
		ref: refCell,
		offence: undefined,
		officerId: undefined,
		risk: undefined,
		status: undefined,
		opened: undefined,
		arrestDate: undefined,
		bailReturnDate: undefined,
		rui: undefined,
		suspect: undefined,
		lastUpdateDate: undefined,
		lastUpdateText: undefined,
		victimServiceLevel: undefined,
		lastVictimUpdate: undefined,
		forensicSubmitted: undefined,
		forensicResult: undefined,
		forensicItem: undefined,
		lastSuspectUpdate: undefined,
		mg3Status: undefined,
		bailOutcome: undefined,
	};

	for (const {field: f, index} of ctx.dateCols) {
		const c = record[index]!;
		if (c.trim() === '') {
			out[f] = null;
			continue;
		}
		const d = ctx.parseDate(c);
		if (d === null) {
			const why = outsideYearRange(c, mapping.dateFormats) ? `is outside the years ${FIRST_YEAR}-${LAST_YEAR}` : 'is not a real date';
			rejections.push(rejectionAt(ctx, rowNo, f, `"${c.trim()}" ${why} (expected ${mapping.dateFormats.join(' or ')}).`));
			continue;
		}
		if (f !== 'bailReturnDate' && d > ctx.today) {
			const reason = `${d} is after today (${ctx.today}); check the date format (${mapping.dateFormats.join(' or ')}).`;
			rejections.push(rejectionAt(ctx, rowNo, f, reason));
			continue;
		}
		out[f] = d;
	}

	if (col.offence !== -1) {
		const t = record[col.offence]!.trim();
		if (t.length > 300) rejections.push(rejectionAt(ctx, rowNo, 'offence', 'the offence is longer than 300 characters.'));
		else out.offence = t === '' ? null : sharedOffence(ctx, t);
		if (unsafe(t)) (flagged ??= []).push(layout.header[col.offence]!);
	}

	if (col.suspect !== -1) {
		const t = record[col.suspect]!.trim();
		const shown = `${t.slice(0, 20)}${t.length > 20 ? '...' : ''}`;
		if (t.length > SUSPECT_MAX) {
			const reason = `"${shown}" is longer than ${SUSPECT_MAX} characters; the suspect column holds initials only, never a name.`;
			rejections.push(rejectionAt(ctx, rowNo, 'suspect', reason));
		} else if (mayBeUnsafe(t) || /[\r\n]/.test(t)) {
			rejections.push(rejectionAt(ctx, rowNo, 'suspect', 'the suspect initials contain control characters or a line break.'));
		} else out.suspect = t === '' ? null : t;
	}

	if (col.forensicItem !== -1) {
		const t = record[col.forensicItem]!.trim();
		if (t.length > FORENSIC_ITEM_MAX)
			rejections.push(rejectionAt(ctx, rowNo, 'forensicItem', `the forensic item is longer than ${FORENSIC_ITEM_MAX} characters.`));
		else if (/[\r\n]/.test(t)) rejections.push(rejectionAt(ctx, rowNo, 'forensicItem', 'the forensic item has a line break.'));
		else out.forensicItem = t === '' ? null : t;
		if (unsafe(t)) (flagged ??= []).push(layout.header[col.forensicItem]!);
	}

	if (col.lastUpdateText !== -1) {
		const text = record[col.lastUpdateText]!;
		if (text.length > MAX_TEXT)
			rejections.push(rejectionAt(ctx, rowNo, 'lastUpdateText', `the update is longer than ${MAX_TEXT} characters.`));
		else out.lastUpdateText = text.trim() === '' ? null : text;
		if (unsafe(text)) (flagged ??= []).push(layout.header[col.lastUpdateText]!);
		if (text.trim() !== '' && !out.lastUpdateDate && !rejections.some(r => r.column === cellHeader(layout, 'lastUpdateDate'))) {
			const reason =
				`the update has no date${col.lastUpdateDate === -1 ? ` (no "${mapping.headers.lastUpdateDate}" column)` : ''}; fortnight needs ` +
				`the date an update was written.`;
			rejections.push(rejectionAt(ctx, rowNo, 'lastUpdateText', reason));
		}
	}

	const risk = word(ctx, record, rowNo, rejections, 'risk', RISK_WORDS, 'high, medium or low');
	if (risk !== undefined) out.risk = risk;
	const status = word(ctx, record, rowNo, rejections, 'status', STATUS_WORDS, STATUS_EXPECTED);
	if (status !== undefined) out.status = status;
	const rui = word(ctx, record, rowNo, rejections, 'rui', YES_NO, 'yes or no');
	if (rui !== undefined) out.rui = rui;
	const service = word(ctx, record, rowNo, rejections, 'victimServiceLevel', SERVICE, 'standard or enhanced');
	if (service !== undefined) out.victimServiceLevel = service;
	const mg3 = word(ctx, record, rowNo, rejections, 'mg3Status', MG3_WORDS, MG3_EXPECTED);
	if (mg3 !== undefined) out.mg3Status = mg3;
	const outcome = word(ctx, record, rowNo, rejections, 'bailOutcome', BAIL_OUTCOME_WORDS, OUTCOME_EXPECTED);
	if (outcome !== undefined) out.bailOutcome = outcome;
	if (out.forensicResult && out.forensicSubmitted && out.forensicResult < out.forensicSubmitted) {
		const reason = `the result (${out.forensicResult}) is dated before the submission (${out.forensicSubmitted}).`;
		rejections.push(rejectionAt(ctx, rowNo, 'forensicResult', reason));
	}

	if (col.officer !== -1) {
		const officer = record[col.officer]!;
		if (officer.trim() === '') out.officerId = null;
		else {
			const m = ctx.officers.match(officer);
			if (m.ok) out.officerId = m.officerId;
			else {
				officerProblem = {text: officer.trim(), reason: m.reason, candidates: m.candidates};
				const reason =
					m.reason === 'unknown'
						? `no officer in the team matches "${officer.trim()}" (by collar number or name); add the officer first or correct the export.`
						: `"${officer.trim()}" matches ${m.candidates.length} officers; use the collar number.`;
				rejections.push(rejectionAt(ctx, rowNo, 'officer', reason));
			}
		}
	}

	if (out.rui === true && out.bailReturnDate) {
		const reason = 'the row has both a bail return date and RUI "yes"; a suspect is either on bail or released under investigation.';
		rejections.push(rejectionAt(ctx, rowNo, 'rui', reason));
	}
	const outcomeWith = (what: string) => `the row has both ${what} and a bail outcome ("${out.bailOutcome}")`;
	if (out.bailOutcome && out.bailReturnDate) {
		rejections.push(rejectionAt(ctx, rowNo, 'bailOutcome', `${outcomeWith('a bail return date')}: bail either runs or has ended.`));
	}
	if (out.bailOutcome && out.rui === true) {
		rejections.push(rejectionAt(ctx, rowNo, 'bailOutcome', `${outcomeWith('RUI "yes"')}: give one way the bail ended.`));
	}

	return {row: rejections.length === 0 ? out : null, rejections, flagged: flagged ?? NONE, officerProblem};
}
const STATUS_EXPECTED = 'investigation, awaiting forensics, with CPS, charged, court or closed';
const MG3_EXPECTED = 'not started, in progress, submitted, advice received, charged, no further action or not required';
const OUTCOME_EXPECTED = 'charged, no further action (NFA) or released without bail';

/** A word column's meaning in the row: undefined when the file has no such column, or the word is unknown (then a rejection says so). */
function word<T>(
	ctx: RowContext,
	record: readonly string[],
	rowNo: number,
	rejections: Rejection[],
	f: ValueField,
	table: Record<string, T>,
	expected: string,
): T | null | undefined {
	const i = ctx.col[f];
	if (i === -1) return undefined;
	const c = record[i]!;
	const v = lookupWord(ctx, f, table, c);
	if (v === undefined) {
		const mapped = ctx.mapping.values[f][normaliseWord(c)];
		const reason = `"${c.trim()}" is not a known ${labelOf(f)} (expected ${expected}${mapped === undefined ? '' : `; the mapping gives "${mapped}"`}).`;
		rejections.push(rejectionAt(ctx, rowNo, f, reason));
	}
	return v;
}

/** The offence text, the same string for every row that names the same offence (less for the store to hold). */
function sharedOffence(ctx: RowContext, text: string): string {
	const known = ctx.offences.get(text);
	if (known !== undefined) return known;
	if (ctx.offences.size < OFFENCES_KEPT) ctx.offences.set(text, text);
	return text;
}

function cellHeader(layout: ColumnLayout, f: Field): string | null {
	const i = layout.index[f];
	return i === undefined ? null : layout.header[i]!;
}

function labelOf(f: ValueField): string {
	const labels = {risk: 'risk', status: 'status', rui: 'RUI answer', victimServiceLevel: 'victim service level', mg3Status: 'MG3 status'};
	return {...labels, bailOutcome: 'bail outcome'}[f];
}
