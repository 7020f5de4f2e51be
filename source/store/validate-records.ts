/**
 * Record by record, for the PostgreSQL store (source/store/README.md "A record that cannot be read"): when a
 * team read from the database is not valid as a whole, each row is checked on its own (its schema, its key,
 * its references) and a row that fails is set aside, with every row that depends on it (a case whose
 * officer is set aside, a draft of a set-aside case, a part of an absence whose first part is set aside).
 * What is left is checked whole again: a problem in the team's own row or settings still refuses the team
 * (that row is the database owner's alone to write, migrations/postgres/002-access.sql). The file store
 * never calls this: one file, one owner, and a malformed file is refused whole.
 */
import type {StoreData} from '../domain/model.js';
import type {SetAsideList, SetAsideRecord} from '../domain/set-aside.js';
import {LISTS} from './pg-data.js';
import {recordSchemaProblem, validateStore, type ValidationProblem} from './validate.js';
import {checkCase} from './validate-history.js';

/** One row as read: its key in its table and the revision that last wrote it. */
export interface RowKey {
	key: string;
	revision: number;
}

export interface SetAsideResult {
	/** The team without the rows set aside (and `setAside` listing them, lastChange still null). */
	data: StoreData;
	/** The revision each set-aside row carries (the caller asks fortnight_changes who wrote it). */
	revisions: Map<SetAsideRecord, number>;
}

type Row = {list: SetAsideList; table: string; key: string; revision: number; record: unknown; at: number};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const field = (record: unknown, name: string): unknown =>
	record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>)[name] : undefined;

/**
 * `data` with each unreadable row set aside, or null when what is left is still not valid (the team's own
 * row or settings, or a problem no single row explains): the caller then refuses the team as before.
 * `keys` holds each list's rows' keys and revisions, in the lists' order.
 */
export function setAsideUnreadable(data: StoreData, keys: Readonly<Record<SetAsideList, readonly RowKey[]>>): SetAsideResult | null {
	const rows = new Map<SetAsideList, Row[]>();
	const aside = new Map<Row, {problem: string; dependsOn: Row | null}>();
	for (const {field: list, table} of LISTS) {
		const records = data[list] as readonly unknown[];
		rows.set(
			list,
			records.map((record, at) => ({list, table, key: keys[list][at]!.key, revision: keys[list][at]!.revision, record, at})),
		);
	}
	const put = (row: Row, problem: string, dependsOn: Row | null = null) => {
		if (!aside.has(row)) aside.set(row, {problem, dependsOn});
	};
	// 1. Each row against its own schema and its key (a row whose record names another id is not the row it claims).
	for (const {field: list, key} of LISTS) {
		const keyOf = key as (r: unknown) => string;
		for (const row of rows.get(list)!) {
			const p = recordSchemaProblem(list, row.record, '');
			if (p) put(row, described(p));
			else if (keyOf(row.record) !== row.key) put(row, "the record's own id is not its row's key");
		}
	}
	// 2. References, until nothing more is set aside: each row set aside may take rows that name it with it.
	for (let changed = true; changed;) {
		const before = aside.size;
		referencePass(rows, aside, put);
		changed = aside.size !== before;
	}
	if (aside.size === 0) return null;
	const kept = {...data} as Record<string, unknown>;
	for (const {field: list} of LISTS)
		kept[list] = rows
			.get(list)!
			.filter(r => !aside.has(r))
			.map(r => r.record);
	const revisions = new Map<SetAsideRecord, number>();
	const setAside: SetAsideRecord[] = [];
	for (const [row, why] of aside) {
		const record: SetAsideRecord = {
			list: row.list,
			table: row.table,
			key: row.key,
			caseRef: caseRefOf(row),
			officerId: officerOf(row, rows, aside),
			problem: why.problem,
			dependsOn: why.dependsOn ? {list: why.dependsOn.list, table: why.dependsOn.table, key: why.dependsOn.key} : null,
			lastChange: null,
		};
		setAside.push(record);
		revisions.set(record, row.revision);
	}
	const result = {...(kept as StoreData), setAside};
	// What is left must be valid whole, or the problem is not one row's (the team's own row, its settings).
	const {setAside: _unused, ...plain} = result;
	if (validateStore(plain)) return null;
	return {data: result, revisions};
}

/** A schema problem in words, its path within the record (never the value: validate.ts describeValue). */
function described(p: ValidationProblem): string {
	return p.path && p.path !== '/' ? `at ${p.path}, ${p.message}` : p.message;
}

/**
 * The crime reference a row concerns: a case's is its row's key (fortnight keys a case by its reference; the
 * record's own `ref` may be the very thing that is wrong, even another case's), a draft's the case in its key.
 */
function caseRefOf(row: Row): string | null {
	if (row.list === 'cases') return row.key;
	if (row.list !== 'drafts') return null;
	try {
		const [ref] = JSON.parse(row.key) as unknown[];
		return str(ref);
	} catch {
		return str(field(row.record, 'caseRef'));
	}
}

/** The officer a row concerns, when readable and not itself set aside (the desk names the problem by them). */
function officerOf(row: Row, rows: Map<SetAsideList, Row[]>, aside: Map<Row, unknown>): string | null {
	const name =
		row.list === 'cases'
			? 'oicId'
			: row.list === 'absences' || row.list === 'welfareEvents' || row.list === 'concerns' || row.list === 'actionPlans'
				? 'officerId'
				: null;
	const id = name ? str(field(row.record, name)) : null;
	if (id === null) return null;
	const officer = rows.get('officers')!.find(o => o.key === id);
	return officer && !aside.has(officer) ? id : null;
}

/**
 * One pass of the references validate.ts checkReferences makes, row by row: a reference to a row set aside
 * sets this row aside with it (named), a reference to nothing sets it aside on its own.
 */
function referencePass(
	rows: Map<SetAsideList, Row[]>,
	aside: Map<Row, {problem: string; dependsOn: Row | null}>,
	put: (row: Row, problem: string, dependsOn?: Row | null) => void,
): void {
	const officers = new Map<string, Row>(rows.get('officers')!.map(r => [r.key, r]));
	const cases = new Map<string, Row>(rows.get('cases')!.map(r => [r.key, r]));
	const absences = new Map<string, Row>(rows.get('absences')!.map(r => [r.key, r]));
	/** Null when the officer named is one of the team's and readable; else why not, and the row set aside it names. */
	const officer = (id: string | null, what: string): {problem: string; row: Row | null} | null => {
		if (id === null) return null;
		const o = officers.get(id);
		if (!o) return {problem: `the ${what} named is not an officer in this team`, row: null};
		return aside.has(o) ? {problem: `the ${what} named is an officer whose own record cannot be read`, row: o} : null;
	};
	const check = (row: Row, found: {problem: string; row: Row | null} | null): boolean => {
		if (!found) return false;
		put(row, found.problem, found.row);
		return true;
	};
	for (const row of rows.get('officers')!) {
		if (aside.has(row)) continue;
		const o = row.record as StoreData['officers'][number];
		if (!check(row, officer(o.mentorId, 'mentor'))) check(row, officer(o.supervisorId, 'supervisor'));
	}
	for (const row of rows.get('absences')!) {
		if (aside.has(row)) continue;
		const a = row.record as StoreData['absences'][number];
		if (check(row, officer(a.officerId, 'absent officer')) || check(row, officer(a.coverOfficerId, 'cover officer'))) continue;
		if (a.to !== null && a.to < a.from) {
			put(row, 'the absence ends (to) before it starts (from)');
			continue;
		}
		if (a.partOf !== undefined) {
			const first = absences.get(a.partOf);
			if (first && aside.has(first)) put(row, 'it is a part of an absence whose first part cannot be read', first);
			else if (!first || (first.record as typeof a).partOf !== undefined || (first.record as typeof a).officerId !== a.officerId)
				put(row, "it names no first part of the same officer's absence");
		}
	}
	for (const row of rows.get('cases')!) {
		if (aside.has(row)) continue;
		const c = row.record as StoreData['cases'][number];
		if (check(row, officer(c.oicId, 'officer in the case'))) continue;
		if (c.actions.some(a => check(row, officer(a.ownerId, 'action owner')))) continue;
		const unknown = (id: string | null) => id !== null && (!officers.has(id) || aside.has(officers.get(id)!));
		const p = checkCase(c, '', unknown);
		if (p) put(row, `at ${p.path || '/'}, the case's history does not line up (${historyWords(p.path)})`);
	}
	for (const row of rows.get('drafts')!) {
		if (aside.has(row)) continue;
		const d = row.record as StoreData['drafts'][number];
		const c = cases.get(d.caseRef);
		if (!c) put(row, 'this draft is for a case that is not in the team');
		else if (aside.has(c)) put(row, 'this draft is of a case that cannot be read', c);
	}
}

/** Which part of a case's history is wrong, by its path alone (validate-history.ts quotes ids and dates). */
function historyWords(path: string): string {
	if (path.includes('/allocations')) return "its allocations do not agree with each other or with the case's officer";
	if (path.includes('/riskHistory')) return "its risk levels do not agree with each other or with the case's risk";
	return 'its history does not line up';
}
