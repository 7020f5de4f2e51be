/**
 * QA 4 R-g: a role that sees no team is told why in words for who it is (source/store/pg-no-team.ts):
 * an officer's own login (it reads nothing on PostgreSQL: README "What each role may do") is told so and
 * to ask their sergeant, a login mapped to nobody to have it mapped, and the database's owner, with
 * nothing in it, to copy a team in.
 */
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {addDays, shortDate} from '../../source/domain/dates.js';
import {runCli} from '../helpers/cli.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'noteam';
const EMPTY = 'noteam_empty';

describe.skipIf(skipPostgres)(`a login that sees no team is told why, as who it is${postgresSkipReason}`, () => {
	let cluster: Cluster;
	const run = (url: string, ...args: string[]) => runCli(['--store', url, '--today', '2026-11-30', ...args]);
	const flat = (s: string) => s.replace(/\s+/g, ' ');
	const rows = (text: string) => psqlRows(cluster, DB, 'postgres', text);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		cluster.createDatabase(EMPTY);
		await migrateDatabase(cluster.url(DB));
		await migrateDatabase(cluster.url(EMPTY));
		await insertWholeTeam(cluster.url(DB), demoData(), [], []);
		const sql = (text: string) => {
			const r = cluster.psql(DB, text, 'postgres');
			if (r.status !== 0) throw new Error(r.stderr);
		};
		sql('CREATE ROLE dc_iqbal LOGIN IN ROLE fortnight_officer; CREATE ROLE stranger LOGIN IN ROLE fortnight_officer;');
		sql(`INSERT INTO fortnight_logins VALUES ('dc_iqbal', '${demoData().team.id}', 'o0004')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("an officer's own login: told it reads nothing on PostgreSQL and to ask their sergeant, never to copy a team in", () => {
		for (const args of [['problems'], ['case', 'show', 'CR/25310/26']]) {
			const r = run(cluster.url(DB, 'dc_iqbal'), ...args);
			expect(r.code, args.join(' ')).toBe(3);
			const said = flat(r.stderr);
			expect(said).toContain(`Your login "dc_iqbal" is an officer's (o0004 in team ${demoData().team.id})`);
			expect(said).toContain("on PostgreSQL an officer's own login reads none of the team's records, not even their own cases");
			expect(said).toContain('Ask your sergeant about your cases');
			expect(said).not.toContain('Copy a team in');
		}
	});

	it("whoami through an officer's own login answers (exit 0): who they are, and that the login reads nothing and why (QA 5 R3)", () => {
		const team = demoData().team.id;
		const r = run(cluster.url(DB, 'dc_iqbal'), 'whoami');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const said = flat(r.stdout);
		expect(said).toContain(`You are o0004 in team ${team}, from your database login "dc_iqbal".`);
		// The database judges by its own date, not --today (QA 6 R9), and says which.
		const judged = shortDate(rows('SELECT fortnight_today()'));
		expect(said).toContain(
			`The database decides what your login reads by its own date, ${judged}, not 30 Nov: on ${judged} your login reads nothing of the team: ` +
				"on PostgreSQL an officer's own login reads none of the team's records, not even their own cases",
		);
		expect(said).toContain('Ask your sergeant about your cases');
		const json = run(cluster.url(DB, 'dc_iqbal'), 'whoami', '--json');
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({
			login: 'dc_iqbal',
			officers: [{id: 'o0004', team}],
			source: 'database login',
			reads: 'nothing',
			databaseDate: rows('SELECT fortnight_today()'),
			covers: [],
		});
		// Naming someone else: the login cannot say who that is, so the store's answer stands (exit 3).
		expect(run(cluster.url(DB, 'dc_iqbal'), 'whoami', '--as', 'o0002').code).toBe(3);
		expect(run(cluster.url(DB, 'dc_iqbal'), 'whoami', '--as', 'o0004').code).toBe(0);
		// A login mapped to nobody still cannot be told who it is.
		expect(run(cluster.url(DB, 'stranger'), 'whoami').code).toBe(3);
	});

	it("whoami --today a day of her cover, before the database's date reaches it: told the database's date and her cover's days (QA 6 R9)", async () => {
		const today = rows('SELECT fortnight_today()');
		const demo = demoData();
		const team = 'team-r9';
		// DS Brennan away from 4 days on, DC Marsh covering to 10 days on.
		const away = {...demo.absences.find(a => a.id === 'ab0002')!, from: addDays(today, 4), to: addDays(today, 10), coverOfficerId: 'o0006'};
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: team}, absences: [away]}, [], []);
		rows(
			`CREATE ROLE dc_marsh_r9 LOGIN IN ROLE fortnight_officer; INSERT INTO fortnight_logins VALUES ('dc_marsh_r9', '${team}', 'o0006')`,
		);
		const asked = addDays(today, 5);
		const r = runCli(['--store', `${cluster.url(DB, 'dc_marsh_r9')}&team=${team}`, '--today', asked, 'whoami']);
		expect(r.code, r.stderr).toBe(0);
		const said = flat(r.stdout);
		expect(said).toContain(
			`The database decides what your login reads by its own date, ${shortDate(today)}, not ${shortDate(asked)}: on ${shortDate(today)} your login reads nothing`,
		);
		expect(said).toContain(
			`You are named to cover the sergeant of team ${team} from ${shortDate(addDays(today, 4))} to ${shortDate(addDays(today, 10))}: ` +
				"your login reads the team on those days, by the database's date.",
		);
		// Her cover's days only: nothing of whose absence or why; and no other login may ask for hers.
		expect(said).not.toMatch(/sick|leave|Brennan/i);
		expect(psqlRows(cluster, DB, 'dc_marsh_r9', `SELECT count(*) FROM fortnight_my_cover_days('${team}', current_user)`)).toBe('1');
		expect(psqlRows(cluster, DB, 'dc_iqbal', `SELECT count(*) FROM fortnight_my_cover_days('${team}', 'dc_marsh_r9')`)).toBe('0');
	});

	it('a login mapped to nobody is told to have it mapped; the owner of an empty database to copy a team in', () => {
		const stranger = run(cluster.url(DB, 'stranger'), 'problems');
		expect(stranger.code).toBe(3);
		expect(flat(stranger.stderr)).toContain(
			'Your login "stranger" may read no team: it is mapped to no officer of any team. Ask your sergeant or the database owner to map it.',
		);
		const owner = run(cluster.url(EMPTY), 'problems');
		expect(owner.code).toBe(3);
		expect(flat(owner.stderr)).toContain('holds no team you may see. Copy a team in with "fortnight store copy');
	});

	it('the queries that say so run inside a transaction without breaking it', async () => {
		const {noTeamError} = await import('../../source/store/pg-no-team.js');
		const client = new pg.Client({connectionString: cluster.url(DB, 'dc_iqbal')});
		await client.connect();
		try {
			await client.query('BEGIN');
			const e = await noTeamError(client, 'the database', 'other-team');
			expect(e.message).toContain('may read no team "other-team": it is mapped to no officer of it');
			expect((await client.query('SELECT 1 AS one')).rows[0]).toEqual({one: 1});
			await client.query('ROLLBACK');
		} finally {
			await client.end();
		}
	});
});
