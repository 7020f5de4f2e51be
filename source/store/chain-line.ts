/**
 * Whether a line of the chain file is the very entry the state holds a copy of (source/store/README.md,
 * "The review chain file"). The state's working set keeps a copy of each case's last review and of the
 * head; the chain file is the record. An export that prints a copy, and a save that links to the head,
 * first look at the file's line for it: altered there (same length, same hash field), the chain fails
 * `verify`, and nothing may vouch for it (README "Where the store lives").
 */
import {TextDecoder} from 'node:util';
import type {ChainEntry} from '../domain/model.js';
import {entryFieldProblem, hashEntry} from './chain.js';
import {checkJsonLimits, dropProtoKeys} from './guard.js';

const decoder = new TextDecoder('utf-8', {fatal: true});

/**
 * Why `line` (one line of `file`, without its newline) is not `copy`, in `verify`'s words, or null when it
 * is: byte for byte the line fortnight wrote for it (`JSON.stringify`, serialize.ts lineBytes), or,
 * written some other way (the key order changed), an entry with no foreign field whose content hashes to
 * the copy's hash, with the same signature. The copy's own hash and signature are checked by the caller.
 */
export function lineEntryProblem(copy: ChainEntry, line: Uint8Array, file: string): string | null {
	let text: string;
	try {
		text = decoder.decode(line);
	} catch {
		return `entry ${copy.seq} of ${file} is not UTF-8 text (the chain file was damaged or edited)`;
	}
	if (text === JSON.stringify(copy)) return null;
	let entry: ChainEntry;
	try {
		if (checkJsonLimits(text, `${file} (entry ${copy.seq})`, 'chain entry').duplicateKey !== -1)
			return `entry ${copy.seq} of ${file} has the same property name twice in one object (the chain file was edited)`;
		entry = JSON.parse(text) as ChainEntry;
	} catch {
		return `entry ${copy.seq} of ${file} is not a whole JSON entry (the chain file was damaged or edited)`;
	}
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
		return `entry ${copy.seq} of ${file} is not a chain entry (the chain file was damaged or edited)`;
	if (text.includes('__proto__') || text.includes('\\u')) dropProtoKeys(entry);
	if (entry.seq !== copy.seq)
		return `the line of entry ${copy.seq} in ${file} holds sequence ${String(entry.seq)} (an entry was deleted, inserted or moved)`;
	const fields = entryFieldProblem(entry);
	if (fields) return `${fields} in ${file}`;
	let hash: string;
	try {
		hash = hashEntry(entry);
	} catch {
		return `entry ${copy.seq} of ${file} is not a chain entry (the chain file was damaged or edited)`;
	}
	if (hash !== entry.hash)
		return `entry ${copy.seq} (${copy.kind}) of ${file} was altered after signing: its content no longer matches its hash`;
	if (entry.hash !== copy.hash || entry.sig !== copy.sig)
		return `entry ${copy.seq} (${copy.kind}) of ${file} is not the entry the store holds (another hash or signature): the chain file was replaced or edited`;
	return null;
}
