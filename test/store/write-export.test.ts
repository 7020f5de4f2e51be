/** The store's one export writer (README "Exports and --out"), below the commands that use it. */
import {chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {StoreError} from '../../source/store/errors.js';
import {ExportRefused, writeExport, type ExportOptions} from '../../source/store/store.js';
import {storeBytes} from '../../source/store/serialize.js';
import {tempDir} from '../helpers/cli.js';
import {smallData} from './small-store.js';

const isRoot = process.getuid?.() === 0;

async function refusal(target: string, options: ExportOptions): Promise<ExportRefused> {
	const err = await writeExport(target, 'export\n', options).then(
		() => null,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(ExportRefused);
	return err as ExportRefused;
}

describe('writeExport', () => {
	it('finds the store through a linked folder, and its welfare file by a name spelt through it', async () => {
		const dir = tempDir();
		const real = path.join(dir, 'real');
		mkdirSync(real);
		const store = path.join(real, 'team.json');
		writeFileSync(store, '{}\n');
		symlinkSync(real, path.join(dir, 'alias'));
		const viaAlias = path.join(dir, 'alias', 'team.json');
		expect((await refusal(viaAlias, {mode: 0o600, storeFile: store, force: true})).reason).toBe('store-file');
		// The store given through the alias, the welfare file (not written yet) named through the real folder.
		const r = await refusal(path.join(real, 'team.welfare.json'), {mode: 0o600, storeFile: viaAlias, force: true});
		expect(r.message).toContain("the store's welfare notes file");
		expect(readdirSync(real)).toEqual(['team.json']);
	});

	it('a new file appears whole with exactly the mode asked for, whatever the umask', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'new.md');
		const old = process.umask(0o077);
		try {
			const written = await writeExport(file, 'text\n', {mode: 0o640});
			expect(written).toEqual({kind: 'created', file, mode: 0o640});
		} finally {
			process.umask(old);
		}
		expect(statSync(file).mode & 0o777).toBe(0o640);
		expect(readdirSync(dir)).toEqual(['new.md']);
	});

	it('a link to nowhere and a folder are refused, nothing written', async () => {
		const dir = tempDir();
		const dangling = path.join(dir, 'dangling.md');
		symlinkSync(path.join(dir, 'missing.md'), dangling);
		expect((await refusal(dangling, {mode: 0o600, force: true})).reason).toBe('not-a-file');
		expect((await refusal(dir, {mode: 0o600, force: true})).reason).toBe('not-a-file');
		expect(readdirSync(dir)).toEqual(['dangling.md']);
	});

	it('"-" writes to the stream given, and is refused without one or for a store', async () => {
		const stream = new PassThrough();
		let got = '';
		stream.on('data', (d: Buffer) => (got += d.toString()));
		expect(await writeExport('-', 'to stdout\n', {mode: 0o600, stdout: stream})).toEqual({kind: 'stdout', file: '-'});
		expect(got).toBe('to stdout\n');
		expect((await refusal('-', {mode: 0o600})).reason).toBe('not-a-file');
		expect((await refusal('-', {mode: 0o600, stdout: stream, regularOnly: true})).reason).toBe('not-a-file');
	});

	it('a missing folder is a StoreError naming the path, with no temp file left', async () => {
		const dir = tempDir();
		const err = await writeExport(path.join(dir, 'no', 'x.csv'), 'x', {mode: 0o600}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).message).toContain(`The folder for ${path.join(dir, 'no', 'x.csv')} does not exist`);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('writes a chunked store into a FIFO without replacing it; regularOnly refuses the FIFO', async () => {
		const dir = tempDir();
		const fifo = path.join(dir, 'pipe');
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		expect((await refusal(fifo, {mode: 0o600, regularOnly: true, force: true})).reason).toBe('not-a-file');
		const data = smallData();
		const reading = import('node:fs/promises').then(fsp => fsp.readFile(fifo, 'utf8'));
		expect((await writeExport(fifo, storeBytes(data), {mode: 0o600})).kind).toBe('device');
		expect(JSON.parse(await reading)).toEqual(data);
		expect(lstatSync(fifo).isFIFO()).toBe(true);
	});

	it.runIf(isRoot)("--force keeps the replaced file's owner and group as well as its mode", async () => {
		const dir = tempDir();
		const file = path.join(dir, 'shared.csv');
		writeFileSync(file, 'old\n');
		chownSync(file, 1234, 2345);
		chmodSync(file, 0o660);
		const written = await writeExport(file, 'new\n', {mode: 0o600, force: true});
		expect(written).toEqual({kind: 'replaced', file, mode: 0o660});
		const st = statSync(file);
		expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o660]);
		expect(readFileSync(file, 'utf8')).toBe('new\n');
	});
});
