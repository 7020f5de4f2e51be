/**
 * Checked once (store README, "Checked once"). When this user's fortnight has found a state file's exact
 * bytes valid, on a load or because it wrote them itself, it keeps a receipt in the user's own cache
 * folder (`$XDG_CACHE_HOME/fortnight/checked/`, else `~/.cache/fortnight/checked/`; folder 0700, files
 * 0600): per store (its real path, hashed), the SHA-256 of those bytes and of the checks themselves. A
 * load whose bytes hash the same is parsed but not checked again (the guard pass, the schema and the
 * references); any other bytes, or a fortnight whose checks differ, are checked in full. A receipt holds
 * hashes only, no store content, and a hostile store cannot forge one: it would need bytes with the hash
 * of a valid store, or to write in this user's own cache folder. So a receipt is read (or written) only
 * in a folder that is this user's own: lstat'ed as a directory (not a link), owned by this user, with no
 * permission for group or others; any other folder (a shared XDG_CACHE_HOME, a world-writable /tmp one) is
 * passed over in silence and the store checked in full (REVIEW-9 N6). `verify`, the audit, takes no receipt
 * at all (withoutReceipts).
 */
import {createHash, randomBytes} from 'node:crypto';
import {lstatSync, mkdirSync, promises as fsp, readFileSync, renameSync, unlinkSync, writeFileSync, type Stats} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ChunkedBytes} from './serialize.js';

/** The modules whose code decides what is valid: a receipt made by other checks is not taken. */
export const DECIDING = [
	// What decides whether a store is valid: the guard, the parse and migration, the schema and history checks.
	'guard',
	'validate',
	'validate-history',
	'utf8',
	'migrate',
	'migrate-history',
	'parse',
	'load-text',
	// The journal's replay decides what a receipt for its last line vouches for (journal-file.ts).
	'journal',
	'journal-file',
	'../domain/model',
	// What a PostgreSQL read hashes, and builds the team's data from (pg-store.ts "readTeam").
	'pg-data',
	// The plain values the schema is built from (MAX_TEXT, RANKS, RISKS, SCHEMA_VERSION...).
	'../domain/model-values',
	'../domain/dates',
	'../domain/date-patterns',
];

/**
 * What a receipt is keyed on: the deciding modules and everything they import (test/store/receipts-checks.test.ts
 * holds the list to it), since a change in any of them may change what they decide.
 */
export const CHECKS = [
	...DECIDING,
	'../domain/case-history',
	'../domain/chain-working-set',
	'../domain/crime-ref',
	'../domain/history-seed',
	'../domain/list-edits',
	'../domain/safe-text',
	'../domain/team-history',
	'accounts',
	'atomic-write',
	'errors',
	'file-system',
	'json-syntax',
	'link-target',
	'ownership',
	'pg-no-team',
	'receipts',
];

export function receiptsFolder(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CACHE_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
	return path.join(base, 'fortnight', 'checked');
}

let checksKey: Promise<string | null> | undefined;

/** SHA-256 of the checking modules' code (the built .js, or the .ts under the tests); null turns receipts off. */
function checks(): Promise<string | null> {
	checksKey ??= Promise.resolve().then(() => {
		// Read synchronously, once a process: 31 small files of fortnight's own install, a few hundred
		// microseconds of system calls, where reading them through the thread pool (four round trips a file)
		// cost twice the CPU time (4.5 against 2.1 ms; issue 18). Queued after the caller's own I/O starts.
		const hash = createHash('sha256');
		for (const name of CHECKS) {
			const code = readModule(name);
			if (code === null) return null;
			hash.update(code);
		}
		return hash.digest('hex');
	});
	return checksKey;
}

function readModule(name: string): Buffer | null {
	for (const ext of ['js', 'ts']) {
		try {
			return readFileSync(new URL(`${name}.${ext}`, import.meta.url));
		} catch {
			// not built this way: the next extension, or receipts off
		}
	}
	return null;
}

/** SHA-256 (hex) of a state file's bytes. */
export function contentHash(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** `bytes` as written, hashed on the way (one pass): what a save records a receipt for. */
export function hashing(bytes: ChunkedBytes): {bytes: ChunkedBytes; digest: () => string} {
	const hash = createHash('sha256');
	let digest: string | undefined;
	return {
		bytes: {
			chunks: function* () {
				for (const chunk of bytes.chunks()) {
					hash.update(chunk);
					yield chunk;
				}
			},
		},
		digest: () => (digest ??= hash.digest('hex')),
	};
}

function receiptFile(realFile: string): string {
	return path.join(receiptsFolder(), createHash('sha256').update(realFile).digest('hex').slice(0, 32));
}

/** Reads running inside withoutReceipts: while any is, no receipt is taken. */
let audits = 0;

/**
 * Runs `read` taking no receipt: every check runs in full whatever the cache folder holds. `verify` is the
 * audit, and must never vouch for a store on a receipt's word (REVIEW-9 N6). Receipts found valid are still
 * written. Any other read in this process meanwhile is checked in full too (the safe side).
 */
export async function withoutReceipts<T>(read: () => Promise<T>): Promise<T> {
	audits++;
	try {
		return await read();
	} finally {
		audits--;
	}
}

/**
 * True when `dir` may hold receipts: a directory itself (lstat: not a link to one), owned by this user,
 * with no group or other permission bits. Where the user cannot be told (no getuid), never.
 */
export function isOwnFolder(stat: Stats | null): boolean {
	const uid = process.getuid?.();
	return stat !== null && uid !== undefined && stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0;
}

const folderStat = (dir: string) => fsp.lstat(dir).catch(() => null);

/** True when `realFile`'s bytes with hash `hash` were found valid by these very checks. Never throws. */
export async function hasReceipt(realFile: string, hash: string): Promise<boolean> {
	return (await receiptOf(realFile))(hash);
}

/**
 * hasReceipt in two halves, so that the receipt is read while the store is (issue 18): the receipt of
 * `realFile` is read now, and the test returned compares it with a hash once there is one. Never throws.
 */
export async function receiptOf(realFile: string): Promise<(hash: string) => boolean> {
	if (audits > 0) return () => false;
	const file = receiptFile(realFile);
	const [key, text, folder] = await Promise.all([checks(), fsp.readFile(file, 'utf8').catch(() => ''), folderStat(path.dirname(file))]);
	const trusted = key !== null && isOwnFolder(folder);
	return hash => trusted && text === `${key} ${hash}\n`;
}

/**
 * Records that `realFile`'s bytes with hash `hash` are valid (replacing its receipt). Best effort: never
 * throws. Written synchronously (a save writes one every time): three calls on a file of a hundred bytes
 * take microseconds, where a round trip each to the thread pool waits for a free core (README "Benchmarks").
 */
export async function writeReceipt(realFile: string, hash: string): Promise<void> {
	const key = await checks();
	if (key === null) return;
	const file = receiptFile(realFile);
	const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	const write = () => writeFileSync(tmp, `${key} ${hash}\n`, {mode: 0o600, flag: 'wx'});
	try {
		// The folder is made once a process, and again if it went meanwhile; one that is not this user's own is left alone.
		if (!madeFolders.has(path.dirname(file))) makeFolder(path.dirname(file));
		if (!madeFolders.has(path.dirname(file))) return;
		try {
			write();
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
			makeFolder(path.dirname(file));
			if (!madeFolders.has(path.dirname(file))) return;
			write();
		}
		renameSync(tmp, file);
	} catch {
		try {
			unlinkSync(tmp);
		} catch {
			// never made
		}
	}
}

/** Receipt folders this process has made (or found). */
const madeFolders = new Set<string>();

function makeFolder(dir: string): void {
	mkdirSync(dir, {recursive: true, mode: 0o700});
	let stat: Stats | null = null;
	try {
		stat = lstatSync(dir);
	} catch {
		// gone again: not written this time
	}
	if (isOwnFolder(stat)) madeFolders.add(dir);
	else madeFolders.delete(dir);
}
