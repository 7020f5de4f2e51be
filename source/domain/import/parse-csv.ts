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

export function parseCsv(text: string | Uint8Array, onProgress?: (fraction: number) => void): ParseResult {
	let records: string[][];
	try {
		if (onProgress && text.length > 0) {
			const total = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.length;
			let next = 0;
			records = parse(text, {
				...CSV_OPTIONS,
				on_record: (record: string[], info) => {
					if (info.bytes >= next) {
						onProgress(Math.min(1, info.bytes / total));
						next = info.bytes + total / 100;
					}
					return record;
				},
			}) as string[][];
			onProgress(1);
		} else {
			records = parse(text, CSV_OPTIONS) as string[][];
		}
	} catch (err) {
		const e = err as Partial<CsvError> & Error;
		const where = typeof e.lines === 'number' ? ` (near line ${e.lines} of the file)` : '';
		const what = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed' : e.message.replace(/:.*$/, '').toLowerCase();
		return {ok: false, error: `the file is not readable as CSV: ${what}${where}.`};
	}
	// Excel writes a "sep=," line first when asked to; it shows no such row, so neither do we.
	const sep = records.length > 0 ? /^sep=(.)$/i.exec(records[0]!.join(',')) : null;
	if (sep) {
		if (sep[1] !== ',') return {ok: false, error: `the file says its separator is "${sep[1]}"; fortnight reads comma-separated files (save as "CSV UTF-8 (Comma delimited)").`};
		records = records.slice(1);
	}
	const [header, ...rest] = records;
	if (!header || header.every(h => h.trim() === '')) return {ok: false, error: 'the file has no header row (the first row must name the columns).'};
	return {ok: true, table: {header, records: rest}};
}
