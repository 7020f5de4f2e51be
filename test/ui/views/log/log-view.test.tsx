import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {buildLogRows, filterLogRows} from '../../../../source/domain/review-log/rows.js';
import {logCsv} from '../../../../source/export/log-csv.js';
import {LogView, logVisibleRows} from '../../../../source/ui/views/log/log-view.js';
import {logViewModel, logViewCsv} from '../../../../source/ui/views/log/log-view-model.js';
import {initialLogViewState, logViewReducer, type LogViewState} from '../../../../source/ui/views/log/log-view-state.js';
import {DEMO_TODAY} from '../../../helpers/cli.js';
import {hostileData, loadDemo} from '../../../domain/review-log/hostile-store.js';

const strip = (s: string) => s.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '');
const demo = loadDemo();

describe('log view state', () => {
	it('starts on the 28 days up to today with no filters', () => {
		expect(initialLogViewState(DEMO_TODAY)).toEqual({
			period: {from: '2026-11-03', to: '2026-11-30'},
			sergeantId: null,
			officerId: null,
			lateOnly: false,
			cursor: 0,
			scroll: 0,
			week: null,
			chart: true,
		});
	});

	it('cycles sergeant and officer through each then back to all, resetting the cursor', () => {
		let s: LogViewState = {...initialLogViewState(DEMO_TODAY), cursor: 5, scroll: 3};
		s = logViewReducer(s, {type: 'cycle-officer', officerIds: ['a', 'b']});
		expect([s.officerId, s.cursor, s.scroll]).toEqual(['a', 0, 0]);
		s = logViewReducer(s, {type: 'cycle-officer', officerIds: ['a', 'b']});
		expect(s.officerId).toBe('b');
		s = logViewReducer(s, {type: 'cycle-officer', officerIds: ['a', 'b']});
		expect(s.officerId).toBeNull();
		expect(logViewReducer(s, {type: 'cycle-sergeant', sergeantIds: ['o0002']}).sergeantId).toBe('o0002');
		expect(logViewReducer(s, {type: 'toggle-late'}).lateOnly).toBe(true);
	});

	it('moves the period by its own length and keeps the cursor in the window', () => {
		const s = logViewReducer(initialLogViewState(DEMO_TODAY), {type: 'shift-period', periods: -1});
		expect(s.period).toEqual({from: '2026-10-06', to: '2026-11-02'});
		let m = initialLogViewState(DEMO_TODAY);
		for (let i = 0; i < 12; i++) m = logViewReducer(m, {type: 'move', delta: 1, rowCount: 10, visible: 4});
		expect([m.cursor, m.scroll]).toEqual([9, 6]);
		m = logViewReducer(m, {type: 'move', delta: -8, rowCount: 10, visible: 4});
		expect([m.cursor, m.scroll]).toEqual([1, 1]);
	});
});

describe('log view model', () => {
	it('shows the same rows the CLI exports, filtered', () => {
		const state = {...initialLogViewState(DEMO_TODAY), officerId: 'o0003', lateOnly: true};
		const m = logViewModel(demo, state);
		const expected = filterLogRows(buildLogRows(demo, state.period), {officerId: 'o0003', lateOnly: true});
		expect(m.rows).toEqual(expected);
		expect(m.rows.length).toBeGreaterThan(0);
		expect(m.late).toBe(m.rows.length);
		expect(m.officerLabel).toBe('DC Sam Ashworth');
		expect(m.sergeantIds).toEqual(['o0002']);
		expect(logViewCsv(m)).toBe(logCsv(expected));
		expect(m.head).toBe(`${demo.chain.at(-1)!.seq}:${demo.chain.at(-1)!.hash}`);
	});
});

describe('LogView', () => {
	it('draws the header, headings and only the rows that fit, with words for badges', () => {
		const state = initialLogViewState(DEMO_TODAY);
		const m = logViewModel(demo, state);
		const {lastFrame, unmount} = render(<LogView data={demo} state={state} focused width={120} height={14} />);
		const frame = strip(lastFrame() ?? '');
		unmount();
		expect(frame).toContain(`REVIEW LOG 2026-11-03 to 2026-11-30: ${m.rows.length} of ${m.total} rows`);
		expect(frame).toContain(`chain head ${demo.chain.at(-1)!.seq}:`);
		expect(frame).toContain('all sergeants; all officers');
		const first = m.rows[0]!;
		expect(frame).toContain(first.caseRef);
		expect(frame).toMatch(/LATE \dd|on time/);
		const rowLines = frame.split('\n').filter(l => /\d{4}-\d{2}-\d{2} {2}CR\//.test(l));
		// The weekly chart takes its lines above the rows (trend-chart.test.tsx); the rest are rows.
		expect(rowLines).toHaveLength(logVisibleRows(14, m));
		expect(logVisibleRows(14, m)).toBe(logVisibleRows(14) - 5);
		expect(frame.split('\n').length).toBeLessThanOrEqual(14);
	});

	it('says it has the focus as every pane does: "» " before the title and a double border; neither when not focused', () => {
		const state = initialLogViewState(DEMO_TODAY);
		const draw = (focused: boolean) => {
			const r = render(<LogView data={demo} state={state} focused={focused} width={100} height={14} />);
			const frame = strip(r.lastFrame() ?? '');
			r.unmount();
			return frame.split('\n');
		};
		const [top, title] = draw(true);
		expect(title).toMatch(/^║» REVIEW LOG /);
		expect(top).toMatch(/^╔═/);
		const [topOff, titleOff] = draw(false);
		expect(titleOff).toMatch(/^│REVIEW LOG /);
		expect(topOff).toMatch(/^┌─/);
	});

	it('late only and an empty period say so', () => {
		const late = {...initialLogViewState(DEMO_TODAY), lateOnly: true};
		const a = render(<LogView data={demo} state={late} focused={false} width={100} height={12} />);
		const frame = strip(a.lastFrame() ?? '');
		a.unmount();
		expect(frame).toContain('LATE ONLY');
		expect(frame).not.toContain('on time  ');
		const empty = {...initialLogViewState('2020-01-31')};
		const b = render(<LogView data={demo} state={empty} focused={false} width={100} height={12} />);
		expect(strip(b.lastFrame() ?? '')).toContain('No signed reviews match');
		b.unmount();
	});

	it('never draws raw control characters from hostile names', () => {
		const {data} = hostileData();
		const state = {...initialLogViewState(DEMO_TODAY), officerId: 'o0010'};
		const {lastFrame, unmount} = render(<LogView data={data} state={state} focused width={140} height={20} />);
		const frame = lastFrame() ?? '';
		unmount();
		expect(frame).not.toMatch(/\u001b\]|\u0007|\u202e/);
		expect(strip(frame)).toContain('DC Chloe');
	});
});
