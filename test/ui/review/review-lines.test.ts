/**
 * The review's line layout rules, tested directly: hints wrap whole, every option of a choice shows
 * with its selection, the window keeps the focused block in view with room for its "more" lines, the
 * heading keeps the save status apart, the key list and hints come from the keymap, the resumed
 * draft's day follows the desk's today, and the review's layout in the desk.
 */
import {describe, expect, it} from 'vitest';
import {layoutFor, reviewLayout, REVIEW_EDITOR_MIN} from '../../../source/ui/desk/layout.js';
import {REVIEW_KEYMAP, reviewCommandFor, reviewHints, reviewKeyHelp} from '../../../source/ui/review/review-keymap.js';
import {optionRows, windowLines, wrapSegments} from '../../../source/ui/review/review-lines.js';
import {draftStartedWords} from '../../../source/ui/review/review-state.js';
import {headingLines, helpLines} from '../../../source/ui/review/review-view.js';
import type {KeyPress} from '../../../source/ui/text-area/text-area-keys.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const NO: KeyPress = {...NO_KEYS, pageUp: false, pageDown: false};

describe('wrapSegments', () => {
	it('packs whole segments and never splits a key from its words', () => {
		const segs = ['? help', '←/→ 1-3 choose', 'Tab next field', 'Ctrl+N next step', 'Esc back', 'Ctrl+X discard'];
		const lines = wrapSegments(segs, 32);
		expect(lines.every(l => l.length <= 32)).toBe(true);
		// Every segment is on one line, whole.
		for (const seg of segs) expect(lines.some(l => l.includes(seg))).toBe(true);
		expect(lines.join(' | ')).toBe(segs.join(' | '));
	});
	it('word-wraps a segment longer than the line', () => {
		const lines = wrapSegments(['y sign / n not yet: Sign the review? It is appended to the review chain.'], 20);
		expect(lines.every(l => l.length <= 20)).toBe(true);
		expect(lines[0]).toMatch(/^y sign \/ n not yet:/);
	});
});

describe('optionRows', () => {
	const owners = Array.from({length: 12}, (_, i) => ({value: `o${i}`, label: `DC Officer${i}`}));
	it('shows every option, numbered, across rows of the width; the selection in brackets', () => {
		const rows = optionRows(owners, 'o9', 32, 4);
		const cells = rows.flat();
		expect(cells.map(c => c.index)).toEqual(owners.map((_, i) => i));
		for (const row of rows) expect(row.map(c => c.text).join('  ').length).toBeLessThanOrEqual(28);
		expect(cells.filter(c => c.selected).map(c => c.text)).toEqual(['10:[DC Officer9]']);
	});
	it('keeps the three outcomes whole at the old 80-column editor width', () => {
		const rows = optionRows(
			[
				{value: 'done', label: 'done'},
				{value: 'carried', label: 'carried over'},
				{value: 'dropped', label: 'dropped'},
			],
			'',
			32,
			4,
		);
		expect(rows.flat().map(c => c.text)).toEqual(['1:done', '2:carried over', '3:dropped']);
	});
});

describe('windowLines', () => {
	it('shows everything when it fits', () => {
		expect(windowLines(5, 10, 2, 4, 0)).toEqual({top: 0, count: 5, above: 0, below: 0});
	});
	it('keeps the whole focused block in view, leaving a row for "more below"', () => {
		// 30 lines, 8 rows; the focused field is lines 10-13 (label and three option rows).
		const w = windowLines(30, 8, 10, 14, 0);
		expect(w.top).toBeLessThanOrEqual(10);
		expect(w.top + w.count).toBeGreaterThanOrEqual(14);
		// Rows used: the lines, plus one for each "more" line.
		expect(w.count + (w.above > 0 ? 1 : 0) + (w.below > 0 ? 1 : 0)).toBeLessThanOrEqual(8);
		expect(w.above + w.count + w.below).toBe(30);
	});
	it('regression: a focused block ending at the last row is not covered by "more below"', () => {
		// The old view replaced the last shown line with "... N more": here that was the Owner's options.
		for (let start = 0; start < 25; start++) {
			const w = windowLines(40, 9, start, start + 2, 0);
			expect(w.top + w.count, `block at ${start}`).toBeGreaterThanOrEqual(start + 2);
			expect(w.top).toBeLessThanOrEqual(start);
		}
	});
	it('a focused block taller than the window still shows its anchor (the selected option)', () => {
		// Owner: label at 10, eleven option rows 11-21, the selection on row 19; 6 rows.
		const w = windowLines(40, 6, 10, 22, 0, 19);
		expect(w.top).toBeLessThanOrEqual(19);
		expect(w.top + w.count).toBeGreaterThan(19);
		expect(w.top).toBeGreaterThanOrEqual(10);
	});
	it('without a focused block, scrolls to the wanted line and no further than the end', () => {
		expect(windowLines(30, 8, -1, -1, 5).top).toBe(5);
		const end = windowLines(30, 8, -1, -1, 100);
		expect(end.below).toBe(0);
		expect(end.top + end.count).toBe(30);
	});
});

describe('heading and save status', () => {
	it('regression: the save status is never glued to the step title', () => {
		// "Review CR/88397/26 - step 7 of 7: Sign-off" is 42 characters; "draft saved" 11: the old view joined them with one space at 54.
		const heading = 'Review CR/88397/26 - step 7 of 7: Sign-off';
		expect(headingLines(heading, 'draft saved', 54)).toEqual([heading, '(draft saved)']);
		const one = headingLines(heading, 'draft saved', 60);
		expect(one).toHaveLength(1);
		expect(one[0]).toMatch(/Sign-off\s{3,}\(draft saved\)$/);
		const two = headingLines(heading, 'queue 1 of 7 | draft saved 19:05', 54);
		expect(two).toEqual([heading, '(queue 1 of 7 | draft saved 19:05)']);
	});
});

describe('the review keymap drives the keys, the hints and the help', () => {
	it('? is help outside text fields and text inside one; Ctrl+G is help everywhere', () => {
		expect(reviewCommandFor('?', NO, false)).toBe('help');
		expect(reviewCommandFor('?', NO, true)).toBeUndefined();
		expect(reviewCommandFor('g', {...NO, ctrl: true}, true)).toBe('help');
		expect(reviewCommandFor('n', {...NO, ctrl: true}, true)).toBe('next-step');
	});
	it('the help lists every binding of the keymap, wrapped to the width', () => {
		const lines = helpLines(40);
		expect(lines.every(l => l.length <= 40)).toBe(true);
		const text = lines.join(' ').replace(/\s+/g, ' ');
		for (const b of REVIEW_KEYMAP) expect(text).toContain(b.keys.join(' '));
		for (const h of reviewKeyHelp()) expect(text).toContain(h.help.split(' ').slice(0, 3).join(' '));
	});
	it('hints are keys first, for the focused field, with the help key first', () => {
		const choice = reviewHints('choice', {firstStep: false, lastStep: false, choices: 3});
		expect(choice).toEqual(['? help', '←/→ 1-3 choose', 'Tab next field', 'Ctrl+N next step', 'Esc back', 'Ctrl+X discard']);
		const text = reviewHints('text', {firstStep: true, lastStep: false});
		expect(text[0]).toBe('Ctrl+G help');
		expect(text).toContain('Esc leave (draft kept)');
		expect(reviewHints('button', {firstStep: false, lastStep: true, lastField: true, pressWords: 'sign (asks first)'})).toEqual([
			'? help',
			'Enter sign (asks first)',
			'Esc back',
			'Ctrl+X discard',
		]);
	});
});

describe("the resumed draft's day follows the desk's today", () => {
	const now = new Date('2026-11-28T18:00:00Z');
	it("counts the draft's age on this machine and shows it back from --today", () => {
		// The machine says 28 Nov; the desk works as 30 Nov: a draft started an hour ago was started "today".
		expect(draftStartedWords('2026-11-28T17:00:00Z', now, '2026-11-30')).toBe('started today');
		expect(draftStartedWords('2026-11-27T09:00:00Z', now, '2026-11-30')).toBe('started yesterday');
		expect(draftStartedWords('2026-11-25T09:00:00Z', now, '2026-11-30')).toBe('started 3 days ago (27 Nov)');
		// Without --today the desk's today is the machine's: the date is the day it was started.
		expect(draftStartedWords('2026-11-25T09:00:00Z', now, '2026-11-28')).toBe('started 3 days ago (25 Nov)');
		expect(draftStartedWords('not a time', now, '2026-11-30')).toBe('started earlier');
	});
});

describe("the review's room in the desk", () => {
	it("at 80x24 the review takes the explorer's and the panel's room", () => {
		const base = layoutFor({columns: 80, rows: 24});
		const l = reviewLayout(base);
		expect(base.editorInner).toBe(32);
		expect(l.sidebarWidth).toBe(0);
		expect(l.panelHeight).toBe(0);
		expect(l.editorInner).toBe(72);
		expect(l.mainHeight).toBe(base.mainHeight + base.panelHeight);
		expect(l.editorRows).toBeGreaterThan(base.editorRows);
	});
	it('at 120x40 the explorer stays, narrowed so the editor has its minimum', () => {
		const l = reviewLayout(layoutFor({columns: 120, rows: 40}));
		expect(l.sidebarWidth).toBe(40);
		expect(l.editorWidth).toBe(REVIEW_EDITOR_MIN);
		expect(l.panelHeight).toBeGreaterThan(0);
		expect(l.activityWidth + l.sidebarWidth + l.editorWidth).toBe(120);
	});
	it('wide terminals are unchanged', () => {
		const base = layoutFor({columns: 200, rows: 50});
		expect(reviewLayout(base)).toEqual(base);
	});
});
