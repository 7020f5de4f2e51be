/**
 * `verify` on PostgreSQL judges authority too (REVIEW-9 D4; source/domain/authority-check.ts): a performance
 * decision a cover made about himself, however it reached the team's chain (here written by the database's
 * owner, past the guards the database applies to officer logins), is BROKEN when the inspector runs verify
 * (exit 1, "entry N: <reason>"). Throwaway cluster, stopped in afterAll.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {ChainEntry} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsDatabase, postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'verifyauth';
const T = 'team-a';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

describe.skipIf(skipPostgres)(`verify judges authority on PostgreSQL (REVIEW-9 D4)${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(cluster, DB, [T], [['di_a', T, 'o0001']]);
		const absence = {
			id: 'abR9',
			officerId: 'o0002',
			from: addDays(today, -1),
			to: addDays(today, 5),
			reason: 'sick',
			coverOfficerId: 'o0011',
			recordedAt: `${addDays(today, -1)}T08:00:00.000Z`,
			recordedBy: 'o0001',
		};
		psqlRows(cluster, DB, 'postgres', `INSERT INTO fortnight_absences VALUES ('${T}', 'abR9', 9000, 1, ${q(absence)})`);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("DC Doyle's decision on his own trigger, made while he covers DS Brennan, fails the inspector's verify", () => {
		const verify = () =>
			runCli(['verify', '--store', `${cluster.url(DB, 'di_a')}&team=${T}`, '--today', today], {env: {XDG_CONFIG_HOME: tempDir()}});
		const before = verify();
		expect(before.code, before.stdout + before.stderr).toBe(0);
		const last = JSON.parse(
			psqlRows(cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
		const own = makeEntry(
			[last],
			'performance-decision',
			{
				officerId: 'o0011',
				date: today,
				by: 'o0011',
				decision: 'not-now',
				reason: 'Considered; not needed now.',
				evidence: [],
				caseRef: null,
			},
			`${today}T10:00:00.000Z`,
		);
		psqlRows(
			cluster,
			DB,
			'postgres',
			`INSERT INTO fortnight_chain VALUES ('${T}', ${own.seq}, 'performance-decision', NULL, '${last.hash}', '${own.hash}', ${q(own)})`,
		);
		const after = verify();
		expect(after.code, after.stdout + after.stderr).toBe(1);
		expect(after.stdout).toMatch(
			new RegExp(
				`^BROKEN: .*: entry ${own.seq}: entry ${own.seq} \\(performance-decision\\) records an act its actor could not take: ` +
					`DC Doyle cannot decide a performance trigger about themselves`,
			),
		);
	});
});
