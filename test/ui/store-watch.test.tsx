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

	/** The same stand-in, announcing changes as a PostgreSQL store does (Store.onChange). */
	function announcing(f: ReturnType<typeof fakeStore>) {
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
		return {store, tell: (c: OutsideChange) => tell!(c), listening: () => tell !== null, unsubscribed: () => unsubscribed};
	}

	it('a store that announces changes (PostgreSQL) is heard at once without polling; the status bar says who changed what', async () => {
		const base = demoData();
		const f = fakeStore(base);
		const a = announcing(f);
		const h = renderDesk({store: a.store, pollMs: 20});
		await ready(h);
		expect(a.listening()).toBe(true);
		const ref = base.cases[0]!.ref;
		const sergeant = base.officers.find(o => o.id === base.team.sergeantId)!;
		const who = `${sergeant.rank} ${sergeant.name.split(' ').at(-1)}`;
		// While a filter is typed: the bar says who changed what, and the screen waits.
		await h.press('/');
		await h.press('CR');
		f.otherUserSaves(closedOne(base));
		a.tell({officerId: base.team.sergeantId, role: 'sgt_brennan', what: [`case ${ref}`], revision: base.revision + 1});
		const frame = await h.waitFor('CHANGED BY ANOTHER USER (u reloads)');
		expect(frame).toContain(`${who} changed case ${ref}.`);
		expect(frame).toContain('60 live cases');
		// Leaving the filter takes it in.
		await h.press('\u001b');
		await h.waitFor('59 live cases', 20_000);
		// With nothing typed, the next is taken in by itself, saying who.
		f.otherUserSaves({...closedOne(base), revision: base.revision + 2});
		a.tell({officerId: null, role: 'insp_okafor', what: ['the settings'], revision: base.revision + 2});
		await h.waitFor(`Reloaded: insp_okafor changed the settings (revision ${base.revision + 2})`);
		// Heard, not polled: the file-style check never ran.
		expect(f.statCalls()).toBe(0);
		h.app.unmount();
		expect(a.unsubscribed()).toBe(true);
	});

	it('says when the store is read-only', async () => {
		const f = fakeStore(demoData(), {readOnly: true});
		const h = renderDesk({store: f.store, pollMs: 0});
		await ready(h);
		expect(h.frame()).toContain('READ-ONLY');
		h.app.unmount();
	});
});
