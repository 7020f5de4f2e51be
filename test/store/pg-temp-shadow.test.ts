/**
 * No session's temporary table stands in for one of fortnight's (migrations/postgres/012-temp-schema-last.sql).
 * PostgreSQL searches a session's temporary schema before the search_path unless pg_temp is listed: the
 * review of migration 011 showed a sergeant's own role, after `CREATE TEMP TABLE fortnight_logins` mapping
 * itself to the inspector, writing a welfare event "by" her and reading a team it has no login for. Each
 * test tries that as the sergeant's role through psql and must be refused, or see nothing.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {WelfareEvent} from '../../source/domain/model.js';
import {closePools} from '../../source/store/pg-connect.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster, demoTeamsDatabase, psqlRows} from '../helpers/postgres.js';

const DB = 'shadow';
const T = 'team-a';
const T2 = 'team-b';
const SERGEANT = 'sgt_a';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';

describe.skipIf(skipPostgres)(`a temporary table cannot stand in for fortnight's own (migration 012)${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	const sql = (user: string, text: string) => cluster.psql(DB, text, user);
	const rows = (user: string, text: string) => psqlRows(cluster, DB, user, text);
	const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;
	const welfare = (id: string, by: string): WelfareEvent => ({id, officerId: 'o0005', date: today, kind: 'check-in', by, flags: []});
	/** The writer's own temporary table named like fortnight_logins, saying they are `officer` of `team`. */
	const shadow = (team: string, officer: string) =>
		`CREATE TEMP TABLE fortnight_logins (role_name name, team_id text, officer_id text); ` +
		`INSERT INTO fortnight_logins VALUES (current_user, '${team}', '${officer}'); `;

	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(cluster, DB, [T, T2], [[SERGEANT, T, BRENNAN]]);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('a role may not make a temporary table in fortnight’s database at all', () => {
		const r = sql(SERGEANT, shadow(T, OKAFOR));
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(/permission denied to create temporary tables/);
	});

	it('every fortnight function that sets a search_path searches pg_temp last', () => {
		const unsafe = rows(
			'postgres',
			`SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ` +
				`AND p.proname LIKE 'fortnight\\_%' AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\\_path=%' ` +
				`AND c NOT LIKE '%pg\\_temp')`,
		);
		expect(unsafe).toBe('0');
	});

	it('with TEMP granted back (a server set up otherwise), the shadow still changes nothing: refused as DI Okafor, team-b unseen', () => {
		rows('postgres', `GRANT TEMPORARY ON DATABASE ${DB} TO ${SERGEANT}`);
		try {
			const write = sql(
				SERGEANT,
				shadow(T, OKAFOR) +
					`INSERT INTO fortnight_welfare_events VALUES ('${T}', 'w-2', 9001, 1, ${q(welfare('w-2', OKAFOR))}) RETURNING key`,
			);
			expect(write.status).not.toBe(0);
			expect(write.stderr).toMatch(/in their own name/);
			expect(rows('postgres', `SELECT count(*) FROM fortnight_welfare_events WHERE team_id = '${T}' AND key = 'w-2'`)).toBe('0');
			const read = sql(SERGEANT, shadow(T2, BRENNAN) + `SELECT count(*) FROM fortnight_cases WHERE team_id = '${T2}'`);
			expect(read.stdout.trim().split('\n').at(-1)).toBe('0');
			// His own team still reads as before.
			expect(Number(rows(SERGEANT, `SELECT count(*) FROM fortnight_cases WHERE team_id = '${T}'`))).toBeGreaterThan(0);
		} finally {
			rows('postgres', `REVOKE TEMPORARY ON DATABASE ${DB} FROM ${SERGEANT}`);
		}
	});
});
