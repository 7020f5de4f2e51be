/**
 * REVIEW-9 D6 on PostgreSQL: the sergeant's login moves an overdue case's `nextReviewDue` a month on with
 * one UPDATE through psql (the guards let it: fortnight_guard_case looks at the holder and the lists). The
 * database still takes the UPDATE (no migration here), but the signed review is the record: the inspector's
 * `problems` keep the overdue review, judged by the signed date, with a critical `review-date-edited`
 * naming the case and both dates, and `verify` says BROKEN (docs/rules.md "Reviews due").
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closePools} from '../../source/store/pg-connect.js';
import {addDays} from '../../source/domain/dates.js';
import {DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsDatabase, postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'nextreview';
const T = 'team-a';
const REF = 'CR/88397/26'; // overdue in the demo (test/domain/review/fixtures.ts OVERDUE_REF)

type Problems = Array<{kind: string; severity: string; message: string; subject: {ref?: string}}>;

describe.skipIf(skipPostgres)(`REVIEW-9 D6 on PostgreSQL: a case's next review date moved by a row UPDATE${postgresSkipReason}`, () => {
	let cluster: Cluster;
	beforeAll(async () => {
		cluster = startCluster();
		await demoTeamsDatabase(
			cluster,
			DB,
			[T],
			[
				['sgt_a', T, 'o0002'],
				['di_a', T, 'o0001'],
			],
		);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it('the inspector still sees the overdue review and a critical problem naming both dates; verify BROKEN', () => {
		const env = {XDG_CONFIG_HOME: tempDir()};
		const cli = (role: string, ...args: string[]) =>
			runCli([...args, '--store', `${cluster.url(DB, role)}&team=${T}`, '--today', DEMO_TODAY], {env});
		const problems = () => JSON.parse(cli('di_a', 'problems', '--json').stdout) as Problems;
		const about = (ps: Problems, kind: string) => ps.filter(p => p.kind === kind && p.subject.ref === REF);
		const before = about(problems(), 'review-overdue');
		expect(before).toHaveLength(1);
		expect(cli('di_a', 'verify').code).toBe(0);
		const moved = addDays(DEMO_TODAY, 30);
		const upd = cluster.psql(
			DB,
			`UPDATE fortnight_cases SET doc = jsonb_set(doc::jsonb, '{nextReviewDue}', '"${moved}"')::json
			 WHERE team_id = '${T}' AND key = '${REF}' RETURNING key`,
			'sgt_a',
		);
		expect(upd.status).toBe(0);
		const after = problems();
		expect(about(after, 'review-overdue').map(p => p.message)).toEqual(before.map(p => p.message));
		const [edited] = about(after, 'review-date-edited');
		expect(edited?.severity).toBe('critical');
		expect(edited?.message).toContain(`${REF}'s record says 30 Dec`);
		const verify = cli('di_a', 'verify');
		expect(verify.code).toBe(1);
		expect(verify.stdout).toMatch(
			new RegExp(
				`^BROKEN: .*: CR/88397/26's next review date ${moved} is later than the \\d{4}-\\d\\d-\\d\\d its signed record set \\(entry \\d+\\)`,
				'm',
			),
		);
	});
});
