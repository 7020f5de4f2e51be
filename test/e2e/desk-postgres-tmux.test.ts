/**
 * End to end on PostgreSQL (README "PostgreSQL"): the BUILT desk in a real terminal (tmux), opened by the
 * demo team's sergeant with their own database role, shows the team; the inspector records an absence
 * from the command line with theirs, and the open desk hears it at once (LISTEN/NOTIFY, no polling) and
 * says who changed what; q quits to the shell (the listening connection keeps nothing alive).
 */
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, DEMO, runCli} from '../helpers/cli.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-e2e-pg-${process.pid}-${Date.now()}`;
const {tmux, start, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');
const needTmux = !hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'];

describe.skipIf(skipPostgres || needTmux)(`the desk on PostgreSQL in a real terminal (tmux)${postgresSkipReason}`, () => {
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
			'CREATE ROLE ds_brennan LOGIN IN ROLE fortnight_officer; CREATE ROLE di_okafor LOGIN IN ROLE fortnight_officer; ' +
				"INSERT INTO fortnight_logins VALUES ('ds_brennan', 'polit-east', 'o0002'), ('di_okafor', 'polit-east', 'o0001')",
		);
		expect(roles.status, roles.stderr).toBe(0);
		start([120, 36], {vars: {PS1: 'e2e-prompt$ '}});
	}, 120_000);
	afterAll(() => {
		kill();
		cluster?.stop();
	});

	it("opens the sergeant's team, hears the inspector's change at once saying who made it, and quits", async () => {
		const url = `'${cluster.url('force', 'ds_brennan')}'`;
		tmux('send-keys', '-t', 'desk', '-l', `${process.execPath} ${CLI} --store ${url} --today ${TODAY} --as o0002`);
		tmux('send-keys', '-t', 'desk', 'Enter');
		const first = await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('60 live cases'));
		expect(first).toContain('PROBLEMS');
		// The desk is listening before the inspector writes (a notification sent before LISTEN is not heard).
		// Waited for by the clock, not a count of tries: under load each psql call takes longer.
		const listening = () =>
			cluster.psql('force', "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN fortnight'").stdout.trim() !== '0';
		for (const until = Date.now() + 30_000; !listening();) {
			expect(Date.now() < until, 'the desk never ran LISTEN fortnight').toBe(true);
			await new Promise(r => setTimeout(r, 25));
		}
		const inspector = cluster.url('force', 'di_okafor');
		const added = runCli([
			'--store',
			inspector,
			'--today',
			TODAY,
			'--as',
			'o0001',
			'absence',
			'add',
			'o0005',
			'--from',
			'2027-01-04',
			'--reason',
			'training',
		]);
		expect(added.code, added.stderr).toBe(0);
		const id = /Recorded (ab\d+)/.exec(added.stderr + added.stdout)![1]!;
		// Heard through NOTIFY, not a poll: a PostgreSQL desk does not poll (use-store-watch.ts), and only a
		// notification says who changed what ("DI Okafor changed absence ab..."; a poll says "another user").
		// Those words are the check. The wait had a 2.5 s limit ("well inside the 3 s a file desk polls at"),
		// a wall-clock race on a loaded CI machine that checked nothing the words do not; without NOTIFY the
		// words never come, and the wait fails.
		const heard = await waitForFrame('who changed what', x => x.includes(`changed absence ${id}`));
		expect(heard).toMatch(new RegExp(`Reloaded: DI \\w+ changed absence ${id} \\(revision \\d+\\)`));
		tmux('send-keys', '-t', 'desk', 'q');
		await waitForScreen('the shell after q', x => /e2e-prompt\$ $/m.test(x.trimEnd() + ' '));
	}, 180_000);
});
