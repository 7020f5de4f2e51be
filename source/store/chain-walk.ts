/**
 * `fortnight verify`'s walk of a split store's chain file (README "verify": it tells an inspector whether
 * the chain is intact and, if not, where). The readers of chain-file.ts refuse a file that does not hold
 * what the state records before reading an entry (shorter than recorded, a line that is not an entry),
 * and the commands that save refuse with them; verify instead reads the file as far as it can, so that
 * the first entry altered, unreadable or missing is the one it names (QA 7 D3, D4):
 *
 * - every whole line up to the first line end at or past the committed end the state records: an entry
 *   edited longer or shorter is still read, and its hash (chain-verify.ts) names it;
 * - a line that is not an entry: the entries before it are yielded, then a StoreError 'chain' names it;
 * - the file ending before the committed end: the entry it ends inside, or the first entry missing.
 *
 * Bytes after the committed end that follow a line end are a save interrupted before its state write
 * (chain-file.ts uncommittedWarning): not part of the chain, and not read.
 */
import {TextDecoder} from 'node:util';
import type {ChainEntry, ChainLog} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {MAX_LINE_BYTES, openChainFile, readLine, type LineFault} from './chain-file.js';
import {StoreError} from './errors.js';

const READ_CHUNK = 1024 * 1024;

/** The chain file's entries, in batches, for verify; throws StoreError 'chain' at the first place the file breaks. */
export async function* chainFileWalk(file: string, log: ChainLog, state: string): AsyncGenerator<ChainEntry[]> {
	const {handle, chainEntryProblem} = await openChainFile(file, state);
	try {
		const decoder = new TextDecoder('utf-8', {fatal: true});
		const buffer = Buffer.allocUnsafe(READ_CHUNK);
		let offset = 0;
		let index = 0;
		/** The byte after the last whole line read. */
		let end = 0;
		let carry: Buffer[] = [];
		let carried = 0;
		let reachedEnd = log.bytes === 0;
		while (!reachedEnd) {
			const {bytesRead} = await handle.read(buffer, 0, READ_CHUNK, offset);
			if (bytesRead === 0) break;
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
				const read = readOne(line, index, file, decoder, chainEntryProblem);
				if ('fault' in read) {
					if (batch.length > 0) yield batch;
					throw unreadableEntry(file, index, read.fault);
				}
				batch.push(read.entry);
				index++;
				start = nl + 1;
				end = offset + start;
				if (end >= log.bytes) {
					reachedEnd = true;
					break;
				}
			}
			if (!reachedEnd && start < bytesRead) {
				carried += bytesRead - start;
				if (carried > MAX_LINE_BYTES) {
					if (batch.length > 0) yield batch;
					throw unreadableEntry(file, index, {code: 'malformed', why: 'is longer than any chain entry can be', at: ''});
				}
				carry.push(Buffer.from(buffer.subarray(start, bytesRead))); // the buffer is reused for the next chunk
			}
			offset += bytesRead;
			if (batch.length > 0) yield batch;
		}
		const where = `${state} records ${log.entries} entries in ${log.bytes} bytes`;
		if (!reachedEnd && carried > 0) {
			throw new StoreError(
				'chain',
				`${file} ends partway through entry ${index} (line ${index + 1}), at byte ${offset}, where ${where}: the file was cut short or ` +
					'edited. Restore the two files together from a backup.',
				file,
			);
		}
		if (index < log.entries) {
			const missing = index === log.entries - 1 ? `entry ${index} is` : `entries ${index} to ${log.entries - 1} are`;
			throw new StoreError(
				'chain',
				`${missing} missing from ${file}: it holds ${index} entries in ${end} bytes, where ${where} (entries were removed). Restore the two ` +
					'files together from a backup.',
				file,
			);
		}
		if (index > log.entries || end !== log.bytes) {
			// Every entry read hashes and links correctly (verify checked them before asking for more), yet the
			// file is not what the state counts: entries added or joined, or spacing changed inside a line.
			throw new StoreError(
				'chain',
				`${file} holds ${index} entries in ${end} bytes where ${where}: the file was edited or replaced although the entries read are ` +
					'intact. Restore the two files together from a backup.',
				file,
			);
		}
	} finally {
		await handle.close().catch(() => {});
	}
}

/** readLine, with the guard's refusal (nesting, a token no entry has) taken as the line's fault. */
function readOne(
	line: Buffer,
	index: number,
	file: string,
	decoder: TextDecoder,
	check: Parameters<typeof readLine>[4],
): ReturnType<typeof readLine> {
	try {
		return readLine(line, file, `line ${index + 1}`, decoder, check);
	} catch (err) {
		if (err instanceof StoreError) return {fault: {code: 'malformed', why: 'holds a text or nesting no chain entry has', at: ''}};
		throw err;
	}
}

/**
 * "entry 300 (line 301 of team.chain.jsonl) cannot be read: ...". An entry's line is its sequence plus one
 * (fortnight writes one entry a line, in order), so the entry is named by its place: its own fields
 * may be what was altered. The schema checker's words are its own; the field's place is what helps.
 */
function unreadableEntry(file: string, index: number, fault: LineFault): StoreError {
	const why =
		fault.code === 'invalid'
			? fault.at && fault.at !== '/'
				? `its ${safeText(fault.at)} is not what a chain entry holds there`
				: 'it is not a chain entry fortnight wrote'
			: `the line ${fault.why}`;
	return new StoreError(
		'chain',
		`entry ${index} (line ${index + 1} of ${file}) cannot be read: ${why}. It was altered or damaged after it was written; restore the two files ` +
			'together from a backup.',
		file,
	);
}
