/**
 * The rules read an absence kept in parts (source/domain/absence-cover.ts: its cover changed for some days)
 * whole (rules/context.ts absencesAsKnown, wholeAbsence): "until" its real end, one problem for the absence,
 * each day's own cover; and on a day before the change, as it was known then (docs/rules.md, an absence
 * counts from the day it is recorded).
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../source/domain/absences.js';
import type {StoreData} from '../../../source/domain/model.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {demoData} from '../../helpers/demo.js';

const OKAFOR = 'o0001';
const CARTER = 'o0009';
const recording = (day: string) => ({recording: {by: OKAFOR, at: `${day}T09:00:00.000Z`}});

/** DS Brennan's absence (ab0002, sick 10 Dec-04 Feb, nobody covering) with DC Carter named on `day` for `days`. */
function carterNamed(day: string, days?: {from: string; to: string}): StoreData {
	return changeAbsence(demoData(), 'ab0002', {coverOfficerId: CARTER}, day, {...recording(day), ...(days ? {days} : {})}).data;
}

describe('an absence kept in parts, to the rules', () => {
	it('on a day before the cover change, is read as it was then: to 04 Feb with nobody covering', () => {
		// Carter named on 14 Dec, from then on: read on 12 Dec, the problems are those of 12 Dec before the change
		// (not an absence ending 13 Dec, the first part's last day: 57 reviews, not 60).
		const changed = carterNamed('2026-12-14');
		const before = findProblems(demoData(), '2026-12-12');
		expect(findProblems(changed, '2026-12-12')).toEqual(before);
		const absent = before.find(p => p.kind === 'review-due-supervisor-absent' && p.subject.officerId === 'o0002');
		expect(absent?.message).toMatch(/^DS Brennan is on sick leave 10 Dec to 04 Feb 2027 with no cover named: 60 case reviews/);
	});

	it('with a cover for some days: one problem for the absence, its days with nobody said, "until" its real end', () => {
		const data = carterNamed('2026-12-12', {from: '2026-12-20', to: '2026-12-27'});
		const found = findProblems(data, '2026-12-12');
		const absent = found.filter(p => p.kind === 'review-due-supervisor-absent' && p.subject.officerId === 'o0002');
		expect(absent.map(p => p.id)).toEqual(['review-due-supervisor-absent:o0002:ab0002']);
		expect(absent[0]!.message).toMatch(
			/^DS Brennan is on sick leave 10 Dec to 04 Feb 2027 with no cover named 10-19 Dec, 28 Dec-04 Feb 2027: \d+ case reviews fall due in that time, the first 12 Dec$/,
		);
		expect(absent[0]!.evidence[0]).toMatchObject({type: 'absence', id: 'ab0002', date: '2026-12-10'});
		// Its way names a cover for the days with nobody it is about, so Carter keeps 20-27 Dec.
		const way = absent[0]!.resolve?.find(w => w.way === 'absence-change');
		expect(way?.command).toBe('fortnight absence change ab0002 --cover NAME --from 2026-12-12 --to 2026-12-19');
		expect(way?.label).toContain('for 12-19 Dec');
		// No review due while Carter covers is listed.
		const dates = absent[0]!.evidence.filter(e => e.type === 'case').map(e => e.date ?? '');
		expect(dates.filter(d => d >= '2026-12-20' && d <= '2026-12-27')).toEqual([]);
		// The bail problems name his return, not the first part's last day (19 Dec), and the absence by its first part.
		const bail = found.filter(p => p.kind.startsWith('bail-') && p.message.includes('supervisor DS Brennan'));
		expect(bail.length).toBeGreaterThan(0);
		for (const p of bail) {
			expect(p.message).toContain('supervisor DS Brennan is on sick leave until 04 Feb 2027');
			expect(p.evidence.find(e => e.type === 'absence' && e.detail.startsWith('supervisor '))?.id).toBe('ab0002');
		}
	});
});
