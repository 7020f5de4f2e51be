/**
 * One temporary folder for a whole test run (vitest globalSetup, test/vitest.config.ts): TMPDIR and
 * TMUX_TMPDIR point into it for every test worker and whatever they start (the CLI, PostgreSQL clusters,
 * tmux servers and their sockets, Chromium's profile), and it is removed, with everything in it, when the
 * run ends. A test that fails before its own clean-up, or one that never had any, leaves nothing in /tmp:
 * leaked test folders once filled the disk (75 GB in a day of runs).
 *
 * A run that is killed cannot remove its folder, so each run first removes the folders of runs that are
 * over: those whose vitest process no longer exists on this machine, and any not touched for a day (the
 * owner refreshes its folder every minute). Other runs on the machine at the same time keep theirs.
 *
 * The folder's name is short (`/tmp/fnt-XXXXXX`): tmux sockets and PostgreSQL's live in it, and a Unix
 * socket's path has a limit of about 100 bytes.
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {stopLeftoverServer} from '../helpers/postgres.js';

/** How a run folder's name starts, in the system's temporary folder. */
export const RUN_PREFIX = 'fnt-';
/** The file in a run folder saying whose it is; its modification time is the owner's last sign of life. */
export const OWNER_FILE = '.fortnight-run.json';
/** How often a live run refreshes its owner file. */
const HEARTBEAT_MS = 60_000;
/** A run folder not refreshed for this long is over, whoever owned it. */
export const STALE_MS = 24 * 60 * 60 * 1000;

/** What a run folder's owner file holds. */
export interface RunOwner {
	/** The vitest process that made the folder. */
	pid: number;
	/** Which processes `pid` can name (processSpace), or null where that cannot be known. */
	space: string | null;
	/** When the run started (ISO), for a person looking at the folder. */
	started: string;
}

/**
 * This boot of this machine and this PID namespace: a pid found alive or gone means something only to a
 * process in the same space. Another container sharing /tmp has its own namespace, and its runs' pids are
 * not ours to look up. Null where Linux's /proc does not say (then only the day rule removes a folder).
 */
export function processSpace(): string | null {
	try {
		const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
		return `${boot} ${readlinkSync('/proc/self/ns/pid')}`;
	} catch {
		return null;
	}
}

/** Whether process `pid` exists (one we may not signal exists too). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readOwner(dir: string): RunOwner | null {
	try {
		const owner = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as RunOwner;
		return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
	} catch {
		return null;
	}
}

/**
 * Whether the run folder `dir` belongs to a run that is over: not refreshed for a day (STALE_MS), or its
 * owner gone from this very process space. A folder without a readable owner file is not judged: it is
 * not a run's (or its run is between making it and writing the file).
 */
export function runIsOver(dir: string, now = Date.now(), space = processSpace()): boolean {
	const owner = readOwner(dir);
	if (owner === null) return false;
	let touched: number;
	try {
		touched = statSync(path.join(dir, OWNER_FILE)).mtimeMs;
	} catch {
		return false; // removed meanwhile (by its owner, or another run)
	}
	if (now - touched > STALE_MS) return true;
	return space !== null && owner.space === space && !alive(owner.pid);
}

/** A folder's entries; none when it is gone or not a folder. */
function readdirOrNone(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

/**
 * Removes the run folder `dir` and stops what a run may have left running on it first: a PostgreSQL
 * server (on removed files it keeps their disk space and memory until it exits) and tmux servers (their
 * sockets are in the folder: TMUX_TMPDIR).
 */
export function removeRunFolder(dir: string): void {
	for (const name of readdirOrNone(dir)) {
		const entry = path.join(dir, name);
		if (name.startsWith('fortnight-pg-')) stopLeftoverServer(entry);
		if (name.startsWith('tmux-')) {
			for (const socket of readdirOrNone(entry)) spawnSync('tmux', ['-S', path.join(entry, socket), 'kill-server'], {stdio: 'ignore'});
		}
	}
	rmSync(dir, {recursive: true, force: true, maxRetries: 3});
}

function ownedBy(dir: string, uid: number): boolean {
	try {
		return statSync(dir).uid === uid;
	} catch {
		return false;
	}
}

/** Removes this user's folders of runs that are over (runIsOver) in `base`; returns their paths. */
export function removeOverRunFolders(base: string, now = Date.now(), space = processSpace()): string[] {
	const removed: string[] = [];
	const me = process.getuid?.();
	for (const name of readdirSync(base)) {
		if (!name.startsWith(RUN_PREFIX)) continue;
		const dir = path.join(base, name);
		// Another user's folder is not ours to judge or remove: trying would fail every later run (REVIEW 8 D2).
		if (me !== undefined && !ownedBy(dir, me)) continue;
		if (!runIsOver(dir, now, space)) continue;
		try {
			removeRunFolder(dir);
			removed.push(dir);
		} catch (err) {
			// Said, not thrown: a folder that cannot be removed must not stop this run's tests.
			console.warn(`Could not remove an earlier test run's temporary folder ${dir}: ${(err as Error).message}`);
		}
	}
	return removed;
}

/**
 * Makes this run's folder in `base` with its owner file, kept fresh every minute until `end`. Mode 0711:
 * as root the PostgreSQL clusters in it belong to the `postgres` user, who must reach them
 * (test/helpers/postgres.ts) but has no need to list what else is there.
 */
export function makeRunFolder(base: string): {dir: string; end(): void} {
	const dir = mkdtempSync(path.join(base, RUN_PREFIX));
	chmodSync(dir, 0o711);
	const ownerFile = path.join(dir, OWNER_FILE);
	const owner: RunOwner = {pid: process.pid, space: processSpace(), started: new Date().toISOString()};
	writeFileSync(ownerFile, JSON.stringify(owner) + '\n');
	const heartbeat = setInterval(() => {
		const now = new Date();
		try {
			utimesSync(ownerFile, now, now);
		} catch {
			// The folder is gone (removed by hand): nothing left to keep.
		}
	}, HEARTBEAT_MS);
	heartbeat.unref();
	return {
		dir,
		end() {
			clearInterval(heartbeat);
			try {
				removeRunFolder(dir);
			} catch (err) {
				// Said, not thrown: every test has run and passed or failed already.
				console.warn(`Could not remove the test run's temporary folder ${dir}: ${(err as Error).message}`);
			}
		},
	};
}

const saved: Record<'TMPDIR' | 'TMUX_TMPDIR', string | undefined> = {TMPDIR: undefined, TMUX_TMPDIR: undefined};
let run: {dir: string; end(): void} | undefined;

/** vitest globalSetup: clears away runs that are over, then points this run's temporary files at its own folder. */
export function setup(): void {
	const base = os.tmpdir();
	removeOverRunFolders(base);
	run = makeRunFolder(base);
	for (const name of ['TMPDIR', 'TMUX_TMPDIR'] as const) {
		saved[name] = process.env[name];
		process.env[name] = run.dir;
	}
}

/** vitest globalTeardown: this run's folder goes, with whatever the tests left in it. */
export function teardown(): void {
	for (const name of ['TMPDIR', 'TMUX_TMPDIR'] as const) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	run?.end();
	run = undefined;
}
