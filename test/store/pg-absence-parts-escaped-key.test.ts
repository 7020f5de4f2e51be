/**
 * REVIEW 8 D1: migration 018's parts check ran on INSERT only when the record's text held "partOf", so a
 * part whose key was spelt with a JSON escape ("part\u004ff") was never checked, though the database
 * (doc->>'partOf') and the loader (JSON.parse) both read it as partOf: one login's insert of a part naming
 * no first part left the team unreadable for everyone. The check now asks the record as jsonb.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'partsescaped';
const T = 'team-r8';

describe.skipIf(skipPostgres)(`an absence part whose key is spelt with an escape is checked too${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today: string;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);
	const problems = () => runCli(['--store', `${cluster.url(DB, 'di_r8')}&team=${T}`, '--today', today, '--as', 'o0001', 'problems']);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		today = rows('postgres', 'SELECT fortnight_today()');
		const day = (n: number) => rows('postgres', `SELECT fortnight_today() + ${n}`);
		const base = {officerId: 'o0002', reason: 'annual-leave' as const, recordedAt: `${day(-1)}T09:00:00.000Z`, recordedBy: 'o0002'};
		const absences: Absence[] = [{...base, id: 'ab0010', from: day(10), to: day(12), coverOfficerId: 'o0006'}];
		const demo = demoData();
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: T}, absences}, [], []);
		rows('postgres', `CREATE ROLE ds_r8 LOGIN IN ROLE fortnight_officer; CREATE ROLE di_r8 LOGIN IN ROLE fortnight_officer`);
		rows('postgres', `INSERT INTO fortnight_logins VALUES ('ds_r8', '${T}', 'o0002'), ('di_r8', '${T}', 'o0001')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("DS Brennan's own login cannot add a part naming no first part, however the key is spelt; the team still loads", () => {
		const sql =
			`INSERT INTO fortnight_absences SELECT team_id, 'ab0012', 99, revision, ` +
			`replace(jsonb_set(doc::jsonb, '{partOf}', '"ab0404"')::text, '"partOf"', '"part\\u004ff"')::json ` +
			`FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0010'`;
		const r = cluster.psql(DB, sql, 'ds_r8');
		expect(r.stderr).toMatch(/partOf/);
		expect(rows('postgres', `SELECT count(*) FROM fortnight_absences WHERE key = 'ab0012'`)).toBe('0');
		const p = problems();
		expect(p.code, p.stderr).toBe(0);
		expect(p.stderr).not.toMatch(/not valid fortnight data/);
	});
});
