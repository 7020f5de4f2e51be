/**
 * Who the desk runs as (README "Who you are"): one officer, resolved once when the desk starts
 * (commands/desk.ts), never inferred from the team's arrangements. Every record the desk makes is
 * theirs: the author of a draft, the reviewer who signs, the amender, the inspector who decides an
 * escalated trigger, whoever records an absence. Once the store has enrolled keys, what they sign is
 * signed with their own key (README "Signatures"), or not opened at all when they have none.
 */
import {createPublicKey} from 'node:crypto';
import type {IdentitySource} from '../../domain/identity.js';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import type {Signer} from '../../domain/signer.js';
import {signingRefusal, storeIsSigned, type SignedThing, type SigningKeyFacts} from '../../domain/signing.js';
import {signRecords} from '../../domain/supervisory-records.js';
import {fingerprintOf, keySigner, signer, type SigningKey} from '../../store/index.js';

export interface DeskActor {
	/** The officer at the keyboard. */
	officerId: string;
	/** How the desk knows (--as, FORTNIGHT_USER, the login, or the demo's sergeant). */
	source: IdentitySource;
	/** Their private signing key, loaded at desk start, or null when they have none (or it could not be read). */
	key: SigningKey | null;
	/** What the domain is told about that key (its fingerprint, or why it could not be used). */
	keyFacts: SigningKeyFacts;
}

/**
 * The actor with what is known of their key: `key` as loadSigningKey returned it, or `problem` when
 * loading it failed (a sealed key without FORTNIGHT_KEY_PASSPHRASE, a file others can read).
 */
export function deskActor(
	officerId: string,
	source: IdentitySource,
	key: SigningKey | null = null,
	problem: string | null = null,
	publicKeyFile?: string,
	keyFile?: string,
): DeskActor {
	const fingerprint = key ? fingerprintOf(createPublicKey(key.privateKey)) : null;
	// keyFile: where a copy of an enrolled key goes on this computer, for the refusal's advice (QA 8 R14).
	return {officerId, source, key, keyFacts: {fingerprint, problem, publicKeyFile, ...(keyFile ? {keyFile} : {})}};
}

/** How the actor's entries are built on `data`: signed with their key once the store has enrolled keys, else hashed only. */
export function actorSigner(actor: DeskActor, data: StoreData): Signer {
	// Before the first enrolment a signed entry is itself refused (no key to check it against): hash only.
	return actor.key && storeIsSigned(data) ? keySigner(actor.key) : signer;
}

/**
 * `after` with a chain entry, signed by the actor, for each supervisory record it adds to `before` (a bail
 * event, a welfare event, a reallocation, an absence added, changed, ended or cancelled: README "Signed
 * records"). Called inside store.apply, so the signer is chosen on the data under the lock.
 */
export function actorSignsRecords(actor: DeskActor, before: StoreData, after: StoreData, signedAt: string): StoreData {
	return signRecords(before, after, actor.officerId, actorSigner(actor, after), signedAt);
}

/** Why the actor cannot sign a `what` in this store (said before any typing), or null when they can. */
export function actorSigningRefusal(actor: DeskActor, data: StoreData, what: SignedThing, today?: IsoDate): string | null {
	return signingRefusal(data, actor.officerId, actor.keyFacts, what, today);
}
