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
 * `after` as `before` with records replaced in place, removed, and added at the end, or null when it is
 * not (then the list is journaled whole). Records are compared by identity: the store's data is
 * immutable, so a record the change did not touch is the very object it was. The records the two lists
 * share at the start and at the end (by identity) are skipped first, so a save that replaces one case of
 * 5,000 compares one record, not 5,000.
 */
function listDelta(before: readonly unknown[], after: readonly unknown[], id: string): ListDelta | null {
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) head++;
	let tail = 0;
	while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail])
		tail++;
	// Every id of `before`, unique (replay indexes the whole list), with its position.
	const index = new Map<string | number, number>();
	for (let i = 0; i < before.length; i++) {
		const k = idKey(before[i], id);
		if (k === null || index.has(k)) return null;
		index.set(k, i);
	}
	const put: unknown[] = [];
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
			add.push(r);
			continue;
		}
		// A record shared at the start or end seen twice, a kept record after an added one, or one out of its
		// old order: not this shape.
		if (i < head || i >= before.length - tail || add.length > 0 || i < last) return null;
		last = i;
		kept.add(i);
		if (r !== before[i]) put.push(r);
	}
	// Added records end the list: no shared record after them.
	if (add.length > 0 && tail > 0) return null;
	const drop: unknown[] = [];
	for (let i = head; i < before.length - tail; i++) if (!kept.has(i)) drop.push((before[i] as AnyRecord)[id]);
	return {put, drop, add};
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
		// A few records a save: found by a scan, not a map of the whole list.
		const old = (key: string | number | null) => list.find(r => key !== null && idKey(r, id) === key);
		for (const r of delta.put) growth += bytesOf(r) - bytesOf(old(idKey(r, id)));
		for (const dropped of delta.drop) growth -= bytesOf(old(idKey({[id]: dropped}, id)));
		for (const r of delta.add) growth += bytesOf(r) + 1;
	}
	return growth;
}
