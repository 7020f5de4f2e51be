/**
 * Who vouched for each enrolled key, in words for `keys list` and `verify` (README "Signatures";
 * REVIEW-9 D1, N7). On a file store `--as` is not authenticated, so a key is the only proof of who acted:
 * whoever holds any key enrolled in an officer's name signs as them. So an officer with more than one key
 * is pointed out, with who vouched for each, and verify prints the store creator's whole fingerprint to be
 * compared out of band (a creator who was not who the store says cannot be caught from inside it).
 */
import type {Officer} from './model.js';
import {fullName} from './people.js';
import {safeText} from './safe-text.js';

/** One enrolled key as the chain records it. */
export interface EnrolledKey {
	seq: number;
	officerId: string;
	fingerprint: string;
	/** Who signed the enrolment. */
	by: string;
	first: boolean;
}

function whoVouched(k: EnrolledKey, name: (id: string) => string): string {
	if (k.first) return "the store's creator, self-signed";
	return k.by === k.officerId ? 'by their own earlier key' : `vouched for by ${name(k.by)}`;
}

export function officerName(officers: readonly Officer[]): (id: string) => string {
	return id => `${safeText(fullName(officers.find(o => o.id === id)))} (${safeText(id)})`;
}

/** "Note: DI Rachel Okafor (o0001) has 2 enrolled keys (...): any of them signs as ..., so each must be theirs." */
export function severalKeysWords(keys: readonly EnrolledKey[], name: (id: string) => string): string[] {
	const byOfficer = new Map<string, EnrolledKey[]>();
	for (const k of keys) byOfficer.set(k.officerId, [...(byOfficer.get(k.officerId) ?? []), k]);
	return [...byOfficer]
		.filter(([, ks]) => ks.length > 1)
		.map(
			([id, ks]) =>
				`Note: ${name(id)} has ${ks.length} enrolled keys (` +
				ks.map(k => `${k.fingerprint.slice(0, 16)}... entry ${k.seq}, ${whoVouched(k, name)}`).join('; ') +
				`): any of them signs as them, so each must be theirs.`,
		);
}

/**
 * verify's lines about keys: "Keys: DS Tom Brennan (o0002) a5dc68ab... entry 606, the store's creator, self-signed;
 * ...", the creator's whole fingerprint, and severalKeysWords. None when no key is enrolled.
 */
export function enrolledKeysWords(keys: readonly EnrolledKey[], name: (id: string) => string): string[] {
	if (keys.length === 0) return [];
	const lines = [
		`Keys: ${keys.map(k => `${name(k.officerId)} ${k.fingerprint.slice(0, 16)}... entry ${k.seq}, ${whoVouched(k, name)}`).join('; ')}.`,
	];
	const creator = keys.find(k => k.first);
	if (creator)
		lines.push(
			`Store creator's key: ${name(creator.officerId)}, fingerprint ${creator.fingerprint} (compare it, out of band, with ` +
				`the one its owner holds: whoever wrote the store first can claim to be its creator).`,
		);
	return [...lines, ...severalKeysWords(keys, name)];
}

/**
 * Enrolments of `fingerprint` for officers other than `officerId`, in chain order (QA 9 D5). One key is one
 * officer's: whoever holds a key enrolled for several officers signs as any of them, so "no one supervises
 * themselves" and verify's authority pass would judge a name the holder chose.
 */
export function enrolledForOthers(keys: readonly EnrolledKey[], officerId: string, fingerprint: string): EnrolledKey[] {
	return keys.filter(k => k.fingerprint === fingerprint && k.officerId !== officerId);
}

/**
 * Each key (fingerprint) enrolled for more than one officer, with its enrolments in chain order; none in a
 * sound chain. `keys enrol` refuses to make one; a chain written before it did is pointed out by verify
 * and `keys list` (QA 9 D5).
 */
export function sharedKeys(keys: readonly EnrolledKey[]): EnrolledKey[][] {
	const byKey = new Map<string, EnrolledKey[]>();
	for (const k of keys) byKey.set(k.fingerprint, [...(byKey.get(k.fingerprint) ?? []), k]);
	return [...byKey.values()].filter(ks => new Set(ks.map(k => k.officerId)).size > 1);
}

/**
 * "Key 68168c8384846d1c... is enrolled for 3 officers: DC Helen Marsh (o0006) entry 607, vouched for by ...;
 * ...: whoever holds it signs as any of them, ..." One sentence per shared key, with the entry that first
 * enrolled it for a second officer, for verify's PROBLEM line and `keys list` (QA 9 D5).
 */
export function sharedKeysWords(keys: readonly EnrolledKey[], name: (id: string) => string): {seq: number; words: string}[] {
	return sharedKeys(keys).map(ks => {
		const officers = new Set(ks.map(k => k.officerId));
		// The first enrolment of the key for someone else is where the chain went wrong.
		const wrong = ks.find(k => k.officerId !== ks[0]!.officerId)!;
		const words =
			`key ${ks[0]!.fingerprint.slice(0, 16)}... is enrolled for ${officers.size} officers (` +
			ks.map(k => `${name(k.officerId)} entry ${k.seq}, ${whoVouched(k, name)}`).join('; ') +
			`): whoever holds it signs as any of them, so what is signed with it does not show who acted. ` +
			`It can be only one officer's: the inspector finds whose it is, and the store is restored from a backup made before entry ` +
			`${wrong.seq} (one key, one officer: "fortnight keys enrol" refuses it now)`;
		return {seq: wrong.seq, words};
	});
}
