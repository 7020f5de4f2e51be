import {describe, expect, it} from 'vitest';
import type {OutsideChange, Store} from '../../source/store/store.js';
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
	it('shows a change by another user, and u reloads it', async () => {
		const base = demoData();
		const f = fakeStore(base);
		const h = renderDesk({store: f.store, pollMs: 20});
		await ready(h);
		expect(h.frame()).toContain('60 live cases');
		// One case closed by another user.
		const next: StoreData = {...base, revision: base.revision + 1, cases: base.cases.map((c, i) => (i === 0 ? {...c, status: 'closed' as const, closedOn: '2026-11-30'} : c))};
		f.otherUserSaves(next);
		await h.waitFor('CHANGED BY ANOTHER USER (u reloads)');
		expect(h.frame()).toContain('60 live cases');
		await h.press('u');
		const after = await h.waitFor('59 live cases', 20_000);
		expect(after).not.toContain('CHANGED BY ANOTHER USER');
		expect(f.statCalls()).toBeGreaterThan(0);
		h.app.unmount();
	});

	it('a store that announces changes (PostgreSQL) is heard at once, without polling, and the status bar says who changed what', async () => {
		const base = demoData();
		const f = fakeStore(base);
		let tell: ((c: OutsideChange) => void) | null = null;
		let unsubscribed = false;
		const store: Store = {
			...f.store,
			onChange(listener) {
				tell = listener;
				return () => {
					unsubscribed = true;
				};
			},
		};
		const h = renderDesk({store, pollMs: 20});
		await ready(h);
		expect(tell).not.toBeNull();
		const ref = base.cases[0]!.ref;
		f.otherUserSaves({...base, revision: base.revision + 1});
		tell!({officerId: base.team.sergeantId, role: 'sgt_brennan', what: [`case ${ref}`], revision: base.revision + 1});
		const frame = await h.waitFor('CHANGED BY ANOTHER USER (u reloads)');
		const sergeant = base.officers.find(o => o.id === base.team.sergeantId)!;
		expect(frame).toContain(`${sergeant.rank} ${sergeant.name.split(' ').at(-1)} changed case ${ref}.`);
		// Heard, not polled: the file-style check never ran.
		expect(f.statCalls()).toBe(0);
		h.app.unmount();
		expect(unsubscribed).toBe(true);
	});

	it('says when the store is read-only', async () => {
		const f = fakeStore(demoData(), {readOnly: true});
		const h = renderDesk({store: f.store, pollMs: 0});
		await ready(h);
		expect(h.frame()).toContain('READ-ONLY');
		h.app.unmount();
	});
});
