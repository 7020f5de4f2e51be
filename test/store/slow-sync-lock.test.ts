/**
 * A sync that stalls (a slow network share) while another writer waits for the lock. The lock is refreshed
 * while the sync runs in the thread pool, so the other writer waits; and if the lock is ever lost anyway
 * (here: a sync that blocks the whole process, as a sync on the calling thread would), the save after it
 * must not take the other writer's line for its own and cut it off (journal-file.ts writeLines): their
 * change survives. Found in review (a save's sync had been moved onto the calling thread).
 */
import {spawn} from 'node:child_process';
import {fsyncSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {realFs, type WriteFs} from '../../source/store/file-system.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {smallStore} from './small-store.js';

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const addUpdate =
	(text: string) =>
	(d: StoreData): StoreData => ({
		...d,
		cases: d.cases.map((c, i) => (i === 0 ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text}]} : c)),
	});
const texts = (d: StoreData) => d.cases[0]!.updates.map(u => u.text).filter(t => t.startsWith('from-'));
const LOCK = {staleMs: 2000, waitMs: 10_000};

/** A saves, B (another process) saves while A's next save is in a 4-second sync, then A saves again. */
async function scenario(slowSync: WriteFs['sync']): Promise<string[]> {
	const {file} = await smallStore(4, 0);
	let slow = false;
	const fs: WriteFs = {...realFs, sync: async h => (slow ? slowSync(h) : realFs.sync(h))};
	const a = await openStore(file, {fs, lock: LOCK});
	await a.apply(addUpdate('from-A-0'));
	const storeJs = path.resolve('dist/store/store.js');
	const b = spawn(process.execPath, [
		'--input-type=module',
		'-e',
		`const {openStore} = await import(${JSON.stringify(storeJs)});
		const s = await openStore(${JSON.stringify(file)}, {lock: ${JSON.stringify(LOCK)}});
		await new Promise(r => setTimeout(r, 300));
		const note = c => ({...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text: 'from-B'}]});
		await s.apply(d => ({...d, cases: d.cases.map((c, i) => (i === 0 ? note(c) : c))}));`,
	]);
	const exited = new Promise(r => b.on('exit', r));
	await sleep(150);
	slow = true;
	await a.apply(addUpdate('from-A-1')).catch(() => {});
	slow = false;
	await exited;
	// A's next save: refused as a clash or made on top of B's, but never cutting B's line off.
	await a.apply(addUpdate('from-A-2')).catch(async () => {
		await a.reload();
		await a.apply(addUpdate('from-A-2'));
	});
	return texts((await readStoreFile(file)).data);
}

describe('a sync that stalls while another writer waits for the lock', () => {
	it('a stall in the thread pool keeps the lock: the other writer waits, and every change is kept', async () => {
		const kept = await scenario(async h => {
			await sleep(4000);
			await h.sync();
		});
		expect(kept).toEqual(expect.arrayContaining(['from-A-0', 'from-A-1', 'from-B', 'from-A-2']));
	}, 40_000);

	it("a stall that blocks the process loses the lock, yet the other writer's saved change is not cut off", async () => {
		const kept = await scenario(async h => {
			sleepSync(4000);
			fsyncSync(h.fd);
		});
		expect(kept).toContain('from-B');
		expect(kept).toEqual(expect.arrayContaining(['from-A-0', 'from-A-2']));
	}, 40_000);
});
