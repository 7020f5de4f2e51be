import {describe, expect, it} from 'vitest';
import {changeAbsence} from '../../../source/domain/absences.js';
import {absenceIn} from '../../../source/ui/team/team-view.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData, ready, renderDesk} from '../desk-harness.js';

const rowOf = (f: string, name: RegExp) => f.split('\n').find(l => name.test(l)) ?? '';

describe('Team view shows every absence at every width', () => {
	it('picks the longest form that fits', () => {
		const forms = ['annual leave 03-12 Dec, cover DC Shah', 'leave 03-12 Dec, cover Shah', 'leave 03-12 Dec', 'leave'];
		expect(absenceIn(forms, 40)).toBe(forms[0]);
		expect(absenceIn(forms, 30)).toBe(forms[1]);
		expect(absenceIn(forms, 15)).toBe('leave 03-12 Dec');
		expect(absenceIn(forms, 6)).toBe('leave');
		expect(absenceIn(forms, 3)).toBe('le…');
		expect(absenceIn([], 10)).toBe('');
	});

	it('at 80 columns: a compact Away column ("sick, no cover", "leave 03-12 Dec"); tenure and hours move to the selected line', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = await h.press('2');
		expect(f).toMatch(/Plan\s+Away/);
		// Brennan's sick leave starts 10 Dec: it must not read like Ashworth's, which is running now,
		// and it keeps "no cover" (the team's one critical absence: QA-3 R1).
		expect(rowOf(f, /DS Brennan/)).toMatch(/10 Dec no cover\s*║/);
		expect(rowOf(f, /DC Ashworth/)).toMatch(/sick, no cover\s*║/);
		expect(rowOf(f, /DC Grant/)).toMatch(/leave 03-12 Dec\s*║/);
		expect(f).toContain('DI Rachel Okafor: no absence recorded; 40h 1.00 h/FTE, tenure 3y 7m');
		f = await h.press('j');
		expect(f).toContain('DS Tom Brennan: sick 10 Dec-04 Feb 2027, no cover');
		h.app.unmount();
	});

	it('a later absence with nobody covering keeps "no cover" and its start at every width (QA-3 R1)', async () => {
		for (const columns of [80, 90, 100, 110, 120, 140]) {
			const h = renderDesk({size: {columns, rows: 30}});
			await ready(h);
			const row = rowOf(await h.press('2'), /DS (Tom )?Brennan/);
			expect(row, `${columns} columns`).toMatch(/10 Dec.*no cover/);
			expect(row, `${columns} columns`).not.toMatch(/no c…|cover…/);
			h.app.unmount();
		}
	});

	it('at 120 columns: the words in full, using the width (Tenure on the selected line)', async () => {
		const h = renderDesk({size: {columns: 120, rows: 40}});
		await ready(h);
		const f = await h.press('2');
		expect(f).toMatch(/Perf\. plan\s+Away/);
		expect(rowOf(f, /DS Tom Brennan/)).toContain('sick 10 Dec-04 Feb 2027, no cover');
		expect(rowOf(f, /DC Sam Ashworth/)).toContain('sick from 28 Nov, no cover');
		expect(rowOf(f, /DC Lewis Grant/)).toContain('annual leave 03-12 Dec, cover DC Shah');
		expect(f).not.toMatch(/cover…|no c…/);
		h.app.unmount();
	});

	it('one form for the cover: an absence kept in parts says "cover DC Marsh" as a whole one says "cover DC Shah" (QA 7 R11)', async () => {
		// DC Ashworth's sick leave (ab0003, from 28 Nov) with DC Marsh named from today: kept in two parts.
		const data = changeAbsence(demoData(), 'ab0003', {coverOfficerId: 'o0006'}, DEMO_TODAY, {
			recording: {by: 'o0002', at: '2026-11-30T09:00:00.000Z'},
			days: {from: DEMO_TODAY},
		}).data;
		const h = renderDesk({data, size: {columns: 120, rows: 40}});
		await ready(h);
		const f = await h.press('2');
		expect(rowOf(f, /DC Sam Ashworth/)).toContain('sick from 28 Nov, cover DC Marsh');
		expect(rowOf(f, /DC Lewis Grant/)).toContain('annual leave 03-12 Dec, cover DC Shah');
		expect(f).not.toMatch(/cover (Marsh|Shah)\b/);
		h.app.unmount();
	});
});
