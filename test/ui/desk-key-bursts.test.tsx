/**
 * Keys that arrive together in one read (key repeat, a script, a slow SSH link) reach Ink as one chunk:
 * every input context of the desk must apply them one by one, and keep pasted text whole in a field.
 */
import {describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/store.js';
import {demoCopy} from '../helpers/cli.js';
import {KEYS, ready, renderDesk} from './desk-harness.js';

const explorerAt = (f: string) => Number(/live cases (\d+)\//.exec(f)?.[1]);

describe('keys arriving together in one write', () => {
	it('moves the explorer, the Problems panel and the case view by every j/k of a burst', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = await h.press('jjj');
		expect(explorerAt(f)).toBe(4);
		f = await h.press('jjjjj');
		expect(explorerAt(f)).toBe(9);
		f = await h.press('kk');
		expect(explorerAt(f)).toBe(7);
		f = await h.press(`${KEYS.down}${KEYS.down}`);
		// Tab Tab in one write: explorer -> editor -> problems.
		f = await h.press(`${KEYS.tab}${KEYS.tab}`);
		expect(f).toContain('» PROBLEMS');
		f = await h.press('jj');
		expect(f).toMatch(/PROBLEMS.* 3\/\d+/);
		// Shift+Tab then G then g arrive as one chunk too.
		f = await h.press(`${KEYS.shiftTab}${KEYS.shiftTab}Gg`);
		expect(f).toContain('» CASES');
		expect(explorerAt(f)).toBe(1);
		// Enter opens the case, then jjj scrolls it three lines.
		f = await h.press(`j${KEYS.enter}jjj`);
		expect(f).toContain('» EDITOR');
		expect(f).toContain('lines 4-');
		h.app.unmount();
	});

	it('types a filter that arrives with its "/" in one write, and still moves after Enter', async () => {
		const h = renderDesk();
		await ready(h);
		let f = await h.press('/whit');
		expect(f).toContain('Filter: whit_');
		f = await h.press(`lock${KEYS.backspace}${KEYS.backspace}ck`);
		expect(f).toContain('Filter: whitlock_');
		f = await h.press(`${KEYS.enter}jj`);
		expect(f).toContain('Filter: whitlock  (/ edits, Esc clears)');
		// Two rows down from the officer: one k brings the cursor to the first case (one j would have left it there).
		expect(f).toMatch(/›\s+CR\/\d+\/\d+/);
		expect(f).not.toMatch(/›\s+CR\/42371\/25/);
		f = await h.press('k');
		expect(f).toMatch(/›\s+CR\/42371\/25/);
		// "q" inside the filter is text, even in a burst.
		f = await h.press('/qj');
		expect(f).toContain('Filter: whitlockqj_');
		h.app.unmount();
	});

	it('the palette takes a pasted query whole, and help scrolls by every j and jumps with G', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		let f = await h.press(':CR/87204');
		expect(f).toContain('CR/87204_');
		f = await h.press(KEYS.esc);
		f = await h.press('?');
		expect(f).toContain('Keys (this list');
		f = await h.press('jjj');
		expect(f).not.toContain('Keys (this list');
		expect(f).toMatch(/║↓ j\s+move down/);
		const top = f;
		f = await h.press('G');
		expect(f).not.toBe(top);
		expect(f).toContain('(guided review)');
		expect(f).toMatch(/║Ctrl\+N\s+next step/);
		// Help wraps at 80 columns: nothing in it is cut (the status bar below may be).
		const pane = f.slice(0, f.lastIndexOf('╚'));
		expect(pane).not.toContain('…');
		f = await h.press('g');
		expect(f).toContain('Keys (this list');
		expect(f.slice(0, f.lastIndexOf('╚'))).not.toContain('…');
		expect(f).toMatch(
			new RegExp(
				'║/\\s+filter the list \\(Enter keeps it, Esc clears it\\)\\s*║\\n\\s*║\\s+\\(explorer, problems\\)|' +
					'║/\\s+filter the list \\(Enter keeps it, Esc clears it\\) \\(explorer,\\s*║',
			),
		);
		h.app.unmount();
	});

	it('the absence form: five backspaces in one write delete five characters, Tab Tab moves two fields, a pasted date is one insert', async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('2');
		let f = await h.press('jja');
		expect(f).toContain('First day');
		// Last day: type a date, then rub out five characters in one write.
		f = await h.press(`${KEYS.tab}2026-11-20`);
		expect(f).toMatch(/Last day\s+2026-11-20/);
		f = await h.press(KEYS.backspace.repeat(5));
		expect(f).toMatch(/Last day\s+2026-_?\s/);
		f = await h.press(KEYS.backspace.repeat(10) + '2026-12-10');
		expect(f).toMatch(/Last day\s+2026-12-10/);
		expect(f).not.toContain('202026');
		// Tab Tab: Last day -> Reason -> Cover; a letter on Reason picks, on Cover it is text.
		f = await h.press(`${KEYS.shiftTab}${KEYS.tab}${KEYS.tab}a${KEYS.tab}Marsh`);
		expect(f).toMatch(/Reason.*\[annual leave\]/);
		expect(f).toMatch(/Cover\s+Marsh/);
		h.app.unmount();
	});

	it('Esc and the next key in one write are two keys (a terminal sends them as Alt+key)', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('3');
		let f = await h.press('f');
		expect(f).toContain('Type the first day');
		f = await h.press('\u001b4');
		expect(f).toContain('REVIEW LOG');
		f = await h.press('\u001bG');
		expect(f).toContain('CASES');
		h.app.unmount();
	});

	it('Esc twice in one write is two Escapes (Ink reads the two bytes as one Alt+Escape): out of the palette, then back to Cases', async () => {
		const h = renderDesk();
		await ready(h);
		await h.press('2');
		let f = await h.press(':');
		expect(f).toContain('COMMAND PALETTE');
		f = await h.press('\u001b\u001b');
		expect(f).toContain('» CASES');
		expect(f).not.toContain('TEAM');
		h.app.unmount();
	});

	it('the Team and Log views move by every key of a burst', async () => {
		const h = renderDesk({size: {columns: 120, rows: 40}});
		await ready(h);
		let f = await h.press('2jjj');
		expect(f).toMatch(/›\s*DC Iqbal|› .*Iqbal/);
		f = await h.press('4jjj');
		expect(f).toMatch(/row 4 of|4\/\d+|rows? 4/);
		h.app.unmount();
	});
});

describe('help at 80 columns', () => {
	it('wraps every line with no blank line inside an entry', async () => {
		const {helpText} = await import('../../source/ui/desk/desk-state.js');
		const lines = helpText(74);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(74);
		// A blank line only where the raw help has one (between sections), never after a wrapped entry.
		const blanks = lines.map((l, i) => (l === '' ? i : -1)).filter(i => i >= 0);
		expect(blanks.length).toBe(2);
		expect(lines).toContain('Shift+Tab previous field (guided review)');
		expect(helpText(114)).toContain(helpText(1000).find(l => l.startsWith('Shift+Tab '))!);
	});
});

describe('Ctrl+C inside a burst', () => {
	it('quits like a lone Ctrl+C (Ink only sees a chunk that is exactly Ctrl+C)', async () => {
		const {deskReducer, initialState} = await import('../../source/ui/desk/desk-state.js');
		const {deskModel} = await import('../../source/ui/model/desk-model.js');
		const {NO_KEY} = await import('../../source/ui/keymap.js');
		const {demoData} = await import('./desk-harness.js');
		const s = initialState(deskModel(demoData(), '2026-11-30'), {columns: 80, rows: 24});
		const after = deskReducer(s, {type: 'input', input: 'jj\u0003', key: NO_KEY});
		expect(after.quit).toBe(true);
		expect(after.explorer.win.cursor).toBe(2);
	});
});
