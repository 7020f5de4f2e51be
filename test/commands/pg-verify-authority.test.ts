/**
 * `verify` on PostgreSQL judges authority too (REVIEW-9 D4; source/domain/authority-check.ts): a performance
 * decision a cover made about himself, however it reached the team's chain (here written by the database's
 * owner, past the guards the database applies to officer logins), is BROKEN when the inspector runs verify
 * (exit 1, "entry N: <reason>"). Throwaway cluster, stopped in afterAll.
 */
import {describe, expect, it} from 'vitest';
import type {ChainEntry} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsOnCluster, insertCoverAbsence, postgresSkipReason, psqlRows, skipPostgres} from '../helpers/postgres.js';

const DB = 'verifyauth';
const T = 'team-a';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

describe.skipIf(skipPostgres)(`verify judges authority on PostgreSQL (REVIEW-9 D4)${postgresSkipReason}`, () => {
	const pg = demoTeamsOnCluster(DB, [T], [['di_a', T, 'o0001']], made => insertCoverAbsence(made, DB, T, 'o0011'));

	it("DC Doyle's decision on his own trigger, made while he covers DS Brennan, fails the inspector's verify", () => {
		const verify = () =>
			runCli(['verify', '--store', `${pg.cluster.url(DB, 'di_a')}&team=${T}`, '--today', pg.today], {env: {XDG_CONFIG_HOME: tempDir()}});
		const before = verify();
		expect(before.code, before.stdout + before.stderr).toBe(0);
		const last = JSON.parse(
			psqlRows(pg.cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
		const own = makeEntry(
			[last],
			'performance-decision',
			{
				officerId: 'o0011',
				date: pg.today,
				by: 'o0011',
				decision: 'not-now',
				reason: 'Considered; not needed now.',
				evidence: [],
				caseRef: null,
			},
			`${pg.today}T10:00:00.000Z`,
		);
		psqlRows(
			pg.cluster,
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
