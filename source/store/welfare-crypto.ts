/**
 * Encryption at rest for the welfare file: AES-256-GCM with a random 12-byte IV on every write, the key
 * derived from a passphrase with scrypt (N=2^17, r=8, p=1, 256 MiB ceiling) and a random 16-byte salt
 * kept in the file. The header (cipher, KDF parameters, salt) is bound to the ciphertext as GCM
 * additional data, so altering any of it fails authentication like a wrong passphrase does.
 *
 * The KDF parameters in a file are checked against ours before deriving: a hostile file cannot make
 * fortnight spend gigabytes or minutes on one scrypt.
 */
import {createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, type ScryptOptions} from 'node:crypto';

export const KDF = {N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024} as const;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const KEY_BYTES = 32;
export const ENVELOPE_MARK = 'fortnight-welfare-encrypted';

export interface Envelope {
	format: typeof ENVELOPE_MARK;
	version: 1;
	cipher: 'aes-256-gcm';
	kdf: {name: 'scrypt'; N: number; r: number; p: number; salt: string};
	iv: string;
	tag: string;
	data: string;
}

/** A key ready to use, with the salt it was derived with (reused for later writes to the same file). */
export interface DerivedKey {
	key: Buffer;
	salt: Buffer;
}

function scrypt(passphrase: string, salt: Buffer): Promise<Buffer> {
	const options: ScryptOptions = {N: KDF.N, r: KDF.r, p: KDF.p, maxmem: KDF.maxmem};
	return new Promise((resolve, reject) =>
		scryptCb(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
	);
}

/**
 * scrypt at these settings costs about a second and 128 MiB by design; a desk that saves several notes
 * in one session should pay it once per file, not per save. Keys are kept only in this process's memory,
 * indexed by salt and a hash of the passphrase (never the passphrase itself), a few at most.
 */
const recent = new Map<string, Buffer>();
const RECENT_MAX = 4;

export async function deriveKey(passphrase: string, salt: Buffer = randomBytes(SALT_BYTES)): Promise<DerivedKey> {
	const id = salt.toString('base64') + ':' + createHash('sha256').update(salt).update(passphrase.normalize('NFC')).digest('base64');
	let key = recent.get(id);
	if (!key) {
		key = await scrypt(passphrase, salt);
		recent.set(id, key);
		if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
	}
	return {key, salt};
}

function aad(kdf: Envelope['kdf']): Buffer {
	return Buffer.from(`${ENVELOPE_MARK}|1|aes-256-gcm|scrypt|${kdf.N}|${kdf.r}|${kdf.p}|${kdf.salt}`, 'utf8');
}

export function isEnvelope(value: unknown): value is Envelope {
	return value !== null && typeof value === 'object' && (value as Record<string, unknown>)['format'] === ENVELOPE_MARK;
}

/** Checks an envelope's shape and KDF parameters; returns a reason it cannot be used, or null. */
export function envelopeProblem(e: Envelope): string | null {
	const b64 = (s: unknown, bytes?: number): boolean =>
		typeof s === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && (bytes === undefined || Buffer.from(s, 'base64').length === bytes);
	if (e.version !== 1 || e.cipher !== 'aes-256-gcm' || !e.kdf || e.kdf.name !== 'scrypt')
		return 'it uses an encryption this fortnight does not know';
	if (e.kdf.N !== KDF.N || e.kdf.r !== KDF.r || e.kdf.p !== KDF.p) return 'its key-derivation settings are not the ones fortnight writes';
	if (!b64(e.kdf.salt, SALT_BYTES) || !b64(e.iv, IV_BYTES) || !b64(e.tag, 16) || !b64(e.data)) return 'its encrypted fields are damaged';
	return null;
}

export function saltOf(e: Envelope): Buffer {
	return Buffer.from(e.kdf.salt, 'base64');
}

export function seal(plain: string, k: DerivedKey): Envelope {
	const iv = randomBytes(IV_BYTES);
	const kdf = {name: 'scrypt' as const, N: KDF.N, r: KDF.r, p: KDF.p, salt: k.salt.toString('base64')};
	const cipher = createCipheriv('aes-256-gcm', k.key, iv);
	cipher.setAAD(aad(kdf));
	const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return {
		format: ENVELOPE_MARK,
		version: 1,
		cipher: 'aes-256-gcm',
		kdf,
		iv: iv.toString('base64'),
		tag: cipher.getAuthTag().toString('base64'),
		data: data.toString('base64'),
	};
}

/** Decrypts, or returns null when the key is wrong or anything in the file was altered (GCM cannot tell which). */
export function open(e: Envelope, k: DerivedKey): string | null {
	try {
		const decipher = createDecipheriv('aes-256-gcm', k.key, Buffer.from(e.iv, 'base64'));
		decipher.setAAD(aad(e.kdf));
		decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
		return Buffer.concat([decipher.update(Buffer.from(e.data, 'base64')), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}
