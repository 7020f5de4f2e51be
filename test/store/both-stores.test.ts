/**
 * One suite, two stores (README "PostgreSQL"): the store-level behaviours every caller relies on, run
 * against the JSON file store and the PostgreSQL store through the one entry point (`openStore`,
 * `readStoreFile`, the welfare functions, `verify`): opening, applying, revisions, merging others'
 * changes without a false conflict, clashes refused, the chain appended and verified with the same head,
 * signed entries never altered, read-only refusals, changes noticed and reloaded, welfare notes.
 */
import path from 'node:path';
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import verify from '../../source/commands/verify.js';
import {chainWorkingSet} from '../../source/domain/chain-working-set.js';
import type {StoreData} from '../../source/domain/model.js';
import {chainHead, formatHead, makeEntry} from '../../source/store/chain.js';
import {StoreError} from '../../source/store/errors.js';
import {
	appendWelfareNote,
	changeWelfareDrafts,
	openStore,
	openWelfareDrafts,
	readStoreFile,
	readWelfare,
	readWelfareDrafts,
	welfarePathFor,
	type OutsideChange,
	type PendingWelfareNote,
} from '../../source/store/index.js';
import type {WelfareNote} from '../../source/store/welfare-file.js';
import {tempDir} from '../helpers/cli.js';
import {storeKinds} from '../helpers/store-kinds.js';
import {smallData} from './small-store.js';

const TODAY = '2026-11-30';
const NOTE: WelfareNote = {id: 'wn-test-1', officerId: 'o0002', date: '2026-11-30', by: 'o0001', text: 'A note the suite files.'};

/** One more chain entry (an amendment of the last entry), as signing makes. */
const sign =
	(reason: string) =>
	(d: StoreData): StoreData => {
		const last = d.chain.at(-1)!;
		const data = {amends: last.seq, date: TODAY, by: d.team.sergeantId, reason, corrections: {summary: reason}};
		return {...d, chain: [...d.chain, makeEntry(d.chain, 'amendment', data, '2026-11-30T10:00:00.000Z')]};
	};
const setRisk =
	(ref: string, risk: 'high' | 'low') =>
	(d: StoreData): StoreData => ({
		...d,
		cases: d.cases.map(c =>
			c.ref === ref
				? {...c, risk, riskHistory: [...c.riskHistory, {risk, from: TODAY, by: d.team.sergeantId, reason: 'test', reviewSeq: null}]}
				: c,
		),
	});
const rename =
	(id: string, name: string) =>
	(d: StoreData): StoreData => ({...d, officers: d.officers.map(o => (o.id === id ? {...o, name} : o))});

async function runVerify(store: string): Promise<{code: number; out: string}> {
	let out = '';
	const stream = {write: (s: string) => ((out += s), true), once: () => undefined} as unknown as NodeJS.WriteStream;
	const ctx = {storePath: store, today: TODAY, stdout: stream, stderr: stream} as never;
	return {code: await verify.run(ctx, [], {}), out};
}

const KINDS = storeKinds('both');
for (const kind of KINDS) {
	describe.skipIf(kind.skip)(kind.name, () => {
		beforeAll(() => kind.setup(), 120_000);
		afterAll(() => kind.teardown());

		it('opens with the data it was given, and a read gives the same', async () => {
			const data = smallData(4);
			const store = await kind.make(data);
			const opened = await openStore(store, {surface: 'command'});
			const snap = opened.snapshot();
			expect(snap.cases).toEqual(data.cases);
			expect(snap.officers).toEqual(data.officers);
			expect(snap.chain).toEqual(data.chain);
			expect(snap.revision).toBe(data.revision);
			const read = await readStoreFile(store, {chain: 'whole'});
			expect(read.data.chain).toEqual(data.chain);
			expect(read.data.cases.map(c => c.ref)).toEqual(data.cases.map(c => c.ref));
			expect(opened.readOnly).toBe(false);
		});

		it('applies a change as the next revision, seen by a fresh open', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command'});
			const ref = data.cases[0]!.ref;
			const r = await a.apply(setRisk(ref, data.cases[0]!.risk === 'high' ? 'low' : 'high'));
			expect(r).toMatchObject({merged: false, revision: data.revision + 1});
			const again = await openStore(store, {surface: 'command'});
			expect(again.snapshot().revision).toBe(data.revision + 1);
			expect(again.snapshot().cases[0]).toEqual(a.snapshot().cases[0]);
		});

		it("merges another user's change to a different record (no false conflict) and reports it", async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command'});
			const b = await openStore(store, {surface: 'command'});
			const ref = data.cases[1]!.ref;
			await a.apply(setRisk(ref, data.cases[1]!.risk === 'high' ? 'low' : 'high'));
			expect(await b.changedOnDisk()).toBe(true);
			const r = await b.apply(rename(data.officers[0]!.id, 'Renamed By B'));
			expect(r.merged).toBe(true);
			expect(r.othersChanged?.join(' ')).toContain(ref);
			const after = (await readStoreFile(store)).data;
			expect(after.revision).toBe(data.revision + 2);
			expect(after.officers[0]!.name).toBe('Renamed By B');
			expect(after.cases[1]!.risk).toBe(a.snapshot().cases[1]!.risk);
		});

		it('refuses a clash (both set the same field) with a conflict, saving nothing', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command'});
			const b = await openStore(store, {surface: 'command'});
			const id = data.officers[1]!.id;
			await a.apply(rename(id, 'Name From A'));
			const err = await b.apply(rename(id, 'Name From B')).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(StoreError);
			expect((err as StoreError).code).toBe('conflict');
			const after = (await readStoreFile(store)).data;
			expect(after.officers[1]!.name).toBe('Name From A');
			expect(after.revision).toBe(data.revision + 1);
			expect(b.snapshot().revision).toBe(data.revision);
		});

		it('appends chain entries that verify, with the same head as the data the store was given plus them', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const before = await runVerify(store);
			expect(before.code).toBe(0);
			expect(before.out).toContain(`head ${formatHead(chainHead(data.chain))}`);
			const a = await openStore(store, {surface: 'command', chain: 'state'});
			await a.apply(sign('first'));
			await a.apply(sign('second'));
			const expected = sign('second')(sign('first')(data));
			const after = await runVerify(store);
			expect(after.code).toBe(0);
			expect(after.out).toContain(`chain of ${expected.chain.length} entries intact, head ${formatHead(chainHead(expected.chain))}`);
			expect((await readStoreFile(store, {chain: 'whole'})).data.chain).toEqual(expected.chain);
			// A store holding the working set gives the whole chain on asking.
			expect(await a.wholeChain!()).toEqual(expected.chain);
		});

		it("opened for its state, holds the chain's working set: every entry but earlier reviews of a case, in order", async () => {
			const data = smallData(6);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command', chain: 'state'});
			await a.apply(sign('after the reviews'));
			const whole = (await readStoreFile(store, {chain: 'whole'})).data.chain;
			const opened = await openStore(store, {surface: 'command', chain: 'state'});
			expect(opened.snapshot().chain).toEqual(chainWorkingSet(whole));
			expect(opened.snapshot().chain.length).toBeLessThan(whole.length);
			expect((await readStoreFile(store)).data.chainLog?.entries).toBe(whole.length);
		});

		it('refuses a change that alters a signed entry, and one signed against a stale head', async () => {
			const data = smallData(3);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command'});
			const altered = await a
				.apply(d => ({...d, chain: d.chain.map((e, i) => (i === 0 ? {...e, signedAt: '2020-01-01T00:00:00.000Z'} : e))}))
				.catch((e: unknown) => e);
			expect((altered as StoreError).code).toBe('invalid');
			const b = await openStore(store, {surface: 'command'});
			await a.apply(sign('by a'));
			// b signs against the chain it read: the entry no longer links to the head.
			const entry = sign('by b')(b.snapshot()).chain.at(-1)!;
			const err = await b.apply(d => ({...d, chain: [...d.chain, entry]})).catch((e: unknown) => e);
			expect((err as StoreError).code).toBe('conflict');
			expect((await runVerify(store)).code).toBe(0);
			expect((await readStoreFile(store, {chain: 'whole'})).data.chain).toHaveLength(data.chain.length + 1);
		});

		it('opened read-only, refuses every change and says why', async () => {
			const store = await kind.make(smallData(2));
			const ro = await openStore(store, {readOnly: true});
			expect(ro.readOnly).toBe(true);
			expect(ro.readOnlyReason).toContain('read-only');
			const err = await ro.apply(d => d).catch((e: unknown) => e);
			expect((err as StoreError).code).toBe('read-only');
		});

		it("notices another user's save and reloads it", async () => {
			const data = smallData(2);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command'});
			const b = await openStore(store, {surface: 'command'});
			expect(await b.changedOnDisk()).toBe(false);
			await a.apply(rename(data.officers[0]!.id, 'Seen By B'));
			expect(await b.changedOnDisk()).toBe(true);
			const reloaded = await b.reload();
			expect(reloaded.officers[0]!.name).toBe('Seen By B');
			expect(await b.changedOnDisk()).toBe(false);
		});

		it('files welfare notes beside the store and reads them back; a retried filing adds nothing', async () => {
			const store = await kind.make(smallData(2), [NOTE]);
			const welfare = welfarePathFor(store);
			expect((await readWelfare(welfare)).notes).toEqual([NOTE]);
			const second = {...NOTE, id: 'wn-test-2', text: 'Another note.'};
			await appendWelfareNote(welfare, second);
			await appendWelfareNote(welfare, second);
			expect((await readWelfare(welfare)).notes).toEqual([NOTE, second]);
		});

		it.runIf(kind.announces)(
			"hears another user's committed change at once (LISTEN/NOTIFY): who and what; never its own, never a rolled-back one",
			async () => {
				const data = smallData(2);
				const store = await kind.make(data);
				const desk = await openStore(store);
				const other = await openStore(store, {surface: 'command'});
				const heard: OutsideChange[] = [];
				const stop = desk.onChange!(c => heard.push(c));
				// Listening before anyone writes: the server shows the desk's LISTEN.
				for (
					let i = 0;
					i < 200 &&
					kind.pg!().cluster.psql('both', "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN fortnight'").stdout.trim() === '0';
					i++
				) {
					await new Promise(r => setTimeout(r, 25));
				}
				await desk.apply(rename(data.officers[0]!.id, 'Own Change'));
				await other.apply(rename(data.officers[1]!.id, 'Their Change')).catch(() => {});
				await other
					.apply(() => {
						throw new StoreError('invalid', 'refused before anything is written');
					})
					.catch(() => {});
				for (let i = 0; i < 200 && heard.length === 0; i++) await new Promise(r => setTimeout(r, 25));
				stop();
				expect(heard).toEqual([
					{officerId: null, role: 'postgres', what: [`officer ${data.officers[1]!.id}`], revision: data.revision + 2},
				]);
				expect(await desk.changedOnDisk()).toBe(true);
			},
		);

		it.runIf(kind.announces)(
			'after the server restarts, the next read and write work: dropped pooled connections are replaced',
			async () => {
				const data = smallData(2);
				const store = await kind.make(data);
				const a = await openStore(store, {surface: 'command'});
				await readStoreFile(store);
				kind.pg!().cluster.crashAndRestart();
				expect((await readStoreFile(store)).data.revision).toBe(data.revision);
				kind.pg!().cluster.crashAndRestart();
				await expect(a.apply(rename(data.officers[0]!.id, 'After The Restart'))).resolves.toMatchObject({revision: data.revision + 1});
				expect((await readStoreFile(store)).data.officers[0]!.name).toBe('After The Restart');
			},
		);

		it.runIf(kind.announces)(
			'a change whose connection is cut while its one statement runs is made once: asked under the lock, then made the long way',
			async () => {
				const data = smallData(2);
				const store = await kind.make(data);
				const team = decodeURIComponent(/[?&]team=([^&]+)/.exec(store)![1]!);
				const a = await openStore(store, {surface: 'command'});
				const cluster = kind.pg!().cluster;
				// Another session holds the team's row, so the change's statement waits on it; then its backend is ended.
				const blocker = new pg.Client({connectionString: kind.pg!().url});
				await blocker.connect();
				await blocker.query('BEGIN');
				await blocker.query('SELECT 1 FROM fortnight_teams WHERE team_id = $1 FOR UPDATE', [team]);
				const applying = a.apply(rename(data.officers[0]!.id, 'Made Once'));
				let cut = '';
				for (let i = 0; i < 400 && cut !== 't'; i++) {
					await new Promise(r => setTimeout(r, 25));
					cut = cluster
						.psql(
							'both',
							"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%fortnight_write_change(%' AND state = 'active' AND pid <> pg_backend_pid()",
						)
						.stdout.trim();
				}
				expect(cut).toBe('t');
				await new Promise(r => setTimeout(r, 200));
				await blocker.query('COMMIT');
				await blocker.end();
				await expect(applying).resolves.toMatchObject({revision: data.revision + 1});
				const after = (await readStoreFile(store)).data;
				expect(after.revision).toBe(data.revision + 1);
				expect(after.officers[0]!.name).toBe('Made Once');
				expect(cluster.psql('both', `SELECT count(*) FROM fortnight_changes WHERE team_id = '${team}'`).stdout.trim()).toBe('1');
			},
		);

		it.runIf(kind.announces)(
			"an open desk's live feed reconnects by itself after a server restart and hears later changes, and one made while it was down",
			async () => {
				const data = smallData(2);
				const store = await kind.make(data);
				const desk = await openStore(store);
				const other = await openStore(store, {surface: 'command'});
				const heard: OutsideChange[] = [];
				const stop = desk.onChange!(c => heard.push(c));
				const listening = async () => {
					for (let i = 0; i < 400; i++) {
						const n = kind.pg!()
							.cluster.psql('both', "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN fortnight'")
							.stdout.trim();
						if (n !== '0') return;
						await new Promise(r => setTimeout(r, 25));
					}
					throw new Error('the desk never listened');
				};
				const hears = async (revision: number) => {
					for (let i = 0; i < 400 && !heard.some(c => c.revision === revision); i++) await new Promise(r => setTimeout(r, 25));
					expect(heard.map(c => c.revision)).toContain(revision);
				};
				try {
					await listening();
					// Restarted with the desk open; a change made at once (the feed may not be back yet) still reaches it.
					kind.pg!().cluster.crashAndRestart();
					await other.apply(rename(data.officers[0]!.id, 'While Reconnecting'));
					await hears(data.revision + 1);
					// Once it listens again, a later change arrives as a notification.
					await listening();
					await other.apply(rename(data.officers[1]!.id, 'After Reconnecting'));
					await hears(data.revision + 2);
					expect(heard.find(c => c.revision === data.revision + 2)?.what).toEqual([`officer ${data.officers[1]!.id}`]);
					expect(heard.filter(c => c.revision === data.revision + 1)).toHaveLength(1);
				} finally {
					stop();
				}
			},
		);

		it('keeps the notes typed in an unsigned review, and drops each once it is filed', async () => {
			const data = smallData(2);
			const store = await kind.make(data);
			const pending = {
				caseRef: data.cases[0]!.ref,
				by: 'o0001',
				officerId: 'o0002',
				date: TODAY,
				text: 'Typed, not yet signed.',
				updatedAt: '2026-11-30T10:00:00.000Z',
			};
			await changeWelfareDrafts(store, notes => [...notes, pending]);
			expect(await readWelfareDrafts(store)).toEqual([pending]);
			const filedAs = (p: PendingWelfareNote, n: WelfareNote) => p.text === n.text && p.officerId === n.officerId;
			const before = await openWelfareDrafts(store, filedAs);
			expect(before).toMatchObject({ok: true, pending: [pending]});
			await appendWelfareNote(welfarePathFor(store), {id: 'wn-filed', officerId: 'o0002', date: TODAY, by: 'o0001', text: pending.text});
			expect(await openWelfareDrafts(store, filedAs)).toMatchObject({ok: true, pending: []});
			expect(await readWelfareDrafts(store)).toEqual([]);
		});

		it('saves a copy as a JSON file that verifies with the same head', async () => {
			const data = smallData(2);
			const store = await kind.make(data);
			const a = await openStore(store, {surface: 'command', chain: 'state'});
			await a.apply(sign('before the copy'));
			const copy = path.join(tempDir('fortnight-both-copy-'), 'copy.json');
			await a.saveCopy(copy);
			const there = await runVerify(copy);
			expect(there.code).toBe(0);
			const head = formatHead(chainHead(sign('before the copy')(data).chain));
			expect(there.out).toContain(`head ${head}`);
		});
	});
}
