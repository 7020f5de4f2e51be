/**
 * The database enforces who sees what (migrations/postgres/002-access.sql; README "PostgreSQL"): each
 * test connects through psql (and the fortnight CLI) as one person's own role and checks what it can and
 * cannot read or write. Two teams, A and B, each a copy of the demo; one inspector over both.
 */
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {runCli} from '../helpers/cli.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'access';
const NOTE_COLUMNS = '(team_id, id, officer_id, date, by, text)';
const TEAM_REST = 'schema_version, revision, updated_at, reference_date, sergeant_id, inspector_id, team, settings';
/** The demo: o0001 inspector, o0002 sergeant, o0003.. investigators; two welfare notes about o0003 and o0006 by o0002. */
const NOTES = [
	{id: 'wn-a-1', officerId: 'o0003', date: '2026-10-16', by: 'o0002', text: 'Investigator note.'},
	{id: 'wn-a-2', officerId: 'o0002', date: '2026-10-20', by: 'o0001', text: 'Sergeant note.'},
];

describe.skipIf(skipPostgres)(`row-level security per role${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let owner: string;
	const sql = (user: string, text: string) => cluster.psql(DB, text, user);
	const rows = (user: string, text: string) => {
		const r = sql(user, text);
		if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
		return r.stdout.trim();
	};
	const refused = (user: string, text: string) => {
		const r = sql(user, text);
		expect(r.status, `${user}: ${text}`).not.toBe(0);
		return r.stderr;
	};

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		owner = cluster.url(DB);
		await migrateDatabase(owner);
		const demo = demoData();
		const team = (id: string): StoreData => ({...demo, team: {...demo.team, id}});
		await insertWholeTeam(owner, team('team-a'), NOTES, []);
		await insertWholeTeam(owner, team('team-b'), [{...NOTES[0]!, id: 'wn-b-1', text: 'Team B note.'}], []);
		const logins: [string, string, string][] = [
			['sgt_a', 'team-a', 'o0002'],
			['sgt_b', 'team-b', 'o0002'],
			['insp', 'team-a', 'o0001'],
			['insp', 'team-b', 'o0001'],
			['dc_a', 'team-a', 'o0004'],
		];
		const roles = [...new Set(logins.map(l => l[0]))];
		rows('postgres', roles.map(r => `CREATE ROLE ${r} LOGIN IN ROLE fortnight_officer;`).join(' '));
		rows('postgres', `INSERT INTO fortnight_logins VALUES ${logins.map(l => `('${l[0]}', '${l[1]}', '${l[2]}')`).join(', ')}`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	const count = (user: string, table: string, team: string) =>
		Number(rows(user, `SELECT count(*) FROM ${table} WHERE team_id = '${team}'`));

	it("a sergeant sees their own team's cases, chain and welfare notes about their investigators, and nothing of another team", () => {
		expect(count('sgt_a', 'fortnight_cases', 'team-a')).toBe(60);
		expect(count('sgt_a', 'fortnight_chain', 'team-a')).toBeGreaterThan(0);
		expect(rows('sgt_a', "SELECT id FROM fortnight_welfare_notes WHERE team_id = 'team-a' ORDER BY id")).toBe('wn-a-1');
		// Team A's records do not exist for B's sergeant: every read comes back empty.
		for (const table of [
			'fortnight_teams',
			'fortnight_cases',
			'fortnight_officers',
			'fortnight_chain',
			'fortnight_welfare_notes',
			'fortnight_absences',
		]) {
			expect(count('sgt_b', table, 'team-a'), table).toBe(0);
		}
		expect(count('sgt_b', 'fortnight_cases', 'team-b')).toBe(60);
		expect(rows('sgt_b', 'SELECT count(*) FROM fortnight_welfare_notes')).toBe('1');
	});

	it("a sergeant of team B can change nothing of team A's", () => {
		expect(rows('sgt_b', `UPDATE fortnight_cases SET revision = revision WHERE team_id = 'team-a' RETURNING key`)).toBe('');
		expect(rows('sgt_b', `DELETE FROM fortnight_officers WHERE team_id = 'team-a' RETURNING key`)).toBe('');
		expect(refused('sgt_b', `INSERT INTO fortnight_cases (team_id, key, ord, revision, doc) VALUES ('team-a', 'X', 0, 0, '{}')`)).toContain(
			'row-level security',
		);
		expect(
			refused('sgt_b', `INSERT INTO fortnight_welfare_notes ${NOTE_COLUMNS} VALUES ('team-a', 'x', 'o0003', '2026-11-01', 'o0002', 'x')`),
		).toContain('row-level security');
		expect(count('postgres', 'fortnight_cases', 'team-a')).toBe(60);
	});

	it("through fortnight itself, B's sergeant is refused team A and works on team B", () => {
		const asB = (team: string, ...args: string[]) =>
			runCli(['--store', `${cluster.url(DB, 'sgt_b')}&team=${team}`, '--today', '2026-11-30', ...args]);
		const a = asB('team-a', 'problems', '--json');
		expect(a.code).toBe(3);
		expect(a.stderr).toContain('holds no team "team-a" that you may see');
		const b = asB('team-b', 'problems', '--json');
		expect(b.code).toBe(0);
		expect(JSON.parse(b.stdout)).toBeTruthy();
		const added = asB(
			'team-b',
			'--as',
			'o0002',
			'absence',
			'add',
			'o0005',
			'--from',
			'2027-01-04',
			'--to',
			'2027-01-05',
			'--reason',
			'training',
		);
		expect(added.stderr).toContain('Recorded ab');
		expect(added.code).toBe(0);
		expect(asB('team-b', 'verify').code).toBe(0);
	});

	it("another team's change reaches a listener as a hash and a revision only; who changed what is read under the team's rules", async () => {
		const listener = new pg.Client({connectionString: cluster.url(DB, 'sgt_a')});
		await listener.connect();
		const heard: string[] = [];
		listener.on('notification', m => heard.push(m.payload ?? ''));
		await listener.query('LISTEN fortnight');
		const asB = (...args: string[]) => runCli(['--store', `${cluster.url(DB, 'sgt_b')}&team=team-b`, '--today', '2026-11-30', ...args]);
		expect(asB('--as', 'o0002', 'absence', 'add', 'o0006', '--from', '2027-02-01', '--to', '2027-02-02', '--reason', 'training').code).toBe(
			0,
		);
		for (let i = 0; i < 200 && heard.length === 0; i++) await new Promise(r => setTimeout(r, 25));
		await listener.end();
		expect(heard).toHaveLength(1);
		const payload = JSON.parse(heard[0]!) as Record<string, unknown>;
		expect(Object.keys(payload).sort()).toEqual(['revision', 'team']);
		expect(heard[0]).not.toMatch(/team-b|o000|absence|ab\d/);
		// The change itself: B's sergeant and the inspector read it; A's sergeant does not.
		expect(
			rows(
				'sgt_b',
				"SELECT role || ' ' || array_to_string(what, ',') FROM fortnight_changes WHERE team_id = 'team-b' ORDER BY revision DESC LIMIT 1",
			),
		).toMatch(/^sgt_b absence ab\d+$/);
		expect(count('insp', 'fortnight_changes', 'team-b')).toBeGreaterThan(0);
		expect(count('sgt_a', 'fortnight_changes', 'team-b')).toBe(0);
		expect(
			refused('sgt_b', "INSERT INTO fortnight_changes (team_id, revision, role, what) VALUES ('team-b', 999, 'insp', '{}')"),
		).toContain('row-level security');
	});

	it('an inspector sees each of their teams, and welfare notes only about the sergeants they manage', () => {
		expect(count('insp', 'fortnight_cases', 'team-a')).toBe(60);
		expect(count('insp', 'fortnight_cases', 'team-b')).toBe(60);
		expect(rows('insp', "SELECT string_agg(id, ',' ORDER BY id) FROM fortnight_welfare_notes")).toBe('wn-a-2');
	});

	it("an investigator sees nothing, until named cover for the sergeant on today's date; a cover never reads welfare notes", () => {
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(0);
		const today = rows('postgres', 'SELECT current_date');
		const absence = (id: string, from: string, to: string) =>
			JSON.stringify({
				id,
				officerId: 'o0002',
				from,
				to,
				reason: 'annual-leave',
				coverOfficerId: 'o0004',
				recordedAt: '2026-11-30T09:00:00.000Z',
				recordedBy: 'o0001',
			});
		// Cover that ended yesterday gives nothing.
		rows(
			'postgres',
			`INSERT INTO fortnight_absences VALUES ('team-a', 'cov-past', 99, 1, '${absence('cov-past', '2020-01-01', '2020-01-05')}')`,
		);
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(0);
		rows('postgres', `INSERT INTO fortnight_absences VALUES ('team-a', 'cov-now', 100, 1, '${absence('cov-now', today, today)}')`);
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(60);
		expect(count('dc_a', 'fortnight_cases', 'team-b')).toBe(0);
		expect(count('dc_a', 'fortnight_welfare_notes', 'team-a')).toBe(0);
		rows('postgres', "DELETE FROM fortnight_absences WHERE key IN ('cov-past', 'cov-now')");
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(0);
	});

	it('no one can modify a chain entry: not an officer (no privilege), not even the owner (the triggers)', () => {
		for (const user of ['sgt_a', 'insp']) {
			expect(refused(user, `UPDATE fortnight_chain SET kind = 'x' WHERE team_id = 'team-a' AND seq = 0`)).toContain('permission denied');
			expect(refused(user, `DELETE FROM fortnight_chain WHERE team_id = 'team-a'`)).toContain('permission denied');
			expect(refused(user, 'TRUNCATE fortnight_chain')).toContain('permission denied');
		}
		expect(refused('postgres', `UPDATE fortnight_chain SET kind = 'x' WHERE team_id = 'team-a' AND seq = 0`)).toContain('append-only');
		expect(refused('postgres', `DELETE FROM fortnight_chain WHERE team_id = 'team-a' AND seq = 0`)).toContain('append-only');
		expect(refused('postgres', 'TRUNCATE fortnight_chain')).toContain('append-only');
		// An entry that does not follow the chain's last is refused too.
		expect(refused('postgres', `INSERT INTO fortnight_chain SELECT * FROM fortnight_chain WHERE team_id = 'team-a' AND seq = 0`)).toMatch(
			/must follow|duplicate key/,
		);
		const r = runCli(['--store', `${owner}&team=team-a`, 'verify']);
		expect(r.code).toBe(0);
	});

	it('an officer files welfare notes only in their own name, and reads pending notes only their own', () => {
		expect(
			rows(
				'sgt_a',
				`INSERT INTO fortnight_welfare_notes ${NOTE_COLUMNS} VALUES ('team-a', 'wn-a-3', 'o0005', '2026-11-29', 'o0002', 'x') RETURNING id`,
			),
		).toBe('wn-a-3');
		expect(
			refused(
				'sgt_a',
				`INSERT INTO fortnight_welfare_notes ${NOTE_COLUMNS} VALUES ('team-a', 'wn-a-4', 'o0005', '2026-11-29', 'o0001', 'x')`,
			),
		).toContain('row-level security');
		rows(
			'postgres',
			`INSERT INTO fortnight_welfare_pending (team_id, by, note) VALUES ('team-a', 'o0001', '{}'), ('team-a', 'o0002', '{}')`,
		);
		expect(rows('sgt_a', "SELECT string_agg(by, ',') FROM fortnight_welfare_pending")).toBe('o0002');
		expect(rows('insp', "SELECT string_agg(by, ',') FROM fortnight_welfare_pending")).toBe('o0001');
	});

	it('an officer cannot make a team, nor map a login', () => {
		expect(refused('sgt_a', `INSERT INTO fortnight_teams SELECT 'team-x', ${TEAM_REST} FROM fortnight_teams`)).toContain(
			'permission denied',
		);
		expect(refused('sgt_a', `INSERT INTO fortnight_logins VALUES ('sgt_a', 'team-b', 'o0002')`)).toContain('permission denied');
		expect(rows('sgt_a', 'SELECT count(*) FROM fortnight_logins')).toBe('1');
	});
});
