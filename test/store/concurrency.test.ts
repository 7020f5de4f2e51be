/**
 * Two (or four) sergeants on one store: separate processes saving through openStore().apply() at the
 * same time lose nothing; a lock left by a killed process is taken over once stale; a lock lost
 * mid-save abandons the save; an edit that clashes with another user's is refused, naming what changed.
 */
import {spawn} from 'node:child_process';
import {existsSync, promises as fsp, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it, vi} from 'vitest';
import {StoreError} from '../../source/store/errors.js';
import {realFs, type WriteFs} from '../../source/store/file-system.js';
import {withLock} from '../../source/store/lock.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {ensureBuilt, smallStore, WRITER} from './small-store.js';
import {withRisk} from '../../source/domain/case-history.js';
import type {Case, StoreData} from '../../source/domain/model.js';

/** A risk change as the domain records it (the store refuses a risk without its history: README "Case history"). */
const EDIT = {from: '2026-11-30', by: null, reason: 'test edit', reviewSeq: null};
const risked = (c: Case, risk: Case['risk']): Case => withRisk(c, risk, EDIT);

const PROCESSES = 4;
const WRITES = 50;

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [WRITER, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', d => (stdout += d));
		child.stderr.on('data', d => (stderr += d));
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

beforeAll(() => ensureBuilt(), 120_000);

describe('concurrent writers', () => {
	it(`${PROCESSES} processes x ${WRITES} writes each on one store: every update is present`, async () => {
		const {file, data} = await smallStore(6, PROCESSES);
		const sharedBefore = data.cases[0]!.updates.length;
		const results = await Promise.all(Array.from({length: PROCESSES}, (_, p) => run(['concurrent', file, String(p), String(WRITES)])));
		for (const r of results) expect(r.stderr, r.stderr).toBe('');
		for (const r of results) expect(r.code).toBe(0);
		const summaries = results.map(r => JSON.parse(r.stdout) as {merged: number});
		const {data: after} = await readStoreFile(file);
		// Every process's every write: in the shared list (appended by all) and in its own draft.
		const texts = after.cases[0]!.updates.slice(sharedBefore).map(u => u.text);
		expect(texts).toHaveLength(PROCESSES * WRITES);
		for (let p = 0; p < PROCESSES; p++) {
			const mine = texts.filter(t => t.startsWith(`p${p} `));
			// Each process's own writes stay in its order.
			expect(mine).toEqual(Array.from({length: WRITES}, (_, i) => `p${p} w${i}`));
			expect(Object.keys(after.drafts[p]!.answers)).toHaveLength(WRITES);
		}
		expect(after.revision).toBe(data.revision + PROCESSES * WRITES);
		// The writers really did interleave (otherwise this test proves nothing about merging).
		expect(summaries.reduce((n, s) => n + s.merged, 0)).toBeGreaterThan(0);
		expect(existsSync(`${file}.lock`)).toBe(false);
	}, 50_000);
});

describe('the lock', () => {
	it('is respected while fresh, and taken over once a SIGKILLed holder leaves it stale', async () => {
		const {file} = await smallStore(2);
		const child = spawn(process.execPath, [WRITER, 'hold-lock', file, '2000'], {stdio: ['ignore', 'pipe', 'inherit']});
		await new Promise<void>(resolve => child.stdout.on('data', d => String(d).includes('locked') && resolve()));
		const store = await openStore(file, {lock: {staleMs: 2000, waitMs: 300}});
		// Held and fresh: we wait, then give up with a clear sentence, and write nothing.
		const before = readFileSync(file);
		const busy = await store.apply(d => ({...d, team: {...d.team, name: 'Busy'}})).catch(e => e as StoreError);
		expect(busy).toBeInstanceOf(StoreError);
		expect((busy as StoreError).code).toBe('locked');
		expect((busy as StoreError).message).toMatch(/locked by another fortnight.*nothing was lost/);
		expect(readFileSync(file).equals(before)).toBe(true);
		child.kill('SIGKILL');
		await new Promise(resolve => child.on('close', resolve));
		expect(existsSync(`${file}.lock`)).toBe(true); // the killed holder could not clean up
		const patient = await openStore(file, {lock: {staleMs: 2000, waitMs: 10_000}});
		const started = Date.now();
		await patient.apply(d => ({...d, team: {...d.team, name: 'After takeover'}}));
		const waited = Date.now() - started;
		expect(waited).toBeLessThan(10_000);
		expect((await readStoreFile(file)).data.team.name).toBe('After takeover');
		expect(existsSync(`${file}.lock`)).toBe(false);
	}, 30_000);

	it('aborts the write when the lock is lost mid-save (compromised): the file is untouched', async () => {
		const {file} = await smallStore(2);
		const before = readFileSync(file);
		// A save that stalls after writing its temp file, while someone else removes our lock.
		const stalling: WriteFs = {
			...realFs,
			chmod: async (p, mode) => {
				rmSync(`${file}.lock`, {recursive: true, force: true});
				await new Promise(r => setTimeout(r, 1700)); // past proper-lockfile's 1 s refresh, which notices
				return realFs.chmod(p, mode);
			},
		};
		const store = await openStore(file, {fs: stalling, lock: {staleMs: 2000}});
		const err = await store.apply(d => ({...d, team: {...d.team, name: 'Stalled'}})).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('locked');
		expect((err as StoreError).message).toMatch(/Lost the lock.*nothing was overwritten/);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(store.snapshot().team.name).not.toBe('Stalled');
		const leftovers = (await fsp.readdir(path.dirname(file))).filter(n => n.endsWith('.tmp'));
		expect(leftovers).toEqual([]);
	}, 20_000);

	it('withLock gives up with a StoreError, not a hang, when the folder cannot hold a lock', async () => {
		const err = await withLock('/proc/version', {waitMs: 200}, async () => 1).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
	});
});

describe('two users, one store (in one process, as two instances)', () => {
	it('re-applies a change that does not clash, and reports what the other user changed', async () => {
		const {file, data} = await smallStore(4, 1);
		const a = await openStore(file);
		const b = await openStore(file);
		const [c0, c1] = [data.cases[0]!.ref, data.cases[1]!.ref];
		await b.apply(d => ({...d, cases: d.cases.map(c => (c.ref === c1 ? {...c, offence: 'Changed by B'} : c))}));
		expect(await a.changedOnDisk()).toBe(true);
		const r = await a.apply(d => ({...d, cases: d.cases.map(c => (c.ref === c0 ? {...c, offence: 'Changed by A'} : c))}));
		expect(r.merged).toBe(true);
		expect(r.othersChanged).toEqual([`case ${c1}`]);
		const {data: after} = await readStoreFile(file);
		expect(after.cases.find(c => c.ref === c0)!.offence).toBe('Changed by A');
		expect(after.cases.find(c => c.ref === c1)!.offence).toBe('Changed by B');
		expect(a.snapshot().cases.find(c => c.ref === c1)!.offence).toBe('Changed by B');
		expect(await a.changedOnDisk()).toBe(false);
	});

	it('both appending to the same list is not a clash: both items are kept', async () => {
		const {file, data} = await smallStore(3);
		const ref = data.cases[0]!.ref;
		const add = (text: string) => (d: typeof data) => ({
			...d,
			cases: d.cases.map(c => (c.ref === ref ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text}]} : c)),
		});
		const a = await openStore(file);
		const b = await openStore(file);
		await b.apply(add('from B'));
		await a.apply(add('from A'));
		const texts = (await readStoreFile(file)).data.cases[0]!.updates.map(u => u.text);
		expect(texts.slice(-2)).toEqual(['from B', 'from A']);
	});

	it('refuses a clashing edit with StoreError "conflict" that says what changed; nothing is overwritten', async () => {
		const {file, data} = await smallStore(3);
		const ref = data.cases[2]!.ref;
		const a = await openStore(file);
		const b = await openStore(file);
		await b.apply(d => ({...d, cases: d.cases.map(c => (c.ref === ref ? risked(c, c.risk === 'high' ? 'low' : 'high') : c))}));
		const theirs = readFileSync(file);
		const mineBefore = a.snapshot();
		const err = await a
			.apply(d => ({...d, cases: d.cases.map(c => (c.ref === ref ? {...risked(c, 'medium'), offence: 'A edit'} : c))}))
			.catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('conflict');
		expect((err as StoreError).message).toContain(`Another user changed case ${ref} (risk)`);
		expect((err as StoreError).message).toContain('not saved');
		expect(readFileSync(file).equals(theirs)).toBe(true);
		expect(a.snapshot()).toBe(mineBefore);
		expect(await a.changedOnDisk()).toBe(true);
		// Retrying without reloading is still a conflict (the first attempt already read their file).
		const toMedium = (d: StoreData) => ({...d, cases: d.cases.map(c => (c.ref === ref ? risked(c, 'medium') : c))});
		const again = await a.apply(toMedium).catch(e => e as StoreError);
		expect((again as StoreError).code).toBe('conflict');
		expect(readFileSync(file).equals(theirs)).toBe(true);
		// After reloading, the same edit goes through on their data.
		await a.reload();
		await a.apply(d => ({...d, cases: d.cases.map(c => (c.ref === ref ? risked(c, 'medium') : c))}));
		expect((await readStoreFile(file)).data.cases[2]!.risk).toBe('medium');
	});

	it('an edit to a record the other user deleted is a conflict naming it', async () => {
		const {file, data} = await smallStore(3, 2);
		const ref = data.drafts[1]!.caseRef;
		const a = await openStore(file);
		const b = await openStore(file);
		await b.apply(d => ({...d, drafts: d.drafts.filter(x => x.caseRef !== ref)}));
		const err = await a
			.apply(d => ({...d, drafts: d.drafts.map(x => (x.caseRef === ref ? {...x, step: 3} : x))}))
			.catch(e => e as StoreError);
		expect((err as StoreError).code).toBe('conflict');
		expect((err as StoreError).message).toContain(`Another user deleted draft review of case ${ref}`);
	});

	it('two users signing at once: the chain stays linked (the later entry is re-made on the fresh chain)', async () => {
		const {file} = await smallStore(3);
		const {makeEntry, verifyChain} = await import('../../source/store/chain.js');
		const a = await openStore(file);
		const b = await openStore(file);
		const sign = (_who: string) => (d: ReturnType<typeof a.snapshot>) => {
			const last = d.chain.at(-1)!;
			return {...d, chain: [...d.chain, makeEntry(d.chain, last.kind, last.data as never, `2026-11-30T10:00:00.000Z`)]} as typeof d & {
				who?: string;
			};
		};
		await b.apply(sign('b'));
		await a.apply(sign('a'));
		const {data: after} = await readStoreFile(file, {chain: 'whole'});
		expect(verifyChain(after.chain)).toBeNull();
		// A change that captured the OLD chain in a closure would not link; it is refused, not written.
		const stale = a.snapshot().chain;
		await b.apply(sign('b2'));
		const bad = await a
			.apply(d => ({...d, chain: [...d.chain, makeEntry(stale, 'review', stale.at(-1)!.data as never, '2026-11-30T11:00:00.000Z')]}))
			.catch(e => e as StoreError);
		expect(bad).toBeInstanceOf(StoreError);
		expect(verifyChain((await readStoreFile(file, {chain: 'whole'})).data.chain)).toBeNull();
	});

	it('signed entries are append-only: a change that alters or removes one is refused, nothing written', async () => {
		const {file} = await smallStore(3);
		const store = await openStore(file);
		const before = readFileSync(file);
		const removed = await store.apply(d => ({...d, chain: d.chain.slice(0, -1)})).catch(e => e as StoreError);
		expect((removed as StoreError).message).toMatch(/alter or remove signed entries/);
		const altered = await store
			.apply(d => ({...d, chain: d.chain.map((e, i) => (i === 1 ? ({...e, signedAt: '2020-01-01T00:00:00.000Z'} as typeof e) : e))}))
			.catch(e => e as StoreError);
		expect((altered as StoreError).message).toMatch(/alter or remove signed entries/);
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('changedOnDisk costs two stats only (the state file and its journal): it never opens or reads either', async () => {
		const {file} = await smallStore(2);
		const store = await openStore(file);
		const open = vi.spyOn(fsp, 'open');
		const readFile = vi.spyOn(fsp, 'readFile');
		const stat = vi.spyOn(fsp, 'stat');
		for (let i = 0; i < 100; i++) expect(await store.changedOnDisk()).toBe(false);
		expect(open).not.toHaveBeenCalled();
		expect(readFile).not.toHaveBeenCalled();
		expect(stat).toHaveBeenCalledTimes(200);
		vi.restoreAllMocks();
	});
});
