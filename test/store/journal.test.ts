/**
 * The state's journal (store README, "The journal"): a save appends one line instead of rewriting the
 * state file; a load replays the lines; compaction rewrites the state now and then. Replay must give
 * exactly the state a full rewrite would have written, and a crash, a full disk or a damaged line must
 * never lose or invent a save.
 */
import {appendFileSync, existsSync, linkSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {chainWorkingSet, workingSetWith} from '../../source/domain/chain-working-set.js';
import type {StoreData} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {chainPathFor, journalPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {realFs, type WriteFs} from '../../source/store/file-system.js';
import {journalChange, lineText, Replay, type JournalLine} from '../../source/store/journal.js';
import {serialize} from '../../source/store/serialize.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {smallData, smallStore} from './small-store.js';

const TODAY = '2026-11-30';

const addUpdate =
	(text: string, index = 0) =>
	(d: StoreData): StoreData => ({
		...d,
		cases: d.cases.map((c, i) => (i === index ? {...c, updates: [...c.updates, {date: TODAY, authorId: c.oicId, text}]} : c)),
	});

/** One more chain entry (an amendment of the last), as signing makes, with an update to a case. */
const sign =
	(reason: string) =>
	(d: StoreData): StoreData => {
		const last = d.chain.at(-1)!;
		const data = {amends: last.seq, date: TODAY, by: d.team.sergeantId, reason, corrections: {summary: reason}};
		return {...addUpdate(reason)(d), chain: [...d.chain, makeEntry(d.chain, 'amendment', data, '2026-11-30T10:00:00.000Z')]};
	};

/** The state form of data (the chain's working set), as the state file would hold it written whole. */
const stateForm = (d: StoreData): StoreData => ({...d, chain: chainWorkingSet(d.chain)});
const journalOf = (file: string) => journalPathFor(file);

/** The StoreError `p` rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<StoreError> {
	const outcome = await p.then(
		() => null,
		(e: unknown) => e,
	);
	expect(outcome).toBeInstanceOf(StoreError);
	return outcome as StoreError;
}

describe('replay gives what a full rewrite would', () => {
	const base = smallData(6, 3);
	/** A review's data, as the small store's chain holds one. */
	const reviewData = (base.chain.find(e => e.kind === 'review') as Extract<StoreData['chain'][number], {kind: 'review'}>).data;
	/** Edits of every shape a change can make: replace, remove, add, reorder, whole fields, keys gone and new. */
	const edit = fc.oneof(
		fc.record({op: fc.constant('update' as const), i: fc.nat(), text: fc.string()}),
		fc.record({op: fc.constant('remove-draft' as const), i: fc.nat()}),
		fc.record({op: fc.constant('add-draft' as const), i: fc.nat()}),
		fc.record({op: fc.constant('reverse-officers' as const)}),
		fc.record({op: fc.constant('insert-case-first' as const), i: fc.nat()}),
		fc.record({op: fc.constant('team-name' as const), text: fc.string()}),
		fc.record({op: fc.constant('sign' as const), text: fc.string()}),
		fc.record({op: fc.constant('drop-key' as const)}),
		fc.record({op: fc.constant('add-key' as const), text: fc.string()}),
		fc.record({op: fc.constant('revision' as const)}),
		fc.record({op: fc.constant('drop-one-add-one' as const), i: fc.nat()}),
		fc.record({op: fc.constant('move-to-end' as const), i: fc.nat()}),
		fc.record({op: fc.constant('review' as const), i: fc.nat()}),
		fc.record({op: fc.constant('discarded' as const), i: fc.nat()}),
		fc.record({op: fc.constant('copy-to-end' as const), i: fc.nat()}),
	);
	type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
	let made = 0;
	const applyEdit = (d: StoreData, e: Edit): StoreData => {
		made++;
		const any = d as unknown as Record<string, unknown>;
		switch (e.op) {
			case 'update':
				return addUpdate(e.text, e.i % d.cases.length)(d);
			case 'remove-draft':
				return d.drafts.length === 0 ? d : {...d, drafts: d.drafts.filter((_, k) => k !== e.i % d.drafts.length)};
			case 'add-draft': {
				const c = d.cases[e.i % d.cases.length]!;
				if (d.drafts.some(x => x.caseRef === c.ref)) return d;
				const draft = {caseRef: c.ref, reviewerId: d.team.sergeantId, startedAt: TODAY, updatedAt: TODAY, step: 0, answers: {}};
				return {...d, drafts: [...d.drafts, draft]};
			}
			case 'reverse-officers':
				return {...d, officers: [...d.officers].reverse()};
			case 'insert-case-first': {
				const c = d.cases[e.i % d.cases.length]!;
				return {...d, cases: [{...c, ref: `X/${made}`}, ...d.cases]};
			}
			case 'team-name':
				return {...d, team: {...d.team, name: e.text}};
			case 'sign':
				return stateForm(sign(e.text)(d));
			case 'drop-key': {
				const {updatedAt: _gone, ...rest} = any;
				return rest as unknown as StoreData;
			}
			case 'add-key':
				return {...d, updatedAt: e.text, revision: d.revision};
			case 'revision':
				return {...d, revision: d.revision + 1};
			// The shape of the chain's working set when a case is reviewed again: one record out of the middle, one new at the end.
			case 'drop-one-add-one': {
				const i = e.i % d.cases.length;
				return {...d, cases: [...d.cases.filter((_, k) => k !== i), {...d.cases[i]!, ref: `Y/${made}`}]};
			}
			// The same record (the very object) moved to the end: not a drop and an add of a new id.
			case 'move-to-end': {
				const i = e.i % d.cases.length;
				return {...d, cases: [...d.cases.filter((_, k) => k !== i), d.cases[i]!]};
			}
			case 'review': {
				const c = d.cases[e.i % d.cases.length]!;
				const data = {...reviewData, caseRef: c.ref, summary: `review ${made}`};
				const entry = makeEntry(d.chain, 'review', data, '2026-11-30T10:00:00.000Z');
				const chain = workingSetWith(d.chain, [entry]);
				expect(chain).toEqual(chainWorkingSet([...d.chain, entry]));
				return {...d, chain};
			}
			// A second record with a case's id (not a store fortnight writes, but the journal must not mistake it for a new one).
			case 'copy-to-end': {
				const c = d.cases[e.i % d.cases.length]!;
				return {...d, cases: [...d.cases, {...c}]};
			}
			// A save that failed after its line was worked out: the next line is worked out from the same data again.
			case 'discarded':
				journalChange(d, applyEdit(d, {op: 'drop-one-add-one', i: e.i}));
				journalChange(d, applyEdit(d, {op: 'review', i: e.i}));
				return d;
		}
	};

	it('for any series of edits, the journal lines (through JSON, as the file holds them) replay to the same bytes', () => {
		fc.assert(
			fc.property(fc.array(edit, {minLength: 1, maxLength: 12}), edits => {
				const start = stateForm(base);
				const replay = new Replay(start);
				let before = start;
				for (const e of edits) {
					const after = applyEdit(before, e);
					const change = journalChange(before, after);
					const line = JSON.parse(JSON.stringify({base: 0, rev: 1, prev: '', ...change})) as JournalLine;
					replay.apply(line);
					expect(serialize(replay.result())).toBe(serialize(after));
					before = after;
				}
			}),
			{numRuns: 150},
		);
	});

	it('a line holds what changed, not the store: one update to one case of six', () => {
		const start = stateForm(base);
		const change = journalChange(start, addUpdate('only this')(start));
		expect(Object.keys(change.set)).toEqual([]);
		expect(change.lists['cases']).toMatchObject({drop: [], add: []});
		expect(change.lists['cases']!.put).toHaveLength(1);
		expect(JSON.stringify(change).length).toBeLessThan(JSON.stringify(start.cases[0]).length + 400);
	});

	it('through the store: after every save (some compacting), the two files read as the data it holds, and a compaction writes those very bytes', async () => {
		for (const compactBytes of [undefined, 1500]) {
			const {file} = await smallStore(4, 2);
			const store = await openStore(file, {compactBytes});
			for (let i = 0; i < 12; i++) {
				await store.apply(i % 3 === 0 ? sign(`s${i}`) : addUpdate(`u${i}`, i % 4));
				const {data} = await readStoreFile(file);
				expect(serialize(data)).toBe(serialize(stateForm(store.snapshot())));
				if (!existsSync(journalOf(file))) expect(readFileSync(file, 'utf8')).toBe(serialize(data));
			}
			if (compactBytes) expect(existsSync(journalOf(file)) && statSync(journalOf(file)).size > compactBytes).toBe(false);
		}
	});
});

describe('a save is an append', () => {
	it('the state file is not rewritten: only the journal (and the chain file, for an entry) grows', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		await store.apply(addUpdate('first'));
		const state = readFileSync(file);
		const journal = readFileSync(journalOf(file));
		await store.apply(sign('second'));
		expect(readFileSync(file).equals(state)).toBe(true);
		const after = readFileSync(journalOf(file));
		expect(after.subarray(0, journal.length).equals(journal)).toBe(true);
		expect(after.subarray(journal.length).toString('utf8').split('\n')).toHaveLength(2); // one line and its newline
		const {data} = await readStoreFile(file);
		expect(data.cases[0]!.updates.map(u => u.text)).toEqual(expect.arrayContaining(['first', 'second']));
	});

	it('a change of hundreds of records (an import) is written whole, not appended and then compacted: the journal goes', async () => {
		const {file} = await smallStore(3);
		// No compaction by size here: the journal can only go because the change was written whole.
		const store = await openStore(file, {compactBytes: 1e9});
		await store.apply(addUpdate('first'));
		expect(existsSync(journalOf(file))).toBe(true);
		const many = (d: StoreData): StoreData => ({
			...d,
			cases: [...d.cases, ...Array.from({length: 250}, (_, i) => ({...d.cases[0]!, ref: `CR/${String(50_000 + i)}/26`}))],
		});
		await store.apply(many);
		expect(existsSync(journalOf(file))).toBe(false);
		const written = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		expect(written.cases).toHaveLength(253);
		expect(written.cases[0]!.updates.map(u => u.text)).toContain('first');
		// The next small save is an append again.
		await store.apply(addUpdate('after'));
		expect(existsSync(journalOf(file))).toBe(true);
		const {data} = await readStoreFile(file);
		expect(data.cases).toHaveLength(253);
		expect(data.cases[0]!.updates.map(u => u.text)).toEqual(expect.arrayContaining(['first', 'after']));
	});

	it('another process sees each save (changedOnDisk, reload), and concurrent saves merge as before', async () => {
		const {file} = await smallStore(3);
		const a = await openStore(file);
		const b = await openStore(file);
		await a.apply(addUpdate('from a', 0));
		expect(await b.changedOnDisk()).toBe(true);
		const r = await b.apply(addUpdate('from b', 1));
		expect(r.merged).toBe(true);
		const {data} = await readStoreFile(file);
		expect(data.cases[0]!.updates.at(-1)!.text).toBe('from a');
		expect(data.cases[1]!.updates.at(-1)!.text).toBe('from b');
		expect(data.revision).toBe(r.revision);
	});
});

/** realFs whose positioned write (the journal's and the chain's append) writes half its bytes, then fails with `code`. */
function failingAppend(code: string, times = 1): WriteFs {
	let left = times;
	return {
		...realFs,
		writeAt: async (h, d, p) => {
			if (left > 0) {
				left--;
				await realFs.writeAt(h, d.subarray(0, d.length >> 1), p);
				throw Object.assign(new Error(`${code}: injected`), {code});
			}
			return realFs.writeAt(h, d, p);
		},
	};
}

describe('crashes and faults on the append path', () => {
	it('a torn last line (a save killed mid-append) is ignored with a warning; the next save cuts it off', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		await store.apply(addUpdate('kept'));
		const before = await readStoreFile(file);
		appendFileSync(journalOf(file), '{"base":2,"rev":3,"prev":"ab');
		const torn = await readStoreFile(file);
		expect(serialize(torn.data)).toBe(serialize(before.data));
		expect(torn.warnings.join(' ')).toMatch(/team\.journal\.jsonl ends with 28 bytes of a save that did not complete/);
		const other = await openStore(file);
		await other.apply(addUpdate('after the tear'));
		const after = await readStoreFile(file);
		expect(after.warnings).toEqual([]);
		expect(after.data.cases[0]!.updates.map(u => u.text).slice(-2)).toEqual(['kept', 'after the tear']);
	});

	it('ENOSPC mid-append (journal or chain): one clear sentence, both files as they were, the retry saves once', async () => {
		// A signing's first append is the chain file's; a change without an entry appends to the journal only.
		for (const change of [sign('full disk'), addUpdate('full disk')]) {
			const {file} = await smallStore(3);
			await (await openStore(file)).apply(sign('before'));
			const store = await openStore(file, {fs: failingAppend('ENOSPC')});
			const files = [file, chainPathFor(file), journalOf(file)].map(f => [f, readFileSync(f)] as const);
			const err = await failure(store.apply(change));
			expect(err).toBeInstanceOf(StoreError);
			expect(err.code).toBe('no-space');
			expect(err.message).not.toContain('\n');
			for (const [f, bytes] of files) expect(readFileSync(f).equals(bytes), f).toBe(true);
			const again = await store.apply(change);
			const {data} = await readStoreFile(file, {chain: 'whole'});
			expect(again.revision).toBe(data.revision);
			expect(data.cases[0]!.updates.filter(u => u.text === 'full disk')).toHaveLength(1);
		}
	});

	it('ENOSPC on the journal after a good chain append: the chain is cut back too', async () => {
		const {file} = await smallStore(3);
		await (await openStore(file)).apply(sign('before'));
		let calls = 0;
		const fs: WriteFs = {
			...realFs,
			writeAt: async (h, d, p) => {
				calls++;
				if (calls === 2) throw Object.assign(new Error('ENOSPC: injected'), {code: 'ENOSPC'});
				return realFs.writeAt(h, d, p);
			},
		};
		const store = await openStore(file, {fs});
		const chain = readFileSync(chainPathFor(file));
		const journal = readFileSync(journalOf(file));
		const err = await failure(store.apply(sign('not saved')));
		expect(err.code).toBe('no-space');
		expect(readFileSync(chainPathFor(file)).equals(chain)).toBe(true);
		expect(readFileSync(journalOf(file)).equals(journal)).toBe(true);
		expect((await readStoreFile(file)).warnings).toEqual([]);
	});

	it('a compaction killed after its rename (the journal left behind) loses nothing: the journal is ignored, the next save starts a new one', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		for (let i = 0; i < 3; i++) await store.apply(sign(`s${i}`));
		const {data} = await readStoreFile(file);
		// What a compaction writes before it removes the journal.
		writeFileSync(file, serialize(data));
		const left = await readStoreFile(file);
		expect(left.journal?.status).toBe('stale');
		expect(left.warnings).toEqual([]);
		expect(serialize(left.data)).toBe(serialize(data));
		const next = await openStore(file);
		await next.apply(sign('after'));
		const after = await readStoreFile(file);
		expect(after.journal?.status).toBe('bound');
		expect(after.data.revision).toBe(data.revision + 1);
		expect(after.data.cases[0]!.updates.at(-1)!.text).toBe('after');
	});
});

describe('a journal that does not belong', () => {
	it('a state restored without its journal (the journal holds newer saves) is refused, nothing written', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		await store.apply(addUpdate('one'));
		// Compacted since (the journal's first line names other bytes), then the old state restored.
		const {data} = await readStoreFile(file);
		writeFileSync(file, serialize({...data, revision: data.revision - 1, updatedAt: TODAY}));
		const err = await failure(readStoreFile(file));
		expect(err).toBeInstanceOf(StoreError);
		expect(err.message).toMatch(/holds saves that .*team\.json does not continue/);
	});

	it('a changed byte in a line before the last is damage: refused, naming the line', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		await store.apply(addUpdate('one'));
		await store.apply(addUpdate('two'));
		const text = readFileSync(journalOf(file), 'utf8');
		writeFileSync(journalOf(file), text.replace('"one"', '"One"'));
		const err = await failure(readStoreFile(file));
		expect(err.code).toBe('journal');
		expect(err.message).toMatch(/damaged at line 2 \(its hash does not match its text\)/);
		expect(err.message).not.toMatch(/One/);
	});

	it('a line with a good hash and link but an invalid record is refused: lines are validated unless this user has a receipt', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		await store.apply(addUpdate('one'));
		const lines = readFileSync(journalOf(file), 'utf8').split('\n').slice(0, -1);
		const header = JSON.parse(lines[0]!) as {hash: string};
		const line = JSON.parse(lines[1]!) as JournalLine & {hash?: string};
		delete line.hash;
		const bad = line.lists['cases']!.put[0] as {risk: string};
		bad.risk = 'apocalyptic';
		const forged = lineText({...line, prev: header.hash});
		writeFileSync(journalOf(file), `${lines[0]}\n${forged.text}`);
		const err = await failure(readStoreFile(file));
		expect(err.code).toBe('invalid');
		expect(err.message).toMatch(/team\.journal\.jsonl, the recent saves of .*team\.json, makes an invalid store: at \/cases\/\d+\/risk/);
		expect(err.message).not.toMatch(/apocalyptic/);
	});

	it('a journal with a second hard link opens the store read-only', async () => {
		const {file, dir} = await smallStore(3);
		await (await openStore(file)).apply(addUpdate('one'));
		linkSync(journalOf(file), `${dir}/copy.jsonl`);
		const store = await openStore(file);
		expect(store.readOnly).toBe(true);
		expect(store.readOnlyReason).toMatch(/journal/);
	});
});

describe('the size guard counts the journal', () => {
	it('saves that would make the state its journal replays to larger than fortnight can open are refused, nothing kept', async () => {
		const {file} = await smallStore(3);
		await (await openStore(file)).apply(addUpdate('start'));
		const limit = statSync(file).size + statSync(journalOf(file)).size + 3000;
		const store = await openStore(file, {maxBytes: limit, compactBytes: 1e9});
		let err: StoreError | undefined;
		for (let i = 0; i < 40 && !err; i++)
			err = await store.apply(addUpdate('x'.repeat(200))).then(
				() => undefined,
				(e: unknown) => e as StoreError,
			);
		expect(err?.code).toBe('too-large');
		const {data} = await readStoreFile(file);
		expect(serialize(data).length).toBeLessThanOrEqual(limit);
		// What a compaction would write fits: the refusal came before the replayed state passed the limit.
		expect(Buffer.byteLength(serialize(data))).toBeLessThanOrEqual(limit);
	});
});
