/**
 * Waiting for the lock (the store README, "Two users at once"). A save that has to wait says what for,
 * once it has waited a second: whose lock (pid, host, user, since when), and, for a lock its process
 * stopped refreshing, when it will be taken over. A stale lock another user left in a sticky shared
 * folder (mode 1777, like /tmp) cannot be taken over by anyone else: the refusal says which folder to
 * remove and whose it is, instead of a bare EPERM on every save.
 */
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {withLock} from '../../source/store/lock.js';
import {CLI, DEMO, DEMO_TODAY, ROOT, tempDir} from '../helpers/cli.js';
import {smallStore} from './small-store.js';

const isRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
/** Resolves once `ready()` holds (checked every 20 ms), however loaded the machine is. */
async function until(ready: () => boolean, ms = 20_000): Promise<void> {
	const start = Date.now();
	while (!ready()) {
		if (Date.now() - start > ms) throw new Error(`not ready within ${ms} ms`);
		await sleep(20);
	}
}

/** A lock as a fortnight killed mid-save leaves it: its folder, who made it, last refreshed `ageMs` ago. */
const BOB = {pid: 999_999, host: 'desk-3', user: 'bob', since: '2026-11-30T08:05:00.000Z'};

function leftLock(file: string, ageMs: number, owner = BOB): string {
	const lock = `${file}.lock`;
	mkdirSync(lock);
	writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(owner));
	const then = new Date(Date.now() - ageMs);
	utimesSync(lock, then, then);
	return lock;
}

describe('a save waiting for the lock says what it waits for', () => {
	it('a lock held by another save: whose it is (pid, host) and since when, then that the wait is over', async () => {
		const {file} = await smallStore(1);
		let release!: () => void;
		const holding = withLock(file, {}, () => new Promise<void>(r => (release = r)));
		await sleep(100);
		const told: (string | null)[] = [];
		const waiting = withLock(file, {onWait: m => told.push(m)}, async () => 'got it');
		await until(() => told.length > 0);
		release();
		await holding;
		expect(await waiting).toBe('got it');
		expect(told).toHaveLength(2);
		expect(told[0]).toMatch(/^Waiting for the lock on team\.json held by another process \(pid \d+ on host .+, since \d\d:\d\d\)\.\.\./);
		expect(told[0]).toContain(`(pid ${process.pid} on host ${os.hostname()}`);
		expect(told[1]).toBeNull();
	});

	it('a lock its process stopped refreshing: says when it will be taken over, then takes it over', async () => {
		const {file} = await smallStore(1);
		const lock = leftLock(file, 7000);
		const told: (string | null)[] = [];
		const started = Date.now();
		await withLock(file, {onWait: m => told.push(m)}, async () => undefined);
		expect(Date.now() - started).toBeLessThan(6000);
		expect(told[0]).toMatch(/held by another process \(pid 999999 on host desk-3, user bob, since \d\d:\d\d\)/);
		expect(told[0]).toMatch(/not refreshed for \d+ s.*taken over once it is 10 s old/);
		expect(told.at(-1)).toBeNull();
		expect(existsSync(lock)).toBe(false);
	});

	it('the command line prints the waiting line on stderr, and then saves', async () => {
		const dir = tempDir();
		const store = path.join(dir, 'team.json');
		writeFileSync(store, readFileSync(DEMO));
		const lock = leftLock(store, 0);
		const args = ['absence', 'add', 'o0005', '--from', '2027-03-01', '--reason', 'training', '--store', store, '--today', DEMO_TODAY];
		const child = spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1', FORTNIGHT_STORE: ''}});
		let stderr = '';
		child.stderr.on('data', d => (stderr += d));
		const exited = new Promise<number | null>(resolve => child.on('close', resolve));
		// The lock stays fresh (as a live holder keeps it) until the command says it is waiting, however
		// long the command takes to start; then its holder "dies" and the lock is taken over as stale.
		const refresh = setInterval(() => utimesSync(lock, new Date(), new Date()), 300);
		await until(() => stderr.includes('Waiting for the lock'));
		clearInterval(refresh);
		const stale = new Date(Date.now() - 60_000);
		utimesSync(lock, stale, stale);
		expect(await exited, stderr).toBe(0);
		expect(stderr).toMatch(/^Waiting for the lock on team\.json held by another process \(pid 999999 on host desk-3, user bob/m);
		expect(stderr).toContain('Recorded ab0005');
	});
});

describe('a stale lock another user left in a sticky shared folder', () => {
	it.runIf(isRoot)('is refused with which folder to remove and whose it is, nothing saved (run as uid 1234 against uid 1235)', () => {
		const dir = tempDir();
		chmodSync(dir, 0o1777); // a /tmp-like shared folder: only a file's owner may remove it
		const store = path.join(dir, 'team.json');
		writeFileSync(store, readFileSync(DEMO));
		chownSync(store, 1234, 1234);
		const lock = leftLock(store, 60_000, {pid: 4242, host: 'desk-7', user: 'carol', since: '2026-11-30T08:05:00.000Z'});
		chownSync(path.join(lock, 'owner.json'), 1235, 1235);
		chownSync(lock, 1235, 1235);
		const before = readFileSync(store);
		const args = ['absence', 'add', 'o0005', '--from', '2027-03-01', '--reason', 'training', '--store', store, '--today', DEMO_TODAY];
		const r = spawnSync(process.execPath, [CLI, ...args], {
			cwd: ROOT,
			uid: 1234,
			gid: 1234,
			env: {PATH: process.env['PATH'], HOME: dir, NO_COLOR: '1', FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined},
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(r.status, r.stderr).toBe(3);
		expect(r.stderr).toContain(`${lock} is a lock left by uid 1235 (pid 4242 on host desk-7, user carol`);
		expect(r.stderr).toMatch(/sticky/);
		expect(r.stderr).toContain(`rm -r '${lock}'`);
		expect(r.stderr).toMatch(/Nothing was saved/);
		expect(readFileSync(store).equals(before)).toBe(true);
	});
});
