import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {initialLogViewState, logExportFileName, logViewReducer} from '../../../../source/ui/views/log/log-view-state.js';
import {DEMO_TODAY, tempDir} from '../../../helpers/cli.js';
import {fakeStore} from '../../../helpers/fake-store.js';
import {paneText, squeeze} from '../../../helpers/pane-text.js';
import {demoData, ready, renderDesk} from '../../desk-harness.js';

/** A store stand-in whose file lives in a fresh folder (the export goes next to it), removed when the file ends (tempDir). */
function storeInFreshFolder() {
	const dir = tempDir('desk-log-export-');
	const data = demoData();
	const store = fakeStore(data, {file: path.join(dir, 'team.json')});
	return {dir, store};
}

describe('Log view export', () => {
	it('names the file by its filters', () => {
		let s = initialLogViewState(DEMO_TODAY);
		expect(logExportFileName(s)).toBe('review-log-2026-11-03-to-2026-11-30.csv');
		s = {...s, officerId: 'o0003', lateOnly: true};
		expect(logExportFileName(s)).toBe('review-log-2026-11-03-to-2026-11-30-officer-o0003-late.csv');
		expect(logExportFileName({...s, officerId: null, sergeantId: '../x y'})).toBe(
			'review-log-2026-11-03-to-2026-11-30-sergeant-___x_y-late.csv',
		);
	});

	it('never overwrites an earlier export, and shows the whole path at 80 columns', async () => {
		const {dir, store} = storeInFreshFolder();
		const h = renderDesk({store, size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('4');
		await h.press('e');
		let f = await h.waitFor('Exported the review log to');
		const first = path.join(dir, 'review-log-2026-11-03-to-2026-11-30.csv');
		expect(existsSync(first)).toBe(true);
		// The path is read in full in the view (wrapped, at whatever column its length breaks it), though the
		// status bar cuts it.
		const view = f.slice(0, f.indexOf('PROBLEMS'));
		expect(paneText(view)).toContain(squeeze(`Exported the review log to ${first}`));
		const shown = (name: string) => (frame: string) => paneText(frame).includes(squeeze(path.join(dir, name)));
		await h.press('l');
		await h.press('e');
		await h.waitFor(shown('review-log-2026-11-03-to-2026-11-30-late.csv'));
		await h.press('e');
		f = await h.waitFor(shown('review-log-2026-11-03-to-2026-11-30-late-2.csv'));
		expect(
			readdirSync(dir)
				.filter(n => n.endsWith('.csv'))
				.sort(),
		).toEqual([
			'review-log-2026-11-03-to-2026-11-30-late-2.csv',
			'review-log-2026-11-03-to-2026-11-30-late.csv',
			'review-log-2026-11-03-to-2026-11-30.csv',
		]);
		h.app.unmount();
	});
});

describe('Log view after a resize', () => {
	it('clamp keeps the window full and the cursor shown', () => {
		let s = initialLogViewState(DEMO_TODAY);
		s = logViewReducer(s, {type: 'move', delta: 99, rowCount: 100, visible: 10});
		expect([s.cursor, s.scroll]).toEqual([99, 90]);
		s = logViewReducer(s, {type: 'clamp', rowCount: 100, visible: 30});
		expect([s.cursor, s.scroll]).toEqual([99, 70]);
		s = logViewReducer(s, {type: 'clamp', rowCount: 100, visible: 5});
		expect([s.cursor, s.scroll]).toEqual([99, 95]);
		expect(logViewReducer(s, {type: 'clamp', rowCount: 100, visible: 5})).toBe(s);
	});

	it('after G at 80x24, growing to 120x40 fills the window with rows', async () => {
		const h = renderDesk({size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('4');
		await h.press('G');
		const f = await h.resize(120, 40);
		const rows = f.split('\n').filter(l => /#\d+/.test(l) || /\b\d{4}-\d{2}-\d{2}\b.*CR\//.test(l));
		// The view's chrome is 6 lines and its weekly chart 5 (title, two strips, the week marker and its words).
		const visible = 40 - 1 - 1 - Math.max(6, Math.floor(39 * 0.28)) - 6 - 5;
		expect(rows.length).toBe(visible);
		h.app.unmount();
	});
});
