/**
 * QA 8 D4: the Log view showed no reviewer, so a cover's, the inspector's and the sergeant's signatures
 * looked alike. Each row now names who signed it, at 120 columns and at 80 (where the entry number is
 * no longer cut off either, QA 8 R15).
 */
import React from 'react';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {LogView} from '../../../../source/ui/views/log/log-view.js';
import {logLine, logViewModel} from '../../../../source/ui/views/log/log-view-model.js';
import {initialLogViewState} from '../../../../source/ui/views/log/log-view-state.js';
import {buildLogRows} from '../../../../source/domain/review-log/rows.js';
import {DEMO_TODAY} from '../../../helpers/cli.js';
import {loadDemo} from '../../../domain/review-log/hostile-store.js';

const strip = (s: string) => s.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '');
const demo = loadDemo();

describe('Log view: who signed each review', () => {
	// 114 and 76: the Log pane's width in a 120- and an 80-column desk (the activity bar takes the rest).
	for (const width of [120, 114, 80, 76]) {
		it(`shows a Signed by column and each row's signer and entry at ${width} columns`, () => {
			const state = {...initialLogViewState(DEMO_TODAY), chart: false};
			const m = logViewModel(demo, state);
			const {lastFrame, unmount} = render(<LogView data={demo} state={state} focused width={width} height={12} />);
			const lines = strip(lastFrame() ?? '').split('\n');
			unmount();
			expect(lines.find(l => l.includes('Case'))).toMatch(/Officer +Signed by +/);
			const first = m.rows[0]!;
			const row = lines.find(l => l.includes(first.caseRef))!;
			expect(row).toMatch(/DS Brennan +(\S+ +)?(LATE \d+d|on time)/);
			expect(row).toContain(`#${first.seq}`);
			for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(width);
		});
	}

	it("names a cover's signature by rank and surname, wide and narrow", () => {
		const row = buildLogRows(demo, initialLogViewState(DEMO_TODAY).period).find(r => r.kind === 'review' && (r.lateDays ?? 0) > 0)!;
		const cover = {...row, reviewerId: 'o0006', reviewer: 'DC Helen Marsh'};
		for (const width of [109, 72]) {
			const line = logLine(cover, width);
			expect(line).toMatch(/ DC Marsh +(\S+ +)?LATE \d+d/);
			expect(line).toContain(`#${row.seq}`);
			expect(line.length).toBeLessThanOrEqual(width);
		}
		expect(logLine(cover, 109)).toMatch(/set \d+ done \d+/);
	});
});
