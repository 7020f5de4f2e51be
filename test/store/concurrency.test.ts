/**
 * Two (or four) sergeants on one store file: separate processes saving through openStore().apply() at the
 * same time lose nothing; a lock left by a killed process is taken over once stale; a lock lost
 * mid-save abandons the save; polling for changes costs a stat. (Two users' changes re-run, merged or
 * refused are the same on both stores: both-stores-two-users.test.ts.)
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

// Two users in one process (re-run, clash, append-only, signing at once) are the same on both stores:
// test/store/both-stores-two-users.test.ts. What stays here is the file's own: the lock, and stat-only polling.
describe('two users, one store: the file', () => {
	it('changedOnDisk costs a stat only: it never opens or reads the file', async () => {
		const {file} = await smallStore(2);
		const store = await openStore(file);
		const open = vi.spyOn(fsp, 'open');
		const readFile = vi.spyOn(fsp, 'readFile');
		const stat = vi.spyOn(fsp, 'stat');
		for (let i = 0; i < 100; i++) expect(await store.changedOnDisk()).toBe(false);
		expect(open).not.toHaveBeenCalled();
		expect(readFile).not.toHaveBeenCalled();
		expect(stat).toHaveBeenCalledTimes(100);
		vi.restoreAllMocks();
	});
});
