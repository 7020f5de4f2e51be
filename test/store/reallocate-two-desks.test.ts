/**
 * Two desks reallocating one case (QA item 6), on both stores. Desk A moves the case to one officer;
 * desk B, which opened its reallocation form before, saves a move to another. B's desk may have taken
 * in A's save already (it reloads by itself while nothing is typed), so the store's three-way clash check
 * sees nothing of B's own to compare: the request carries the holder B saw (domain/reallocate.ts HeldAs),
 * and the change refuses under the store's lock when the case has moved since, in the clash's words
 * ("Another user changed ... Reload ..."). Before, B's save moved the case on from A's officer the same
 * day, leaving a zero-day allocation in its history.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isLive} from '../../source/domain/case-facts.js';
import type {StoreData} from '../../source/domain/model.js';
import {heldAs, reallocateCase, ReallocationError, reallocationRefusal, type ReallocationRequest} from '../../source/domain/reallocate.js';
import {StoreError} from '../../source/store/errors.js';
import {openStore, readStoreFile} from '../../source/store/index.js';
import {storeKinds} from '../helpers/store-kinds.js';
import {smallData} from './small-store.js';

const TODAY = '2026-11-30';

/** A live case and two officers it can move to today, each accepted by the domain's own checks. */
function scene(data: StoreData) {
	for (const c of data.cases.filter(isLive)) {
		const request = (toOfficerId: string): ReallocationRequest => ({
			ref: c.ref,
			held: heldAs(data, c.ref),
			toOfficerId,
			on: TODAY,
			today: TODAY,
			by: data.team.sergeantId,
			reason: 'Caseload balance',
			recordedAt: `${TODAY}T09:00:00.000Z`,
		});
		// Investigators the sergeant supervises, so the sergeant may move the case on from either.
		const to = data.officers.filter(o => o.role === 'investigator' && reallocationRefusal(data, request(o.id)) === null).map(o => o.id);
		if (to.length >= 2) return {ref: c.ref, first: request(to[0]!), second: request(to[1]!)};
	}
	throw new Error('no case in the generated store can move to two officers');
}

const allocationsOf = (data: StoreData, ref: string) => data.cases.find(c => c.ref === ref)!.allocations;

for (const kind of storeKinds('reallocate_two_desks')) {
	describe.skipIf(kind.skip)(`${kind.name}: two desks reallocating one case`, () => {
		beforeAll(() => kind.setup(), 120_000);
		afterAll(() => kind.teardown());

		it('the second save, made after its desk took in the first, is refused as a clash: the first stands, no zero-day allocation', async () => {
			const data = smallData(8);
			const store = await kind.make(data);
			const {ref, first, second} = scene(data);
			const a = await openStore(store);
			const b = await openStore(store);
			await a.apply(d => reallocateCase(d, first).data);
			// B's desk reloads by itself (nothing typed), then B saves the move it chose before A's.
			await b.reload();
			let refused: unknown;
			await b.apply(d => reallocateCase(d, second).data).catch((err: unknown) => (refused = err));
			expect(refused).toBeInstanceOf(ReallocationError);
			const message = (refused as Error).message;
			// The same sergeant moved it from the other desk (scene: both moves by the sergeant): said so (QA 6 R19).
			expect(message).toMatch(new RegExp(`^You, in another session, changed ${ref.replaceAll('/', '\\/')} after you chose to move it: `));
			expect(message).toContain('so it was not moved. Reload to see their change');
			const after = (await readStoreFile(store)).data;
			expect(after.cases.find(c => c.ref === ref)!.oicId).toBe(first.toOfficerId);
			const history = allocationsOf(after, ref);
			expect(history.length).toBe(allocationsOf(data, ref).length + 1);
			expect(history.filter(x => x.to !== null && x.to === x.from)).toEqual([]);
		});

		it('the second save from a desk that has not reloaded is refused by the store as a clash too', async () => {
			const data = smallData(8);
			const store = await kind.make(data);
			const {ref, first, second} = scene(data);
			const a = await openStore(store);
			const b = await openStore(store, {surface: 'desk'});
			await a.apply(d => reallocateCase(d, first).data);
			let refused: unknown;
			await b.apply(d => reallocateCase(d, second).data).catch((err: unknown) => (refused = err));
			expect(refused).toBeInstanceOf(StoreError);
			expect((refused as StoreError).code).toBe('conflict');
			// Named by who moved it and what changed in words, never the store's field names (QA 6 R19).
			const sergeant = data.officers.find(o => o.id === data.team.sergeantId)!;
			const message = (refused as Error).message;
			expect(message).toMatch(
				new RegExp(
					`^${sergeant.rank} \\S+ changed case .* \\(who holds it, .*\\) after you opened the store.* Reload to see their version`,
				),
			);
			expect(message).not.toMatch(/oicId|allocations|actions,/);
			expect((await readStoreFile(store)).data.cases.find(c => c.ref === ref)!.oicId).toBe(first.toOfficerId);
		});

		it('a move made from what the desk shows now goes through', async () => {
			const data = smallData(8);
			const store = await kind.make(data);
			const {ref, first, second} = scene(data);
			const a = await openStore(store);
			const b = await openStore(store);
			await a.apply(d => reallocateCase(d, first).data);
			await b.reload();
			const again = {...second, held: heldAs(b.snapshot(), ref)};
			await b.apply(d => reallocateCase(d, again).data);
			expect((await readStoreFile(store)).data.cases.find(c => c.ref === ref)!.oicId).toBe(second.toOfficerId);
		});
	});
}
