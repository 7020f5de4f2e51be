/**
 * Durable replace of a whole file: write a uniquely named temp file beside it, fsync, rename over the
 * target, fsync the folder. A crash at any moment leaves either the old file or the new one, never a
 * mix. Temp names are ".<file>.<pid>.<12 hex>.tmp", so nothing ever reads one as data, and leftovers
 * from killed writers are recognisable and swept (only when older than a minute: a younger one may
 * belong to another fortnight writing right now).
 *
 * On a shared drive (the store README, "Sharing a folder"): a symbolic link is written through (the temp
 * file and the rename are in the folder of the file it names, so the link stays a link); a file with a
 * second hard link is refused, since the rename would split the names; the file it replaces keeps its
 * owner and group (ownership.ts).
 */
import {randomBytes} from 'node:crypto';
import {promises as fsp, type Stats} from 'node:fs';
import path from 'node:path';
import {StoreError} from './errors.js';
import {realFs, type WriteFs} from './file-system.js';
import {hardLinkProblem, linkTarget} from './link-target.js';
import {keepOwnership} from './ownership.js';
import type {ChunkedBytes} from './serialize.js';

export function tempNameFor(file: string): string {
	const dir = path.dirname(file);
	const base = path.basename(file);
	return path.join(dir, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for a temp file name this module makes for `file` (used to sweep leftovers from killed writers). */
export function isTempFor(file: string, candidate: string): boolean {
	const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(file))}\\.\\d+\\.[0-9a-f]{12}\\.tmp$`);
	return pattern.test(path.basename(candidate));
}

/** Temp files older than this are left by a crashed writer; younger ones may be in use. */
export const STALE_TEMP_MS = 60_000;

/** Removes our temp files for `file` older than `olderThanMs`; returns the names removed. Never throws. */
export async function sweepTempFiles(file: string, olderThanMs = STALE_TEMP_MS, now = Date.now()): Promise<string[]> {
	// Temp files are made beside the file a link names (see writeFileAtomic).
	file = await linkTarget(file).catch(() => file);
	const dir = path.dirname(file);
	const removed: string[] = [];
	let names: string[];
	try {
		names = await fsp.readdir(dir);
	} catch {
		return removed;
	}
	for (const name of names) {
		if (!isTempFor(file, name)) continue;
		const full = path.join(dir, name);
		try {
			const st = await fsp.lstat(full);
			if (!st.isFile() || now - st.mtimeMs < olderThanMs) continue;
			await fsp.unlink(full);
			removed.push(name);
		} catch {
			// Gone already, or not ours to remove: leave it.
		}
	}
	return removed;
}

export interface AtomicWriteOptions {
	/** Called after the data is on disk and just before the rename that publishes it; throw to abandon the write. */
	beforeCommit?: () => void;
	/** A new file (none at `file` yet) gets this file's owner and group: a store's chain file takes its state file's. */
	ownerFrom?: Stats | null;
	/**
	 * The most bytes the file may hold: writing stops once it is passed and `tooLarge()` is thrown, the temp
	 * file removed and nothing renamed (a store fortnight could not open again is never written).
	 */
	maxBytes?: number;
	tooLarge?: () => Error;
}

/**
 * Thrown when everything up to the rename succeeded but the folder fsync failed: the new file IS in
 * place (other users see it), only its durability across a power cut is unconfirmed. Callers must not
 * treat this as "not saved", or a retry would apply the same change twice.
 */
export class SavedButNotSynced extends Error {
	constructor(override readonly cause: unknown) {
		super('saved, but the folder could not be synced');
	}
}

/**
 * Replaces `file` durably with `data` at `mode`, writing through a symbolic link. Throws StoreError
 * 'hard-link' (the file has other names) or 'permission' (its owner and group could not be kept)
 * before anything is renamed; file-system errors as they come; SavedButNotSynced after the rename.
 */
export async function writeFileAtomic(
	file: string,
	data: string | Uint8Array | ChunkedBytes,
	mode: number,
	fs: WriteFs = realFs,
	options: AtomicWriteOptions = {},
): Promise<void> {
	const target = await linkTarget(file);
	const original = await fsp.stat(target).catch((err: NodeJS.ErrnoException) => {
		if (err.code === 'ENOENT') return null;
		throw err;
	});
	const linked = original?.isFile() ? hardLinkProblem(file, original.nlink) : null;
	if (linked) throw new StoreError('hard-link', linked, file);
	const tmp = tempNameFor(target);
	let created = false;
	try {
		// 'wx': fail rather than follow or reuse anything already at the temp path.
		const handle = await fs.open(tmp, 'wx', mode);
		created = true;
		try {
			const max = options.maxBytes ?? Infinity;
			let written = 0;
			const within = (bytes: number) => {
				written += bytes;
				if (written > max) throw options.tooLarge?.() ?? new Error(`${file} would pass ${max} bytes`);
			};
			if (typeof data === 'string' || data instanceof Uint8Array) {
				within(typeof data === 'string' ? Buffer.byteLength(data) : data.length);
				await fs.write(handle, data);
			}
			// Each chunk is written before the next is made (the serializer reuses its buffer).
			else
				for (const chunk of data.chunks()) {
					within(chunk.length);
					await fs.write(handle, chunk);
				}
			// A shared file stays its owner's and its group's, or the save is refused here, before the rename.
			const owner = original ?? options.ownerFrom;
			if (owner?.isFile()) await keepOwnership(handle, owner, mode, file, fs);
			await fs.sync(handle);
		} finally {
			await fs.close(handle);
		}
		// The process umask may have narrowed `mode` at open; set it exactly so 0600 stays 0600.
		await fs.chmod(tmp, mode);
		options.beforeCommit?.();
		await fs.rename(tmp, target);
		created = false;
	} catch (err) {
		if (created) await fs.unlink(tmp).catch(() => {});
		throw err;
	}
	try {
		await fs.syncDir(path.dirname(target));
	} catch (err) {
		throw new SavedButNotSynced(err);
	}
}
