/**
 * The journal's file (source/store/README.md, "The journal"): `team.journal.jsonl` beside the real state
 * file. Its first line names the state file's bytes (SHA-256) it continues; each line after it is one
 * save, linked to the line before by hash, appended with fsync under the store's lock. The last line is
 * the commit point of a save; the state file is rewritten whole only when the journal grows past a
 * threshold (compaction, store.ts), after which the journal is removed.
 *
 * - A line is whole only with its newline: bytes after the last one are a save killed mid-append,
 *   ignored with a warning and cut off by the next save before it appends.
 * - A journal whose first line names other bytes than the state's, and holds nothing newer than the
 *   state, is left over from a compaction killed between its rename and the journal's removal: the
 *   state already holds all of it, so it is ignored (and replaced by the next save). One that holds
 *   newer saves belongs to another state file (one restored or replaced without it): refused.
 * - Anything else wrong (a changed byte, a line out of order, one that does not apply) is damage: the
 *   store is refused, as for a damaged state file.
 */
import {constants as fsConstants, fstatSync, promises as fsp, readSync, type Stats} from 'node:fs';
import type {StoreData} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {SavedButNotSynced, writeFileAtomic} from './atomic-write.js';
import {describeFsError, StoreError} from './errors.js';
import type {WriteFs} from './file-system.js';
import {checkJsonLimits, dropProtoKeys} from './guard.js';
import {lineBody, lineShapeProblem, lineText, Replay, type JournalChange, type JournalHeader, type JournalLine} from './journal.js';
import {hardLinkProblem} from './link-target.js';
import {hasReceipt, writeReceipt} from './receipts.js';
import {isUtf8} from './utf8.js';

/** A store's journal as last read or written by this process. */
export interface JournalState {
	file: string;
	/** SHA-256 and size of the state file's bytes (the state the journal continues, or would). */
	stateHash: string;
	stateBytes: number;
	/** 'bound': lines continue this state; 'none': no journal; 'stale': one the state already holds (see above). */
	status: 'bound' | 'none' | 'stale';
	/** The committed end (bytes), the last line's hash (the header's when no save is in it yet) and the saves in it. */
	end: number;
	lastHash: string;
	lines: number;
	/** The state as the two files hold it (the chain's working set): what the next line is a change of. */
	data: StoreData;
	/** At most how many bytes `data` is as one state file (what a compaction would write): the size guard's count. */
	projectedBytes: number;
}

export interface JournalRead {
	journal: JournalState;
	stat: Stats | null;
	warnings: string[];
}

/** The receipt key of a journal (receipts.ts): a receipt for its last line's hash covers every line before it. */
const receiptKey = (realState: string): string => `${realState}#journal`;

/** A journal read whole whose text does not check out: altered or damaged (verify exits 1; errors.ts 'journal'). */
const damaged = (file: string, state: string, where: string, why: string): StoreError =>
	new StoreError(
		'journal',
		`${file}, the recent saves of ${state}, is damaged at ${where} (${why}). ` +
			`The files were not changed; restore ${state} and its journal together from a backup.`,
		file,
	);

/**
 * `state` (read from `stateFile`, bytes hashing to `stateHash`) with its journal's saves replayed. Lines
 * are checked (hash, link, revision, shape) and replayed; the result is validated (only what the lines
 * added or replaced, validate.ts) unless this user's fortnight has a receipt for the last line.
 */
export async function readJournal(
	file: string,
	state: StoreData,
	stateFile: string,
	realState: string,
	stateHash: string,
	stateBytes: number,
): Promise<JournalRead> {
	const none: JournalState = {
		file,
		stateHash,
		stateBytes,
		status: 'none',
		end: 0,
		lastHash: '',
		lines: 0,
		data: state,
		projectedBytes: stateBytes,
	};
	let handle: fsp.FileHandle;
	try {
		handle = await fsp.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {journal: none, stat: null, warnings: []};
		throw describeFsError(err, file, 'reading');
	}
	let bytes: Buffer;
	let stat: Stats;
	try {
		stat = await handle.stat();
		if (!stat.isFile()) {
			throw new StoreError(
				'invalid',
				`${file}, the journal of ${stateFile}, is not a regular file, so the store was not read. Move it away.`,
				file,
			);
		}
		// Compaction keeps a journal to a small fraction of the state; a huge one is not fortnight's.
		if (stat.size > 256 * 1024 * 1024) throw damaged(file, stateFile, 'its size', 'it is larger than any journal fortnight keeps');
		bytes = Buffer.alloc(stat.size);
		let got = 0;
		while (got < stat.size) {
			const {bytesRead} = await handle.read(bytes, got, stat.size - got, got);
			if (bytesRead === 0) break;
			got += bytesRead;
		}
		bytes = bytes.subarray(0, got);
	} catch (err) {
		if (err instanceof StoreError) throw err;
		throw describeFsError(err, file, 'reading');
	} finally {
		await handle.close().catch(() => {});
	}
	const end = bytes.lastIndexOf(10) + 1;
	const torn = bytes.length - end;
	const warnings =
		torn > 0
			? [
					`${file} ends with ${torn} bytes of a save that did not complete (a save was interrupted); ` +
						'they are not part of the store, and the next save removes them.',
				]
			: [];
	if (end === 0) return {journal: {...none, status: 'stale'}, stat, warnings};
	const whole = bytes.subarray(0, end);
	if (!isUtf8(whole)) throw damaged(file, stateFile, 'a byte', 'it is not UTF-8 text');
	const lines = whole.toString('utf8').split('\n');
	lines.pop();
	const parsed = (n: number): {value: unknown; hash: string} => {
		const line = lineBody(lines[n]!);
		if (!line) throw damaged(file, stateFile, `line ${n + 1}`, 'its hash does not match its text');
		const {duplicateKey} = checkJsonLimits(line.body, `${file} (line ${n + 1})`, 'journal line');
		if (duplicateKey !== -1) throw damaged(file, stateFile, `line ${n + 1}`, 'a property name is given twice');
		const value = JSON.parse(line.body) as unknown;
		dropProtoKeys(value);
		return {value, hash: line.hash};
	};
	const header = parsed(0);
	const h = header.value as Partial<JournalHeader>;
	if (h?.journal !== 1 || typeof h.state !== 'string' || !Number.isSafeInteger(h.revision)) {
		throw damaged(file, stateFile, 'line 1', 'it is not a journal fortnight wrote');
	}
	const bodies: JournalLine[] = [];
	for (let n = 1; n < lines.length; n++) {
		const {value} = parsed(n);
		const problem = lineShapeProblem(value);
		if (problem) throw damaged(file, stateFile, `line ${n + 1}`, problem);
		bodies.push(value as JournalLine);
	}
	if (h.state !== stateHash) {
		// Left by a compaction killed before it removed the journal: the state holds every save in it.
		if (h.revision! <= state.revision && bodies.every(b => b.rev <= state.revision)) {
			return {journal: {...none, status: 'stale'}, stat, warnings};
		}
		throw new StoreError(
			'invalid',
			`${file} holds saves that ${stateFile} does not continue: the state file was restored or replaced without its journal, so the store was not read. ` +
				'Restore the two files together from a backup (to go back to the state file alone, move the journal away).',
			file,
		);
	}
	const replay = new Replay(state);
	if (h.revision !== state.revision) throw damaged(file, stateFile, 'line 1', 'it names another revision of the state');
	let lastHash = header.hash;
	for (let n = 0; n < bodies.length; n++) {
		const body = bodies[n]!;
		if (body.prev !== lastHash) throw damaged(file, stateFile, `line ${n + 2}`, 'it does not follow the line before it');
		if (body.base !== replay.revision) throw damaged(file, stateFile, `line ${n + 2}`, 'it does not follow the revision before it');
		try {
			replay.apply(body);
		} catch (err) {
			throw damaged(file, stateFile, `line ${n + 2}`, safeText((err as Error).message));
		}
		lastHash = lineBody(lines[n + 1]!)!.hash;
	}
	const data = bodies.length > 0 ? replay.result() : state;
	if (bodies.length > 0 && !(await hasReceipt(receiptKey(realState), lastHash))) {
		const {validateStore} = await import('./validate.js');
		let problem;
		try {
			problem = validateStore(data, state);
		} catch {
			problem = {path: '/', message: 'it could not be checked'};
		}
		if (problem) {
			throw new StoreError(
				'invalid',
				`${file}, the recent saves of ${stateFile}, makes an invalid store: at ${safeText(problem.path)}, ${safeText(problem.message)}. ` +
					'The files were not changed; restore them together from a backup.',
				file,
			);
		}
		await writeReceipt(receiptKey(realState), lastHash);
	}
	// Each line holds its records whole, so the state and the lines are more than the state they replay to.
	const projectedBytes = stateBytes + end;
	const journal: JournalState = {file, stateHash, stateBytes, status: 'bound', end, lastHash, lines: bodies.length, data, projectedBytes};
	return {journal, stat, warnings};
}

/** The bytes a save adds: the line for `change` (after the journal's last line, or after a new header when there is no journal to continue). */
export function nextLines(j: JournalState, base: number, change: JournalChange): {text: string; hash: string; fresh: boolean} {
	if (j.status === 'bound') {
		const line = lineText({base, rev: base + 1, prev: j.lastHash, ...change});
		return {...line, fresh: false};
	}
	const header = lineText({journal: 1, state: j.stateHash, revision: base});
	const line = lineText({base, rev: base + 1, prev: header.hash, ...change});
	return {text: header.text + line.text, hash: line.hash, fresh: true};
}

/**
 * Writes a save's line(s), synced: appended after the committed end of a bound journal (a torn tail
 * cut off first), or as a new journal, header and line, the durable way (temp file and rename, with
 * the state's owner and group) when there is none to continue. Returns the journal after it and a
 * warning when only the folder sync of a new journal was not confirmed. A failed append is cut back.
 */
export async function writeLines(
	j: JournalState,
	lines: {text: string; hash: string; fresh: boolean},
	next: StoreData,
	mode: number,
	fs: WriteFs,
	options: {ownerFrom: Stats | null; assertHeld: () => void; projectedBytes: number},
): Promise<{journal: JournalState; unconfirmed?: unknown; journalStat?: Stats; moved?: true}> {
	const bytes = Buffer.from(lines.text, 'utf8');
	const after = (end: number): JournalState => ({
		...j,
		status: 'bound',
		end,
		lastHash: lines.hash,
		lines: j.lines + 1,
		data: next,
		projectedBytes: options.projectedBytes,
	});
	if (lines.fresh) {
		try {
			await writeFileAtomic(j.file, bytes, mode, fs, {ownerFrom: options.ownerFrom, beforeCommit: options.assertHeld});
		} catch (err) {
			if (!(err instanceof SavedButNotSynced)) throw err;
			return {journal: {...after(bytes.length), lines: 1}, unconfirmed: err.cause};
		}
		return {journal: {...after(bytes.length), lines: 1}};
	}
	const handle = await fs.open(j.file, 'r+');
	let journalStat: Stats | undefined;
	let moved = false;
	try {
		// Asked at once, not through the thread pool (file-system.ts realFs says why).
		const st = fstatSync(handle.fd);
		const linked = hardLinkProblem(j.file, st.nlink);
		if (linked) throw new StoreError('hard-link', linked, j.file);
		// The line before the end must be the one this process read or wrote last, or the file was replaced.
		const tail = Buffer.alloc(67);
		const bytesRead = st.size >= j.end ? readSync(handle.fd, tail, 0, 67, j.end - 67) : 0;
		if (bytesRead !== 67 || tail.toString('latin1') !== `${j.lastHash}"}\n`) {
			throw new StoreError(
				'invalid',
				`${j.file} is not the journal this save read (it was replaced or edited meanwhile), so nothing was saved. Reload and make the change again.`,
				j.file,
			);
		}
		options.assertHeld();
		if (st.size > j.end) {
			// Past the end this save read, only a torn line (a crash mid-append: no line break) is cut off. A
			// whole line there is another writer's saved change that this save never read: cutting it would lose it.
			const past = Buffer.alloc(Math.min(st.size - j.end, 1 << 20));
			const n = readSync(handle.fd, past, 0, past.length, j.end);
			if (past.subarray(0, n).includes(0x0a) || st.size - j.end > past.length) {
				throw new StoreError(
					'conflict',
					`${j.file} holds a save made after this one read it, so nothing was saved. Reload and make the change again.`,
					j.file,
				);
			}
			await fs.truncate(handle, j.end);
		}
		try {
			await fs.writeAt(handle, bytes, j.end);
			await fs.sync(handle);
			// The journal's new version (its mtime) for the store's signature: only when the file is exactly what
			// this save made it. Anything else (another writer appended meanwhile) leaves the version unknown, so
			// the next save reads the journal afresh instead of taking their line for part of this save.
			try {
				const now = fstatSync(handle.fd);
				if (now.size === j.end + bytes.length) journalStat = now;
				else moved = true;
			} catch {
				// asked again by the caller
			}
		} catch (err) {
			await fs.truncate(handle, j.end).catch(() => {});
			throw err;
		}
	} finally {
		// Not waited for, as the chain file's (chain-file.ts appendChain): the line is synced or cut back by now.
		void fs.close(handle).catch(() => {});
	}
	return {journal: after(j.end + bytes.length), ...(journalStat ? {journalStat} : {}), ...(moved ? {moved: true as const} : {})};
}

/** Records that the journal up to `hash` is valid (the save validated it), so the next load replays without checking. */
export async function journalReceipt(realState: string, hash: string): Promise<void> {
	await writeReceipt(receiptKey(realState), hash);
}
