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
			// Refused by 020's own-row guard (a revision not this change's) before row-level security's check of the role.
		).toMatch(/row-level security|who changed what is written with the change itself/);
	});

	it('an inspector sees each of their teams, and welfare notes only about the sergeants they manage', () => {
		expect(count('insp', 'fortnight_cases', 'team-a')).toBe(60);
		expect(count('insp', 'fortnight_cases', 'team-b')).toBe(60);
		expect(rows('insp', "SELECT string_agg(id, ',' ORDER BY id) FROM fortnight_welfare_notes")).toBe('wn-a-2');
	});

	/**
	 * The policies' question (fortnight_my_teams, one query: migration 006) answered as 002's
	 * fortnight_sees_team answers it, login by login: the logins where the two disagree (none).
	 */
	const disagree = () =>
		rows(
			'postgres',
			`SELECT role_name || ' ' || team_id FROM fortnight_logins
			WHERE fortnight_sees_team(team_id, role_name) IS DISTINCT FROM (team_id = ANY (fortnight_my_teams(role_name)))`,
		);

	it("an investigator sees nothing, until named cover for the sergeant on today's date; a cover never reads welfare notes", () => {
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(0);
		expect(disagree()).toBe('');
		expect(rows('postgres', 'SELECT count(*) FROM fortnight_logins WHERE fortnight_sees_team(team_id, role_name)')).toBe('4');
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
		expect(disagree()).toBe('');
		rows('postgres', `INSERT INTO fortnight_absences VALUES ('team-a', 'cov-now', 100, 1, '${absence('cov-now', today, today)}')`);
		expect(count('dc_a', 'fortnight_cases', 'team-a')).toBe(60);
		expect(disagree()).toBe('');
		expect(rows('postgres', 'SELECT count(*) FROM fortnight_logins WHERE fortnight_sees_team(team_id, role_name)')).toBe('5');
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

	describe("a team's supervision history, re-checked by the database (migration 004)", () => {
		const TEAM = 'team-s';
		/** The team row as the owner holds it now. */
		const teamNow = (): StoreData['team'] => JSON.parse(rows('postgres', `SELECT team FROM fortnight_teams WHERE team_id = '${TEAM}'`));
		/** An UPDATE of the team row as `user` setting its record (and the columns the record names, unless told otherwise). */
		const setTeam = (user: string, team: StoreData['team'], columns = {sergeant: team.sergeantId, inspector: team.inspectorId}) =>
			sql(
				user,
				`UPDATE fortnight_teams SET team = '${JSON.stringify(team).replace(/'/g, "''")}'::json, sergeant_id = '${columns.sergeant}', ` +
					`inspector_id = ${columns.inspector === null ? 'NULL' : `'${columns.inspector}'`}, revision = revision + 1 WHERE team_id = '${TEAM}' RETURNING team_id`,
			);
		const withPeriods = (team: StoreData['team'], supervision: StoreData['team']['supervision']) => ({...team, supervision});
		let today: string;

		beforeAll(async () => {
			const demo = demoData();
			await insertWholeTeam(owner, {...demo, team: {...demo.team, id: TEAM}}, [], []);
			today = rows('postgres', 'SELECT current_date');
			rows('postgres', 'CREATE ROLE sgt_s LOGIN IN ROLE fortnight_officer; CREATE ROLE dc_s LOGIN IN ROLE fortnight_officer');
			rows(
				'postgres',
				`INSERT INTO fortnight_logins VALUES ('sgt_s', '${TEAM}', 'o0002'), ('dc_s', '${TEAM}', 'o0004'), ('insp', '${TEAM}', 'o0001')`,
			);
			// o0004 covers the sergeant today, so sees (and may write) the team's row.
			const cover = JSON.stringify({
				id: 'cov-s',
				officerId: 'o0002',
				from: today,
				to: today,
				reason: 'annual-leave',
				coverOfficerId: 'o0004',
				recordedAt: '2026-11-30T09:00:00.000Z',
				recordedBy: 'o0001',
			});
			rows('postgres', `INSERT INTO fortnight_absences VALUES ('${TEAM}', 'cov-s', 100, 1, '${cover}')`);
		});

		it('the sergeant and a cover may not change it at all; the columns always say what the record says', () => {
			const team = teamNow();
			const sergeantPeriod = team.supervision.findIndex(p => p.role === 'sergeant');
			// Rewriting who was sergeant when (here: making the period begin later).
			const rewritten = team.supervision.map((p, i) => (i === sergeantPeriod ? {...p, from: '2026-01-01'} : p));
			expect(setTeam('sgt_s', withPeriods(team, rewritten)).stderr).toContain("only the team's inspector may change who supervises it");
			// A cover naming themselves sergeant from today (which would outlast the cover).
			const closed = team.supervision.map((p, i) => (i === sergeantPeriod ? {...p, to: today} : p));
			const coverAsSergeant = {
				...withPeriods(team, [...closed, {role: 'sergeant' as const, officerId: 'o0004', from: today, to: null, by: 'o0004', reason: 'x'}]),
				sergeantId: 'o0004',
			};
			expect(setTeam('dc_s', coverAsSergeant).stderr).toContain("only the team's inspector may change who supervises it");
			// The column the access rules read, set apart from the record.
			expect(setTeam('dc_s', team, {sergeant: 'o0004', inspector: team.inspectorId}).stderr).toContain('must be those its record names');
			expect(setTeam('sgt_s', team, {sergeant: 'o0002', inspector: null}).stderr).toContain('must be those its record names');
			// Their ordinary writes to the row go through (fortnight bumps the revision on every change, by one: 020).
			expect(rows('sgt_s', `UPDATE fortnight_teams SET revision = revision + 1 WHERE team_id = '${TEAM}' RETURNING team_id`)).toBe(TEAM);
			expect(teamNow()).toEqual(team);
		});

		it('the inspector may hand the team to a new sergeant from today, but not rewrite the past, back-date, or change the inspector', () => {
			const team = teamNow();
			const at = team.supervision.findIndex(p => p.role === 'sergeant' && p.to === null);
			const handover = (from: string, by = 'o0001') => ({
				...withPeriods(team, [
					...team.supervision.map((p, i) => (i === at ? {...p, to: from} : p)),
					{role: 'sergeant' as const, officerId: 'o0003', from, to: null, by, reason: 'Handover'},
				]),
				sergeantId: 'o0003',
			});
			expect(setTeam('insp', handover('2020-01-01')).stderr).toMatch(/cannot be rewritten|from today on/);
			expect(setTeam('insp', handover(today, 'o0002')).stderr).toContain('recorded by you, from today on');
			const pastRewritten = team.supervision.map((p, i) => (i === at ? {...p, reason: 'something else'} : p));
			expect(setTeam('insp', withPeriods(team, pastRewritten)).stderr).toContain('cannot be rewritten');
			expect(
				setTeam(
					'insp',
					withPeriods(
						team,
						team.supervision.filter((_, i) => i !== at),
					),
				).stderr,
			).toContain('cannot be rewritten');
			const inspectorPeriod = {role: 'inspector' as const, officerId: 'o0001', from: today, to: null, by: 'o0001', reason: 'x'};
			expect(setTeam('insp', withPeriods(team, [...team.supervision, inspectorPeriod])).stderr).toContain("must be a sergeant's");
			expect(setTeam('insp', {...team, inspectorId: 'o0003'}, {sergeant: team.sergeantId, inspector: 'o0003'}).stderr).toContain(
				"no officer may change the team's inspector",
			);
			expect(teamNow()).toEqual(team);
			// The handover itself, from today, recorded by the inspector: accepted.
			const r = setTeam('insp', handover(today));
			expect(r.stderr).toBe('');
			expect(r.stdout.trim()).toBe(TEAM);
			expect(teamNow().sergeantId).toBe('o0003');
			// The owner (who copies teams in and maps logins) is not held to these rules: it puts the team back.
			expect(setTeam('postgres', team).status).toBe(0);
			expect(teamNow()).toEqual(team);
		});

		it("another team's sergeant reaches no row to change", () => {
			expect(rows('sgt_b', `UPDATE fortnight_teams SET sergeant_id = 'o0002' WHERE team_id = '${TEAM}' RETURNING team_id`)).toBe('');
		});
	});
});
