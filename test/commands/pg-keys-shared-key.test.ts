/**
 * One public key for several officers on PostgreSQL (QA 9 D5): the team's chain holds its enrolments as a
 * file store's does, so `keys enrol` refuses a key already enrolled for another officer (exit 2, nothing
 * added), and verify reports one written past it (by the database's owner) as a PROBLEM, exit 1.
 * Throwaway cluster, stopped in afterAll.
 */
import path from 'node:path';
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {ChainEntry, EnrolmentData} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {createSigningKey, loadSigningKey} from '../../source/store/index.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsOnCluster, postgresSkipReason, psqlRows, skipPostgres} from '../helpers/postgres.js';

const DB = 'sharedkey';
const T = 'team-a';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

describe.skipIf(skipPostgres)(`one key for several officers on PostgreSQL (QA 9 D5)${postgresSkipReason}`, () => {
	const pg = demoTeamsOnCluster(
		DB,
		[T],
		[
			['di_a', T, 'o0001'],
			['marsh_a', T, 'o0006'],
		],
	);

	it('keys enrol refuses DC Marsh key for DC Iqbal; a chain holding it anyway fails verify', async () => {
		const di = {XDG_CONFIG_HOME: tempDir()};
		const marsh = {XDG_CONFIG_HOME: tempDir()};
		const as = (role: string, env: NodeJS.ProcessEnv, ...args: string[]) =>
			runCli([...args, '--store', `${pg.cluster.url(DB, role)}&team=${T}`, '--today', pg.today], {env});
		const init = as('di_a', di, 'keys', 'init');
		expect(init.code, init.stderr).toBe(0);
		// An officer's own login reads nothing of the team on PostgreSQL, so DC Marsh's key is made as "keys init" makes it.
		const made = await createSigningKey('o0006', {env: marsh});
		const pub = path.join(marsh.XDG_CONFIG_HOME, 'o0006.pub.pem');
		writeFileSync(pub, made.publicKeyPem);
		const hers = as('di_a', di, 'keys', 'enrol', 'o0006', '--public-key', pub);
		expect(hers.code, hers.stderr).toBe(0);
		const count = () => psqlRows(pg.cluster, DB, 'postgres', `SELECT count(*) FROM fortnight_chain WHERE team_id = '${T}'`);
		const before = count();
		const again = as('di_a', di, 'keys', 'enrol', 'o0004', '--public-key', pub);
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/is already enrolled for DC Helen Marsh \(o0006\) \(entry \d+\): one key is one officer's/);
		expect(again.stderr).toContain('Nothing was saved.');
		expect(count()).toBe(before);

		// Written by the database's owner, signed with DI Okafor's enrolled key: the chain is intact, the key shared.
		const last = JSON.parse(
			psqlRows(pg.cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
		const marshEnrolment = last as Extract<ChainEntry, {kind: 'enrolment'}>;
		expect(marshEnrolment.data.officerId).toBe('o0006');
		const enrolment: EnrolmentData = {
			officerId: 'o0004',
			publicKey: readFileSync(pub, 'utf8'),
			fingerprint: marshEnrolment.data.fingerprint,
			date: pg.today,
			by: 'o0001',
			first: false,
		};
		const key = (await loadSigningKey('o0001', {env: di}))!;
		const shared = makeEntry([last], 'enrolment', enrolment, `${pg.today}T10:00:00.000Z`, key);
		psqlRows(
			pg.cluster,
			DB,
			'postgres',
			`INSERT INTO fortnight_chain VALUES ('${T}', ${shared.seq}, 'enrolment', NULL, '${last.hash}', '${shared.hash}', ${q(shared)})`,
		);
		const verify = as('di_a', di, 'verify');
		expect(verify.code, verify.stdout + verify.stderr).toBe(1);
		expect(verify.stdout).toMatch(
			new RegExp(
				`^PROBLEM: .*: entry ${shared.seq}: key ${marshEnrolment.data.fingerprint.slice(0, 16)}\\.\\.\\. is enrolled for 2 officers ` +
					`\\(DC Helen Marsh \\(o0006\\) entry ${last.seq}, vouched for by DI Rachel Okafor \\(o0001\\); DC Priya Iqbal \\(o0004\\) ` +
					`entry ${shared.seq}, vouched for by DI Rachel Okafor \\(o0001\\)\\): whoever holds it signs as any of them`,
				'm',
			),
		);
		const list = as('di_a', di, 'keys', 'list');
		expect(list.code, list.stderr).toBe(0);
		expect(list.stdout).toMatch(/^PROBLEM: Key [0-9a-f]{16}\.\.\. is enrolled for 2 officers/m);
	});
});
