/**
 * A short cross-process lock around re-read, compare, write, fsync and rename (never while a person is
 * typing). proper-lockfile uses an atomic mkdir, which also works on network shares, and refreshes the
 * lock's mtime so a crashed holder's lock goes stale and is taken over.
 *
 * The lock folder holds `owner.json` (pid, host, user, since), written as the folder is made and
 * removed with it, so a save that has to wait can say whose lock it waits for, and a lock nobody else
 * can remove can be explained (the store README, "Two users at once").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {safeText} from '../domain/safe-text.js';
import {userLabel} from './accounts.js';
import {StoreError} from './errors.js';
import {linkTargetNow} from './link-target.js';

export interface LockOptions {
	/** A lock not refreshed for this long is treated as left by a crashed process. */
	staleMs?: number;
	/** How long to keep trying before telling the user the store is busy. */
	waitMs?: number;
	/**
	 * Told what the save is waiting for (one sentence) once it has waited WAIT_NOTICE_MS, and null when
	 * the wait is over (lock taken or given up): the command line prints it, the desk shows it.
	 */
	onWait?: (message: string | null) => void;
}

/** Waits shorter than this are ordinary turn-taking between two saves and go unmentioned. */
export const WAIT_NOTICE_MS = 1000;

const OWNER_FILE = 'owner.json';

interface LockOwner {
	pid: number;
	host: string;
	user: string;
	since: string;
}

/** This process's user name, looked up once (it reads the password database), or '' when the uid has none. */
let userName: string | undefined;

function me(): LockOwner {
	if (userName === undefined) {
		try {
			userName = os.userInfo().username;
		} catch {
			// No name for this uid (a container): the uid on the lock folder still says who.
			userName = '';
		}
	}
	return {pid: process.pid, host: os.hostname(), user: userName, since: new Date().toISOString()};
}

/**
 * The file system proper-lockfile uses, with the owner file made inside the lock folder as soon as the
 * folder exists (before proper-lockfile reads the folder's mtime, so its refresh check still matches)
 * and removed just before the folder is (on release, on takeover of a stale lock, and at exit).
 */
const lockFs = {
	...fs,
	// Synchronous under the callbacks: the lock's few calls (make, stat, remove a folder of one small file)
	// take microseconds on a local disk, while each round trip to the thread pool waits for a free core
	// twice, which on a busy machine cost a save more than its writes (README "Benchmarks").
	mkdir(dir: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
		try {
			fs.mkdirSync(dir);
		} catch (err) {
			return process.nextTick(callback, err as NodeJS.ErrnoException);
		}
		// Best effort: a lock without its owner file is still a lock; waiting messages then say less.
		try {
			fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify(me()));
		} catch {
			// as above
		}
		process.nextTick(callback, null);
	},
	stat(file: string, callback: (err: NodeJS.ErrnoException | null, stat?: fs.Stats) => void): void {
		let st: fs.Stats;
		try {
			st = fs.statSync(file);
		} catch (err) {
			return process.nextTick(callback, err as NodeJS.ErrnoException);
		}
		process.nextTick(callback, null, st);
	},
	rmdir(dir: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
		try {
			lockFs.rmdirSync(dir);
		} catch (err) {
			return process.nextTick(callback, err as NodeJS.ErrnoException);
		}
		process.nextTick(callback, null);
	},
	rmdirSync(dir: string): void {
		try {
			fs.unlinkSync(path.join(dir, OWNER_FILE));
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
		}
		fs.rmdirSync(dir);
	},
};

const clock = (d: Date): string => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** What the lock folder says about its holder; anyone can write a file there, so it is bounded and made safe. */
async function ownerOf(lockDir: string): Promise<LockOwner | null> {
	try {
		const raw = await fs.promises.readFile(path.join(lockDir, OWNER_FILE), 'utf8');
		if (raw.length > 2000) return null;
		const v = JSON.parse(raw) as Partial<LockOwner>;
		if (!Number.isSafeInteger(v.pid) || typeof v.host !== 'string') return null;
		if (typeof v.since !== 'string' || Number.isNaN(Date.parse(v.since))) return null;
		const user = typeof v.user === 'string' ? safeText(v.user.slice(0, 64)) : '';
		return {pid: v.pid!, host: safeText(v.host.slice(0, 128)), user, since: v.since};
	} catch {
		return null;
	}
}

/** "pid 4242 on host desk-7, user carol, since 08:05", or what the folder itself shows, or null when it is gone. */
function holderText(owner: LockOwner | null, folder: fs.Stats | null): string | null {
	if (owner) {
		const user = owner.user ? `, user ${owner.user}` : '';
		return `pid ${owner.pid} on host ${owner.host}${user}, since ${clock(new Date(owner.since))}`;
	}
	return folder ? `made by ${userLabel(folder.uid)}` : null;
}

/** One sentence for a save that has waited: whose lock, since when, and when a stopped holder's lock is taken over. */
async function waitingMessage(target: string, staleMs: number): Promise<string> {
	const lockDir = `${target}.lock`;
	const [owner, folder] = await Promise.all([ownerOf(lockDir), fs.promises.stat(lockDir).catch(() => null)]);
	// The file's name only: the line has to fit the desk's status bar, and the user knows which store is open.
	const holder = holderText(owner, folder);
	const name = safeText(path.basename(target)); // printed straight to stderr, not through the CLI's error printer
	let message = `Waiting for the lock on ${name} held by another process${holder ? ` (${holder})` : ''}...`;
	const age = folder ? Date.now() - folder.mtimeMs : 0;
	// A live holder refreshes the lock every staleMs / 2; one that has not is probably gone.
	if (age > staleMs / 2 + 1000) {
		const seconds = Math.round(age / 1000);
		const limit = Math.round(staleMs / 1000);
		message += ` It was not refreshed for ${seconds} s, so its process has probably stopped; it is taken over once it is ${limit} s old.`;
	}
	return message;
}

/**
 * A lock that could not be made or removed. The one case worth explaining: another user's stale lock in
 * a folder with the sticky bit (mode 1777, like /tmp), where only that user, the folder's owner or an
 * administrator may remove it, so every save would fail the same way until someone does.
 */
async function lockRefused(target: string, code: string): Promise<StoreError> {
	const lockDir = `${target}.lock`;
	const [folder, parent, owner] = await Promise.all([
		fs.promises.lstat(lockDir).catch(() => null),
		fs.promises.stat(path.dirname(lockDir)).catch(() => null),
		ownerOf(lockDir),
	]);
	const sticky = parent !== null && (parent.mode & 0o1000) !== 0;
	const theirs = folder !== null && folder.uid !== process.getuid?.();
	if ((code === 'EPERM' || code === 'EACCES') && folder && sticky && theirs) {
		const who = userLabel(folder.uid);
		const named = owner ? ` (${holderText(owner, folder)})` : '';
		const mayRemove = `only ${who}, the folder's owner (${userLabel(parent.uid)}) or an administrator may remove it`;
		return new StoreError(
			'locked',
			`${lockDir} is a lock left by ${who}${named}, not refreshed since ${clock(folder.mtime)}, so the process that made it ` +
				`has stopped; but this folder is shared with the sticky bit (like /tmp), so ${mayRemove}. ` +
				`Nothing was saved: ask one of them to remove it (rm -r '${lockDir}'), then try again.`,
			target,
		);
	}
	const what = `${lockDir} could not be made or removed`;
	return new StoreError('locked', `Could not lock ${target} (${code}): ${what}; check the folder is writable.`, target);
}

export async function withLock<T>(file: string, options: LockOptions = {}, body: (assertHeld: () => void) => Promise<T>): Promise<T> {
	// Keyed on the real file, not a link to it: whoever reaches it by whichever path takes the same lock.
	const target = await linkTargetNow(file).catch(() => file);
	const staleMs = options.staleMs ?? 10_000;
	const waitMs = options.waitMs ?? 15_000;
	let compromised: Error | null = null;
	let release: () => Promise<void>;
	const started = Date.now();
	let told = false;
	const waited = () => {
		if (told) options.onWait?.(null);
		told = false;
	};
	for (;;) {
		try {
			release = await lockfile.lock(target, {
				stale: staleMs,
				update: Math.max(1000, Math.floor(staleMs / 2)),
				realpath: false,
				retries: 0,
				fs: lockFs,
				onCompromised: err => {
					// Another process took our lock over (we stalled past the stale time): abort the write.
					compromised = err;
				},
			});
			break;
		} catch (err) {
			const code = (err as NodeJS.ErrnoException).code ?? 'error';
			if (code !== 'ELOCKED') {
				waited();
				throw await lockRefused(target, code);
			}
			if (Date.now() - started > waitMs) {
				waited();
				throw new StoreError(
					'locked',
					`${file} is locked by another fortnight that is saving; nothing was lost. Try again in a moment.`,
					file,
				);
			}
			if (!told && options.onWait && Date.now() - started >= WAIT_NOTICE_MS) {
				told = true;
				options.onWait(await waitingMessage(target, staleMs));
			}
			await new Promise(r => setTimeout(r, 20 + Math.random() * 60));
		}
	}
	waited();
	try {
		return await body(() => {
			if (compromised) {
				throw new StoreError(
					'locked',
					`Lost the lock on ${file} to another process, so this save was abandoned; nothing was overwritten. Try again.`,
					file,
				);
			}
		});
	} finally {
		await release!().catch(() => {});
	}
}
