/**
 * An officer's login cannot keep "today" by holding a transaction open (migration 019; REVIEW-8 D6):
 * fortnight_today() is the transaction's day, so each officer login's sessions end after 5 minutes idle in a
 * transaction. A login that was already a member before 019, and one mapped in fortnight_logins after it,
 * both have the setting in their next session; the database owner does not (its migrations are not idle).
 */
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'idletx';
const T = 'team-idle';

describe.skipIf(skipPostgres)(`PostgreSQL: an officer's login is not left idle in a transaction${postgresSkipReason}`, () => {
	let cluster: Cluster;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		// A login made a member before fortnight's migrations ran (roles are the cluster's, not the database's).
		rows('postgres', `CREATE ROLE fortnight_officer NOLOGIN; CREATE ROLE early_idle LOGIN IN ROLE fortnight_officer`);
		await migrateDatabase(cluster.url(DB));
		const demo = demoData();
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: T}}, [], []);
		// A login made and mapped after them, as README "PostgreSQL" says to.
		rows('postgres', `CREATE ROLE late_idle LOGIN IN ROLE fortnight_officer`);
		rows('postgres', `INSERT INTO fortnight_logins VALUES ('late_idle', '${T}', 'o0006')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('both logins have a 5-minute idle-in-transaction timeout in their sessions; the owner has none', () => {
		expect(rows('early_idle', 'SHOW idle_in_transaction_session_timeout')).toBe('5min');
		expect(rows('late_idle', 'SHOW idle_in_transaction_session_timeout')).toBe('5min');
		expect(rows('postgres', 'SHOW idle_in_transaction_session_timeout')).toBe('0');
	});

	it('the server ends a session left idle in a transaction past the timeout (shortened here for the test)', async () => {
		// The mechanism 019 relies on, at a length a test can wait for: the transaction is rolled back and the
		// session closed, so nothing more is read on its day.
		rows('postgres', `ALTER ROLE late_idle SET idle_in_transaction_session_timeout = '1s'`);
		const client = new pg.Client({connectionString: cluster.url(DB, 'late_idle')});
		client.on('error', () => {});
		try {
			await client.connect();
			await client.query('BEGIN');
			await client.query('SELECT fortnight_today()');
			await new Promise(r => setTimeout(r, 2500));
			await expect(client.query('SELECT fortnight_today()')).rejects.toThrow(
				/idle-in-transaction timeout|Connection terminated|connection error|closed/,
			);
		} finally {
			await client.end().catch(() => {});
			rows('postgres', `ALTER ROLE late_idle SET idle_in_transaction_session_timeout = '5min'`);
		}
	});
});
