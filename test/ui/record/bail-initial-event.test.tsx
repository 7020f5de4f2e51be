/**
 * The bail form starts on the same event whichever way it is opened (QA pass 3, R13): from a case's tab
 * a lapsed bail started on "extended", always refused, while its problem started on how it ended
 * (README "Acting on a problem": "a lapsed bail's form starts on how it ended"). One decision,
 * record/bail-form.ts initialBailEvent.
 */
import {describe, expect, it} from 'vitest';
import {initialBailEvent} from '../../../source/ui/record/bail-form.js';
import {actorAs} from '../../helpers/actor.js';
import {openStore} from '../../../source/store/store.js';
import {DEMO_TODAY, demoCopy} from '../../helpers/cli.js';
import {demoData, KEYS, ready, renderDesk} from '../desk-harness.js';

const caseOf = (ref: string) => demoData().cases.find(c => c.ref === ref)!;

describe('the bail form starts on how a lapsed bail ended, from its case as from its problem', () => {
	it('one decision: lapsed or past its return, how it ended; running, an extension; no bail, RUI', () => {
		expect(initialBailEvent(caseOf('CR/54818/26'), DEMO_TODAY)).toBe('charged');
		expect(initialBailEvent(caseOf('CR/87204/26'), DEMO_TODAY)).toBe('extended');
		expect(initialBailEvent({bail: null}, DEMO_TODAY)).toBe('rui');
	});

	it("b on the case's tab (: 54818 Enter) starts on charged, as from its problem", async () => {
		const store = await openStore(demoCopy().store);
		const h = renderDesk({store, data: store.snapshot(), size: {columns: 160, rows: 45}});
		await ready(h);
		await h.press(':');
		await h.type('54818');
		await h.press(KEYS.enter);
		const f = await h.press('b');
		expect(f).toContain('RECORD BAIL CR/54818/26');
		expect(f).toMatch(/Event\s+extended re-bailed \[charged\] rui nfa released/);
		h.app.unmount();
	});

	it("15 Dec, as the inspector: CR/31909/26's case and its problem open the form on the same event", async () => {
		const today = '2026-12-15';
		const event = initialBailEvent(caseOf('CR/31909/26'), today);
		expect(event).toBe('charged');
		const store = await openStore(demoCopy().store);
		let h = renderDesk({store, data: store.snapshot(), today, actor: actorAs('o0001'), size: {columns: 160, rows: 45}});
		await ready(h);
		await h.press(':');
		await h.type('31909');
		await h.press(KEYS.enter);
		let f = await h.press('b');
		expect(f).toMatch(/Event\s+extended re-bailed \[charged\]/);
		h.app.unmount();
		h = renderDesk({store, data: store.snapshot(), today, actor: actorAs('o0001'), size: {columns: 160, rows: 45}});
		await ready(h);
		await h.press(KEYS.shiftTab);
		await h.type('/31909');
		await h.press(KEYS.enter);
		f = await h.press('b');
		expect(f).toMatch(/Event\s+extended re-bailed \[charged\]/);
		h.app.unmount();
	});
});
