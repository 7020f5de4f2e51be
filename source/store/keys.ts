/**
 * Officers' signing keys (README, "Signatures"): an Ed25519 key pair per officer, the private half in
 * the user's config folder (`$XDG_CONFIG_HOME/fortnight/keys/`, else `~/.config/fortnight/keys/`),
 * mode 0600, either as plain PKCS#8 PEM or, with a passphrase, sealed with AES-256-GCM under a key
 * derived by scrypt (the salt and parameters in the file, bound as additional data). The public half
 * is enrolled in the store's chain; it is never read from this folder when verifying.
 */
import {
	createCipheriv,
	createDecipheriv,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	randomBytes,
	scryptSync,
	type KeyObject,
} from 'node:crypto';
import {promises as fsp} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {SigningKey} from './chain.js';
import {StoreError} from './errors.js';
import {fingerprintOf} from './signatures.js';

const SEALED = 'fortnight-signing-key-sealed';
/** scrypt cost: a fraction of a second per use, paid once per command or desk session. */
const KDF = {N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024} as const;

interface SealedKey {
	format: typeof SEALED;
	version: 1;
	officerId: string;
	kdf: {name: 'scrypt'; N: number; r: number; p: number; salt: string};
	iv: string;
	tag: string;
	data: string;
}

export function keysFolder(env: NodeJS.ProcessEnv = process.env): string {
	const base =
		env['XDG_CONFIG_HOME'] && path.isAbsolute(env['XDG_CONFIG_HOME']) ? env['XDG_CONFIG_HOME'] : path.join(os.homedir(), '.config');
	return path.join(base, 'fortnight', 'keys');
}

/** One file per officer id; ids are store ids (letters, digits, dashes), anything else is spelled safely. */
export function keyPathFor(officerId: string, env: NodeJS.ProcessEnv = process.env): string {
	return path.join(keysFolder(env), `${officerId.replace(/[^A-Za-z0-9_-]/g, c => `%${c.charCodeAt(0).toString(16)}`)}.key`);
}

const aad = (s: SealedKey) => Buffer.from(`${SEALED}|1|${s.officerId}|scrypt|${s.kdf.N}|${s.kdf.r}|${s.kdf.p}|${s.kdf.salt}`, 'utf8');

function seal(officerId: string, pem: string, passphrase: string): SealedKey {
	const salt = randomBytes(16);
	const iv = randomBytes(12);
	const key = scryptSync(passphrase.normalize('NFC'), salt, 32, KDF);
	const head: SealedKey = {
		format: SEALED,
		version: 1,
		officerId,
		kdf: {name: 'scrypt', N: KDF.N, r: KDF.r, p: KDF.p, salt: salt.toString('base64')},
		iv: iv.toString('base64'),
		tag: '',
		data: '',
	};
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(aad(head));
	const data = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
	return {...head, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64')};
}

function unseal(file: string, s: SealedKey, passphrase: string): string {
	if (s.kdf.name !== 'scrypt' || s.kdf.N !== KDF.N || s.kdf.r !== KDF.r || s.kdf.p !== KDF.p) {
		throw new StoreError(
			'key',
			`${file} was sealed with settings this version does not use; make a new key with "fortnight keys init --force".`,
		);
	}
	try {
		const key = scryptSync(passphrase.normalize('NFC'), Buffer.from(s.kdf.salt, 'base64'), 32, KDF);
		const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
		d.setAAD(aad(s));
		d.setAuthTag(Buffer.from(s.tag, 'base64'));
		return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
	} catch {
		throw new StoreError(
			'key',
			`The passphrase for ${file} is wrong (FORTNIGHT_KEY_PASSPHRASE), or the file was altered. Nothing was signed.`,
		);
	}
}

export interface NewKey {
	file: string;
	publicKeyPem: string;
	fingerprint: string;
	key: SigningKey;
}

/** Makes a key pair for `officerId` and writes the private half (0600, never over an existing key unless `replace`). */
export async function createSigningKey(
	officerId: string,
	options: {passphrase?: string; replace?: boolean; env?: NodeJS.ProcessEnv} = {},
): Promise<NewKey> {
	const file = keyPathFor(officerId, options.env);
	const {publicKey, privateKey} = generateKeyPairSync('ed25519');
	const pem = privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
	const body = options.passphrase ? JSON.stringify(seal(officerId, pem, options.passphrase), null, 2) + '\n' : pem;
	await fsp.mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
	const handle = await fsp.open(tmp, 'wx', 0o600);
	try {
		await handle.writeFile(body);
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		if (options.replace) await fsp.rename(tmp, file);
		else {
			// link() fails if the name exists: an existing key is never replaced by accident.
			await fsp.link(tmp, file);
			await fsp.unlink(tmp);
		}
	} catch (err) {
		await fsp.unlink(tmp).catch(() => {});
		if ((err as NodeJS.ErrnoException).code === 'EEXIST')
			throw new StoreError(
				'key',
				`You already have a signing key in ${file}; "fortnight keys init --force" makes a new one (then have it enrolled again).`,
			);
		throw err;
	}
	return {
		file,
		publicKeyPem: publicKey.export({type: 'spki', format: 'pem'}).toString(),
		fingerprint: fingerprintOf(publicKey),
		key: {officerId, privateKey},
	};
}

/** The officer's private key, or null when they have none. A sealed key needs the passphrase (FORTNIGHT_KEY_PASSPHRASE). */
export async function loadSigningKey(
	officerId: string,
	options: {passphrase?: string | undefined; env?: NodeJS.ProcessEnv} = {},
): Promise<SigningKey | null> {
	const file = keyPathFor(officerId, options.env);
	let text: string;
	try {
		const st = await fsp.stat(file);
		if (!st.isFile()) throw new StoreError('key', `${file} is not a regular file; remove it and run "fortnight keys init".`);
		if (process.platform !== 'win32' && (st.mode & 0o077) !== 0)
			throw new StoreError(
				'key',
				`${file} can be read by others (mode ${(st.mode & 0o777).toString(8)}); run "chmod 600 ${file}", or make a new key.`,
			);
		text = await fsp.readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
	let pem = text;
	if (text.trimStart().startsWith('{')) {
		let sealed: SealedKey;
		try {
			sealed = JSON.parse(text) as SealedKey;
		} catch {
			throw new StoreError('key', `${file} is not a fortnight key file; remove it and run "fortnight keys init".`);
		}
		if (sealed.format !== SEALED)
			throw new StoreError('key', `${file} is not a fortnight key file; remove it and run "fortnight keys init".`);
		const pass = options.passphrase ?? (options.env ?? process.env)['FORTNIGHT_KEY_PASSPHRASE'];
		if (!pass)
			throw new StoreError(
				'key',
				`Your signing key ${file} is protected by a passphrase: set FORTNIGHT_KEY_PASSPHRASE. Nothing was signed.`,
			);
		pem = unseal(file, sealed, pass);
	}
	let privateKey: KeyObject;
	try {
		privateKey = createPrivateKey(pem);
	} catch {
		throw new StoreError('key', `${file} does not hold a private key; remove it and run "fortnight keys init".`);
	}
	if (privateKey.asymmetricKeyType !== 'ed25519')
		throw new StoreError('key', `${file} is not an Ed25519 key; make a new one with "fortnight keys init --force".`);
	return {officerId, privateKey};
}

/** The SPKI PEM of a private key's public half. */
export function publicPemOf(key: SigningKey): string {
	return createPublicKey(key.privateKey).export({type: 'spki', format: 'pem'}).toString();
}
