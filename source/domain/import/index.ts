/**
 * Importing cases from a records-system CSV export, as pure functions: parse (csv-parse), then plan
 * (validate every row, match officers, work out the upsert), then apply the plan to store data.
 * The importer parses and plans in one pass (planCsv); `parseCsv` and `planImport` do each step whole.
 */
import type {StoreData} from '../model.js';
import {readCsvRecords} from './parse-csv.js';
import {emptyPlan, startPlan, type ImportOptions, type ImportPlan, type RowPlanner} from './plan.js';

export {DEFAULT_HEADERS, DEFAULT_MAPPING, FIELDS, MappingError, parseMapping, type Field, type ImportMapping} from './columns.js';
export {dateParser, DEFAULT_DATE_FORMATS} from './date-format.js';
export {CSV_OPTIONS, parseCsv, readCsvRecords, rowNumber, type CsvTable, type ParseResult} from './parse-csv.js';
export {
	applyPlan,
	describeNew,
	planImport,
	shortOffence,
	startPlan,
	type RowPlanner,
	type CaseChange,
	type ImportOptions,
	type ImportPlan,
	type OfficerProblem,
} from './plan.js';
export type {Rejection} from './rows.js';

/**
 * Parse and plan in one pass, each row checked as it is read and then dropped (a 50,000-row export is
 * never held as a table of strings). A file csv-parse cannot read gives a plan with `fileError`.
 * `options.onProgress` gets bytes read of the file.
 */
export function planCsv(data: StoreData, input: string | Uint8Array, options: ImportOptions): ImportPlan {
	let planned: RowPlanner | ImportPlan | undefined;
	const total = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
	const read = readCsvRecords(
		input,
		header => {
			planned = startPlan(data, header, options);
			const planner = planned;
			// A file error (no crime reference column) is the whole answer: the rows are not checked.
			return 'add' in planner ? (record, index) => planner.add(record, index) : () => {};
		},
		options.onProgress && (f => options.onProgress!(Math.round(f * total), total)),
	);
	if (!read.ok) return emptyPlan(read.error);
	return 'add' in planned! ? planned.finish() : planned!;
}
