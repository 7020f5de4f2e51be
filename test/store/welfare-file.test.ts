import {chmodSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {StoreError} from '../../source/store/errors.js';
import {KDF} from '../../source/store/welfare-crypto.js';
import {
	appendWelfareNote,
	isWelfareEncrypted,
	readWelfare,
	WELFARE_KEY_ENV,
	WELFARE_MODE,
	writeWelfare,
	type WelfareNote,
} from '../../source/store/welfare-file.js';
import {tempDir} from '../helpers/cli.js';

const note = (id: string, text = 'private health detail'): WelfareNote => ({id, officerId: 'o1', date: '2026-11-30', by: 'o2', text});
const mode = (file: string) => statSync(file).mode & 0o777;

describe('welfare file', () => {
	afterEach(() => {
		delete process.env[WELFARE_KEY_ENV];
	});

	it('is created and kept at mode 0600 on every write path, whatever the umask or the mode it had', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		const oldMask = process.umask(0o000); // a permissive umask must not widen it
		try {
			await appendWelfareNote(file, note('n1'));
			expect(mode(file)).toBe(WELFARE_MODE);
			chmodSync(file, 0o644); // someone widened it: the next write narrows it again
			await appendWelfareNote(file, note('n2'));
			expect(mode(file)).toBe(WELFARE_MODE);
			chmodSync(file, 0o666);
			await writeWelfare(file, {schemaVersion: 1, notes: []});
			expect(mode(file)).toBe(WELFARE_MODE);
			process.umask(0o077);
			await writeWelfare(path.join(path.dirname(file), 'other.welfare.json'), {schemaVersion: 1, notes: []});
			expect(mode(path.join(path.dirname(file), 'other.welfare.json'))).toBe(WELFARE_MODE);
		} finally {
			process.umask(oldMask);
		}
	});

	it('never echoes note text in its errors', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		writeFileSync(file, '{"schemaVersion":1,"notes":[{"text":"SECRET HEALTH DETAIL"');
		const err = await readWelfare(file).catch(e => e as Error);
		expect(err).toBeInstanceOf(StoreError);
		expect(String((err as Error).message)).not.toContain('SECRET');
	});
});

describe('welfare file encrypted at rest', () => {
	afterEach(() => {
		delete process.env[WELFARE_KEY_ENV];
	});

	it('AES-256-GCM with scrypt (N=2^17, r=8, p=1), salt in the file, a fresh 12-byte IV per write, mode 0600', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		await appendWelfareNote(file, note('n1', 'SECRET one'), 'correct horse');
		const first = JSON.parse(readFileSync(file, 'utf8'));
		expect(readFileSync(file, 'utf8')).not.toContain('SECRET');
		expect(first.cipher).toBe('aes-256-gcm');
		expect(first.kdf).toMatchObject({name: 'scrypt', N: 2 ** 17, r: 8, p: 1});
		expect(KDF.maxmem).toBe(256 * 1024 * 1024);
		expect(Buffer.from(first.kdf.salt, 'base64')).toHaveLength(16);
		expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
		expect(mode(file)).toBe(WELFARE_MODE);
		await appendWelfareNote(file, note('n2', 'SECRET two'), 'correct horse');
		const second = JSON.parse(readFileSync(file, 'utf8'));
		expect(second.iv).not.toBe(first.iv); // a new IV on every write
		expect(second.kdf.salt).toBe(first.kdf.salt); // the salt stays with the file
		expect(mode(file)).toBe(WELFARE_MODE);
		expect(await isWelfareEncrypted(file)).toBe(true);
		const back = await readWelfare(file, 'correct horse');
		expect(back.notes.map(n => n.text)).toEqual(['SECRET one', 'SECRET two']);
	}, 30_000);

	it('a wrong passphrase, or none, is a clear StoreError and nothing is overwritten', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		await writeWelfare(file, {schemaVersion: 1, notes: [note('n1', 'SECRET')]}, 'right');
		const before = readFileSync(file);
		for (const attempt of [
			() => readWelfare(file, 'wrong'),
			() => appendWelfareNote(file, note('n2'), 'wrong'),
			() => writeWelfare(file, {schemaVersion: 1, notes: []}, 'wrong'),
			() => readWelfare(file),
			() => appendWelfareNote(file, note('n2')), // no key: refusing beats writing it back in plain text
			() => writeWelfare(file, {schemaVersion: 1, notes: []}),
		]) {
			const err = await attempt().catch(e => e as StoreError);
			expect(err).toBeInstanceOf(StoreError);
			expect((err as StoreError).code).toBe('welfare-key');
			expect((err as StoreError).message).toMatch(/passphrase/);
			expect((err as StoreError).message).toContain(file);
			expect((err as StoreError).message).not.toContain('SECRET');
			expect(readFileSync(file).equals(before)).toBe(true);
		}
	}, 60_000);

	it('takes the passphrase from FORTNIGHT_WELFARE_KEY, or from a prompt the caller supplies (asked only when needed)', async () => {
		const dir = tempDir();
		const plain = path.join(dir, 'plain.welfare.json');
		let asked = 0;
		const prompt = async () => {
			asked++;
			return 'from prompt';
		};
		await writeWelfare(plain, {schemaVersion: 1, notes: []});
		await readWelfare(plain, prompt);
		expect(asked).toBe(0); // a plain file needs no passphrase to read

		const file = path.join(dir, 'team.welfare.json');
		process.env[WELFARE_KEY_ENV] = 'from env';
		await appendWelfareNote(file, note('n1'));
		expect(await isWelfareEncrypted(file)).toBe(true);
		expect((await readWelfare(file)).notes).toHaveLength(1);
		delete process.env[WELFARE_KEY_ENV];
		await expect(readWelfare(file, prompt)).rejects.toThrow(/does not open/);
		expect(asked).toBe(1);
		expect((await readWelfare(file, async () => 'from env')).notes).toHaveLength(1);
	}, 60_000);

	it('a plain file written with a key becomes encrypted; tampering with the header or data is refused like a wrong key', async () => {
		const file = path.join(tempDir(), 'team.welfare.json');
		await appendWelfareNote(file, note('n1', 'SECRET plain'));
		expect(readFileSync(file, 'utf8')).toContain('SECRET plain');
		await appendWelfareNote(file, note('n2'), 'k');
		expect(readFileSync(file, 'utf8')).not.toContain('SECRET');
		expect((await readWelfare(file, 'k')).notes).toHaveLength(2);
		const env = JSON.parse(readFileSync(file, 'utf8'));
		const data = Buffer.from(env.data, 'base64');
		data[0]! ^= 1;
		writeFileSync(file, JSON.stringify({...env, data: data.toString('base64')}));
		await expect(readWelfare(file, 'k')).rejects.toThrow(/does not open .* altered/);
		// A hostile file cannot demand a huge scrypt: parameters other than ours are refused before deriving.
		writeFileSync(file, JSON.stringify({...env, kdf: {...env.kdf, N: 2 ** 30}}));
		const started = Date.now();
		await expect(readWelfare(file, 'k')).rejects.toThrow(/key-derivation settings/);
		expect(Date.now() - started).toBeLessThan(1000);
	}, 60_000);
});
