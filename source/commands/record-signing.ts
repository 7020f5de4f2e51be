/**
 * How a command signs the supervisory records it makes (README, "Signed records"): as the person at
 * the keyboard, with their own enrolled key once the store has enrolled keys, hashed only before that
 * (as reviews are). A person who cannot sign is refused before anything is recorded, with how to get a
 * key enrolled; the store would refuse the unsigned entry anyway.
 */
import {signingRefusal, storeIsSigned, type SigningKeyFacts} from '../domain/signing.js';
import type {StoreData} from '../domain/model.js';
import type {Signer} from '../domain/signer.js';
import {signRecords} from '../domain/supervisory-records.js';
import {fingerprintOf, keySigner, keysFolder, loadSigningKey, signer, StoreError, type SigningKey} from '../store/index.js';
import {createPublicKey} from 'node:crypto';
import path from 'node:path';
import {RefusalError, type Context} from './context.js';
import {nowInstant} from './now.js';

export interface RecordSigning {
	/** `after` with a signed chain entry for each record it adds to `before` (supervisory-records.ts). */
	sign(before: StoreData, after: StoreData): StoreData;
}

/** Loads `officerId`'s key when `data` is a signed store, and refuses (exit 2) when they cannot sign. */
export async function recordSigning(ctx: Context, data: StoreData, officerId: string): Promise<RecordSigning> {
	let key: SigningKey | null = null;
	// Where a copy of an enrolled key goes (QA 8 R14), spelled as store/keys.ts keyPathFor spells it.
	const keyFile = path.join(keysFolder(ctx.env), `${officerId.replace(/[^A-Za-z0-9_-]/g, c => `%${c.charCodeAt(0).toString(16)}`)}.key`);
	let facts: SigningKeyFacts = {fingerprint: null, problem: null, keyFile};
	if (storeIsSigned(data)) {
		try {
			key = await loadSigningKey(officerId, {env: ctx.env});
			if (key) facts = {fingerprint: fingerprintOf(createPublicKey(key.privateKey)), problem: null, keyFile};
		} catch (err) {
			if (!(err instanceof StoreError)) throw err;
			facts = {fingerprint: null, problem: err.message, keyFile};
		}
		const refusal = signingRefusal(data, officerId, facts, 'record', ctx.today);
		if (refusal) throw new RefusalError(`${refusal} Nothing was saved.`);
	}
	const signedAt = nowInstant(ctx);
	// Chosen on the data under the store's lock: a store that became signed meanwhile needs the key.
	const signerFor = (d: StoreData): Signer => (key && storeIsSigned(d) ? keySigner(key) : signer);
	return {sign: (before, after) => signRecords(before, after, officerId, signerFor(after), signedAt)};
}
