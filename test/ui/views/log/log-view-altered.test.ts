/**
 * The desk's Log view marks a row whose printed entry cannot be shown as signed (log-view-model.ts
 * alteredRows): an amendment row prints the case and officer of the entry it amends, so that entry is
 * checked too, even when it is not a row of the view (outside the period), as `fortnight log` re-checks
 * `amends` (domain/shown-entries.ts). A review of the merged work found the view printing it unmarked.
 */
import {describe, expect, it} from 'vitest';
import type {ChainEntry, StoreData} from '../../../../source/domain/model.js';
import {makeEntry} from '../../../../source/store/chain.js';
import {logViewModel} from '../../../../source/ui/views/log/log-view-model.js';
import {demoData} from '../../desk-harness.js';

describe('Log view: an amendment of an altered entry', () => {
	it('does not print the altered entry’s case as the amendment row’s', () => {
		const demo: StoreData = demoData();
		const review = demo.chain.find(e => e.kind === 'review' && e.data.date < '2026-10-01')!;
		if (review.kind !== 'review') throw new Error('no review');
		const other = demo.cases.find(c => c.ref !== review.data.caseRef)!.ref;
		const amendment = makeEntry(
			demo.chain,
			'amendment',
			{amends: review.seq, date: '2026-11-30', by: demo.team.sergeantId, reason: 'typo', corrections: {summary: 'fixed'}},
			'2026-11-30T10:00:00.000Z',
		);
		// The amended review altered after signing: moved onto another case.
		const chain = [...demo.chain, amendment].map((e): ChainEntry =>
			e.seq === review.seq && e.kind === 'review' ? {...e, data: {...e.data, caseRef: other}} : e,
		);
		const data = {...demo, chain};
		const state = {
			period: {from: '2026-11-03', to: '2026-11-30'},
			sergeantId: null,
			officerId: null,
			lateOnly: false,
			cursor: 0,
			scroll: 0,
			week: null,
			chart: false,
		};
		const model = logViewModel(data, state);
		const row = model.rows.find(r => r.seq === amendment.seq)!;
		expect(row).toBeDefined();
		expect(model.rows.some(r => r.seq === review.seq)).toBe(false); // the altered entry is not a row itself
		// Either the row is marked altered, or it does not carry the altered entry's case:
		expect(model.altered.get(amendment.seq)).toMatch(new RegExp(`entry ${review.seq} \\(review\\) was altered after signing`));
		// The intact chain marks nothing.
		const intact = logViewModel({...demo, chain: [...demo.chain, amendment]}, {...state});
		expect(intact.altered.size).toBe(0);
	});
});
