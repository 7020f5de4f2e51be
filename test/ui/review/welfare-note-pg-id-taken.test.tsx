/**
 * REVIEW-9 N3 at the desk: a welfare note whose id another login filed first, through psql, is refused by the
 * database (migration 022), so the review signed with it says plainly that the note was not filed and why,
 * keeps it waiting in the database's pending notes with the kind of failure, and files it with its review once
 * the database's owner has seen to the note holding the id. Before 022 the filing added nothing, silently, and
 * the note was dropped from pending as "filed" or kept "still not filed" for good. The demo team: o0001 DI
 * Okafor (inspector), o0002 DS Brennan (sergeant, reviewing); the case is DC Iqbal's (o0004). The note text is
 * an obviously synthetic marker, never to appear in any message.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {reviewContext} from '../../../source/domain/review/index.js';
import {openStore, readWelfare, readWelfareDrafts, welfarePathFor} from '../../../source/store/index.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';
import {runCli} from '../../helpers/cli.js';
import {demoTeamsOnCluster, postgresSkipReason, psqlRows, skipPostgres} from '../../helpers/postgres.js';
import {renderReview} from '../../helpers/review-screen.js';
import {signReview, toWelfareNote} from '../../helpers/review-welfare-steps.js';
import {frame, press, ready, until} from './ink-keys.js';

const DB = 'noteidtaken';
const T = 'team-a';
const REF = 'CR/32829/26';
const OIC = 'o0004';
const SERGEANT = 'o0002';
const MARKER = 'SYNTHETIC-TAKEN-ID-NOTE-8301';
/** How many review note ids the inspector's login takes ahead (the review is the next entry; a few spare). */
const AHEAD = 3;

afterEach(() => cleanup());

describe.skipIf(skipPostgres)(`a review's welfare note whose id was taken first on PostgreSQL${postgresSkipReason}`, () => {
	const pg = demoTeamsOnCluster(
		DB,
		[T],
		[
			['sgt_a', T, SERGEANT],
			['di_a', T, 'o0001'],
		],
	);
	const url = (role: string) => `${pg.cluster.url(DB, role)}&team=${T}`;
	const owner = (sql: string) => psqlRows(pg.cluster, DB, 'postgres', sql);
	const mount = async (at: string) => {
		const store = await openStore(url('sgt_a'));
		return {
			store,
			app: renderReview({
				data: store.snapshot(),
				store,
				caseRef: REF,
				today: pg.today,
				actor: SERGEANT_ACTOR,
				width: 100,
				rows: 60,
				saveDelayMs: 20,
				now: () => new Date(`${pg.today}T${at}.000Z`),
			}),
		};
	};

	it('says it was not filed, naming the id and never the note; keeps it waiting; files it once the id is seen to', async () => {
		// The inspector's login files notes of her own under the ids the sergeant's next reviews will take.
		const next = Number(owner(`SELECT max(seq) + 1 FROM fortnight_chain WHERE team_id = '${T}'`));
		for (let seq = next; seq < next + AHEAD; seq++) {
			psqlRows(
				pg.cluster,
				DB,
				'di_a',
				`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ('${T}', 'wn-r${seq}', '${OIC}', '${pg.today}', 'o0001', 'SYNTHETIC-SQUAT')`,
			);
		}
		const {store, app} = await mount('10:00:00');
		let seq = 0;
		try {
			await toWelfareNote(app, reviewContext(store.snapshot(), REF, pg.today));
			await press(app, MARKER);
			await signReview(app);
			await until(app, /Signed: review of CR\/32829\/26 is entry \d+/, 30_000);
			const f = (await until(app, 'could not be moved', 30_000)).replace(/\s+/g, ' ');
			seq = Number(/is entry (\d+)/.exec(f)![1]);
			expect(seq).toBeLessThan(next + AHEAD);
			expect(f).toContain(`did not file welfare note wn-r${seq}: the team already holds another note under wn-r${seq}`);
			expect(f).toContain('trying again files nothing');
			expect(f).toContain(
				"it is kept in the database's pending welfare notes (seen only by you) and waits, never deleted; it is filed with this review the next time you open or sign a review of this case once the database's owner has seen to the note that holds its id",
			);
			expect(f).not.toContain(MARKER);
			expect(f).not.toContain('SYNTHETIC-SQUAT');
		} finally {
			app.unmount();
		}
		// Waiting, marked as its review's, with why (a kind only).
		const waiting = await readWelfareDrafts(url('sgt_a'));
		expect(waiting.map(n => [n.caseRef, n.text, n.forReview?.id, n.lastError?.kind])).toEqual([[REF, MARKER, `wn-r${seq}`, 'id-taken']]);
		expect((await readWelfare(welfarePathFor(url('sgt_a')))).notes.some(n => n.text === MARKER)).toBe(false);

		// `fortnight welfare pending` says so too, without the words.
		const listed = runCli(['welfare', 'pending', '--store', url('sgt_a'), '--today', pg.today]);
		expect(listed.code, listed.stderr).toBe(0);
		const said = listed.stdout.replace(/\s+/g, ' ');
		expect(said).toContain('another note already held its id, so the database did not file it');
		expect(said).toContain(`Trying again files nothing while another note holds wn-r${seq}: it stays waiting, never deleted.`);
		expect(said).not.toContain(MARKER);

		// The owner removes the note that took the id; the sergeant's next review of the case files his note, as its review's.
		owner(`DELETE FROM fortnight_welfare_notes WHERE team_id = '${T}' AND id = 'wn-r${seq}'`);
		const again = await mount('11:00:00');
		try {
			await ready(again.app);
			await until(again.app, 'it is filed now, with that review', 30_000);
			expect(frame(again.app)).not.toContain(MARKER);
		} finally {
			again.app.unmount();
		}
		const filed = (await readWelfare(welfarePathFor(url('sgt_a')))).notes.filter(n => n.text === MARKER);
		expect(filed.map(n => [n.id, n.officerId, n.by, n.date])).toEqual([[`wn-r${seq}`, OIC, SERGEANT, pg.today]]);
		expect(await readWelfareDrafts(url('sgt_a'))).toEqual([]);
	}, 180_000);
});
