/**
 * QA pass 4, D-E, in the desk: with DC Marsh named for DS Brennan's sick leave and on annual leave
 * 20-27 Dec herself, the Handover view's title and body said "cover: DC Helen Marsh" for the whole
 * window and the Calendar view's bar read "sick, DC Marsh covers" across her leave. Both now follow who
 * actually covers each day (domain/people.ts awayOn): her days, and nobody 20-27 Dec.
 */
import {describe, expect, it} from 'vitest';
import {gridFromHandover} from '../../../../source/ui/views/calendar/calendar-grid.js';
import {handoverCovers} from '../../../../source/domain/handover/build.js';
import {handoverLines} from '../../../../source/ui/views/handover/handover-lines.js';
import {actorAs} from '../../../helpers/actor.js';
import {coverAwayData, INSPECTOR} from '../../../domain/handover/cover-away-fixture.js';
import {handoverOf} from '../../../domain/handover/fixtures.js';
import {ready, renderDesk} from '../../desk-harness.js';

const TODAY = '2026-12-16';
const data = coverAwayData();
const h = handoverOf(data, {from: TODAY, to: '2026-12-29', today: TODAY, ...handoverCovers(data, TODAY, '2026-12-29', null, TODAY)});

describe('the Handover view and the Calendar view with the named cover away for part of the window', () => {
	it("the preview's cover line names her days and NOBODY COVERS 20-27 Dec, as critical", () => {
		const cover = handoverLines(h).find(l => l.text.startsWith('Cover:'))!;
		expect(cover.text).toBe(
			'Cover: DC Helen Marsh (16 Dec to 19 Dec); NOBODY COVERS 20 Dec to 27 Dec (DC Helen Marsh, the named cover, is on annual leave); ' +
				'DC Helen Marsh (28 Dec to 29 Dec)',
		);
		expect(cover.tone).toBe('critical');
	});

	it("the calendar's bar for DS Brennan splits: DC Marsh covers, then no cover while she is away too, then DC Marsh again", () => {
		const grid = gridFromHandover(h, data.team.sergeantId);
		const brennan = grid.rows.find(r => r.officerId === data.team.sergeantId)!;
		expect(brennan.bars).toEqual([
			// Each bar says its own days, the first and last as they run beyond the window (QA 7 R14).
			{first: 0, last: 3, words: 'sick 10-19 Dec, DC Marsh covers', uncovered: false},
			{first: 4, last: 11, words: 'sick 20-27 Dec, no cover (DC Marsh away too)', uncovered: true},
			{first: 12, last: 13, words: 'sick 28 Dec-04 Feb 2027, DC Marsh covers', uncovered: false},
		]);
		expect(grid.alerts[4]).toContain('NO COVER: DS Brennan away (sick), and DC Marsh, the named cover, is away too');
		expect(grid.alerts[3]!.some(a => a.startsWith('NO COVER: DS Brennan'))).toBe(false);
	});

	it('in the desk as DI Okafor: 3 shows the split cover in the title and body; 5 shows the gap in the bar', async () => {
		const d = renderDesk({data, today: TODAY, actor: actorAs(INSPECTOR), size: {columns: 160, rows: 45}});
		await ready(d);
		await d.press('3');
		const handover = await d.waitFor('NOBODY COVERS');
		expect(handover).toContain('cover: DC Helen Marsh 16 Dec to 19 Dec, NOBODY 20 Dec to 27 Dec (DC Helen Marsh away)');
		expect(handover).toContain('NOBODY COVERS 20 Dec to 27 Dec');
		expect(handover).not.toMatch(/cover: DC Helen Marsh\s*[─═]/);
		await d.press('5');
		const calendar = await d.waitFor('CALENDAR');
		expect(calendar).toContain('sick 20-27 Dec, no cover (DC Marsh away too)');
		expect(calendar).not.toMatch(/sick[^,]*, DC Marsh covers ═{60}/);
		d.app.unmount();
	});

	it('a one-day cover span says "on 19 Dec", not "19 Dec to 19 Dec", in the preview and the desk title (QA 7 R3)', async () => {
		const short = handoverOf(data, {
			from: '2026-12-19',
			to: '2026-12-20',
			today: '2026-12-19',
			...handoverCovers(data, '2026-12-19', '2026-12-20', null, '2026-12-19'),
		});
		const cover = handoverLines(short).find(l => l.text.startsWith('Cover:'))!;
		expect(cover.text).toBe(
			'Cover: DC Helen Marsh (on 19 Dec); NOBODY COVERS on 20 Dec (DC Helen Marsh, the named cover, is on annual leave)',
		);
		const d = renderDesk({data, today: '2026-12-27', actor: actorAs(INSPECTOR), size: {columns: 160, rows: 45}});
		await ready(d);
		await d.press('3');
		const handover = await d.waitFor('NOBODY');
		expect(handover).toContain('cover: NOBODY on 27 Dec (DC Helen Marsh away), DC Helen Marsh');
		expect(handover).not.toContain('27 Dec to 27 Dec');
		d.app.unmount();
	});
});
