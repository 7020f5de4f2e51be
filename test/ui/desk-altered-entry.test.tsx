/**
 * An entry altered since it was signed is never printed as signed by the desk, even before its walk of
 * the whole chain has turned the store read-only (ui/model/altered-entry.ts; README "Where the store
 * lives"): the case's review history and the Log view name the entry and say to run verify instead.
 * QA found the desk printing an altered review ("Review 0 day late") as DS Brennan's, while `case show`
 * refused it.
 */
import {describe, expect, it} from 'vitest';
import type {ChainEntry, StoreData} from '../../source/domain/model.js';
import {KEYS, demoData, ready, renderDesk, type DeskHarness} from './desk-harness.js';

const REF = 'CR/33643/26';

/** The demo with entry 593 (REF's last review) changed after signing, at the same length. */
function altered(): StoreData {
	const demo = demoData();
	const chain = demo.chain.map((e): ChainEntry => {
		if (e.seq !== 593 || e.kind !== 'review') return e;
		return {...e, data: {...e.data, summary: e.data.summary.replace('Review 1 day late', 'Review 0 day late')}};
	});
	expect(JSON.stringify(chain)).not.toBe(JSON.stringify(demo.chain));
	return {...demo, chain};
}

/** The editor pane's text (between its double borders), wrapped lines joined. */
const editorText = (f: string) =>
	f
		.split('\n')
		.map(l => l.split('║')[1]?.trim() ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');

async function openHistory(h: DeskHarness): Promise<string> {
	await ready(h);
	await h.press(':');
	await h.type(REF.split('/')[1]!);
	await h.press(KEYS.enter);
	let f = await h.waitFor(`[${REF}]`);
	for (let i = 0; i < 120 && !f.includes('#593') && !f.includes('entry 593'); i++) f = await h.press('j');
	for (let i = 0; i < 4; i++) f = await h.press('j');
	return editorText(f);
}

describe('the desk never prints an altered entry as signed', () => {
	it("the case's review history names the entry instead of printing it", async () => {
		const h = renderDesk({data: altered(), size: {columns: 160, rows: 40}});
		const f = await openHistory(h);
		expect(f).toContain('NOT SHOWN: entry 593 (review) was altered after signing');
		expect(f).toContain('Run "fortnight verify"');
		expect(f).not.toContain('Review 0 day late');
		h.app.unmount();
	});

	it('the intact demo prints the same review as signed', async () => {
		const h = renderDesk({data: demoData(), size: {columns: 160, rows: 40}});
		const f = await openHistory(h);
		expect(f).toContain('(#593, 1d late)');
		expect(f).not.toContain('NOT SHOWN');
		h.app.unmount();
	});

	it("the Log view's row for the entry says it was altered", async () => {
		const h = renderDesk({data: altered(), size: {columns: 160, rows: 40}});
		await ready(h);
		await h.press('4');
		let f = await h.press('G');
		for (let i = 0; i < 60 && !f.includes('#593'); i++) f = await h.press('k');
		const row = f.split('\n').find(l => l.includes('#593'));
		expect(row, f).toBeDefined();
		expect(row).toContain('NOT SHOWN: entry 593 (review) was altered after signing');
		expect(f.split('\n').filter(l => l.includes('NOT SHOWN'))).toHaveLength(1);
		h.app.unmount();
	});
});
