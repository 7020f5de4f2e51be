/**
 * The documented import format: which fields fortnight reads from a records-system export, the header
 * each has by default, and the mapping file that renames headers, sets date formats and translates a
 * force's own words for risk, status and the rest. Described for users in `fortnight import --help`
 * and in the README; keep the three in step.
 */
import type {CaseStatus, Mg3Status, Risk} from '../model.js';
import {DEFAULT_DATE_FORMATS} from './date-format.js';

export const FIELDS = [
	'ref',
	'offence',
	'officer',
	'risk',
	'status',
	'opened',
	'arrestDate',
	'bailReturnDate',
	'rui',
	'lastUpdateDate',
	'lastUpdateText',
	'victimServiceLevel',
	'lastVictimUpdate',
	'forensicSubmitted',
	'suspect',
	'forensicResult',
	'lastSuspectUpdate',
	'mg3Status',
	'bailOutcome',
	'forensicItem',
] as const;
export type Field = (typeof FIELDS)[number];

/** The header each field has in the default format (matched ignoring case and extra spaces). */
export const DEFAULT_HEADERS: Record<Field, string> = {
	ref: 'Crime reference',
	offence: 'Offence',
	officer: 'Officer',
	risk: 'Risk',
	status: 'Status',
	opened: 'Opened',
	arrestDate: 'Arrest date',
	bailReturnDate: 'Bail return date',
	rui: 'RUI',
	lastUpdateDate: 'Last update date',
	lastUpdateText: 'Last update',
	victimServiceLevel: 'Victim service level',
	lastVictimUpdate: 'Last victim update',
	forensicSubmitted: 'Forensic submitted',
	suspect: 'Suspect',
	forensicResult: 'Forensic result',
	lastSuspectUpdate: 'Last suspect update',
	mg3Status: 'MG3 status',
	bailOutcome: 'Bail outcome',
	forensicItem: 'Forensic item',
};

export const DATE_FIELDS: readonly Field[] = [
	'opened',
	'arrestDate',
	'bailReturnDate',
	'lastUpdateDate',
	'lastVictimUpdate',
	'forensicSubmitted',
	'forensicResult',
	'lastSuspectUpdate',
];

/** The most a forensic item cell may hold (model.ts ForensicSchema.item). */
export const FORENSIC_ITEM_MAX = 200;

/** The most a suspect cell may hold: initials only (model.ts BailSchema.suspect), never a name. */
export const SUSPECT_MAX = 12;

/** Fields whose words a mapping may translate ("values"). */
export const VALUE_FIELDS = ['risk', 'status', 'rui', 'victimServiceLevel', 'mg3Status', 'bailOutcome'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** A new case cannot be created without these. */
export const REQUIRED_FOR_NEW: readonly Field[] = ['offence', 'officer', 'risk', 'status', 'opened'];

/** The words fortnight understands in each word column (after normaliseWord). */
export const RISK_WORDS: Record<string, Risk> = {
	high: 'high',
	h: 'high',
	medium: 'medium',
	med: 'medium',
	m: 'medium',
	low: 'low',
	l: 'low',
};
export const STATUS_WORDS: Record<string, CaseStatus> = {
	investigation: 'investigation',
	'under investigation': 'investigation',
	'awaiting forensics': 'awaiting-forensics',
	'with cps': 'with-cps',
	charged: 'charged',
	court: 'court',
	closed: 'closed',
};
export const YES_NO: Record<string, boolean> = {yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false};
export const SERVICE: Record<string, 'standard' | 'enhanced'> = {standard: 'standard', enhanced: 'enhanced'};
/** The MG3's progress as the records system words it (README "Acting on a problem": a stalled MG3 clears when it moves on). */
export const MG3_WORDS: Record<string, Mg3Status> = {
	'not started': 'not-started',
	'in progress': 'in-progress',
	submitted: 'submitted',
	'submitted to cps': 'submitted',
	'advice received': 'advice-received',
	charged: 'charged',
	'no further action': 'no-further-action',
	nfa: 'no-further-action',
	'not required': 'not-required',
};
/**
 * How a running bail ended, as the records system words it (README "fortnight import"): the explicit
 * outcome that ends bail on an import (a blank cell never does). RUI has its own column.
 */
export type BailOutcome = 'charged' | 'nfa' | 'released';
export const BAIL_OUTCOME_WORDS: Record<string, BailOutcome> = {
	charged: 'charged',
	'no further action': 'nfa',
	nfa: 'nfa',
	released: 'released',
	'released without bail': 'released',
};
const WORD_TABLES: Record<ValueField, Record<string, unknown>> = {
	risk: RISK_WORDS,
	status: STATUS_WORDS,
	rui: YES_NO,
	victimServiceLevel: SERVICE,
	mg3Status: MG3_WORDS,
	bailOutcome: BAIL_OUTCOME_WORDS,
};

export interface ImportMapping {
	/** Header in the file for each field; fields not named keep their default header. */
	headers: Record<Field, string>;
	/** Date patterns tried in order for every date column. */
	dateFormats: readonly string[];
	/** The file's words for a field's values, lower-cased, to fortnight's words. */
	values: Record<ValueField, Record<string, string>>;
}

export const DEFAULT_MAPPING: ImportMapping = {
	headers: DEFAULT_HEADERS,
	dateFormats: DEFAULT_DATE_FORMATS,
	values: {risk: {}, status: {}, rui: {}, victimServiceLevel: {}, mg3Status: {}, bailOutcome: {}},
};

export class MappingError extends Error {
	override readonly name = 'MappingError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a mapping file's parsed JSON:
 * `{"columns": {"ref": "Crime No", ...}, "dateFormats": ["dd/MM/yyyy"], "values": {"risk": {"Standard": "low"}}}`.
 * Every key is checked, so a typo ("offense") is an error rather than a silently ignored column.
 */
export function parseMapping(json: unknown): ImportMapping {
	if (!isRecord(json)) throw new MappingError('the mapping must be a JSON object with "columns", "dateFormats" and/or "values".');
	for (const key of Object.keys(json)) {
		if (!['columns', 'dateFormats', 'values'].includes(key))
			throw new MappingError(`unknown key "${key}" (expected "columns", "dateFormats" or "values").`);
	}
	const headers: Record<Field, string> = {...DEFAULT_HEADERS};
	if (json['columns'] !== undefined) {
		const columns = json['columns'];
		if (!isRecord(columns)) throw new MappingError('"columns" must be an object from field name to the header in your file.');
		for (const [field, header] of Object.entries(columns)) {
			if (!(FIELDS as readonly string[]).includes(field))
				throw new MappingError(`"columns" names an unknown field "${field}" (fields: ${FIELDS.join(', ')}).`);
			if (typeof header !== 'string' || header.trim() === '')
				throw new MappingError(`"columns"."${field}" must be the header text in your file.`);
			headers[field as Field] = header;
		}
	}
	const seen = new Map<string, Field>();
	for (const field of FIELDS) {
		const key = normaliseHeader(headers[field]);
		const other = seen.get(key);
		if (other) throw new MappingError(`"${field}" and "${other}" both read the column "${headers[field]}".`);
		seen.set(key, field);
	}
	let dateFormats = DEFAULT_DATE_FORMATS;
	if (json['dateFormats'] !== undefined) {
		const f = json['dateFormats'];
		if (!Array.isArray(f) || f.length === 0 || f.some(x => typeof x !== 'string' || x.trim() === '')) {
			throw new MappingError('"dateFormats" must be a non-empty list of patterns such as "dd/MM/yyyy" or "yyyy-MM-dd".');
		}
		dateFormats = f as string[];
	}
	const values: ImportMapping['values'] = {risk: {}, status: {}, rui: {}, victimServiceLevel: {}, mg3Status: {}, bailOutcome: {}};
	if (json['values'] !== undefined) {
		const v = json['values'];
		if (!isRecord(v)) throw new MappingError('"values" must be an object such as {"risk": {"Standard": "low"}}.');
		for (const [field, words] of Object.entries(v)) {
			if (!(VALUE_FIELDS as readonly string[]).includes(field))
				throw new MappingError(`"values" can translate ${VALUE_FIELDS.join(', ')}; not "${field}".`);
			if (!isRecord(words)) throw new MappingError(`"values"."${field}" must map your words to fortnight's.`);
			const table: Record<string, string> = {};
			for (const [from, to] of Object.entries(words)) {
				if (typeof to !== 'string') throw new MappingError(`"values"."${field}"."${from}" must be text.`);
				if (WORD_TABLES[field as ValueField][normaliseWord(to)] === undefined) {
					throw new MappingError(
						`"values"."${field}"."${from}" gives "${to}", which is not one of fortnight's words (${Object.keys(WORD_TABLES[field as ValueField]).join(', ')}).`,
					);
				}
				table[normaliseWord(from)] = to;
			}
			values[field as ValueField] = table;
		}
	}
	return {headers, dateFormats, values};
}

/** Headers match ignoring case, surrounding spaces and runs of spaces. */
export function normaliseHeader(h: string): string {
	return h.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Cell words (risk, status, ...) match ignoring case, spaces, hyphens and underscores. */
export function normaliseWord(s: string): string {
	return s
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
}
