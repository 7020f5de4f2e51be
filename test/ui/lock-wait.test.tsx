/**
 * The desk says what a save is waiting for: while another process holds the store's lock, the status
 * bar shows the store's one sentence about it (Store.onLockWait) in place of the counts, whole at 120
 * columns, and drops it when the wait is over.
 */
import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/store.js';
import {demoData, ready, renderDesk} from './desk-harness.js';

describe('waiting for the lock', () => {
	it('shows the wait in the status bar, then takes it away', async () => {
		const data = demoData();
		let tell: ((message: string | null) => void) | null = null;
		const store: Store = {
			file: '/srv/share/team.json',
			readOnly: false,
			readOnlyReason: null,
			snapshot: () => data,
			apply: async () => ({merged: false, revision: data.revision}),
			changedOnDisk: async () => false,
			reload: async () => data,
			saveCopy: async () => {},
			onLockWait: listener => {
				tell = listener;
				return () => {
					tell = null;
				};
			},
		};
		const h = renderDesk({store, pollMs: 0, size: {columns: 120, rows: 36}});
		await ready(h);
		expect(tell).not.toBeNull();
		tell!('Waiting for the lock on team.json held by another process (pid 77 on host desk-3, since 09:12)...');
		const waiting = await h.waitFor('Waiting for the lock on team.json');
		expect(waiting).toContain('(pid 77 on host desk-3, since 09:12)...');
		tell!(null);
		const after = await h.waitFor(f => !f.includes('Waiting for the lock'));
		expect(after).toContain('live cases');
		h.app.unmount();
		expect(tell).toBeNull();
	});
});
