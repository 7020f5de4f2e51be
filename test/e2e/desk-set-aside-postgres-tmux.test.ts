/**
 * A case whose PostgreSQL row was set aside as unreadable (docs/rules.md "Records set aside"), on the BUILT
 * desk in a real terminal (tmux): a login writes, through psql, the case's row without a field; the
 * sergeant's desk lists its CRITICAL problem, and the problem's detail offers no case keys but says why
 * (ui/model/case-set-aside.ts). Enter and the case keys pressed on it say the same, never "no longer in the
 * store" (the row is in the database), and the desk stays up.
 */
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, DEMO, runCli} from '../helpers/cli.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const REF = 'CR/32449/23';
const SOCKET = `fortnight-e2e-pg-set-aside-${process.pid}-${Date.now()}`;
const {keys, type, start, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');
const needTmux = !hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'];

describe.skipIf(skipPostgres || needTmux)(`a case set aside on a PostgreSQL desk (tmux)${postgresSkipReason}`, () => {
	let cluster: Cluster;
	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		cluster = startCluster();
		cluster.createDatabase('force');
		const owner = cluster.url('force');
		expect(runCli(['--store', owner, 'store', 'migrate']).code).toBe(0);
		const copied = runCli(['store', 'copy', '--from', DEMO, '--to', owner]);
		expect(copied.code, copied.stderr).toBe(0);
		const roles = cluster.psql(
			'force',
			"CREATE ROLE ds_brennan LOGIN IN ROLE fortnight_officer; INSERT INTO fortnight_logins VALUES ('ds_brennan', 'polit-east', 'o0002')",
		);
		expect(roles.status, roles.stderr).toBe(0);
		// His own login, through psql, takes a field away from a case of his team: the database does not check a record's shape.
		const bad = cluster.psql(
			'force',
			`UPDATE fortnight_cases SET doc = (doc::jsonb - 'offenceShort')::json WHERE key = '${REF}'`,
			'ds_brennan',
		);
		expect(bad.status, bad.stderr).toBe(0);
		start([140, 44], {vars: {PS1: 'e2e-prompt$ '}});
	}, 120_000);
	afterAll(() => {
		kill();
		cluster?.stop();
	});

	it('its detail offers no case keys and says why; Enter, r, m and b say it too; the desk stays up', async () => {
		type(`${process.execPath} ${CLI} --store '${cluster.url('force', 'ds_brennan')}' --today ${TODAY} --as o0002`);
		keys('Enter');
		await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('PROBLEMS') && !x.includes('checking the rules'));
		keys('BTab');
		type('/32449');
		keys('Enter');
		await waitForFrame('the problem in the panel', x => x.includes(`CRITICAL ${REF}`));
		keys('Enter');
		// The editor is beside the explorer: its lines are read from where they start on the screen.
		const detail = await waitForFrame('its detail', x => x.includes('No case keys:'));
		expect(detail).toContain(`No case keys: ${REF} cannot be read from the database (row`);
		const keysLine = detail.split('\n').find(l => l.includes('Keys:'))!;
		expect(keysLine.slice(keysLine.indexOf('Keys:'))).toMatch(/Keys: x close\s/);
		for (const key of ['Enter', 'r', 'm', 'b']) {
			// The status bar's notice goes on the next key; Tab there and back so each key's own notice is seen.
			keys('Tab');
			keys('BTab');
			keys(key);
			const said = await waitForFrame(
				`the notice after ${key}`,
				x => x.includes(`${REF} cannot be read from the database`) && x.includes('Record set aside'),
			);
			expect(said).not.toContain('no longer in the store');
		}
	}, 180_000);
});
