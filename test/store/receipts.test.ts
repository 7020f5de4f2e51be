/**
 * Checked once (store README, "Checked once"): a state file's exact bytes found valid by this user's
 * fortnight get a receipt in the user's cache folder, and a load of the same bytes is parsed without the
 * guard pass, the schema and the references. Any other bytes, or a receipt made by other checks, and the
 * store is checked in full.
 */
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {StoreError} from '../../source/store/errors.js';
import {receiptsFolder} from '../../source/store/receipts.js';
import {openStore, readStoreFile, serialize} from '../../source/store/store.js';
import {tempDir} from '../helpers/cli.js';
import {smallStore} from './small-store.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const receipts = () => readdirSync(receiptsFolder()).map(n => path.join(receiptsFolder(), n));

describe('validation receipts', () => {
	beforeEach(() => {
		process.env['XDG_CACHE_HOME'] = tempDir('fortnight-cache-');
	});

	it('a load that checked the file in full leaves a receipt of its bytes (hashes only, private to the user)', async () => {
		const {file} = await smallStore(2);
		await readStoreFile(file);
		const [receipt] = receipts();
		expect(readFileSync(receipt!, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64} ${sha(readFileSync(file))}\\n$`));
		expect(statSync(receiptsFolder()).mode & 0o777).toBe(0o700);
		expect(statSync(receipt!).mode & 0o777).toBe(0o600);
	});

	it('a save leaves the receipt of the bytes it wrote', async () => {
		const {file} = await smallStore(2);
		const store = await openStore(file);
		await store.apply(d => ({...d, team: {...d.team, name: 'Receipted'}}));
		const mine = receipts().map(r => readFileSync(r, 'utf8'));
		expect(mine.some(text => text.endsWith(` ${sha(readFileSync(file))}\n`))).toBe(true);
	});

	it('a state file over 4 MB has a receipt of every byte, and a byte added at its end is checked and receipted again', async () => {
		const {file} = await smallStore(1000);
		expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
		await readStoreFile(file);
		const [receipt] = receipts();
		expect(readFileSync(receipt!, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64} ${sha(readFileSync(file))}\\n$`));
		// A byte added at the very end is other bytes: checked, and receipted, again.
		writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from(' ')]));
		await readStoreFile(file);
		expect(readFileSync(receipt!, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64} ${sha(readFileSync(file))}\\n$`));
	});

	it('bytes with a receipt are not checked again; other bytes, or a receipt from other checks, are checked in full', async () => {
		const {file} = await smallStore(2);
		await readStoreFile(file);
		const [receipt] = receipts();
		const [key] = readFileSync(receipt!, 'utf8').split(' ');
		// A store that fails the references check (a case held by an officer the store does not have).
		const state = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		const bad = serialize({...state, cases: state.cases.map((c, i) => (i === 0 ? {...c, oicId: 'nobody'} : c))});
		writeFileSync(file, bad);
		const refused = await readStoreFile(file).catch(e => e as StoreError);
		expect(refused).toBeInstanceOf(StoreError);
		expect((refused as StoreError).message).toMatch(/is not a valid fortnight store/);
		// A receipt for exactly these bytes by these checks is taken at its word: the folder is the user's own.
		writeFileSync(receipt!, `${key} ${sha(Buffer.from(bad))}\n`);
		expect((await readStoreFile(file)).data.cases[0]!.oicId).toBe('nobody');
		// Made by other checks (another build of fortnight): not taken.
		writeFileSync(receipt!, `${'0'.repeat(64)} ${sha(Buffer.from(bad))}\n`);
		await expect(readStoreFile(file)).rejects.toThrow(/is not a valid fortnight store/);
	});
});
