/**
 * The Calendar view's bars for an absence kept in parts (QA 7 R14): each part is a bar whose words say
 * its own days and cover, so a short part's words, moved beside or under the bar after it, are never
 * read as the cover of the days they sit by ("sick, DC Carter covers" at 12 Dec, which DC Shah covers).
 */
import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../../source/domain/absences.js';
import type {StoreData} from '../../../../source/domain/model.js';
import {calendarGrid} from '../../../../source/ui/views/calendar/calendar-grid.js';
import {calendarLines, calendarShape} from '../../../../source/ui/views/calendar/calendar-lines.js';
import {initialCalendarState} from '../../../../source/ui/views/calendar/calendar-state.js';
import {demoData} from '../../../helpers/demo.js';

const OKAFOR = 'o0001';
const MARSH = 'o0006';
const SHAH = 'o0008';
const CARTER = 'o0009';
const TODAY = '2026-12-12';

/** DS Brennan sick 10 Dec-04 Feb (ab0002): DC Marsh named before it began, then on 12 Dec DC Shah for 12-13 Dec and DC Carter from 14 Dec. */
function inParts(): StoreData {
	const on = (day: string) => ({recording: {by: OKAFOR, at: `${day}T09:00:00.000Z`}});
	let d = changeAbsence(demoData(), 'ab0002', {coverOfficerId: MARSH}, '2026-12-04', on('2026-12-04')).data;
	d = changeAbsence(d, 'ab0002', {coverOfficerId: SHAH}, TODAY, {...on(TODAY), days: {from: TODAY, to: '2026-12-13'}}).data;
	return changeAbsence(d, 'ab0002', {coverOfficerId: CARTER}, TODAY, {...on(TODAY), days: {from: '2026-12-14'}}).data;
}

describe('the Calendar view, an absence kept in parts', () => {
	it("each part's bar says its own days and its own cover", () => {
		const data = inParts();
		expect(data.officers.find(o => o.id === SHAH)!.name).toContain('Shah');
		const brennan = calendarGrid(data, TODAY, 14).rows.find(r => r.officerId === data.team.sergeantId)!;
		expect(brennan.bars).toEqual([
			{first: 0, last: 1, words: 'sick 12-13 Dec, DC Shah covers', uncovered: false},
			{first: 2, last: 13, words: 'sick 14 Dec-04 Feb 2027, DC Carter covers', uncovered: false},
		]);
	});

	it('drawn at 80 columns, the words by the first bar name its days, not the later cover alone', () => {
		const lines = calendarLines(calendarGrid(inParts(), TODAY, 14), initialCalendarState(), 78, 40).map(l => l.text);
		const bar = lines.findIndex(l => l.includes('═'));
		const under = lines.slice(bar, bar + 3).join('\n');
		expect(under).toContain('sick 12-13 Dec, DC Shah covers');
		expect(under).toContain('sick 14 Dec-04 Feb 2027, DC Carter covers');
		expect(under).not.toMatch(/sick, DC (Carter|Shah) covers/);
		expect(calendarShape(78).days).toBe(14);
	});

	it('an absence drawn as one bar keeps its short words (its days are the bar)', () => {
		const grant = calendarGrid(demoData(), '2026-11-30', 14).rows.find(r => r.label === 'DC Grant')!;
		expect(grant.bars).toEqual([{first: 3, last: 12, words: 'annual leave, DC Shah covers', uncovered: false}]);
	});
});
