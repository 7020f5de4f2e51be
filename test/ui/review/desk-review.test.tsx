/**
 * The guided review inside the desk: R opens the queue on the most overdue case, a full review by keys
 * signs it, the desk's counts, badges and problems update at once, and n moves to the next case due.
 */
import {describe, expect, it} from 'vitest';
import {verifyChain} from '../../../source/store/chain.js';
import {openStore, readStoreFile} from '../../../source/store/store.js';
import {demoCopy} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';

const CTRL_N = '\u000e';
const settle = () => new Promise(r => setTimeout(r, 50));

describe('review in the desk', () => {
	it('signs the most overdue case from the queue; the desk updates at once; n opens the next', async () => {
		const {store: file} = demoCopy();
		const store = await openStore(file);
		const h = renderDesk({data: store.snapshot(), store, size: {columns: 160, rows: 48}});
		await ready(h);
		const before = h.frame();
		const overdueBefore = Number(/overdue (\d+)/.exec(before)?.[1]);
		const problemsBefore = Number(/PROBLEMS\s+(\d+) problems/.exec(before)?.[1]);
		expect(overdueBefore).toBe(6);

		await h.press('R');
		await h.waitFor('Review CR/88397/26 - step 1 of 7');
		// The review wires its input in an effect after its first frame: let it run before the next key.
		await settle();
		await h.press(KEYS.enter);
		await h.waitFor('step 2 of 7');
		for (const k of ['1', KEYS.tab, KEYS.tab, '2', KEYS.tab]) await h.press(k);
		await h.press('Awaiting DFU');
		for (const k of [KEYS.tab, '1', CTRL_N]) await h.press(k);
		await h.waitFor('step 3 of 7');
		await h.press('1');
		await h.press(CTRL_N);
		await h.waitFor('step 4 of 7');
		await h.press(KEYS.enter);
		await h.press('Chase the DFU');
		await h.press(CTRL_N);
		// DC Doyle's trigger is on the inspector's list: the sergeant's step 5 offers no decision.
		await h.waitFor("Decision for DC Doyle (the inspector's");
		await h.press(CTRL_N);
		await h.waitFor('step 6 of 7');
		await h.press('1');
		await h.press(CTRL_N);
		await h.waitFor('step 7 of 7');
		await h.press(KEYS.tab);
		await h.press(KEYS.tab);
		await h.press(KEYS.enter);
		await h.waitFor('Sign the review?');
		await h.press('y');
		await h.waitFor(/Signed: review of CR\/88397\/26 is entry \d+/);
		// The desk takes the new data in the same moment (one render later).
		const after = await h.waitFor(f => Number(/overdue (\d+)/.exec(f)?.[1]) === overdueBefore - 1);
		expect(after).toContain('n next case in the queue (CR/25310/26)');
		// At once: the status bar's overdue count, the explorer badge and the problems panel.
		expect(Number(/overdue (\d+)/.exec(after)?.[1])).toBe(overdueBefore - 1);
		// The overdue-review problem has gone (the trigger decision also changes the officer's problems).
		expect(after).toContain('Signed: review of CR/88397/26');
		await h.waitFor(f => Number(/PROBLEMS\s+(\d+) problems/.exec(f)?.[1] ?? problemsBefore) < problemsBefore, 20_000);

		await h.press('n');
		const next = await h.waitFor('Review CR/25310/26 - step 1 of 7');
		await settle();
		expect(next).toContain('queue 2 of 7');
		h.app.unmount();

		const {data} = await readStoreFile(file, {chain: 'whole'});
		expect(verifyChain(data.chain)).toBeNull();
		expect(data.cases.find(c => c.ref === 'CR/88397/26')!.nextReviewDue).toBe('2026-12-14');
	});

	it("at 80x24 the review gets the explorer's and panel's room: its hints show whole; Esc gives them back", async () => {
		const h = renderDesk({data: demoData(), size: {columns: 80, rows: 24}});
		await ready(h);
		expect(h.frame()).toContain('CASES');
		await h.press('R');
		let f = await h.waitFor('Review CR/88397/26');
		await settle();
		// No explorer and no Problems panel while reviewing at this size.
		expect(f).not.toContain('CASES');
		expect(f).not.toMatch(/PROBLEMS\s+\d+ problems/);
		await h.press(KEYS.enter);
		f = await h.waitFor('step 2 of 7: Previous actions');
		for (const hint of ['? help', '←/→ 1-3 choose', 'Ctrl+N next step', 'Ctrl+X discard', '3:dropped']) expect(f).toContain(hint);
		expect(f.split('\n').length).toBeLessThan(24);
		await h.press(KEYS.esc);
		await h.waitFor('step 1 of 7');
		await h.press(KEYS.esc);
		f = await h.waitFor(x => x.includes('CASES') && /PROBLEMS\s+\d+ problems/.test(x));
		h.app.unmount();
	});
});
