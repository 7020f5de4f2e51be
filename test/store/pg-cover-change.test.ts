/**
 * PostgreSQL agrees with fortnight on who covered which day after a cover is changed on an absence that
 * has started (README "Absences"; source/domain/absence-cover.ts). The change, made by fortnight itself
 * through the inspector's login, keeps the absence in parts, each with its own cover and dates, so the
 * database's functions that read an absence's `coverOfficerId` and dates (008 fortnight_supervises_as,
 * 006 fortnight_my_teams, 015 fortnight_covers_on for welfare notes) give for each day the answer people.ts awayOn gives: no migration needed, and
 * 008's absence guard lets the inspector shorten the first part and add the next in their own name.
 * "Today" is the server's date.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence} from '../../source/domain/model.js';
import {absenceLookup, awayOn} from '../../source/domain/people.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'coverchange';
const T = 'team-c';
/** Login roles: the inspector, the first cover (DC Iqbal) and the cover named later (DC Marsh). */
const LOGINS: [string, string][] = [
	['insp_c', 'o0001'],
	['first_c', 'o0004'],
	['next_c', 'o0006'],
];

describe.skipIf(skipPostgres)(`PostgreSQL agrees on who covered which day after a cover change${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today: string;
	const rows = (user: string, text: string) => {
		const r = cluster.psql(DB, text, user);
		if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
		return r.stdout.trim();
	};
	const day = (n: number) => rows('postgres', `SELECT current_date + ${n}`);
	const absencesNow = (): Absence[] =>
		rows('postgres', `SELECT doc FROM fortnight_absences WHERE team_id = '${T}' ORDER BY ord`)
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as Absence);

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		const owner = cluster.url(DB);
		await migrateDatabase(owner);
		const demo = demoData();
		today = rows('postgres', 'SELECT current_date');
		// DS Brennan away from three days ago to ten days on, DC Iqbal covering, named by the inspector.
		const away: Absence = {
			id: 'ab0001',
			officerId: 'o0002',
			from: day(-3),
			to: day(10),
			reason: 'sick',
			coverOfficerId: 'o0004',
			recordedAt: `${day(-5)}T09:00:00.000Z`,
			recordedBy: 'o0001',
		};
		await insertWholeTeam(owner, {...demo, team: {...demo.team, id: T}, absences: [away]}, [], []);
		rows('postgres', LOGINS.map(([r]) => `CREATE ROLE ${r} LOGIN IN ROLE fortnight_officer;`).join(' '));
		rows('postgres', `INSERT INTO fortnight_logins VALUES ${LOGINS.map(([r, o]) => `('${r}', '${T}', '${o}')`).join(', ')}`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('the inspector changes the cover from today; the database and fortnight name the same cover for every day', () => {
		expect(rows('postgres', `SELECT '${T}' = ANY(fortnight_my_teams('first_c'))`)).toBe('t');
		const r = runCli([
			'--store',
			`${cluster.url(DB, 'insp_c')}&team=${T}`,
			'--today',
			today,
			'--as',
			'o0001',
			'absence',
			'change',
			'ab0001',
			'--cover',
			'o0006',
		]);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('the days before keep the cover they had (ab0002 added as part of ab0001)');

		const parts = absencesNow();
		expect(parts.map(a => [a.id, a.from, a.to, a.coverOfficerId, a.partOf ?? null, a.recordedBy])).toEqual([
			['ab0001', day(-3), day(-1), 'o0004', null, 'o0001'],
			['ab0002', today, day(10), 'o0006', 'ab0001', 'o0001'],
		]);
		const lookup = absenceLookup(parts);
		for (const n of [-4, -3, -1, 0, 1, 10, 11]) {
			const d = day(n);
			const ours = awayOn(lookup, 'o0002', d)?.coverId ?? null;
			for (const me of ['o0004', 'o0006']) {
				const theirs = rows('postgres', `SELECT coalesce(fortnight_supervises_as('${T}', '${me}', 'o0005', '${d}'), 'none')`);
				expect(theirs, `${me} on ${d}`).toBe(ours === me ? 'cover' : 'none');
				// 015: whose welfare notes of day d a cover may read (the cover named for that day only).
				const notes = rows('postgres', `SELECT fortnight_covers_on('${T}', 'o0002', '${me}', '${d}')`);
				expect(notes, `${me} reads notes of ${d}`).toBe(ours === me ? 't' : 'f');
			}
		}
		// Today the team is the new cover's to read, no longer the first cover's.
		expect(rows('postgres', `SELECT '${T}' = ANY(fortnight_my_teams('next_c'))`)).toBe('t');
		expect(rows('postgres', `SELECT '${T}' = ANY(fortnight_my_teams('first_c'))`)).toBe('f');
	});

	it('then its last day and reason, named by its first part, change the whole absence: the database takes the parts as fortnight writes them', () => {
		const r = runCli([
			'--store',
			`${cluster.url(DB, 'insp_c')}&team=${T}`,
			'--today',
			today,
			'--as',
			'o0001',
			'absence',
			'change',
			'ab0001',
			'--to',
			day(12),
			'--reason',
			'training',
		]);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('reason sick -> training');
		expect(absencesNow().map(a => [a.id, a.from, a.to, a.coverOfficerId, a.reason])).toEqual([
			['ab0001', day(-3), day(-1), 'o0004', 'training'],
			['ab0002', today, day(12), 'o0006', 'training'],
		]);
	});
});
