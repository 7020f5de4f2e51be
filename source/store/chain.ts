/**
 * The append-only review chain: each signed review, amendment and performance decision carries the
 * SHA-256 of its canonical JSON and the previous entry's hash, so altering, deleting or reordering any
 * entry in a copy of the store breaks a link that `fortnight verify` reports.
 */
import {createHash} from 'node:crypto';
import {canonicalJson} from '../domain/canonical-json.js';
import type {ChainEntry} from '../domain/model.js';

export const GENESIS_HASH = '0'.repeat(64);

type Unsigned = Omit<ChainEntry, 'hash'>;

export function hashEntry(entry: Unsigned | ChainEntry): string {
	const {seq, prevHash, kind, signedAt, data} = entry;
	return createHash('sha256').update(canonicalJson({seq, prevHash, kind, signedAt, data})).digest('hex');
}

/** Builds the next entry for `chain` (does not modify it). */
export function makeEntry<K extends ChainEntry['kind']>(
	chain: readonly ChainEntry[],
	kind: K,
	data: Extract<ChainEntry, {kind: K}>['data'],
	signedAt: string,
): Extract<ChainEntry, {kind: K}> {
	const last = chain.at(-1);
	const seq = last ? last.seq + 1 : 0;
	const prevHash = last ? last.hash : GENESIS_HASH;
	const unsigned = {seq, prevHash, kind, signedAt, data} as Unsigned;
	return {...unsigned, hash: hashEntry(unsigned)} as Extract<ChainEntry, {kind: K}>;
}

export interface ChainHead {
	seq: number;
	hash: string;
}

export function chainHead(chain: readonly ChainEntry[]): ChainHead | null {
	const last = chain.at(-1);
	return last ? {seq: last.seq, hash: last.hash} : null;
}

export function formatHead(head: ChainHead | null): string {
	return head ? `${head.seq}:${head.hash}` : 'empty';
}

export interface ChainProblem {
	/** Position in the array where the break was found. */
	index: number;
	seq: number | null;
	message: string;
}

/** The fields of a chain entry: the five its hash covers, and the hash. */
const ENTRY_FIELDS = new Set(['seq', 'prevHash', 'kind', 'signedAt', 'data', 'hash']);

/**
 * Why an entry's own shape breaks the chain, or null: any field besides the five its hash covers and the
 * hash itself is text that `verify` would not vouch for, so it is refused (not shown: it may be anything).
 */
export function entryFieldProblem(e: ChainEntry): string | null {
	let fields = 0;
	for (const key in e) {
		if (!ENTRY_FIELDS.has(key)) return `entry ${e.seq} carries a field its hash does not cover (an entry holds only seq, prevHash, kind, signedAt, data and hash)`;
		fields++;
	}
	return fields === ENTRY_FIELDS.size ? null : `entry ${e.seq} lacks one of its fields`;
}

/**
 * Walks the chain and returns the first broken link, or null when every entry checks out. `from` skips
 * entries already verified (a save checks only the entries it adds, linking to the one before); `to`
 * stops early (the store checks a long chain in slices). With `hashes: false` only the cheap part is
 * checked (positions, links and fields, no hashing): the store does that on every load.
 */
export function verifyChain(chain: readonly ChainEntry[], from = 0, to = chain.length, hashes = true): ChainProblem | null {
	let prev = from > 0 && chain[from - 1] ? chain[from - 1]!.hash : GENESIS_HASH;
	for (let i = Math.max(0, from); i < Math.min(to, chain.length); i++) {
		const e = chain[i]!;
		if (e.seq !== i) {
			return {index: i, seq: e.seq, message: `entry at position ${i} has sequence ${e.seq}, expected ${i} (an entry was deleted, inserted or moved)`};
		}
		if (e.prevHash !== prev) {
			return {index: i, seq: e.seq, message: `entry ${e.seq} does not link to the entry before it (previous hash differs)`};
		}
		const fields = entryFieldProblem(e);
		if (fields) return {index: i, seq: e.seq, message: fields};
		if (hashes && hashEntry(e) !== e.hash) {
			return {index: i, seq: e.seq, message: `entry ${e.seq} (${e.kind}) was altered after signing: its content no longer matches its hash`};
		}
		prev = e.hash;
	}
	return null;
}

/** Re-signs every entry in order (only for building a fresh store, e.g. the first-run demo copy). */
export function resignChain(chain: readonly ChainEntry[]): ChainEntry[] {
	const out: ChainEntry[] = [];
	for (const e of chain) out.push(makeEntry(out, e.kind, e.data as never, e.signedAt));
	return out;
}

/** The Signer the generator takes. */
export const signer = (chain: readonly ChainEntry[], kind: ChainEntry['kind'], data: ChainEntry['data'], signedAt: string): ChainEntry =>
	makeEntry(chain, kind, data as never, signedAt);
