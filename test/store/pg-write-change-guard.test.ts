/**
 * Migration 009 writes a held record by UPDATE inside
 * fortnight_write_change; 008's row triggers must still refuse, through the function, what they refuse
 * in raw SQL: a cover moving a case to themselves, and a cover naming themselves on a held absence. A
 * sergeant's move through the same call goes through (the test is not vacuous). Added from a review of the merged work: no
 * other test sent a write the database refuses through the one-statement write itself.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {withAllocation} from '../../source/domain/case-history.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools, withClient} from '../../source/store/pg-connect.js';
import {openStore} from '../../source/store/index.js';
import {teamWrite, writeTeamAtOnce} from '../../source/store/pg-write.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'guard009';
const T = 'team-h';
const LOGINS: [string, string][] = [
	['sgt_h', 'o0002'],
	['cover_h', 'o0004'],
];

describe.skipIf(skipPostgres)(`009's held-record UPDATE keeps 008's triggers${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	const rows = (user: string, text: string) => {
		const r = cluster.psql(DB, text, user);
		if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
		return r.stdout.trim();
	};
	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		const demo = demoData();
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: T}, absences: []}, [], []);
		today = rows('postgres', 'SELECT current_date');
		rows('postgres', LOGINS.map(([r]) => `CREATE ROLE ${r} LOGIN IN ROLE fortnight_officer;`).join(' '));
		rows('postgres', `INSERT INTO fortnight_logins VALUES ${LOGINS.map(([r, o]) => `('${r}', '${T}', '${o}')`).join(', ')}`);
		const cover = {
			id: 'cov-h',
			officerId: 'o0002',
			from: today,
			to: today,
			reason: 'training',
			coverOfficerId: 'o0004',
			recordedAt: '2026-11-30T09:00:00.000Z',
			recordedBy: 'o0001',
		};
		rows('postgres', `INSERT INTO fortnight_absences VALUES ('${T}', 'cov-h', 100, 1, '${JSON.stringify(cover)}')`);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	const urlOf = (role: string) => `${cluster.url(DB, role)}&team=${T}`;
	/** Writes `edit(before)` through fortnight_write_change as `role`; returns the error text, or 'written'. */
	async function writeAs(role: string, edit: (d: StoreData) => StoreData): Promise<string> {
		const store = await openStore(urlOf(role), {chain: 'state'});
		const before = store.snapshot();
		const next = {...edit(before), revision: before.revision + 1};
		const w = teamWrite(T, before, next);
		try {
			const ok = await withClient(urlOf(role), c => writeTeamAtOnce(c, T, before.revision, w, next, ['x'], '{}', crypto.randomUUID()));
			return ok ? 'written' : 'moved on';
		} catch (err) {
			return String((err as Error).message);
		}
	}
	const moveTo = (ref: string, to: string, by: string) => (d: StoreData) => ({
		...d,
		cases: d.cases.map(c =>
			c.ref === ref ? withAllocation(c, {officerId: to, from: today, by, reason: 'Workload', recordedAt: '2026-11-30T09:00:00.000Z'}) : c,
		),
	});

	it('a cover moving a held case to themselves is refused inside the function', async () => {
		expect(await writeAs('cover_h', moveTo('CR/42371/25', 'o0004', 'o0004'))).toMatch(/to themselves|cannot reallocate/);
		expect(rows('postgres', `SELECT doc->>'oicId' FROM fortnight_cases WHERE team_id = '${T}' AND key = 'CR/42371/25'`)).toBe('o0005');
	});

	it('a cover naming themselves on a held absence is refused inside the function', async () => {
		rows(
			'postgres',
			`INSERT INTO fortnight_absences VALUES ('${T}', 'h-named', 101, 1, '${JSON.stringify({id: 'h-named', officerId: 'o0006', from: '2099-01-01', to: '2099-01-01', reason: 'training', coverOfficerId: null, recordedAt: '2026-11-30T09:00:00.000Z', recordedBy: 'o0002'})}')`,
		);
		const r = await writeAs('cover_h', d => ({
			...d,
			absences: d.absences.map(a => (a.id === 'h-named' ? {...a, coverOfficerId: 'o0004'} : a)),
		}));
		expect(r).toMatch(/cannot name themselves as cover/);
	});

	it("the sergeant's move of the same case goes through the same call", async () => {
		expect(await writeAs('sgt_h', moveTo('CR/42371/25', 'o0006', 'o0002'))).toBe('written');
		expect(rows('postgres', `SELECT doc->>'oicId' FROM fortnight_cases WHERE team_id = '${T}' AND key = 'CR/42371/25'`)).toBe('o0006');
	});
});
