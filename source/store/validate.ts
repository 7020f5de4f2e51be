/**
 * Load-time validation: the compiled TypeBox schema (fast enough for 20,000-case stores), then the
 * references between records. The first problem is reported with its JSON path, because a sergeant
 * (or the person who fixes the file for them) needs to know where to look.
 */
import {FormatRegistry, Type, type TArray, type TSchema} from '@sinclair/typebox';
import {TypeCompiler, type TypeCheck} from '@sinclair/typebox/compiler';
import {crimeRefPatternProblem} from '../domain/crime-ref.js';
import {isIsoDate} from '../domain/dates.js';
import {sharedEnds, sharedStart} from '../domain/list-edits.js';
import {ChainEntrySchema, StoreSchema, type Case, type StoreData} from '../domain/model.js';
import {checkCase, checkHistory} from './validate-history.js';

/** A real calendar date: rejects 2026-02-30 and 2025-02-29. */
export const isCalendarDate = (s: string): boolean => isIsoDate(s);

if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);

// Compiled on first use, not at import: the desk's first frame should not wait for it.
let compiledSchema: ReturnType<typeof TypeCompiler.Compile<typeof StoreSchema>> | undefined;
const schema = () => (compiledSchema ??= TypeCompiler.Compile(StoreSchema));

export interface ValidationProblem {
	/** JSON path of the first bad field, e.g. "/cases/12/bail/returnDate". */
	path: string;
	message: string;
}

/**
 * The whole store against the schema, then the references. With `known` (data already validated, which
 * the store treats as immutable), records that are the very objects `known` holds are not checked
 * again: a draft saved or a review signed in a 5,000-case store checks the records it adds or
 * replaces, not 65 MB, which kept the desk from stalling on every autosave. References are always
 * checked whole (they are cross-record).
 */
export function validateStore(value: unknown, known?: StoreData): ValidationProblem | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {
			path: '/',
			message:
				'the file must hold one JSON object (it holds ' +
				(value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value) +
				')',
		};
	}
	const problem = known ? checkChangedRecords(value, known) : firstProblem(schema(), value, '');
	if (problem) return problem;
	// A change that found nothing wrong in the references it touched is done; one that found something is
	// checked whole, so the problem named is the one a whole check names (the first in the store's order).
	if (known && !changedReferencesProblem(value as StoreData, known)) return null;
	return checkReferences(value as StoreData);
}

/**
 * Whether a change could have broken a reference, looking only at what it touched. References cross
 * records, but each check depends on a known set of lists: officers, absences, the team and settings
 * are checked whole if any of them changed (rare: a new absence, a new officer); otherwise an unchanged
 * case was valid against the same officers and stays so, and only the cases the change adds or replaces
 * (their officers, actions, history and a reference no other case holds) and the drafts (a handful, whose
 * case may have gone) are looked at. Signing a review at 5,000 cases then checks one case, not 5,000
 * (README "Benchmarks": a save within 10 ms of an append). True means "maybe": check the whole store.
 */
function changedReferencesProblem(data: StoreData, known: StoreData): boolean {
	if (
		data.officers !== known.officers ||
		data.absences !== known.absences ||
		data.team !== known.team ||
		data.settings.crimeRefPattern !== known.settings.crimeRefPattern
	) {
		return true;
	}
	const officers = officerIds(data.officers);
	const unknown = (id: string | null) => id !== null && !officers.has(id);
	let refs: Map<string, number> | undefined;
	if (data.cases !== known.cases) {
		const before = known.cases;
		const [head, end] = changedSpan(data.cases, before);
		// The common save replaces cases where they stand, each keeping its crime reference: the references are
		// then the ones already checked unique, and only the replaced cases' own references need a look.
		let sameRefs = data.cases.length === before.length;
		for (let i = head; i < end && sameRefs; i++) sameRefs = data.cases[i]!.ref === before[i]!.ref;
		let seen: Set<unknown> | undefined;
		for (let i = head; i < end; i++) {
			const c = data.cases[i]!;
			if (c === before[i]) continue;
			if (!sameRefs) {
				refs ??= caseRefs(data);
				// A case that moved (or is listed twice) keeps its references; its crime reference must still be its own.
				if (refs.get(c.ref) !== i) return true;
				seen ??= new Set(before);
				if (seen.has(c)) continue;
			}
			if (unknown(c.oicId) || c.actions.some(a => unknown(a.ownerId))) return true;
			// Only whether it finds a problem counts here (the whole check names it), so no path is built per case.
			if (checkCase(c, '', unknown)) return true;
		}
		if (sameRefs) shareRefSet(before, data.cases);
	}
	if (data.drafts !== known.drafts || data.cases !== known.cases) {
		// The references just indexed when cases were added or moved (an import of 50,000 rows), else the kept set.
		const cases: {has(ref: string): boolean} = refs ?? refSet(data.cases);
		const drafted = new Set<string>();
		for (const d of data.drafts) {
			const key = `${d.caseRef}\u0000${d.reviewerId}`;
			if (!cases.has(d.caseRef) || drafted.has(key)) return true;
			drafted.add(key);
		}
	}
	return false;
}

/** The officers' ids, kept per list (the lists are immutable, and a signing leaves the officers as they were). */
const officerIdSets = new WeakMap<StoreData['officers'], ReadonlySet<string>>();
function officerIds(officers: StoreData['officers']): ReadonlySet<string> {
	let ids = officerIdSets.get(officers);
	if (!ids) officerIdSets.set(officers, (ids = new Set(officers.map(o => o.id))));
	return ids;
}

/**
 * The positions [head, end) of `next` outside the records it shares with `before` at the start and at
 * the end (by identity): all a change can have added or replaced. A signing appends one chain entry to
 * 50,000 and replaces one case of 5,000, so the span is a record or two; a list made by the change's own
 * edit (domain/list-edits.ts) gives it at once, any other is walked (identity comparisons, not a Set of
 * the whole list).
 */
function changedSpan(next: readonly unknown[], before: readonly unknown[]): [number, number] {
	const {head, tail} = sharedEnds(next, before);
	return [head, next.length - tail];
}

/**
 * How many records `next` shares with `before` at the start (the very objects). Kept for the last pair
 * asked (the lists are immutable): a save asks it of the chain twice, here and when it checks that no
 * signed entry was altered (apply-change.ts); a chain the change made by appending answers at once
 * (list-edits.ts), any other is a walk over 50,000 entries.
 */
const lastHead = new WeakMap<readonly unknown[], {before: readonly unknown[]; head: number}>();
export function sharedHead(next: readonly unknown[], before: readonly unknown[]): number {
	const known = lastHead.get(next);
	if (known?.before === before) return known.head;
	const head = sharedStart(next, before);
	lastHead.set(next, {before, head});
	return head;
}

/**
 * The crime references of a list of cases, kept per list (the lists are immutable) and handed on to a
 * list that replaced cases without changing any reference, so a save checks its drafts without indexing
 * 5,000 cases again.
 */
const caseRefSets = new WeakMap<readonly Case[], ReadonlySet<string>>();
function refSet(cases: readonly Case[]): ReadonlySet<string> {
	let set = caseRefSets.get(cases);
	if (!set) {
		set = new Set(cases.map(c => c.ref));
		caseRefSets.set(cases, set);
	}
	return set;
}
function shareRefSet(from: readonly Case[], to: readonly Case[]): void {
	const set = caseRefSets.get(from);
	if (set) caseRefSets.set(to, set);
}

/** Each crime reference to its only index, or -1 where two cases hold it. */
function caseRefs(data: StoreData): Map<string, number> {
	const refs = new Map<string, number>();
	const cases = data.cases;
	for (let i = 0; i < cases.length; i++) {
		// One lookup a case (an import indexes 50,000): a reference already there leaves the size as it was.
		const size = refs.size;
		const ref = cases[i]!.ref;
		refs.set(ref, i);
		if (refs.size === size) refs.set(ref, -1);
	}
	return refs;
}

function firstProblem(compiled: TypeCheck<TSchema>, value: unknown, prefix: string): ValidationProblem | null {
	if (compiled.Check(value)) return null;
	const first = compiled.Errors(value).First();
	if (!first) return {path: prefix || '/', message: 'the store does not match the schema'};
	const allowed = literalChoices(first.schema);
	const range = rangeOf(first.schema);
	// TypeBox says "Expected union value" for a list of words: name the words instead (QA P3-13). A bounded
	// number names its range, so an out-of-range setting says what is allowed.
	const setting = /^\/settings\/(\w+)(?:\/(\w+))?$/.exec(prefix + first.path);
	const subject = setting ? `the setting ${setting[2] ? `${setting[1]}.${setting[2]}` : setting[1]} ` : '';
	const message = allowed ? `Expected one of ${allowed.join(', ')}` : range ? `${subject}must be ${range.words}` : first.message;
	return {path: prefix + first.path || '/', message: `${message} (found ${describeValue(first.value, range)})`};
}

/** "a whole number from 1 to 90" for a bounded integer or number schema; null for anything else. */
function rangeOf(schema: TSchema): {words: string; minimum: number; maximum: number} | null {
	const {type, minimum, maximum} = schema as {type?: unknown; minimum?: unknown; maximum?: unknown};
	if ((type !== 'integer' && type !== 'number') || typeof minimum !== 'number' || typeof maximum !== 'number') return null;
	return {words: `${type === 'integer' ? 'a whole number' : 'a number'} from ${minimum} to ${maximum}`, minimum, maximum};
}

/**
 * The allowed values of a union of literals (nullable or nested), as written in the file: ["\"low\"",
 * "\"medium\"", "\"high\""]; null when the schema is anything else.
 */
export function literalChoices(schema: TSchema): string[] | null {
	const out: string[] = [];
	const walk = (s: TSchema): boolean => {
		if (Array.isArray(s['anyOf'])) return (s['anyOf'] as TSchema[]).every(walk);
		if ('const' in s) {
			out.push(JSON.stringify(s['const']));
			return true;
		}
		if (s['type'] === 'null') {
			out.push('null');
			return true;
		}
		return false;
	};
	return Array.isArray(schema['anyOf']) && walk(schema) && out.length > 0 ? out : null;
}

/** The store's lists of records, each checked record by record when a change is validated. */
const RECORD_LISTS = ['officers', 'absences', 'cases', 'welfareEvents', 'concerns', 'actionPlans', 'chain', 'drafts'] as const;
type RecordList = (typeof RECORD_LISTS)[number];

interface Incremental {
	/** The store with each record list as anything: the top-level fields checked without a pass over 50,000 records. */
	shell: TypeCheck<TSchema>;
	/** The same with each record list as an array of anything (its length limit kept): what a problem is named by. */
	lists: TypeCheck<TSchema>;
	/** Each list's length limit. */
	maxItems: Record<RecordList, number | undefined>;
	records: Record<RecordList, TypeCheck<TSchema>>;
}
let incremental: Incremental | undefined;
const incrementalSchemas = (): Incremental => {
	if (incremental) return incremental;
	const shell: Record<string, TSchema> = {...StoreSchema.properties};
	const lists: Record<string, TSchema> = {...StoreSchema.properties};
	const records = {} as Record<RecordList, TypeCheck<TSchema>>;
	const maxItems = {} as Record<RecordList, number | undefined>;
	for (const list of RECORD_LISTS) {
		const array = StoreSchema.properties[list] as TArray;
		shell[list] = Type.Any();
		lists[list] = Type.Array(Type.Unknown(), {maxItems: array.maxItems});
		maxItems[list] = array.maxItems;
		records[list] = TypeCompiler.Compile(array.items);
	}
	incremental = {shell: TypeCompiler.Compile(Type.Object(shell)), lists: TypeCompiler.Compile(Type.Object(lists)), maxItems, records};
	return incremental;
};

/** Changed records past which checkChangedRecords looks for moved ones instead of checking them all. */
const MOVED_SET_FROM = 64;

function checkChangedRecords(value: object, known: StoreData): ValidationProblem | null {
	const {shell, lists, maxItems, records} = incrementalSchemas();
	const data = value as StoreData;
	const listsFit = () =>
		RECORD_LISTS.every(list => Array.isArray(data[list]) && (maxItems[list] === undefined || data[list].length <= maxItems[list]));
	if (!shell.Check(value) || !listsFit()) {
		const problem = firstProblem(lists, value, '');
		if (problem) return problem;
	}
	for (const list of RECORD_LISTS) {
		const next: readonly unknown[] = data[list];
		const before: readonly unknown[] = known[list];
		if (next === before) continue;
		// Records moved rather than changed were checked before: a Set of `before` finds them, built only when
		// the span is long enough (a sort, an import) that checking each again would cost more.
		const [head, end] = changedSpan(next, before);
		let seen: Set<unknown> | undefined;
		for (let i = head; i < end; i++) {
			const record = next[i];
			if (record === before[i]) continue;
			if (end - head > MOVED_SET_FROM) {
				seen ??= new Set(before);
				if (seen.has(record)) continue;
			}
			const p = firstProblem(records[list], record, `/${list}/${i}`);
			if (p) return p;
		}
	}
	return null;
}

let compiledEntry: TypeCheck<TSchema> | undefined;

/** One chain entry against its schema (a line of the chain file, chain-file.ts); `where` prefixes the path. */
export function chainEntryProblem(value: unknown, where: string): ValidationProblem | null {
	compiledEntry ??= TypeCompiler.Compile(ChainEntrySchema);
	return firstProblem(compiledEntry, value, where);
}

/**
 * What kind of value was found, never the value itself: the file may be anything (a welfare file or
 * /etc/shadow given as --store), and an error message must not carry its content to a terminal or log.
 */
function describeValue(v: unknown, range?: {minimum: number; maximum: number} | null): string {
	if (v === undefined) return 'missing';
	if (typeof v === 'string') return v.length === 0 ? 'an empty text' : `a text of ${v.length} character${v.length === 1 ? '' : 's'}`;
	if (typeof v === 'number') {
		if (range && v > range.maximum) return `a number above ${range.maximum}`;
		if (range && v < range.minimum) return `a number below ${range.minimum}`;
		return Number.isInteger(v) ? 'a whole number' : 'a number with a fraction';
	}
	if (typeof v === 'boolean') return 'true or false';
	if (v === null) return 'null';
	if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
	return 'an object';
}

/**
 * Ids and references must line up, or every rule downstream would have to guess. Problems are named by
 * position (the other record's path), never by quoting the id, reference or date from the file.
 */
export function checkReferences(data: StoreData): ValidationProblem | null {
	const pattern = data.settings.crimeRefPattern;
	const patternProblem = pattern === undefined ? null : crimeRefPatternProblem(pattern);
	if (patternProblem) return {path: '/settings/crimeRefPattern', message: `the setting crimeRefPattern ${patternProblem}`};
	const officers = new Map<string, number>();
	for (const [i, o] of data.officers.entries()) {
		const before = officers.get(o.id);
		if (before !== undefined) return {path: `/officers/${i}/id`, message: `this officer id appears twice (also at /officers/${before}/id)`};
		officers.set(o.id, i);
	}
	const need = (id: string | null, path: string, what: string): ValidationProblem | null =>
		id === null || officers.has(id) ? null : {path, message: `the ${what} named here is not an officer in this store`};
	let p =
		need(data.team.sergeantId, '/team/sergeantId', 'team sergeant') ?? need(data.team.inspectorId, '/team/inspectorId', 'team inspector');
	if (p) return p;
	for (const [i, o] of data.officers.entries()) {
		p = need(o.mentorId, `/officers/${i}/mentorId`, 'mentor') ?? need(o.supervisorId, `/officers/${i}/supervisorId`, 'supervisor');
		if (p) return p;
	}
	for (const [i, a] of data.absences.entries()) {
		p =
			need(a.officerId, `/absences/${i}/officerId`, 'absent officer') ??
			need(a.coverOfficerId, `/absences/${i}/coverOfficerId`, 'cover officer');
		if (p) return p;
		if (a.to !== null && a.to < a.from) return {path: `/absences/${i}/to`, message: 'this absence ends (to) before it starts (from)'};
		// A part of an absence kept in parts (domain/absence-cover.ts) names its first part, of the same officer.
		if (a.partOf !== undefined) {
			const first = data.absences.find(b => b.id === a.partOf);
			if (!first || first.partOf !== undefined || first.officerId !== a.officerId)
				return {path: `/absences/${i}/partOf`, message: "this names no first part of the same officer's absence"};
		}
	}
	const refs = new Map<string, number>();
	for (const [i, c] of data.cases.entries()) {
		const before = refs.get(c.ref);
		if (before !== undefined)
			return {path: `/cases/${i}/ref`, message: `this crime reference appears twice (also at /cases/${before}/ref)`};
		refs.set(c.ref, i);
		p = need(c.oicId, `/cases/${i}/oicId`, 'officer in the case');
		if (p) return p;
		for (const [j, a] of c.actions.entries()) {
			p = need(a.ownerId, `/cases/${i}/actions/${j}/ownerId`, 'action owner');
			if (p) return p;
		}
	}
	const drafted = new Set<string>();
	for (const [i, d] of data.drafts.entries()) {
		if (!refs.has(d.caseRef)) return {path: `/drafts/${i}/caseRef`, message: 'this draft is for a case that is not in the store'};
		// One draft per case and person: a second would make which one resumes a guess.
		const key = `${d.caseRef}\u0000${d.reviewerId}`;
		if (drafted.has(key)) return {path: `/drafts/${i}`, message: 'a second draft of the same case by the same person'};
		drafted.add(key);
	}
	return checkHistory(data, new Set(officers.keys()));
}

/**
 * One record of `list` against its schema alone (no references), its path prefixed by `at`: the PostgreSQL
 * loader checks rows one by one when the team as a whole is not valid (validate-records.ts).
 */
export function recordSchemaProblem(list: Exclude<RecordList, 'chain'>, record: unknown, at: string): ValidationProblem | null {
	return firstProblem(incrementalSchemas().records[list], record, at);
}
