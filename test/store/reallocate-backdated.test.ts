/**
 * A back-dated reallocation is refused the same on both stores (QA: `case reallocate --on` was accepted
 * across signed reviews). The rule is the domain's (domain/reallocate-dates.ts), run inside the change
 * under the store's lock: on PostgreSQL the state read is the chain's working set, which keeps each
 * case's last review (chain-working-set.ts), so the signed review that holds the move back is there.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import command from '../../source/commands/case.js';
import {heldAs, reallocateCase, ReallocationError, type ReallocationRequest} from '../../source/domain/reallocate.js';
import {openStore, readStoreFile} from '../../source/store/index.js';
import {demoData} from '../helpers/demo.js';
import {storeKinds} from '../helpers/store-kinds.js';
import {runCommand} from '../commands/in-process.js';

const TODAY = '2026-11-30';
// DC Iqbal's; its last signed review is of 23 Nov (entry 577).
const REF = 'CR/78730/26';
const REFUSAL =
	'CR/78730/26 cannot be moved from 01 Nov: its signed review of 23 Nov (entry 577, OIC DC Iqbal) was recorded while ' +
	"DC Iqbal held it, and the case's history may not contradict it. The earliest date allowed is 23 Nov.";

/** Everything a store holds, read afresh with the whole chain: to show nothing was written. */
const everything = async (store: string) => (await readStoreFile(store, {chain: 'whole'})).data;

for (const kind of storeKinds('reallocate_backdated')) {
	describe.skipIf(kind.skip)(`${kind.name}: a back-dated reallocation`, () => {
		beforeAll(() => kind.setup(), 120_000);
		afterAll(() => kind.teardown());

		it('the command refuses a move dated before the last signed review with exit 2 and saves nothing; the named date moves it', async () => {
			const store = await kind.make(demoData());
			const before = await everything(store);
			const flags = {to: 'Carter', reason: 'backdated', yes: true};
			const r = await runCommand(command, store, ['reallocate', REF], {...flags, on: '2026-11-01'}, {as: 'DS Brennan'});
			expect(r.code).toBe(2);
			expect(r.stderr).toBe(`${REFUSAL} Nothing was saved.`);
			expect(await everything(store)).toEqual(before);
			const moved = await runCommand(command, store, ['reallocate', REF], {...flags, on: '2026-11-23'}, {as: 'DS Brennan'});
			expect(moved.code, moved.stderr).toBe(0);
			const c = (await everything(store)).cases.find(x => x.ref === REF)!;
			expect(c.allocations.at(-1)).toMatchObject({officerId: 'o0009', from: '2026-11-23', by: 'o0002'});
		});

		it('the change itself refuses under the lock, from the state the store keeps', async () => {
			const store = await kind.make(demoData());
			const opened = await openStore(store);
			const data = opened.snapshot();
			const request: ReallocationRequest = {
				ref: REF,
				held: heldAs(data, REF),
				toOfficerId: 'o0009',
				on: '2026-11-01',
				today: TODAY,
				by: 'o0002',
				reason: 'backdated',
				recordedAt: `${TODAY}T09:00:00.000Z`,
			};
			const before = await everything(store);
			let refused: unknown;
			await opened.apply(d => reallocateCase(d, request).data).catch((err: unknown) => (refused = err));
			expect(refused).toBeInstanceOf(ReallocationError);
			expect((refused as ReallocationError).message).toBe(REFUSAL);
			expect((refused as ReallocationError).about).toBe('on');
			expect(await everything(store)).toEqual(before);
		});
	});
}
