/**
 * The one store interface the rest of fortnight sees: load a snapshot, apply a change, notice outside
 * changes. lowdb's Low holds the data; our adapter does the reading (validated) and the writing
 * (locked, revision-checked, durable). No lowdb type leaks out of this folder, so a server database
 * could take the JSON file's place behind the same interface.
 */
import {constants as fsConstants, promises as fsp, statSync, type Stats} from 'node:fs';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {chainWorkingSet, workingSetWith} from '../domain/chain-working-set.js';
import {sharedEnds} from '../domain/list-edits.js';
import type {ChainEntry, ChainLog, StoreData} from '../domain/model.js';
import {SCHEMA_VERSION} from '../domain/model-values.js';
import {SavedButNotSynced, sweepTempFiles, writeFileAtomic} from './atomic-write.js';
import {verifyChain, verifyWorkingSet, type ChainProblem} from './chain.js';
import {chainPathFor, journalPathFor} from './chain-path.js';
import {appendChain, assertChainFileHead, existingChainProblem, readChain, takeBack, writeChainFile} from './chain-file.js';
import type {ClashSurface} from './conflict.js';
import {describeFsError, StoreError} from './errors.js';
import {realFs, type WriteFs} from './file-system.js';
import {hardLinkProblem, linkTarget, linkTargetNow} from './link-target.js';
import {withLock, type LockOptions} from './lock.js';
import {lineBytes, storeBytes, type ChunkedBytes} from './serialize.js';
import {checkExport, writeExport, type ExportOptions, type ExportWritten} from './write-export.js';
// The paths alone: the welfare files' modules (TypeBox checks, crypto) load on first use (welfare-paths.ts).
import {welfareDraftsPathFor, welfarePathFor} from './welfare-paths.js';
import {
	chainFileOf,
	MAX_STORE_BYTES,
	megabytes,
	readStoreFile,
	sameSignature,
	signatureOf,
	wholeChainOf,
	type ChainWanted,
	type FileSignature,
} from './read.js';
import {hashing, writeReceipt} from './receipts.js';
import {growthOf, journalChange} from './journal.js';
import {journalReceipt, nextLines, writeLines, type JournalState} from './journal-file.js';
import {isPostgresUrl} from './pg-url.js';

export {parseStoreText} from './parse.js';
export {MAX_STORE_BYTES, readStoreFile, wholeChainBatches} from './read.js';
export type {ChainWanted, FileSignature, ReadOptions, StoreRead} from './read.js';

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

export interface OpenOptions {
	/** Open without ever writing (also chosen automatically when the file or folder is not writable). */
	readOnly?: boolean;
	fs?: WriteFs;
	lock?: LockOptions;
	/** Clock for updatedAt; tests fix it. */
	now?: () => Date;
	/** Who reads the store's messages: the desk (the default: "Reload ...") or a command ("run the command again"). */
	surface?: ClashSurface;
	/** The largest state file a save may write (default MAX_STORE_BYTES, what can be opened again); tests lower it. */
	maxBytes?: number;
	/** The journal size past which a save compacts (README "The journal"; default 256 KB or a sixteenth of the state); tests lower it. */
	compactBytes?: number;
	/**
	 * Which chain the snapshot holds (see ChainWanted). 'whole' (the default): every entry, as the desk shows
	 * a case's review history and the log. 'state': the working set, all a command that changes the store
	 * needs, without reading the chain file.
	 */
	chain?: ChainWanted;
}

export interface Store {
	readonly file: string;
	/** True when saving is impossible: opened read-only, file or folder not writable, or a save hit a read-only file system. */
	readonly readOnly: boolean;
	/** Why the store is read-only, in one sentence for a banner, or null. */
	readonly readOnlyReason: string | null;
	/**
	 * Why the review chain fails `verify`, as found on load, before a write or by checkChain, or null: an
	 * export must not vouch for its entries then (README "Where the store lives"). Optional: a store whose
	 * chain a database holds has no such check.
	 */
	readonly chainProblem?: string | null;
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
	 * The whole review chain of the snapshot (the snapshot of a store opened with `{chain: 'state'}` holds
	 * only the working set: store README, "The review chain file"). Read from the chain file after the
	 * first call only the entries appended since. Optional: a store that always holds the whole chain has
	 * none.
	 */
	wholeChain?(): Promise<readonly ChainEntry[]>;
	/**
	 * Calls `listener` with one sentence when a save has waited over a second for the lock (whose lock,
	 * since when; lock.ts), and with null when the wait is over, for the desk's status bar. Returns the
	 * unsubscribe function. Optional: a store without file locks has nothing to wait for.
	 */
	onLockWait?(listener: (message: string | null) => void): () => void;
	/**
	 * Calls `listener` at once when another user's change to this store is committed (a PostgreSQL store
	 * hears it through LISTEN/NOTIFY), saying who and what, so the desk need not poll changedOnDisk. Returns
	 * the unsubscribe function. Optional: a file store has no one to tell it; the desk polls instead.
	 */
	onChange?(listener: (change: OutsideChange) => void): () => void;
	/**
	 * Walks the whole review chain as `fortnight verify` does (every link, hash and signature, and the
	 * state's copy of the entries the rules read), in slices with a turn of the event loop between them, so
	 * a desk keeps taking keys meanwhile. A problem makes the store read-only, with `verify`'s words in
	 * readOnlyReason (README "Where the store lives"); returns that reason, or null when the chain is
	 * intact. Optional: a store whose chain a database holds has none.
	 */
	checkChain?(): Promise<string | null>;
	/**
	 * The database login this store was opened with and the officer fortnight_logins maps it to in the team
	 * (null: none, as for the database's owner). On PostgreSQL a login acts as its own officer (README "Who
	 * you are"): the database refuses a record in anyone else's name (migration 011), and the command line
	 * and the desk refuse an `--as` naming someone else before anything is attempted (context.ts actorFor).
	 * Optional: a file store has no login.
	 */
	readonly login?: {role: string; officerId: string | null};
}

/** Another user's committed change, as a server store announces it. */
export interface OutsideChange {
	/** The officer id of who made it, when the database maps their login to one; else null. */
	officerId: string | null;
	/** Their database role (login). */
	role: string;
	/** What they changed: short labels such as "case 24/1234/26" (conflict.ts describeChanges). */
	what: string[];
	revision: number;
}

export {serialize, serializeBytes} from './serialize.js';
export {checkExport, ExportRefused, writeExport, type ExportOptions, type ExportRefusal, type ExportWritten} from './write-export.js';

/** A save that is visible to everyone but whose sync the drive did not confirm: one sentence for the status bar. */
function unconfirmedWarning(file: string, cause: unknown): string {
	const code = (cause as NodeJS.ErrnoException)?.code ?? 'error';
	return (
		`Saved ${file}, but the drive did not confirm it (${code}): if this machine loses power now the change may be lost. ` +
		'Do not redo the change; check the drive.'
	);
}

/** A save that would write a state file over the limit: refused with nothing written. */
function tooLargeToSave(file: string, limit: number): StoreError {
	return new StoreError(
		'too-large',
		`That change would make ${file} larger than fortnight can open again (${megabytes(limit)}), so nothing was saved. ` +
			'The store has outgrown one team: split its cases between two stores, then make the change in the right one.',
		file,
	);
}

/**
 * fs.access asks the kernel, so it sees modes, ACLs and read-only mounts (EROFS). It cannot see
 * everything: for root, a mode of 0444 does not stop writes, so access says yes (and the write will
 * indeed succeed). A read-only mount still answers EROFS, even to root.
 */
async function whyReadOnly(file: string): Promise<string | null> {
	try {
		await fsp.access(file, fsConstants.W_OK);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		return code === 'EROFS'
			? `${file} is on a read-only drive: you can look but not save.`
			: `${file} is read-only: you can look but not save.`;
	}
	// A save writes beside the file a link names (atomic-write.ts): that folder must be writable.
	const target = await linkTarget(file).catch(() => file);
	try {
		await fsp.access(path.dirname(target), fsConstants.W_OK);
	} catch {
		return `The folder holding ${target} is read-only: you can look but not save.`;
	}
	const st = await fsp.stat(target).catch(() => null);
	const linked = st ? hardLinkProblem(file, st.nlink) : null;
	if (linked) return linked;
	// The chain file and the journal are appended to in place: each must be writable, and one name, like the state file.
	for (const [appended, what] of [
		[chainPathFor(target), 'the review chain'],
		[journalPathFor(target), 'the journal'],
	] as const) {
		const st = await fsp.stat(appended).catch(() => null);
		if (!st) continue;
		try {
			await fsp.access(appended, fsConstants.W_OK);
		} catch {
			return `${appended}, ${what} of ${file}, is read-only: you can look but not save.`;
		}
		const problem = hardLinkProblem(appended, st.nlink);
		if (problem) return problem;
	}
	return null;
}

/**
 * Compaction (README "The journal"): once the journal passes this many bytes, or this fraction of the
 * state file, or this many saves, the save that passed it rewrites the state whole and removes the
 * journal. At 5,000 cases (a 21 MB state) that is one full write in about 200 saves, and a load replays
 * at most about 1.3 MB of lines.
 */
const COMPACT_MIN_BYTES = 256 * 1024;
const COMPACT_FRACTION = 1 / 16;
const COMPACT_LINES = 1000;

function dueForCompaction(j: JournalState, bytes?: number): boolean {
	return j.lines >= COMPACT_LINES || j.end > (bytes ?? Math.max(COMPACT_MIN_BYTES, j.stateBytes * COMPACT_FRACTION));
}

/** The versions of the state file and its journal (null when there is none), for FileSignature. */
async function storeSignature(file: string, journalFile: string): Promise<FileSignature> {
	return (await storeVersions(file, journalFile)).signature;
}

/** storeSignature, with the state file's stat (its mode, and its links for hardLinkProblem). */
async function storeVersions(file: string, journalFile: string): Promise<{signature: FileSignature; state: Stats}> {
	const [state, journal] = await Promise.all([
		fsp.stat(file),
		fsp.stat(journalFile).catch((err: NodeJS.ErrnoException) => {
			if (err.code === 'ENOENT') return null;
			throw err;
		}),
	]);
	return {signature: {...signatureOf(state), journal: journal ? signatureOf(journal) : null}, state};
}

/**
 * storeVersions asked of the kernel at once, for a save under the lock: two stats take microseconds,
 * while a round trip to the thread pool waits for a free core twice (README "Benchmarks").
 */
function storeVersionsNow(file: string, journalFile: string): {signature: FileSignature; state: Stats} {
	const state = statSync(file);
	const journal = statSync(journalFile, {throwIfNoEntry: false}) ?? null;
	return {signature: {...signatureOf(state), journal: journal ? signatureOf(journal) : null}, state};
}

/**
 * What a save found under the lock before making its change: the state file's real path (where a link
 * leads) and its stat. The write that follows under the same lock uses them instead of asking again.
 */
interface Found {
	real: string;
	state: Stats;
}

/** The lowdb adapter: reads validated data, remembering the version read, and writes durably. */
class DurableJsonAdapter implements Adapter<StoreData> {
	/** The newest version this instance has read or written, and its signature (a cache for apply). */
	signature: FileSignature | null = null;
	known: StoreData | null = null;
	mode = 0o600;
	migratedFrom: number | null = null;
	/** The last read's warnings (an uncommitted tail in the chain file or the journal). */
	warnings: string[] = [];
	/** The journal as last read or written, with the state form of `known` (journal-file.ts). */
	journal: JournalState | null = null;
	/** A migrated file is written back whole once (in its new version) before saves are journaled. */
	rewriteNext = false;

	constructor(
		readonly file: string,
		readonly fs: WriteFs,
		readonly chain: ChainWanted,
		readonly maxBytes: number,
		readonly compactBytes?: number,
	) {}

	async read(): Promise<StoreData> {
		const {data, signature, migratedFrom, warnings, journal} = await readStoreFile(this.file, {
			chain: this.chain,
			previous: this.known ?? undefined,
		});
		const stat = await fsp.stat(this.file).catch(() => null);
		if (stat) this.mode = stat.mode & 0o777;
		this.signature = signature;
		this.known = data;
		this.journal = journal ?? null;
		this.warnings = warnings;
		if (migratedFrom !== null) this.migratedFrom = migratedFrom;
		this.rewriteNext = migratedFrom !== null;
		return data;
	}

	/** Reads the file only if it changed since we last saw it; returns [data, changed, what was found]. */
	async fresh(): Promise<[StoreData, boolean, Found]> {
		let signature;
		let found: Found;
		try {
			const real = await linkTargetNow(this.file).catch(() => this.file);
			const versions = storeVersionsNow(this.file, journalPathFor(real));
			signature = versions.signature;
			found = {real, state: versions.state};
			// Saves keep the mode the file has now (someone may have changed it since it was read).
			this.mode = versions.state.mode & 0o777;
		} catch (err) {
			throw describeFsError(err, this.file, 'reading');
		}
		if (this.known && sameSignature(this.signature, signature)) return [this.known, false, found];
		const data = await this.read();
		return [data, true, found];
	}

	/** The journal beside the real state file. */
	async journalFile(): Promise<string> {
		return journalPathFor(await linkTarget(this.file).catch(() => this.file));
	}

	/** lowdb's entry point; fortnight itself calls commit(), which reports an unconfirmed sync. */
	async write(data: StoreData): Promise<void> {
		await this.commit(data, this.known ?? data);
	}

	/**
	 * Writes `candidate` (validated; its chain is `base`'s with any new entries after it) durably. The new
	 * entries are appended to the chain file and synced, then the state (the working set and the chain's
	 * new committed end) replaces the state file: the commit. A single-file store is split here: its whole
	 * chain goes to a new chain file first. Returns the data to hold (the whole chain, when this store holds
	 * it) and a warning when everything is saved but the folder sync was not confirmed.
	 */
	async commit(
		candidate: StoreData,
		base: StoreData,
		assertHeld: () => void = () => {},
		found?: Found,
	): Promise<{held: StoreData; warning?: string}> {
		// A split store's save is one journal line; the state file is rewritten whole only to split a single
		// file, to write a migrated file back in its new version, or to compact (README "The journal").
		// A change of many records (an import of thousands of cases) is written whole as well: its journal line
		// would be about the state's size and due for compaction at once, so appending it first would write it twice.
		if (base.chainLog && !this.rewriteNext && this.journal && base === this.known && !isLargeChange(base, candidate))
			return this.journaled(candidate, base, this.journal, assertHeld, found);
		return this.rewrite(candidate, base, assertHeld);
	}

	/**
	 * The save as a journal line: the new chain entries appended to the chain file and synced, then the
	 * line appended to the journal and synced (the commit). Refused, with nothing kept, when the state and
	 * its journal could then pass the size fortnight can open. Compacts when the journal is due.
	 */
	private async journaled(
		candidate: StoreData,
		base: StoreData,
		journal: JournalState,
		assertHeld: () => void,
		found?: Found,
	): Promise<{held: StoreData; warning?: string}> {
		// A state file with a second name is refused even when only the journal is written: the compaction
		// would split them, and a second name is as likely a copy made with ln (README "Sharing a folder").
		// What the save found under this lock is asked again only when the caller did not look (lowdb's write).
		const real = found?.real ?? (await linkTarget(this.file).catch(() => this.file));
		const ownerFrom = found ? found.state : await fsp.stat(real).catch(() => null);
		const linked = ownerFrom ? hardLinkProblem(this.file, ownerFrom.nlink) : null;
		if (linked) throw new StoreError('hard-link', linked, this.file);
		const chainFile = chainPathFor(real);
		const added = candidate.chain.slice(base.chain.length);
		const baseLog = base.chainLog!;
		let log = baseLog;
		if (added.length > 0) {
			try {
				log = await appendChain(chainFile, baseLog, base.chain.at(-1), added, this.fs, this.file, assertHeld);
			} catch (err) {
				throw describeFsError(err, chainFile, 'saving');
			}
		}
		const takeBackChain = async () => {
			if (added.length === 0) return;
			try {
				assertHeld();
				await takeBack(chainFile, baseLog, this.fs);
			} catch {
				// Left after the committed end, where no reader looks; the next save cuts them off.
			}
		};
		// The working set the files hold, with the new entries: the same as the whole chain's (chain-working-set.ts),
		// without a pass over 50,000 entries when this store holds the whole chain.
		const state: StoreData = {...candidate, chain: workingSetWith(journal.data.chain, added), chainLog: log};
		const change = journalChange(journal.data, state);
		const lines = nextLines(journal, base.revision, change);
		// The state its journal replays to (what a compaction writes) must stay openable: a save that could
		// pass the limit is refused, nothing kept (README "Crash safety").
		const projectedBytes = journal.projectedBytes + growthOf(journal.data, change);
		if (projectedBytes > this.maxBytes) {
			await takeBackChain();
			throw tooLargeToSave(this.file, this.maxBytes);
		}
		let written: JournalState;
		let warning: string | undefined;
		let result: Awaited<ReturnType<typeof writeLines>>;
		try {
			result = await writeLines(journal, lines, state, this.mode, this.fs, {ownerFrom, assertHeld, projectedBytes});
			written = result.journal;
			if (result.unconfirmed !== undefined) warning = unconfirmedWarning(this.file, result.unconfirmed);
		} catch (err) {
			await takeBackChain();
			// The journal is part of the store: the user saves team.json, whichever file refused.
			throw describeFsError(err, this.file, 'saving');
		}
		this.journal = written;
		// The state file is as found (only the journal was written): its version and the journal's as written.
		// The journal grew past this save's line (another writer): no version is kept, so the next look reads it all.
		this.signature = result.moved
			? null
			: found && result.journalStat
				? {...signatureOf(found.state), journal: signatureOf(result.journalStat)}
				: await storeSignature(this.file, journal.file);
		await journalReceipt(real, written.lastHash);
		if (dueForCompaction(written, this.compactBytes)) await this.compact(written, assertHeld);
		const held = this.chain === 'whole' ? {...state, chain: candidate.chain} : state;
		this.known = held;
		return {held, ...(warning ? {warning} : {})};
	}

	/**
	 * The state rewritten whole from the journal's data (under the lock, after a committed save), then the
	 * journal removed. A kill between the two leaves a journal the state already holds, which readers
	 * ignore. Best effort: if the write fails (a full disk), the journal stays and holds every save.
	 */
	private async compact(journal: JournalState, assertHeld: () => void): Promise<void> {
		const written = hashing(storeBytes(journal.data));
		try {
			assertHeld();
			await writeFileAtomic(this.file, written.bytes, this.mode, this.fs, {beforeCommit: assertHeld, maxBytes: this.maxBytes});
		} catch (err) {
			if (!(err instanceof SavedButNotSynced)) return;
		}
		await this.removeJournal(journal.file);
		const real = await linkTarget(this.file).catch(() => this.file);
		const digest = written.digest();
		await writeReceipt(real, digest);
		const size = (await fsp.stat(this.file)).size;
		this.journal = {...journal, stateHash: digest, stateBytes: size, status: 'none', end: 0, lastHash: '', lines: 0, projectedBytes: size};
		this.signature = await storeSignature(this.file, journal.file);
	}

	/** Removes a journal the state now holds (synced). A journal left behind is one readers ignore. */
	private async removeJournal(file: string): Promise<void> {
		try {
			await this.fs.unlink(file);
			await this.fs.syncDir(path.dirname(file));
		} catch {
			// Gone already, or left: its first line names the old state, so it is ignored (journal-file.ts).
		}
	}

	/** The save as a whole state file (the way every save was written before the journal). */
	private async rewrite(candidate: StoreData, base: StoreData, assertHeld: () => void): Promise<{held: StoreData; warning?: string}> {
		const chainFile = await chainFileOf(this.file);
		const added = candidate.chain.slice(base.chain.length);
		let log: ChainLog;
		try {
			if (base.chainLog) {
				log =
					added.length > 0
						? await appendChain(chainFile, base.chainLog, base.chain.at(-1), added, this.fs, this.file, assertHeld)
						: base.chainLog;
			} else {
				const problem = await existingChainProblem(chainFile, candidate.chain, this.file);
				if (problem) throw new StoreError('chain', problem, chainFile);
				const ownerFrom = await fsp.stat(await linkTarget(this.file)).catch(() => null);
				log = await writeChainFile(chainFile, candidate.chain, this.mode, this.fs, {ownerFrom, beforeCommit: assertHeld});
			}
		} catch (err) {
			throw describeFsError(err, chainFile, 'saving');
		}
		const state: StoreData = {...candidate, chain: chainWorkingSet(candidate.chain), chainLog: log};
		let warning: string | undefined;
		// The state is validated, so its bytes get a receipt: the next load parses them without checking again.
		const written = hashing(storeBytes(state));
		try {
			const limit = this.maxBytes;
			await writeFileAtomic(this.file, written.bytes, this.mode, this.fs, {
				beforeCommit: assertHeld,
				maxBytes: limit,
				tooLarge: () => tooLargeToSave(this.file, limit),
			});
		} catch (err) {
			if (!(err instanceof SavedButNotSynced)) {
				// Not committed, so the entries appended for it are taken back, while the lock is still ours.
				if (base.chainLog && added.length > 0) {
					try {
						assertHeld();
						await takeBack(chainFile, base.chainLog, this.fs);
					} catch {
						// Left after the committed end, where no reader looks; the next save cuts them off.
					}
				}
				throw describeFsError(err, this.file, 'saving');
			}
			warning = unconfirmedWarning(this.file, err.cause);
		}
		// Any journal is now one the state holds: removed, so the next save starts a new one.
		const journalFile = await this.journalFile();
		await this.removeJournal(journalFile);
		this.rewriteNext = false;
		const stat = await fsp.stat(this.file);
		const digest = written.digest();
		this.journal = {
			file: journalFile,
			stateHash: digest,
			stateBytes: stat.size,
			status: 'none',
			end: 0,
			lastHash: '',
			lines: 0,
			data: state,
			projectedBytes: stat.size,
		};
		this.signature = await storeSignature(this.file, journalFile);
		await writeReceipt(await linkTarget(this.file).catch(() => this.file), digest);
		const held = this.chain === 'whole' ? {...state, chain: candidate.chain} : state;
		this.known = held;
		return {held, ...(warning ? {warning} : {})};
	}
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
	const abs = path.resolve(file);
	const adapter = new DurableJsonAdapter(
		abs,
		options.fs ?? realFs,
		options.chain ?? 'whole',
		options.maxBytes ?? MAX_STORE_BYTES,
		options.compactBytes,
	);
	const initial = await adapter.read();
	// lowdb's Low holds what the user sees; `shownSignature` is the disk version that data came from.
	const db = new Low<StoreData>(adapter, initial);
	db.data = initial;
	let shownSignature = adapter.signature;
	const journalFile = await adapter.journalFile();
	/** The whole chain last read for wholeChain(), and the chain log it was read to. */
	let whole: {chainLog: ChainLog; chain: readonly ChainEntry[]} | null = null;
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
	// as the load itself, before the first write, under the lock (see assertChainIntact). A split store holds
	// its working set here: that is what is checked, and the chain file's head before each append
	// (chain-file.ts); `verify` walks the chain file whole (store README, "The review chain file").
	let chainReason = brokenChainReason(abs, heldChainProblem(initial, 0, initial.chain.length, false));
	// What checkChain found wrong with the whole chain (an entry of the chain file altered, say). Kept across
	// reloads: another user's save appends to the chain and cannot repair an entry; restoring the file from a
	// backup and opening it again does.
	let hashReason: string | null = null;
	/** Chains (immutable arrays) whose every hash has been checked, so later saves check only what they add. */
	const verifiedChains = new WeakSet<StoreData['chain']>();
	const assertChainIntact = async (data: StoreData): Promise<void> => {
		const chain = data.chain;
		if (verifiedChains.has(chain)) return;
		const problem = await verifyChainInSlices(data);
		if (problem) {
			chainReason = brokenChainReason(abs, problem);
			throw new StoreError('invalid', chainReason!, abs);
		}
		verifiedChains.add(chain);
	};

	if (!readOnlyReason) {
		// Temp files left by a writer that was killed mid-save (never read as data; swept once stale). The
		// welfare file's and the drafts file's hold whole copies of health notes (README "Welfare notes").
		for (const file of [abs, await chainFileOf(abs), await adapter.journalFile(), welfarePathFor(abs), welfareDraftsPathFor(abs)])
			await sweepTempFiles(file);
		// A migrated file is written back in the new version once, after a backup (see migrate.ts), kept
		// beside the file a link names, as the store's other files are (link-target.ts), not beside the link.
		if (adapter.migratedFrom !== null) {
			const real = await linkTarget(abs).catch(() => abs);
			await fsp.copyFile(real, `${real}.bak-v${adapter.migratedFrom}`).catch(() => {});
		}
	}

	/** The read under way for a chain log: the desk's history and checkChain ask at once, and share it. */
	let reading: {chainLog: ChainLog; chain: Promise<readonly ChainEntry[]>} | null = null;
	/** The whole chain of `data`: the snapshot's own, or read from the chain file once per chain log (wholeChain). */
	const wholeChainOfSnapshot = async (data: StoreData): Promise<readonly ChainEntry[]> => {
		const log = data.chainLog;
		if (!log || data.chain.length === log.entries) return data.chain;
		if (whole?.chainLog === log) return whole.chain;
		if (reading?.chainLog !== log) {
			const read = wholeChainOf(abs, data, whole ?? undefined);
			reading = {chainLog: log, chain: read};
			read.then(
				chain => {
					whole = {chainLog: log, chain};
				},
				// A failed read is tried again on the next call (each caller gets its error from `read` itself).
				() => {
					if (reading?.chain === read) reading = null;
				},
			);
		}
		return reading.chain;
	};

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
			return (readOnlyReason ?? chainReason ?? hashReason) !== null;
		},
		get readOnlyReason() {
			return readOnlyReason ?? chainReason ?? hashReason;
		},
		get chainProblem() {
			return chainReason ?? hashReason;
		},
		snapshot: () => db.data,
		async apply(change) {
			if (readOnlyReason) throw new StoreError('read-only', readOnlyReason, abs);
			if (chainReason ?? hashReason) throw new StoreError('invalid', (chainReason ?? hashReason)!, abs);
			let candidate: StoreData | undefined;
			try {
				return await withLock(abs, lockOptions, async assertHeld => {
					// The schema compiler (TypeBox, 200+ modules) loads with the first change, not with the desk (issue 18).
					const [[fresh, , found], {prepareChange}] = await Promise.all([adapter.fresh(), import('./apply-change.js')]);
					await assertChainIntact(fresh);
					// The chain file's last entry must be the head the state links to (a tail read): a save never
					// appends to, nor records the state of, a chain whose head was altered (README "Where the store lives").
					if (fresh.chainLog) {
						await assertChainFileHead(chainPathFor(found.real), fresh.chainLog, fresh.chain.at(-1), abs).catch((err: unknown) => {
							// The store stays read-only (the desk's banner) until the files are repaired and reloaded.
							if (err instanceof StoreError && err.code === 'chain') chainReason = err.message;
							throw err;
						});
					}
					const prepared = prepareChange(db.data, fresh, change, {surface, where: abs, now});
					candidate = prepared.candidate;
					const {merged, othersChanged} = prepared;
					assertHeld();
					const {held, warning} = await adapter.commit(candidate, fresh, assertHeld, found);
					// Its old entries were checked above (and kept unchanged), its new ones just now.
					verifiedChains.add(held.chain);
					db.data = held;
					shownSignature = adapter.signature;
					return {merged, revision: candidate.revision, ...(othersChanged ? {othersChanged} : {}), ...(warning ? {warning} : {})};
				});
			} catch (err) {
				return failed(err, candidate);
			}
		},
		async changedOnDisk() {
			try {
				return !sameSignature(shownSignature, await storeSignature(abs, journalFile));
			} catch {
				return true;
			}
		},
		async reload() {
			db.data = await adapter.read();
			shownSignature = adapter.signature;
			chainReason = brokenChainReason(abs, heldChainProblem(db.data, 0, db.data.chain.length, false));
			return db.data;
		},
		wholeChain: () => wholeChainOfSnapshot(db.data),
		async checkChain() {
			if (chainReason ?? hashReason) return chainReason ?? hashReason;
			const data = db.data;
			// Loaded with the first check, not with the desk: the desk's first rows do not wait for it (issue 18).
			const [{wholeChainProblem}, chain] = await Promise.all([import('./chain-verify.js'), wholeChainOfSnapshot(data)]);
			// A snapshot holding the whole chain took it from the chain file itself, so there is no second copy
			// for verify's working-set check to compare: only a state holding the working set has one.
			const held = {...data};
			if (chain === data.chain) delete held.chainLog;
			// The chain the desk's history already read (wholeChain's cache), walked as `verify` walks it.
			const problem = await wholeChainProblem([chain], held, CHECK_SLICE, () => new Promise(r => setImmediate(r)));
			if (problem) hashReason = brokenChainReason(abs, {index: 0, seq: null, message: problem});
			return hashReason;
		},
		async saveCopy(to, data) {
			await createStoreFile(to, await wholeOf(abs, data ?? db.data));
		},
		onLockWait(listener) {
			lockWaitListeners.add(listener);
			return () => {
				lockWaitListeners.delete(listener);
			};
		},
	};
}

/** The banner sentence for a chain that fails `verify`, or null. */
export function brokenChainReason(file: string, problem: ChainProblem | null): string | null {
	if (!problem) return null;
	return (
		`${file} cannot be saved: its review chain fails verification (${problem.message}). Run "fortnight verify --store ${file}" and restore the ` +
		`file from a backup; until then you can look but not save.`
	);
}

/**
 * Every hash of `chain`, in slices of CHAIN_SLICE entries with a turn of the event loop between them:
 * at 5,000 cases (50,000 entries) the walk takes about half a second, and the desk must keep taking keys
 * (and the lock keep being refreshed) meanwhile.
 */
export async function verifyChainInSlices(data: StoreData): Promise<ChainProblem | null> {
	const chain = data.chain;
	for (let from = 0; from < chain.length; from += CHAIN_SLICE) {
		const problem = heldChainProblem(data, from, from + CHAIN_SLICE, true);
		if (problem) return problem;
		if (from + CHAIN_SLICE < chain.length) await new Promise(resolve => setImmediate(resolve));
	}
	return null;
}

/** About 4 ms of hashing: a key press waits at most that long behind the check. */
const CHAIN_SLICE = 500;

/**
 * Entries per turn of the event loop in checkChain: a signed entry's signature costs about 50 us on top of
 * its hash, so a fifth of CHAIN_SLICE keeps a slice of signed entries near the same few milliseconds.
 */
const CHECK_SLICE = 100;

/** verifyChain on the chain `data` holds: the whole chain, or a split store's working set (verifyWorkingSet). */
export function heldChainProblem(data: StoreData, from: number, to: number, hashes: boolean): ChainProblem | null {
	const whole = !data.chainLog || data.chain.length === data.chainLog.entries;
	return whole ? verifyChain(data.chain, from, to, hashes) : verifyWorkingSet(data.chain, from, to, hashes);
}

/**
 * `data` with the whole chain and no chain log: what a new file needs. Entries the state had committed
 * (sequence below its chain log's count) are read from the store's chain file unless `data` holds them
 * all; entries after them (a save that failed) are kept as they are.
 */
export async function wholeOf(file: string, data: StoreData): Promise<StoreData> {
	const log = data.chainLog;
	const rest = {...data};
	delete rest.chainLog;
	if (!log) return rest;
	const committed = data.chain.filter(e => e.seq < log.entries);
	const added = data.chain.filter(e => e.seq >= log.entries);
	const chain = committed.length === log.entries ? committed : (await readChain(await chainFileOf(file), log, file)).entries;
	return {...rest, chain: added.length > 0 ? [...chain, ...added] : chain};
}

/** `data` (the whole chain) as a new split store's state: the working set and the chain file's end. */
function stateFor(data: StoreData, log: ChainLog): StoreData {
	return {...data, chain: chainWorkingSet(data.chain), chainLog: log};
}

/** Refuses data whose chain is a working set: only the whole chain makes a new store. */
function needsWholeChain(data: StoreData, abs: string): void {
	if (data.chainLog && data.chain.length !== data.chainLog.entries) {
		throw new StoreError(
			'invalid',
			`Refusing to write ${abs} from a store's working set: the whole review chain is needed (wholeOf).`,
			abs,
		);
	}
}

/**
 * Writes a brand-new store (used for the first-run demo copy and saveCopy): its chain file, then its
 * state. Refuses to overwrite either unless asked.
 */
export async function createStoreFile(file: string, data: StoreData, options: {overwrite?: boolean; mode?: number} = {}): Promise<void> {
	const abs = path.resolve(file);
	needsWholeChain(data, abs);
	const {chainLog: _log, ...whole} = data;
	const {validateStore} = await import('./validate.js');
	const problem = validateStore(whole);
	if (problem)
		throw new StoreError('invalid', `Refusing to write an invalid store to ${abs}: at ${problem.path}, ${problem.message}.`, abs);
	let chainFile = chainPathFor(abs);
	try {
		await fsp.mkdir(path.dirname(abs), {recursive: true});
		chainFile = await chainFileOf(abs);
	} catch (err) {
		throw describeFsError(err, abs, 'creating');
	}
	const journalFile = journalPathFor(await linkTarget(abs).catch(() => abs));
	if (!options.overwrite) {
		for (const f of [abs, chainFile, journalFile]) {
			const exists = await fsp.lstat(f).then(
				() => true,
				() => false,
			);
			if (exists) throw new StoreError('invalid', `${f} already exists; choose another file or remove it first.`, f);
		}
	} else {
		// The journal of the store being replaced would not continue the new state.
		await fsp.unlink(journalFile).catch(() => {});
	}
	const mode = options.mode ?? 0o600;
	let log: ChainLog;
	try {
		log = await writeChainFile(chainFile, whole.chain, mode, realFs);
	} catch (err) {
		throw describeFsError(err, chainFile, 'creating');
	}
	try {
		await writeFileAtomic(abs, storeBytes(stateFor(whole, log)), mode, realFs, {
			maxBytes: MAX_STORE_BYTES,
			tooLarge: () => tooLargeToSave(abs, MAX_STORE_BYTES),
		});
	} catch (err) {
		// Written and visible, only the folder sync unconfirmed: not a failure (a retry would find it exists).
		if (err instanceof SavedButNotSynced) return;
		throw describeFsError(err, abs, 'creating');
	}
}

/**
 * A store written where the user asked (`generate --out`), by writeExport's rules: never over the
 * current store's files, over another file only with `force` (its mode kept), and only to a regular file.
 * Its chain file first (beside the file a link names), then the state that counts it.
 */
export async function exportStoreFile(
	file: string,
	data: StoreData,
	options: Pick<ExportOptions, 'force' | 'storeFile'>,
): Promise<ExportWritten> {
	const abs = path.resolve(file);
	needsWholeChain(data, abs);
	const {chainLog: _log, ...whole} = data;
	const {validateStore} = await import('./validate.js');
	const problem = validateStore(whole);
	if (problem)
		throw new StoreError('invalid', `Refusing to write an invalid store to ${abs}: at ${problem.path}, ${problem.message}.`, abs);
	const exportOptions: ExportOptions = {mode: 0o600, regularOnly: true, ...options};
	// Both refusals before anything is written.
	const chainFile = await chainFileOf(abs);
	const journalFile = journalPathFor(await linkTarget(abs).catch(() => abs));
	await checkExport(abs, exportOptions);
	await checkExport(chainFile, exportOptions);
	await checkExport(journalFile, exportOptions);
	// A store written over another (with force) must not keep that store's journal: it would not continue it.
	await fsp.unlink(journalFile).catch(() => {});
	let bytes = 0;
	const lines = lineBytes(whole.chain);
	const counted = {
		chunks: function* () {
			bytes = 0;
			for (const chunk of lines.chunks()) {
				bytes += chunk.length;
				yield chunk;
			}
		},
	};
	await writeExport(chainFile, counted, exportOptions);
	// A state fortnight could not open again is never written (the chain file, read by lines, has no limit).
	const state = storeBytes(stateFor(whole, {entries: whole.chain.length, bytes}));
	return writeExport(
		abs,
		bounded(state, () => tooLargeToSave(abs, MAX_STORE_BYTES)),
		exportOptions,
	);
}

/** `bytes`, throwing `tooLarge()` as soon as they pass MAX_STORE_BYTES (the writer then removes its temp file). */
function bounded(bytes: ChunkedBytes, tooLarge: () => Error): ChunkedBytes {
	return {
		chunks: function* () {
			let total = 0;
			for (const chunk of bytes.chunks()) {
				total += chunk.length;
				if (total > MAX_STORE_BYTES) throw tooLarge();
				yield chunk;
			}
		},
	};
}

/**
 * The store as one JSON file (the whole chain inside, no chain file), for anyone who wants one file:
 * `fortnight store export --single-file`. fortnight reads it as a store, and splits it again on its first
 * save. Written by writeExport's rules; refused (nothing written) when it would be more than
 * MAX_STORE_BYTES, which fortnight could not open.
 */
export async function exportSingleFile(storeFile: string, out: string, options: Pick<ExportOptions, 'force'>): Promise<ExportWritten> {
	const {data} = isPostgresUrl(storeFile)
		? await (await import('./pg-store.js')).readPgStore(storeFile, {chain: 'whole'})
		: await readStoreFile(storeFile, {chain: 'whole'});
	(await import('./set-aside-copy.js')).refuseCopyOfSetAside(data, storeFile);
	const whole = await wholeOf(storeFile, data);
	const file = path.resolve(out);
	const tooLarge = () =>
		new StoreError(
			'too-large',
			`${storeFile} as one file would be more than fortnight can open (${megabytes(MAX_STORE_BYTES)}), so ${file} was not written; keep the store as its ` +
				`two files.`,
			file,
		);
	return writeExport(file, bounded(storeBytes(whole), tooLarge), {
		mode: 0o600,
		regularOnly: true,
		storeFile,
		...options,
	});
}

export {SCHEMA_VERSION};

/** More records changed than a journal line is for (README "Where the store lives"): the save rewrites the state. */
const LARGE_CHANGE_RECORDS = 200;

/**
 * Whether `next` replaces, adds or removes more than LARGE_CHANGE_RECORDS records of `base`'s lists,
 * by identity (the store's data is immutable: an unchanged record is the same object). Stops counting
 * once past the limit, so a 50,000-case import costs a few comparisons, not 50,000.
 */
function isLargeChange(base: StoreData, next: StoreData): boolean {
	let changed = 0;
	for (const key of ['officers', 'absences', 'cases', 'welfareEvents', 'concerns', 'actionPlans', 'drafts'] as const) {
		const before: readonly unknown[] = base[key];
		const after: readonly unknown[] = next[key];
		if (before === after) continue;
		changed += Math.abs(after.length - before.length);
		// The records the two share at the start (a list the change made by one edit says where that ends,
		// domain/list-edits.ts) and, for lists of the same length, at the end are not counted, nor walked.
		const {head, tail} = sharedEnds(after, before);
		const end = Math.min(before.length, after.length) - (before.length === after.length ? tail : 0);
		for (let i = head; i < end && changed <= LARGE_CHANGE_RECORDS; i++) {
			if (before[i] !== after[i]) changed++;
		}
		if (changed > LARGE_CHANGE_RECORDS) return true;
	}
	return false;
}
