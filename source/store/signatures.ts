/**
 * Who signed each chain entry (README, "Signatures"). An entry is signed with Ed25519 by its author
 * over the UTF-8 bytes of its hash (which covers the author's id). Public keys are enrolled in the
 * chain itself: the first enrolment is the store's creator, self-signed; each later one must be
 * signed by someone entitled to enrol (the team's inspector, or its sergeant for the team's other
 * officers). From the first enrolment on, every entry must be signed by an enrolled key of the person
 * the entry names as acting (the reviewer, the decider, the amender, the enroller). Entries before it
 * are "signed before signatures": counted and reported, never silently trusted.
 */
import {createHash, createPublicKey, verify as cryptoVerify, type KeyObject} from 'node:crypto';
import type {ChainEntry, EnrolmentEntry, StoreData} from '../domain/model.js';
import {mayEnrolKey} from '../domain/permissions.js';
import {signedHere} from './chain.js';

export interface SignatureReport {
	/** Entries before the first enrolment, which carry no signature. */
	beforeSignatures: number;
	/** Entries whose signature checked out against an enrolled key of their author. */
	signed: number;
	/** Officers with at least one enrolled key. */
	enrolled: number;
	/** The first entry that fails, or null. */
	problem: {index: number; seq: number; message: string} | null;
	/**
	 * Every enrolment walked, in chain order: whose key, who vouched for it (REVIEW-9 D1: verify names them,
	 * and an officer with more than one key is pointed out). Only the walks that see the whole chain hold all.
	 */
	vouched: readonly Vouched[];
}

/** One enrolled key and who vouched for it. */
export interface Vouched {
	seq: number;
	officerId: string;
	fingerprint: string;
	/** Who signed the enrolment: the officer themselves for the store's creator (and a replacement by the old key). */
	by: string;
	date: string;
	first: boolean;
}

const vouchedOf = (e: EnrolmentEntry): Vouched => ({
	seq: e.seq,
	officerId: e.data.officerId,
	fingerprint: e.data.fingerprint,
	by: e.data.by,
	date: e.data.date,
	first: e.data.first,
});

/** The officer an entry says acted: its author must be this person. */
export function actorOfEntry(e: ChainEntry): string {
	switch (e.kind) {
		case 'review':
			return e.data.reviewerId;
		case 'amendment':
		case 'performance-decision':
		case 'enrolment':
		case 'record':
			return e.data.by;
	}
}

/** SHA-256 (hex) of a public key's DER (SPKI): the fingerprint people compare by eye. */
export function fingerprintOf(key: KeyObject): string {
	return createHash('sha256')
		.update(key.export({type: 'spki', format: 'der'}))
		.digest('hex');
}

function publicKeyOf(pem: string): KeyObject | null {
	try {
		const k = createPublicKey(pem);
		return k.asymmetricKeyType === 'ed25519' ? k : null;
	} catch {
		return null;
	}
}

/** The public half of each private key this process signed with (createPublicKey once a key). */
const publicHalves = new WeakMap<KeyObject, KeyObject>();

/**
 * True when this process signed `e` (chain.ts signedHere), its hash and signature untouched since, with the
 * private half of `key`: then the signature verifies under `key` by construction, and verifying it again
 * (a signing's dearest check) would only say so twice. Anything else is verified in full (sigOk).
 */
function signedWith(e: ChainEntry, key: KeyObject): boolean {
	const made = signedHere.get(e);
	if (!made || made.hash !== e.hash || made.sig !== e.sig) return false;
	let half = publicHalves.get(made.privateKey);
	if (!half) {
		half = createPublicKey(made.privateKey);
		publicHalves.set(made.privateKey, half);
	}
	return half.equals(key);
}

function sigOk(e: ChainEntry, key: KeyObject): boolean {
	if (!e.sig) return false;
	try {
		return cryptoVerify(null, Buffer.from(e.hash, 'utf8'), key, Buffer.from(e.sig, 'base64'));
	} catch {
		return false;
	}
}

/**
 * May `by` enrol a key for `officerId`, who has an enrolled key already when `hasKey`? The domain's rule
 * (permissions.ts mayEnrolKey): the inspector anyone's; the officer their own replacement, signed with
 * their old key; the sergeant only a first key, of an officer he line-manages or of the inspector while
 * she has none. `keys enrol` and verify's walk both ask it (REVIEW-9 D1).
 */
export function mayEnrol(data: Pick<StoreData, 'team' | 'officers'>, by: string, officerId: string, hasKey: boolean): boolean {
	return mayEnrolKey(data as StoreData, by, officerId, hasKey);
}

/**
 * Checks every signature and the enrolment chain. Assumes the hashes and links were checked first
 * (verifyChain): a signature is only as good as the hash it signs.
 */
export function verifySignatures(data: Pick<StoreData, 'team' | 'officers' | 'chain'>, from = 0): SignatureReport {
	const chain = data.chain;
	const before = from > 0 ? chain[Math.min(from, chain.length) - 1] : undefined;
	const known = before ? keysUpTo.get(before) : undefined;
	const walk = new SignatureWalk(data, known);
	// Entries before `from` were checked when they were saved (a save checks only what it adds): collect
	// their keys, or take them from the last save, which ended at the same entry.
	if (!known) for (let i = 0; i < Math.min(from, chain.length); i++) walk.learn(chain[i]!);
	for (let i = Math.max(0, from); i < chain.length; i++) {
		const problem = walk.check(chain[i]!, i);
		if (problem) return walk.report(problem);
	}
	const last = chain.at(-1);
	if (last) keysUpTo.set(last, walk.enrolledKeys());
	return walk.report(null);
}

/**
 * The keys enrolled in a chain up to and including an entry whose signatures checked out. Entries never
 * change once made, so each save starts from the keys the save before ended with instead of walking
 * the whole chain again (issue 17: signing at 5,000 cases within 1.2x of signing without keys).
 */
const keysUpTo = new WeakMap<ChainEntry, ReadonlyMap<string, readonly KeyObject[]>>();

/**
 * verifySignatures one entry at a time, for a chain streamed from its file (`verify` on a split store,
 * chain-verify.ts): the enrolled keys are all it keeps.
 */
export class SignatureWalk {
	private readonly keys: Map<string, KeyObject[]>;
	private beforeSignatures = 0;
	private signed = 0;
	private readonly vouched: Vouched[] = [];

	/** `known`: the keys enrolled before the first entry this walk will see (verifySignatures' cache). */
	constructor(
		private readonly data: Pick<StoreData, 'team' | 'officers'>,
		known?: ReadonlyMap<string, readonly KeyObject[]>,
	) {
		this.keys = new Map([...(known ?? [])].map(([id, ks]) => [id, [...ks]]));
	}

	/** A copy of the keys enrolled so far. */
	enrolledKeys(): ReadonlyMap<string, readonly KeyObject[]> {
		return new Map([...this.keys].map(([id, ks]) => [id, [...ks]]));
	}

	/** Takes in an entry checked before (its key, if it enrols one). */
	learn(e: ChainEntry): void {
		if (e.kind !== 'enrolment') return;
		this.vouched.push(vouchedOf(e));
		const k = publicKeyOf(e.data.publicKey);
		if (k) this.keys.set(e.data.officerId, [...(this.keys.get(e.data.officerId) ?? []), k]);
	}

	/** Checks entry `e` at position `i`; returns its problem, or null (and counts it). */
	check(e: ChainEntry, i: number): SignatureReport['problem'] {
		const keys = this.keys;
		const fail = (message: string) => ({index: i, seq: e.seq, message});
		const started = keys.size > 0;
		if (!started && e.kind !== 'enrolment') {
			if (e.sig !== undefined || e.author !== undefined)
				return fail(`entry ${e.seq} (${e.kind}) carries a signature but no key had been enrolled before it`);
			this.beforeSignatures++;
			return null;
		}
		if (e.author === undefined || e.sig === undefined) {
			return fail(`entry ${e.seq} (${e.kind}) is not signed, but every entry after the first key enrolment must be signed by its author`);
		}
		const actor = actorOfEntry(e);
		if (e.author !== actor)
			return fail(
				`entry ${e.seq} (${e.kind}) is signed by ${e.author} but records ${actor} as acting: an entry is signed by its own author`,
			);
		if (e.kind === 'enrolment') {
			const enrolled = publicKeyOf(e.data.publicKey);
			if (!enrolled) return fail(`entry ${e.seq} enrols something that is not an Ed25519 public key`);
			if (fingerprintOf(enrolled) !== e.data.fingerprint)
				return fail(`entry ${e.seq} enrols a key whose fingerprint does not match the one it records`);
			if (!started) {
				// The store's creator: self-signed with the key it enrols, and it says so.
				if (!e.data.first || e.data.officerId !== e.author || !sigOk(e, enrolled)) {
					return fail(
						`entry ${e.seq} is the first enrolment, which must be the store creator's own key, marked first and signed with that key`,
					);
				}
			} else {
				if (e.data.first) return fail(`entry ${e.seq} claims to be the first enrolment, but keys were enrolled before it`);
				if (!mayEnrol(this.data, e.author, e.data.officerId, keys.has(e.data.officerId))) {
					return fail(
						`entry ${e.seq} enrols a key for ${e.data.officerId} by ${e.author}, who is not entitled to enrol it (the team's inspector, the officer ` +
							`replacing their own enrolled key, or its sergeant for the first key of an officer they line-manage or of the inspector)`,
					);
				}
				const signerKeys = keys.get(e.author) ?? [];
				if (!signerKeys.some(k => sigOk(e, k))) return fail(badSig(e, signerKeys.length));
			}
			keys.set(e.data.officerId, [...(keys.get(e.data.officerId) ?? []), enrolled]);
			this.vouched.push(vouchedOf(e));
			this.signed++;
			return null;
		}
		const authorKeys = keys.get(e.author) ?? [];
		if (!authorKeys.some(k => signedWith(e, k) || sigOk(e, k))) return fail(badSig(e, authorKeys.length));
		this.signed++;
		return null;
	}

	report(problem: SignatureReport['problem']): SignatureReport {
		return {beforeSignatures: this.beforeSignatures, signed: this.signed, enrolled: this.keys.size, problem, vouched: this.vouched};
	}
}

function badSig(e: ChainEntry, known: number): string {
	return known === 0
		? `entry ${e.seq} (${e.kind}) is signed by ${e.author}, who has no enrolled key at that point in the chain`
		: `entry ${e.seq} (${e.kind}) has a signature that does not match any key enrolled for ${e.author}`;
}
