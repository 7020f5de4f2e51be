/**
 * The state's journal (source/store/README.md, "The journal"): what a save changed, as one JSON line
 * appended to `team.journal.jsonl`, instead of the whole state file rewritten. This module is the pure
 * part: a change as a line (`journalChange`), and lines replayed on the state (`Replay`), so that the
 * state plus its journal is exactly the data a full rewrite would have written (a property test holds
 * the two equal: test/store/journal.test.ts).
 *
 * A line names the top-level fields in order (`keys`), gives changed fields whole (`set`), and gives a
 * list of records (cases, officers, the chain's working set...) as the records replaced in place
 * (`put`), removed (`drop`, by id) and added at the end (`add`). A list changed any other way (sorted,
 * a record inserted in the middle) is given whole, so any change can be journaled.
 */
import {createHash} from 'node:crypto';
import type {StoreData} from '../domain/model.js';
import {sharedEnds} from '../domain/list-edits.js';

/** The lists given record by record, and the field that identifies a record in each. */
const LIST_IDS: Readonly<Record<string, string>> = {
	officers: 'id',
	absences: 'id',
	cases: 'ref',
	welfareEvents: 'id',
	concerns: 'id',
	actionPlans: 'id',
	drafts: 'caseRef',
	chain: 'seq',
};

export interface ListDelta {
	put: unknown[];
	drop: unknown[];
	add: unknown[];
}

/** What one save changed: the body of a journal line, without its links (see JournalLine). */
export interface JournalChange {
	keys: string[];
	set: Record<string, unknown>;
	lists: Record<string, ListDelta>;
}

/** A journal line's body: the change, the revision it applies to (`base`) and makes (`rev`), and the previous line's hash. */
export interface JournalLine extends JournalChange {
	base: number;
	rev: number;
	prev: string;
}

/** The first line of a journal: the SHA-256 of the state file's bytes it continues, and that state's revision. */
export interface JournalHeader {
	journal: 1;
	state: string;
	revision: number;
}

type AnyRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is AnyRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A record's id as a map key (a Map tells "1" from 1), or null when it has none fortnight could match. */
function idKey(record: unknown, id: string): string | number | null {
	if (!isRecord(record)) return null;
	const v = record[id];
	return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : null;
}

/**
 * The ids of a list whose ids are all unique (null when they are not: replay indexes the whole list, so
 * such a list is journaled whole), kept per list: the lists are immutable, and a save's delta hands the
 * set on to the list it makes (`handOn`), so a save does not index 5,000 cases or the chain's working set
 * again. A list the delta is not used for (a failed save) just has its ids found again next time.
 */
const uniqueIds = new WeakMap<readonly unknown[], {id: string; ids: Set<string | number> | null}>();

function idsOf(list: readonly unknown[], id: string): Set<string | number> | null {
	const known = uniqueIds.get(list);
	if (known?.id === id) return known.ids;
	let ids: Set<string | number> | null = new Set();
	for (const r of list) {
		const k = idKey(r, id);
		if (k === null || ids.has(k)) {
			ids = null;
			break;
		}
		ids.add(k);
	}
	uniqueIds.set(list, {id, ids});
	return ids;
}

/** The records a delta replaced and removed, in its order (growthOf weighs them without looking them up). */
const replacedOf = new WeakMap<ListDelta, {put: unknown[]; drop: unknown[]}>();

/**
 * `after` as `before` with records replaced in place, removed, and added at the end, or null when it is
 * not (then the list is journaled whole). Records are compared by identity: the store's data is
 * immutable, so a record the change did not touch is the very object it was. The records the two lists
 * share at the start and at the end (by identity) are skipped first, then the rest is walked side by
 * side, so a save that replaces one case of 5,000, or drops a case's previous review from the chain's
 * working set and adds its new one, compares a few records, not 5,000; anything else the walk cannot
 * follow is matched by id.
 */
function listDelta(before: readonly unknown[], after: readonly unknown[], id: string): ListDelta | null {
	const ids = idsOf(before, id);
	if (!ids) return null;
	// Shared at both ends: a list the change made by one edit says so at once (domain/list-edits.ts).
	const {head, tail} = sharedEnds(after, before);
	const delta = walkDelta(before, after, id, head, tail, ids) ?? matchDelta(before, after, id, head, tail, ids);
	if (!delta) return null;
	handOn(before, after, id, ids, delta.drop);
	return delta.delta;
}

interface Found {
	delta: ListDelta;
	/** The ids of the records dropped. */
	drop: (string | number)[];
}

/** The delta of the shared list `before` to `after`, noting what it replaced and removed. */
function found(put: unknown[], putOld: unknown[], dropped: unknown[], add: unknown[], id: string): Found {
	const drop = dropped.map(r => (r as AnyRecord)[id] as string | number);
	const delta = {put, drop, add};
	replacedOf.set(delta, {put: putOld, drop: dropped});
	return {delta, drop};
}

/** `after`'s ids (unique, as the delta checked) are `before`'s with the drops gone and the adds there: handed on. */
function handOn(
	before: readonly unknown[],
	after: readonly unknown[],
	id: string,
	ids: Set<string | number>,
	drop: (string | number)[],
): void {
	const adds = after.length - (before.length - drop.length);
	uniqueIds.delete(before);
	for (const k of drop) ids.delete(k);
	for (let j = after.length - adds; j < after.length; j++) ids.add(idKey(after[j], id)!);
	uniqueIds.set(after, {id, ids});
}

/**
 * The delta found by walking the two lists side by side between the shared start and end: a record
 * that is the same object (kept), one with the same id as the record it stands for (replaced), a record
 * missing before the next one that matches (removed), and new ids at the end (added). Null when the
 * lists differ any other way (matchDelta decides those).
 */
function walkDelta(
	before: readonly unknown[],
	after: readonly unknown[],
	id: string,
	head: number,
	tail: number,
	ids: ReadonlySet<string | number>,
): Found | null {
	const endB = before.length - tail;
	const endA = after.length - tail;
	const put: unknown[] = [];
	const putOld: unknown[] = [];
	const dropped: unknown[] = [];
	let i = head;
	let j = head;
	const sameRecord = (r: unknown, b: unknown) => r === b || (idKey(r, id) !== null && idKey(r, id) === idKey(b, id));
	while (j < endA && i < endB) {
		const r = after[j];
		const b = before[i];
		if (r === b) {
			i++;
			j++;
		} else if (sameRecord(r, b)) {
			put.push(r);
			putOld.push(b);
			i++;
			j++;
		} else if (i + 1 < endB && sameRecord(r, before[i + 1])) {
			dropped.push(b);
			i++;
		} else break;
	}
	// What is left of `before` was removed; what is left of `after` must be new records at the end.
	if (j < endA && (i < endB || tail > 0)) return null;
	for (; i < endB; i++) dropped.push(before[i]);
	const add = after.slice(j, endA);
	if (add.length > 0) {
		const added = new Set<string | number>();
		for (const r of add) {
			const k = idKey(r, id);
			if (k === null || ids.has(k) || added.has(k)) return null;
			added.add(k);
		}
	}
	return found(put, putOld, dropped, add, id);
}

/** The delta by matching ids (any shape the walk could not follow), or null when it is not one. */
function matchDelta(
	before: readonly unknown[],
	after: readonly unknown[],
	id: string,
	head: number,
	tail: number,
	ids: ReadonlySet<string | number>,
): Found | null {
	// The position of every id `before` holds between the shared start and end.
	const index = new Map<string | number, number>();
	for (let i = head; i < before.length - tail; i++) index.set(idKey(before[i], id)!, i);
	const put: unknown[] = [];
	const putOld: unknown[] = [];
	const add: unknown[] = [];
	const kept = new Set<number>();
	const seen = new Set<string | number>();
	let last = -1;
	for (let j = head; j < after.length - tail; j++) {
		const r = after[j];
		const k = idKey(r, id);
		if (k === null || seen.has(k)) return null;
		seen.add(k);
		const i = index.get(k);
		if (i === undefined) {
			// A record shared at the start or end seen twice: not this shape.
			if (ids.has(k)) return null;
			add.push(r);
			continue;
		}
		// A kept record after an added one, or one out of its old order: not this shape.
		if (add.length > 0 || i < last) return null;
		last = i;
		kept.add(i);
		if (r !== before[i]) {
			put.push(r);
			putOld.push(before[i]);
		}
	}
	// Added records end the list: no shared record after them.
	if (add.length > 0 && tail > 0) return null;
	const dropped: unknown[] = [];
	for (let i = head; i < before.length - tail; i++) if (!kept.has(i)) dropped.push(before[i]);
	return found(put, putOld, dropped, add, id);
}

/** The change from `before` to `after` (both as the state file holds them: the chain's working set). */
export function journalChange(before: StoreData, after: StoreData): JournalChange {
	const b = before as unknown as AnyRecord;
	const a = after as unknown as AnyRecord;
	// JSON.stringify leaves out a top-level field whose value is undefined (or a function): so does the journal.
	const keys = Object.keys(a).filter(k => a[k] !== undefined && typeof a[k] !== 'function');
	const set: AnyRecord = {};
	const lists: Record<string, ListDelta> = {};
	for (const k of keys) {
		if (a[k] === b[k] && k in b) continue;
		const id = LIST_IDS[k];
		const delta = id && Array.isArray(a[k]) && Array.isArray(b[k]) ? listDelta(b[k] as unknown[], a[k] as unknown[], id) : null;
		if (delta) {
			if (delta.put.length + delta.drop.length + delta.add.length > 0) lists[k] = delta;
		} else set[k] = a[k];
	}
	return {keys, set, lists};
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `,"hash":"<64 hex>"}` closes every line: its length, so the body can be cut off without parsing. */
const HASH_TAIL = 75;

/**
 * A line's text: the body's JSON with its own SHA-256 added as the last field, and a newline. The hash
 * is of the body's text, so a line is checked before it is parsed.
 */
export function lineText(body: JournalLine | JournalHeader): {text: string; hash: string} {
	const json = JSON.stringify(body);
	const hash = sha256(json);
	return {text: `${json.slice(0, -1)},"hash":"${hash}"}\n`, hash};
}

/** The body's text and hash of one line (without its newline), or null when its hash does not match. */
export function lineBody(line: string): {body: string; hash: string} | null {
	if (line.length < HASH_TAIL + 2 || !line.endsWith('"}')) return null;
	const tail = line.slice(-HASH_TAIL);
	if (!tail.startsWith(',"hash":"')) return null;
	const hash = tail.slice(9, 73);
	if (!/^[0-9a-f]{64}$/.test(hash)) return null;
	const body = `${line.slice(0, -HASH_TAIL)}}`;
	return sha256(body) === hash ? {body, hash} : null;
}

/** Why `value` is not a journal line's body (its shape only; replay checks that it applies), or null. */
export function lineShapeProblem(value: unknown): string | null {
	if (!isRecord(value)) return 'it is not an object';
	const {base, rev, prev, keys, set, lists} = value;
	if (!Number.isSafeInteger(base) || rev !== (base as number) + 1) return 'its revisions are not one after the other';
	if (typeof prev !== 'string' || !/^[0-9a-f]{64}$/.test(prev)) return 'it has no link to the line before it';
	if (!Array.isArray(keys) || !keys.every(k => typeof k === 'string')) return 'it does not list the fields';
	if (!isRecord(set)) return 'it has no changed fields';
	if (!isRecord(lists)) return 'it has no changed lists';
	for (const d of Object.values(lists)) {
		if (!isRecord(d) || !Array.isArray(d['put']) || !Array.isArray(d['drop']) || !Array.isArray(d['add']))
			return 'a list change is not whole';
	}
	return null;
}

const DEAD = Symbol('removed');

interface WorkingList {
	id: string;
	items: unknown[];
	index: Map<string | number, number>;
}

/**
 * Lines replayed on a state, in order. Lists are copied once and changed in place (a removed record
 * leaves a gap, filled at the end), so replaying many lines on a 5,000-case store costs one pass over
 * each list, not one per line. Records a line does not touch stay the very objects the state held.
 * Throws an Error (its message for the store's refusal) when a line does not apply.
 */
export class Replay {
	private order: string[];
	private readonly values = new Map<string, unknown>();
	private readonly lists = new Map<string, WorkingList>();
	revision: number;

	constructor(state: StoreData) {
		const s = state as unknown as AnyRecord;
		this.order = Object.keys(s).filter(k => s[k] !== undefined);
		for (const k of this.order) this.values.set(k, s[k]);
		this.revision = state.revision;
	}

	apply(line: JournalLine): void {
		for (const k of line.keys) {
			if (!(k in line.set) && !this.values.has(k))
				throw new Error(`it names the field ${JSON.stringify(k).slice(0, 40)}, which the store does not hold`);
		}
		for (const [k, v] of Object.entries(line.set)) {
			this.values.set(k, v);
			this.lists.delete(k);
		}
		for (const [k, delta] of Object.entries(line.lists)) this.applyList(k, delta);
		const named = new Set(line.keys);
		for (const k of this.order) {
			if (!named.has(k)) {
				this.values.delete(k);
				this.lists.delete(k);
			}
		}
		this.order = [...line.keys];
		this.revision = line.rev;
	}

	private applyList(key: string, delta: ListDelta): void {
		const id = LIST_IDS[key];
		if (!id) throw new Error(`it changes ${JSON.stringify(key).slice(0, 40)} record by record, which is not a list of records`);
		let list = this.lists.get(key);
		if (!list) {
			const current = this.values.get(key);
			if (!Array.isArray(current)) throw new Error(`it changes the list ${key}, which the store does not hold`);
			const index = new Map<string | number, number>();
			current.forEach((r, i) => {
				const k = idKey(r, id);
				if (k === null || index.has(k)) throw new Error(`the list ${key} has a record without a unique ${id}`);
				index.set(k, i);
			});
			list = {id, items: [...current], index};
			this.lists.set(key, list);
		}
		const at = (r: unknown, what: 'removes' | 'replaces'): [string | number, number] => {
			const k = idKey(what === 'removes' ? {[id]: r} : r, id);
			const i = k === null ? undefined : list.index.get(k);
			if (k === null || i === undefined) throw new Error(`it ${what} a record of ${key} that the store does not hold`);
			return [k, i];
		};
		for (const dropped of delta.drop) {
			const [k, i] = at(dropped, 'removes');
			list.items[i] = DEAD;
			list.index.delete(k);
		}
		for (const r of delta.put) list.items[at(r, 'replaces')[1]] = r;
		for (const r of delta.add) {
			const k = idKey(r, id);
			if (k === null || list.index.has(k)) throw new Error(`it adds a record to ${key} whose ${id} is missing or already there`);
			list.index.set(k, list.items.length);
			list.items.push(r);
		}
	}

	/** The data the lines so far make (a new object; the lists' gaps closed). */
	result(): StoreData {
		const out: AnyRecord = {};
		for (const k of this.order) {
			const list = this.lists.get(k);
			if (!list) {
				out[k] = this.values.get(k);
				continue;
			}
			const items = list.items.filter(r => r !== DEAD);
			out[k] = items;
			// Gaps closed: a later line indexes the list afresh.
			if (items.length !== list.items.length) {
				this.values.set(k, items);
				this.lists.delete(k);
			}
		}
		return out as unknown as StoreData;
	}
}

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? 'null');

/**
 * How many bytes `change` adds to the state file that `before` would be written as (an upper bound: a
 * field no longer named is not subtracted). Lets a save be refused before the state its journal
 * replays to could pass the size fortnight can open (README "Crash safety"), without serialising it.
 */
export function growthOf(before: StoreData, change: JournalChange): number {
	const b = before as unknown as AnyRecord;
	let growth = 0;
	for (const [k, v] of Object.entries(change.set)) {
		growth += b[k] === undefined ? bytesOf(v) + bytesOf(k) + 2 : bytesOf(v) - bytesOf(b[k]);
	}
	for (const [k, delta] of Object.entries(change.lists)) {
		const id = LIST_IDS[k]!;
		const list = (b[k] as unknown[]) ?? [];
		// The records replaced and removed, as journalChange found them; else found by a scan (a few records a save).
		const replaced = replacedOf.get(delta);
		const old = (key: string | number | null) => list.find(r => key !== null && idKey(r, id) === key);
		delta.put.forEach((r, n) => (growth += bytesOf(r) - bytesOf(replaced ? replaced.put[n] : old(idKey(r, id)))));
		delta.drop.forEach((dropped, n) => (growth -= bytesOf(replaced ? replaced.drop[n] : old(idKey({[id]: dropped}, id)))));
		for (const r of delta.add) growth += bytesOf(r) + 1;
	}
	return growth;
}
