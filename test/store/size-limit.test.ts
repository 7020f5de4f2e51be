/**
 * A store too large to open is never made (store README, "Crash safety"; issue 18): the state file is
 * read as one string, so a file over V8's string limit is refused before it is read, and a save that
 * would write one is refused before anything is renamed, with a sentence saying what to do. The limit is
 * lowered for the save tests (OpenOptions.maxBytes): a real 512 MB store would take minutes to build.
 */
import {closeSync, openSync, readdirSync, readFileSync, statSync, ftruncateSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {chainPathFor} from '../../source/store/chain-path.js';
import {StoreError} from '../../source/store/errors.js';
import {MAX_STORE_BYTES, openStore, readStoreFile} from '../../source/store/store.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {smallStore} from './small-store.js';

const addUpdate =
	(text: string) =>
	(d: StoreData): StoreData => ({
		...d,
		cases: d.cases.map((c, i) => (i === 0 ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text}]} : c)),
	});
const sign =
	(text: string) =>
	(d: StoreData): StoreData => {
		const last = d.chain.at(-1)!;
		const data = {amends: last.seq, date: '2026-11-30', by: d.team.sergeantId, reason: text, corrections: {summary: text}};
		return {...addUpdate(text)(d), chain: [...d.chain, makeEntry(d.chain, 'amendment', data, '2026-11-30T10:00:00.000Z')]};
	};

describe('a store too large to open', () => {
	it("is V8's string limit: a larger state file is refused before it is read, saying what to do", async () => {
		expect(MAX_STORE_BYTES).toBe(536_870_888);
		const file = path.join(tempDir('fortnight-big-'), 'team.json');
		// A sparse file: the size of a store over the limit without the disk space or the time to write one.
		const fd = openSync(file, 'w');
		ftruncateSync(fd, MAX_STORE_BYTES + 1);
		closeSync(fd);
		const started = performance.now();
		const err = await readStoreFile(file).catch(e => e as StoreError);
		expect(performance.now() - started).toBeLessThan(2000); // not read
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('too-large');
		expect((err as StoreError).message).toMatch(
			/team\.json is 537 MB, more than fortnight can open as one store \(537 MB\), so it was not read\. Split the team's cases/,
		);
		const cli = runCli(['problems', '--store', file, '--today', '2026-11-30']);
		expect(cli.code).toBe(3);
		expect(cli.stderr).toMatch(/more than fortnight can open as one store/);
	});

	it('is never made by a save: a change that would pass the limit is refused, nothing written, the change kept', async () => {
		const {file, dir} = await smallStore(2);
		const size = statSync(file).size;
		const store = await openStore(file, {maxBytes: size + 1000});
		const before = readFileSync(file);
		const err = await store.apply(addUpdate('x'.repeat(2000))).catch(e => e as StoreError);
		expect(err).toBeInstanceOf(StoreError);
		expect((err as StoreError).code).toBe('too-large');
		expect((err as StoreError).message).toMatch(
			new RegExp(
				'^That change would make .*team\\.json larger than fortnight can open again \\(0 MB\\), so nothing was saved\\. ' +
					'The store has outgrown one team: split its cases',
			),
		);
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(readdirSync(dir).filter(n => n.endsWith('.tmp'))).toEqual([]);
		expect(((err as StoreError).unsaved as StoreData).cases[0]!.updates.at(-1)!.text).toHaveLength(2000);
		// A change that fits is saved as ever.
		await store.apply(addUpdate('short'));
		expect((await readStoreFile(file)).data.cases[0]!.updates.at(-1)!.text).toBe('short');
	});

	it('a signing save refused for size leaves the chain file as it was too (its append is taken back)', async () => {
		const {file} = await smallStore(2);
		const chainFile = chainPathFor(file);
		const store = await openStore(file, {maxBytes: statSync(file).size + 1000});
		const before = {state: readFileSync(file), chain: readFileSync(chainFile)};
		const err = await store.apply(sign('y'.repeat(3000))).catch(e => e as StoreError);
		expect((err as StoreError).code).toBe('too-large');
		expect(readFileSync(file).equals(before.state)).toBe(true);
		expect(readFileSync(chainFile).equals(before.chain)).toBe(true);
	});
});
