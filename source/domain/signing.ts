/**
 * Whether the person at the keyboard can sign what they are about to record (README, "Signatures"):
 * from a store's first key enrolment on, every chain entry must be signed by an enrolled key of its
 * author, and the store refuses one that is not. The desk asks before anything is typed, so nobody
 * writes a review that could never be saved. Pure: the caller says what it knows about the officer's
 * key file (its fingerprint, or why it could not be read); the keys themselves stay in source/store.
 */
import {mayEnrolKey} from './permissions.js';
import {shortDate} from './dates.js';
import {absenceSpan} from './absence-words.js';
import {wholeSpan} from './absence-cover.js';
import type {IsoDate} from './dates.js';
import type {ChainEntry, EnrolmentEntry, Officer, StoreData} from './model.js';
import {ABSENCE_WORDS, absenceOn, shortName} from './people.js';
import {safeText} from './safe-text.js';

/** What the desk knows about the officer's own signing key on this computer. */
export interface SigningKeyFacts {
	/** SHA-256 of the public key's DER (as enrolments record it), or null when there is no key. */
	fingerprint: string | null;
	/** Why the key file could not be used (a sealed key without its passphrase, bad permissions), or null. */
	problem: string | null;
	/** Where `fortnight keys init` leaves the public key for enrolment, for the instructions. */
	publicKeyFile?: string | undefined;
	/** Where fortnight reads the officer's private key on this computer: where a copy of their enrolled key goes. */
	keyFile?: string | undefined;
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
 * Who may enrol `officerId`'s next key: the rule the store checks enrolments against (permissions.ts
 * mayEnrolKey, store/signatures.ts): the team's inspector; the team's sergeant only for a first key, of an
 * officer they line-manage or of the inspector while she has none. The officer's own replacement (signed
 * with their old key, `keys init --force`) is not someone to ask, so they are never named.
 */
export function enrollersOf(data: StoreData, officerId: string): Officer[] {
	const hasKey = hasEnrolledKey(data, officerId);
	return data.officers.filter(o => o.id !== officerId && mayEnrolKey(data, o.id, officerId, hasKey));
}

/**
 * When `officerId` has an enrolled key that is not the one on this computer (`fingerprint`), the plain
 * words that say so, to be said first (REVIEW-9 N7 and D1): whoever can write a file store can run
 * `keys init --as` someone else before them (the first is the store's creator), or have a key of their
 * making enrolled in someone's name, and the officer is otherwise told only to have theirs enrolled. Null
 * when they have no enrolled key, or this computer's key is one of theirs.
 */
export function foreignKeyWarning(data: StoreData, officerId: string, fingerprint: string | null): string | null {
	const theirs = data.chain.filter((e): e is EnrolmentEntry => e.kind === 'enrolment' && e.data.officerId === officerId);
	if (theirs.length === 0 || (fingerprint !== null && theirs.some(e => e.data.fingerprint === fingerprint))) return null;
	const name = (id: string) => safeText(shortName(data.officers.find(o => o.id === id)));
	const one = (e: EnrolmentEntry) =>
		`fingerprint ${e.data.fingerprint.slice(0, 16)}..., enrolled ${shortDate(e.data.date)} (entry ${e.seq}), ` +
		(e.data.first
			? "as this store's creator"
			: e.data.by === officerId
				? 'with an earlier key of yours'
				: `vouched for by ${name(e.data.by)}`);
	const first = theirs[0]!;
	const here =
		fingerprint === null
			? 'you have no signing key on this computer'
			: `it is not the key on this computer (${fingerprint.slice(0, 16)}...)`;
	const inspector = data.team.inspectorId;
	const tell = inspector !== null && inspector !== officerId ? `tell ${name(inspector)}, and ` : '';
	const creator = first.data.first ? ' and run "fortnight keys init" first' : '';
	return (
		`A key is enrolled in your name (${name(officerId)}) in this store, and ${here}: ${theirs.map(one).join('; ')}. If you did not make ` +
		`${theirs.length === 1 ? 'it' : 'them'}, someone else enrolled a key in your name and can sign as you: ${tell}restore the store from a ` +
		`backup made before entry ${first.seq}${creator}.`
	);
}

/** The fingerprint of `officerId`'s key enrolled last (the one they sign with), or null when none is. */
export function enrolledFingerprint(data: Pick<StoreData, 'chain'>, officerId: string): string | null {
	for (let i = data.chain.length - 1; i >= 0; i--) {
		const e = data.chain[i]!;
		if (e.kind === 'enrolment' && e.data.officerId === officerId) return e.data.fingerprint;
	}
	return null;
}

/** True when the store holds an enrolled key of `officerId`'s: only then can they sign an enrolment. */
export function hasEnrolledKey(data: Pick<StoreData, 'chain'>, officerId: string): boolean {
	return data.chain.some(e => e.kind === 'enrolment' && e.data.officerId === officerId);
}

/**
 * Who to ask to enrol `officerId`'s key, as words to follow "then" or to start a sentence: "ask DS Brennan
 * to enrol it". Only someone entitled (enrollersOf) whose own key is enrolled can sign the enrolment, so
 * only they are named (QA 4 R-f: an inspector whose key is not enrolled was named, and her enrolment
 * failed); with `today`, only those at work that day. When every such person is away (the sergeant who
 * made the store's first key gone sick), it says so plainly, and who could once their own key is enrolled.
 */
export function enrolAdvice(
	data: StoreData,
	officerId: string,
	today?: IsoDate,
	name: (o: Officer) => string = shortName,
	it = 'it',
): string {
	const entitled = enrollersOf(data, officerId);
	// The inspector with a key enrolled: nobody else may vouch for another of hers (permissions.ts mayEnrolKey).
	if (entitled.length === 0 && hasEnrolledKey(data, officerId))
		return `enrol ${it} yourself from the computer that holds your enrolled key ("fortnight keys enrol"), signed with that key`;
	if (entitled.length === 0) return `ask the team's inspector to enrol ${it}`;
	const words = (list: readonly Officer[]) => list.map(o => safeText(name(o))).join(' or ');
	const keyed = entitled.filter(o => hasEnrolledKey(data, o.id));
	const unkeyed = entitled.filter(o => !hasEnrolledKey(data, o.id));
	const later = unkeyed.length > 0 ? ` (${words(unkeyed)} may too, once their own key is enrolled)` : '';
	if (keyed.length === 0) return `ask ${words(entitled)} to enrol ${it} once their own key is enrolled`;
	const away = (o: Officer) => (today === undefined ? undefined : absenceOn(data.absences, o.id, today));
	const atWork = keyed.filter(o => away(o) === undefined);
	if (atWork.length > 0) return `ask ${words(atWork)} to enrol ${it}`;
	const state = (o: Officer) => {
		const a = away(o)!;
		// Whole: an absence kept in parts (absence-cover.ts) is away until its last part's last day.
		return `is ${ABSENCE_WORDS[a.reason]} ${absenceSpan(wholeSpan(data.absences, a), today!)}`;
	};
	const why =
		keyed.length === 1
			? `${words(keyed)}, the only one who may with an enrolled key, ${state(keyed[0]!)}`
			: `those who may with an enrolled key are away (${keyed.map(o => `${safeText(name(o))} ${state(o)}`).join('; ')})`;
	return `nobody at work today can enrol ${it}: ${why}, so ask ${words(keyed)} to enrol it on return${later}`;
}

/**
 * Why `officerId` cannot sign a `what` in this store with the key described by `key`, in sentences that
 * say how to fix it; null when they can (the store is not signed yet, or their key is enrolled). With
 * `today`, who is named to enrol a key is someone at work that day (enrolAdvice).
 */
export function signingRefusal(
	data: StoreData,
	officerId: string,
	key: SigningKeyFacts,
	what: SignedThing,
	today?: IsoDate,
): string | null {
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
		`"${init}" makes a key; then ${enrolAdvice(data, officerId, today)} ("fortnight keys enrol ${id} --public-key ` +
		`${safeText(key.publicKeyFile ?? 'FILE.pem')}")`;
	const notOpened =
		what === 'record'
			? 'A record that cannot be signed is not recorded.'
			: `This ${noun} is not opened: nothing typed here could be signed.`;
	// An officer whose key is enrolled signs with that key (QA 8 R14): a new one would need someone at work
	// to enrol it (enrolAdvice), so the way first named is the computer that holds it, or a copy of it here.
	const enrolled = enrolledFingerprint(data, officerId);
	const useEnrolled =
		enrolled === null
			? null
			: `use the computer that holds ${who}'s enrolled key (fingerprint ${enrolled.slice(0, 16)}...), or copy that key here` +
				`${key.keyFile ? ` (to ${safeText(key.keyFile)})` : ''}`;
	if (key.problem !== null) {
		return (
			`${head}, and ${who}'s signing key on this computer cannot be used: ${safeText(key.problem)} ${notOpened} Fix the key and start the desk ` +
			`again, or: ${enrol}.`
		);
	}
	if (key.fingerprint === null) {
		const again = what === 'record' ? 'record it again' : 'start the desk again';
		// A key enrolled in their name that is not this computer's is said first (REVIEW-9 N7): if it is theirs,
		// the way is its computer (QA 8 R14); if not, someone else can sign as them.
		const foreign = foreignKeyWarning(data, officerId, null);
		const first = foreign === null ? '' : `${foreign} `;
		if (useEnrolled !== null) {
			return `${first}${head}, and ${who} has no signing key on this computer. ${notOpened} To sign: ${useEnrolled}, then ${again}. Only if that key is lost: ${enrol}.`;
		}
		return `${first}${head}, and ${who} has no signing key on this computer. ${notOpened} To sign: ${enrol}, then ${again}.`;
	}
	if (!keyEnrolledFor(data, officerId, key.fingerprint)) {
		const fix = `${enrolAdvice(data, officerId, today)} ("fortnight keys enrol ${id} --public-key ${safeText(key.publicKeyFile ?? 'FILE.pem')}")`;
		const foreign = foreignKeyWarning(data, officerId, key.fingerprint);
		const notEnrolled =
			(foreign === null ? '' : `${foreign} `) +
			`${head}, and ${who}'s signing key (fingerprint ${key.fingerprint.slice(0, 16)}...) is not enrolled in this store. ${notOpened}`;
		if (useEnrolled !== null) return `${notEnrolled} To sign: ${useEnrolled}; or, to use this key instead: ${fix}.`;
		return `${notEnrolled} To sign: ${fix}.`;
	}
	return null;
}
