/**
 * An absence kept in parts stays whole on PostgreSQL (migration 018, fortnight_guard_absence_parts;
 * ARCHITECTURE "Store": nothing may write a store the loader cannot read back). Later parts name their first
 * part (`partOf`, domain/absence-cover.ts) and the loader refuses a part naming no first part of the same
 * officer (store/validate.ts). 008 judges each absence row alone, so DS Brennan's own login could delete the
 * first part of his absence through psql, and the team then loaded for nobody: "not valid fortnight data ...
 * restore it from a backup" (REVIEW-7 D8). The database now refuses, at commit, whatever leaves a part without
 * its first part; a change that takes the whole absence passes.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'absenceparts';
const T = 'team-po';

describe.skipIf(skipPostgres)(`PostgreSQL: a part of an absence keeps its first part${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today: string;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);
	const keys = () => rows('postgres', `SELECT string_agg(key, ',' ORDER BY key) FROM fortnight_absences WHERE team_id = '${T}'`);
	const problems = () => runCli(['--store', `${cluster.url(DB, 'di_po')}&team=${T}`, '--today', today, '--as', 'o0001', 'problems']);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		today = rows('postgres', 'SELECT fortnight_today()');
		const day = (n: number) => rows('postgres', `SELECT fortnight_today() + ${n}`);
		// DS Brennan's leave from 10 days on: DC Marsh covers the first 3 days, DC Carter the rest (a part).
		const base = {officerId: 'o0002', reason: 'annual-leave' as const, recordedAt: `${day(-1)}T09:00:00.000Z`, recordedBy: 'o0002'};
		const absences: Absence[] = [
			{...base, id: 'ab0010', from: day(10), to: day(12), coverOfficerId: 'o0006'},
			{...base, id: 'ab0011', from: day(13), to: day(20), coverOfficerId: 'o0009', partOf: 'ab0010'},
		];
		const demo = demoData();
		// Copied in by the owner, the part's row first or not: checked at commit.
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: T}, absences: [...absences].reverse()}, [], []);
		rows('postgres', `CREATE ROLE ds_po LOGIN IN ROLE fortnight_officer; CREATE ROLE di_po LOGIN IN ROLE fortnight_officer`);
		rows('postgres', `INSERT INTO fortnight_logins VALUES ('ds_po', '${T}', 'o0002'), ('di_po', '${T}', 'o0001')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("DS Brennan's login cannot delete the first part alone; the team still loads for the inspector", () => {
		const r = cluster.psql(DB, `DELETE FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0010'`, 'ds_po');
		expect(r.stderr).toMatch(/absence ab0011 is a later part of absence ab0010 \(partOf\).*fortnight absence end, change or cancel ab0010/);
		expect(keys()).toBe('ab0010,ab0011');
		const p = problems();
		expect(p.stderr).not.toMatch(/not valid fortnight data/);
		expect(p.code).toBe(0);
	});

	it('nor re-key it, give it to another officer, make it a part, or point the part elsewhere', () => {
		const refused = [
			`UPDATE fortnight_absences SET key = 'ab0099' WHERE team_id = '${T}' AND key = 'ab0010'`,
			`UPDATE fortnight_absences SET doc = jsonb_set(doc::jsonb, '{officerId}', '"o0001"')::json WHERE team_id = '${T}' AND key = 'ab0010'`,
			`UPDATE fortnight_absences SET doc = jsonb_set(doc::jsonb, '{partOf}', '"ab0011"')::json WHERE team_id = '${T}' AND key = 'ab0010'`,
			`UPDATE fortnight_absences SET doc = jsonb_set(doc::jsonb, '{partOf}', '"ab0404"')::json WHERE team_id = '${T}' AND key = 'ab0011'`,
			`INSERT INTO fortnight_absences SELECT team_id, 'ab0012', 99, revision, jsonb_set(doc::jsonb, '{partOf}', '"ab0404"')::json FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0011'`,
		];
		for (const sql of refused) {
			// As the owner: the parts' shape is the data's, not a permission, so nobody is exempt.
			expect(cluster.psql(DB, sql).stderr, sql).toMatch(/is a later part of absence/);
		}
		expect(keys()).toBe('ab0010,ab0011');
		expect(problems().code).toBe(0);
	});

	it('fortnight cancels the whole absence, every part in one change', () => {
		// Cancelling through fortnight takes every part (domain cancelAbsence), as one change.
		const r = runCli([
			'--store',
			`${cluster.url(DB, 'ds_po')}&team=${T}`,
			'--today',
			today,
			'--as',
			'o0002',
			'absence',
			'cancel',
			'ab0010',
		]);
		expect(r.stderr).toMatch(/^Cancelled ab0010/);
		expect(r.code).toBe(0);
		expect(rows('postgres', `SELECT count(*) FROM fortnight_absences WHERE team_id = '${T}'`)).toBe('0');
	});
});
