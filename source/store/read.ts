/**
 * Reading a store (store README): the state file, checked unless these exact bytes were found valid
 * before (receipts.ts), and the review chain file, checked against the state and streamed only when the
 * whole chain is asked for (chain-file.ts). No lock and no writing: the read-only commands load this
 * module alone, without the writer's (store.ts).
 */
import {constants} from 'node:buffer';
import {constants as fsConstants, promises as fsp, type Stats} from 'node:fs';
import path from 'node:path';
import type {ChainEntry, ChainLog, StoreData} from '../domain/model.js';
import type {ChainPosition} from './chain-file.js';
import {chainPathFor, journalPathFor} from './chain-path.js';
import {welfarePathFor} from './welfare-paths.js';
import {describeFsError, StoreError} from './errors.js';
import {readJournal, type JournalState} from './journal-file.js';
import {linkTarget} from './link-target.js';
import {loadCheckedText} from './parse.js';
import {contentHash, receiptOf, writeReceipt} from './receipts.js';
import {firstInvalidUtf8, isUtf8, lineOfByte} from './utf8.js';

/**
 * The largest state file fortnight can open: it is read as one string, and V8's strings hold at most
 * 536,870,888 characters (`buffer.constants.MAX_STRING_LENGTH`; UTF-8 never has more characters than
 * bytes). A larger file is refused before it is read, and a save that would write one is refused before
 * anything is written, so no save makes a store that cannot be opened. The chain file has no such limit:
 * it is read a line at a time.
 */
export const MAX_STORE_BYTES = constants.MAX_STRING_LENGTH;

/**
 * What identifies one version of the store on disk without reading it: the state file's size, mtime and
 * inode, and its journal's (null when there is none; absent for a store without files).
 */
export interface FileSignature {
	size: number;
	mtimeMs: number;
	ino: number;
	journal?: {size: number; mtimeMs: number; ino: number} | null;
}

/**
 * Which chain a read gives in `data.chain`. 'state' (the default): what the state file holds, which is all
 * the rules, a review and signing read (for a split store, the working set of chain-working-set.ts; for a
 * single-file store, the whole chain). 'whole': every entry, streamed from the chain file (`verify`, the
 * log, the case's review history).
 */
export type ChainWanted = 'state' | 'whole';

export interface ReadOptions {
	chain?: ChainWanted;
	/** An earlier read of the same store whose whole chain may be reused: only entries added since are read. */
	previous?: StoreData;
	/**
	 * `verify`'s read: a chain file shorter than the state records is not refused here, as verify walks it
	 * to name the entry that was altered or removed (chain-walk.ts), and the warnings do not send the
	 * reader to verify. A missing chain file is still refused.
	 */
	verifying?: boolean;
}

/**
 * One read of a store. The state file's text is not part of it: no caller used it, and a caller that keeps
 * its read (the desk's rules worker) kept the whole text alive with it (23 MB at 5,000 cases; issue 18).
 */
export interface StoreRead {
	data: StoreData;
	signature: FileSignature;
	migratedFrom: number | null;
	/** Sentences for stderr or the status bar: bytes after the committed end of the chain file (chain-file.ts) or the journal. */
	warnings: string[];
	/** The file store's journal as read (journal-file.ts); the writer continues it. */
	journal?: JournalState;
}

/**
 * Reads, parses, migrates and validates a store file and replays its journal (journal-file.ts), or throws
 * a StoreError that names the file. A split store's chain file is checked against the state (one stat)
 * and read only when `chain: 'whole'` asks.
 */
export async function readStoreFile(file: string, options: ReadOptions = {}): Promise<StoreRead> {
	for (let attempt = 1; ; attempt++) {
		const read = await readState(file);
		const {real} = read;
		// A compaction renames a new state in, then removes the journal: if the state read is no longer the
		// file's, the journal read may already be gone or new (a save after the compaction starts one that
		// the state read does not continue, which is refused). Read the pair again.
		const replaced = async () => {
			const now = await fsp.stat(file).catch(() => null);
			return attempt < 5 && (!now || !sameSignature(signatureOf(read.stat), signatureOf(now)));
		};
		let journalRead;
		try {
			journalRead = await readJournal(journalPathFor(real), read.state, file, real, read.hash, read.stat.size);
		} catch (err) {
			if (await replaced()) continue;
			throw err;
		}
		const {journal, stat: journalStat, warnings: journalWarnings} = journalRead;
		if (await replaced()) continue;
		const [{data, warnings}, welfareWarning] = await Promise.all([withChain(file, journal.data, options), welfareOpenToOthers(file)]);
		return {
			data,
			signature: {...signatureOf(read.stat), journal: journalStat ? signatureOf(journalStat) : null},
			migratedFrom: read.migratedFrom,
			warnings: [...journalWarnings, ...warnings, ...(welfareWarning ? [welfareWarning] : [])],
			journal,
		};
	}
}

/** The state file alone: read, checked unless its bytes have a receipt, parsed and migrated. */
async function readState(file: string): Promise<{state: StoreData; migratedFrom: number | null; stat: Stats; hash: string; real: string}> {
	// The receipt (below) is read while the file is: its path needs only the file's real path.
	const realPath = linkTarget(file).catch(() => path.resolve(file));
	const receipt = realPath.then(receiptOf);
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
		handle = await fsp.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
		stat = await handle.stat();
		refuseIrregular(stat, file);
		if (stat.size > MAX_STORE_BYTES) throw tooLargeToOpen(file, stat.size);
		bytes = await readWhole(handle, stat.size, file);
	} catch (err) {
		if (err instanceof StoreError) throw err;
		throw describeFsError(err, file, 'reading');
	} finally {
		await handle?.close().catch(() => {});
	}
	// Bytes this user's fortnight has already found valid are parsed, not checked again (receipts.ts).
	const hash = contentHash(bytes!);
	const checked = (await receipt)(hash);
	const raw = checked ? bytes!.toString('utf8') : decodeStoreBytes(bytes!, file);
	bytes = undefined; // the text is all that is needed now: let the collector have the bytes during parsing
	const {data: state, migratedFrom} = checked ? loadCheckedText(raw, file) : (await import('./load-text.js')).loadStoreText(raw, file);
	const real = await realPath;
	if (!checked) await writeReceipt(real, hash);
	return {state, migratedFrom, stat: stat!, hash, real};
}

/**
 * The open file's bytes: `size` (its stat) in one read, where FileHandle.readFile reads 512 KB at a time,
 * each a round trip to the thread pool (45 of them for a 23 MB state at 5,000 cases, issue 18). Whatever
 * is there beyond `size` (a file that grew since its stat) is read too, to the end, as readFile would.
 */
async function readWhole(handle: fsp.FileHandle, size: number, file: string): Promise<Buffer> {
	const first = Buffer.allocUnsafe(size);
	let got = 0;
	while (got < size) {
		const {bytesRead} = await handle.read(first, got, size - got, got);
		if (bytesRead === 0) return first.subarray(0, got);
		got += bytesRead;
	}
	const parts = [first];
	let total = got;
	for (;;) {
		const more = Buffer.allocUnsafe(64 * 1024);
		const {bytesRead} = await handle.read(more, 0, more.length, total);
		if (bytesRead === 0) break;
		parts.push(more.subarray(0, bytesRead));
		total += bytesRead;
		if (total > MAX_STORE_BYTES) throw tooLargeToOpen(file, total);
	}
	return parts.length === 1 ? first : Buffer.concat(parts, total);
}

/**
 * The store's welfare file, when others may read it (README "Welfare notes": mode 0600, officers' health
 * information). fortnight writes it 0600, but a copy made by hand (`cp`, an unpacked backup) takes the umask's
 * mode, and was used without a word (QA 9 R15): said on every read until mended. Not mended here: a read
 * changes nothing on disk. Null when it is private, absent or not a regular file.
 */
async function welfareOpenToOthers(file: string): Promise<string | null> {
	const welfare = welfarePathFor(file);
	const st = await fsp.stat(welfare).catch(() => null);
	if (!st?.isFile() || (st.mode & 0o077) === 0) return null;
	return (
		`${welfare} can be read by others (mode ${(st.mode & 0o777).toString(8)}), and it holds officers' welfare notes: ` +
		`run "chmod 600 ${welfare}".`
	);
}

export function megabytes(bytes: number): string {
	return `${Math.round(bytes / 1e6)} MB`;
}

/** A state file over MAX_STORE_BYTES: refused before it is read (a string cannot hold it). */
function tooLargeToOpen(file: string, size: number): StoreError {
	return new StoreError(
		'too-large',
		`${file} is ${megabytes(size)}, more than fortnight can open as one store (${megabytes(MAX_STORE_BYTES)}), so it was not read. ` +
			"Split the team's cases between two stores with a copy each, or restore a smaller backup.",
		file,
	);
}

/**
 * The chain file's reader, loaded when a read goes past one stat of the chain file: `problems`, `handover`
 * and every read of the state alone never need it (issue 18: each module a command loads costs it).
 */
const chainFileModule = async () => import('./chain-file.js');

/**
 * The state with the chain asked for. For a split store: the working set is checked against the chain
 * log the state records (cheap), the chain file must be there and at least as long, and for 'whole' its
 * committed entries are streamed (only those after `previous`'s, when the chain still continues it).
 */
async function withChain(file: string, state: StoreData, options: ReadOptions): Promise<{data: StoreData; warnings: string[]}> {
	const log = state.chainLog;
	if (!log) return {data: state, warnings: []};
	const held = state.chain;
	const problem = workingSetProblem(held, log);
	if (problem) {
		throw new StoreError(
			'invalid',
			`${file} is not a valid fortnight store: its review chain ${problem}. The file was not changed; restore it from a backup.`,
			file,
		);
	}
	const chainFile = await chainFileOf(file);
	const size = await fsp.stat(chainFile).then(
		st => st.size,
		(err: unknown) => {
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw describeFsError(err, chainFile, 'reading');
			return -1;
		},
	);
	if (size < 0 || (size < log.bytes && !options.verifying)) {
		const why =
			size < 0
				? 'is missing'
				: `is ${size} bytes, shorter than the ${log.bytes} bytes ${file} records (entries were removed, or one was edited shorter: "fortnight verify" names it)`;
		const advice = size < 0 ? ' (if the store was renamed or moved, rename or move its chain file with it)' : '';
		throw new StoreError('chain', `${chainFile}, the review chain of ${file}, ${why}. Restore it from a backup${advice}.`, chainFile);
	}
	const warning = size > log.bytes ? await (await chainFileModule()).uncommittedWarning(chainFile, log, file, options.verifying) : null;
	const warnings = warning ? [warning] : [];
	if (options.chain !== 'whole' || held.length === log.entries) return {data: state, warnings};
	return {data: {...state, chain: await wholeChainOf(file, state, options.previous)}, warnings};
}

/**
 * The whole chain of `state` (a split store's state, read from `file`): its chain file's committed entries,
 * streamed. With `previous` (an earlier read holding its whole chain) only the entries after it are read,
 * when they continue it; otherwise, the file having been replaced, all of them. The last must be the
 * state's head, or the two files are not a pair (StoreError 'chain').
 */
export async function wholeChainOf(
	file: string,
	state: StoreData,
	previous?: {chainLog?: ChainLog; chain: readonly ChainEntry[]},
): Promise<ChainEntry[]> {
	const log = state.chainLog;
	const held = state.chain;
	if (!log || held.length === log.entries) return [...held];
	const chainFile = await chainFileOf(file);
	let from: ChainPosition = {entries: 0, bytes: 0};
	let start: readonly ChainEntry[] = [];
	if (previous?.chainLog && previous.chain.length === previous.chainLog.entries && previous.chainLog.bytes <= log.bytes) {
		from = previous.chainLog;
		start = previous.chain;
	}
	const {readChain} = await chainFileModule();
	let {entries} = await readChain(chainFile, log, file, from);
	// Entries read after an earlier read must continue it; otherwise the file was replaced: read it all.
	if (start.length > 0) {
		const last = start.at(-1)!;
		const continues = entries.length > 0 ? entries[0]!.prevHash === last.hash : last.hash === held.at(-1)?.hash;
		if (!continues) {
			start = [];
			entries = (await readChain(chainFile, log, file)).entries;
		}
	}
	const whole = start.length > 0 ? [...start, ...entries] : entries;
	if (whole.at(-1)?.hash !== held.at(-1)?.hash) {
		throw new StoreError(
			'chain',
			`${chainFile} does not end with the entry ${file} records as the chain's head: the two files are not a pair. Run "fortnight verify", then restore ` +
				`them together from a backup.`,
			chainFile,
		);
	}
	return whole;
}

/**
 * The whole chain of `data` (read from `file` by readStoreFile with `verifying`) in batches, for `verify`:
 * a single file's own list, or a split store's chain file walked as far as it can be (chain-walk.ts),
 * never held whole. The file is walked even when the state holds every entry: the file is the record.
 */
export async function* wholeChainBatches(file: string, data: StoreData): AsyncGenerator<readonly ChainEntry[]> {
	const log = data.chainLog;
	if (!log) {
		yield data.chain;
		return;
	}
	yield* (await import('./chain-walk.js')).chainFileWalk(await chainFileOf(file), log, file);
}

/** Why a split store's working set cannot be its chain's (out of order, or not ending at the recorded head), or null. */
function workingSetProblem(held: readonly ChainEntry[], log: ChainLog): string | null {
	if (held.length > log.entries) return `holds ${held.length} entries in the state but records ${log.entries} in its chain file`;
	if (log.entries === 0) return log.bytes === 0 ? null : 'records bytes of a chain with no entries';
	if (held.at(-1)?.seq !== log.entries - 1)
		return `does not end with entry ${log.entries - 1}, the last of the ${log.entries} its chain file holds`;
	for (let i = 1; i < held.length; i++) if (held[i]!.seq <= held[i - 1]!.seq) return `lists entry ${held[i]!.seq} out of order`;
	return null;
}

/** The chain file of the store at `file`: beside the real file when `file` is a symbolic link. */
export async function chainFileOf(file: string): Promise<string> {
	return chainPathFor(await linkTarget(file).catch(() => path.resolve(file)));
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
		throw new StoreError(
			'too-large',
			`${file} is ${Math.round(bytes.length / 1e6)} MB, more text than fortnight can read at once (about 500 MB); split the team's store.`,
			file,
		);
	}
}

/** Throws StoreError 'invalid' unless `stat` is a regular file (a folder, FIFO, device or socket is refused). */
function refuseIrregular(stat: {isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean}, file: string): void {
	if (stat.isFile()) return;
	if (stat.isDirectory()) throw new StoreError('invalid', `${file} is a folder, not a store file. Point --store at a .json file.`, file);
	const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device';
	throw new StoreError(
		'invalid',
		`${file} is ${what}, not a store file, so it was not read. Point --store at a fortnight .json file.`,
		file,
	);
}

export function signatureOf(stat: {size: number; mtimeMs: number; ino: number}): FileSignature {
	return {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino};
}

type Version = {size: number; mtimeMs: number; ino: number};
const sameVersion = (a: Version, b: Version): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/** Same state file and same journal (both absent, or the same version). */
export function sameSignature(a: FileSignature | null, b: FileSignature): boolean {
	if (a === null || !sameVersion(a, b)) return false;
	const [x, y] = [a.journal ?? null, b.journal ?? null];
	return x === null || y === null ? x === y : sameVersion(x, y);
}
