/**
 * A throwaway PostgreSQL cluster for one test file (README "PostgreSQL"): `initdb` into a temporary
 * folder, a Unix socket in that folder and no TCP port (listen_addresses=''), stopped and removed
 * afterwards. Debian puts the server's programs in /usr/lib/postgresql/N/bin, not on PATH, so both are
 * searched. As root the cluster is made and run by the `postgres` OS user (the server refuses root).
 *
 * Without the programs the tests skip, saying why; with FORTNIGHT_REQUIRE_POSTGRES=1 (CI) they fail.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll} from 'vitest';

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
	const candidates: string[] = [];
	for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian)
			.filter(v => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const v of versions) candidates.push(path.join(debian, v, 'bin'));
	}
	for (const dir of candidates) {
		if (['initdb', 'pg_ctl', 'postgres'].every(p => existsSync(path.join(dir, p)))) return dir;
	}
	// initdb on PATH is often a link into the versioned folder where postgres itself lives.
	for (const dir of candidates) {
		const initdb = path.join(dir, 'initdb');
		if (!existsSync(initdb)) continue;
		try {
			const real = path.dirname(execFileSync('readlink', ['-f', initdb], {encoding: 'utf8'}).trim());
			if (['pg_ctl', 'postgres'].every(p => existsSync(path.join(real, p)))) return real;
		} catch {
			// not a link we can follow
		}
	}
	return null;
}

export const postgresBin = findPostgresBin();
export const postgresRequired = process.env['FORTNIGHT_REQUIRE_POSTGRES'] === '1';
/** True when the PostgreSQL tests must skip (no server programs, and CI does not require them). */
export const skipPostgres = postgresBin === null && !postgresRequired;
/** The reason printed in a skipped suite's name. */
export const postgresSkipReason =
	postgresBin === null ? ' (skipped: no initdb/pg_ctl/postgres on PATH or in /usr/lib/postgresql/*/bin)' : '';

const isRoot = process.getuid?.() === 0;

export interface Cluster {
	/** The folder holding the data, the socket and the log. */
	dir: string;
	/** Where the server's Unix socket is. */
	socketDir: string;
	/** A postgres:// URL for `database` as `user` (the superuser, `postgres`, by default), over the socket. */
	url(database: string, user?: string): string;
	/** Runs SQL through psql as `user` (default the superuser) and returns its output (tuples only, unaligned). */
	psql(database: string, sql: string, user?: string): {status: number; stdout: string; stderr: string};
	createDatabase(name: string): void;
	/** pg_ctl stop -m immediate: the server dies as in a power cut (no checkpoint), then start again. */
	crashAndRestart(): void;
	stop(): void;
}

/** Runs a server program, as the `postgres` user when we are root. */
function run(bin: string, args: string[], options: {input?: string} = {}): {status: number; stdout: string; stderr: string} {
	const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	const r = spawnSync(cmd, argv, {encoding: 'utf8', input: options.input, cwd: os.tmpdir()});
	return {status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? ''};
}

function must(what: string, r: {status: number; stdout: string; stderr: string}): string {
	if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
	return r.stdout;
}

/** initdb, then start the server on a socket in a new temporary folder. */
export function startCluster(): Cluster {
	if (!postgresBin)
		throw new Error(
			'PostgreSQL is required (FORTNIGHT_REQUIRE_POSTGRES=1) but initdb/pg_ctl/postgres were not found ' +
				'on PATH or in /usr/lib/postgresql/*/bin.',
		);
	const bin = (name: string) => path.join(postgresBin, name);
	const dir = mkdtempSync(path.join(os.tmpdir(), 'fortnight-pg-'));
	chmodSync(dir, 0o700);
	if (isRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], {encoding: 'utf8'}).trim());
		chownSync(dir, uid, gid);
	}
	const data = path.join(dir, 'data');
	const log = path.join(dir, 'server.log');
	must('initdb', run(bin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']));
	// No TCP at all; the socket in our own folder; small, so several test files can run clusters at once.
	const conf = [
		`listen_addresses = ''`,
		`unix_socket_directories = '${dir}'`,
		'shared_buffers = 16MB',
		'max_connections = 60',
		'fsync = on',
	];
	const extra = path.join(dir, 'extra.conf');
	writeFileSync(extra, conf.join('\n') + '\n');
	if (isRoot) execFileSync('chown', ['postgres:postgres', extra]);
	must('configure', run('/bin/sh', ['-c', `echo "include '${extra}'" >> '${data}/postgresql.conf'`]));
	const start = () => must('pg_ctl start', run(bin('pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', 'start']));
	start();
	const psqlBin = existsSync(bin('psql')) ? bin('psql') : 'psql';
	const cluster: Cluster = {
		dir,
		socketDir: dir,
		url: (database, user = 'postgres') =>
			`postgresql://${encodeURIComponent(user)}@/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}`,
		psql(database, sql, user = 'postgres') {
			const r = spawnSync(psqlBin, ['-h', dir, '-U', user, '-d', database, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
				encoding: 'utf8',
			});
			return {status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? ''};
		},
		createDatabase(name) {
			must('createdb', cluster.psql('postgres', `CREATE DATABASE "${name}"`));
		},
		crashAndRestart() {
			must('pg_ctl stop -m immediate', run(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']));
			start();
		},
		stop() {
			run(bin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
			rmSync(dir, {recursive: true, force: true});
		},
	};
	return cluster;
}

/**
 * Stops at once (`-m immediate`) a server still running on the cluster folder `dir` (a startCluster
 * folder): one a test file never stopped, or a killed run's. Its folder is about to be removed, and a
 * server on removed files keeps their disk space and its memory until it exits. Nothing when no server
 * runs there (no postmaster.pid) or PostgreSQL is not installed.
 */
export function stopLeftoverServer(dir: string): void {
	const data = path.join(dir, 'data');
	if (!postgresBin || !existsSync(path.join(data, 'postmaster.pid'))) return;
	// pg_ctl signals whatever process postmaster.pid names; a killed run's pid may since belong to another
	// run's server or the machine's own PostgreSQL (REVIEW 8 D3). Only that cluster's own postmaster is stopped.
	if (!postmasterOf(data)) return;
	run(path.join(postgresBin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
}

/** Whether the process postmaster.pid names in `data` is a postgres server started on `data` (Linux /proc). */
function postmasterOf(data: string): boolean {
	try {
		const [pidLine, dirLine] = readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n');
		const pid = Number(pidLine);
		if (!Number.isInteger(pid) || pid <= 0) return false;
		const here = realpathSync(data);
		if (dirLine === undefined || realpathSync(dirLine) !== here) return false;
		const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		return path.basename(argv[0] ?? '') === 'postgres' && argv.some(a => a === data || a === here || a === dirLine);
	} catch {
		return false;
	}
}

/** psql's output as `user` on `db`, trimmed; a failure throws with psql's own words. */
export function psqlRows(cluster: Cluster, db: string, user: string, text: string): string {
	const r = cluster.psql(db, text, user);
	if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
	return r.stdout.trim();
}

/**
 * Database `db` on `cluster`, migrated, holding the demo team once under each id in `teams` (its absences
 * left out, so nobody is covering anyone), and for each [role, team, officer] in `logins` a login role of
 * fortnight_officer mapped to that officer. Returns the server's date (the day the tests write on).
 */
export async function demoTeamsDatabase(
	cluster: Cluster,
	db: string,
	teams: readonly string[],
	logins: ReadonlyArray<readonly [role: string, team: string, officer: string]>,
): Promise<string> {
	const [{insertWholeTeam, migrateDatabase}, {demoData}] = await Promise.all([
		import('../../source/store/pg-admin.js'),
		import('./demo.js'),
	]);
	cluster.createDatabase(db);
	await migrateDatabase(cluster.url(db));
	const demo = demoData();
	for (const id of teams) await insertWholeTeam(cluster.url(db), {...demo, team: {...demo.team, id}, absences: []}, [], []);
	for (const [role, team, officer] of logins) {
		psqlRows(cluster, db, 'postgres', `CREATE ROLE ${role} LOGIN IN ROLE fortnight_officer`);
		psqlRows(cluster, db, 'postgres', `INSERT INTO fortnight_logins VALUES ('${role}', '${team}', '${officer}')`);
	}
	return psqlRows(cluster, db, 'postgres', 'SELECT current_date');
}

/** What demoTeamsOnCluster gives a describe block, filled in by its beforeAll. */
export interface DemoTeamsCluster {
	cluster: Cluster;
	/** The server's date: the day the tests write on. */
	today: string;
	/** The store URL of team `team` as login `role`. */
	store(role: string, team: string): string;
}

/**
 * One throwaway cluster for a describe block with demoTeamsDatabase's database on it (beforeAll), stopped
 * with every pool closed afterwards (afterAll): the set-up the PostgreSQL tests each wrote out before.
 * Read its fields inside tests and hooks, after beforeAll has run.
 */
export function demoTeamsOnCluster(
	db: string,
	teams: readonly string[],
	logins: ReadonlyArray<readonly [role: string, team: string, officer: string]>,
	/** More set-up once the database is there (still in beforeAll). */
	then?: (made: DemoTeamsCluster) => void | Promise<void>,
): DemoTeamsCluster {
	const made: DemoTeamsCluster = {
		cluster: undefined as unknown as Cluster,
		today: '',
		store: (role, team) => `${made.cluster.url(db, role)}&team=${team}`,
	};
	beforeAll(async () => {
		made.cluster = startCluster();
		made.today = await demoTeamsDatabase(made.cluster, db, teams, logins);
		await then?.(made);
	}, 180_000);
	afterAll(async () => {
		const {closePools} = await import('../../source/store/pg-connect.js');
		await closePools();
		made.cluster?.stop();
	});
	return made;
}

/**
 * DS Brennan (o0002) on sick leave `from`-`to` (days from the server's date) with `coverId` named to cover,
 * recorded by DI Okafor, put in by the database's owner as absence abR9: the cover the PostgreSQL
 * authority tests start from.
 */
export function insertCoverAbsence(made: DemoTeamsCluster, db: string, team: string, coverId: string, from = -1, to = 5): void {
	const day = (n: number) => new Date(Date.parse(`${made.today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
	const absence = {
		id: 'abR9',
		officerId: 'o0002',
		from: day(from),
		to: day(to),
		reason: 'sick',
		coverOfficerId: coverId,
		recordedAt: `${day(from)}T08:00:00.000Z`,
		recordedBy: 'o0001',
	};
	const doc = `'${JSON.stringify(absence).replace(/'/g, "''")}'`;
	psqlRows(made.cluster, db, 'postgres', `INSERT INTO fortnight_absences VALUES ('${team}', 'abR9', 9000, 1, ${doc})`);
}
