/**
 * QA 6 R14: the palette showed ten rows, with no count and no way past the tenth, and an empty query's ten
 * were the Log and Handover views' commands whatever the view. Now it scrolls through every match with where
 * the cursor is among them ("12 of 41"), and an empty query lists the current view's commands first.
 */
import {describe, expect, it} from 'vitest';
import {currentPaletteMatches} from '../../../source/ui/desk/desk-palette.js';
import {initialState} from '../../../source/ui/desk/desk-state.js';
import {deskModel, withProblems} from '../../../source/ui/model/desk-model.js';
import {paletteMatches} from '../../../source/ui/palette/palette-items.js';
import {KEYS, demoData, ready, renderDesk} from '../desk-harness.js';

describe('the palette scrolls through every match, with a count', () => {
	it('an empty query: the Team view opens on its own commands; every command is reachable, counted', async () => {
		const h = renderDesk({size: {columns: 120, rows: 30}});
		await ready(h);
		await h.press('2');
		let f = await h.press(':');
		const palette = f.split('\n');
		expect(f).toMatch(/COMMAND PALETTE {2}1 of \d+; type a command/);
		const total = Number(/PALETTE {2}1 of (\d+)/.exec(f)![1]);
		const first = palette.findIndex(l => l.includes(': _'));
		// Every command, officer and case in the demo.
		expect(total).toBeGreaterThan(41);
		// The Team view's commands come first.
		expect(palette[first + 1]).toMatch(/Team: /);
		expect(f).not.toMatch(/Log: |Handover: /);
		// Down past the rows shown: the list scrolls and the count follows the cursor.
		for (let i = 0; i < 30; i++) f = await h.press(KEYS.down);
		expect(f).toMatch(new RegExp(`PALETTE {2}31 of ${total};`));
		expect(f.split('\n').some(l => /›/.test(l))).toBe(true);
		h.app.unmount();
	});

	it('the matches are every one, not ten; the current view decides which commands lead', () => {
		const data = demoData();
		const s = initialState(withProblems(deskModel(data, '2026-11-30')), {columns: 120, rows: 30});
		const all = currentPaletteMatches(s);
		expect(all.length).toBeGreaterThan(10);
		expect(all.length).toBe(paletteMatches(s.model, '', Infinity).length);
		const commands = all.filter(m => m.target.type === 'command');
		expect(all.slice(0, commands.length)).toEqual(commands);
		const onLog = currentPaletteMatches({...s, view: 'log'});
		expect(onLog[0]!.label).toMatch(/^Log: /);
		const onCases = currentPaletteMatches({...s, view: 'cases'});
		expect(onCases[0]!.label).not.toMatch(/^(Log|Handover): /);
		// A query narrows as before, best first, and still counts past ten: "CR/" matches every case.
		expect(paletteMatches(s.model, 'CR/', Infinity).length).toBe(data.cases.length);
	});
});
