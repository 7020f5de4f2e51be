/**
 * The one store interface the rest of fortnight sees: load a snapshot, apply a change, notice outside
 * changes. lowdb's Low holds the data; our adapter does the reading (validated) and the writing
 * (locked, revision-checked, durable). No lowdb type leaks out of this folder, so a server database
 * could take the JSON file's place behind the same interface.
 */
import {constants, promises as fsp} from 'node:fs';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import type {StoreData} from '../domain/model.js';
import {SCHEMA_VERSION} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {SavedButNotSynced, sweepTempFiles, writeFileAtomic} from './atomic-write.js';
import {entryFieldProblem, hashEntry, verifyChain, type ChainProblem} from './chain.js';
import {verifySignatures} from './signatures.js';
import {describeChanges, diffStores, findClash, type ClashSurface} from './conflict.js';
import {describeFsError, StoreError} from './errors.js';
import {checkJsonLimits, dropProtoKeys} from './guard.js';
import {describePosition, findJsonSyntaxError} from './json-syntax.js';
import {firstInvalidUtf8, isUtf8, lineOfByte} from './utf8.js';
import {realFs, type WriteFs} from './file-system.js';
import {hardLinkProblem, linkTarget} from './link-target.js';
import {withLock, type LockOptions} from './lock.js';
import {migrate} from './migrate.js';
import {storeBytes} from './serialize.js';
import {validateStore} from './validate.js';
import {writeExport, type ExportOptions, type ExportWritten} from './write-export.js';
import {welfareDraftsPathFor} from './welfare-drafts.js';
import {welfarePathFor} from './welfare-file.js';

/** Files larger than this are refused before parsing, so a runaway file cannot hang the desk. */
export const MAX_STORE_BYTES = 1024 * 1024 * 1024;

/** A pure change: takes the freshest data, returns the next data (never mutates its argument). */
export type Change = (data: StoreData) => StoreData;

export interface ApplyResult {
	/** True when another process had written the store first and this change was re-applied on top. */
	merged: boolean;
	revision: number;
	/** What the other user(s) had changed, when merged (short labels such as "case 24/1234/26"). */
	othersChanged?: string[];
	/**
	 * Set when the change IS saved and visible to everyone, but the drive did not confirm it durable
	 * (the folder fsync failed). One sentence for the status bar; do not retry the change.
	 */
	warning?: string;
}

/** What identifies one version of the file on disk without reading it. */
export interface FileSignature {
	size: number;
	mtimeMs: number;
	ino: number;
}

export interface OpenOptions {
	/** Open without ever writing (also chosen automatically when the file or folder is not writable). */
	readOnly?: boolean;
	fs?: WriteFs;
	lock?: LockOptions;
	/** Clock for updatedAt; tests fix it. */
	now?: () => Date;
	/** Who reads the store's messages: the desk (the default: "Reload ...") or a command ("run the command again"). */
	surface?: ClashSurface;
}

export interface Store {
	readonly file: string;
	/** True when saving is impossible: opened read-only, file or folder not writable, or a save hit a read-only file system. */
	readonly readOnly: boolean;
	/** Why the store is read-only, in one sentence for a banner, or null. */
	readonly readOnlyReason: string | null;
	/** The current data. Treat as immutable: change it only through apply(). */
	snapshot(): StoreData;
	/**
	 * Applies `change` under the cross-process lock to the freshest data on disk, validates the result,
	 * bumps the revision and writes it durably. The lock is held only for this call, never while a
	 * person is typing. When another user saved in between, the change is re-run on their data if the
	 * two do not touch the same field (merged: true); otherwise it throws StoreError 'conflict' naming
	 * what they changed. Throws StoreError; on any error the in-memory snapshot is unchanged, and for a
	 * failed write the error's `unsaved` holds the data that could not be saved.
	 */
	apply(change: Change): Promise<ApplyResult>;
	/**
	 * True when the file on disk is no longer the version this instance shows (another user saved, or
	 * the file was replaced or removed). Costs one stat() and never reads the file, so the desk can poll
	 * it every few seconds to show "changed by another user" in the status bar, then call reload().
	 */
	changedOnDisk(): Promise<boolean>;
	/** Re-reads the file (after changedOnDisk), returning the new snapshot. */
	reload(): Promise<StoreData>;
	/** Writes `data` (default: the snapshot) to a new file elsewhere, e.g. when this store cannot be saved. Refuses to overwrite. */
	saveCopy(file: string, data?: StoreData): Promise<void>;
	/**
	 * Calls `listener` with one sentence when a save has waited over a second for the lock (whose lock,
	 * since when; lock.ts), and with null when the wait is over, for the desk's status bar. Returns the
	 * unsubscribe function. Optional: a store without file locks has nothing to wait for.
	 */
	onLockWait?(listener: (message: string | null) => void): () => void;
}

export {serialize, serializeBytes} from './serialize.js';
export {checkExport, ExportRefused, writeExport, type ExportOptions, type ExportRefusal, type ExportWritten} from './write-export.js';

/** Reads, parses, migrates and validates a store file, or throws a StoreError that names the file. */
export async function readStoreFile(file: string): Promise<{data: StoreData; signature: FileSignature; migratedFrom: number | null; raw: string}> {
	let handle: fsp.FileHandle | undefined;
	let stat;
	let bytes: Buffer | undefined;
	try {
		// Only a regular file is read: opening a FIFO waits for a writer and a device such as /dev/zero never
		// ends, so either would hang every command. Checked before opening, and again on the open handle
		// (opened non-blocking, so a FIFO swapped in between cannot hang the open itself).
		refuseIrregular(await fsp.stat(file), file);
		// One open handle for stat and read: if another writer renames a new version in meanwhile, we
		// still read the version the signature describes (the handle keeps the old inode).
		handle = await fsp.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
		stat = await handle.stat();
		refuseIrregular(stat, file);
		if (stat.size > MAX_STORE_BYTES) {
			throw new StoreError('too-large', `${file} is ${Math.round(stat.size / 1e6)} MB, over the 1 GB limit; it is not a fortnight store or needs splitting by team.`, file);
		}
		bytes = await handle.readFile();
	} catch (err) {
		if (err instanceof StoreError) throw err;
		throw describeFsError(err, file, 'reading');
	} finally {
		await handle?.close().catch(() => {});
	}
	const raw = decodeStoreBytes(bytes!, file);
	bytes = undefined; // the text is all that is needed now: let the collector have the bytes during parsing
	const {data, migratedFrom} = loadStoreText(raw, file);
	return {data, signature: signatureOf(stat), migratedFrom, raw};
}

/**
 * The file's bytes as text, refusing anything that is not UTF-8 (a save would turn it into U+FFFD and
 * break the signed entry holding it; see utf8.ts) and a file longer than a string can be.
 */
function decodeStoreBytes(bytes: Buffer, file: string): string {
	if (!isUtf8(bytes)) {
		const at = firstInvalidUtf8(bytes);
		throw new StoreError(
			'malformed',
			`${file} is not UTF-8 text: byte ${at} (line ${lineOfByte(bytes, at)}) is not valid UTF-8. The file was not read (saving would replace that byte ` +
				'and break any signed review holding it); restore a backup, or convert the file to UTF-8.',
			file,
		);
	}
	try {
		return bytes.toString('utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw describeFsError(err, file, 'reading');
		throw new StoreError('too-large', `${file} is ${Math.round(bytes.length / 1e6)} MB, more text than fortnight can read at once (about 500 MB); split the team's store.`, file);
	}
}

/** Throws StoreError 'invalid' unless `stat` is a regular file (a folder, FIFO, device or socket is refused). */
function refuseIrregular(stat: {isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean}, file: string): void {
	if (stat.isFile()) return;
	if (stat.isDirectory()) throw new StoreError('invalid', `${file} is a folder, not a store file. Point --store at a .json file.`, file);
	const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device';
	throw new StoreError('invalid', `${file} is ${what}, not a store file, so it was not read. Point --store at a fortnight .json file.`, file);
}

/**
 * Text to validated data, with no file access: limits, parse, `__proto__` removal, migration, schema
 * and references. Throws only StoreError, whatever the text (the loader fuzz tests hold it to that).
 */
export function loadStoreText(raw: string, file: string): {data: StoreData; migratedFrom: number | null} {
	const {duplicateKey} = checkJsonLimits(raw, file);
	const parsed = parseStoreText(raw, file);
	if (duplicateKey !== -1) {
		throw new StoreError(
			'malformed',
			`${file} has the same property name twice in one object (the second at ${describePosition(raw, duplicateKey)}); fortnight never writes that, ` +
				'so the file was edited or damaged. The file was not changed; remove one of the two.',
			file,
		);
	}
	if (raw.includes('__proto__') || raw.includes('\\u')) dropProtoKeys(parsed);
	const {data, from} = migrate(parsed, file);
	let problem;
	try {
		problem = validateStore(data);
	} catch {
		// The validator should never throw; if some input makes it, that is still "not a valid store" (its
		// message is not shown: it might quote the file).
		problem = {path: '/', message: 'it could not be checked'};
	}
	if (problem) {
		throw new StoreError(
			'invalid',
			`${file} is not a valid fortnight store: at ${safeText(problem.path)}, ${safeText(problem.message)}. The file was not changed; fix that field or restore a backup.`,
			file,
		);
	}
	return {data: data as StoreData, migratedFrom: from};
}

export function parseStoreText(raw: string, file: string): unknown {
	if (raw.trim() === '') {
		throw new StoreError('malformed', `${file} is empty. Restore it from a backup, or delete it to start again from the demo team.`, file);
	}
	// Strip a UTF-8 BOM some editors add.
	const bom = raw.charCodeAt(0) === 0xfeff;
	const text = bom ? raw.slice(1) : raw;
	try {
		return JSON.parse(text);
	} catch {
		// V8's message quotes the text around the error, and the file may be anything (a welfare file, a
		// password file): the position and the problem come from our own walk, which quotes nothing.
		const found = findJsonSyntaxError(text);
		const where = found ? ` at ${describePosition(text, found.index, bom ? 3 : 0)}: ${found.problem}` : '';
		throw new StoreError('malformed', `${file} is not valid JSON${where}. The file was not changed; restore a backup or fix it by hand.`, file);
	}
}

function signatureOf(stat: {size: number; mtimeMs: number; ino: number}): FileSignature {
	return {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino};
}

function sameSignature(a: FileSignature | null, b: FileSignature): boolean {
	return a !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * fs.access asks the kernel, so it sees modes, ACLs and read-only mounts (EROFS). It cannot see
 * everything: for root, a mode of 0444 does not stop writes, so access says yes (and the write will
 * indeed succeed). A read-only mount still answers EROFS, even to root.
 */
async function whyReadOnly(file: string): Promise<string | null> {
	try {
		await fsp.access(file, constants.W_OK);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		return code === 'EROFS' ? `${file} is on a read-only drive: you can look but not save.` : `${file} is read-only: you can look but not save.`;
	}
	// A save writes beside the file a link names (atomic-write.ts): that folder must be writable.
	const target = await linkTarget(file).catch(() => file);
	try {
		await fsp.access(path.dirname(target), constants.W_OK);
	} catch {
		return `The folder holding ${target} is read-only: you can look but not save.`;
	}
	const st = await fsp.stat(target).catch(() => null);
	return st ? hardLinkProblem(file, st.nlink) : null;
}

/** The lowdb adapter: reads validated data, remembering the version read, and writes durably. */
class DurableJsonAdapter implements Adapter<StoreData> {
	/** The newest version this instance has read or written, and its signature (a cache for apply). */
	signature: FileSignature | null = null;
	known: StoreData | null = null;
	mode = 0o600;
	migratedFrom: number | null = null;

	constructor(
		readonly file: string,
		readonly fs: WriteFs,
	) {}

	async read(): Promise<StoreData> {
		const {data, signature, migratedFrom} = await readStoreFile(this.file);
		const stat = await fsp.stat(this.file).catch(() => null);
		if (stat) this.mode = stat.mode & 0o777;
		this.signature = signature;
		this.known = data;
		if (migratedFrom !== null) this.migratedFrom = migratedFrom;
		return data;
	}

	/** Reads the file only if it changed since we last saw it; returns [data, changed]. */
	async fresh(): Promise<[StoreData, boolean]> {
		let stat;
		try {
			stat = await fsp.stat(this.file);
		} catch (err) {
			throw describeFsError(err, this.file, 'reading');
		}
		// Saves keep the mode the file has now (someone may have changed it since it was read).
		this.mode = stat.mode & 0o777;
		if (this.known && sameSignature(this.signature, signatureOf(stat))) return [this.known, false];
		const data = await this.read();
		return [data, true];
	}

	/** lowdb's entry point; fortnight itself calls save(), which reports an unconfirmed sync. */
	async write(data: StoreData): Promise<void> {
		await this.save(data);
	}

	/** Writes durably; returns a warning when the data is saved but the folder sync was not confirmed. */
	async save(data: StoreData, beforeCommit?: () => void): Promise<string | undefined> {
		let warning: string | undefined;
		try {
			await writeFileAtomic(this.file, storeBytes(data), this.mode, this.fs, {beforeCommit});
		} catch (err) {
			if (err instanceof StoreError) throw err;
			if (!(err instanceof SavedButNotSynced)) throw describeFsError(err, this.file, 'saving');
			const code = (err.cause as NodeJS.ErrnoException)?.code ?? 'error';
			warning = `Saved ${this.file}, but the drive did not confirm it (${code}): if this machine loses power now the change may be lost. Do not redo the change; check the drive.`;
		}
		const stat = await fsp.stat(this.file);
		this.signature = signatureOf(stat);
		this.known = data;
		return warning;
	}
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
	const abs = path.resolve(file);
	const adapter = new DurableJsonAdapter(abs, options.fs ?? realFs);
	const initial = await adapter.read();
	// lowdb's Low holds what the user sees; `shownSignature` is the disk version that data came from.
	const db = new Low<StoreData>(adapter, initial);
	db.data = initial;
	let shownSignature = adapter.signature;
	const now = options.now ?? (() => new Date());
	const surface = options.surface ?? 'desk';
	const lockWaitListeners = new Set<(message: string | null) => void>();
	const lockOptions: LockOptions = {
		...options.lock,
		onWait: message => {
			options.lock?.onWait?.(message);
			for (const listener of lockWaitListeners) listener(message);
		},
	};
	let readOnlyReason = options.readOnly ? `${abs} was opened read-only: you can look but not save.` : await whyReadOnly(abs);
	// A chain that fails `verify` makes the store read-only until it is repaired (README "Where the store
	// lives"). Links, positions and fields are checked on every load (cheap); the hashes, which cost as much
	// as the load itself, before the first write, under the lock (see assertChainIntact).
	let chainReason = brokenChainReason(abs, verifyChain(initial.chain, 0, initial.chain.length, false));
	/** Chains (immutable arrays) whose every hash has been checked, so later saves check only what they add. */
	const verifiedChains = new WeakSet<StoreData['chain']>();
	const assertChainIntact = async (chain: StoreData['chain']): Promise<void> => {
		if (verifiedChains.has(chain)) return;
		const problem = await verifyChainInSlices(chain);
		if (problem) {
			chainReason = brokenChainReason(abs, problem);
			throw new StoreError('invalid', chainReason!, abs);
		}
		verifiedChains.add(chain);
	};

	if (!readOnlyReason) {
		// Temp files left by a writer that was killed mid-save (never read as data; swept once stale). The
		// welfare file's and the drafts file's hold whole copies of health notes (README "Welfare notes").
		for (const file of [abs, welfarePathFor(abs), welfareDraftsPathFor(abs)]) await sweepTempFiles(file);
		// A migrated file is written back in the new version once, after a backup (see migrate.ts).
		if (adapter.migratedFrom !== null) await fsp.copyFile(abs, `${abs}.bak-v${adapter.migratedFrom}`).catch(() => {});
	}

	const failed = (err: unknown, unsaved: StoreData | undefined): never => {
		// A bug in the change itself (not a file-system error) must not be dressed up as an I/O error.
		const errno = typeof (err as NodeJS.ErrnoException)?.code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
		if (!(err instanceof StoreError) && !errno) throw err;
		const e = err instanceof StoreError ? err : describeFsError(err, abs, 'saving');
		if (unsaved !== undefined) e.unsaved = unsaved;
		// A read-only drive does not come back by retrying: show the banner from now on.
		if (e.code === 'read-only' && !readOnlyReason) readOnlyReason = `${abs} is on a read-only drive: you can look but not save.`;
		throw e;
	};

	return {
		file: abs,
		get readOnly() {
			return (readOnlyReason ?? chainReason) !== null;
		},
		get readOnlyReason() {
			return readOnlyReason ?? chainReason;
		},
		snapshot: () => db.data,
		async apply(change) {
			if (readOnlyReason) throw new StoreError('read-only', readOnlyReason, abs);
			if (chainReason) throw new StoreError('invalid', chainReason, abs);
			let candidate: StoreData | undefined;
			try {
				return await withLock(abs, lockOptions, async assertHeld => {
					const [fresh] = await adapter.fresh();
					await assertChainIntact(fresh.chain);
					const mine = db.data;
					let merged = false;
					let othersChanged: string[] | undefined;
					let next: StoreData | undefined;
					// `fresh` is the very object the user sees unless the file changed since the snapshot was taken
					// (including a change first noticed by an earlier apply that then failed with a conflict).
					if (fresh !== mine) {
						// Another user saved since the snapshot was taken: an instance holding an older version never
						// overwrites newer data. The change is pure, so it is re-run on their data, unless both
						// edited the same field, which only a person can resolve.
						const theirs = diffStores(mine, fresh);
						if (theirs.size > 0) {
							let ours: ReturnType<typeof diffStores>;
							try {
								ours = diffStores(mine, change(mine));
							} catch {
								ours = new Map(); // the change only makes sense on the fresh data; let that run decide
							}
							const rerun = () => diffStores(fresh, (next ??= change(fresh)));
							const clash = findClash(theirs, ours, surface, rerun);
							if (clash) throw new StoreError('conflict', clash.message, abs);
							merged = true;
							othersChanged = describeChanges(theirs);
						}
					}
					next ??= change(fresh);
					candidate = {...next, schemaVersion: SCHEMA_VERSION, revision: fresh.revision + 1, updatedAt: now().toISOString()};
					// `fresh` was validated when read or written: only the records the change adds or replaces are checked again.
					const problem = validateStore(candidate, fresh);
					if (problem) {
						const e = new StoreError('invalid', `That change would make ${abs} invalid (at ${safeText(problem.path)}, ${safeText(problem.message)}), so it was not saved.`, abs);
						candidate = undefined;
						throw e;
					}
					// Signed entries are append-only: a change may add entries, never alter or remove one.
					if (!keepsSignedEntries(fresh.chain, candidate.chain)) {
						candidate = undefined;
						throw new StoreError('invalid', `That change would alter or remove signed entries in the review chain of ${abs}; signed reviews can only be amended by a new entry, so it was not saved.`, abs);
					}
					// Entries made against stale data would not link to the entries on disk.
					const broken = verifyChain(candidate.chain, fresh.chain.length);
					if (broken) {
						candidate = undefined;
						const again = surface === 'desk' ? 'Reload and sign again.' : 'Run the command again.';
						const why = `so this entry no longer links (${broken.message}); it was not saved. ${again}`;
						throw new StoreError('conflict', `Another user signed an entry in the review chain at the same moment, ${why}`, abs);
					}
					// Once the store has enrolled keys, an entry nobody could verify is never written (README, "Signatures").
					const unsigned = candidate.chain.length > fresh.chain.length ? verifySignatures(candidate, fresh.chain.length).problem : null;
					if (unsigned) {
						candidate = undefined;
						throw new StoreError('key', `${unsigned.message[0]!.toUpperCase()}${unsigned.message.slice(1)}, so nothing was saved to ${abs}. Sign with your own enrolled key ("fortnight keys init", then have it enrolled).`, abs);
					}
					assertHeld();
					const warning = await adapter.save(candidate, assertHeld);
					// Its old entries were checked above (and kept unchanged), its new ones just now.
					verifiedChains.add(candidate.chain);
					db.data = candidate;
					shownSignature = adapter.signature;
					return {merged, revision: candidate.revision, ...(othersChanged ? {othersChanged} : {}), ...(warning ? {warning} : {})};
				});
			} catch (err) {
				return failed(err, candidate);
			}
		},
		async changedOnDisk() {
			try {
				const stat = await fsp.stat(abs);
				return !sameSignature(shownSignature, signatureOf(stat));
			} catch {
				return true;
			}
		},
		async reload() {
			db.data = await adapter.read();
			shownSignature = adapter.signature;
			chainReason = brokenChainReason(abs, verifyChain(db.data.chain, 0, db.data.chain.length, false));
			return db.data;
		},
		async saveCopy(to, data) {
			await createStoreFile(to, data ?? db.data);
		},
		onLockWait(listener) {
			lockWaitListeners.add(listener);
			return () => {
				lockWaitListeners.delete(listener);
			};
		},
	};
}

/** True when `next` starts with every entry of `chain` unchanged (same object, or same content, fields and hash). */
function keepsSignedEntries(chain: StoreData['chain'], next: StoreData['chain']): boolean {
	if (next.length < chain.length) return false;
	for (let i = 0; i < chain.length; i++) {
		const a = chain[i]!;
		const b = next[i]!;
		if (a !== b && (a.hash !== b.hash || entryFieldProblem(b) !== null || hashEntry(b) !== b.hash)) return false;
	}
	return true;
}

/** The banner sentence for a chain that fails `verify`, or null. */
function brokenChainReason(file: string, problem: ChainProblem | null): string | null {
	if (!problem) return null;
	return `${file} cannot be saved: its review chain fails verification (${problem.message}). Run "fortnight verify --store ${file}" and restore the file from a backup; until then you can look but not save.`;
}

/**
 * Every hash of `chain`, in slices of CHAIN_SLICE entries with a turn of the event loop between them:
 * at 5,000 cases (50,000 entries) the walk takes about half a second, and the desk must keep taking keys
 * (and the lock keep being refreshed) meanwhile.
 */
async function verifyChainInSlices(chain: StoreData['chain']): Promise<ChainProblem | null> {
	for (let from = 0; from < chain.length; from += CHAIN_SLICE) {
		const problem = verifyChain(chain, from, from + CHAIN_SLICE);
		if (problem) return problem;
		if (from + CHAIN_SLICE < chain.length) await new Promise(resolve => setImmediate(resolve));
	}
	return null;
}

/** About 4 ms of hashing: a key press waits at most that long behind the check. */
const CHAIN_SLICE = 500;

/** Writes a brand-new store file (used for the first-run demo copy and `generate`). Refuses to overwrite. */
export async function createStoreFile(file: string, data: StoreData, options: {overwrite?: boolean; mode?: number} = {}): Promise<void> {
	const abs = path.resolve(file);
	const problem = validateStore(data);
	if (problem) throw new StoreError('invalid', `Refusing to write an invalid store to ${abs}: at ${problem.path}, ${problem.message}.`, abs);
	if (!options.overwrite) {
		const exists = await fsp.stat(abs).then(
			() => true,
			() => false,
		);
		if (exists) throw new StoreError('invalid', `${abs} already exists; choose another file or remove it first.`, abs);
	}
	try {
		await fsp.mkdir(path.dirname(abs), {recursive: true});
		await writeFileAtomic(abs, storeBytes(data), options.mode ?? 0o600);
	} catch (err) {
		// Written and visible, only the folder sync unconfirmed: not a failure (a retry would find it exists).
		if (err instanceof SavedButNotSynced) return;
		throw describeFsError(err, abs, 'creating');
	}
}

/**
 * A store written where the user asked (`generate --out`), by writeExport's rules: never over the
 * current store's files, over another file only with `force` (its mode kept), and only to a regular file.
 */
export async function exportStoreFile(
	file: string,
	data: StoreData,
	options: Pick<ExportOptions, 'force' | 'storeFile'>,
): Promise<ExportWritten> {
	const abs = path.resolve(file);
	const problem = validateStore(data);
	if (problem) throw new StoreError('invalid', `Refusing to write an invalid store to ${abs}: at ${problem.path}, ${problem.message}.`, abs);
	return writeExport(abs, storeBytes(data), {mode: 0o600, regularOnly: true, ...options});
}

export {SCHEMA_VERSION};
