/**
 * Signing keys for tests (README "Signatures"): a key pair made in a private config folder, and its
 * enrolment in a store file: the store's first (self-signed, as `fortnight keys init` makes it), or
 * vouched for by someone already enrolled.
 */
import type {EnrolmentData} from '../../source/domain/model.js';
import {createSigningKey, makeEntry, openStore, type SigningKey} from '../../source/store/index.js';
import {tempDir} from './cli.js';

/** Makes `officerId`'s key in a fresh config folder and enrols it in `storeFile`, signed by `by` (default: itself, as the first). */
export async function enrolKey(storeFile: string, officerId: string, by?: SigningKey): Promise<{key: SigningKey; env: NodeJS.ProcessEnv}> {
	const env = {XDG_CONFIG_HOME: tempDir('fortnight-keys-')};
	const made = await createSigningKey(officerId, {env});
	const store = await openStore(storeFile);
	await store.apply(data => {
		const first = !data.chain.some(e => e.kind === 'enrolment');
		const signer = by ?? made.key;
		const e: EnrolmentData = {
			officerId,
			publicKey: made.publicKeyPem,
			fingerprint: made.fingerprint,
			date: '2026-11-30',
			by: signer.officerId,
			first,
		};
		return {...data, chain: [...data.chain, makeEntry(data.chain, 'enrolment', e, '2026-11-30T08:00:00.000Z', signer)]};
	});
	return {key: made.key, env};
}
