/**
 * enrolled-keys.ts sharedKeys / sharedKeysWords / enrolledForOthers (QA 9 D5): a key is shared when one
 * fingerprint is enrolled for two or more different officers; the same key enrolled twice for one officer
 * is not (severalKeysWords speaks of that officer's keys), and the entry named is the first enrolment for
 * a second officer.
 */
import {describe, expect, it} from 'vitest';
import {enrolledForOthers, sharedKeys, sharedKeysWords, type EnrolledKey} from '../../source/domain/enrolled-keys.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const key = (seq: number, officerId: string, fingerprint: string, by = 'o0001'): EnrolledKey => ({
	seq,
	officerId,
	fingerprint,
	by,
	first: seq === 606,
});
const name = (id: string) => `Officer ${id}`;

describe('keys enrolled for more than one officer (QA 9 D5)', () => {
	it('none in a sound chain, nor when one officer has the same key enrolled twice', () => {
		const keys = [key(606, 'o0001', A, 'o0001'), key(607, 'o0006', B), key(608, 'o0006', B)];
		expect(sharedKeys(keys)).toEqual([]);
		expect(sharedKeysWords(keys, name)).toEqual([]);
		expect(enrolledForOthers(keys, 'o0006', B)).toEqual([]);
	});

	it('names every officer the key is enrolled for and the entry that first gave it to a second officer', () => {
		const keys = [key(606, 'o0001', A, 'o0001'), key(607, 'o0006', B), key(608, 'o0006', B), key(609, 'o0004', B), key(610, 'o0002', B)];
		expect(sharedKeys(keys)).toHaveLength(1);
		expect(enrolledForOthers(keys, 'o0004', B).map(k => k.seq)).toEqual([607, 608, 610]);
		const [shared] = sharedKeysWords(keys, name);
		expect(shared!.seq).toBe(609);
		expect(shared!.words).toMatch(
			/^key b{16}\.\.\. is enrolled for 3 officers \(Officer o0006 entry 607, vouched for by Officer o0001; Officer o0006 entry 608, .*; Officer o0004 entry 609, .*; Officer o0002 entry 610, vouched for by Officer o0001\): whoever holds it signs as any of them/,
		);
		expect(shared!.words).toContain('restored from a backup made before entry 609');
	});
});
