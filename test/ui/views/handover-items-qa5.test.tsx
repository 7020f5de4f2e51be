/**
 * QA pass 5, R7: the desk's Handover view gives each decision its ways to clear it, as the Markdown
 * handover and the Problems panel do (from the problem's `resolve`), and Enter opens the item marked ›:
 * a decision's problem detail (as the Problems panel's Enter does), a dated item's case. The key is the
 * registry's `open`, so the status bar, help and the view's own line name it.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {helpLines} from '../../../source/ui/contexts/registry.js';
import {actorAs} from '../../helpers/actor.js';
import {KEYS, demoData, ready, renderDesk} from '../desk-harness.js';

const MARSH = 'o0006';

/** The demo with DS Brennan's sick leave (ab0002, from 10 Dec) covered by DC Marsh. */
function coveredByMarsh(): StoreData {
	const data = structuredClone(demoData());
	data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a));
	return data;
}

const flat = (f: string) => f.replace(/[│║]/g, ' ').replace(/\s+/g, ' ');

describe("R7: the Handover view's items say how to clear them, and Enter opens the one marked", () => {
	it('each decision has its "To clear it" ways; Enter on the first opens its problem detail, and Enter there its case', async () => {
		const h = renderDesk({data: coveredByMarsh(), today: '2026-12-10', actor: actorAs(MARSH), size: {columns: 160, rows: 45}});
		await ready(h);
		let f = await h.press('3');
		f = await h.waitFor('NEEDS A DECISION NOW');
		expect(flat(f)).toContain('To clear it:');
		expect(flat(f)).toContain('desk key b or fortnight bail record CR/87204/26 --event re-bailed --return D');
		// The first decision is marked: Enter acts on it; the status bar names the key.
		const marked = f.split('\n').find(l => l.includes('› CRITICAL'));
		expect(marked).toBeDefined();
		expect(f).toContain('Enter open item');
		const ref = /› CRITICAL (CR\/\d+\/\d+)/.exec(marked!)![1]!;
		f = await h.press(KEYS.enter);
		// The problem's detail, as the Problems panel's Enter opens it, with its ways; Enter there opens the case.
		expect(f).toContain(`[Problem ${ref}]`);
		expect(f).toContain('WHAT TO DO');
		expect(f).not.toContain('NEEDS A DECISION NOW');
		f = await h.press(KEYS.enter);
		expect(f).toContain(`[${ref}]`);
		h.app.unmount();
	});

	it('scrolling moves the mark; help names Enter in the Handover view', async () => {
		const h = renderDesk({data: coveredByMarsh(), today: '2026-12-10', actor: actorAs(MARSH), size: {columns: 80, rows: 24}});
		await ready(h);
		await h.press('3');
		let f = await h.waitFor('NEEDS A DECISION NOW');
		const markedLine = (x: string) => x.split('\n').find(l => /[│║]› /.test(l));
		const before = markedLine(f);
		expect(before).toMatch(/› CRITICAL/);
		for (let i = 0; i < 6; i++) f = await h.press('j');
		// The first decision scrolled off: the mark is on the first item still in view.
		const after = markedLine(f);
		expect(after).toBeDefined();
		expect(after).not.toBe(before);
		expect(helpLines().find(l => /^Enter/.test(l))).toContain('Handover view');
		h.app.unmount();
	});
});
