/**
 * QA 9 D1: after a cover has acted, ending the absence she covered before her last act, moving its last day
 * back or its first day later past her acts, or recording her away on a day she acted, would leave those
 * records resting on no cover (verify: BROKEN, blaming her). Each of the four routes is refused naming the
 * records by id and date (never a note) and the day to use instead; a change that keeps her acts inside stands.
 */
import {describe, expect, it} from 'vitest';
import {addAbsence, AbsenceError, changeAbsence, endAbsence, type CoverActsRefusal} from '../../source/domain/absences.js';
import {coverActsLeftBare} from '../../source/domain/cover-acts.js';
import type {StoreData} from '../../source/domain/model.js';
import {absenceLookup, awayOn} from '../../source/domain/people.js';
import {absenceRefusalWords} from '../../source/ui/team/absence-refusal-words.js';
import {demoData} from '../helpers/demo.js';

const MARSH = 'o0006';
const IQBAL = 'o0004';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const TODAY = '2026-12-14';
const NOTE_FLAG = 'never-in-a-refusal';

/** The demo with DC Marsh named (before it started) as cover of DS Brennan's absence ab0002 (10 Dec-04 Feb). */
function marshCovers(): StoreData {
	return changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
		recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
	}).data;
}

/** DC Marsh, as cover, records a check-in for DC Iqbal on each of `days`. */
function withCheckIns(data: StoreData, ...days: string[]): StoreData {
	const events = days.map((date, i) => ({id: `w0009${i}`, officerId: IQBAL, date, kind: 'check-in' as const, by: MARSH, flags: []}));
	return {...data, welfareEvents: [...data.welfareEvents, ...events]};
}

/** The refusal `change` throws, as facts (what the desk words). */
function refusalOf(change: () => unknown): CoverActsRefusal {
	try {
		change();
	} catch (err) {
		if (err instanceof AbsenceError && err.refusal?.kind === 'cover-acts') {
			expect(err.message).not.toContain(NOTE_FLAG);
			return err.refusal;
		}
		throw err;
	}
	throw new Error('not refused');
}

const coverOn = (data: StoreData, date: string) => awayOn(absenceLookup(data.absences), BRENNAN, date)?.coverId;

describe("a change of absences that would leave a cover's acts outside her cover days (QA 9 D1)", () => {
	it('refuses an end before her last act, naming the records with their dates and the last day to give', () => {
		const data = withCheckIns(marshCovers(), '2026-12-13', TODAY);
		expect(() => endAbsence(data, 'ab0002', '2026-12-12', TODAY)).toThrow(
			'DC Marsh acted as cover for DS Brennan (check-in for DC Iqbal (w00090) on 13 Dec, check-in for DC Iqbal (w00091) on 14 Dec): ' +
				'those records rest on that cover, so ab0002 cannot end before 14 Dec. Give a last day of 14 Dec or later: --to 2026-12-14.',
		);
		expect(refusalOf(() => endAbsence(data, 'ab0002', '2026-12-13', TODAY))).toMatchObject({way: 'last', day: TODAY, absenceId: 'ab0002'});
		// Ended on the day of her last act, her acts stay inside: saved.
		const ended = endAbsence(data, 'ab0002', TODAY, TODAY);
		expect(coverOn(ended, TODAY)).toBe(MARSH);
		expect(coverActsLeftBare(data, ended)).toEqual([]);
	});

	it('refuses a last day moved back before her act (absence change --to)', () => {
		const data = withCheckIns(marshCovers(), '2026-12-13');
		const r = refusalOf(() => changeAbsence(data, 'ab0002', {to: '2026-12-12'}, TODAY));
		expect(r).toMatchObject({kind: 'cover-acts', way: 'last', day: '2026-12-13', who: 'DC Marsh', covered: 'DS Brennan'});
		expect(r.acts).toEqual(['check-in for DC Iqbal (w00090) on 13 Dec']);
		expect(absenceRefusalWords(r, TODAY)).toBe(
			'DC Marsh acted as cover for DS Brennan (check-in for DC Iqbal (w00090) on 13 Dec): those records rest on that cover, ' +
				'so ab0002 cannot end before 13 Dec. Type a Last day of 13 Dec or later.',
		);
		expect(changeAbsence(data, 'ab0002', {to: '2026-12-13'}, TODAY).changes).toEqual(['last day 04 Feb 2027 -> 13 Dec']);
	});

	it('refuses a first day moved later than her first act (absence change --from)', () => {
		const data = withCheckIns(marshCovers(), '2026-12-10');
		expect(() => changeAbsence(data, 'ab0002', {from: '2026-12-12'}, TODAY)).toThrow(
			/so ab0002 cannot begin after 10 Dec\. Give a first day of 10 Dec or earlier: --from 2026-12-10\.$/,
		);
		const r = refusalOf(() => changeAbsence(data, 'ab0002', {from: '2026-12-11'}, TODAY));
		expect(absenceRefusalWords(r, TODAY)).toMatch(/Type a First day of 10 Dec or earlier\.$/);
		// A correction that keeps her act inside (an earlier first day) stands.
		expect(coverOn(changeAbsence(data, 'ab0002', {from: '2026-12-09'}, TODAY).data, '2026-12-10')).toBe(MARSH);
	});

	it('refuses recording the cover herself away on a day she acted, and allows the days after', () => {
		const data = withCheckIns(marshCovers(), '2026-12-13');
		const away = {
			officerId: MARSH,
			to: '2026-12-13',
			reason: 'sick' as const,
			coverOfficerId: null,
			recordedBy: OKAFOR,
			recordedAt: '2026-12-14T09:00:00.000Z',
		};
		expect(() => addAbsence(data, {...away, from: '2026-12-13'})).toThrow(
			'DC Marsh acted as cover for DS Brennan (check-in for DC Iqbal (w00090) on 13 Dec): those records rest on that cover, ' +
				'so DC Marsh cannot be recorded away on those days. Record DC Marsh away from 14 Dec: --from 2026-12-14.',
		);
		const r = refusalOf(() => addAbsence(data, {...away, from: '2026-12-12'}));
		expect(r).toMatchObject({way: 'away', day: TODAY});
		expect(absenceRefusalWords(r, TODAY)).toMatch(
			/so DC Marsh cannot be recorded away on those days\. Type a First day of 14 Dec or later\.$/,
		);
		expect(addAbsence(data, {...away, from: TODAY, to: TODAY}).id).toMatch(/^ab\d{4}$/);
	});

	it("refuses moving the cover's own absence over a day she acted, in the change's words", () => {
		const data = withCheckIns(marshCovers(), '2026-12-13');
		const {data: withLeave, id} = addAbsence(data, {
			officerId: MARSH,
			from: TODAY,
			to: TODAY,
			reason: 'annual-leave',
			coverOfficerId: null,
			recordedBy: OKAFOR,
			recordedAt: '2026-12-14T09:00:00.000Z',
		});
		expect(() => changeAbsence(withLeave, id, {from: '2026-12-13'}, TODAY)).toThrow(
			`so DC Marsh cannot be recorded away on those days: keep ${id} off them (its days before 13 Dec or from 14 Dec).`,
		);
		const r = refusalOf(() => changeAbsence(withLeave, id, {from: '2026-12-12'}, TODAY));
		expect(r).toMatchObject({way: 'away', changed: true, absenceId: id});
		expect(absenceRefusalWords(r, TODAY)).toMatch(/cannot be recorded away on those days: keep its First day and Last day off them\.$/);
	});

	it('leaves a change with no cover acts alone, and counts no act about the cover herself', () => {
		const own = {...marshCovers()};
		own.welfareEvents = [
			...own.welfareEvents,
			{id: 'w00095', officerId: MARSH, date: '2026-12-13', kind: 'check-in', by: MARSH, flags: []},
		];
		expect(endAbsence(own, 'ab0002', '2026-12-12', TODAY).absences.find(a => a.id === 'ab0002')?.to).toBe('2026-12-12');
	});
});
