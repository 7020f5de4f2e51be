/**
 * The desk in screen-reader mode (README "Screen readers"): Ink renders the tree as text in reading
 * order instead of drawing it, and every view says its state in words. These tests render each view
 * with ink-testing-library under INK_SCREEN_READER=true (Ink's own switch, the one --screen-reader sets
 * as a render option) and read the text a screen reader is given: the panes one after another, focus,
 * the selected row, the chosen option and severity in words, and the Log view's chart as numbers.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../../source/store/store.js';
import {demoCopy} from '../../helpers/cli.js';
import {KEYS, ready, renderDesk, type DeskHarness} from '../desk-harness.js';

beforeAll(() => {
	process.env['INK_SCREEN_READER'] = 'true';
});
afterAll(() => {
	delete process.env['INK_SCREEN_READER'];
});

/** Block and box-drawing characters: drawing a screen reader would read out, or skip, as noise. */
const DRAWING = /[▁▂▃▄▅▆▇█─│║═╔╗╚╝┌┐└┘▾▸›▲]/;

async function desk(columns = 80, rows = 24): Promise<DeskHarness> {
	const h = renderDesk({size: {columns, rows}});
	await ready(h);
	return h;
}

/** The line holding `text`, and that it comes after the line holding `before`. */
function lineWith(frame: string, text: string | RegExp): string {
	const line = frame.split('\n').find(l => (typeof text === 'string' ? l.includes(text) : text.test(l)));
	expect(line, `no line with ${String(text)} in:\n${frame}`).toBeDefined();
	return line!;
}
function order(frame: string, ...parts: string[]): void {
	const at = parts.map(p => frame.indexOf(p));
	for (const [i, p] of parts.entries()) expect(at[i], `"${p}" in:\n${frame}`).toBeGreaterThanOrEqual(0);
	expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('screen-reader mode', () => {
	it('Cases: views, explorer, editor, problems panel and status bar one after another, focus and selection in words', async () => {
		const h = await desk();
		let f = h.frame();
		// Nothing drawn: no borders, no cursor glyphs; each pane starts its own line.
		expect(f).not.toMatch(DRAWING);
		expect(f.split('\n')[0]).toBe('Views: 1 Cases (current), 2 Team, 3 Handover, 4 Log, 5 Calendar');
		order(f, 'CASES, 60 live cases', 'EDITOR, no case open', 'PROBLEMS, 59 problems: 4 critical, 19 red, 36 amber', 'as DS Brennan');
		expect(lineWith(f, /^CASES/)).toContain('(focused)');
		expect(lineWith(f, /^PROBLEMS,/)).not.toContain('(focused)');
		expect(lineWith(f, '(selected) DC Sam Ashworth')).toBe('(selected) DC Sam Ashworth: 10 cases, 15 problems (11 red)');
		// A case row reads its risk and badges in words, the offence uncut even at 80 columns.
		expect(f).toContain('CR/87204/26 LOW OVERDUE 5d BAIL 2d Pay sexual service');
		// Severity in words on every problem, the first one selected.
		expect(lineWith(f, /^\(selected\) CRITICAL/)).toContain('DS Brennan is on sick leave 10 Dec to 04 Feb 2027 with no cover named');
		// The status bar whole, however narrow the terminal: counts then key hints.
		expect(lineWith(f, /^as DS Brennan/)).toContain('overdue 6 | bail <=7d 3 | today 2026-11-30 | ? help');

		f = await h.press('j');
		expect(lineWith(f, '(selected)')).toContain('(selected) CR/64148/26 MED OVERDUE 5d');
		f = await h.press(KEYS.enter);
		// The case opens in a tab: the editor has the focus now, and says so.
		expect(lineWith(f, /^EDITOR/)).toBe('EDITOR, 1 of 1 tabs ([ ] switch, x close) (focused)');
		expect(lineWith(f, /^CASES/)).not.toContain('(focused)');
		order(f, 'CASES', 'EDITOR', 'CR/64148/26 Possession of', 'Next review: 25 Nov (OVERDUE 5d)', 'PROBLEMS');
		f = await h.press(KEYS.tab);
		expect(lineWith(f, /^PROBLEMS,/)).toContain('(focused)');
		h.app.unmount();
	});

	it('Team: every officer row with its columns named, the selected officer said', async () => {
		const h = await desk();
		const f = await h.press('2');
		expect(f).not.toMatch(DRAWING);
		expect(f.split('\n')[0]).toContain('2 Team (current)');
		expect(lineWith(f, /^TEAM/)).toContain('(focused)');
		expect(lineWith(f, '(selected)')).toMatch(/^\(selected\) Officer DI Rachel Okafor, Hours\/FTE 40h 1\.00, Live 0, Workload 0%/);
		expect(lineWith(f, 'Officer DC Sam Ashworth')).toBe(
			'Officer DC Sam Ashworth, Hours/FTE 40h 1.00, Live 10, Workload 75%, Red 11, Check-in 16 Oct, Tenure 5y 5m, Perf. plan escalated to DI, away: sick ' +
				'from 28 Nov, no cover',
		);
		const next = await h.press('j');
		expect(lineWith(next, '(selected)')).toContain('(selected) Officer DS Tom Brennan');
		h.app.unmount();
	});

	it('Handover: its header, then the decisions with their severity in words', async () => {
		const h = await desk();
		const f = await h.press('3');
		expect(f.split('\n')[0]).toContain('3 Handover (current)');
		expect(lineWith(f, /^HANDOVER/)).toContain('(focused)');
		order(
			f,
			'HANDOVER 2026-11-30 to 2026-12-13',
			'Cover: NOBODY NAMED',
			'NEEDS A DECISION NOW (23)',
			'CRITICAL DS Tom Brennan',
			'What to do:',
		);
		h.app.unmount();
	});

	for (const columns of [80, 160]) {
		it(`Log at ${columns} columns: the chart read as every week's numbers in words, then the rows, the selected one said`, async () => {
			const h = await desk(columns, columns === 80 ? 24 : 40);
			const f = await h.press('4');
			expect(f).not.toMatch(DRAWING);
			expect(lineWith(f, /^REVIEW LOG/)).toMatch(/\(focused\)$/);
			// The demo's 13 weeks for its one sergeant: each week's on-time count and overdue count, oldest first.
			expect(lineWith(f, /^on time week by week/)).toBe(
				'on time week by week, oldest first: 28, 30, 27, 32, 27, 28, 32, 32, 27, 31, 29, 29, 25; week 24 Nov-30 Nov: 25 on time (most 32)',
			);
			expect(lineWith(f, /^overdue week by week/)).toBe(
				"overdue week by week, oldest first: 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 3, 6; week 24 Nov-30 Nov: 6 overdue at week's end (most 6)",
			);
			expect(f).toContain('Week 24 Nov-30 Nov (latest): 25 on time, 2 late, 3 missed, 6 overdue');
			order(
				f,
				'WEEKLY TREND DS Tom Brennan',
				'on time week by week',
				'overdue week by week',
				'Week 24 Nov-30 Nov (latest)',
				'(selected) 2026-11-03',
			);
			// A row in full at any width, its columns apart.
			expect(lineWith(f, '(selected)')).toBe(
				'(selected) 2026-11-03, CR/12603/26, DC Lewis Grant, DS Brennan, low, LATE 3d, set 1 done 1 carried 0, #477',
			);
			// Choosing a week is said in words, and the numbers follow it.
			await h.press(KEYS.left);
			const week = await h.press(KEYS.left);
			expect(week).toContain('week 17 Nov-23 Nov chosen (w: whole period)');
			expect(lineWith(week, /^on time week by week/)).toMatch(/; week 17 Nov-23 Nov: 29 on time \(most 32\)$/);
			h.app.unmount();
		});
	}

	it('Calendar: the selected cell said, and what it holds in words', async () => {
		const h = await desk();
		let f = await h.press('5');
		expect(f.split('\n')[0]).toContain('5 Calendar (current)');
		expect(lineWith(f, '(selected')).toMatch(/^\(selected empty cell\) DS Brennan/);
		expect(f).toContain('DS Brennan, Mo 30 Nov: nothing dated.');
		expect(f).toContain('30 Nov stands out: NO COVER: DC Ashworth away (sick), nobody named');
		f = await h.press('j');
		f = await h.press('l');
		expect(lineWith(f, '(selected')).toMatch(/^\(selected R cell\) DC Ashworth/);
		h.app.unmount();
	});

	it("help and the palette read as lists, the palette's selected command said", async () => {
		const h = await desk();
		let f = await h.press('?');
		expect(lineWith(f, /^HELP/)).toContain('(focused)');
		expect(f).toMatch(/\n1 +Cases view \(explorer and case tabs\)/);
		f = await h.press(KEYS.esc);
		f = await h.press(':');
		expect(lineWith(f, /^COMMAND PALETTE/)).toContain('(focused)');
		const selected = lineWith(f, '(selected)');
		f = await h.press(KEYS.down);
		expect(lineWith(f, '(selected)')).not.toBe(selected);
		h.app.unmount();
	});

	it('the guided review: the focused field and the chosen option said in words', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('R');
		let f = await h.waitFor('step 1 of 7');
		await new Promise(r => setTimeout(r, 50));
		expect(f).not.toMatch(DRAWING);
		order(f, 'EDITOR', 'Review CR/88397/26 - step 1 of 7: Since last review', 'Last review 05 Nov by DS Brennan');
		await h.press(KEYS.enter);
		f = await h.waitFor('step 2 of 7');
		expect(lineWith(f, /^\(focused\)/)).toBe("(focused) Request comms data for the suspect's accounts (DC Doyle, due 19 Nov,");
		f = await h.press('1');
		expect(f).toContain('(chosen) 1:done');
		h.app.unmount();
	});
});
