/**
 * On PostgreSQL a login reads as its own officer, as it records (README "Who you are", "Who may read
 * what"): an --as or FORTNIGHT_USER naming anyone else is refused (exit 2, the sentence naming the login's
 * officer) by the commands that only read, as `handover`, `calendar` and the desk refuse it. REVIEW 5 D6
 * found `problems`, `case show`, `log`, `completion` and `keys list/export` answering as whoever `--as`
 * named, because their read never learnt the database login (commands/read-scope.ts readForReader now
 * does). The demo team: o0001 DI Rachel Okafor, o0002 DS Tom Brennan (the sergeant's login), o0003.. DCs.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli} from '../helpers/cli.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster, demoTeamsDatabase} from '../helpers/postgres.js';

const DB = 'readas';
const T = 'team-a';
const SERGEANT = 'sgt_a';
const BRENNAN = 'o0002';
const REF = 'CR/87204/26';

describe.skipIf(skipPostgres)(`on PostgreSQL the read commands read as the login's officer${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
		runCli([...args, '--store', `${cluster.url(DB, SERGEANT)}&team=${T}`, '--today', today], {env});
	const login = /your database login "sgt_a" is DS Tom Brennan \(o0002\) in this team: on PostgreSQL you act as your login's officer/;

	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(cluster, DB, [T], [[SERGEANT, T, BRENNAN]]);
	}, 180_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	const reads: readonly (readonly string[])[] = [
		['problems', '--json'],
		['problems'],
		['case', 'show', REF],
		['log', '--format', 'json'],
		['completion', '--values', 'refs'],
		['keys', 'list'],
		['keys', 'export', 'o0002'],
		['absence', 'list'],
		['verify'],
		['whoami'],
		['handover'],
		['calendar'],
	];

	it('an --as naming someone else is refused by every one of them: exit 2, the same sentence, nothing printed', () => {
		for (const args of reads) {
			const r = cli([...args, '--as', 'DC Iqbal']);
			expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
			expect(r.stderr, args.join(' ')).toMatch(login);
			expect(r.stderr, args.join(' ')).toContain('--as names DC');
			expect(r.stderr, args.join(' ')).not.toContain('--help');
			expect(r.stdout, args.join(' ')).toBe('');
		}
	});

	it('FORTNIGHT_USER naming someone else likewise', () => {
		for (const args of reads) {
			const r = cli([...args], {FORTNIGHT_USER: 'o0001'});
			expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
			expect(r.stderr, args.join(' ')).toMatch(login);
			expect(r.stderr, args.join(' ')).toContain('FORTNIGHT_USER names DI Rachel Okafor (o0001)');
		}
	});

	it('with no --as, or one naming the login’s own officer, each reads as the sergeant', () => {
		for (const args of reads) {
			for (const extra of [[], ['--as', 'Brennan']]) {
				const r = cli([...args, ...extra]);
				// The demo's sergeant has no key enrolled: export gets past who he is, to that.
				if (args[1] === 'export') expect(r.stderr).toContain('DS Tom Brennan has no enrolled key in this store');
				else expect(r.code, `${[...args, ...extra].join(' ')}: ${r.stderr}`).toBe(0);
			}
		}
		// The same with his own name given as with none.
		const problems = cli(['problems', '--json']).stdout;
		expect(cli(['problems', '--json', '--as', 'Brennan']).stdout).toBe(problems);
		expect((JSON.parse(problems) as unknown[]).length).toBeGreaterThan(0);
	});
});
