/**
 * The policies' question, "which teams does this role see today?" (fortnight_my_teams, migration 014:
 * the sergeant's and inspector's teams by key first, then a cover's), answered as 002's
 * fortnight_sees_team answers it for every login, including a role that is one team's sergeant and another
 * team's cover, and a role whose cover lapses; and the same teams readable through the policies.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'my_teams';

describe.skipIf(skipPostgres)(`the teams a role sees today, as the policies ask it${postgresSkipReason}`, () => {
	let cluster: Cluster;
	const rows = (user: string, text: string) => {
		const r = cluster.psql(DB, text, user);
		if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
		return r.stdout.trim();
	};
	/** The teams `role` sees by the policies' function, in order, comma-separated. */
	const mine = (role: string) =>
		rows('postgres', `SELECT array_to_string(ARRAY(SELECT unnest(fortnight_my_teams('${role}')) ORDER BY 1), ',')`);
	/** The logins where fortnight_my_teams and 002's fortnight_sees_team disagree (none). */
	const disagree = () =>
		rows(
			'postgres',
			`SELECT role_name || ' ' || team_id FROM fortnight_logins
			WHERE fortnight_sees_team(team_id, role_name) IS DISTINCT FROM (team_id = ANY (fortnight_my_teams(role_name)))`,
		);
	/** The teams whose cases `role` reads through row-level security. */
	const readable = (role: string) =>
		rows(role, "SELECT coalesce(string_agg(DISTINCT team_id, ',' ORDER BY team_id), '') FROM fortnight_cases");
	const absence = (id: string, officerId: string, cover: string, from: string, to: string | null) =>
		JSON.stringify({
			id,
			officerId,
			from,
			to,
			reason: 'annual-leave',
			coverOfficerId: cover,
			recordedAt: '2026-11-30T09:00:00.000Z',
			recordedBy: 'o0001',
		});

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		const owner = cluster.url(DB);
		await migrateDatabase(owner);
		const demo = demoData();
		const team = (id: string): StoreData => ({...demo, team: {...demo.team, id}});
		for (const id of ['team-a', 'team-b', 'team-c']) await insertWholeTeam(owner, team(id), [], []);
		// The demo: o0001 the inspector, o0002 the sergeant, o0003.. investigators.
		const logins: [string, string, string][] = [
			['mixed', 'team-a', 'o0002'],
			['mixed', 'team-b', 'o0004'],
			['mixed', 'team-c', 'o0005'],
			['insp', 'team-a', 'o0001'],
			['insp', 'team-c', 'o0001'],
			['cover_only', 'team-b', 'o0003'],
		];
		const roles = [...new Set(logins.map(l => l[0])), 'nobody'];
		rows('postgres', roles.map(r => `CREATE ROLE ${r} LOGIN IN ROLE fortnight_officer;`).join(' '));
		rows('postgres', `INSERT INTO fortnight_logins VALUES ${logins.map(l => `('${l[0]}', '${l[1]}', '${l[2]}')`).join(', ')}`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('a sergeant or inspector sees their teams by key; a role with no login, none (an empty list, not null)', () => {
		expect(mine('mixed')).toBe('team-a');
		expect(mine('insp')).toBe('team-a,team-c');
		expect(mine('cover_only')).toBe('');
		expect(rows('postgres', "SELECT fortnight_my_teams('nobody') = '{}'")).toBe('t');
		expect(disagree()).toBe('');
		expect(readable('mixed')).toBe('team-a');
		expect(readable('nobody')).toBe('');
	});

	it("one team's sergeant who is another team's cover today sees both; only while the cover includes today", () => {
		const today = rows('postgres', 'SELECT current_date');
		const insert = (t: string, key: string, doc: string) =>
			rows('postgres', `INSERT INTO fortnight_absences VALUES ('${t}', '${key}', 100, 1, '${doc}')`);
		// Team B's sergeant away, covered by mixed's officer there (o0004) and by cover_only's (o0003) in turn.
		insert('team-b', 'past', absence('past', 'o0002', 'o0004', '2020-01-01', '2020-01-05'));
		insert('team-b', 'other', absence('other', 'o0006', 'o0004', today, today));
		expect(mine('mixed')).toBe('team-a');
		expect(disagree()).toBe('');
		insert('team-b', 'now', absence('now', 'o0002', 'o0004', today, null));
		expect(mine('mixed')).toBe('team-a,team-b');
		expect(mine('cover_only')).toBe('');
		expect(disagree()).toBe('');
		expect(readable('mixed')).toBe('team-a,team-b');
		// Team C's sergeant away too, covered by mixed's officer there: three teams, the first by key.
		insert('team-c', 'now-c', absence('now-c', 'o0002', 'o0005', today, today));
		expect(mine('mixed')).toBe('team-a,team-b,team-c');
		expect(disagree()).toBe('');
		rows('postgres', "DELETE FROM fortnight_absences WHERE key IN ('now', 'now-c')");
		expect(mine('mixed')).toBe('team-a');
		expect(readable('mixed')).toBe('team-a');
		expect(disagree()).toBe('');
	});
});
