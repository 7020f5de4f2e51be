/** Who may do what on a date: sergeant, cover for their dates only, inspector, and no one over themselves. */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {
	mayDecideTrigger,
	mayReadWelfareNote,
	mayRecordBail,
	mayRecordWelfare,
	mayReview,
	mayReviewCase,
	readableWelfareNotes,
	supervisesAs,
} from '../../source/domain/permissions.js';
import {loadDemo, sergeantAway, TODAY} from './review/fixtures.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';
const MARSH = 'o0006';
const ASHWORTH_CASE = 'CR/87204/26';
const MARSH_CASE = 'CR/61882/26';

const withCover = (): StoreData => sergeantAway(MARSH, '2026-12-01', '2026-12-05', 'abP');

describe('permissions', () => {
	it('the sergeant reviews the team; a peer does not; the inspector may', () => {
		const data = loadDemo();
		expect(mayReview(data, DS, ASHWORTH_CASE, TODAY)).toEqual({ok: true, as: 'sergeant'});
		expect(mayReview(data, DI, ASHWORTH_CASE, TODAY)).toEqual({ok: true, as: 'inspector'});
		const peer = mayReview(data, MARSH, ASHWORTH_CASE, TODAY);
		expect(peer.ok).toBe(false);
		if (!peer.ok)
			expect(peer.reason).toBe(
				'DC Marsh does not supervise DC Ashworth on 30 Nov, so cannot review CR/87204/26: DS Brennan (or the cover named while they are away) or DI Okafor can.',
			);
	});

	it('a cover supervises for the days of the absence they cover, no longer', () => {
		const data = withCover();
		expect(supervisesAs(data, MARSH, ASHWORTH, '2026-11-30')).toBeNull();
		expect(supervisesAs(data, MARSH, ASHWORTH, '2026-12-01')).toBe('cover');
		expect(supervisesAs(data, MARSH, ASHWORTH, '2026-12-05')).toBe('cover');
		expect(supervisesAs(data, MARSH, ASHWORTH, '2026-12-06')).toBeNull();
		expect(mayReview(data, MARSH, ASHWORTH_CASE, '2026-12-02')).toEqual({ok: true, as: 'cover'});
	});

	it("a named cover who is away that day too covers nobody (they were reviewerFor's cover; the desk now asks who is at the keyboard)", () => {
		// DC Grant (o0007) is on annual leave 03-12 Dec in the demo.
		const data = loadDemo();
		const a: Absence = {
			id: 'abG',
			officerId: DS,
			from: '2026-12-01',
			to: '2026-12-05',
			reason: 'sick',
			coverOfficerId: 'o0007',
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: DS,
		};
		const covered = {...data, absences: [...data.absences, a]};
		expect(mayReview(covered, 'o0007', ASHWORTH_CASE, '2026-12-01')).toEqual({ok: true, as: 'cover'});
		const away = mayReview(covered, 'o0007', ASHWORTH_CASE, '2026-12-04');
		expect(away.ok).toBe(false);
		if (!away.ok) expect(away.reason).toMatch(/^DC Grant does not supervise DC Ashworth on 04 Dec/);
		// The sergeant, away, still may (the desk asks who is at the keyboard; it does not infer the cover).
		expect(mayReview(covered, DS, ASHWORTH_CASE, '2026-12-04')).toEqual({ok: true, as: 'sergeant'});
	});

	it('no one supervises themselves: review, trigger decision, welfare', () => {
		const data = withCover();
		const r = mayReview(data, MARSH, MARSH_CASE, '2026-12-02');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/DC Marsh holds CR\/61882\/26.*goes to DI Okafor/);
		const d = mayDecideTrigger(data, MARSH, MARSH, '2026-12-02', false);
		expect(d.ok).toBe(false);
		if (!d.ok) expect(d.reason).toMatch(/cannot decide a performance trigger about themselves\. The decision goes to DI Okafor/);
		const w = mayRecordWelfare(data, DS, DS, TODAY);
		expect(w.ok).toBe(false);
		if (!w.ok) expect(w.reason).toMatch(/DS Brennan cannot record their own welfare check-in\. It goes to DI Okafor/);
		// The sergeant's own check-in is recorded by the inspector (their line manager).
		expect(mayRecordWelfare(data, DI, DS, TODAY)).toEqual({ok: true, as: 'inspector'});
	});

	it('an escalated trigger is decided by the inspector alone', () => {
		const data = loadDemo();
		expect(mayDecideTrigger(data, DS, ASHWORTH, TODAY, false)).toEqual({ok: true, as: 'sergeant'});
		const esc = mayDecideTrigger(data, DS, ASHWORTH, TODAY, true);
		expect(esc.ok).toBe(false);
		if (!esc.ok) expect(esc.reason).toMatch(/escalated to the inspector: only DI Okafor can decide it/);
		expect(mayDecideTrigger(data, DI, ASHWORTH, TODAY, true)).toEqual({ok: true, as: 'inspector'});
	});

	it('welfare notes: the line manager of the date and the author read them, never a peer', () => {
		const data = withCover();
		const note = {officerId: ASHWORTH, by: DS, date: TODAY};
		expect(mayReadWelfareNote(data, DS, note, TODAY)).toBe(true);
		expect(mayReadWelfareNote(data, MARSH, note, TODAY)).toBe(false);
		expect(mayReadWelfareNote(data, MARSH, {...note, by: MARSH, date: '2026-12-02'}, TODAY)).toBe(true);
		expect(mayReadWelfareNote(data, 'o0004', note, TODAY)).toBe(false);
		expect(mayReadWelfareNote(data, ASHWORTH, note, TODAY)).toBe(false);
	});

	it('a cover reads the notes of the days covered only while still covering (REVIEW-9 D7: a peer again after)', () => {
		const data = withCover();
		const covered = {officerId: ASHWORTH, by: DS, date: '2026-12-02'};
		// Before, during and after DS Brennan's absence (1-5 December, DC Marsh covering).
		expect(
			['2026-11-30', '2026-12-01', '2026-12-05', '2026-12-06', '2027-01-10'].map(d => mayReadWelfareNote(data, MARSH, covered, d)),
		).toEqual([false, true, true, false, false]);
		// The line manager and the author are not limited so.
		expect(mayReadWelfareNote(data, DS, covered, '2027-01-10')).toBe(true);
		expect(mayReadWelfareNote(data, MARSH, {...covered, by: MARSH}, '2027-01-10')).toBe(true);
	});

	it("a handover's welfare notes: only those the reader may read; none readable is a refusal naming the line manager", () => {
		const data = withCover();
		const notes = [
			{id: 'a', officerId: ASHWORTH, by: DS, date: '2026-10-16'},
			{id: 'b', officerId: ASHWORTH, by: DS, date: '2026-12-02'},
			{id: 'c', officerId: MARSH, by: DS, date: '2026-10-31'},
		];
		expect(readableWelfareNotes(data, DS, notes, [], TODAY)).toEqual({notes, withheld: 0, refusal: null});
		// The cover, while covering: the day she covers, about someone else; never about herself, nor from before.
		expect(readableWelfareNotes(data, MARSH, notes, [], '2026-12-03')).toEqual({notes: [notes[1]], withheld: 2, refusal: null});
		// After the cover, none.
		expect(readableWelfareNotes(data, MARSH, notes, [], '2026-12-06').notes).toEqual([]);
		const peer = readableWelfareNotes(data, 'o0007', notes, [], TODAY);
		expect(peer.notes).toEqual([]);
		expect(peer.refusal).toBe(
			"DC Grant may read none of the 3 welfare notes in this window: a note is read only by the officer's line manager on its date " +
				'(or the cover named for that day) and by its author. Leave out --include-welfare, or ask DS Brennan to prepare it.',
		);
		expect(readableWelfareNotes(data, DI, notes, [], TODAY).refusal).toMatch(/^DI Okafor may read none of the 3 welfare notes/);
		expect(readableWelfareNotes(data, 'o0007', [], [], TODAY)).toEqual({notes: [], withheld: 0, refusal: null});
	});

	it("bail decisions: the officer's supervisors on the day (the cover for the absence's days only), never the holder", () => {
		const data = withCover();
		expect(mayRecordBail(data, DS, ASHWORTH_CASE, TODAY)).toEqual({ok: true, as: 'sergeant'});
		expect(mayRecordBail(data, DI, ASHWORTH_CASE, TODAY)).toEqual({ok: true, as: 'inspector'});
		expect(mayRecordBail(data, MARSH, ASHWORTH_CASE, '2026-12-02')).toEqual({ok: true, as: 'cover'});
		expect(mayRecordBail(data, MARSH, ASHWORTH_CASE, TODAY)).toEqual({
			ok: false,
			reason:
				// DC Marsh is the cover named (for 01-05 Dec): the refusal does not point her at herself.
				'DC Marsh does not supervise DC Ashworth on 30 Nov, so cannot record the bail of CR/87204/26: ' + 'DS Brennan or DI Okafor can.',
		});
		expect(mayRecordBail(data, MARSH, ASHWORTH_CASE, '2026-12-06').ok).toBe(false);
		const own = mayRecordBail(data, ASHWORTH, ASHWORTH_CASE, TODAY);
		expect(own.ok).toBe(false);
		if (!own.ok)
			expect(own.reason).toMatch(
				/^DC Ashworth holds CR\/87204\/26, so cannot record its bail decisions: no one supervises their own cases\. They go to DS Brennan/,
			);
		// The cover's own case, while she covers: not hers either.
		expect(mayRecordBail(data, MARSH, MARSH_CASE, '2026-12-02').ok).toBe(false);
	});

	it('unknown people and cases are refused with a sentence', () => {
		const data = loadDemo();
		expect(mayReview(data, 'o9999', ASHWORTH_CASE, TODAY)).toEqual({ok: false, reason: 'o9999 is not an officer in this store.'});
		expect(mayReview(data, DS, 'CR/0/00', TODAY)).toEqual({ok: false, reason: 'There is no case CR/0/00 in this store.'});
	});

	it('mayReviewCase, given the case in hand, answers as mayReview does for every officer, case and day (cover or not)', () => {
		for (const data of [loadDemo(), withCover()]) {
			for (const date of [TODAY, '2026-12-02', '2026-12-09']) {
				for (const o of data.officers) {
					for (const c of data.cases) expect(mayReviewCase(data, o.id, c, date)).toEqual(mayReview(data, o.id, c.ref, date));
				}
			}
		}
		// Both refuse an officer the store does not hold, in the same words.
		const data = loadDemo();
		expect(mayReviewCase(data, 'o9999', data.cases[0]!, TODAY)).toEqual(mayReview(data, 'o9999', data.cases[0]!.ref, TODAY));
		expect(mayReviewCase(data, 'o9999', data.cases[0]!, TODAY).ok).toBe(false);
	});
});

describe('a refusal never names the person refused as who can (QA item 5e)', () => {
	it("DC Carter, covering DS Brennan 01-04 Dec: his own absence, and the sergeant's other absence, go to those above him", async () => {
		const {mayChangeAbsence} = await import('../../source/domain/permissions.js');
		const data = loadDemo();
		const CARTER = 'o0009';
		const cover: Absence = {
			id: 'ab0005',
			officerId: DS,
			from: '2026-12-01',
			to: '2026-12-04',
			reason: 'annual-leave',
			coverOfficerId: CARTER,
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: DS,
		};
		const covered = {...data, absences: [...data.absences, cover]};
		const on = '2026-12-01';
		const own = mayChangeAbsence(covered, CARTER, 'add', null, {officerId: CARTER, coverOfficerId: null}, on);
		expect(own).toEqual({
			ok: false,
			reason:
				'DC Carter cannot record an absence for DC Carter: an officer (DC, TDC) records no absence of their own, even while covering DS Brennan; ' +
				"an officer's is recorded by whoever supervises them that day. DI Okafor can.",
		});
		const ab0002 = covered.absences.find(a => a.id === 'ab0002')!;
		const change = mayChangeAbsence(covered, CARTER, 'change', ab0002, {...ab0002}, on);
		expect(change).toEqual({
			ok: false,
			reason: "DC Carter does not supervise DS Brennan on 01 Dec, so cannot change DS Brennan's absence ab0002: DI Okafor can.",
		});
		// Someone who is nobody's cover is still told of the cover.
		const iqbal = mayChangeAbsence(covered, 'o0004', 'add', null, {officerId: CARTER, coverOfficerId: null}, '2026-11-30');
		expect(iqbal.ok || iqbal.reason).toContain('DS Brennan (or the cover named while they are away) or DI Okafor can.');
	});
});
