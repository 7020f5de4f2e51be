/**
 * Whether the person at the keyboard can sign what they are about to record (README, "Signatures"):
 * from a store's first key enrolment on, every chain entry must be signed by an enrolled key of its
 * author, and the store refuses one that is not. The desk asks before anything is typed, so nobody
 * writes a review that could never be saved. Pure: the caller says what it knows about the officer's
 * key file (its fingerprint, or why it could not be read); the keys themselves stay in source/store.
 */
import {isInspectorOver} from './permissions.js';
import type {ChainEntry, Officer, StoreData} from './model.js';
import {shortName} from './people.js';
import {safeText} from './safe-text.js';

/** What the desk knows about the officer's own signing key on this computer. */
export interface SigningKeyFacts {
	/** SHA-256 of the public key's DER (as enrolments record it), or null when there is no key. */
	fingerprint: string | null;
	/** Why the key file could not be used (a sealed key without its passphrase, bad permissions), or null. */
	problem: string | null;
	/** Where `fortnight keys init` leaves the public key for enrolment, for the instructions. */
	publicKeyFile?: string | undefined;
}

export const NO_KEY_FACTS: SigningKeyFacts = {fingerprint: null, problem: null};

export type SignedThing = 'review' | 'amendment' | 'decision' | 'record';

const NOUN: Record<SignedThing, string> = {
	review: 'review',
	amendment: 'amendment',
	decision: 'performance decision',
	record: 'supervisory record (bail, welfare, reallocation, absence)',
};

/**
 * Whether a chain up to and including this entry holds an enrolment. Entries are never changed once
 * made, and a working set drops only reviews, so the answer belongs to the entry itself. Signing asks
 * on every save (which signer to use): with this, a chain that grew by one entry costs one step, not a
 * walk over tens of thousands of entries (issue 17's signing budget, README "Benchmarks").
 */
const signedUpTo = new WeakMap<ChainEntry, boolean>();

/** True once a key has been enrolled: from then on every chain entry must be signed by its author. */
export function storeIsSigned(data: Pick<StoreData, 'chain'>): boolean {
	const chain = data.chain;
	let signed = false;
	for (let i = chain.length - 1; i >= 0; i--) {
		const e = chain[i]!;
		const known = signedUpTo.get(e);
		if (known !== undefined) {
			signed = known;
			break;
		}
		if (e.kind === 'enrolment') {
			signed = true;
			break;
		}
	}
	const last = chain.at(-1);
	if (last) signedUpTo.set(last, signed);
	return signed;
}

/** True when the store enrols the key with this fingerprint for this officer. */
export function keyEnrolledFor(data: Pick<StoreData, 'chain'>, officerId: string, fingerprint: string): boolean {
	return data.chain.some(e => e.kind === 'enrolment' && e.data.officerId === officerId && e.data.fingerprint === fingerprint);
}

/**
 * Who may enrol `officerId`'s key: the team's inspector (anyone's), or the team's sergeant (the team's
 * other officers). The same rule the store checks enrolments against (store/signatures.ts mayEnrol).
 */
export function enrollersOf(data: StoreData, officerId: string): Officer[] {
	return data.officers.filter(o => o.id !== officerId && (isInspectorOver(data, o.id) || data.team.sergeantId === o.id));
}

/** "DI Okafor or DS Brennan", or the team's inspector when the store names nobody. */
function enrollerWords(data: StoreData, officerId: string): string {
	const names = enrollersOf(data, officerId).map(o => safeText(shortName(o)));
	return names.length > 0 ? names.join(' or ') : "the team's inspector";
}

/**
 * Why `officerId` cannot sign a `what` in this store with the key described by `key`, in sentences that
 * say how to fix it; null when they can (the store is not signed yet, or their key is enrolled).
 */
export function signingRefusal(data: StoreData, officerId: string, key: SigningKeyFacts, what: SignedThing): string | null {
	if (!storeIsSigned(data)) return null;
	const me = data.officers.find(o => o.id === officerId);
	const who = safeText(shortName(me));
	const id = safeText(officerId);
	const noun = NOUN[what];
	const head = `This store's entries are signed (keys are enrolled), so every ${noun} must carry its author's enrolled key`;
	const init = `fortnight keys init${key.fingerprint === null && key.problem === null ? '' : ' --force'} --as ${id}`;
	// Once the store is signed, a new key is enrolled by someone whose own key is enrolled (the inspector's
	// too, by the sergeant: store/signatures.ts mayEnrol), so the advice is the same for everyone.
	const enrol =
		`"${init}" makes a key; then ask ${enrollerWords(data, officerId)} to enrol it ("fortnight keys enrol ${id} --public-key ` +
		`${safeText(key.publicKeyFile ?? 'FILE.pem')}")`;
	const notOpened =
		what === 'record'
			? 'A record that cannot be signed is not recorded.'
			: `This ${noun} is not opened: nothing typed here could be signed.`;
	if (key.problem !== null) {
		return (
			`${head}, and ${who}'s signing key on this computer cannot be used: ${safeText(key.problem)} ${notOpened} Fix the key and start the desk ` +
			`again, or: ${enrol}.`
		);
	}
	if (key.fingerprint === null) {
		const again = what === 'record' ? 'record it again' : 'start the desk again';
		return `${head}, and ${who} has no signing key on this computer. ${notOpened} To sign: ${enrol}, then ${again}.`;
	}
	if (!keyEnrolledFor(data, officerId, key.fingerprint)) {
		const fix = `ask ${enrollerWords(data, officerId)} to enrol it ("fortnight keys enrol ${id} --public-key ${safeText(key.publicKeyFile ?? 'FILE.pem')}")`;
		return `${head}, and ${who}'s signing key (fingerprint ${key.fingerprint.slice(0, 16)}...) is not enrolled in this store. ${notOpened} To sign: ${fix}.`;
	}
	return null;
}
