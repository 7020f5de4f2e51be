/**
 * Who may add, change, end or cancel an absence, name its cover, reallocate a case, and make the store's
 * first key enrolment (README "Who may change absences and cover", "Signatures"): the pure rules the
 * command line and the desk both call (permissions.ts).
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {mayActOnAbsence, mayChangeAbsence, mayEnrolFirst, mayNameCover, mayReallocate} from '../../source/domain/permissions.js';
import {heldAs, reallocationRefusal} from '../../source/domain/reallocate.js';
import {loadDemo} from './review/fixtures.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const DAY = '2026-12-15';

/** The demo with DC Marsh named as cover for DS Brennan's absence ab0002 (10 Dec to 04 Feb). */
function marshCovers(): StoreData {
	const data = loadDemo();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

const reason = (p: {ok: boolean; reason?: string}) => (p.ok ? 'ok' : p.reason);

describe('absences', () => {
	it('an officer changes none, for anyone, nor names themselves', () => {
		const data = marshCovers();
		for (const act of ['change', 'end', 'cancel'] as const) {
			expect(reason(mayActOnAbsence(data, IQBAL, act, 'ab0004', DAY))).toContain('DC Iqbal does not supervise DC Grant on 15 Dec');
		}
		expect(reason(mayActOnAbsence(data, IQBAL, 'change', 'ab0002', DAY, IQBAL))).toContain('cannot name themselves as cover');
		expect(reason(mayChangeAbsence(data, IQBAL, 'add', null, {officerId: IQBAL, coverOfficerId: null}, DAY))).toContain(
			"an officer (DC, TDC) records no absence, their own included; an officer's is recorded by whoever supervises them that day. DC Marsh (covering DS Brennan) or DI Okafor can.",
		);
	});

	it('the sergeant acts for the team and records their own absence and its cover, never themselves; so may the inspector', () => {
		const data = loadDemo();
		expect(mayActOnAbsence(data, DS, 'change', 'ab0004', DAY, MARSH).ok).toBe(true);
		expect(mayActOnAbsence(data, DS, 'end', 'ab0002', DAY).ok).toBe(true);
		expect(mayActOnAbsence(data, DS, 'change', 'ab0002', DAY, MARSH).ok).toBe(true);
		expect(reason(mayActOnAbsence(data, DS, 'change', 'ab0002', DAY, DS))).toContain('DS Brennan cannot name themselves as cover');
		expect(mayNameCover(data, DS, 'ab0002', DAY).ok).toBe(true);
		expect(mayNameCover(data, DI, 'ab0002', DAY).ok).toBe(true);
		expect(mayActOnAbsence(data, DI, 'change', 'ab0002', DAY, MARSH).ok).toBe(true);
		// The top of the store names their own cover: nobody above the inspector is in it.
		expect(mayChangeAbsence(data, DI, 'add', null, {officerId: DI, coverOfficerId: DS}, DAY).ok).toBe(true);
	});

	it('the cover acts for the team on their dates only, and never on the absence that makes them the cover', () => {
		const data = marshCovers();
		expect(mayActOnAbsence(data, MARSH, 'change', 'ab0003', DAY, IQBAL)).toEqual({ok: true, as: 'cover'});
		expect(reason(mayActOnAbsence(data, MARSH, 'change', 'ab0003', '2026-12-01', IQBAL))).toContain('does not supervise');
		for (const act of ['change', 'end', 'cancel'] as const) {
			expect(reason(mayActOnAbsence(data, MARSH, act, 'ab0002', DAY))).toContain(
				`DC Marsh is the named cover for DS Brennan's absence ab0002, so cannot ${act} it`,
			);
		}
	});
});

describe('reallocation', () => {
	const ashworthCase = (data: StoreData) => data.cases.find(c => c.oicId === ASHWORTH && c.status !== 'closed')!.ref;
	const marshCase = (data: StoreData) => data.cases.find(c => c.oicId === MARSH && c.status !== 'closed')!.ref;

	it('by whoever supervises its holder, never its holder, and a cover never to themselves', () => {
		const data = marshCovers();
		expect(reason(mayReallocate(data, IQBAL, ashworthCase(data), IQBAL, DAY))).toContain('DC Iqbal does not supervise DC Ashworth');
		expect(mayReallocate(data, MARSH, ashworthCase(data), IQBAL, DAY)).toEqual({ok: true, as: 'cover'});
		expect(reason(mayReallocate(data, MARSH, ashworthCase(data), MARSH, DAY))).toContain('cannot reallocate');
		expect(reason(mayReallocate(data, MARSH, marshCase(data), IQBAL, DAY))).toContain('DC Marsh holds');
		expect(mayReallocate(data, DI, marshCase(data), IQBAL, DAY).ok).toBe(true);
		// The domain's own check refuses it, whatever calls it.
		const refusal = reallocationRefusal(data, {
			ref: ashworthCase(data),
			held: heldAs(data, ashworthCase(data)),
			toOfficerId: IQBAL,
			on: DAY,
			today: DAY,
			by: IQBAL,
			reason: 'I take it',
			recordedAt: '2026-12-15T09:00:00Z',
		});
		expect(refusal?.message).toContain('DC Iqbal does not supervise DC Ashworth');
		expect(refusal?.confirmable).toBe(false);
	});
});

describe('the first key enrolment', () => {
	it("is the team's inspector's or sergeant's", () => {
		const data = loadDemo();
		expect(mayEnrolFirst(data, DI).ok).toBe(true);
		expect(mayEnrolFirst(data, DS).ok).toBe(true);
		expect(reason(mayEnrolFirst(data, IQBAL))).toContain('DI Okafor or DS Brennan can');
	});
});
