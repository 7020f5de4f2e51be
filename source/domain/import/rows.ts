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
}

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
	return {mapping, layout, officers, today, parseDate: dateParser(mapping.dateFormats), refProblem, words};
}

/** The word's meaning, or undefined when it has none (cached per column). */
function lookupWord<T>(ctx: RowContext, f: ValueField, table: Record<string, T>, c: string): T | null | undefined {
	const cache = ctx.words[f];
	if (cache.has(c)) return cache.get(c) as T | null | undefined;
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
	flagged: string[];
	/** The officer cell when it matched nobody or several officers. */
	officerProblem: {text: string; reason: 'unknown' | 'ambiguous'; candidates: string[]} | null;
}

/** True for a record with no text in any cell (a blank spreadsheet row: skipped, still counted). */
export function isBlank(record: readonly string[]): boolean {
	for (const c of record) if (c.trim() !== '') return false;
	return true;
}

export function validateRow(record: readonly string[], rowNo: number, ctx: RowContext): RowResult {
	const {layout, mapping} = ctx;
	const rejections: Rejection[] = [];
	const flagged: string[] = [];
	let officerProblem: RowResult['officerProblem'] = null;
	const reject = (field: Field | null, reason: string) => {
		const i = field === null ? undefined : layout.index[field];
		rejections.push({
			row: rowNo,
			column: i === undefined ? null : layout.header[i]!,
			letter: i === undefined ? null : columnLetter(i),
			reason,
		});
	};
	const width = layout.header.length;
	if (record.length < width) {
		reject(
			null,
			`has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${width}: the row looks cut short or split across lines.`,
		);
		return {row: null, rejections, flagged, officerProblem};
	}
	if (record.length > width && record.slice(width).some(c => c.trim() !== '')) {
		reject(null, `has ${record.length} cells but the header has ${width}: a comma in an unquoted field?`);
		return {row: null, rejections, flagged, officerProblem};
	}
	const cell = (f: Field): string | undefined => {
		const i = layout.index[f];
		return i === undefined ? undefined : record[i]!;
	};
	const header = (f: Field) => layout.header[layout.index[f]!]!;

	const refCell = cell('ref')!.trim();
	if (refCell === '') reject('ref', 'the crime reference is missing.');
	else if (refCell.length > 40) reject('ref', 'the crime reference is longer than 40 characters.');
	else if (mayBeUnsafe(refCell) || /[\r\n]/.test(refCell)) {
		reject('ref', 'the crime reference contains control or invisible characters or a line break.');
	} else {
		const why = ctx.refProblem(refCell);
		if (why) reject('ref', `"${refCell}" ${why}.`);
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
		lastSuspectUpdate: undefined,
		mg3Status: undefined,
	};

	for (const f of DATE_FIELDS) {
		const c = cell(f);
		if (c === undefined) continue;
		if (c.trim() === '') {
			out[f as 'opened'] = null;
			continue;
		}
		const d = ctx.parseDate(c);
		if (d === null) {
			const why = outsideYearRange(c, mapping.dateFormats) ? `is outside the years ${FIRST_YEAR}-${LAST_YEAR}` : 'is not a real date';
			reject(f, `"${c.trim()}" ${why} (expected ${mapping.dateFormats.join(' or ')}).`);
			continue;
		}
		if (f !== 'bailReturnDate' && d > ctx.today) {
			reject(f, `${d} is after today (${ctx.today}); check the date format (${mapping.dateFormats.join(' or ')}).`);
			continue;
		}
		out[f as 'opened'] = d;
	}

	const offence = cell('offence');
	if (offence !== undefined) {
		const t = offence.trim();
		if (t.length > 300) reject('offence', 'the offence is longer than 300 characters.');
		else out.offence = t === '' ? null : t;
		if (unsafe(t)) flagged.push(header('offence'));
	}

	const suspect = cell('suspect');
	if (suspect !== undefined) {
		const t = suspect.trim();
		const shown = `${t.slice(0, 20)}${t.length > 20 ? '...' : ''}`;
		if (t.length > SUSPECT_MAX) {
			reject('suspect', `"${shown}" is longer than ${SUSPECT_MAX} characters; the suspect column holds initials only, never a name.`);
		} else if (mayBeUnsafe(t) || /[\r\n]/.test(t)) reject('suspect', 'the suspect initials contain control characters or a line break.');
		else out.suspect = t === '' ? null : t;
	}

	const text = cell('lastUpdateText');
	if (text !== undefined) {
		if (text.length > MAX_TEXT) reject('lastUpdateText', `the update is longer than ${MAX_TEXT} characters.`);
		else out.lastUpdateText = text.trim() === '' ? null : text;
		if (unsafe(text)) flagged.push(header('lastUpdateText'));
		if (text.trim() !== '' && !out.lastUpdateDate && !rejections.some(r => r.column === cellHeader(layout, 'lastUpdateDate'))) {
			reject(
				'lastUpdateText',
				`the update has no date${layout.index.lastUpdateDate === undefined ? ` (no "${mapping.headers.lastUpdateDate}" column)` : ''}; fortnight needs ` +
					`the date an update was written.`,
			);
		}
	}

	const word = <T>(f: ValueField, table: Record<string, T>, expected: string): T | null | undefined => {
		const c = cell(f);
		if (c === undefined) return undefined;
		const v = lookupWord(ctx, f, table, c);
		if (v === undefined) {
			const mapped = mapping.values[f][normaliseWord(c)];
			reject(
				f,
				`"${c.trim()}" is not a known ${labelOf(f)} (expected ${expected}${mapped === undefined ? '' : `; the mapping gives "${mapped}"`}).`,
			);
			return undefined;
		}
		return v;
	};
	const risk = word('risk', RISK_WORDS, 'high, medium or low');
	if (risk !== undefined) out.risk = risk;
	const status = word('status', STATUS_WORDS, 'investigation, awaiting forensics, with CPS, charged, court or closed');
	if (status !== undefined) out.status = status;
	const rui = word('rui', YES_NO, 'yes or no');
	if (rui !== undefined) out.rui = rui;
	const service = word('victimServiceLevel', SERVICE, 'standard or enhanced');
	if (service !== undefined) out.victimServiceLevel = service;
	const mg3Words = 'not started, in progress, submitted, advice received, charged, no further action or not required';
	const mg3 = word('mg3Status', MG3_WORDS, mg3Words);
	if (mg3 !== undefined) out.mg3Status = mg3;
	const outcome = word('bailOutcome', BAIL_OUTCOME_WORDS, 'charged, no further action (NFA) or released without bail');
	if (outcome !== undefined) out.bailOutcome = outcome;
	if (out.forensicResult && out.forensicSubmitted && out.forensicResult < out.forensicSubmitted) {
		reject('forensicResult', `the result (${out.forensicResult}) is dated before the submission (${out.forensicSubmitted}).`);
	}

	const officer = cell('officer');
	if (officer !== undefined) {
		if (officer.trim() === '') out.officerId = null;
		else {
			const m = ctx.officers.match(officer);
			if (m.ok) out.officerId = m.officerId;
			else {
				officerProblem = {text: officer.trim(), reason: m.reason, candidates: m.candidates};
				reject(
					'officer',
					m.reason === 'unknown'
						? `no officer in the team matches "${officer.trim()}" (by collar number or name); add the officer first or correct the export.`
						: `"${officer.trim()}" matches ${m.candidates.length} officers; use the collar number.`,
				);
			}
		}
	}

	if (out.rui === true && out.bailReturnDate)
		reject('rui', 'the row has both a bail return date and RUI "yes"; a suspect is either on bail or released under investigation.');
	const outcomeWith = (what: string) => `the row has both ${what} and a bail outcome ("${out.bailOutcome}")`;
	if (out.bailOutcome && out.bailReturnDate) reject('bailOutcome', `${outcomeWith('a bail return date')}: bail either runs or has ended.`);
	if (out.bailOutcome && out.rui === true) reject('bailOutcome', `${outcomeWith('RUI "yes"')}: give one way the bail ended.`);

	return {row: rejections.length === 0 ? out : null, rejections, flagged, officerProblem};
}

function cellHeader(layout: ColumnLayout, f: Field): string | null {
	const i = layout.index[f];
	return i === undefined ? null : layout.header[i]!;
}

function labelOf(f: ValueField): string {
	const labels = {risk: 'risk', status: 'status', rui: 'RUI answer', victimServiceLevel: 'victim service level', mg3Status: 'MG3 status'};
	return {...labels, bailOutcome: 'bail outcome'}[f];
}
