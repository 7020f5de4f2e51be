/**
 * A cover changed on an absence that has started takes effect from the day of the change, and a cover may
 * be named for some days only (README "Absences"; source/domain/absence-cover.ts): the days before keep
 * the cover they had, so who covered a date (people.ts awayOn) is history, not just the present.
 */
import {describe, expect, it} from 'vitest';
import {AbsenceError, cancelAbsence, changeAbsence, endAbsence} from '../../source/domain/absences.js';
import {absenceParts, daysCoverAway} from '../../source/domain/absence-cover.js';
import {absenceWords} from '../../source/domain/absence-words.js';
import type {StoreData} from '../../source/domain/model.js';
import {absenceLookup, awayOn, coverRuns} from '../../source/domain/people.js';
import {ownerAwayWarning} from '../../source/domain/action-owners.js';
import {demoData} from '../helpers/demo.js';

const MARSH = 'o0006';
const CARTER = 'o0009';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const recording = {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'};

/** The demo with DS Brennan's absence (ab0002, sick 10 Dec to 04 Feb) covered by DC Marsh, named before it starts. */
function marshCovers(): StoreData {
	return changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {recording}).data;
}
const coverOn = (data: StoreData, date: string) => awayOn(absenceLookup(data.absences), BRENNAN, date)?.coverId;

describe('a cover changed on an absence', () => {
	it('before it starts, replaces the cover outright: one record, recorded as a change', () => {
		const data = marshCovers();
		expect(absenceParts(data.absences, 'ab0002')).toHaveLength(1);
		expect(data.absences.find(a => a.id === 'ab0002')).toMatchObject({from: '2026-12-10', to: '2027-02-04', coverOfficerId: MARSH});
	});

	it('after it starts, takes effect from today: the days before keep their cover, the new cover gains none of them', () => {
		const before = marshCovers();
		const {data, changes} = changeAbsence(before, 'ab0002', {coverOfficerId: CARTER}, '2026-12-14', {
			recording: {by: OKAFOR, at: '2026-12-14T09:00:00.000Z'},
		});
		expect(changes).toEqual([
			'cover DC Marsh -> DC Carter from 14 Dec to 04 Feb 2027; the days before keep the cover they had (ab0005 added as part of ab0002)',
		]);
		for (const d of ['2026-12-10', '2026-12-11', '2026-12-13']) expect(coverOn(data, d), d).toBe(MARSH);
		for (const d of ['2026-12-14', '2027-01-20', '2027-02-04']) expect(coverOn(data, d), d).toBe(CARTER);
		expect(coverOn(data, '2027-02-05')).toBeUndefined();
		const [first, later] = absenceParts(data.absences, 'ab0002');
		expect(first).toEqual({...before.absences.find(a => a.id === 'ab0002'), to: '2026-12-13'});
		expect(later).toMatchObject({id: 'ab0005', partOf: 'ab0002', from: '2026-12-14', to: '2027-02-04', reason: 'sick', recordedBy: OKAFOR});
		// The handover's covers are the runs: Marsh 10-13 Dec, Carter from 14 Dec.
		const runs = coverRuns(absenceLookup(data.absences), BRENNAN, '2026-12-10', '2026-12-23');
		expect(runs.map(r => [r.from, r.to, r.coverId])).toEqual([
			['2026-12-10', '2026-12-13', MARSH],
			['2026-12-14', '2026-12-23', CARTER],
		]);
		expect(absenceWords(later!, data.officers, '2026-12-14', data.absences)).toBe(
			'sick 10 Dec-04 Feb 2027, cover DC Carter 14 Dec-04 Feb 2027 (DC Marsh 10-13 Dec)',
		);
	});

	it('refuses days before today on an absence that has started, and days outside it; nothing changed', () => {
		const data = marshCovers();
		const at = {recording: {by: OKAFOR, at: '2026-12-14T09:00:00.000Z'}};
		expect(() => changeAbsence(data, 'ab0002', {coverOfficerId: CARTER}, '2026-12-14', {...at, days: {from: '2026-12-11'}})).toThrow(
			/ab0002 started 10 Dec: the days before today keep the cover they had\. Name the new cover from today: --from 2026-12-14 or later/,
		);
		expect(() => changeAbsence(data, 'ab0002', {coverOfficerId: CARTER}, '2026-12-14', {...at, days: {from: '2027-03-01'}})).toThrow(
			/must lie within ab0002/,
		);
		expect(() => changeAbsence(data, 'ab0002', {coverOfficerId: MARSH}, '2026-12-14', {...at, days: {from: '2026-12-20'}})).toThrow(
			/already has that cover on those days: nothing to change/,
		);
		// An absence that has ended keeps every day's cover.
		expect(() => changeAbsence(data, 'ab0001', {coverOfficerId: CARTER}, '2026-12-14', at)).toThrow(
			/ab0001 ran 04 May to 03 Jul: the days it ran keep the cover they had/,
		);
	});

	it('for some days only: the first cover keeps the days before and after, and naming them back joins the parts again', () => {
		const data = marshCovers();
		const days = {from: '2026-12-20', to: '2026-12-27'};
		const split = changeAbsence(data, 'ab0002', {coverOfficerId: CARTER}, '2026-11-30', {recording, days}).data;
		expect(absenceParts(split.absences, 'ab0002').map(a => [a.id, a.from, a.to, a.coverOfficerId, a.partOf])).toEqual([
			['ab0002', '2026-12-10', '2026-12-19', MARSH, undefined],
			['ab0005', '2026-12-20', '2026-12-27', CARTER, 'ab0002'],
			['ab0006', '2026-12-28', '2027-02-04', MARSH, 'ab0002'],
		]);
		expect([
			coverOn(split, '2026-12-19'),
			coverOn(split, '2026-12-20'),
			coverOn(split, '2026-12-27'),
			coverOn(split, '2026-12-28'),
		]).toEqual([MARSH, CARTER, CARTER, MARSH]);
		const back = changeAbsence(split, 'ab0005', {coverOfficerId: MARSH}, '2026-11-30', {recording, days}).data;
		expect(absenceParts(back.absences, 'ab0002').map(a => [a.id, a.from, a.to, a.coverOfficerId])).toEqual([
			['ab0002', '2026-12-10', '2027-02-04', MARSH],
		]);
	});

	it('refuses a new cover who is away on any of the days named', () => {
		const data = marshCovers();
		// DC Grant (o0007) is away 03-12 Dec in the demo.
		expect(() =>
			changeAbsence(data, 'ab0002', {coverOfficerId: 'o0007'}, '2026-11-30', {recording, days: {from: '2026-12-10', to: '2026-12-15'}}),
		).toThrow(AbsenceError);
		expect(() =>
			changeAbsence(data, 'ab0002', {coverOfficerId: 'o0007'}, '2026-11-30', {recording, days: {from: '2026-12-13', to: '2026-12-15'}}),
		).not.toThrow();
	});

	it('end acts on the whole absence kept in parts; cancel takes the first part and removes them all', () => {
		const data = marshCovers();
		const split = changeAbsence(data, 'ab0002', {coverOfficerId: CARTER}, '2026-11-30', {
			recording,
			days: {from: '2026-12-20', to: '2026-12-27'},
		}).data;
		const ended = endAbsence(split, 'ab0006', '2026-12-22', '2026-11-30');
		expect(absenceParts(ended.absences, 'ab0002').map(a => [a.id, a.from, a.to])).toEqual([
			['ab0002', '2026-12-10', '2026-12-19'],
			['ab0005', '2026-12-20', '2026-12-22'],
		]);
		// A part that has started is not dropped by an end before it.
		expect(() => endAbsence(split, 'ab0002', '2026-12-15', '2026-12-21')).toThrow(/ab0005 \(part of ab0002\) started 2026-12-20/);
		expect(() => cancelAbsence(split, 'ab0005', '2026-11-30')).toThrow(/ab0005 is part of absence ab0002/);
		const cancelled = cancelAbsence(split, 'ab0002', '2026-11-30');
		expect(cancelled.data.absences.filter(a => a.officerId === BRENNAN).map(a => a.id)).toEqual(['ab0001']);
	});

	it("the days a problem's way names: the first cover's own absence within this one, from today on", () => {
		const data = marshCovers();
		expect(daysCoverAway(data.absences, 'ab0002', {from: '2026-12-20', to: '2026-12-27'}, '2026-11-30')).toEqual({
			from: '2026-12-20',
			to: '2026-12-27',
		});
		expect(daysCoverAway(data.absences, 'ab0002', {from: '2026-12-01', to: null}, '2026-12-14')).toEqual({
			from: '2026-12-14',
			to: '2027-02-04',
		});
		expect(daysCoverAway(data.absences, 'ab0002', {from: '2026-12-01', to: '2026-12-12'}, '2026-12-14')).toBeUndefined();
	});

	it('its dates and reason are of the whole absence, whichever part is named; each part keeps its cover', () => {
		const split = changeAbsence(marshCovers(), 'ab0002', {coverOfficerId: CARTER}, '2026-11-30', {
			recording,
			days: {from: '2026-12-20', to: '2026-12-27'},
		}).data;
		const rows = (d: StoreData) => absenceParts(d.absences, 'ab0002').map(a => [a.id, a.from, a.to, a.coverOfficerId, a.reason]);
		// The last day moves the last part; before the last part begins, the parts after go (as ending it does).
		const later = changeAbsence(split, 'ab0002', {to: '2027-02-10'}, '2026-11-30');
		expect(later.changes).toEqual(['last day 04 Feb 2027 -> 10 Feb 2027']);
		expect(rows(later.data).at(-1)).toEqual(['ab0006', '2026-12-28', '2027-02-10', MARSH, 'sick']);
		expect(rows(changeAbsence(split, 'ab0006', {to: '2026-12-24'}, '2026-11-30').data)).toEqual([
			['ab0002', '2026-12-10', '2026-12-19', MARSH, 'sick'],
			['ab0005', '2026-12-20', '2026-12-24', CARTER, 'sick'],
		]);
		// The first day is the first part's, named by any part; the reason every part's.
		const earlier = changeAbsence(split, 'ab0005', {from: '2026-12-08', reason: 'training'}, '2026-11-30').data;
		expect(rows(earlier)).toEqual([
			['ab0002', '2026-12-08', '2026-12-19', MARSH, 'training'],
			['ab0005', '2026-12-20', '2026-12-27', CARTER, 'training'],
			['ab0006', '2026-12-28', '2027-02-04', MARSH, 'training'],
		]);
		expect(() => changeAbsence(split, 'ab0002', {from: '2026-12-21'}, '2026-11-30')).toThrow(
			/ab0002 is kept in parts .* its first part ends 19 Dec/,
		);
		// A cover for the whole of one not started, named without days, covers every part: one record again.
		const whole = changeAbsence(split, 'ab0002', {coverOfficerId: CARTER}, '2026-11-30', {recording}).data;
		expect(rows(whole)).toEqual([['ab0002', '2026-12-10', '2027-02-04', CARTER, 'sick']]);
	});

	it('a first day moved on an absence that has started is a correction up to today, said as one; after today it says which flag', () => {
		const data = marshCovers();
		const at = {recording: {by: OKAFOR, at: '2026-12-14T09:00:00.000Z'}};
		// Said without the command line's flags (the desk shows it too); `absence change` adds its --cover hint
		// (test/commands/absence-cover-parts.test.ts).
		expect(changeAbsence(data, 'ab0002', {from: '2026-12-08'}, '2026-12-14', at).changes).toEqual([
			'first day 10 Dec -> 08 Dec (a correction of when it began)',
		]);
		expect(() => changeAbsence(data, 'ab0002', {from: '2026-12-16'}, '2026-12-14', at)).toThrow(
			'ab0002 started 10 Dec: --from without --cover corrects its first day, to a day up to today, and 16 Dec is after today. ' +
				'For a cover from that day: --cover NAME --from 2026-12-16; for the last day away: --to D (or fortnight absence end ab0002 --to D).',
		);
		// Before it starts, the first day simply moves.
		expect(changeAbsence(data, 'ab0002', {from: '2026-12-12'}, '2026-11-30', {recording}).changes).toEqual(['first day 10 Dec -> 12 Dec']);
	});

	it("an owner's absence kept in parts is said whole when an action is given to them", () => {
		const split = changeAbsence(marshCovers(), 'ab0002', {coverOfficerId: CARTER}, '2026-12-14', {
			recording: {by: OKAFOR, at: '2026-12-14T09:00:00.000Z'},
		}).data;
		expect(ownerAwayWarning(split, BRENNAN, '2026-12-20', '2026-12-14')).toMatch(
			/^DS Brennan is on sick leave 10 Dec-04 Feb 2027, .*DC Carter covers/,
		);
	});
});
