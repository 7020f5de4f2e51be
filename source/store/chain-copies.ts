/**
 * The state's copies of the chain entries an export prints, held against the chain file (README "Where the
 * store lives"; source/store/README.md, "What the load checks"). A split store's handover and calendar read
 * each case's last review and the head from the state's working set; an entry altered in the chain file
 * (same length, hash field kept) leaves those copies intact, so re-hashing them alone would vouch for a
 * chain that `verify` calls broken. Here the file's line for each printed copy must be that very entry
 * (chain-line.ts), and the file must end, at the end the state records, with the head.
 *
 * The file is scanned in 1 MB reads, never held as one string: only the lines of the printed entries are
 * decoded and compared (the rest are counted by their newlines), so a 59 MB chain (5,000 cases) costs one
 * read of its bytes, not a parse of 50,000 entries.
 */
import {promises as fsp} from 'node:fs';
import type {ChainEntry, ChainLog, StoreData} from '../domain/model.js';
import {lineEntryProblem} from './chain-line.js';
import {describeFsError} from './errors.js';
import {chainFileOf} from './read.js';

/** Bytes read at a time. */
const READ_CHUNK = 1024 * 1024;

/**
 * Why the chain file of `storeFile` does not hold, as the same entries, the copies in `data.chain` that
 * `shows` picks and the head: one sentence naming the entry, or null. A store holding its whole chain (one
 * file, or read whole) has no second copy to compare, and answers null; so does a store with no entries.
 * A chain file that cannot be read throws StoreError (the store cannot be read: exit 3).
 */
export async function chainFileCopiesProblem(
	storeFile: string,
	data: Pick<StoreData, 'chain' | 'chainLog'>,
	shows: (e: ChainEntry) => boolean,
	/** Bytes per read (a test makes lines span many reads). */
	chunk = READ_CHUNK,
): Promise<string | null> {
	const log = data.chainLog;
	if (!log || log.entries === 0 || data.chain.length === log.entries) return null;
	const wanted = new Map<number, ChainEntry>();
	for (const e of data.chain) if (shows(e)) wanted.set(e.seq, e);
	const head = data.chain.at(-1);
	if (head) wanted.set(head.seq, head);
	const file = await chainFileOf(storeFile);
	try {
		return await scan(file, log, wanted, chunk);
	} catch (err) {
		throw describeFsError(err, file, 'reading');
	}
}

/** Reads `file` up to the recorded end, comparing the line of each wanted entry; the first problem, or null. */
async function scan(file: string, log: ChainLog, wanted: ReadonlyMap<number, ChainEntry>, chunk: number): Promise<string | null> {
	const handle = await fsp.open(file, 'r');
	try {
		const size = (await handle.stat()).size;
		if (size < log.bytes)
			return `${file} is ${size} bytes, shorter than the ${log.bytes} bytes of review chain the store records (entries were removed, or one was edited shorter: "fortnight verify" names it)`;
		const buffer = Buffer.allocUnsafe(chunk);
		// The part of a wanted line that began in an earlier read.
		let carry: Buffer[] = [];
		let index = 0;
		let offset = 0;
		// Whether the last byte read is not a newline: the recorded end must be a line end.
		let partial = false;
		while (offset < log.bytes) {
			const {bytesRead} = await handle.read(buffer, 0, Math.min(chunk, log.bytes - offset), offset);
			if (bytesRead === 0) return `${file} ends at byte ${offset}, before the ${log.bytes} bytes the store records`;
			offset += bytesRead;
			let start = 0;
			for (let nl = buffer.indexOf(10, 0); nl !== -1 && nl < bytesRead; nl = buffer.indexOf(10, start)) {
				const copy = wanted.get(index);
				if (copy) {
					const line = carry.length > 0 ? Buffer.concat([...carry, buffer.subarray(start, nl)]) : buffer.subarray(start, nl);
					const problem = lineEntryProblem(copy, line, file);
					if (problem) return problem;
				}
				carry = [];
				index++;
				start = nl + 1;
			}
			partial = buffer[bytesRead - 1] !== 10;
			// Only a wanted line is kept across reads (the buffer is reused); the others are only counted.
			if (start < bytesRead && wanted.has(index)) carry.push(Buffer.from(buffer.subarray(start, bytesRead)));
		}
		if (index !== log.entries || partial)
			return `${file} does not hold ${log.entries} whole entries up to byte ${log.bytes}, as the store records (entries were added, removed or joined by hand)`;
		return null;
	} finally {
		await handle.close().catch(() => {});
	}
}
