/**
 * Many writers on one PostgreSQL store (README "PostgreSQL"): 20 processes x 50 writes of mixed kinds
 * lose nothing and see no false conflict; a writer SIGKILLed mid-stream and a server stopped with
 * `pg_ctl stop -m immediate` lose nothing acknowledged and leave nothing half-written.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {readStoreFile} from '../../source/store/index.js';
import {runCli} from '../helpers/cli.js';
import {pgFixture, type PgFixture} from '../helpers/pg-store.js';
import {postgresSkipReason, skipPostgres} from '../helpers/postgres.js';
import {ensureBuilt, smallData} from './small-store.js';

const WRITER = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'pg-writer.mjs');
const PROCESSES = 20;
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

/** A chain-counter writer, started and told to go; `printed()` is the last value it reported committed. */
function counter(url: string): {child: ChildProcess; printed: () => number; reached: (n: number) => Promise<void>; closed: Promise<void>} {
	const child = spawn(process.execPath, [WRITER, 'chain-counter', url], {stdio: ['pipe', 'pipe', 'pipe']});
	let last = 0;
	let out = '';
	const waiters: {n: number; resolve: () => void}[] = [];
	child.stdout!.on('data', d => {
		out += String(d);
		const lines = out.split('\n');
		out = lines.pop()!;
		for (const line of lines) {
			if (line === 'ready') child.stdin!.write('go\n');
			else if (/^\d+$/.test(line)) last = Number(line);
		}
		for (const w of waiters.splice(0)) (last >= w.n ? w.resolve : () => waiters.push(w))();
	});
	child.stderr!.resume();
	const closed = new Promise<void>(resolve => child.on('close', () => resolve()));
	return {child, printed: () => last, reached: n => new Promise(resolve => waiters.push({n, resolve})), closed};
}

describe.skipIf(skipPostgres)(`many writers on PostgreSQL${postgresSkipReason}`, () => {
	let pg: PgFixture;
	beforeAll(async () => {
		ensureBuilt();
		pg = await pgFixture('concurrency');
	}, 180_000);
	afterAll(() => pg?.stop());

	/** The store's state and whole chain, and `verify`'s verdict on it. */
	const settled = async (url: string): Promise<{data: StoreData; chain: StoreData['chain']; verify: number}> => {
		const data = (await readStoreFile(url)).data;
		const chain = (await readStoreFile(url, {chain: 'whole'})).data.chain;
		return {data, chain, verify: runCli(['--store', url, 'verify']).code};
	};

	it(`${PROCESSES} processes x ${WRITES} writes of four kinds: every write saved, none refused`, async () => {
		const data = smallData(PROCESSES + 2, PROCESSES);
		const url = await pg.newStore(data);
		const results = await Promise.all(Array.from({length: PROCESSES}, (_, p) => run(['mixed', url, String(p), String(WRITES)])));
		for (const r of results) expect(r.stderr, r.stderr).toBe('');
		for (const r of results) expect(r.code).toBe(0);
		const summaries = results.map(r => JSON.parse(r.stdout) as {merged: number; kinds: number[]});
		const {data: after, chain, verify} = await settled(url);
		expect(after.revision).toBe(data.revision + PROCESSES * WRITES);
		const kinds = summaries.reduce((sum, s) => sum.map((n, k) => n + s.kinds[k]!), [0, 0, 0, 0]);
		// The shared case holds every process's updates, each process's in its own order.
		const texts = after.cases[0]!.updates.slice(data.cases[0]!.updates.length).map(u => u.text);
		expect(texts).toHaveLength(kinds[0]!);
		for (let p = 0; p < PROCESSES; p++) {
			const mine = texts.filter(t => t.startsWith(`p${p} `)).map(t => Number(t.split(' w')[1]));
			expect(mine).toEqual([...mine].sort((x, y) => x - y));
			expect(Object.keys(after.drafts[p]!.answers)).toHaveLength(summaries[p]!.kinds[1]!);
			const own = after.cases[p + 1]!;
			expect(own.riskHistory.length - data.cases[p + 1]!.riskHistory.length).toBe(summaries[p]!.kinds[3]!);
		}
		expect(chain).toHaveLength(data.chain.length + kinds[2]!);
		expect(verify).toBe(0);
		// The writers really did interleave (otherwise this proves nothing about merging).
		expect(summaries.reduce((n, s) => n + s.merged, 0)).toBeGreaterThan(0);
	}, 240_000);

	it('a writer SIGKILLed, then the server stopped with -m immediate: nothing acknowledged lost, nothing half-written', async () => {
		const data = smallData(3, 1);
		const url = await pg.newStore(data);
		const check = async (acknowledged: number) => {
			const {data: now, chain, verify} = await settled(url);
			const saved = Number(now.drafts[0]!.answers['counter'] ?? 0);
			// Every value the writer printed was committed; at most the one in flight committed unprinted.
			expect(saved).toBeGreaterThanOrEqual(acknowledged);
			expect(saved).toBeLessThanOrEqual(acknowledged + 1);
			// Each save is one transaction: its counter and its chain entry are both there or neither is.
			expect(chain).toHaveLength(data.chain.length + saved);
			expect(now.revision).toBe(data.revision + saved);
			expect(verify).toBe(0);
			return saved;
		};
		const first = counter(url);
		await first.reached(30);
		first.child.kill('SIGKILL');
		await first.closed;
		const afterKill = await check(first.printed());

		const second = counter(url);
		await second.reached(afterKill + 30);
		pg.cluster.crashAndRestart();
		await second.closed; // it loses its connection and stops
		await check(second.printed());
	}, 120_000);
});
