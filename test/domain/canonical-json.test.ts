import {describe, expect, it} from 'vitest';
import {canonicalJson} from '../../source/domain/canonical-json.js';

describe('canonicalJson', () => {
	it('sorts keys at every depth and keeps array order', () => {
		expect(canonicalJson({b: 1, a: {d: [3, 1], c: 'x'}})).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
	});
	it('gives the same bytes whatever the key order', () => {
		expect(canonicalJson({x: 1, y: null, z: [true]})).toBe(canonicalJson({z: [true], y: null, x: 1}));
	});
	it('drops undefined members as JSON.stringify does, and escapes strings', () => {
		expect(canonicalJson({a: undefined, b: 'q"\n'})).toBe('{"b":"q\\"\\n"}');
	});
	it('refuses values JSON cannot carry', () => {
		expect(() => canonicalJson({n: Number.NaN})).toThrow(TypeError);
	});
});
