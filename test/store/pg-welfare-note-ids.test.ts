/**
 * Welfare note ids and order on PostgreSQL (migration 022; README "PostgreSQL", store README). From REVIEW-9's
 * proofs (test/review9/pg-lesser.test.ts "N2"/"N3", which asserted the defects), now asserting the fix:
 * - N3: a note filed first, through psql, under the id another author's next note takes (`wn-r<seq>`) made that
 *   filing add nothing (ON CONFLICT DO NOTHING) and its author could not see why. Now the later filing is
 *   refused with a StoreError naming the id (never either note's words), the very same note filed again is
 *   still a quiet retry, and someone who may not file a note learns nothing about the ids held (row-level
 *   security refuses them before any id check).
 * - N2: `ord` was one counter for the force, so a login's two filings told how many notes other teams filed
 *   between them. Now each team numbers its own notes (team_ord) and `ord` is gone.
 * The demo team: o0001 DI Rachel Okafor (inspector), o0002 DS Tom Brennan (sergeant), o0003 DC Sam Ashworth.
 */
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {StoreError} from '../../source/store/errors.js';
import {closePools} from '../../source/store/pg-connect.js';
import {migrations} from '../../source/store/pg-migrate.js';
import {appendWelfareNote, readWelfare, welfarePathFor, type WelfareNote} from '../../source/store/welfare-file.js';
import {demoTeamsDatabase, postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'noteids';
const A = 'team-a';
const B = 'team-b';
const INSPECTOR = 'o0001';
const SERGEANT = 'o0002';
const DC = 'o0003';
/** Words that must never appear in an error: each filing's own marker. */
const SQUAT = 'SYNTHETIC-SQUAT-NOTE-8201';
const HERS = 'SYNTHETIC-INSPECTOR-NOTE-8202';
const OTHER = 'SYNTHETIC-OTHER-WORDS-8203';

describe.skipIf(skipPostgres)(`PostgreSQL welfare note ids and order (REVIEW-9 N2, N3)${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	const welfare = (role: string, team = A) => welfarePathFor(`${cluster.url(DB, role)}&team=${team}`);
	const sql = (role: string, text: string) => psqlRows(cluster, DB, role, text);
	/** psql as `role`, expected to fail: its error output. */
	const refused = (role: string, text: string) => {
		const r = cluster.psql(DB, text, role);
		expect(r.status, r.stdout).not.toBe(0);
		return r.stderr;
	};
	const insert = (n: WelfareNote, team = A, conflict = '') =>
		`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ('${team}', '${n.id}', '${n.officerId}', '${n.date}', '${n.by}', '${n.text}')${conflict}`;
	const note = (id: string, by: string, text: string, officerId = DC): WelfareNote => ({id, officerId, date: today, by, text});
	/** What filing `n` as `role` threw (undefined when it did not). */
	async function fileError(role: string, n: WelfareNote): Promise<StoreError | undefined> {
		try {
			await appendWelfareNote(welfare(role), n);
			return undefined;
		} catch (err) {
			if (err instanceof StoreError) return err;
			throw err;
		}
	}

	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(
			cluster,
			DB,
			[A, B],
			[
				['sgt_a', A, SERGEANT],
				['di_a', A, INSPECTOR],
				['sgt_b', B, SERGEANT],
			],
		);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("N3: a note taken ahead under the inspector's next id makes her filing a refusal naming the id, not silence", async () => {
		// The sergeant's login takes wn-r606 (the id of the inspector's next review note) with a note of his own.
		sql('sgt_a', insert(note('wn-r606', SERGEANT, SQUAT)));
		const err = await fileError('di_a', note('wn-r606', INSPECTOR, HERS));
		expect(err?.code).toBe('id-taken');
		expect(err?.message).toContain('did not file welfare note wn-r606');
		expect(err?.message).toContain('another note under wn-r606');
		expect(err?.message).not.toContain(HERS);
		expect(err?.message).not.toContain(SQUAT);
		// Nothing of hers was added; the note held under the id is the sergeant's, as it was.
		expect(
			sql('postgres', `SELECT string_agg(by || ':' || text, ',') FROM fortnight_welfare_notes WHERE team_id = '${A}' AND id = 'wn-r606'`),
		).toBe(`${SERGEANT}:${SQUAT}`);
		// An older fortnight's ON CONFLICT DO NOTHING is refused too, not silently skipped; the server names the id only.
		const said = refused('di_a', insert(note('wn-r606', INSPECTOR, HERS), A, ' ON CONFLICT (team_id, id) DO NOTHING'));
		expect(said).toContain('welfare note wn-r606 was not filed');
		expect(said).not.toContain(HERS);
		expect(said).not.toContain(SQUAT);
	});

	it('the very same note filed again is a quiet retry; other words under the same id are refused', async () => {
		const mine = note('wn-r607', INSPECTOR, HERS);
		expect(await fileError('di_a', mine)).toBeUndefined();
		expect(await fileError('di_a', mine)).toBeUndefined();
		expect((await readWelfare(welfare('di_a'))).notes.filter(n => n.id === 'wn-r607')).toEqual([mine]);
		const changed = await fileError('di_a', {...mine, text: OTHER});
		expect(changed?.code).toBe('id-taken');
		expect(changed?.message).not.toContain(OTHER);
		expect(changed?.message).not.toContain(HERS);
		// About another officer under the same id: refused as well.
		expect((await fileError('di_a', {...mine, officerId: 'o0004'}))?.code).toBe('id-taken');
		expect(sql('postgres', `SELECT count(*) FROM fortnight_welfare_notes WHERE team_id = '${A}' AND id = 'wn-r607'`)).toBe('1');
		// The database's owner (who reads every note: a store copied in again) gets the same answers.
		const asOwner = welfarePathFor(`${cluster.url(DB)}&team=${A}`);
		await appendWelfareNote(asOwner, mine);
		await expect(appendWelfareNote(asOwner, {...mine, text: OTHER})).rejects.toMatchObject({code: 'id-taken'});
		expect(sql('postgres', `SELECT count(*) FROM fortnight_welfare_notes WHERE team_id = '${A}' AND id = 'wn-r607'`)).toBe('1');
	});

	it('two filings of one id at once: the same note is filed once; another under it is refused, never lost quietly', async () => {
		const same = note('wn-r700', INSPECTOR, HERS);
		const both = await Promise.allSettled([appendWelfareNote(welfare('di_a'), same), appendWelfareNote(welfare('di_a'), same)]);
		expect(both.map(r => r.status)).toEqual(['fulfilled', 'fulfilled']);
		const two = await Promise.allSettled([
			appendWelfareNote(welfare('di_a'), note('wn-r701', INSPECTOR, HERS)),
			appendWelfareNote(welfare('di_a'), note('wn-r701', INSPECTOR, OTHER)),
		]);
		expect(two.map(r => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect((two.find(r => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({code: 'id-taken'});
		expect(
			sql(
				'postgres',
				`SELECT id || ':' || count(*) FROM fortnight_welfare_notes WHERE id IN ('wn-r700', 'wn-r701') GROUP BY id ORDER BY id`,
			),
		).toBe('wn-r700:1\nwn-r701:1');
	});

	it('a login that may not file a note learns nothing of the ids held: row-level security refuses it first', () => {
		// The inspector's own note, word for word, in her name from the sergeant's login: no quiet skip (that would
		// confirm her words), no "already holds" (that would tell the id is taken): the filing rule's refusal.
		for (const text of [HERS, OTHER]) {
			const said = refused('sgt_a', insert(note('wn-r607', INSPECTOR, text)));
			expect(said).toContain('row-level security');
			expect(said).not.toContain('already holds');
		}
		// Another team's login, under an id team A holds: its own team's note is filed (ids are per team)...
		sql('sgt_b', insert(note('wn-r606', SERGEANT, OTHER), B));
		// ...and team A's ids are not its to ask about.
		const said = refused('sgt_b', insert(note('wn-r606', SERGEANT, OTHER)));
		expect(said).toContain('row-level security');
		expect(said).not.toContain('already holds');
	});

	it("while a filer of team A holds its notes' lock, another team's login is refused at once, not queued behind it", async () => {
		const filer = new pg.Client({connectionString: cluster.url(DB, 'di_a')});
		await filer.connect();
		try {
			await filer.query('BEGIN');
			await filer.query(insert(note('wn-r800', INSPECTOR, HERS)));
			const said = refused('sgt_b', `SET statement_timeout = '3s'; ${insert(note('wn-r801', SERGEANT, OTHER))}`);
			expect(said).toContain('row-level security');
			// The sergeant of team A, who may file, does queue behind it (one filer per team at a time).
			expect(refused('sgt_a', `SET lock_timeout = '500ms'; ${insert(note('wn-r802', SERGEANT, OTHER))}`)).toContain('lock timeout');
		} finally {
			await filer.query('ROLLBACK').catch(() => {});
			await filer.end();
		}
	});

	it('N2: a team numbers its own notes; no login reads a force-wide counter', async () => {
		const first = note('wn-z1', SERGEANT, 'SYNTHETIC-ORDER-1');
		await appendWelfareNote(welfare('sgt_a'), first);
		// Another team files three between the sergeant's two.
		for (const id of ['wn-b1', 'wn-b2', 'wn-b3']) await appendWelfareNote(welfare('sgt_b', B), note(id, SERGEANT, 'SYNTHETIC-OTHER-TEAM'));
		const second = {...note('wn-a2', SERGEANT, 'SYNTHETIC-ORDER-2'), date: '2020-01-01'};
		await appendWelfareNote(welfare('sgt_a'), second);
		const orders = sql(
			'sgt_a',
			`SELECT string_agg(team_ord::text, ',' ORDER BY team_ord) FROM fortnight_welfare_notes WHERE id IN ('wn-z1', 'wn-a2')`,
		);
		const [one, two] = orders.split(',').map(Number);
		expect(two! - one!).toBe(1);
		expect(refused('sgt_a', 'SELECT ord FROM fortnight_welfare_notes')).toContain('column "ord" does not exist');
		// A writer's own team_ord is not taken.
		sql(
			'sgt_a',
			`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text, team_ord) VALUES ('${A}', 'wn-x', '${DC}', '${today}', '${SERGEANT}', 'SYNTHETIC-ORDER-3', 1)`,
		);
		expect(sql('sgt_a', `SELECT team_ord FROM fortnight_welfare_notes WHERE id = 'wn-x'`)).toBe(String(two! + 1));
		// Read back in filing order (not by id or date), as the file store keeps them.
		const ids = (await readWelfare(welfare('sgt_a'))).notes.map(n => n.id);
		expect(ids.slice(-3)).toEqual(['wn-z1', 'wn-a2', 'wn-x']);
		expect((await readWelfare(welfare('sgt_b', B))).notes.map(n => n.id)).toEqual(['wn-r606', 'wn-b1', 'wn-b2', 'wn-b3']);
	});

	it("022 on a database with notes keeps each team's filing order and drops the force-wide counter", () => {
		const db = 'noteids021';
		cluster.createDatabase(db);
		const owner = (text: string) => psqlRows(cluster, db, 'postgres', text);
		// As pg-migrate.ts migrate applies them, stopping at `to`.
		owner(
			'CREATE TABLE fortnight_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
		);
		const upTo = (from: number, to: number) => {
			for (const m of migrations().filter(m => m.version >= from && m.version <= to)) {
				const r = cluster.psql(db, m.sql, 'postgres');
				expect(r.status, r.stderr).toBe(0);
				owner(`INSERT INTO fortnight_migrations (version, name) VALUES (${m.version}, '${m.name}')`);
			}
		};
		upTo(1, 21);
		for (const t of ['t1', 't2'])
			owner(
				`INSERT INTO fortnight_teams (team_id, schema_version, revision, updated_at, sergeant_id, team, settings) VALUES ('${t}', 1, 1, 'x', '${SERGEANT}', '{}', '{}')`,
			);
		// Filed in this order across both teams, ids and dates in neither order.
		const filed: [string, string, string][] = [
			['t1', 'wn-c', '2026-01-03'],
			['t2', 'wn-q', '2026-01-01'],
			['t1', 'wn-a', '2026-01-01'],
			['t2', 'wn-p', '2026-01-09'],
			['t1', 'wn-b', '2026-01-02'],
		];
		for (const [t, id, d] of filed)
			owner(
				`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ('${t}', '${id}', '${DC}', '${d}', '${SERGEANT}', 'SYNTHETIC')`,
			);
		upTo(22, 22);
		const order = (t: string) =>
			owner(`SELECT string_agg(team_ord || ':' || id, ',' ORDER BY team_ord) FROM fortnight_welfare_notes WHERE team_id = '${t}'`);
		expect(order('t1')).toBe('1:wn-c,2:wn-a,3:wn-b');
		expect(order('t2')).toBe('1:wn-q,2:wn-p');
		expect(
			owner(`SELECT count(*) FROM information_schema.columns WHERE table_name = 'fortnight_welfare_notes' AND column_name = 'ord'`),
		).toBe('0');
		// The next filing of a team follows its own last.
		owner(
			`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ('t2', 'wn-r', '${DC}', '2026-01-10', '${SERGEANT}', 'SYNTHETIC')`,
		);
		expect(order('t2')).toBe('1:wn-q,2:wn-p,3:wn-r');
	});
});
