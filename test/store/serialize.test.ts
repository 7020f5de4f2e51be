/**
 * The store is written record by record (serializeBytes) for speed; the bytes must be exactly what
 * one JSON.stringify of the whole store gives, or a file written by one version would differ from
 * another's and a reader relying on JSON.parse would be none the wiser about which to trust.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateStore} from '../../source/generate/generate.js';
import type {StoreData} from '../../source/domain/model.js';
import {signer} from '../../source/store/chain.js';
import {CHUNK_BYTES, serialize, serializeBytes, storeBytes} from '../../source/store/serialize.js';

const same = (data: unknown) => {
	const whole = Buffer.from(serialize(data as StoreData), 'utf8');
	const pieces = serializeBytes(data as StoreData);
	expect(pieces.equals(whole)).toBe(true);
};

describe('serializeBytes', () => {
	it('writes a generated store byte for byte as JSON.stringify does', () => {
		same(generateStore({cases: 80, seed: 'serialize', referenceDate: '2026-11-30'}, signer).data);
	});

	it('keeps wide characters, emoji, lone surrogates and control characters exactly', () => {
		same({
			schemaVersion: 1,
			cases: [{text: 'it\u2019s'}, {text: 'plain'}, {text: '\ud83d\ude00 and a lone \ud800'}, {text: 'tab\tnul\u0000 del\u007f'}],
			chain: [],
			note: '\u00e9t\u00e9',
		});
	});

	it('is the same across chunk boundaries, with a record larger than a chunk and wide characters throughout', () => {
		const cases = Array.from({length: 6000}, (_, i) => ({
			ref: `CR/${i}/26`,
			text: i % 7 === 0 ? `it\u2019s case ${i} \ud83d\ude00` : 'x'.repeat(i % 900),
		}));
		cases.splice(3000, 0, {ref: 'big', text: '\u00e9'.repeat(CHUNK_BYTES)});
		const data = {schemaVersion: 1, cases, chain: cases.slice(0, 100), tail: 'end'};
		expect(serialize(data as unknown as StoreData).length).toBeGreaterThan(3 * CHUNK_BYTES);
		same(data);
		const sizes = [...storeBytes(data as unknown as StoreData).chunks()].map(c => c.length);
		expect(Math.max(...sizes)).toBeGreaterThan(CHUNK_BYTES); // the big record got its own buffer
		expect(sizes.length).toBeGreaterThan(3);
	});

	it('treats values with no JSON form as JSON.stringify does (left out as keys, null in arrays)', () => {
		same({a: undefined, b: [undefined, () => 1, 1], c: () => 2, d: [], e: {f: undefined}, g: null});
		same({});
		same({only: undefined});
	});

	it('matches JSON.stringify for any JSON-shaped object', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), value => {
				same(value);
			}),
			{numRuns: 300},
		);
	});
});
