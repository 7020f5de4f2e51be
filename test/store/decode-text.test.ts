/**
 * A state file's bytes to text (read.ts): bytes that are all ASCII are decoded as Latin-1 (a plain copy,
 * issue 18), any other bytes as UTF-8. Either way, on a first load (checked in full) and on a load with a
 * receipt (checked once), the data is the very data saved, and bytes that are not UTF-8 are refused.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {isAscii} from 'node:buffer';
import {beforeEach, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {readStoreFile, serialize} from '../../source/store/store.js';
import {tempDir} from '../helpers/cli.js';
import {smallStore} from './small-store.js';

/** Every text a reader sees, in order: the data as JSON, compared as a whole. */
const asJson = (data: StoreData) => JSON.stringify(data);

describe('decoding a state file', () => {
	beforeEach(() => {
		process.env['XDG_CACHE_HOME'] = tempDir('fortnight-cache-');
	});

	it('an ASCII store reads back as saved, checked in full and then with its receipt', async () => {
		const {file} = await smallStore(3);
		const bytes = readFileSync(file);
		expect(isAscii(bytes)).toBe(true);
		const first = await readStoreFile(file);
		const second = await readStoreFile(file);
		expect(asJson(second.data)).toBe(asJson(first.data));
		expect(first.raw).toBe(bytes.toString('utf8'));
		expect(second.raw).toBe(bytes.toString('utf8'));
	});

	it('a store holding accented letters, curly quotes, a dash, an emoji and a byte-order mark reads back as saved', async () => {
		const {file} = await smallStore(3);
		const state = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
		const text = 'Spoke to Zoë O’Brien – “she’ll attend” 👍 (Ł, ß, 中)';
		const [first, ...rest] = state.cases;
		const edited: StoreData = {
			...state,
			cases: [{...first!, updates: [...first!.updates, {date: '2026-11-29', authorId: first!.oicId, text}]}, ...rest],
		};
		for (const bom of ['', '\ufeff']) {
			writeFileSync(file, bom + serialize(edited));
			expect(isAscii(readFileSync(file))).toBe(false);
			for (const pass of ['checked in full', 'with its receipt']) {
				const {data} = await readStoreFile(file);
				expect(data.cases[0]!.updates.at(-1)!.text, pass).toBe(text);
				expect(asJson(data), pass).toBe(asJson(edited));
			}
		}
	});

	it('bytes that are not UTF-8 are refused, naming the byte, on a first load', async () => {
		const {file} = await smallStore(2);
		const bytes = readFileSync(file);
		const at = bytes.indexOf('"name"') + 2;
		bytes[at] = 0xff;
		writeFileSync(file, bytes);
		await expect(readStoreFile(file)).rejects.toThrow(new RegExp(`is not UTF-8 text: byte ${at} `));
	});
});
