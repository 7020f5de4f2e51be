/**
 * The Log view's weekly chart pane: per sergeant, bars of on-time reviews and a line of reviews overdue
 * at each week's end, in block characters at the pane's width with the numbers in words beside them;
 * ←/→ choose a week and the rows below show only it; w goes back to the whole period; c hides the pane.
 * Drawn in the real desk at 80x24 (the smallest it supports) and 160x40.
 */
import {describe, expect, it} from 'vitest';
import {textWidth} from '../../../../source/ui/text.js';
import {logViewModel} from '../../../../source/ui/views/log/log-view-model.js';
import {initialLogViewState, logExportFileName, logViewReducer} from '../../../../source/ui/views/log/log-view-state.js';
import {chartLines, weekColumns} from '../../../../source/ui/views/log/trend-chart-lines.js';
import {helpLines} from '../../../../source/ui/keymap.js';
import {DEMO_TODAY} from '../../../helpers/cli.js';
import {loadDemo} from '../../../domain/review-log/hostile-store.js';
import {twoSergeants} from '../../../domain/supervision-trends/two-sergeants.js';
import {KEYS, ready, renderDesk} from '../../desk-harness.js';

const demo = loadDemo();
const lineText = (l: {text: string}[]) => l.map(s => s.text).join('');
const BLOCK = /[▁▂▃▄▅▆▇█]/;

describe('chart lines', () => {
	const model = logViewModel(demo, initialLogViewState(DEMO_TODAY), DEMO_TODAY);

	it('each line reads in order: label, drawing, then its numbers in words', () => {
		const lines = chartLines(model.chart!, null, 74, 16, 6).map(lineText);
		// The regenerated demo's figures (issue 22 item 6): reviews on the day the previous one set, one in
		// ten late, so every week is nearly all on time (the tallest full blocks at 32).
		expect(lines[0]).toMatch(/^WEEKLY TREND DS Tom Brennan, 13 weeks 01 Sep-30 Nov: 377 of 415 reviews/);
		expect(lines[1]!.trimEnd()).toBe('on time  ▇ █ ▇ █ ▇ ▇ █ █ ▇ █ ▇ ▇ ▆   25 on time (most 32)');
		// Overdue at the weeks' ends: one now and then, then 3 and 6 in the last two weeks.
		expect(lines[2]!.trimEnd()).toBe("overdue  ▁▁    ▁▁▁▁      ▁▁  ▁▁▄▄██  6 overdue at week's end (most 6)");
		expect(lines[3]).toMatch(/^week {5}( {2}){13} {2}←\/→ choose a week/);
		expect(lines[4]!.trimEnd()).toBe('Week 24 Nov-30 Nov (latest): 25 on time, 2 late, 3 missed, 6 overdue');
		for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(74);
	});

	it('uses the width it has: wider weeks at 160 columns, every line within the pane', () => {
		expect([weekColumns(74, 13), weekColumns(154, 13)]).toEqual([2, 6]);
		const chosen = chartLines(model.chart!, 11, 154, 28, 6).map(lineText);
		expect(chosen[1]!.slice(9, 9 + 78)).toMatch(/^(?:[▁-█ ]{5} ){13}$/u);
		expect(chosen[3]).toMatch(/^week {5}( {6}){11}▲ {5}( {6}) {2}week 17 Nov-23 Nov chosen \(w: whole period\)/);
		expect(chosen[4]!.trimEnd()).toBe('Week 17 Nov-23 Nov: 29 on time, 5 late, 3 missed, 3 overdue');
		for (const l of chosen) expect(textWidth(l)).toBeLessThanOrEqual(154);
	});

	it('several sergeants: a block each when there is room, the whole team when there is not', () => {
		const two = twoSergeants();
		const m = logViewModel(two, initialLogViewState(DEMO_TODAY), DEMO_TODAY);
		const tall = chartLines(m.chart!, null, 154, 28, 6).map(lineText);
		expect(tall.filter(l => /^DS /.test(l)).map(l => l.trim())).toEqual([
			'DS Tom Brennan: 194 of 219 reviews due on time',
			'DS Nadia Cole: 183 of 196 reviews due on time',
		]);
		expect(tall.filter(l => l.startsWith('on time'))).toHaveLength(2);
		expect(tall.at(-1)).toContain('(whole team)');
		const short = chartLines(m.chart!, null, 74, 16, 6).map(lineText);
		expect(short[0]).toMatch(/^WEEKLY TREND whole team \(s shows one sergeant\)/);
	});

	it('a chosen week names the export file; moving the period forgets it', () => {
		let s = logViewReducer(initialLogViewState(DEMO_TODAY), {type: 'step-week', delta: -1, weekCount: 13});
		expect(s.week).toBe(12);
		s = logViewReducer(s, {type: 'step-week', delta: -1, weekCount: 13});
		expect(logExportFileName(s)).toBe('review-log-2026-11-17-to-2026-11-23.csv');
		expect(logViewReducer(s, {type: 'shift-period', periods: -1}).week).toBeNull();
		expect(logViewReducer(s, {type: 'step-week', delta: 99, weekCount: 13}).week).toBe(12);
	});

	it('help lists the chart keys (the keymap drives both)', () => {
		const help = helpLines().join('\n');
		expect(help).toMatch(/← +chart: choose the week before \(the rows show only that week\) \(Log view\)/);
		expect(help).toMatch(/→ +chart: choose the week after \(Log view\)/);
		expect(help).toMatch(/w +chart: back to the whole period \(Log view\)/);
		expect(help).toMatch(/c +show or hide the weekly chart \(Log view\)/);
	});
});

describe('the chart pane in the desk', () => {
	it('at 80x24: bars and line with their numbers; ←/→ choose a week and the rows follow; w and c', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = await h.press('4');
		f = await h.waitFor('WEEKLY TREND');
		const lines = f.split('\n');
		expect(lines).toHaveLength(23);
		for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
		expect(f).toContain('REVIEW LOG 2026-11-03 to 2026-11-30: 128 of 128 rows');
		expect(lines.find(l => l.includes('on time  ') && BLOCK.test(l))).toContain('25 on time (most 32)');
		expect(lines.find(l => l.includes('overdue  ') && BLOCK.test(l))).toContain("6 overdue at week's end (most 6)");

		f = await h.press(KEYS.left);
		expect(f).toContain('REVIEW LOG week 2026-11-24 to 2026-11-30: 27 of 27 rows, 2 late');
		expect(f).toContain('ONE WEEK (w: all)');
		expect(f).toMatch(/week +▲ +week 24 Nov-30 Nov chosen/);
		const dates = (frame: string) => [...frame.matchAll(/(\d{4}-\d{2}-\d{2}) {2}CR\//g)].map(m => m[1]!);
		expect(dates(f).length).toBeGreaterThan(0);
		expect(dates(f).every(d => d >= '2026-11-24' && d <= '2026-11-30')).toBe(true);
		f = await h.press(KEYS.left);
		expect(f).toContain('REVIEW LOG week 2026-11-17 to 2026-11-23: 34 of 34 rows, 5 late');
		expect(f).toContain('Week 17 Nov-23 Nov: 29 on time, 5 late, 3 missed, 3 overdue');
		expect(dates(f).every(d => d >= '2026-11-17' && d <= '2026-11-23')).toBe(true);
		f = await h.press(KEYS.right);
		expect(f).toContain('week 2026-11-24 to 2026-11-30');
		f = await h.press('w');
		expect(f).toContain('REVIEW LOG 2026-11-03 to 2026-11-30: 128 of 128 rows');
		const shown = dates(f).length;
		f = await h.press('c');
		expect(f).not.toContain('WEEKLY TREND');
		expect(dates(f).length).toBe(shown + 5);
		f = await h.press('c');
		expect(f).toContain('WEEKLY TREND');
		h.app.unmount();
	}, 60_000);

	it('at 160x40 with two sergeants: a block each, wider weeks, every line within the terminal', async () => {
		const h = renderDesk({data: twoSergeants(), size: {columns: 160, rows: 40}});
		await ready(h);
		await h.press('4');
		const f = await h.waitFor('DS Nadia Cole: 183 of 196 reviews due on time');
		const lines = f.split('\n');
		expect(lines).toHaveLength(39);
		for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(160);
		expect(f).toContain('DS Tom Brennan: 194 of 219 reviews due on time');
		const bars = lines.filter(l => l.includes('on time  ') && BLOCK.test(l));
		expect(bars).toHaveLength(2);
		expect(bars[0]).toMatch(/on time {2}(?:[▁-█ ]{5} ){13} {2}12 on time \(most 17\)/u);
		// Choosing a sergeant with s draws only them.
		const one = await h.press('s');
		expect(one).toContain('WEEKLY TREND DS Tom Brennan, 13 weeks');
		expect(one).not.toContain('DS Nadia Cole:');
		h.app.unmount();
	}, 60_000);
});
