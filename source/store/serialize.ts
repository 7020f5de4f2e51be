/**
 * The store file's bytes. The file is exactly `JSON.stringify(data) + "\n"`, but it is produced one
 * record at a time into a reused 1 MB buffer that the writer drains before the next is filled. One
 * JSON.stringify of a 40-65 MB store holds the whole file as one string (two bytes per character as
 * soon as a single curly apostrophe is anywhere in it), then a second full copy as UTF-8: hundreds of
 * MB of fresh memory for the garbage collector. Measured on a 43 MB store (50,000 imported cases):
 * 1.1-1.4 s as one string, 0.2-0.4 s this way.
 */
import type {StoreData} from '../domain/model.js';

/** Bytes per chunk handed to the writer. */
export const CHUNK_BYTES = 1024 * 1024;

/** File content handed to the durable writer as a series of chunks (see writeFileAtomic). */
export interface ChunkedBytes {
	/** A fresh series each call. A chunk is only valid until the next one is asked for (its buffer is reused). */
	chunks(): Iterable<Uint8Array>;
}

/** The file text as one string (tests and small stores); the same bytes as storeBytes. */
export function serialize(data: StoreData): string {
	return JSON.stringify(data) + '\n';
}

/** The store file as chunks, for writeFileAtomic. */
export function storeBytes(data: StoreData): ChunkedBytes {
	return {chunks: () => chunksOf(pieces(data))};
}

/**
 * Chain entries as JSON Lines (one `JSON.stringify(entry)` and a newline each), in chunks: the chain
 * file's bytes (chain-file.ts).
 */
export function lineBytes(entries: Iterable<unknown>): ChunkedBytes {
	return {chunks: () => chunksOf(linesOf(entries))};
}

function* linesOf(entries: Iterable<unknown>): Generator<string> {
	for (const e of entries) yield JSON.stringify(e) + '\n';
}

/** All the chunks joined (tests; a writer should use storeBytes and never hold the whole file). */
export function serializeBytes(data: StoreData): Buffer {
	const copies: Buffer[] = [];
	for (const chunk of storeBytes(data).chunks()) copies.push(Buffer.from(chunk));
	return Buffer.concat(copies);
}

/** The JSON text in pieces of at most one top-level value or one element of a top-level array. */
function* pieces(data: StoreData): Generator<string> {
	// Anything JSON.stringify treats specially at the top level goes the plain way.
	if (data === null || typeof data !== 'object' || Array.isArray(data) || typeof (data as {toJSON?: unknown}).toJSON === 'function') {
		yield serialize(data);
		return;
	}
	yield '{';
	let first = true;
	for (const key of Object.keys(data)) {
		const value = (data as unknown as Record<string, unknown>)[key];
		const head = (first ? '' : ',') + JSON.stringify(key) + ':';
		if (Array.isArray(value) && typeof (value as {toJSON?: unknown}).toJSON !== 'function') {
			yield head + '[';
			for (let i = 0; i < value.length; i++) {
				// As inside JSON.stringify: an element with no JSON form (undefined, a function) is null.
				const json = JSON.stringify(value[i]) ?? 'null';
				yield i === 0 ? json : ',' + json;
			}
			yield ']';
		} else {
			const json = JSON.stringify(value);
			if (json === undefined) continue; // JSON.stringify leaves such keys out
			yield head + json;
		}
		first = false;
	}
	yield '}\n';
}

/** UTF-8 encodes the pieces into one reused buffer, handing it over each time it is nearly full. */
function* chunksOf(texts: Iterable<string>): Generator<Uint8Array> {
	let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
	let used = 0;
	for (const text of texts) {
		// One UTF-16 code unit is at most three UTF-8 bytes, so this much room always suffices.
		const room = text.length * 3;
		if (used + room > buffer.length) {
			if (used > 0) yield buffer.subarray(0, used);
			used = 0;
			if (room > buffer.length) buffer = Buffer.allocUnsafe(room);
		}
		used += buffer.write(text, used, 'utf8');
	}
	if (used > 0) yield buffer.subarray(0, used);
}
