/**
 * "Today" on PostgreSQL is the server's, on fortnight's calendar (Europe/London), never the caller's
 * (migration 018, fortnight_today; README "PostgreSQL": "Today" is the database server's date). Until 018
 * every rule read current_date, the date in the SESSION's TimeZone, which a login sets (SET TimeZone, PGTZ,
 * options=-c TimeZone=... in its URL): a cover whose dates start tomorrow read the team, and changed an
 * absence, a day early (REVIEW-7 D1). DOMAIN "People and permissions": a cover reads "the team for the dates
 * they cover, no longer".
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence} from '../../source/domain/model.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'servertoday';
const T = 'team-tz';
/** The zones at each end of the clock: one of them is on another day than London at any hour. */
const AHEAD = 'Etc/GMT-14';
const BEHIND = 'Etc/GMT+12';

describe.skipIf(skipPostgres)(`PostgreSQL: a login cannot move the rules' today${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let zone: string;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		const day = (n: number) => rows('postgres', `SELECT fortnight_today() + ${n}`);
		// Whichever way the hour lets a session's zone step over London's midnight: ahead from 10:00 UTC, behind before 12:00.
		const ahead = rows('postgres', `SELECT (now() AT TIME ZONE '${AHEAD}')::date > fortnight_today()`) === 't';
		zone = ahead ? AHEAD : BEHIND;
		// DS Brennan away, DC Iqbal covering: from tomorrow (ahead), or until yesterday (behind).
		const away: Absence = {
			id: 'ab0001',
			officerId: 'o0002',
			from: ahead ? day(1) : day(-10),
			to: ahead ? day(10) : day(-1),
			reason: 'annual-leave',
			coverOfficerId: 'o0004',
			recordedAt: `${day(-20)}T09:00:00.000Z`,
			recordedBy: 'o0001',
		};
		const demo = demoData();
		await insertWholeTeam(
			cluster.url(DB),
			{
				...demo,
				team: {...demo.team, id: T},
				absences: [
					away,
					{...away, id: 'ab0002', officerId: 'o0007', reason: 'training', coverOfficerId: null, from: day(-30), to: day(30)},
				],
			},
			[],
			[],
		);
		rows('postgres', `CREATE ROLE cover_tz LOGIN IN ROLE fortnight_officer`);
		rows('postgres', `INSERT INTO fortnight_logins VALUES ('cover_tz', '${T}', 'o0004')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("fortnight_today() is London's date of the transaction's start, whatever TimeZone the session sets", () => {
		const london = rows('postgres', `SELECT (now() AT TIME ZONE 'Europe/London')::date`);
		for (const tz of [AHEAD, BEHIND, 'UTC', 'America/New_York']) {
			expect(rows('cover_tz', `SET TimeZone = '${tz}'; SELECT fortnight_today()`), tz).toBe(london);
		}
	});

	it("an instant's day is London's: 00:30 BST is the next day, though UTC's date is still the day before", () => {
		const dayOf = (at: string, tz: string) => rows('cover_tz', `SET TimeZone = '${tz}'; SELECT fortnight_today('${at}')`);
		for (const tz of [AHEAD, BEHIND, 'UTC']) {
			expect(dayOf('2026-07-01T23:30:00Z', tz), `summer, ${tz}`).toBe('2026-07-02');
			expect(dayOf('2026-12-06T23:30:00Z', tz), `winter, ${tz}`).toBe('2026-12-06');
			expect(dayOf('2026-12-07T00:30:00Z', tz), `winter, ${tz}`).toBe('2026-12-07');
		}
	});

	it('the cover reads none of the team on a day she does not cover, whatever TimeZone her session sets', () => {
		expect(rows('cover_tz', `SELECT count(*) FROM fortnight_cases`)).toBe('0');
		expect(rows('cover_tz', `SET TimeZone = '${zone}'; SELECT count(*) FROM fortnight_cases`), `cases read with TimeZone ${zone}`).toBe(
			'0',
		);
		// PGTZ / options= in a URL set the same setting at connection: one test of SET covers them.
		expect(rows('cover_tz', `SET TimeZone = '${zone}'; SELECT fortnight_sees_team('${T}', current_user)`)).toBe('f');
	});

	it('nor changes an absence of an officer she covers for on a day she does not cover', () => {
		const change = `UPDATE fortnight_absences SET doc = jsonb_set(doc::jsonb, '{reason}', '"other"')::json WHERE team_id = '${T}' AND key = 'ab0002'`;
		const reason = () => rows('postgres', `SELECT doc->>'reason' FROM fortnight_absences WHERE key = 'ab0002'`);
		expect(cluster.psql(DB, change, 'cover_tz').stderr).toBe('');
		expect(reason()).toBe('training');
		const shifted = cluster.psql(DB, `SET TimeZone = '${zone}'; ${change}`, 'cover_tz');
		expect({stderr: shifted.stderr, reason: reason()}).toEqual({stderr: '', reason: 'training'});
	});

	it("no function of fortnight's reads current_date in the session's zone", () => {
		// Every rule asks fortnight_today(); a function whose body still says current_date (or localtimestamp,
		// now()::date) must pin TimeZone to Europe/London for its calls. A later migration that forgets fails here.
		const loose = rows(
			'postgres',
			`SELECT coalesce(string_agg(p.proname, ',' ORDER BY p.proname), '') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = 'public' AND p.proname LIKE 'fortnight\\_%'
				AND p.prosrc ~* '(current_date|localtimestamp|current_timestamp::date|now\\(\\)::date)'
				AND NOT coalesce('TimeZone=Europe/London' = ANY (p.proconfig), false)`,
		);
		expect(loose).toBe('');
	});
});
