/**
 * The review chain's own file (source/store/README.md, "The review chain file"): `team.chain.jsonl` beside
 * `team.json`, one signed entry a line, appended with fsync and never rewritten, read as a stream.
 *
 * The state file is the commit point. It records how many entries and bytes of this file are the chain
 * (`chainLog`); a save appends its entries, syncs them, then writes the state that counts them. Bytes
 * after the recorded length were never committed (a save killed between the two steps, or a torn last
 * line): readers stop at the recorded length and say so, and the next save cuts them off, under the lock,
 * before it appends. An append that fails (a full disk) is cut back, so the file is as it was.
 */
import {fstatSync, promises as fsp, readSync, type Stats} from 'node:fs';
import {TextDecoder} from 'node:util';
import type {ChainEntry, ChainLog} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {SavedButNotSynced, writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import type {WriteFs} from './file-system.js';
import {checkJsonLimits, dropProtoKeys} from './guard.js';
import {lineEntryProblem} from './chain-line.js';
import {hardLinkProblem} from './link-target.js';
import {lineBytes, type ChunkedBytes} from './serialize.js';

/** Bytes read at a time when streaming the chain. */
const READ_CHUNK = 1024 * 1024;
/** A line longer than this is not an entry fortnight wrote (the largest possible review is a few MB). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Where a read starts: after this many entries, at this byte (an earlier read's end). */
export interface ChainPosition {
	entries: number;
	bytes: number;
}

const START: ChainPosition = {entries: 0, bytes: 0};

/**
 * The chain file open for reading, its size and the entry checker, for every reader of it (chainBatches,
 * verify's chain-walk.ts): a file that cannot be opened or is not a regular file is refused in the same
 * words. The handle is the caller's to close.
 */
export async function openChainFile(
	file: string,
	state: string,
): Promise<{handle: fsp.FileHandle; size: number; chainEntryProblem: EntryCheck}> {
	let handle: fsp.FileHandle;
	try {
		handle = await fsp.open(file, 'r');
	} catch (err) {
		throw unreadable(err, file, state);
	}
	try {
		// The schema checker is loaded only when the chain is read (the rules never read it).
		const {chainEntryProblem} = await import('./validate.js');
		const st = await handle.stat();
		if (!st.isFile())
			throw new StoreError(
				'chain',
				`${file} holds the review chain of ${state} but is not a regular file; restore it from a backup.`,
				file,
			);
		return {handle, size: st.size, chainEntryProblem};
	} catch (err) {
		await handle.close().catch(() => {});
		throw err;
	}
}

/**
 * The committed entries from `from` to the end `log` records, in batches (one per chunk read), never
 * holding the file as one string. Each line is decoded as strict UTF-8, checked by the guard (nesting,
 * token length), parsed, stripped of `__proto__` keys and checked against the entry schema. Sequence
 * numbers, links and hashes are `verify`'s to check. Throws StoreError 'chain' when the file does not
 * hold what the state records (missing, shorter, a different number of entries), 'malformed' or
 * 'invalid' for a line that is not an entry.
 */
export async function* chainBatches(file: string, log: ChainLog, state: string, from: ChainPosition = START): AsyncGenerator<ChainEntry[]> {
	const {handle, size, chainEntryProblem} = await openChainFile(file, state);
	try {
		if (size < log.bytes) throw shorter(file, state, size, log);
		const decoder = new TextDecoder('utf-8', {fatal: true});
		const buffer = Buffer.allocUnsafe(READ_CHUNK);
		let offset = from.bytes;
		let index = from.entries;
		let carry: Buffer[] = [];
		let carried = 0;
		while (offset < log.bytes) {
			const {bytesRead} = await handle.read(buffer, 0, Math.min(READ_CHUNK, log.bytes - offset), offset);
			if (bytesRead === 0) throw shorter(file, state, offset, log);
			offset += bytesRead;
			const batch: ChainEntry[] = [];
			let start = 0;
			for (;;) {
				const nl = buffer.indexOf(10, start);
				if (nl === -1 || nl >= bytesRead) break;
				let line = buffer.subarray(start, nl);
				if (carried > 0) {
					carry.push(line);
					line = Buffer.concat(carry);
					carry = [];
					carried = 0;
				}
				batch.push(parseLine(line, index, file, decoder, chainEntryProblem));
				index++;
				start = nl + 1;
			}
			if (start < bytesRead) {
				carried += bytesRead - start;
				if (carried > MAX_LINE_BYTES) {
					throw new StoreError(
						'malformed',
						`${file}: line ${index + 1} is longer than any chain entry can be; the file is damaged. Restore it from a backup.`,
						file,
					);
				}
				carry.push(Buffer.from(buffer.subarray(start, bytesRead))); // the buffer is reused for the next chunk
			}
			if (batch.length > 0) yield batch;
		}
		if (carried > 0) {
			throw new StoreError(
				'chain',
				`${file} does not end with a whole entry where ${state} says the chain ends (byte ${log.bytes}): it was edited or replaced. Restore it from a backup.`,
				file,
			);
		}
		if (index !== log.entries) {
			throw new StoreError(
				'chain',
				`${file} holds ${index} entries where ${state} records ${log.entries}: entries were added, removed or joined by hand. Restore the chain file from ` +
					`a backup.`,
				file,
			);
		}
	} finally {
		await handle.close().catch(() => {});
	}
}

/** Every committed entry, and a warning when the file holds bytes no save completed (see uncommittedWarning). */
export async function readChain(
	file: string,
	log: ChainLog,
	state: string,
	from: ChainPosition = START,
): Promise<{entries: ChainEntry[]; warning: string | null}> {
	const entries: ChainEntry[] = [];
	for await (const batch of chainBatches(file, log, state, from)) for (const e of batch) entries.push(e);
	return {entries, warning: await uncommittedWarning(file, log, state)};
}

/**
 * One sentence when the chain file is longer than the state records: a save was killed after its append
 * and before its state write, or mid-append (a torn last line). Those bytes are not part of the chain.
 * Only when the recorded end still falls at the end of a line: a file grown by an edit inside an entry is
 * longer too, and calling that an interrupted save that "the next save removes" told an inspector that
 * tampering was harmless (QA 6 R18); it is said to be edited, as the readers refuse it.
 */
export async function uncommittedWarning(file: string, log: ChainLog, state: string, verifying = false): Promise<string | null> {
	const size = await fsp.stat(file).then(
		st => st.size,
		() => log.bytes,
	);
	if (size <= log.bytes) return null;
	if (log.bytes > 0 && !(await endsLineAt(file, log.bytes))) {
		// Inside verify, whose own report names the entry (QA 7 D4), it does not send the reader to verify.
		const names = verifying ? 'the BROKEN report names the entry' : '"fortnight verify" names the entry';
		return (
			`${file} does not end an entry where ${state} says the chain ends (byte ${log.bytes}): it was edited or replaced, ` +
			`not cut short by an interrupted save; ${names}. Restore the two files together from a backup.`
		);
	}
	return (
		`${file} ends with ${size - log.bytes} bytes that no save of ${state} completed (a save was interrupted); ` +
		'they are not part of the review chain, and the next save removes them.'
	);
}

/** Whether the byte before `end` is a line feed (an entry's end); false when it cannot be read. */
async function endsLineAt(file: string, end: number): Promise<boolean> {
	const handle = await fsp.open(file, 'r').catch(() => null);
	if (!handle) return false;
	try {
		const one = Buffer.alloc(1);
		const {bytesRead} = await handle.read(one, 0, 1, end - 1);
		return bytesRead === 1 && one[0] === 0x0a;
	} finally {
		await handle.close().catch(() => {});
	}
}

export type EntryCheck = (value: unknown, where: string) => {path: string; message: string} | null;

/** Why a line is not a chain entry: the error code the readers throw, and the words after "line N". */
export interface LineFault {
	code: 'malformed' | 'invalid';
	/** "is not a whole JSON entry", "is not a valid chain entry (at /data, ...)": completes "line N ...". */
	why: string;
	/** Where the schema check failed ("/data/riskBefore"), or "" when the line is not an entry at all. */
	at: string;
}

/**
 * One line of the chain file read as an entry: decoded as strict UTF-8, checked by the guard (which
 * throws StoreError 'too-large' for nesting or a token no entry has), parsed, stripped of `__proto__`
 * keys and checked against the entry schema; or why it is not one.
 */
export function readLine(
	line: Buffer,
	file: string,
	where: string,
	decoder: TextDecoder,
	chainEntryProblem: EntryCheck,
): {entry: ChainEntry} | {fault: LineFault} {
	let text: string;
	try {
		text = decoder.decode(line);
	} catch {
		return {fault: {code: 'malformed', why: 'is not UTF-8 text', at: ''}};
	}
	const {duplicateKey} = checkJsonLimits(text, `${file} (${where})`, 'chain entry');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {fault: {code: 'malformed', why: 'is not a whole JSON entry', at: ''}};
	}
	if (duplicateKey !== -1) {
		// JSON.parse keeps the second of two equal names, which would hide text from `verify` (guard.ts).
		return {fault: {code: 'malformed', why: 'has the same property name twice in one object; fortnight never writes that', at: ''}};
	}
	if (text.includes('__proto__') || text.includes('\\u')) dropProtoKeys(value);
	const problem = chainEntryProblem(value, '');
	if (problem) {
		return {
			fault: {
				code: 'invalid',
				why: `is not a valid chain entry (at ${safeText(problem.path)}, ${safeText(problem.message)})`,
				at: problem.path,
			},
		};
	}
	return {entry: value as ChainEntry};
}

function parseLine(line: Buffer, index: number, file: string, decoder: TextDecoder, chainEntryProblem: EntryCheck): ChainEntry {
	const where = `line ${index + 1}`;
	const read = readLine(line, file, where, decoder, chainEntryProblem);
	if ('entry' in read) return read.entry;
	const {code, why} = read.fault;
	// The words each refusal said before readLine was shared with verify's walk (chain-walk.ts).
	const plain = code === 'invalid' || why.endsWith('never writes that');
	const after = plain ? '. Restore the file from a backup.' : '; the file is damaged. Restore it from a backup.';
	throw new StoreError(code, `${file}: ${where} ${why}${after}`, file);
}

/**
 * Appends `entries` after the committed end `log` records and syncs them; returns the new end. Under the
 * store's lock, before writing: the file must be one name (no hard link), at least as long as recorded,
 * and its last committed line must be `head` (the state's last entry), or the state and the chain file
 * are not a pair and nothing is written. Uncommitted bytes after the end are cut off first. A failed
 * write or sync cuts the file back to the committed end: the file is as it was.
 */
export async function appendChain(
	file: string,
	log: ChainLog,
	head: ChainEntry | undefined,
	entries: readonly ChainEntry[],
	fs: WriteFs,
	state: string,
	assertHeld: () => void = () => {},
): Promise<ChainLog> {
	const data = joined(lineBytes(entries));
	let handle: fsp.FileHandle;
	try {
		handle = await fs.open(file, 'r+');
	} catch (err) {
		throw unreadable(err, file, state, 'saving');
	}
	try {
		// Asked at once, not through the thread pool (file-system.ts realFs says why).
		const st = fstatSync(handle.fd);
		const linked = hardLinkProblem(file, st.nlink);
		if (linked) throw new StoreError('hard-link', linked, file);
		if (st.size < log.bytes) throw shorter(file, state, st.size, log);
		await checkHead(handle, file, log, head, state);
		assertHeld();
		if (st.size > log.bytes) await fs.truncate(handle, log.bytes);
		try {
			await fs.writeAt(handle, data, log.bytes);
			await fs.sync(handle);
		} catch (err) {
			await fs.truncate(handle, log.bytes).catch(() => {});
			throw err;
		}
	} finally {
		// Not waited for: the entries are synced (or cut back) by now, and a close that fails changes nothing
		// (test/store/faults.test.ts); waiting would cost the save one more round trip to the thread pool.
		void fs.close(handle).catch(() => {});
	}
	return {entries: log.entries + entries.length, bytes: log.bytes + data.length};
}

/** Cuts the chain file back to the committed end (a save whose state write failed after its append). Never throws. */
export async function takeBack(file: string, log: ChainLog, fs: WriteFs): Promise<void> {
	let handle: fsp.FileHandle | undefined;
	try {
		handle = await fs.open(file, 'r+');
		if ((await handle.stat()).size > log.bytes) await fs.truncate(handle, log.bytes);
	} catch {
		// The bytes stay after the committed end, where no reader looks; the next save cuts them off.
	} finally {
		if (handle) await fs.close(handle).catch(() => {});
	}
}

/**
 * Writes a whole chain file durably (temp file, fsync, rename: atomic-write.ts), for a store being split or
 * created. A new file gets `ownerFrom`'s owner and group (the state file's), as a replaced one keeps its own.
 */
export async function writeChainFile(
	file: string,
	entries: readonly ChainEntry[],
	mode: number,
	fs: WriteFs,
	options: {ownerFrom?: Stats | null; beforeCommit?: () => void} = {},
): Promise<ChainLog> {
	let bytes = 0;
	const inner = lineBytes(entries);
	const counted: ChunkedBytes = {
		chunks: function* () {
			bytes = 0;
			for (const chunk of inner.chunks()) {
				bytes += chunk.length;
				yield chunk;
			}
		},
	};
	try {
		await writeFileAtomic(file, counted, mode, fs, options);
	} catch (err) {
		// In place, only the folder sync unconfirmed: the state file written next, in the same folder, says so.
		if (!(err instanceof SavedButNotSynced)) throw err;
	}
	return {entries: entries.length, bytes};
}

/**
 * Why a chain file already at `file` must not be replaced by `entries` (the whole chain of a store being
 * split), or null when it may: there is none, or it holds the first entries of this very chain (a split
 * that was killed after writing the chain file and before the state).
 */
export async function existingChainProblem(file: string, entries: readonly ChainEntry[], state: string): Promise<string | null> {
	const st = await fsp.stat(file).catch(() => null);
	if (!st) return null;
	const refuse =
		`${file} already exists and is not the review chain of ${state}, so nothing was saved; move it away (it may be another store's ` +
		`chain), then save again.`;
	if (!st.isFile()) return refuse;
	let whole = st.size;
	try {
		// Only whole lines: a chain file whose last line was torn is still this chain if the rest matches.
		whole = await endOfLastLine(file, st.size);
		const counted = await countLines(file, whole);
		let i = 0;
		for await (const batch of chainBatches(file, {entries: counted, bytes: whole}, state)) {
			for (const e of batch) {
				if (entries[i]?.hash !== e.hash) return refuse;
				i++;
			}
		}
	} catch {
		return refuse;
	}
	return null;
}

/** The checks before an append: the committed end is a line end, and the line before it is the state's head. */
async function checkHead(handle: fsp.FileHandle, file: string, log: ChainLog, head: ChainEntry | undefined, state: string): Promise<void> {
	const mismatch = () =>
		new StoreError(
			'chain',
			`${file} does not end where ${state} says (entry ${head?.seq ?? 'none'} at byte ${log.bytes}): the chain file was replaced or edited, so nothing ` +
				`was saved. ` +
				'Run "fortnight verify", then restore the two files together from a backup.',
			file,
		);
	if (log.entries === 0 || !head) {
		if (log.entries !== 0 || log.bytes !== 0 || head) throw mismatch();
		return;
	}
	const line = await lineEndingAt(handle, log.bytes);
	if (line === null) throw mismatch();
	let last: {seq?: unknown; hash?: unknown};
	try {
		last = JSON.parse(line.toString('utf8')) as typeof last;
	} catch {
		throw mismatch();
	}
	if (last?.seq !== head.seq || last.hash !== head.hash) throw mismatch();
	// The line must be the head itself, its content hashing to the head's hash (chain-line.ts), not only a
	// line carrying the head's sequence and hash fields: an entry altered in place keeps those.
	const problem = lineEntryProblem(head, line, file);
	if (problem) throw alteredHead(problem, file, state);
}

/**
 * checkHead before any save of a split store, whether or not it appends (store.ts apply): throws
 * StoreError 'chain' when the chain file's last committed line is not the state's head, so that nothing
 * is saved on top of a chain whose head was altered or whose file was replaced. One read of that line.
 */
export async function assertChainFileHead(file: string, log: ChainLog, head: ChainEntry | undefined, state: string): Promise<void> {
	let handle: fsp.FileHandle;
	try {
		handle = await fsp.open(file, 'r');
	} catch (err) {
		throw unreadable(err, file, state);
	}
	try {
		await checkHead(handle, file, log, head, state);
	} finally {
		await handle.close().catch(() => {});
	}
}

/** The refusal of an append on top of an altered head: verify's words, and what to do. */
function alteredHead(problem: string, file: string, state: string): StoreError {
	return new StoreError(
		'chain',
		`${state} cannot be saved: its review chain fails verification (${problem}). Run "fortnight verify --store ${state}" and restore ` +
			'the two files together from a backup; nothing was saved.',
		file,
	);
}

/** The line whose newline is the byte before `end` (without it), read backwards in blocks; null if `end` is not a line end. */
async function lineEndingAt(handle: fsp.FileHandle, end: number): Promise<Buffer | null> {
	// An entry is a kilobyte or two: the first read is small, and each one after it larger.
	let block = 4 * 1024;
	const parts: Buffer[] = [];
	let pos = end;
	let first = true;
	while (pos > 0) {
		const size = Math.min(block, pos);
		block = Math.min(block * 4, 64 * 1024);
		const buffer = Buffer.alloc(size);
		const bytesRead = readSync(handle.fd, buffer, 0, size, pos - size);
		if (bytesRead !== size) return null;
		let slice = buffer;
		if (first) {
			if (buffer[size - 1] !== 10) return null;
			slice = buffer.subarray(0, size - 1);
			first = false;
		}
		const nl = slice.lastIndexOf(10);
		if (nl !== -1) {
			parts.unshift(slice.subarray(nl + 1));
			return Buffer.concat(parts);
		}
		parts.unshift(slice);
		pos -= size;
		if (end - pos > MAX_LINE_BYTES) return null;
	}
	return first ? null : Buffer.concat(parts);
}

/** The offset just after the last newline before `size` (0 when there is none). */
async function endOfLastLine(file: string, size: number): Promise<number> {
	const handle = await fsp.open(file, 'r');
	try {
		const block = 64 * 1024;
		let pos = size;
		while (pos > 0) {
			const from = Math.max(0, pos - block);
			const buffer = Buffer.alloc(pos - from);
			await handle.read(buffer, 0, buffer.length, from);
			const nl = buffer.lastIndexOf(10);
			if (nl !== -1) return from + nl + 1;
			pos = from;
		}
		return 0;
	} finally {
		await handle.close();
	}
}

/** Newlines in the first `end` bytes of `file`. */
async function countLines(file: string, end: number): Promise<number> {
	const handle = await fsp.open(file, 'r');
	try {
		const buffer = Buffer.allocUnsafe(READ_CHUNK);
		let count = 0;
		for (let offset = 0; offset < end;) {
			const {bytesRead} = await handle.read(buffer, 0, Math.min(READ_CHUNK, end - offset), offset);
			if (bytesRead === 0) break;
			for (let i = buffer.indexOf(10); i !== -1 && i < bytesRead; i = buffer.indexOf(10, i + 1)) count++;
			offset += bytesRead;
		}
		return count;
	} finally {
		await handle.close();
	}
}

function joined(bytes: ChunkedBytes): Buffer {
	const parts: Buffer[] = [];
	for (const chunk of bytes.chunks()) parts.push(Buffer.from(chunk));
	return Buffer.concat(parts);
}

function shorter(file: string, state: string, size: number, log: ChainLog): StoreError {
	return new StoreError(
		'chain',
		`${file} is ${size} bytes, shorter than the ${log.bytes} bytes of review chain ${state} records: entries were removed, or one was edited shorter ("fortnight verify" names it). Restore the chain file from a backup.`,
		file,
	);
}

export function unreadable(err: unknown, file: string, state: string, doing = 'reading'): StoreError {
	if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
		return new StoreError(
			'chain',
			`${file}, the review chain of ${state}, is missing. Restore it from a backup (if the store was renamed or moved, rename or move its chain file with it).`,
			file,
		);
	}
	return describeFsError(err, file, doing);
}
