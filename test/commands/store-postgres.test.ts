/**
 * The built CLI on a PostgreSQL store (README "PostgreSQL"): `store migrate` makes the tables and refuses
 * a database newer than the program; `store copy` moves the demo team from its JSON file into the
 * database and back, losslessly: problems --json, handover --format json and log --format json print
 * the same bytes on both, verify the same head, and the file copied back is the same data and notes.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {latestVersion, migrations} from '../../source/store/pg-migrate.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {demoCopy, DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const ENV = {FORTNIGHT_NOW: '2026-11-30T09:00:00.000Z'};
const cli = (args: string[]) => runCli(['--today', DEMO_TODAY, ...args], {env: ENV});

describe.skipIf(skipPostgres)(`fortnight on a PostgreSQL store${postgresSkipReason}`, () => {
	let cluster: Cluster;
	beforeAll(() => {
		cluster = startCluster();
		cluster.createDatabase('force');
		cluster.createDatabase('future');
		cluster.createDatabase('records');
		cluster.createDatabase('scope');
	});
	afterAll(() => cluster?.stop());

	it('store migrate makes the tables once, then has nothing to do; a database that is not migrated is refused with what to run', () => {
		const url = cluster.url('force');
		const before = cli(['--store', url, 'problems', '--json']);
		expect(before.code).toBe(3);
		expect(before.stderr).toContain('has no fortnight tables yet. Run "fortnight store migrate');
		const first = cli(['--store', url, 'store', 'migrate']);
		expect(first.stderr + first.stdout).toContain(`migrated from schema version 0 to ${latestVersion()}`);
		expect(first.code).toBe(0);
		const again = cli(['--store', url, 'store', 'migrate']);
		expect(again.stderr + again.stdout).toContain(`already at schema version ${latestVersion()}; nothing to do`);
	});

	it('reads as the person at the keyboard, the same on both stores (README "Who may read what")', () => {
		const url = cluster.url('scope');
		const {store} = demoCopy();
		expect(cli(['--store', url, 'store', 'migrate']).code).toBe(0);
		const copied = cli(['store', 'copy', '--from', store, '--to', url]);
		expect(copied.code, copied.stderr).toBe(0);
		const as = (s: string, who: string, args: string[]) => runCli(['--today', DEMO_TODAY, '--store', s, ...args, '--as', who], {env: ENV});
		for (const who of ['DC Iqbal', 'DI Okafor']) {
			for (const args of [
				['problems', '--json'],
				['log', '--format', 'json'],
				['case', 'show', 'CR/88397/26', '--json'],
				['absence', 'list', '--all', '--json'],
			]) {
				const onFile = as(store, who, args);
				const onDatabase = as(url, who, args);
				expect(onDatabase.code, `${who} ${args.join(' ')}`).toBe(onFile.code);
				expect(onDatabase.stdout).toBe(onFile.stdout);
				expect(onDatabase.stderr).toBe(onFile.stderr);
			}
		}
		// DC Iqbal: their own problems only, and the log refused, on the database as on the file.
		const problems = JSON.parse(as(url, 'DC Iqbal', ['problems', '--json']).stdout) as {subject: {officerId: string}}[];
		expect(problems).toHaveLength(7);
		for (const p of problems) expect(p.subject.officerId).toBe('o0004');
		const log = as(url, 'DC Iqbal', ['log']);
		expect(log.code).toBe(2);
		expect(log.stderr).toContain('DC Iqbal cannot read the review log');
	}, 120_000);

	it('refuses a database newer than this fortnight, changing nothing', () => {
		const url = cluster.url('future');
		expect(cli(['--store', url, 'store', 'migrate']).code).toBe(0);
		cluster.psql('future', "INSERT INTO fortnight_migrations (version, name) VALUES (99, 'from-the-future')");
		for (const args of [
			['store', 'migrate'],
			['problems', '--json'],
		]) {
			const r = cli(['--store', url, ...args]);
			expect(r.code).toBe(3);
			expect(r.stderr).toContain(`is at schema version 99, newer than this fortnight knows (${latestVersion()})`);
			expect(r.stderr).not.toContain('    at ');
		}
		// Every migration this fortnight knows, and the one from the future: nothing more was recorded.
		expect(cluster.psql('future', 'SELECT count(*) FROM fortnight_migrations').stdout.trim()).toBe(String(migrations().length + 1));
	});

	// Sixteen CLI runs on two stores: seconds each on a loaded machine, so more than the default 30 s (the timeout at the end).
	it('copies the demo into the database and back: the same problems, handover, log, verify head, data and welfare notes', () => {
		const url = cluster.url('force');
		const {store} = demoCopy();
		// The demo is schema 1: split it first so both sides start from the same schema-3 store.
		expect(cli(['--store', store, 'store', 'migrate']).code).toBe(0);
		const into = cli(['store', 'copy', '--from', store, '--to', url]);
		expect(into.stderr + into.stdout).toMatch(/Copied team polit-east \(60 cases, a chain of \d+ entries, 2 welfare notes\)/);
		expect(into.code).toBe(0);
		const outputs = (s: string) => [
			cli(['--store', s, 'problems', '--json']),
			cli(['--store', s, 'handover', '--from', '2026-11-16', '--to', DEMO_TODAY, '--format', 'json']),
			cli(['--store', s, 'log', '--format', 'json']),
		];
		const onFile = outputs(store);
		const onDb = outputs(url);
		for (let i = 0; i < onFile.length; i++) {
			expect(onFile[i]!.code).toBe(0);
			expect(onDb[i]!.code).toBe(0);
			expect(onDb[i]!.stdout.length).toBeGreaterThan(100);
			expect(onDb[i]!.stdout).toBe(onFile[i]!.stdout);
		}
		// The handover's decisions name their problems by the ids problems --json prints, on the database too.
		const problemIds = new Set((JSON.parse(onDb[0]!.stdout) as {id: string}[]).map(p => p.id));
		const decisions = (JSON.parse(onDb[1]!.stdout) as {decisions: {problemId: string}[]}).decisions;
		expect(decisions.length).toBeGreaterThan(0);
		for (const d of decisions) expect(problemIds, d.problemId).toContain(d.problemId);
		const head = (s: string) => /head (\d+:[0-9a-f]{64})/.exec(cli(['--store', s, 'verify']).stdout)?.[1];
		expect(head(url)).toBe(head(store));
		expect(head(url)).toBeDefined();
		// And back: a new JSON store with the same data, chain and notes.
		const back = path.join(tempDir('fortnight-back-'), 'back.json');
		const out = cli(['store', 'copy', '--from', url, '--to', back]);
		expect(out.code).toBe(0);
		expect(head(back)).toBe(head(store));
		const exported = (s: string) => {
			const file = path.join(tempDir('fortnight-one-'), 'one.json');
			expect(cli(['--store', s, 'store', 'export', '--single-file', '--out', file]).code).toBe(0);
			return JSON.parse(readFileSync(file, 'utf8')) as unknown;
		};
		expect(exported(back)).toEqual(exported(store));
		// The database itself exports the same single file.
		expect(exported(url)).toEqual(exported(store));
		const welfare = (file: string) => JSON.parse(readFileSync(file.replace(/\.json$/, '.welfare.json'), 'utf8')) as unknown;
		expect(welfare(back)).toEqual(welfare(store));
		// A copy never replaces a team: the same team again is refused.
		const twice = cli(['store', 'copy', '--from', store, '--to', url]);
		expect(twice.code).toBe(3);
		expect(twice.stderr).toContain('is already in the database');
	}, 120_000);

	it('holds signed supervisory records with the same hashes as the file store: verify gives the same answer on both', async () => {
		const url = cluster.url('records');
		const {store} = demoCopy();
		expect(cli(['--store', store, 'store', 'migrate']).code).toBe(0);
		const di = await enrolKey(store, 'o0001');
		const ds = await enrolKey(store, 'o0002', di.key);
		// As DS Brennan with her enrolled key (README "Signed records"); the same instant on both stores.
		const as = (s: string, args: string[]) =>
			runCli(['--today', DEMO_TODAY, '--store', s, ...args], {env: {...ENV, ...ds.env, FORTNIGHT_USER: 'o0002'}});
		expect(as(store, ['bail', 'record', 'CR/87204/26', '--event', 're-bailed', '--return', '2026-12-09']).code).toBe(0);
		expect(cli(['--store', url, 'store', 'migrate']).code).toBe(0);
		const copied = cli(['store', 'copy', '--from', store, '--to', url]);
		expect(copied.code, copied.stderr).toBe(0);
		for (const s of [store, url]) {
			// An officer names no cover and moves no case, on either store (README "Who may change absences and cover").
			const officer = (args: string[]) => runCli(['--today', DEMO_TODAY, '--store', s, ...args, '--as', 'DC Iqbal'], {env: ENV});
			const self = officer(['absence', 'change', 'ab0002', '--cover', 'DC Iqbal']);
			expect(self.code, s).toBe(2);
			expect(self.stderr).toContain("DC Iqbal cannot name themselves as cover for DS Brennan's absence ab0002");
			const moved = officer(['case', 'reallocate', 'CR/64148/26', '--to', 'DC Iqbal', '--reason', 'I take it']);
			expect(moved.code, s).toBe(2);
			expect(moved.stderr).toContain('DC Iqbal does not supervise DC Ashworth');
			const r = as(s, ['absence', 'change', 'ab0003', '--cover', 'DC Marsh']);
			expect(r.code, r.stderr).toBe(0);
		}
		const verified = (s: string) => {
			const r = cli(['--store', s, 'verify']);
			expect(r.code, r.stdout).toBe(0);
			return r.stdout.replace(s, 'STORE');
		};
		const onFile = verified(store);
		expect(onFile).toMatch(
			/Supervisory records \(bail events, welfare events, reallocations, absences\): 3 records signed by their authors/,
		);
		expect(verified(url)).toBe(onFile);
		// The database holds the same signed entries, byte for byte as JSON.
		const last = (s: string) => {
			const file = path.join(tempDir('fortnight-one-'), 'one.json');
			expect(cli(['--store', s, 'store', 'export', '--single-file', '--out', file]).code).toBe(0);
			const chain = (JSON.parse(readFileSync(file, 'utf8')) as {chain: {kind: string}[]}).chain;
			return chain.filter(e => e.kind === 'record');
		};
		const records = last(store);
		// Per store, ab0003 (started 28 Nov) ended the day before and a part added from today (README "Absences").
		expect(records).toHaveLength(3);
		expect(last(url)).toEqual(records);
	}, 120_000);
});
