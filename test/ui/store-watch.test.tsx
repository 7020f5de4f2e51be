import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/store.js';
import type {StoreData} from '../../source/domain/model.js';
import {notExpected} from '../helpers/fake-store.js';
import {demoData, ready, renderDesk} from './desk-harness.js';

function fakeStore(initial: StoreData, options: {readOnly?: boolean} = {}) {
	let current = initial;
	let changed = false;
	let statCalls = 0;
	const store: Store = {
		file: '/srv/share/polit-east.json',
		readOnly: options.readOnly ?? false,
		readOnlyReason: options.readOnly ? 'The file is not writable.' : null,
		snapshot: () => current,
		apply: async () => ({merged: false, revision: current.revision}),
		changedOnDisk: async () => {
			statCalls++;
			return changed;
		},
		reload: async () => {
			changed = false;
			return current;
		},
		saveCopy: notExpected,
	};
	return {
		store,
		statCalls: () => statCalls,
		/** Another user saved: the next poll sees it; reload returns `next`. */
		otherUserSaves(next: StoreData) {
			current = next;
			changed = true;
		},
	};
}

describe('store watching', () => {
	// Changed deliberately (issue 20 item 9): with nothing typed the desk now takes a change in by itself;
	// it still says so, and waits, while something is being typed.
	const closedOne = (base: StoreData): StoreData => ({
		...base,
		revision: base.revision + 1,
		cases: base.cases.map((c, i) => (i === 0 ? {...c, status: 'closed' as const, closedOn: '2026-11-30'} : c)),
	});

	it('while a filter is being typed, shows a change by another user and keeps the screen; leaving the filter takes it in', async () => {
		const base = demoData();
		const f = fakeStore(base);
		const h = renderDesk({store: f.store, pollMs: 20});
		await ready(h);
		expect(h.frame()).toContain('60 live cases');
		await h.press('/');
		await h.press('CR');
		f.otherUserSaves(closedOne(base));
		await h.waitFor('CHANGED BY ANOTHER USER (u reloads)');
		expect(h.frame()).toContain('Filter: CR_');
		await h.press('\u001b');
		const after = await h.waitFor('59 live cases', 20_000);
		expect(after).not.toContain('CHANGED BY ANOTHER USER');
		expect(f.statCalls()).toBeGreaterThan(0);
		h.app.unmount();
	});

	it('with nothing typed, takes in a change by another user by itself and says so', async () => {
		const base = demoData();
		const f = fakeStore(base);
		const h = renderDesk({store: f.store, pollMs: 20});
		await ready(h);
		f.otherUserSaves(closedOne(base));
		const after = await h.waitFor('59 live cases', 20_000);
		expect(after).not.toContain('CHANGED BY ANOTHER USER');
		expect(after).toContain('Reloaded: another user');
		h.app.unmount();
	});

	it('u reloads', async () => {
		const base = demoData();
		const f = fakeStore(base);
		const h = renderDesk({store: f.store, pollMs: 0});
		await ready(h);
		f.otherUserSaves(closedOne(base));
		await h.press('u');
		await h.waitFor('59 live cases', 20_000);
		h.app.unmount();
	});

	it('says when the store is read-only', async () => {
		const f = fakeStore(demoData(), {readOnly: true});
		const h = renderDesk({store: f.store, pollMs: 0});
		await ready(h);
		expect(h.frame()).toContain('READ-ONLY');
		h.app.unmount();
	});
});
