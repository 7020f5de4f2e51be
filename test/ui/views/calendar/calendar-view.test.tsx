/**
 * The Calendar view (desk key 5; issue 21 item 11) through ink-testing-library at 80 and 160 columns,
 * and its grid and lines as plain functions.
 */
import {describe, expect, it} from 'vitest';
import {addDays} from '../../../../source/domain/dates.js';
import {calendarGrid, gridFromHandover} from '../../../../source/ui/views/calendar/calendar-grid.js';
import {calendarLines, calendarShape, cellText} from '../../../../source/ui/views/calendar/calendar-lines.js';
import {calendarKey, initialCalendarState} from '../../../../source/ui/views/calendar/calendar-state.js';
import {NO_KEY} from '../../../../source/ui/keymap.js';
import {DEMO_TODAY, demoData, handoverOf} from '../../../domain/handover/fixtures.js';
import {KEYS, ready, renderDesk} from '../../desk-harness.js';

/** The view's part of the frame: from its title to the Problems panel. */
const view = (frame: string) => frame.slice(frame.indexOf('CALENDAR'), frame.indexOf('┌'));
/** The view's lines joined into one (the cell's words wrap), without the activity bar's four columns and the frame. */
const said = (frame: string) =>
	frame
		.slice(0, frame.indexOf('┌'))
		.split('\n')
		.map(l =>
			l
				.slice(4)
				.replace(/^[║│]|[║│]$/g, '')
				.trim(),
		)
		.join(' ');

describe('calendar grid', () => {
	const data = demoData();
	const grid = calendarGrid(data, DEMO_TODAY, 14);

	it('one row per officer, the sergeant first, 14 days from today', () => {
		expect(grid.days[0]).toBe(DEMO_TODAY);
		expect(grid.days).toHaveLength(14);
		expect(grid.rows[0]?.label).toBe('DS Brennan');
		expect(grid.rows.map(r => r.label)).toContain('DC Ashworth');
		// The inspector has no row: the sergeant's team is the cover's.
		expect(grid.rows.map(r => r.label)).not.toContain('DI Okafor');
	});

	it('marks every bail, review, victim/RUI update, CPS and court date of the window on its officer and day', () => {
		const h = handoverOf(data);
		const kinds = new Set(['bail-return', 'bail-period-end', 'review-due', 'victim-update-due', 'rui-update-due', 'cps-due', 'court-date']);
		const items = h.inWindow.filter(i => kinds.has(i.kind));
		const marks = grid.rows.flatMap(r => r.marks.flat());
		expect(marks).toHaveLength(items.length);
		for (const i of items) {
			const row = grid.rows.find(r => r.officerId === i.officerId)!;
			expect(
				row.marks[grid.days.indexOf(i.date)]!.some(m => m.caseRef === i.caseRef),
				`${i.kind} ${i.caseRef}`,
			).toBe(true);
		}
		// Welfare check-ins and action plans are not drawn: the grid is the cases' dates and absences.
		expect(marks.every(m => m.caseRef.startsWith('CR/'))).toBe(true);
	});

	it('a bail date with the OIC away and nobody covering is critical, and its day says so in words', () => {
		const ashworth = grid.rows.find(r => r.label === 'DC Ashworth')!;
		const dec02 = grid.days.indexOf('2026-12-02');
		expect(ashworth.marks[dec02]![0]).toMatchObject({
			kind: 'bail',
			caseRef: 'CR/87204/26',
			critical: true,
			words: 'Bail return CR/87204/26 (OIC away, nobody covers)',
		});
		expect(grid.alerts[dec02]).toContain('CRITICAL: Bail return CR/87204/26 (OIC away, nobody covers)');
		expect(cellText(ashworth.marks[dec02]!, 4)).toBe('BR!');
		// DC Grant is away 03-12 Dec with DC Shah covering: a bar, not an alert.
		expect(grid.rows.find(r => r.label === 'DC Grant')!.bars).toEqual([
			{first: 3, last: 12, words: 'annual leave, DC Shah covers', uncovered: false},
		]);
		// DS Brennan is away from 10 Dec with nobody named: every one of those days says NO COVER.
		const brennan = grid.rows[0]!.bars[0]!;
		expect(brennan).toMatchObject({first: 10, last: 13, uncovered: true});
		expect(grid.alerts[10]).toContain('NO COVER: DS Brennan away (sick), nobody named');
	});

	it('uses the width: 14 days at 80 columns, 28 from about 125', () => {
		expect(calendarShape(76)).toEqual({days: 14, cell: 4});
		expect(calendarShape(156)).toEqual({days: 28, cell: 5});
		const wide = calendarGrid(data, DEMO_TODAY, 28);
		const lines = calendarLines(wide, initialCalendarState(), 156, 40).map(l => l.text);
		expect(lines[0]).toBe('CALENDAR Mo 30 Nov to 27 Dec 2026 (28 days)');
		expect(lines.every(l => l.length <= 156)).toBe(true);
		expect(lines.some(l => l.includes('CRIT'))).toBe(true);
	});

	it('keys move the cursor within the grid; Enter on a mark asks to open its case, on an empty day says why not', () => {
		let s = initialCalendarState();
		const press = (input: string, key = {}) => {
			const r = calendarKey(s, grid, input, {...NO_KEY, ...key});
			s = r.state;
			return r;
		};
		press('k');
		expect(s).toEqual({row: 0, col: 0});
		expect(press('', {return: true})).toMatchObject({handled: true, notice: expect.stringContaining('Nothing dated for DS Brennan')});
		press('j');
		press('l');
		press('l');
		expect(press('', {return: true}).open).toBe('CR/87204/26');
		press('G');
		expect(s.col).toBe(13);
		press('', {pageUp: true});
		expect(s.col).toBe(6);
		expect(press('5').handled).toBe(false);
	});

	it('a grid from a later window starts on that day', () => {
		const h = handoverOf(data, {from: '2026-12-07', to: addDays('2026-12-07', 13)});
		expect(gridFromHandover(h, data.team.sergeantId).days[0]).toBe('2026-12-07');
	});
});

describe('absence words are never cut at the bar (QA pass 3, R8)', () => {
	const bar = (r: {first: number; last: number; words: string; uncovered: boolean}[]) => {
		const grid = {
			days: Array.from({length: 14}, (_, i) => addDays(DEMO_TODAY, i)),
			alerts: Array.from({length: 14}, () => []),
			rows: [{officerId: 'x', label: 'DS Brennan', marks: Array.from({length: 14}, () => []), bars: r}],
		};
		const lines = calendarLines(grid, initialCalendarState(), 78, 40).map(l => l.text);
		return lines
			.slice(lines.findIndex(l => l.includes('═')))
			.slice(0, 3)
			.join('\n');
	};

	it('too long for its bar: the words move left of it, whole', () => {
		const line = bar([{first: 10, last: 13, words: 'sick, no cover', uncovered: true}]);
		expect(line).toMatch(/away: sick, no cover ═+(\n|$)/);
		expect(line.indexOf('═')).toBe(13 + 10 * calendarShape(78).cell);
	});

	it('no room left of it: the shorter words ("sick, no cover"); no room for those either: wrapped below, whole', () => {
		const lines = bar([
			{first: 0, last: 1, words: 'annual leave, DC Shah covers', uncovered: false},
			{first: 6, last: 7, words: 'sick, no cover', uncovered: true},
		]).split('\n');
		expect(lines[0]).toMatch(/^ {13}═{8} .*sick, no cover ═{8}$/);
		expect(lines[1]).toMatch(/^ {13}annual leave, DC Shah covers$/);
		expect(lines.join('\n')).not.toMatch(/…/);
	});
});

describe('Calendar view in the desk', () => {
	it('at 80 columns, an absence starting late in the window keeps "away: sick, no cover" whole (QA pass 3, R8)', async () => {
		for (const today of ['2026-11-29', '2026-11-30']) {
			const h = renderDesk({today, size: {columns: 80, rows: 24}});
			await ready(h);
			const lines = view(await h.press('5')).split('\n');
			const under = lines[lines.findIndex(l => l.includes('DS Brennan')) + 1]!;
			expect(under, today).toMatch(/away: sick, no cover ═+/);
			h.app.unmount();
		}
	});

	it('a window where no day stands out says so on that row, not a label over empty cells (QA 8 R18)', () => {
		const grid = calendarGrid(demoData(), DEMO_TODAY, 14);
		const quiet = {...grid, alerts: grid.alerts.map(() => [])};
		const row = calendarLines(quiet, initialCalendarState(), 78, 40)
			.map(l => l.text)
			.find(l => l.startsWith('stands out'));
		expect(row).toMatch(/^stands out +no day in these dates$/);
		const busy = calendarLines(grid, initialCalendarState(), 78, 40)
			.map(l => l.text)
			.find(l => l.startsWith('stands out'));
		expect(busy).toMatch(/GAP/);
	});

	it('at 80 columns: 14 days, the sergeant first, absences as bars in words, a critical day in words; Enter on a bail mark opens the case', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let frame = await h.press('5');
		expect(frame).toContain('>5D');
		const v = view(frame);
		expect(v).toContain('CALENDAR Mo 30 Nov to 13 Dec 2026 (14 days)');
		const lines = v.split('\n');
		expect(lines.findIndex(l => l.includes('DS Brennan'))).toBeLessThan(lines.findIndex(l => l.includes('DC Ashworth')));
		expect(v).toContain('away: sick, no cover ═══');
		expect(v).toMatch(/stands out +GAP GAP !!! GAP/);
		expect(frame.split('\n').every(l => l.length <= 80)).toBe(true);
		// In a frame like every other view: the title says focus, and a border keeps the activity bar's
		// letters off the calendar's text (the QA pass read "1C CALENDAR Mo 30 Nov" before).
		expect(frame).toContain('» CALENDAR Mo 30 Nov to 13 Dec 2026 (14 days)  [focus]');
		const rows = frame.split('\n');
		expect(rows[0]).toMatch(/^ 1C ╔═+╗$/);
		for (const letter of ['3H', '4L', '>5D']) expect(rows.find(l => l.includes(letter))).toMatch(new RegExp(`${letter} ║`));
		expect(rows.find(l => l.includes('DS Brennan   ·'))).toMatch(/ ║DS Brennan {3}·/);
		// Down to DC Ashworth, right to Wed 02 Dec: the bail return, in words, then Enter opens it.
		await h.press('j');
		await h.press(KEYS.right);
		frame = await h.press(KEYS.right);
		expect(said(frame)).toContain('DC Ashworth, We 02 Dec: Bail return CR/87204/26 (OIC away, nobody covers)');
		expect(said(frame)).toContain('Enter opens CR/87204/26.');
		expect(said(frame)).toContain('02 Dec stands out: CRITICAL: Bail return CR/87204/26 (OIC away, nobody covers)');
		frame = await h.press(KEYS.enter);
		expect(frame).toContain('[CR/87204/26]');
		expect(frame).toContain('» EDITOR');
		h.app.unmount();
	});

	it("at 80x24 the officer rows below the frame scroll to the cursor: DC Grant's leave, in words", async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let frame = await h.press('5');
		expect(view(frame)).not.toContain('annual leave, DC Shah covers');
		for (let i = 0; i < 5; i++) frame = await h.press('j');
		expect(view(frame)).toContain('DC Grant');
		expect(view(frame)).toContain('annual leave, DC Shah covers');
		h.app.unmount();
	});

	it('at 160 columns: 28 days, CRIT spelled out, every officer on screen', async () => {
		const h = renderDesk({size: {columns: 160, rows: 40}});
		await ready(h);
		const frame = await h.press('5');
		const v = view(frame);
		expect(v).toContain('CALENDAR Mo 30 Nov to 27 Dec 2026 (28 days)');
		expect(v).toMatch(/stands out +GAP +GAP +CRIT +GAP/);
		for (const label of [
			'DS Brennan',
			'DC Ashworth',
			'DC Iqbal',
			'TDC Whitlock',
			'DC Marsh',
			'DC Grant',
			'DC Shah',
			'DC Carter',
			'DC Evans',
			'DC Doyle',
		])
			expect(v).toContain(label);
		expect(frame.split('\n').every(l => l.length <= 160)).toBe(true);
		// The palette offers the view as well.
		await h.press(KEYS.esc);
		await h.press(':');
		const palette = await h.type('View: Cal');
		expect(palette).toContain('View: Calendar');
		h.app.unmount();
	});
});
