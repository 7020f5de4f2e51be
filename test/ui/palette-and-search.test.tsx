/**
 * The palette and the explorer's filter (issue "The desk under real hands", item 10): the palette offers
 * the exports, the handover window and cover, and the log filters, each run in its view; its labels use
 * the width; `/overdue` finds the cases whose badge says OVERDUE.
 */
import {describe, expect, it} from 'vitest';
import {deskReducer, initialState, type DeskState} from '../../source/ui/desk/desk-state.js';
import {explorerRows} from '../../source/ui/explorer/explorer-rows.js';
import {NO_KEY, type KeyInfo} from '../../source/ui/keymap.js';
import {deskModel, withProblems} from '../../source/ui/model/desk-model.js';
import {paletteItems} from '../../source/ui/palette/palette-items.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData, ready, renderDesk} from './desk-harness.js';

const model = () => withProblems(deskModel(demoData(), DEMO_TODAY));
const press = (s: DeskState, input: string, key: Partial<KeyInfo> = {}) => deskReducer(s, {type: 'input', input, key: {...NO_KEY, ...key}});
const run = (s: DeskState, query: string) => press(press(press(s, ':'), query), '', {return: true});

describe('the command palette', () => {
	it('offers the exports, the handover window and cover, and the log filters', () => {
		const labels = paletteItems(model())
			.filter(i => i.target.type === 'command')
			.map(i => i.label);
		for (const l of [
			'Log: export the rows shown (CSV)',
			'Handover: export (Markdown)',
			'Handover: first day of the window',
			'Handover: last day of the window',
			'Handover: name the cover',
			'Log: late reviews only (again: all)',
			'Log: filter by the next sergeant',
			'Log: filter by the next officer',
			'Log: previous period',
			'Log: next period',
		]) {
			expect(labels).toContain(l);
		}
	});

	it('runs each in its view, from anywhere', () => {
		const start = initialState(model(), {columns: 120, rows: 36});
		let s = run(start, 'Log: late reviews only');
		expect(s.view).toBe('log');
		expect(s.log.lateOnly).toBe(true);
		s = run(start, 'Handover: name the cover');
		expect(s.view).toBe('handover');
		expect(s.handover.editing).toBe('cover');
		s = run(start, 'Handover: export');
		expect(s.view).toBe('handover');
		expect(s.handover.exportSeq).toBe(1);
		s = run(start, 'Log: export the rows');
		expect(s.view).toBe('log');
		expect(s.exportRequests).toBe(1);
	});

	it('shows long labels whole on a wide terminal (they were cut at 28 columns)', async () => {
		const h = renderDesk({size: {columns: 200, rows: 40}});
		await ready(h);
		await h.press(':');
		const f = await h.press('Review: amend');
		expect(f).toContain('Review: amend the last signed review');
		expect(f).not.toContain('Review: amend the last sig…');
		h.app.unmount();
	});
});

describe('the explorer filter', () => {
	it('finds cases by the badges they show: /overdue lists the cases marked OVERDUE', () => {
		const m = model();
		const rows = explorerRows(m, new Set(), 'overdue').filter(r => r.kind === 'case');
		expect(rows.length).toBe(m.counts.overdue);
		expect(rows.length).toBeGreaterThan(0);
		expect(explorerRows(m, new Set(), 'bail lapsed').filter(r => r.kind === 'case').length).toBeGreaterThan(0);
	});
});
