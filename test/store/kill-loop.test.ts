/**
 * Crash safety, the way SQLite and bbolt test it at small scale: a child saves an increasing counter
 * (in a review draft, so drafts survive too) and acknowledges each value on stdout once the save has
 * returned; the parent SIGKILLs it at a random moment, then checks the store parses, validates and
 * holds at least the last acknowledged value (and at most one more: the save that was in flight).
 *
 * Starting Node costs most of a round, so the next children are started (and load their modules) while
 * the current round runs; each is told "go" only when its round begins, after the parent has checked the file.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {isTempFor} from '../../source/store/atomic-write.js';
import {verifyChain} from '../../source/store/chain.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {openStore, readStoreFile} from '../../source/store/store.js';
import {ROOT} from '../helpers/cli.js';
import {ensureBuilt, smallStore, WRITER} from './small-store.js';

const COUNTER = path.join(ROOT, 'test', 'store', 'fixtures', 'counter.mjs');
// FORTNIGHT_KILL_ROUNDS=1000 npx vitest run ... for a soak run.
const RAW_ROUNDS = Math.max(50, Number(process.env['FORTNIGHT_KILL_ROUNDS'] ?? 50));
const APPLY_ROUNDS = 4;
const CHAIN_ROUNDS = Math.max(12, Math.round(RAW_ROUNDS / 4));
const WARM_AHEAD = 2;

beforeAll(() => ensureBuilt(), 120_000);

interface Warm {
	child: ChildProcess;
	ready: Promise<void>;
	out: () => string;
	err: () => string;
	closed: Promise<unknown>;
}

function warm(args: string[]): Warm {
	const child = spawn(process.execPath, args, {stdio: ['pipe', 'pipe', 'pipe']});
	let out = '';
	let err = '';
	let ready: () => void = () => {};
	const readyP = new Promise<void>(r => (ready = r));
	child.stdout!.on('data', d => {
		out += d;
		if (out.startsWith('ready\n')) ready();
	});
	child.stderr!.on('data', d => (err += d));
	const closed = new Promise(r => child.on('close', r));
	void closed.then(() => ready());
	return {child, ready: readyP, out: () => out, err: () => err, closed};
}

/** Runs one round on a warmed child; returns the last acknowledged value (-1 if none). */
async function round(w: Warm, afterFirstAck: boolean, delayMs: number): Promise<number> {
	await w.ready;
	w.child.stdin!.write('go\n');
	if (afterFirstAck) {
		const started = Date.now();
		while (!/^ready\n\d+\n/.test(w.out()) && w.child.exitCode === null && Date.now() - started < 20_000)
			await new Promise(r => setTimeout(r, 2));
	}
	await new Promise(r => setTimeout(r, delayMs));
	w.child.kill('SIGKILL');
	await w.closed;
	if (w.err()) throw new Error(`writer failed: ${w.err()}`);
	const lines = w.out().split('\n').slice(1, -1); // after "ready"; only complete lines are acknowledgements
	return lines.length > 0 ? Number(lines.at(-1)) : -1;
}

async function killLoop(
	file: string,
	rounds: number,
	args: string[],
	maxDelay: number,
	check: (round: number, counter: number) => Promise<void> = async () => {},
): Promise<{killedMidRun: number; final: number}> {
	let previous = 0;
	let killedMidRun = 0;
	// Several children load their modules ahead, so start-up overlaps the rounds before theirs.
	const pool: Warm[] = [];
	let started = 0;
	const topUp = () => {
		while (pool.length < WARM_AHEAD && started < rounds) {
			pool.push(warm(args));
			started++;
		}
	};
	topUp();
	for (let i = 0; i < rounds; i++) {
		const current = pool.shift()!;
		// Half the kills land anywhere (start of the save loop, first lock, first write); half while saves run.
		const afterAck = i % 2 === 1;
		const acked = await round(current, afterAck, Math.floor(Math.random() * maxDelay));
		topUp();
		const {data} = await readStoreFile(file); // throws if the file were a mix, truncated or invalid
		const onDisk = (data.drafts[0]!.answers['counter'] as number | undefined) ?? 0;
		if (acked > 0) killedMidRun++;
		if (acked >= 0) {
			expect(onDisk, `round ${i}: holds the last acknowledged value`).toBeGreaterThanOrEqual(acked);
			expect(onDisk, `round ${i}: at most the one save in flight beyond it`).toBeLessThanOrEqual(acked + 1);
		}
		expect(onDisk, `round ${i}: the counter never goes back`).toBeGreaterThanOrEqual(previous);
		await check(i, onDisk);
		previous = onDisk;
		// The killed child may have held the lock. It is dead, so clear the lock rather than wait out
		// the stale time (stale takeover after SIGKILL is tested in concurrency.test.ts).
		rmSync(`${file}.lock`, {recursive: true, force: true});
	}
	return {killedMidRun, final: previous};
}

describe('SIGKILL at random moments', () => {
	it(
		`${RAW_ROUNDS} rounds on the durable write path: the store always parses, validates and holds the last acknowledged value`,
		async () => {
			const {file, dir} = await smallStore(2, 1);
			const {killedMidRun, final} = await killLoop(file, RAW_ROUNDS, [COUNTER, file], 30);
			expect(killedMidRun).toBeGreaterThan(RAW_ROUNDS / 3);
			expect(final).toBeGreaterThan(RAW_ROUNDS / 2);

			// Leftover temp files from killed saves are never read as data, and young ones are not swept
			// (they could belong to a live writer). Add a garbage one to be sure.
			const garbage = path.join(dir, `.team.json.${process.pid}.abcdefabcdef.tmp`);
			writeFileSync(garbage, '{"schemaVersion": 1, "half a store');
			const decoy = path.join(dir, '.team.json.notes.tmp');
			writeFileSync(decoy, 'not ours');
			const temps = () => readdirSync(dir).filter(n => isTempFor(file, n));
			const left = temps().length;
			expect(left).toBeGreaterThanOrEqual(1);
			await openStore(file);
			expect(existsSync(garbage)).toBe(true);
			// Once older than a minute they are swept on open; files not matching our pattern are left alone.
			const old = (Date.now() - 120_000) / 1000;
			for (const n of [...temps(), path.basename(decoy)]) utimesSync(path.join(dir, n), old, old);
			const s = await openStore(file);
			expect(temps()).toEqual([]);
			expect(existsSync(decoy)).toBe(true);
			expect(s.snapshot().drafts[0]!.answers['counter']).toBe(final);
			console.log(
				`kill loop (durable write path): ${RAW_ROUNDS} rounds, ${killedMidRun} killed mid-run, final counter ${final}, ${left - 1} stray temp files swept, lost: 0`,
			);
		},
		100_000 + RAW_ROUNDS * 1000,
	);

	it(
		`${CHAIN_ROUNDS} rounds of signing (an append to the chain file, then the state): the chain always verifies and counts exactly the saves`,
		async () => {
			const {file} = await smallStore(2, 1);
			const base = (await readStoreFile(file, {chain: 'whole'})).data.chain.length;
			let torn = 0;
			const {killedMidRun, final} = await killLoop(file, CHAIN_ROUNDS, [WRITER, 'chain-counter', file], 60, async (i, counter) => {
				// Whatever the moment of the kill: the committed chain is whole and linked, holds one entry per
				// committed save, and anything after its end (a torn line, an entry whose state never landed) is
				// ignored with a warning until the next save cuts it off.
				const {data, warnings} = await readStoreFile(file, {chain: 'whole'});
				expect(verifyChain(data.chain), `round ${i}: the chain verifies`).toBeNull();
				expect(data.chain.length - base, `round ${i}: one entry per committed save`).toBe(counter);
				if (warnings.length > 0) torn++;
				expect(statSync(chainPathFor(file)).size >= data.chainLog!.bytes).toBe(true);
			});
			expect(killedMidRun).toBeGreaterThan(0);
			console.log(
				`kill loop (chain append): ${CHAIN_ROUNDS} rounds, ${killedMidRun} killed mid-run, final counter ${final}, ${torn} rounds left an uncommitted ` +
					`tail, lost: 0`,
			);
		},
		40_000 + CHAIN_ROUNDS * 2000,
	);

	it(
		`${CHAIN_ROUNDS} rounds of saves compacted every few (journal appends, state rewrites, the journal removed): nothing acknowledged is lost`,
		async () => {
			const {file} = await smallStore(2, 1);
			const base = (await readStoreFile(file, {chain: 'whole'})).data.chain.length;
			let compacted = 0;
			let stale = 0;
			const {killedMidRun, final} = await killLoop(file, CHAIN_ROUNDS, [WRITER, 'compacting-counter', file], 80, async (i, counter) => {
				// A kill between a compaction's rename and the journal's removal leaves a journal the state holds:
				// read as nothing (no warning, no saves lost), replaced by the next save.
				const {data, journal} = await readStoreFile(file, {chain: 'whole'});
				expect(verifyChain(data.chain), `round ${i}: the chain verifies`).toBeNull();
				expect(data.chain.length - base, `round ${i}: one entry per committed save`).toBe(counter);
				if (journal?.status === 'none') compacted++;
				if (journal?.status === 'stale') stale++;
			});
			expect(killedMidRun).toBeGreaterThan(0);
			console.log(
				`kill loop (journal and compaction): ${CHAIN_ROUNDS} rounds, ${killedMidRun} killed mid-run, final counter ${final}, ` +
					`${compacted} rounds ended just compacted, ${stale} with a journal left by a killed compaction, lost: 0`,
			);
		},
		40_000 + CHAIN_ROUNDS * 2000,
	);

	it(`${APPLY_ROUNDS} rounds through openStore().apply(): the same holds on the full path`, async () => {
		const {file} = await smallStore(2, 1);
		const {killedMidRun, final} = await killLoop(file, APPLY_ROUNDS, [WRITER, 'counter', file], 60);
		expect(killedMidRun).toBeGreaterThan(0);
		console.log(`kill loop (apply): ${APPLY_ROUNDS} rounds, ${killedMidRun} killed mid-run, final counter ${final}, lost: 0`);
	}, 40_000);
});
