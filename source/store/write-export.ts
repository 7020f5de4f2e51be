/**
 * The one way fortnight writes an export (a handover, the review log, a generated store) to a path the
 * user named or the desk chose (README "Exports and --out"). An export never destroys data:
 * - never the current store's own files: the store, its welfare and pending-welfare files, their locks,
 *   the store's backups or anyone's temp files of them, whether named directly or reached through a
 *   symbolic or hard link (same device and inode);
 * - an existing regular file only when asked (`force`), then atomically (temp, fsync, rename) with its
 *   mode and, where permitted, its owner kept;
 * - a device, FIFO or socket (`/dev/null`, a pipe), or "-" for standard output, is written into, never
 *   renamed over or chmodded: renaming a file over /dev/null as root breaks every program on the machine;
 * - a new file appears whole or not at all, with the mode asked for, and never over a file that appeared
 *   meanwhile (published with link(), which fails rather than replaces).
 */
import {constants, promises as fsp, type Stats} from 'node:fs';
import path from 'node:path';
import {safeText} from '../domain/safe-text.js';
import {isTempFor, tempNameFor} from './atomic-write.js';
import {chainPathFor, journalPathFor} from './chain-path.js';
import {describeFsError, StoreError} from './errors.js';
import {realFs} from './file-system.js';
import type {ChunkedBytes} from './serialize.js';
import {welfareDraftsPathFor, welfarePathFor} from './welfare-paths.js';

/** Why an export was refused: the path is one of the store's own files, already exists, or is not a file. */
export type ExportRefusal = 'store-file' | 'exists' | 'not-a-file';

/** An export refused before anything was written (the CLI exits 2: the path given is the problem). */
export class ExportRefused extends Error {
	override readonly name = 'ExportRefused';
	constructor(
		message: string,
		readonly reason: ExportRefusal,
		readonly file: string,
	) {
		super(message);
	}
}

export interface ExportOptions {
	/** Mode of a new file, set exactly (the umask does not narrow or widen it). */
	mode: number;
	/** The current store: none of its files is ever written, whatever the path or link leading to it. */
	storeFile?: string;
	/** Replace an existing regular file (atomically; its mode and owner are kept). */
	force?: boolean;
	/** Health information: a replaced file gets `mode` too, never the wider mode it had. */
	sensitive?: boolean;
	/** Where "-" writes; without it "-" is refused. */
	stdout?: NodeJS.WritableStream;
	/** Only a regular file will do ("-" and devices refused): a generated store must be a file. */
	regularOnly?: boolean;
}

export interface ExportWritten {
	/** What was written: standard output, a new file, a replaced file, or into a device, FIFO or socket. */
	kind: 'stdout' | 'created' | 'replaced' | 'device';
	/** The absolute path written, or "-". */
	file: string;
	/** The file's mode afterwards (created or replaced). */
	mode?: number;
}

type Content = string | Uint8Array | ChunkedBytes;

/** Writes `content` to `target` by the rules above; throws ExportRefused (nothing written) or StoreError. */
export async function writeExport(target: string, content: Content, options: ExportOptions): Promise<ExportWritten> {
	const plan = await planExport(target, options);
	switch (plan.kind) {
		case 'stdout':
			await writeStdout(content, options.stdout!);
			return {kind: 'stdout', file: '-'};
		case 'device':
			await writeInto(plan.file, content);
			return {kind: 'device', file: plan.file};
		case 'replaced': {
			const real = await fsp.realpath(plan.file).catch(err => {
				throw exportFsError(err, plan.file);
			});
			const mode = options.sensitive ? options.mode : plan.stat.mode & 0o777;
			await publish(real, content, mode, {uid: plan.stat.uid, gid: plan.stat.gid});
			return {kind: 'replaced', file: plan.file, mode};
		}
		case 'created':
			await publish(plan.file, content, options.mode, null);
			return {kind: 'created', file: plan.file, mode: options.mode};
	}
}

/**
 * The same refusals as writeExport, with nothing written: for a command to give its answer before
 * slow work (generating a large store) or a question (confirming welfare notes).
 */
export async function checkExport(target: string, options: ExportOptions): Promise<void> {
	await planExport(target, options);
}

type Plan =
	{kind: 'stdout'} | {kind: 'device'; file: string} | {kind: 'replaced'; file: string; stat: Stats} | {kind: 'created'; file: string};

async function planExport(target: string, options: ExportOptions): Promise<Plan> {
	if (target === '-') {
		if (!options.stdout || options.regularOnly) {
			throw new ExportRefused('"-" (standard output) cannot be used here; nothing was written. Give a file name.', 'not-a-file', '-');
		}
		return {kind: 'stdout'};
	}
	const file = path.resolve(target);
	const link = await statOrNull(file, true);
	const st = await statOrNull(file, false);
	if (options.storeFile) await refuseStoreFiles(file, st, options.storeFile);
	const shown = safeText(file);
	if (link && !st) {
		throw new ExportRefused(
			`${shown} is a link to nothing that exists; nothing was written. Choose another file name.`,
			'not-a-file',
			file,
		);
	}
	if (st?.isDirectory()) throw new ExportRefused(`${shown} is a folder; nothing was written. Give a file name.`, 'not-a-file', file);
	if (st && !st.isFile()) {
		if (options.regularOnly) {
			throw new ExportRefused(
				`${shown} is a device, pipe or socket, not a file; nothing was written. Give a file name.`,
				'not-a-file',
				file,
			);
		}
		return {kind: 'device', file};
	}
	if (st) {
		if (!options.force) throw new ExportRefused(`${shown} already exists; it was not replaced.`, 'exists', file);
		return {kind: 'replaced', file, stat: st};
	}
	return {kind: 'created', file};
}

/** The store's family: each file, and what to call it in a refusal. */
function familyOf(store: string): {file: string; what: string}[] {
	return [
		{file: store, what: 'the store'},
		{file: chainPathFor(store), what: "the store's review chain file"},
		{file: journalPathFor(store), what: "the store's journal"},
		{file: welfarePathFor(store), what: "the store's welfare notes file"},
		{file: welfareDraftsPathFor(store), what: "the store's pending welfare notes file"},
	];
}

/** What `candidate` is to the store at `store` (by name), or null when it is none of its files. */
function nameIn(candidate: string, store: string): string | null {
	for (const {file, what} of familyOf(store)) {
		if (candidate === file) return what;
		const lock = `${file}.lock`;
		if (candidate === lock || path.dirname(candidate) === lock) return `the lock of ${what}`;
		if (path.dirname(candidate) === path.dirname(file) && isTempFor(file, candidate)) return `a temporary file of ${what}`;
	}
	const backup = `${path.basename(store)}.bak-v`;
	const name = path.basename(candidate);
	const sameFolder = path.dirname(candidate) === path.dirname(store);
	if (sameFolder && name.startsWith(backup) && /^\d+$/.test(name.slice(backup.length))) return 'a backup of the store';
	return null;
}

/** The spellings of one path: as given, with its folder's links resolved, and fully resolved. */
async function spellings(file: string): Promise<string[]> {
	const names = [file];
	const dir = await fsp.realpath(path.dirname(file)).catch(() => null);
	if (dir) names.push(path.join(dir, path.basename(file)));
	const real = await fsp.realpath(file).catch(() => null);
	if (real) names.push(real);
	return [...new Set(names)];
}

/** Refuses `file` when it is, by name or by identity (a symbolic or hard link), one of the store's files. */
async function refuseStoreFiles(file: string, st: Stats | null, storeFile: string): Promise<void> {
	const stores = await spellings(path.resolve(storeFile));
	const refuse = (what: string, via: string, hardLink = false): never => {
		const link = via === file ? '' : ` (${hardLink ? 'a hard link to' : 'it leads to'} ${safeText(via)})`;
		const sentence = `${safeText(file)} is ${what}${link}; an export never replaces it, so nothing was written. Choose another file name.`;
		throw new ExportRefused(sentence, 'store-file', file);
	};
	for (const name of await spellings(file)) {
		for (const store of stores) {
			const what = nameIn(name, store);
			if (what) refuse(what, name);
		}
	}
	if (!st) return;
	// A hard link has a name of its own: only the device and inode tell it is the same file.
	for (const store of stores) {
		const dir = path.dirname(store);
		const names = await fsp.readdir(dir).catch(() => [] as string[]);
		for (const name of names) {
			const full = path.join(dir, name);
			const what = nameIn(full, store);
			if (!what) continue;
			const other = await statOrNull(full, false);
			if (other && other.dev === st.dev && other.ino === st.ino) refuse(what, full, true);
		}
	}
}

async function statOrNull(file: string, link: boolean): Promise<Stats | null> {
	try {
		return link ? await fsp.lstat(file) : await fsp.stat(file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return null;
		throw exportFsError(err, file);
	}
}

/**
 * Temp file beside the target, fsync, exact mode (and the replaced file's owner where permitted), then
 * rename over the old file, or link() to a new name (fails with EEXIST rather than replace a file
 * that appeared meanwhile), then fsync the folder.
 */
async function publish(file: string, content: Content, mode: number, owner: {uid: number; gid: number} | null): Promise<void> {
	const tmp = tempNameFor(file);
	let created = false;
	try {
		const handle = await realFs.open(tmp, 'wx', mode);
		created = true;
		try {
			await writeContent(handle, content);
			await realFs.sync(handle);
		} finally {
			await realFs.close(handle);
		}
		if (owner) await keepOwner(tmp, owner);
		await realFs.chmod(tmp, mode);
		if (owner) {
			await realFs.rename(tmp, file);
			created = false;
		} else {
			await linkNew(tmp, file);
		}
	} catch (err) {
		if (err instanceof ExportRefused) throw err;
		throw exportFsError(err, file);
	} finally {
		if (created) await realFs.unlink(tmp).catch(() => {});
	}
	// The file is in place and whole; a folder that cannot be synced (some network shares) only leaves
	// its durability across a power cut unconfirmed, as for the store (README "Where the store lives").
	await realFs.syncDir(path.dirname(file)).catch(() => {});
}

/** Publishes `tmp` as the new name `file` without ever replacing a file already there. */
async function linkNew(tmp: string, file: string): Promise<void> {
	try {
		await fsp.link(tmp, file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') throw appeared(file);
		// File systems without hard links (FAT, some network shares): a rename, after one last look.
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw err;
		if (await statOrNull(file, true)) throw appeared(file);
		await realFs.rename(tmp, file);
	}
}

function appeared(file: string): ExportRefused {
	return new ExportRefused(`${safeText(file)} appeared while the export was being written; it was not replaced.`, 'exists', file);
}

/** The replaced file's owner and group on the new one: possible as root, or for a group the user is in. */
async function keepOwner(tmp: string, owner: {uid: number; gid: number}): Promise<void> {
	try {
		await fsp.chown(tmp, owner.uid, owner.gid);
	} catch {
		try {
			await fsp.chown(tmp, -1, owner.gid);
		} catch {
			// Not permitted: the new file is the user's own, as any file they write.
		}
	}
}

/** Into a device, FIFO or socket as it is: opened for writing without create or truncate, never renamed over. */
async function writeInto(file: string, content: Content): Promise<void> {
	let handle: fsp.FileHandle | undefined;
	try {
		handle = await fsp.open(file, constants.O_WRONLY);
		// Replaced by a regular file between the look and the open: that file needs --force, never an overwrite in place.
		if ((await handle.stat()).isFile()) {
			throw new ExportRefused(`${safeText(file)} changed into a regular file; it was not written.`, 'exists', file);
		}
		await writeContent(handle, content);
	} catch (err) {
		if (err instanceof ExportRefused) throw err;
		throw exportFsError(err, file);
	} finally {
		await handle?.close().catch(() => {});
	}
}

async function writeContent(handle: fsp.FileHandle, content: Content): Promise<void> {
	if (typeof content === 'string' || content instanceof Uint8Array) await realFs.write(handle, content);
	// Each chunk is written before the next is made (the serializer reuses its buffer).
	else for (const chunk of content.chunks()) await realFs.write(handle, chunk);
}

async function writeStdout(content: Content, stream: NodeJS.WritableStream): Promise<void> {
	const write = (piece: string | Uint8Array): Promise<void> =>
		new Promise(resolve => {
			if (stream.write(piece)) resolve();
			else stream.once('drain', () => resolve());
		});
	if (typeof content === 'string' || content instanceof Uint8Array) await write(content);
	// A chunk's buffer is reused for the next one, and a stream may hold on to what it was given: copy.
	else for (const chunk of content.chunks()) await write(Buffer.from(chunk));
}

/** A failed write as one sentence about the export's path (not the store's: no "--store" advice here). */
function exportFsError(err: unknown, file: string): StoreError {
	if (err instanceof StoreError) return err;
	const code = (err as NodeJS.ErrnoException)?.code;
	const shown = safeText(file);
	if (code === 'ENOENT' || code === 'ENOTDIR') {
		return new StoreError('not-found', `The folder for ${shown} does not exist; nothing was written. Create it or choose another.`, file);
	}
	if (code === 'EACCES' || code === 'EPERM') {
		return new StoreError('permission', `Permission denied writing ${shown}; nothing was written. Choose a folder you can write to.`, file);
	}
	if (code === 'EISDIR') return new StoreError('invalid', `${shown} is a folder; nothing was written. Give a file name.`, file);
	return describeFsError(err, shown, 'writing');
}
