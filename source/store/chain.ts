/**
 * The append-only review chain: each signed review, amendment and performance decision carries the
 * SHA-256 of its canonical JSON and the previous entry's hash, so altering, deleting or reordering any
 * entry in a copy of the store breaks a link that `fortnight verify` reports.
 */
import {createHash, sign as cryptoSign, type KeyObject} from 'node:crypto';
import {canonicalJson} from '../domain/canonical-json.js';
import type {ChainEntry} from '../domain/model.js';
import type {Signer} from '../domain/signer.js';

export const GENESIS_HASH = '0'.repeat(64);

type Unsigned = Omit<ChainEntry, 'hash' | 'sig'>;

/**
 * SHA-256 (hex) of the canonical JSON of {seq, prevHash, kind, signedAt, data}, plus `author` when the
 * entry is signed, so the signer's name is covered by the hash the signature is over (README, "Audit").
 * Entries made before signatures have no author and hash exactly as they always did.
 */
export function hashEntry(entry: Unsigned | ChainEntry): string {
	const {seq, prevHash, kind, signedAt, data, author} = entry;
	return createHash('sha256').update(canonicalJson({seq, prevHash, kind, signedAt, data, author})).digest('hex');
}

/** The private half the author signs with: an Ed25519 KeyObject and the officer it belongs to. */
export interface SigningKey {
	officerId: string;
	privateKey: KeyObject;
}

/** Builds the next entry for `chain` (does not modify it). */
export function makeEntry<K extends ChainEntry['kind']>(
	chain: readonly ChainEntry[],
	kind: K,
	data: Extract<ChainEntry, {kind: K}>['data'],
	signedAt: string,
	key?: SigningKey,
): Extract<ChainEntry, {kind: K}> {
	const last = chain.at(-1);
	const seq = last ? last.seq + 1 : 0;
	const prevHash = last ? last.hash : GENESIS_HASH;
	const unsigned = (key ? {seq, prevHash, kind, signedAt, data, author: key.officerId} : {seq, prevHash, kind, signedAt, data}) as Unsigned;
	const hash = hashEntry(unsigned);
	if (!key) return {...unsigned, hash} as Extract<ChainEntry, {kind: K}>;
	const sig = cryptoSign(null, Buffer.from(hash, 'utf8'), key.privateKey).toString('base64');
	const entry = {...unsigned, hash, sig} as Extract<ChainEntry, {kind: K}>;
	signedHere.set(entry, {privateKey: key.privateKey, hash, sig});
	return entry;
}

/**
 * The entries this process signed, with the private key and the hash and signature it made
 * (signatures.ts signedWith): an entry whose hash and signature are still those is checked against an
 * enrolled key by comparing that key with the signing key's public half, not by verifying the signature
 * again (Ed25519 is deterministic: a signature made with a private key verifies under its public key).
 * Entries read from a store are never here, so `verify` and every read check each signature in full.
 */
export const signedHere = new WeakMap<ChainEntry, {privateKey: KeyObject; hash: string; sig: string}>();

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
		if (key === 'author' || key === 'sig') continue;
		if (!ENTRY_FIELDS.has(key))
			return (
				`entry ${e.seq} carries a field its hash does not cover (an entry holds only seq, prevHash, kind, signedAt, data and hash, and when signed ` +
				`author and sig)`
			);
		fields++;
	}
	if (fields !== ENTRY_FIELDS.size) return `entry ${e.seq} lacks one of its fields`;
	// A signature comes with the author it names (which the hash covers), and an author with a signature.
	if ((e.author === undefined) !== (e.sig === undefined))
		return `entry ${e.seq} has ${e.author === undefined ? 'a signature but no author' : 'an author but no signature'}`;
	return null;
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
		const problem = entryProblem(e, i, prev, hashes);
		if (problem) return problem;
		prev = e.hash;
	}
	return null;
}

/**
 * What verifyChain finds wrong with the entry at position `i` whose predecessor has hash `prev` (the
 * genesis hash for the first), or null: one step of the walk, for a chain streamed from its file.
 */
export function entryProblem(e: ChainEntry, i: number, prev: string, hashes = true): ChainProblem | null {
	if (e.seq !== i) {
		return {
			index: i,
			seq: e.seq,
			message: `entry at position ${i} has sequence ${e.seq}, expected ${i} (an entry was deleted, inserted or moved)`,
		};
	}
	if (e.prevHash !== prev) {
		return {index: i, seq: e.seq, message: `entry ${e.seq} does not link to the entry before it (previous hash differs)`};
	}
	if (hashes) return entryContentProblem(e, i);
	const fields = entryFieldProblem(e);
	return fields ? {index: i, seq: e.seq, message: fields} : null;
}

/**
 * What is wrong with the entry at position `i` itself, links aside: a field its hash does not cover, or
 * content that no longer matches its hash. An export re-checks the entries it prints with this
 * (chain-verify.ts shownEntriesProblem), as `verify` does every entry.
 */
export function entryContentProblem(e: ChainEntry, i: number): ChainProblem | null {
	const fields = entryFieldProblem(e);
	if (fields) return {index: i, seq: e.seq, message: fields};
	if (hashEntry(e) !== e.hash) {
		return {index: i, seq: e.seq, message: `entry ${e.seq} (${e.kind}) was altered after signing: its content no longer matches its hash`};
	}
	return null;
}

/**
 * The first broken link among the entries from `from` on, which a save appends to `chain` (the whole
 * chain, or the working set a split store keeps: chain-working-set.ts). Like verifyChain, but each entry's
 * sequence follows the entry before it rather than its position, since a working set skips entries.
 */
export function verifyAppended(chain: readonly ChainEntry[], from: number): ChainProblem | null {
	let prev = from > 0 ? chain[from - 1] : undefined;
	for (let i = Math.max(0, from); i < chain.length; i++) {
		const e = chain[i]!;
		const seq = prev ? prev.seq + 1 : 0;
		if (e.seq !== seq)
			return {index: i, seq: e.seq, message: `entry ${e.seq} should have sequence ${seq}, following the chain's last entry`};
		if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) {
			return {index: i, seq: e.seq, message: `entry ${e.seq} does not link to the entry before it (previous hash differs)`};
		}
		if (hashEntry(e) !== e.hash) return {index: i, seq: e.seq, message: `entry ${e.seq} (${e.kind}) does not match its hash`};
		prev = e;
	}
	return null;
}

/**
 * verifyChain for the working set a split store keeps in its state (chain-working-set.ts): entries in
 * rising sequence, each with only its own fields, linked to the one before wherever the two are
 * neighbours in the chain, and (with `hashes`) matching its hash. The entries between are in the chain
 * file, which `verify` walks whole.
 */
export function verifyWorkingSet(chain: readonly ChainEntry[], from = 0, to = chain.length, hashes = true): ChainProblem | null {
	for (let i = Math.max(0, from); i < Math.min(to, chain.length); i++) {
		const e = chain[i]!;
		const prev = i > 0 ? chain[i - 1]! : undefined;
		if (prev && e.seq <= prev.seq)
			return {index: i, seq: e.seq, message: `entry ${e.seq} follows entry ${prev.seq} in the store's working set (out of order)`};
		const neighbour = prev && prev.seq === e.seq - 1 ? prev.hash : e.seq === 0 ? GENESIS_HASH : null;
		if (neighbour !== null && e.prevHash !== neighbour) {
			return {index: i, seq: e.seq, message: `entry ${e.seq} does not link to the entry before it (previous hash differs)`};
		}
		const fields = entryFieldProblem(e);
		if (fields) return {index: i, seq: e.seq, message: fields};
		if (hashes && hashEntry(e) !== e.hash) {
			return {
				index: i,
				seq: e.seq,
				message: `entry ${e.seq} (${e.kind}) was altered after signing: its content no longer matches its hash`,
			};
		}
	}
	return null;
}

/** Re-signs every entry in order (only for building a fresh store, e.g. the first-run demo copy). */
export function resignChain(chain: readonly ChainEntry[]): ChainEntry[] {
	const out: ChainEntry[] = [];
	for (const e of chain) out.push(makeEntry(out, e.kind, e.data as never, e.signedAt));
	return out;
}

/** The domain's Signer (source/domain/signer.ts): signing a review, an amendment and the generator take it. */
export const signer: Signer = (chain, kind, data, signedAt) => makeEntry(chain, kind, data as never, signedAt);

/** A Signer that signs every entry with `key` (the author's own): what the desk and commands use once the author has a key. */
export const keySigner =
	(key: SigningKey): Signer =>
	(chain, kind, data, signedAt) =>
		makeEntry(chain, kind, data as never, signedAt, key);
