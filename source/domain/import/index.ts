/**
 * Importing cases from a records-system CSV export, as pure functions: parse (csv-parse), then plan
 * (validate every row, match officers, work out the upsert), then apply the plan to store data.
 * A benchmark can time `parseCsv` and `planImport` separately against a bare parse with CSV_OPTIONS.
 */
import type {StoreData} from '../model.js';
import {parseCsv} from './parse-csv.js';
import {emptyPlan, planImport, type ImportOptions, type ImportPlan} from './plan.js';

export {DEFAULT_HEADERS, DEFAULT_MAPPING, FIELDS, MappingError, parseMapping, type Field, type ImportMapping} from './columns.js';
export {dateParser, DEFAULT_DATE_FORMATS} from './date-format.js';
export {CSV_OPTIONS, parseCsv, rowNumber, type CsvTable, type ParseResult} from './parse-csv.js';
export {applyPlan, describeNew, planImport, shortOffence, type CaseChange, type ImportOptions, type ImportPlan, type OfficerProblem} from './plan.js';
export type {Rejection} from './rows.js';

/** Parse and plan in one step; a file csv-parse cannot read gives a plan with `fileError`. */
export function planCsvText(data: StoreData, text: string, options: ImportOptions): ImportPlan {
	const parsed = parseCsv(text);
	return parsed.ok ? planImport(data, parsed.table, options) : emptyPlan(parsed.error);
}
