/**
 * CSV text to a table of strings, with csv-parse (never hand-written splitting): a UTF-8 BOM is
 * dropped, CRLF and LF both end records, quoted fields may hold commas, quotes and line breaks.
 *
 * Rows are counted as a spreadsheet user counts them: the header is row 1 and every record after it
 * is the next row, blank lines included (so "row 7" is the row Excel shows as 7). Blank lines are
 * kept here and skipped by the importer so the count stays true.
 *
 * Pure: text (or the file's UTF-8 bytes, which csv-parse reads without a decoded copy) in, table out. A
 * file csv-parse cannot read (an unclosed quote) gives `error`, not a throw.
 */
import {parse, type CsvError, type Options} from 'csv-parse/sync';

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
export function readCsvRecords(input: string | Uint8Array, onHeader: (header: string[]) => RecordSink, onProgress?: (fraction: number) => void): {ok: true} | {ok: false; error: string} {
	let first = true;
	let sink: RecordSink | undefined;
	let index = 0;
	let error: string | null = null;
	const total = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
	let nextProgress = 0;
	try {
		parse(input, {
			...CSV_OPTIONS,
			on_record: (record: string[], info) => {
				if (onProgress && info.bytes >= nextProgress) {
					onProgress(total === 0 ? 1 : Math.min(1, info.bytes / total));
					nextProgress = info.bytes + total / 100;
				}
				if (sink) sink(record, index++);
				else if (error === null) {
					// Excel writes a "sep=," line first when asked to; it shows no such row, so neither do we.
					const sep = first ? /^sep=(.)$/i.exec(record.join(',')) : null;
					first = false;
					if (sep) {
						if (sep[1] !== ',') error = `the file says its separator is "${sep[1]}"; fortnight reads comma-separated files (save as "CSV UTF-8 (Comma delimited)").`;
					} else if (record.every(h => h.trim() === '')) {
						error = NO_HEADER;
					} else {
						sink = onHeader(record);
					}
				}
				return null; // nothing kept by csv-parse either
			},
		});
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

const NO_HEADER = 'the file has no header row (the first row must name the columns).';

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
