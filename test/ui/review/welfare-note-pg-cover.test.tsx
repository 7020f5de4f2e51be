/**
 * A cover's private welfare note, typed in the guided review on PostgreSQL as the cover's own login, is
 * filed at signing as it is in the file store (README "Welfare notes", "PostgreSQL"; QA: it was refused by
 * the database's read rule and left pending, unseen by the line manager, with a message naming a URL with
 * ".welfare-drafts.json" appended). The demo team: o0002 DS Brennan (sergeant, away, covered by) o0006
 * DC Marsh; the case is DC Iqbal's (o0004). The note text is an obviously synthetic marker.
 */
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {addDays} from '../../../source/domain/dates.js';
import {reviewContext} from '../../../source/domain/review/index.js';
import {closePools} from '../../../source/store/pg-connect.js';
import {openStore, readWelfare, readWelfareDrafts, welfarePathFor} from '../../../source/store/index.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import {actorAs} from '../../helpers/actor.js';
import {runCli} from '../../helpers/cli.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster, demoTeamsDatabase, psqlRows} from '../../helpers/postgres.js';
import {renderReview} from '../../helpers/review-screen.js';
import {signReview, toWelfareNote} from '../../helpers/review-welfare-steps.js';
import {frame, press, until} from './ink-keys.js';

const DB = 'covernote';
const T = 'team-a';
const REF = 'CR/32829/26';
const COVER = 'o0006';
const OIC = 'o0004';
const MARKER = 'SYNTHETIC-COVER-NOTE-MARKER-6619';

afterEach(() => cleanup());

describe.skipIf(skipPostgres)(`a cover's welfare note on PostgreSQL${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	const url = (role: string) => `${cluster.url(DB, role)}&team=${T}`;

	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(
			cluster,
			DB,
			[T],
			[
				['sgt_c', T, 'o0002'],
				['dc_marsh', T, COVER],
				['dc_iqbal', T, OIC],
			],
		);
		const r = runCli(
			['absence', 'add', 'Brennan', '--from', today, '--to', addDays(today, 2), '--reason', 'training', '--cover', 'Marsh'],
			{
				env: {FORTNIGHT_STORE: url('sgt_c'), FORTNIGHT_TODAY: today},
			},
		);
		expect(r.code, r.stderr).toBe(0);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('is filed at signing: the cover and the line manager read it, a peer does not, nothing is left pending', async () => {
		const store = await openStore(url('dc_marsh'));
		const app = renderReview({
			data: store.snapshot(),
			store,
			caseRef: REF,
			today,
			actor: actorAs(COVER),
			width: 100,
			rows: 60,
			saveDelayMs: 20,
			now: () => new Date(`${today}T10:00:00.000Z`),
		});
		await toWelfareNote(app, reviewContext(store.snapshot(), REF, today));
		await press(app, MARKER);
		await signReview(app);
		await until(app, /Signed: review of CR\/32829\/26 is entry \d+/, 30_000);
		// Filing follows the signature: wait until the note is in the table, then no message about it.
		for (let i = 0; i < 200; i++) {
			if ((await readWelfare(welfarePathFor(url('sgt_c')))).notes.some(n => n.text === MARKER)) break;
			await new Promise(r => setTimeout(r, 50));
		}
		app.unmount();
		const f = frame(app).replace(/\s+/g, ' ');
		expect(f).not.toContain('could not be moved');
		expect(f).not.toContain('welfare-drafts.json');
		const bySergeant = (await readWelfare(welfarePathFor(url('sgt_c')))).notes.filter(n => n.text === MARKER);
		expect(bySergeant.map(n => [n.officerId, n.by, n.date])).toEqual([[OIC, COVER, today]]);
		expect((await readWelfare(welfarePathFor(url('dc_marsh')))).notes.some(n => n.text === MARKER)).toBe(true);
		// The peer (the officer it is about) sees no note at all; nothing waits in the pending table.
		expect(psqlRows(cluster, DB, 'dc_iqbal', 'SELECT count(*) FROM fortnight_welfare_notes')).toBe('0');
		expect(await readWelfareDrafts(url('dc_marsh'))).toEqual([]);
		expect(psqlRows(cluster, DB, 'postgres', 'SELECT count(*) FROM fortnight_welfare_pending')).toBe('0');
	}, 120_000);

	it('when filing fails after the signature: says the note waits in the database’s pending notes, seen only by her, promising nothing it cannot keep', async () => {
		const ref = 'CR/43577/26';
		const marker = `${MARKER}-KEPT`;
		const store = await openStore(url('dc_marsh'));
		const app = renderReview({
			data: store.snapshot(),
			store,
			caseRef: ref,
			today,
			actor: actorAs(COVER),
			width: 100,
			rows: 60,
			saveDelayMs: 20,
			now: () => new Date(`${today}T10:00:00.000Z`),
		});
		await toWelfareNote(app, reviewContext(store.snapshot(), ref, today));
		await press(app, marker);
		// The database's owner withdraws filing from every officer's login between typing and signing.
		psqlRows(cluster, DB, 'postgres', 'REVOKE INSERT ON fortnight_welfare_notes FROM fortnight_officer');
		try {
			await signReview(app);
			await until(app, /Signed: review of CR\/43577\/26 is entry \d+/, 30_000);
			const f = (await until(app, 'could not be moved', 30_000)).replace(/\s+/g, ' ');
			expect(f).toContain("could not be moved to the database's welfare notes");
			expect(f).toContain(
				"it is kept in the database's pending welfare notes (seen only by you) and will be filed with this review the next time you open or sign",
			);
			expect(f).toContain(
				"while you may still review it (a cover: on the dates you cover); after that, the database's owner can file it from its pending row (fortnight_welfare_pending), as welfare note wn-r",
			);
			expect(f).not.toContain('welfare-drafts.json');
			expect(f).not.toMatch(/row-level security|policy/);
		} finally {
			psqlRows(cluster, DB, 'postgres', 'GRANT INSERT ON fortnight_welfare_notes TO fortnight_officer');
			app.unmount();
		}
		// It waits, hers alone: the sergeant sees neither it nor a filed copy.
		expect((await readWelfareDrafts(url('dc_marsh'))).map(n => [n.caseRef, n.by, n.text])).toEqual([[ref, COVER, marker]]);
		expect(psqlRows(cluster, DB, 'sgt_c', 'SELECT count(*) FROM fortnight_welfare_pending')).toBe('0');
		expect((await readWelfare(welfarePathFor(url('sgt_c')))).notes.some(n => n.text === marker)).toBe(false);
		// Marked, in the pending table, as the review just signed (README "Welfare notes"): nothing is inferred from the chain.
		const r1 = Number(/is entry (\d+)/.exec(frame(app).replace(/\s+/g, ' '))![1]);
		expect((await readWelfareDrafts(url('dc_marsh'))).map(n => n.forReview)).toEqual([{seq: r1, id: `wn-r${r1}`, date: today}]);
		// Why, as a kind only (`fortnight welfare pending`): the database refused the filing.
		expect((await readWelfareDrafts(url('dc_marsh'))).map(n => n.lastError?.kind)).toEqual(['permission']);

		// REVIEW-6 D9: her next review of the case opens while filing still fails and is signed with its own note once
		// filing works. The desk holds the case's last review only, so R1 is gone from it after R2's signature: R1's note
		// must still be filed as R1's, not deleted by R2's clean-up nor taken as R2's.
		const second = `${MARKER}-R2`;
		const next = renderReview({
			data: store.snapshot(),
			store,
			caseRef: ref,
			today,
			actor: actorAs(COVER),
			width: 100,
			rows: 60,
			saveDelayMs: 20,
			now: () => new Date(`${today}T11:00:00.000Z`),
		});
		psqlRows(cluster, DB, 'postgres', 'REVOKE INSERT ON fortnight_welfare_notes FROM fortnight_officer');
		try {
			await until(next, 'is still not filed', 30_000);
		} finally {
			psqlRows(cluster, DB, 'postgres', 'GRANT INSERT ON fortnight_welfare_notes TO fortnight_officer');
		}
		try {
			await toWelfareNote(next, reviewContext(store.snapshot(), ref, today));
			await press(next, second);
			await signReview(next);
			await until(next, 'it is filed now, with that review', 30_000);
		} finally {
			next.unmount();
		}
		const r2 = Number(/is entry (\d+)/.exec(frame(next).replace(/\s+/g, ' '))![1]);
		expect(r2).toBeGreaterThan(r1);
		const filed = (await readWelfare(welfarePathFor(url('dc_marsh')))).notes.filter(n => n.text === marker || n.text === second);
		expect(filed.map(n => [n.id, n.text, n.date])).toEqual([
			[`wn-r${r2}`, second, today],
			[`wn-r${r1}`, marker, today],
		]);
		expect(await readWelfareDrafts(url('dc_marsh'))).toEqual([]);
	}, 180_000);

	it('the desk names where a waiting note is on PostgreSQL, never a URL with ".welfare-drafts.json" appended', async () => {
		const store = await openStore(url('dc_marsh'));
		const desk = new DeskStore(store);
		expect(desk.notesFile).toBe("the database's pending welfare notes (seen only by you)");
		expect(desk.welfareFileWords).toBe("the database's welfare notes");
		expect(desk.notesFile).not.toContain('.json');
	});
});
