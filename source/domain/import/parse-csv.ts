/**
 * CSV text to a table of strings, with csv-parse (never hand-written splitting): a UTF-8 BOM is
 * dropped, rows may end in CRLF or in LF (not both in one file), and quoted fields may hold commas,
 * quotes and line breaks.
 *
 * Rows are counted as a spreadsheet user counts them: the header is row 1 and every record after it
 * is the next row, blank lines included (so "row 7" is the row Excel shows as 7). Blank lines are
 * kept here and skipped by the importer so the count stays true.
 *
 * Pure: text (or the file's UTF-8 bytes, which csv-parse reads without a decoded copy) in, table out. A
 * file csv-parse cannot read (an unclosed quote), or whose rows end in two ways (line-endings.ts), gives
 * `error`, not a throw.
 */
import {Parser} from 'csv-parse';
import {parse, type CsvError, type Options} from 'csv-parse/sync';
import {findMixedLineEndings, type MixedLineEndings} from './line-endings.js';

export interface CsvTable {
	header: string[];
	/** Data records; records[i] is spreadsheet row i + 2. */
	records: string[][];
}

export type ParseResult = {ok: true; table: CsvTable} | {ok: false; error: string};

/**
 * The parser options, exported so a benchmark can time a bare csv-parse with exactly these.
 * relax_quotes: a quote inside an unquoted field (He said "no") is kept as text, as spreadsheets do.
 * relax_column_count: a short or long row is reported by the importer with its row number.
 */
export const CSV_OPTIONS: Options = {bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false};

/** Spreadsheet row number of records[index]. */
export const rowNumber = (index: number): number => index + 2;

/** Receives the data records of a file, one at a time, once the header is known. */
export type RecordSink = (record: string[], index: number) => void;

/**
 * Reads the file record by record: `onHeader` gets the header row and returns where the data records
 * go (records[i] of parseCsv is the call with index i). Nothing is kept here, so a planner that drops
 * each row after checking it never holds the whole file as strings.
 */
export function readCsvRecords(
	input: string | Uint8Array,
	onHeader: (header: string[]) => RecordSink,
	onProgress?: (fraction: number) => void,
): {ok: true} | {ok: false; error: string} {
	let first = true;
	let sink: RecordSink | undefined;
	let index = 0;
	let error: string | null = null;
	const onRecord = (record: string[]): void => {
		if (sink) sink(record, index++);
		else if (error === null) {
			// Excel writes a "sep=," line first when asked to; it shows no such row, so neither do we.
			const sep = first ? /^sep=(.)$/i.exec(record.join(',')) : null;
			first = false;
			if (sep) {
				if (sep[1] !== ',')
					error = `the file says its separator is "${sep[1]}"; fortnight reads comma-separated files (save as "CSV UTF-8 (Comma delimited)").`;
			} else if (record.every(h => h.trim() === '')) {
				error = NO_HEADER;
			} else {
				sink = onHeader(record);
			}
		}
	};
	const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const mixed = findMixedLineEndings(bytes);
	if (mixed) return {ok: false, error: mixedLineEndings(mixed)};
	try {
		feed(bytes, onRecord, onProgress);
	} catch (err) {
		const e = err as Partial<CsvError> & Error;
		const where = typeof e.lines === 'number' ? ` (near line ${e.lines} of the file)` : '';
		const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : e.message.replace(/:.*$/, '').toLowerCase();
		return {ok: false, error: `the file is not readable as CSV: ${what}${where}.`};
	}
	onProgress?.(1);
	if (error !== null) return {ok: false, error};
	if (!sink) return {ok: false, error: NO_HEADER};
	return {ok: true};
}

/**
 * csv-parse's record-at-a-time core, the one its stream Parser and its sync parse both drive (`api`;
 * not in its type declarations). Fed directly it hands over each record with nothing else: the sync
 * API's on_record builds an info object per record, a quarter of the parse time of a 50,000-row file.
 */
interface CsvCore {
	parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
	/** The field being read: its bytes so far (`buf`, the first `length` of them), reused for every field. */
	state?: {field?: {buf?: unknown; length?: unknown; toString?: unknown}};
}

/**
 * A field's text without the copy of a Buffer object csv-parse makes for each one. Its ResizeableBuffer
 * decodes a field as `buf.slice(0, length).toString(encoding)`: a new Buffer view per field, over a
 * million of them in a 50,000-row file, and a tenth of the parse's CPU time with the garbage they leave.
 * `buf.toString(encoding, 0, length)` decodes the same bytes to the same text directly. Set on this
 * parser's own field buffer only (csv-parse itself is left as it is), and only when the buffer is as
 * expected; otherwise the parser runs unchanged. Without an encoding csv-parse gives bytes: left to it.
 */
function decodeFieldsDirectly(core: CsvCore): void {
	const field = core.state?.field;
	if (!field || !Buffer.isBuffer(field.buf) || typeof field.length !== 'number' || typeof field.toString !== 'function') return;
	const original = field.toString as (this: unknown, encoding?: BufferEncoding) => unknown;
	field.toString = function (this: {buf: Buffer; length: number}, encoding?: BufferEncoding): unknown {
		return encoding ? this.buf.toString(encoding, 0, this.length) : original.call(this, encoding);
	};
}

/** Bytes handed to the parser at a time: progress is reported between them. */
const FEED_BYTES = 1024 * 1024;

/** Parses `bytes`, calling `push` for every record in order; throws csv-parse's error. */
function feed(bytes: Buffer, push: (record: string[]) => void, onProgress?: (fraction: number) => void): void {
	const core = (new Parser(CSV_OPTIONS) as unknown as {api?: CsvCore}).api;
	if (typeof core?.parse !== 'function') {
		// A csv-parse without the core exposed: the documented sync API, record by record.
		parse(bytes, {...CSV_OPTIONS, on_record: (record: string[]) => (push(record), null)});
		return;
	}
	decodeFieldsDirectly(core);
	const close = () => {};
	for (let at = 0; at < bytes.length; at += FEED_BYTES) {
		const err = core.parse(bytes.subarray(at, at + FEED_BYTES), false, push, close);
		if (err) throw err;
		onProgress?.(Math.min(1, (at + FEED_BYTES) / bytes.length));
	}
	const err = core.parse(undefined, true, push, close);
	if (err) throw err;
}

const NO_HEADER = 'the file has no header row (the first row must name the columns).';

function mixedLineEndings({row, kind}: MixedLineEndings): string {
	const what =
		kind === 'CRLF'
			? `its rows end with CRLF (Windows) until row ${row}, which ends with LF alone, so rows would run together`
			: `its rows end with LF alone until row ${row}, which ends with CRLF (Windows), so a carriage return would be left in its last cell`;
	return `the file mixes line endings: ${what}. Save the export again as "CSV UTF-8", or convert the file to one kind of line ending.`;
}

/** The whole file as a table (tests, small files; the importer plans while reading, see planCsv). */
export function parseCsv(input: string | Uint8Array, onProgress?: (fraction: number) => void): ParseResult {
	let header: string[] = [];
	const records: string[][] = [];
	const read = readCsvRecords(
		input,
		h => {
			header = h;
			return record => records.push(record);
		},
		onProgress,
	);
	return read.ok ? {ok: true, table: {header, records}} : read;
}
