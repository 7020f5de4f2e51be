/**
 * An officer's refusals at the desk, whole at 80 columns (QA pass 4):
 * - R-h: `R` (the review queue, not offered to an officer) is refused naming who reviews their cases,
 *   as `r` is, never "No reviews are due today or overdue" while their own cases are overdue.
 * - R-k: the Handover, Log and Calendar views' refusal fits the status bar at 80 columns, who can first.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {actorAs} from '../helpers/actor.js';
import {demoData, ready, renderDesk} from './desk-harness.js';

const IQBAL = 'o0004';
const MARSH = 'o0006';

const statusBar = (f: string) => f.split('\n').at(-1) ?? '';

/** The demo with DS Brennan's sick leave (ab0002, 10 Dec-04 Feb 2027) covered by DC Marsh. */
function marshCovers(): StoreData {
	const data = structuredClone(demoData());
	data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a));
	return data;
}

describe("R-h: an officer's R says who reviews their cases", () => {
	it('DC Iqbal (two cases overdue): refused in the status bar, whole at 80 columns; no queue opens', async () => {
		const h = renderDesk({actor: actorAs(IQBAL), size: {columns: 80, rows: 24}});
		await ready(h);
		expect(statusBar(h.frame())).toMatch(/overdue 2/);
		h.app.stdin.write('R');
		const after = await h.waitFor(x => x.includes('has no review queue'));
		expect(statusBar(after)).toContain('DC Iqbal has no review queue: their reviews go to DS Brennan.');
		expect(after).not.toContain('No reviews are due today or overdue');
		expect(after).not.toContain('Review queue');
		h.app.unmount();
	}, 60_000);

	it('a cover the day after her cover ends is an officer again: refused, naming her sergeant', async () => {
		const h = renderDesk({data: marshCovers(), today: '2027-02-05', actor: actorAs(MARSH), size: {columns: 120, rows: 36}});
		await ready(h);
		const f = await h.press('R');
		expect(statusBar(f)).toContain('DC Marsh has no review queue: their reviews go to DS Brennan.');
		expect(f).not.toContain('No reviews are due today or overdue');
		h.app.unmount();
	}, 60_000);

	it('the sergeant still gets his queue', async () => {
		const h = renderDesk({size: {columns: 120, rows: 36}});
		await ready(h);
		const f = await h.press('R');
		expect(f).not.toContain('has no review queue');
		expect(f).toMatch(/Review CR\/\d+\/\d+ - step 1 of 7/);
		h.app.unmount();
	}, 60_000);
});

describe("R-k: an officer's refusal of the supervisors' views fits the status bar at 80 columns", () => {
	it('3, 4 and 5: the whole sentence, who can kept, nothing cut', async () => {
		const h = renderDesk({actor: actorAs(IQBAL), size: {columns: 80, rows: 24}});
		await ready(h);
		for (const [key, view] of [
			['3', 'Handover'],
			['4', 'Log'],
			['5', 'Calendar'],
		] as const) {
			h.app.stdin.write(key);
			const f = await h.waitFor(x => statusBar(x).includes(`${view} view:`));
			const bar = statusBar(f);
			expect(bar).toContain(`as DC Iqbal | ${view} view: only for DS Brennan, their cover or DI Okafor.`);
			expect(bar).not.toContain('…');
			expect(bar.length).toBeLessThanOrEqual(80);
		}
		h.app.unmount();
	}, 60_000);
});
