/**
 * What a change writes to the PostgreSQL store (source/store/pg-write.ts teamWrite) and what it is
 * described as (touchedOnly, for fortnight_changes): the rows found by comparing records in place must be
 * exactly those a whole comparison by key finds (every record added, changed or moved, every record
 * removed, a key listed twice refused), and the description the same as diffStores on the whole team.
 * No database needed: these are pure functions.
 */
import {describe, expect, it} from 'vitest';
import type {ChainEntry, StoreData} from '../../source/domain/model.js';
import {describeChanges, diffStores} from '../../source/store/conflict.js';
import {heldAfterWrite, LISTS} from '../../source/store/pg-data.js';
import {chainWorkingSet} from '../../source/domain/chain-working-set.js';
import {appendedTo, removedAndAppended, replacedAt} from '../../source/domain/list-edits.js';
import {teamWrite, touchedOnly, type TeamWrite} from '../../source/store/pg-write.js';
import {StoreError} from '../../source/store/errors.js';
import {demoData} from '../helpers/demo.js';

/** The whole comparison by key, record by record: what teamWrite must find. */
function byKey(before: StoreData, next: StoreData): TeamWrite | 'twice' {
	const w: TeamWrite = {
		up: {tables: [], keys: [], ords: [], docs: []},
		gone: {tables: [], keys: []},
		added: [],
		at: new Map(),
		rewrites: {
			team: JSON.stringify(before.team) !== JSON.stringify(next.team),
			settings: JSON.stringify(before.settings) !== JSON.stringify(next.settings),
		},
	};
	for (const {field, table, key} of LISTS) {
		const keyOf = key as (r: unknown) => string;
		const old = new Map<string, {record: unknown; at: number}>();
		(before[field] as unknown[]).forEach((record, at) => old.set(keyOf(record), {record, at}));
		const seen = new Set<string>();
		for (const [at, record] of (next[field] as unknown[]).entries()) {
			const k = keyOf(record);
			if (seen.has(k)) return 'twice';
			seen.add(k);
			const was = old.get(k);
			if (was && was.at === at && JSON.stringify(was.record) === JSON.stringify(record)) continue;
			w.up.tables.push(table);
			w.up.keys.push(k);
			w.up.ords.push(at);
			w.up.docs.push(JSON.stringify(record));
		}
		for (const k of old.keys()) {
			if (seen.has(k)) continue;
			w.gone.tables.push(table);
			w.gone.keys.push(k);
		}
	}
	return w;
}

/** Rows as a set (the order within a list's rows is not part of the contract). */
const rows = (w: TeamWrite) => ({
	up: w.up.keys.map((k, i) => `${w.up.tables[i]} ${k} @${w.up.ords[i]} ${w.up.docs[i]}`).sort(),
	gone: w.gone.keys.map((k, i) => `${w.gone.tables[i]} ${k}`).sort(),
});

/** A small deterministic random source (a test that fails can be run again as it was). */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

type Edit = (list: unknown[], rnd: () => number) => void;
const pick = (list: unknown[], rnd: () => number) => Math.floor(rnd() * list.length);
const EDITS: Record<string, Edit> = {
	change: (list, rnd) => {
		const i = pick(list, rnd);
		if (list.length) list[i] = {...(list[i] as object), note: `changed ${rnd()}`};
	},
	copy: (list, rnd) => {
		// A new object with the same content in the same place: not a change.
		const i = pick(list, rnd);
		if (list.length) list[i] = JSON.parse(JSON.stringify(list[i])) as unknown;
	},
	remove: (list, rnd) => {
		if (list.length) list.splice(pick(list, rnd), 1);
	},
	move: (list, rnd) => {
		if (list.length < 2) return;
		const [r] = list.splice(pick(list, rnd), 1);
		list.splice(pick(list, rnd), 0, r);
	},
	swap: (list, rnd) => {
		if (list.length < 2) return;
		const i = pick(list, rnd);
		const j = pick(list, rnd);
		[list[i], list[j]] = [list[j], list[i]];
	},
	add: (list, rnd) => {
		if (!list.length) return;
		const template = list[pick(list, rnd)] as Record<string, unknown>;
		const fresh = {...template, id: `new-${rnd()}`, ref: `NEW/${rnd()}`, caseRef: `NEW/${rnd()}`};
		list.splice(pick(list, rnd), 0, fresh);
	},
};

describe('teamWrite: the rows a change touched, found in place', () => {
	const base = demoData();

	it('finds exactly the rows a whole comparison by key finds, over many random changes', () => {
		const rnd = random(19);
		const names = Object.keys(EDITS);
		let compared = 0;
		for (let round = 0; round < 300; round++) {
			const next: Record<string, unknown> = {...base};
			for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
				const {field} = LISTS[Math.floor(rnd() * LISTS.length)]!;
				const list = [...(next[field] as unknown[])];
				EDITS[names[Math.floor(rnd() * names.length)]!]!(list, rnd);
				next[field] = list;
			}
			const after = next as unknown as StoreData;
			const want = byKey(base, after);
			expect(want).not.toBe('twice');
			expect(rows(teamWrite('t', base, after))).toEqual(rows(want as TeamWrite));
			compared++;
		}
		expect(compared).toBe(300);
	});

	it('finds the same rows for lists made by one remembered edit (list-edits.ts), walking only between their shared ends', () => {
		const rnd = random(20);
		let compared = 0;
		for (let round = 0; round < 300; round++) {
			const next: Record<string, unknown> = {...base};
			const {field} = LISTS[Math.floor(rnd() * LISTS.length)]!;
			const list = base[field] as unknown[];
			if (list.length === 0) continue;
			const i = pick(list, rnd);
			const template = list[pick(list, rnd)] as Record<string, unknown>;
			const fresh = {...template, id: `new-${rnd()}`, ref: `NEW/${rnd()}`, caseRef: `NEW/${rnd()}`};
			const made = [
				() => replacedAt(list, i, {...(list[i] as object), note: `changed ${rnd()}`}),
				() => replacedAt(list, i, JSON.parse(JSON.stringify(list[i])) as unknown),
				() => appendedTo(list, [fresh]),
				() => removedAndAppended(list, i, []),
				() => removedAndAppended(list, i, [fresh]),
				// Made from another list than `base`'s: the edit is not `base`'s, so both lists are walked.
				() => replacedAt(replacedAt(list, i, fresh), 0, list[0]),
			];
			next[field] = made[Math.floor(rnd() * made.length)]!();
			const after = next as unknown as StoreData;
			const want = byKey(base, after);
			expect(want).not.toBe('twice');
			expect(rows(teamWrite('t', base, after))).toEqual(rows(want as TeamWrite));
			compared++;
		}
		expect(compared).toBeGreaterThan(200);
	});

	it('writes nothing for a change that touches no record, and only the signed case for a changed case', () => {
		expect(rows(teamWrite('t', base, {...base}))).toEqual({up: [], gone: []});
		const cases = [...base.cases];
		const at = 3;
		cases[at] = {...cases[at]!, risk: cases[at]!.risk === 'high' ? 'medium' : 'high'};
		const w = teamWrite('t', base, {...base, cases});
		expect(w.up.keys).toEqual([cases[at]!.ref]);
		expect(w.up.ords).toEqual([at]);
		expect(w.gone.keys).toEqual([]);
	});

	it('rewrites the team record and the settings only when the change replaced them (a signing replaces neither)', () => {
		expect(teamWrite('t', base, {...base}).rewrites).toEqual({team: false, settings: false});
		const cases = [...base.cases];
		cases[0] = {...cases[0]!, risk: cases[0]!.risk === 'high' ? 'medium' : 'high'};
		expect(teamWrite('t', base, {...base, cases}).rewrites).toEqual({team: false, settings: false});
		const team = {...base.team, name: 'Renamed team'};
		expect(teamWrite('t', base, {...base, team}).rewrites).toEqual({team: true, settings: false});
		const settings = {...base.settings, reviewCapDays: base.settings.reviewCapDays + 1};
		expect(teamWrite('t', base, {...base, settings}).rewrites).toEqual({team: false, settings: true});
		// What the whole comparison finds changed, teamWrite rewrites (it may rewrite more: a copy of the same record).
		for (const next of [
			{...base, team},
			{...base, settings},
		]) {
			const want = byKey(base, next) as TeamWrite;
			const got = teamWrite('t', base, next).rewrites;
			expect(got.team || !want.rewrites.team).toBe(true);
			expect(got.settings || !want.rewrites.settings).toBe(true);
		}
	});

	it('refuses a record listed twice, beside its old place or among moved records', () => {
		const twiceInPlace = [...base.cases, {...base.cases[0]!}];
		const twiceMoved = [{...base.cases[1]!}, ...base.cases.slice(2), {...base.cases[1]!, risk: 'high' as const}];
		for (const cases of [twiceInPlace, twiceMoved]) {
			expect(byKey(base, {...base, cases})).toBe('twice');
			expect(() => teamWrite('t', base, {...base, cases})).toThrow(StoreError);
			expect(() => teamWrite('t', base, {...base, cases})).toThrow(/lists cases .* twice/);
		}
	});

	it('appends the chain entries after the ones the team had', () => {
		const entry = {...base.chain.at(-1)!, seq: base.chain.length};
		expect(teamWrite('t', base, {...base, chain: [...base.chain, entry]}).added).toEqual([entry]);
	});
});

describe('touchedOnly: who changed what, told from the records touched', () => {
	const base = demoData();

	it('describes a change as diffStores does on the whole team', () => {
		const rnd = random(2026);
		const names = Object.keys(EDITS);
		for (let round = 0; round < 200; round++) {
			const next: Record<string, unknown> = {...base};
			for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
				const {field} = LISTS[Math.floor(rnd() * LISTS.length)]!;
				const list = [...(next[field] as unknown[])];
				EDITS[names[Math.floor(rnd() * names.length)]!]!(list, rnd);
				next[field] = list;
			}
			if (rnd() < 0.2) next.settings = {...base.settings, reviewCapDays: base.settings.reviewCapDays + 1};
			const after = next as unknown as StoreData;
			const whole = diffStores(base, after);
			const touched = diffStores(...touchedOnly(base, after, teamWrite('t', base, after)));
			expect([...touched.keys()].sort()).toEqual([...whole.keys()].sort());
			expect(describeChanges(touched, 3)).toEqual(describeChanges(whole, 3));
		}
	});
});

describe('heldAfterWrite: the snapshot a store holds after a write', () => {
	const base = demoData();
	const held = {...base, chain: chainWorkingSet(base.chain), chainLog: {entries: base.chain.length, bytes: 0}};

	it("holds the held working set with the new entries, each case's previous review left out, as a whole pass would", () => {
		const reviews = base.chain.filter(e => e.kind === 'review');
		expect(reviews.length).toBeGreaterThan(2);
		// New reviews of cases already reviewed (one twice), and an entry that is not a review.
		const again = (e: (typeof reviews)[number], seq: number) => ({...e, seq});
		const n = base.chain.length;
		const added: ChainEntry[] = [again(reviews[0]!, n), again(reviews[1]!, n + 1), again(reviews[0]!, n + 2)];
		const other = base.chain.find(e => e.kind !== 'review');
		if (other) added.push({...other, seq: n + 3});
		const next = {...held, chain: [...held.chain, ...added]};
		const after = heldAfterWrite(held, next, 'state', n + added.length);
		expect(after.chain).toEqual(chainWorkingSet([...base.chain, ...added]));
		expect(after.chain.length).toBeLessThan(held.chain.length + added.length);
		expect(after.chainLog).toEqual({entries: n + added.length, bytes: 0});
	});

	it('holds the whole chain, and no chain log, for a store opened with the whole chain', () => {
		const entry = {...base.chain.at(-1)!, seq: base.chain.length};
		const next = {...base, chain: [...base.chain, entry]};
		const after = heldAfterWrite(base, next, 'whole', base.chain.length + 1);
		expect(after.chain).toBe(next.chain);
		expect('chainLog' in after).toBe(false);
	});
});
