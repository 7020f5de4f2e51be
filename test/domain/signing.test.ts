/** Whether the person at the keyboard can sign in this store, and what they are told when not (README "Signatures"). */
import {generateKeyPairSync} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import type {EnrolmentData, StoreData} from '../../source/domain/model.js';
import {
	enrolAdvice,
	enrollersOf,
	foreignKeyWarning,
	hasEnrolledKey,
	keyEnrolledFor,
	NO_KEY_FACTS,
	signingRefusal,
	storeIsSigned,
} from '../../source/domain/signing.js';
import {fingerprintOf, makeEntry, mayEnrol} from '../../source/store/index.js';
import {loadDemo, TODAY} from './review/fixtures.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';

/** The demo with DS Brennan's key enrolled as the store's first (self-signed). */
function enrolled(officerId = DS): {data: StoreData; fingerprint: string} {
	const data = loadDemo();
	const {publicKey, privateKey} = generateKeyPairSync('ed25519');
	const fingerprint = fingerprintOf(publicKey);
	const e: EnrolmentData = {
		officerId,
		publicKey: publicKey.export({type: 'spki', format: 'pem'}).toString(),
		fingerprint,
		date: TODAY,
		by: officerId,
		first: true,
	};
	const entry = makeEntry(data.chain, 'enrolment', e, `${TODAY}T09:00:00.000Z`, {officerId, privateKey});
	return {data: {...data, chain: [...data.chain, entry]}, fingerprint};
}

/** An enrolment of a fresh key for `officerId`, signed by `by` (the key itself is not needed to build advice). */
function enrolmentBy(data: StoreData, officerId: string, by: string) {
	const {publicKey, privateKey} = generateKeyPairSync('ed25519');
	const e: EnrolmentData = {
		officerId,
		publicKey: publicKey.export({type: 'spki', format: 'pem'}).toString(),
		fingerprint: fingerprintOf(publicKey),
		date: TODAY,
		by,
		first: false,
	};
	return makeEntry(data.chain, 'enrolment', e, `${TODAY}T09:05:00.000Z`, {officerId: by, privateKey});
}

describe('signing readiness', () => {
	it('a store with no enrolled key needs no signature: nobody is refused', () => {
		const data = loadDemo();
		expect(storeIsSigned(data)).toBe(false);
		expect(signingRefusal(data, DS, NO_KEY_FACTS, 'review')).toBeNull();
	});

	it('once a key is enrolled, an officer with no key is told how to get one and who enrols it', () => {
		const {data} = enrolled();
		expect(storeIsSigned(data)).toBe(true);
		const r = signingRefusal(
			data,
			ASHWORTH,
			{fingerprint: null, problem: null, publicKeyFile: '/home/s/.config/fortnight/keys/o0003.pub.pem'},
			'review',
		);
		expect(r).toContain('DC Ashworth has no signing key on this computer');
		expect(r).toContain('This review is not opened');
		expect(r).toContain('"fortnight keys init --as o0003"');
		expect(r).toContain(
			'ask DS Brennan to enrol it ("fortnight keys enrol o0003 --public-key /home/s/.config/fortnight/keys/o0003.pub.pem")',
		);
	});

	it('an officer whose key is enrolled, on a computer without it, is told to use the computer that holds it or copy it here (QA 8 R14)', () => {
		const {data, fingerprint} = enrolled();
		const keyFile = '/home/s/.config/fortnight/keys/o0002.key';
		const r = signingRefusal(data, DS, {fingerprint: null, problem: null, keyFile}, 'record', TODAY);
		expect(r).toContain('DS Brennan has no signing key on this computer. A record that cannot be signed is not recorded.');
		expect(r).toContain(
			`To sign: use the computer that holds DS Brennan's enrolled key (fingerprint ${fingerprint.slice(0, 16)}...), or copy that key here (to ${keyFile}), then record it again.`,
		);
		// A new key is the last way, said as such: it needs someone else to enrol it.
		expect(r).toMatch(/Only if that key is lost: "fortnight keys init --as o0002" makes a key; then /);
		expect(r!.indexOf('use the computer')).toBeLessThan(r!.indexOf('keys init'));
		// A key here that is not the enrolled one: the enrolled one is named first too.
		const other = signingRefusal(data, DS, {fingerprint: 'ab'.repeat(32), problem: null}, 'record', TODAY);
		expect(other).toContain(
			`is not enrolled in this store. A record that cannot be signed is not recorded. To sign: use the computer that holds DS Brennan's enrolled key (fingerprint ${fingerprint.slice(0, 16)}...), or copy that key here; or, to use this key instead: `,
		);
		// Never enrolled: a new key is the way, as before.
		expect(signingRefusal(data, ASHWORTH, NO_KEY_FACTS, 'record', TODAY)).not.toContain('use the computer');
	});

	it('names to enrol a key only those entitled whose own key is enrolled and who are at work that day (QA 4 R-f)', () => {
		const {data} = enrolled();
		// DI Okafor may enrol anyone's key, but hers is not enrolled: only DS Brennan can sign the enrolment.
		expect(enrolAdvice(data, ASHWORTH, TODAY)).toBe('ask DS Brennan to enrol it');
		// Once both have enrolled keys, both are named.
		const both = {...data, chain: [...data.chain, enrolmentBy(data, DI, DS)]};
		expect(enrolAdvice(both, ASHWORTH, TODAY)).toBe('ask DI Okafor or DS Brennan to enrol it');
		// The sergeant away (sick 10 Dec-04 Feb, as the demo's ab0002): the inspector alone, if her key is enrolled...
		expect(enrolAdvice(both, ASHWORTH, '2026-12-10')).toBe('ask DI Okafor to enrol it');
		// ...and when hers is not, nobody at work can: said plainly, with who may once their key is enrolled.
		expect(enrolAdvice(data, ASHWORTH, '2026-12-10', undefined, 'the key')).toBe(
			'nobody at work today can enrol the key: DS Brennan, the only one who may with an enrolled key, is on sick leave ' +
				'10 Dec-04 Feb 2027, so ask DS Brennan to enrol it on return (DI Okafor may too, once their own key is enrolled)',
		);
		expect(signingRefusal(data, ASHWORTH, NO_KEY_FACTS, 'record', '2026-12-10')).toContain('then nobody at work today can enrol it');
		// The sergeant's own new key: only the inspector may enrol it, and her key is not enrolled.
		expect(enrolAdvice(data, DS, TODAY)).toBe('ask DI Okafor to enrol it once their own key is enrolled');
		expect(hasEnrolledKey(data, DS)).toBe(true);
		expect(hasEnrolledKey(data, DI)).toBe(false);
	});

	it('the inspector is told to make a key and have the sergeant enrol it (QA 3 defect 4: she cannot sign her own first key)', () => {
		const {data} = enrolled();
		expect(signingRefusal(data, DI, NO_KEY_FACTS, 'decision')).toMatch(
			/every performance decision must carry.*"fortnight keys init --as o0001" makes a key; then ask DS Brennan to enrol it/,
		);
	});

	it('an enrolled key signs; a key that is not enrolled, or cannot be read, is refused with the reason', () => {
		const {data, fingerprint} = enrolled();
		expect(keyEnrolledFor(data, DS, fingerprint)).toBe(true);
		expect(signingRefusal(data, DS, {fingerprint, problem: null}, 'amendment')).toBeNull();
		// The same key is not someone else's.
		expect(keyEnrolledFor(data, ASHWORTH, fingerprint)).toBe(false);
		const other = 'ab'.repeat(32);
		expect(signingRefusal(data, DS, {fingerprint: other, problem: null}, 'amendment')).toMatch(
			/DS Brennan's signing key \(fingerprint abababababababab\.\.\.\) is not enrolled in this store\. This amendment is not opened/,
		);
		const sealed = signingRefusal(
			data,
			DS,
			{fingerprint: null, problem: 'Your signing key /k is protected by a passphrase: set FORTNIGHT_KEY_PASSPHRASE. Nothing was signed.'},
			'review',
		);
		expect(sealed).toMatch(/cannot be used: Your signing key \/k is protected by a passphrase: set FORTNIGHT_KEY_PASSPHRASE/);
	});

	it('who may enrol a key is the rule the store checks enrolments against', () => {
		const data = loadDemo();
		for (const subject of data.officers) {
			const hasKey = hasEnrolledKey(data, subject.id);
			const expected = data.officers.filter(o => o.id !== subject.id && mayEnrol(data, o.id, subject.id, hasKey)).map(o => o.id);
			expect(enrollersOf(data, subject.id).map(o => o.id)).toEqual(expected);
		}
	});

	it('the sergeant vouches only for first keys; a key in your name that is not yours is said first (REVIEW-9 D1, N7)', () => {
		let {data} = enrolled(DS);
		// The inspector's first key and a DC's first key are the sergeant's (or the inspector's) to vouch for.
		expect(enrollersOf(data, DI).map(o => o.id)).toEqual([DS]);
		expect(enrollersOf(data, ASHWORTH).map(o => o.id)).toEqual([DI, DS]);
		data = {...data, chain: [...data.chain, enrolmentBy(data, DI, DS)]};
		data = {...data, chain: [...data.chain, enrolmentBy(data, ASHWORTH, DS)]};
		// Once they have one, a second is the inspector's alone (or the officer's own, with the old key).
		expect(enrollersOf(data, ASHWORTH).map(o => o.id)).toEqual([DI]);
		expect(enrollersOf(data, DI)).toEqual([]);
		expect(enrolAdvice(data, DI)).toBe(
			'enrol it yourself from the computer that holds your enrolled key ("fortnight keys enrol"), signed with that key',
		);
		const other = 'ab'.repeat(32);
		expect(foreignKeyWarning(data, DS, other)).toMatch(
			/^A key is enrolled in your name \(DS Brennan\) in this store, and it is not the key on this computer \(abababababababab\.\.\.\): fingerprint [0-9a-f]{16}\.\.\., enrolled \d\d \w{3} \(entry \d+\), as this store's creator\. If you did not make it, .*: tell DI Okafor, and restore the store from a backup made before entry \d+ and run "fortnight keys init" first\.$/,
		);
		expect(foreignKeyWarning(data, ASHWORTH, null)).toMatch(/you have no signing key on this computer: .*vouched for by DS Brennan/);
		const mine = data.chain.find(e => e.kind === 'enrolment' && e.data.officerId === ASHWORTH)!;
		expect(foreignKeyWarning(data, ASHWORTH, (mine.data as EnrolmentData).fingerprint)).toBeNull();
		expect(foreignKeyWarning(data, 'o0004', null)).toBeNull();
	});
});
