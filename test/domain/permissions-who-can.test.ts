/**
 * QA pass 3, R11: with DS Brennan on sick leave from 10 Dec (ab0002, no cover) and DC Iqbal named to
 * cover an earlier absence (01-08 Dec), refusals on 10 and 15 Dec said "DS Brennan or DI Okafor can".
 * The "who can" words now read that day's absences: the cover acting that day, else the person above.
 */
import {describe, expect, it} from 'vitest';
import {mayActOnAbsence, mayChangeAbsence, mayRecordBail, mayRecordWelfare, mayReview} from '../../source/domain/permissions.js';
import type {StoreData} from '../../source/domain/model.js';
import {loadDemo, sergeantAway} from './review/fixtures.js';

const IQBAL = 'o0004';
const MARSH = 'o0006';
const SHAH = 'o0008';

const withIqbalCovering = (): StoreData => sergeantAway(IQBAL, '2026-12-01', '2026-12-08', 'ab0005');

const reason = (p: {ok: boolean; reason?: string}) => (p.ok ? 'allowed' : p.reason);

describe('who can, on the day of the refusal', () => {
	it('the sergeant away with nobody covering: only the inspector can', () => {
		const data = withIqbalCovering();
		expect(reason(mayRecordBail(data, IQBAL, 'CR/30126/26', '2026-12-10'))).toBe(
			'DC Iqbal does not supervise DC Shah on 10 Dec, so cannot record the bail of CR/30126/26: DI Okafor can.',
		);
		expect(reason(mayRecordWelfare(data, IQBAL, SHAH, '2026-12-15'))).toBe(
			"DC Iqbal is not DC Shah's line manager on 15 Dec, so cannot record their welfare: DI Okafor can.",
		);
	});

	it('the sergeant away with a cover at work: the cover and the inspector', () => {
		const data = withIqbalCovering();
		expect(mayRecordBail(data, IQBAL, 'CR/30126/26', '2026-12-05')).toEqual({ok: true, as: 'cover'});
		expect(reason(mayRecordBail(data, MARSH, 'CR/30126/26', '2026-12-05'))).toBe(
			'DC Marsh does not supervise DC Shah on 05 Dec, so cannot record the bail of CR/30126/26: DC Iqbal (covering DS Brennan) or DI Okafor can.',
		);
	});

	it('the sergeant at work: as before', () => {
		const data = withIqbalCovering();
		expect(reason(mayReview(data, MARSH, 'CR/30126/26', '2026-11-30'))).toBe(
			'DC Marsh does not supervise DC Shah on 30 Nov, so cannot review CR/30126/26: DS Brennan (or the cover named while they are away) or DI Okafor can.',
		);
	});

	// Never the officer the refusal is about, when they are that day's cover (a review of the merged work found
	// "DC Iqbal (covering DS Brennan) or DI Okafor can" for DC Iqbal's own case).
	it('does not name the holder of the case as who can record its bail', () => {
		const data = withIqbalCovering();
		const ref = data.cases.find(c => c.oicId === IQBAL && c.status !== 'closed')!.ref;
		// Iqbal cannot record the bail of a case Iqbal holds:
		expect(reason(mayRecordBail(data, IQBAL, ref, '2026-12-05'))).not.toBe('allowed');
		// ...so Marsh's refusal must not send Marsh to Iqbal.
		expect(reason(mayRecordBail(data, MARSH, ref, '2026-12-05'))).not.toContain('DC Iqbal (covering');
		expect(reason(mayRecordBail(data, MARSH, ref, '2026-12-05'))).toMatch(/DI Okafor can/);
	});

	it('does not name the officer as who can record their own welfare', () => {
		const data = withIqbalCovering();
		expect(reason(mayRecordWelfare(data, IQBAL, IQBAL, '2026-12-05'))).not.toBe('allowed');
		expect(reason(mayRecordWelfare(data, MARSH, IQBAL, '2026-12-05'))).not.toContain('DC Iqbal (covering');
		expect(reason(mayRecordWelfare(data, MARSH, IQBAL, '2026-12-05'))).toMatch(/DI Okafor can/);
	});
});

// QA 4 R-j: on the cover's own days, the cover's refusals about absences give the absence rule's reason and
// name only who supervises that day (the sergeant is away: the inspector), never the absent sergeant.
describe("absences refused to the cover on the cover's days", () => {
	// The demo's ab0002 (DS Brennan sick 10 Dec-04 Feb 2027) with DC Marsh named as cover.
	const data = (): StoreData => {
		const demo = loadDemo();
		return {...demo, absences: demo.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
	};
	const DAY = '2026-12-10';

	it('her own absence: an officer (DC, TDC) records none of their own, and DI Okafor alone can', () => {
		expect(reason(mayChangeAbsence(data(), MARSH, 'add', null, {officerId: MARSH, coverOfficerId: null}, DAY))).toBe(
			'DC Marsh cannot record an absence for DC Marsh: an officer (DC, TDC) records no absence of their own, even while covering DS Brennan; ' +
				"an officer's is recorded by whoever supervises them that day. DI Okafor can.",
		);
	});

	it('naming herself as cover, on a new absence or a recorded one: no one names themselves as cover, and DI Okafor can', () => {
		const add = reason(mayChangeAbsence(data(), MARSH, 'add', null, {officerId: IQBAL, coverOfficerId: MARSH}, DAY));
		expect(add).toBe(
			"DC Marsh cannot name themselves as cover for DC Iqbal's absence: no one names themselves as cover (a cover acts in " +
				"someone's place, so the person above chooses them). DI Okafor can name the cover.",
		);
		const change = reason(mayActOnAbsence(data(), MARSH, 'change', 'ab0003', DAY, MARSH));
		expect(change).toContain('no one names themselves as cover');
		expect(change).toContain('DI Okafor can name the cover.');
		expect(change).not.toContain('DS Brennan or');
	});

	it('before her cover days, the sergeant at work is named as before', () => {
		const before = reason(mayChangeAbsence(data(), MARSH, 'add', null, {officerId: MARSH, coverOfficerId: null}, '2026-11-30'));
		expect(before).toContain('an officer (DC, TDC) records no absence, their own included;');
		expect(before).not.toContain('even while covering');
		expect(before).toContain('DS Brennan or DI Okafor can.');
	});
});
