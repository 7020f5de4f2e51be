/**
 * Two users on one store, the same on both stores (README "PostgreSQL"; the store README, "Two users at
 * once"): behaviours of openStore().apply() that were tested on the file store alone and are not about
 * files (moved here from concurrency.test.ts, drawn-ids.test.ts, validate-change.test.ts and
 * faults.test.ts): a change re-run on another user's data, both appending to one list, a clash refused in
 * the words of whoever made it and still refused until a reload, an edit to a record the other deleted,
 * two signings at once, signed entries append-only, records under drawn ids, a bad record refused and a
 * bug in a change rethrown as itself, each leaving the store as it was.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addAbsence} from '../../source/domain/absences.js';
import {withRisk} from '../../source/domain/case-history.js';
import type {Case, StoreData} from '../../source/domain/model.js';
import {makeEntry, verifyChain} from '../../source/store/chain.js';
import {StoreError} from '../../source/store/errors.js';
import {openStore, readStoreFile} from '../../source/store/index.js';
import {storeKinds} from '../helpers/store-kinds.js';
import {smallData} from './small-store.js';

/** A risk change as the domain records it (the store refuses a risk without its history: README "Case history"). */
const risked = (c: Case, risk: Case['risk']): Case =>
	withRisk(c, risk, {from: '2026-11-30', by: null, reason: 'test edit', reviewSeq: null});
const setRisk = (ref: string, risk: Case['risk']) => (d: StoreData) => ({
	...d,
	cases: d.cases.map(c => (c.ref === ref ? risked(c, risk) : c)),
});
const other = (risk: Case['risk']): Case['risk'] => (risk === 'high' ? 'low' : 'high');
/** Everything a store holds, as a fresh read gives it (the whole chain): to show nothing was written. */
const everything = async (store: string) => (await readStoreFile(store, {chain: 'whole'})).data;

/** Officers with no absence recorded, so the domain's overlap check refuses none of these additions. */
const free = (d: StoreData): string[] => d.officers.filter(o => !d.absences.some(x => x.officerId === o.id)).map(o => o.id);
const absenceInput = (d: StoreData, officerId: string, day: string) => ({
	officerId,
	from: day,
	to: day,
	reason: 'training' as const,
	coverOfficerId: null,
	recordedBy: d.team.sergeantId,
	recordedAt: '2026-11-30T09:00:00.000Z',
});
const absenceFor = (officerId: string, day: string) => (d: StoreData) => addAbsence(d, absenceInput(d, officerId, day)).data;

for (const kind of storeKinds('two_users')) {
	describe.skipIf(kind.skip)(kind.name, () => {
		beforeAll(() => kind.setup(), 120_000);
		afterAll(() => kind.teardown());

		it('re-applies a change that does not clash, and reports what the other user changed', async () => {
			const data = smallData(4, 1);
			const store = await kind.make(data);
			const a = await openStore(store);
			const b = await openStore(store);
			const [c0, c1] = [data.cases[0]!.ref, data.cases[1]!.ref];
			await b.apply(d => ({...d, cases: d.cases.map(c => (c.ref === c1 ? {...c, offence: 'Changed by B'} : c))}));
			expect(await a.changedOnDisk()).toBe(true);
			const r = await a.apply(d => ({...d, cases: d.cases.map(c => (c.ref === c0 ? {...c, offence: 'Changed by A'} : c))}));
			expect(r.merged).toBe(true);
			expect(r.othersChanged).toEqual([`case ${c1}`]);
			const after = await everything(store);
			expect(after.cases.find(c => c.ref === c0)!.offence).toBe('Changed by A');
			expect(after.cases.find(c => c.ref === c1)!.offence).toBe('Changed by B');
			expect(a.snapshot().cases.find(c => c.ref === c1)!.offence).toBe('Changed by B');
			expect(await a.changedOnDisk()).toBe(false);
		});

		it('both appending to the same list is not a clash: both items are kept', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const ref = data.cases[0]!.ref;
			const add = (text: string) => (d: StoreData) => ({
				...d,
				cases: d.cases.map(c => (c.ref === ref ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text}]} : c)),
			});
			const a = await openStore(store);
			const b = await openStore(store);
			await b.apply(add('from B'));
			await a.apply(add('from A'));
			expect((await everything(store)).cases[0]!.updates.map(u => u.text).slice(-2)).toEqual(['from B', 'from A']);
		});

		it('refuses a clashing edit saying what changed, overwrites nothing, refuses it again until a reload, then takes it', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const ref = data.cases[2]!.ref;
			const a = await openStore(store);
			const b = await openStore(store);
			await b.apply(setRisk(ref, other(data.cases[2]!.risk)));
			const theirs = await everything(store);
			const mineBefore = a.snapshot();
			const err = await a
				.apply(d => ({...d, cases: d.cases.map(c => (c.ref === ref ? {...risked(c, 'medium'), offence: 'A edit'} : c))}))
				.catch((e: unknown) => e);
			expect(err).toBeInstanceOf(StoreError);
			expect((err as StoreError).code).toBe('conflict');
			expect((err as StoreError).message).toContain(`Another user changed case ${ref} (its risk)`);
			expect((err as StoreError).message).toContain('not saved');
			expect(await everything(store)).toEqual(theirs);
			expect(a.snapshot()).toBe(mineBefore);
			expect(await a.changedOnDisk()).toBe(true);
			const again = await a.apply(setRisk(ref, 'medium')).catch((e: unknown) => e);
			expect((again as StoreError).code).toBe('conflict');
			expect(await everything(store)).toEqual(theirs);
			await a.reload();
			await a.apply(setRisk(ref, 'medium'));
			expect((await everything(store)).cases[2]!.risk).toBe('medium');
		});

		it('a clash is told to the command line as "run the command again" and to the desk as "reload"', async () => {
			const clash = async (surface: 'desk' | 'command' | undefined) => {
				const data = smallData(3);
				const store = await kind.make(data);
				const ref = data.cases[0]!.ref;
				const a = await openStore(store, surface ? {surface} : {});
				const b = await openStore(store);
				await b.apply(setRisk(ref, other(data.cases[0]!.risk)));
				const err = await a.apply(setRisk(ref, 'medium')).catch((e: unknown) => e);
				expect((err as StoreError).code).toBe('conflict');
				return {ref, message: (err as StoreError).message};
			};
			const command = await clash('command');
			expect(command.message).toBe(
				`Another user changed case ${command.ref} (its risk) while this command was running, and this command edits the same, ` +
					'so this command was not saved. Run the command again: it reads their version first.',
			);
			const desk = await clash(undefined);
			expect(desk.message).toBe(
				`Another user changed case ${desk.ref} (its risk) after you opened the store, and your change edits the same, ` +
					'so your change was not saved. Reload to see their version, then make your change again.',
			);
		});

		it('an edit to a record the other user deleted is a conflict naming it', async () => {
			const data = smallData(3, 2);
			const store = await kind.make(data);
			const ref = data.drafts[1]!.caseRef;
			const a = await openStore(store);
			const b = await openStore(store);
			await b.apply(d => ({...d, drafts: d.drafts.filter(x => x.caseRef !== ref)}));
			const err = await a
				.apply(d => ({...d, drafts: d.drafts.map(x => (x.caseRef === ref ? {...x, step: 3} : x))}))
				.catch((e: unknown) => e);
			expect((err as StoreError).code).toBe('conflict');
			// A draft is saved and removed only by its own reviewer: said as their other session, by name, never by id (QA 6 D4).
			const owner = data.officers.find(o => o.id === data.drafts[1]!.reviewerId)!;
			const message = (err as StoreError).message;
			expect(message).toContain(`'s draft review of case ${ref} was deleted in another session (a desk or command open as ${owner.rank} `);
			expect(message).not.toContain(owner.id);
			expect(message).not.toContain('Another user');
		});

		it("two reviewers saving their own drafts of the same case is no clash: a draft is one reviewer's, not the case's", async () => {
			const data = smallData(3, 1);
			const store = await kind.make(data);
			const theirs = data.drafts[0]!;
			const mine = {...theirs, reviewerId: data.officers.find(o => o.id !== theirs.reviewerId)!.id, step: 1};
			const a = await openStore(store);
			const b = await openStore(store);
			await b.apply(d => ({...d, drafts: d.drafts.map(x => (x.caseRef === theirs.caseRef ? {...x, step: 4} : x))}));
			await a.apply(d => ({...d, drafts: [...d.drafts, mine]}));
			const saved = (await everything(store)).drafts.filter(x => x.caseRef === theirs.caseRef);
			expect(saved.map(x => [x.reviewerId, x.step]).sort()).toEqual(
				[
					[theirs.reviewerId, 4],
					[mine.reviewerId, 1],
				].sort(),
			);
		});

		it('two users signing at once: the chain stays linked (the later entry is re-made on the fresh chain); a stale one is refused', async () => {
			const store = await kind.make(smallData(3));
			const a = await openStore(store);
			const b = await openStore(store);
			const sign = (d: StoreData): StoreData => {
				const last = d.chain.at(-1)!;
				return {...d, chain: [...d.chain, makeEntry(d.chain, last.kind, last.data as never, '2026-11-30T10:00:00.000Z')]} as StoreData;
			};
			await b.apply(sign);
			await a.apply(sign);
			expect(verifyChain((await everything(store)).chain)).toBeNull();
			// A change that captured the old chain in a closure would not link; it is refused, not written.
			const stale = a.snapshot().chain;
			await b.apply(sign);
			const before = await everything(store);
			const bad = await a
				.apply(d => ({...d, chain: [...d.chain, makeEntry(stale, 'review', stale.at(-1)!.data as never, '2026-11-30T11:00:00.000Z')]}))
				.catch((e: unknown) => e);
			expect(bad).toBeInstanceOf(StoreError);
			expect(await everything(store)).toEqual(before);
			expect(verifyChain(before.chain)).toBeNull();
		});

		it('signed entries are append-only: a change that alters or removes one is refused, nothing written', async () => {
			const store = await kind.make(smallData(3));
			const a = await openStore(store, {chain: 'whole'});
			const before = await everything(store);
			const removed = await a.apply(d => ({...d, chain: d.chain.slice(0, -1)})).catch((e: unknown) => e);
			expect((removed as StoreError).message).toMatch(/alter or remove signed entries/);
			const altered = await a
				.apply(d => ({...d, chain: d.chain.map((e, i) => (i === 1 ? ({...e, signedAt: '2020-01-01T00:00:00.000Z'} as typeof e) : e))}))
				.catch((e: unknown) => e);
			expect((altered as StoreError).message).toMatch(/alter or remove signed entries/);
			expect(await everything(store)).toEqual(before);
		});

		it('two users adding an absence at once: both are saved, under different ids', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const [o1, o2] = free(data) as [string, string];
			const a = await openStore(store);
			const b = await openStore(store);
			await b.apply(absenceFor(o1, '2029-01-04'));
			const r = await a.apply(absenceFor(o2, '2029-01-05'));
			expect(r.merged).toBe(true);
			const after = await everything(store);
			expect(after.absences.slice(data.absences.length).map(x => x.officerId)).toEqual([o1, o2]);
			expect(new Set(after.absences.map(x => x.id)).size).toBe(after.absences.length);
		});

		it('a change that fixed the drawn id outside itself would overwrite theirs: still a conflict, nothing written', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const [o1, o2] = free(data) as [string, string];
			const a = await openStore(store);
			const b = await openStore(store);
			// The id is taken from A's snapshot once, so re-running the change on B's data reuses it.
			const {id} = addAbsence(a.snapshot(), absenceInput(data, o1, '2029-01-04'));
			await b.apply(absenceFor(o2, '2029-01-05'));
			const theirs = await everything(store);
			const fixed = (d: StoreData) => ({...d, absences: [...d.absences, {id, ...absenceInput(d, o1, '2029-01-04')}]});
			const err = await a.apply(fixed).catch((e: unknown) => e);
			expect((err as StoreError).code).toBe('conflict');
			expect(await everything(store)).toEqual(theirs);
		});

		it('refuses a change with a bad new record at its path, and saves nothing', async () => {
			const store = await kind.make(smallData(8));
			const a = await openStore(store);
			const before = a.snapshot();
			await expect(
				a.apply(d => ({...d, cases: d.cases.map((c, i) => (i === 1 ? ({...c, status: 'lost'} as unknown as Case) : c))})),
			).rejects.toThrow(/cases\/1\/status/);
			expect(a.snapshot()).toBe(before);
			expect((await openStore(store)).snapshot().revision).toBe(before.revision);
		});

		it('a bug in the change itself is rethrown as itself (not reported as the store failing), and nothing is written', async () => {
			const store = await kind.make(smallData(2));
			const before = await everything(store);
			const a = await openStore(store);
			await expect(
				a.apply(() => {
					throw new TypeError('bug in a change');
				}),
			).rejects.toThrow(TypeError);
			expect(await everything(store)).toEqual(before);
			// Nothing is held either (the lock file, the team's row): the next change goes through.
			await expect(a.apply(setRisk(before.cases[0]!.ref, other(before.cases[0]!.risk)))).resolves.toMatchObject({
				revision: before.revision + 1,
			});
		});
	});
}
