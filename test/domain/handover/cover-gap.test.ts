/**
 * QA pass 4, D-E: with the named cover away for part of the sergeant's absence, the handover's header
 * and JSON said she covered the whole window while its body said nobody covered 20-27 Dec. Who covers
 * a day is one rule (people.ts awayOn, run over the window by coverRuns): the covers are her days at
 * work, split around her leave, and the days she is away too are `uncovered` (README "`fortnight
 * handover` and `fortnight absence`": flagged as nobody covering, never "covered by").
 */
import {describe, expect, it} from 'vitest';
import {handoverCovers, recordedCovers, recordedGaps} from '../../../source/domain/handover/build.js';
import {coverSpans} from '../../../source/domain/handover/cover-spans.js';
import {absenceLookup, coverRuns} from '../../../source/domain/people.js';
import {coverAwayData, MARSH} from './cover-away-fixture.js';
import {handoverOf} from './fixtures.js';

const MARSH_NAME = 'DC Helen Marsh';

describe('coverRuns: who actually covers each day of a window (awayOn)', () => {
	it("splits DS Brennan's absence around DC Marsh's leave, and leaves out the days he is at work", () => {
		const data = coverAwayData();
		const runs = coverRuns(absenceLookup(data.absences), data.team.sergeantId, '2026-12-05', '2026-12-31');
		expect(runs.map(r => [r.from, r.to, r.coverId, r.coverAway?.reason ?? null])).toEqual([
			['2026-12-10', '2026-12-19', MARSH, null],
			['2026-12-20', '2026-12-27', null, 'annual-leave'],
			['2026-12-28', '2026-12-31', MARSH, null],
		]);
		expect(new Set(runs.map(r => r.absence.id))).toEqual(new Set(['ab0002']));
	});
});

describe('the handover names the cover only on the days she covers', () => {
	const data = coverAwayData();

	it('16-29 Dec: DC Marsh 16-19 and 28-29 Dec, nobody 20-27 Dec', () => {
		expect(recordedCovers(data, '2026-12-16', '2026-12-29')).toEqual([
			{name: MARSH_NAME, officerId: MARSH, from: '2026-12-16', to: '2026-12-19'},
			{name: MARSH_NAME, officerId: MARSH, from: '2026-12-28', to: '2026-12-29'},
		]);
		expect(recordedGaps(data, '2026-12-16', '2026-12-29')).toEqual([
			{from: '2026-12-20', to: '2026-12-27', coverName: MARSH_NAME, coverOfficerId: MARSH, coverAwayWords: 'on annual leave'},
		]);
	});

	it('21 Dec-03 Jan: nobody 21-27 Dec, then DC Marsh; the header spans read in date order', () => {
		const covers = handoverCovers(data, '2026-12-21', '2027-01-03', null, '2026-12-21');
		expect(covers.cover).toEqual({name: MARSH_NAME, officerId: MARSH});
		expect(covers.covers).toEqual([{name: MARSH_NAME, officerId: MARSH, from: '2026-12-28', to: '2027-01-03'}]);
		const h = handoverOf(data, {from: '2026-12-21', to: '2027-01-03', today: '2026-12-21', ...covers});
		expect(h.uncovered).toEqual([
			{from: '2026-12-21', to: '2026-12-27', coverName: MARSH_NAME, coverOfficerId: MARSH, coverAwayWords: 'on annual leave'},
		]);
		expect(coverSpans(h).map(s => [s.nobody !== null, s.dates])).toEqual([
			[true, {from: '2026-12-21', to: '2026-12-27'}],
			[false, {from: '2026-12-28', to: '2027-01-03'}],
		]);
	});

	it("the sergeant's absence in the officer section carries the cover's days away, cut to the absence", () => {
		const h = handoverOf(data, {from: '2026-12-16', to: '2026-12-29', today: '2026-12-16'});
		const brennan = h.officers.find(o => o.officerId === data.team.sergeantId)!;
		expect(brennan.absences.map(a => [a.id, a.coverName, a.coverAway])).toEqual([
			['ab0002', MARSH_NAME, [{from: '2026-12-20', to: '2026-12-27', reasonWords: 'on annual leave'}]],
		]);
		// DC Marsh's own leave names no cover, so nothing is away "too".
		expect(h.officers.find(o => o.officerId === MARSH)!.absences.map(a => a.coverAway)).toEqual([[]]);
	});

	it('a cover named for the handover covers the whole window: no gaps (one away in it is refused: absences.ts)', () => {
		const covers = handoverCovers(data, '2026-12-16', '2026-12-29', {name: 'DC Chloe Evans', officerId: 'o0010'}, '2026-12-16');
		expect(covers.covers).toEqual([{name: 'DC Chloe Evans', officerId: 'o0010', from: '2026-12-16', to: '2026-12-29'}]);
		expect(covers.uncovered).toEqual([]);
	});

	it('with the cover at work throughout, one cover for the absence as before', () => {
		const demo = coverAwayData();
		demo.absences = demo.absences.filter(a => a.officerId !== MARSH);
		expect(recordedCovers(demo, '2026-12-16', '2026-12-29')).toEqual([
			{name: MARSH_NAME, officerId: MARSH, from: '2026-12-16', to: '2026-12-29'},
		]);
		expect(recordedGaps(demo, '2026-12-16', '2026-12-29')).toEqual([]);
	});
});
