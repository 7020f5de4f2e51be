/**
 * QA 8 D6: a cover change "from today" must not unsay what the outgoing cover already did today (README
 * "Absences": what a cover did on their days rests on it; a change takes effect from the day of the change,
 * never before). When the outgoing cover has acted as the team's supervisor today (cover-acts.ts), today
 * stays theirs: a blank first day starts the new cover tomorrow, said in the confirmation, and a first day
 * of today typed is refused naming the records and the way to start tomorrow.
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../source/domain/absences.js';
import {blankCoverFrom} from '../../source/domain/absence-cover.js';
import {coverActsOn} from '../../source/domain/cover-acts.js';
import type {ChainEntry, StoreData} from '../../source/domain/model.js';
import {absenceLookup, awayOn} from '../../source/domain/people.js';
import {demoData} from '../helpers/demo.js';

const MARSH = 'o0006';
const SHAH = 'o0008';
const IQBAL = 'o0004';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const TODAY = '2026-12-14';
const recording = {recording: {by: OKAFOR, at: '2026-12-14T15:00:00.000Z'}};

/** The demo with DC Marsh named (before it started) as cover of DS Brennan's absence ab0002, 10 Dec-04 Feb. */
function marshCovers(): StoreData {
	return changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-11-30', {
		recording: {by: OKAFOR, at: '2026-11-30T09:00:00.000Z'},
	}).data;
}

/** DC Marsh, as cover, records a check-in for DC Iqbal on `day`. */
function withCheckIn(data: StoreData, day: string): StoreData {
	return {
		...data,
		welfareEvents: [...data.welfareEvents, {id: 'w00099', officerId: IQBAL, date: day, kind: 'check-in', by: MARSH, flags: []}],
	};
}

const coverOn = (data: StoreData, date: string) => awayOn(absenceLookup(data.absences), BRENNAN, date)?.coverId;

describe('a cover change on a day the outgoing cover has acted (QA 8 D6)', () => {
	it('with no first day typed, starts the new cover tomorrow and says today stays the outgoing cover', () => {
		const data = withCheckIn(marshCovers(), TODAY);
		const {data: after, changes} = changeAbsence(data, 'ab0002', {coverOfficerId: SHAH}, TODAY, recording);
		expect(changes).toEqual([
			'cover DC Marsh -> DC Shah from 15 Dec to 04 Feb 2027; the days before keep the cover they had (ab0005 added as part of ab0002); ' +
				"today stays DC Marsh's, who has acted as cover today (check-in for DC Iqbal (w00099))",
		]);
		expect(coverOn(after, TODAY)).toBe(MARSH);
		expect(coverOn(after, '2026-12-15')).toBe(SHAH);
	});

	it('refuses a first day of today typed, naming the records and the way to start tomorrow; nothing changed', () => {
		const data = withCheckIn(marshCovers(), TODAY);
		expect(() => changeAbsence(data, 'ab0002', {coverOfficerId: SHAH}, TODAY, {...recording, days: {from: TODAY}})).toThrow(
			/DC Marsh has acted as cover today \(check-in for DC Iqbal \(w00099\)\): those records rest on their cover, so today stays theirs\. Name the new cover from tomorrow: --from 2026-12-15/,
		);
		expect(() => changeAbsence(data, 'ab0002', {coverOfficerId: SHAH}, TODAY, {...recording, days: {from: TODAY, to: TODAY}})).toThrow(
			/today's cover cannot change/,
		);
		expect(coverOn(data, TODAY)).toBe(MARSH);
	});

	it('counts a review signed today as cover, and not records of other days', () => {
		const review = {
			seq: 637,
			kind: 'review',
			data: {caseRef: 'CR/32449/23', date: TODAY, reviewerId: MARSH},
		} as unknown as ChainEntry;
		const data = {...marshCovers(), chain: [review]};
		expect(coverActsOn(data, MARSH, TODAY)).toEqual(['review of CR/32449/23 (entry 637)']);
		expect(coverActsOn(data, MARSH, '2026-12-13')).toEqual([]);
		expect(changeAbsence(data, 'ab0002', {coverOfficerId: SHAH}, TODAY, recording).changes[0]).toMatch(
			/from 15 Dec .*review of CR\/32449\/23 \(entry 637\)/,
		);
	});

	it('starts the new cover today when the outgoing cover has not acted today (a check-in of yesterday is theirs anyway)', () => {
		const data = withCheckIn(marshCovers(), '2026-12-13');
		const {data: after, changes} = changeAbsence(data, 'ab0002', {coverOfficerId: SHAH}, TODAY, recording);
		expect(changes[0]).toMatch(/^cover DC Marsh -> DC Shah from 14 Dec to 04 Feb 2027; the days before keep the cover they had/);
		expect(coverOn(after, TODAY)).toBe(SHAH);
	});
});

describe('where a cover named with no first day starts (blankCoverFrom: the desk form says it, deskword)', () => {
	it('tomorrow when the outgoing cover has acted today and the cover changes; today when not; the first day before it starts', () => {
		const acted = withCheckIn(marshCovers(), TODAY);
		expect(blankCoverFrom(acted, 'ab0002', SHAH, TODAY)).toEqual({
			from: '2026-12-15',
			because: 'today-kept',
			keptBy: {officerId: MARSH, who: 'DC Marsh', acts: ['check-in for DC Iqbal (w00099)']},
		});
		// Nobody named in her place takes today from her either; naming her again changes nothing today.
		expect(blankCoverFrom(acted, 'ab0002', null, TODAY).from).toBe('2026-12-15');
		expect(blankCoverFrom(acted, 'ab0002', MARSH, TODAY)).toEqual({from: TODAY, because: 'today'});
		expect(blankCoverFrom(withCheckIn(marshCovers(), '2026-12-13'), 'ab0002', SHAH, TODAY)).toEqual({from: TODAY, because: 'today'});
		expect(blankCoverFrom(marshCovers(), 'ab0002', SHAH, '2026-12-05')).toEqual({from: '2026-12-10', because: 'first-day'});
		// What the change then does, from the same data.
		const {data: after} = changeAbsence(acted, 'ab0002', {coverOfficerId: SHAH}, TODAY, recording);
		expect(coverOn(after, '2026-12-15')).toBe(SHAH);
		expect(coverOn(after, TODAY)).toBe(MARSH);
	});
});
