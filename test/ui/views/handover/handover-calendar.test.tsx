/**
 * The cover's calendar from the desk (issue 21 item 10): `i` in the Handover view, and the palette from
 * any view, write the window on screen as an .ics file beside the store, read back here with ical.js.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../../../source/store/index.js';
import {demoCopy} from '../../../helpers/cli.js';
import {paneText, squeeze} from '../../../helpers/pane-text.js';
import {KEYS, ready, renderDesk} from '../../desk-harness.js';

function events(file: string): {uid: string; start: string; summary: string}[] {
	const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
	return cal.getAllSubcomponents('vevent').map(v => {
		const e = new ICAL.Event(v);
		return {uid: e.uid, start: e.startDate.toString(), summary: e.summary};
	});
}

describe('the Handover view exports the calendar', () => {
	it('i writes the window on screen as an .ics file beside the store (path shown); Markdown stays on e', async () => {
		const {store: file, dir} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 80, rows: 24}});
		await ready(h);
		let frame = await h.press('3');
		expect(frame).toContain('i calendar');
		await h.type('t\u007f\u007f20');
		await h.press(KEYS.enter);
		await h.press('i');
		frame = await h.waitFor('Exported to');
		// The whole path is on screen, not cut: wrapped in the pane, at whatever column its length breaks it.
		const target = path.join(dir, 'handover-2026-11-30-to-2026-12-20.ics');
		expect(paneText(frame)).toContain(squeeze(target));
		const all = events(target);
		expect(all.length).toBeGreaterThan(60);
		expect(all.every(e => e.start >= '2026-11-28' && e.start <= '2026-12-20')).toBe(true);
		expect(all.find(e => e.summary.startsWith('Bail ends CR/87204/26'))?.start).toBe('2026-12-11');
		expect(readdirSync(dir).filter(n => n.endsWith('.md'))).toEqual([]);
		// e still writes the Markdown, i a second calendar under the next free name.
		const shown = (name: string) => (frame: string) => paneText(frame).includes(squeeze(path.join(dir, name)));
		await h.press('e');
		await h.waitFor(shown('handover-2026-11-30-to-2026-12-20.md'));
		await h.press('i');
		await h.waitFor(shown('handover-2026-11-30-to-2026-12-20-2.ics'));
		expect(
			readdirSync(dir)
				.filter(n => /\.(md|ics)$/.test(n))
				.sort(),
		).toEqual(['handover-2026-11-30-to-2026-12-20-2.ics', 'handover-2026-11-30-to-2026-12-20.ics', 'handover-2026-11-30-to-2026-12-20.md']);
		expect(events(path.join(dir, 'handover-2026-11-30-to-2026-12-20-2.ics')).map(e => e.uid)).toEqual(all.map(e => e.uid));
		h.app.unmount();
	});

	it('the palette offers the calendar from any view and opens the Handover view to write it', async () => {
		const {store: file, dir} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 100, rows: 30}});
		await ready(h);
		await h.press(':');
		let frame = await h.type('handover: cal');
		expect(frame).toContain('Handover: calendar (.ics)');
		await h.press(KEYS.enter);
		frame = await h.waitFor('Exported to');
		expect(frame).toContain('HANDOVER 2026-11-30 to 2026-12-13');
		expect(readdirSync(dir).filter(n => n.endsWith('.ics'))).toEqual(['handover-2026-11-30-to-2026-12-13.ics']);
		h.app.unmount();
	});
});
