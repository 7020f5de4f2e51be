/**
 * A throwaway PostgreSQL cluster for the bench, made as the tests make theirs (test/helpers/postgres.ts,
 * README "PostgreSQL"): `initdb` into a temporary folder, a Unix socket in that folder and no TCP port,
 * run as the `postgres` OS user when the bench runs as root (the server refuses root). Stopped and
 * removed when the bench process exits. Debian keeps the programs in /usr/lib/postgresql/N/bin.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder holding initdb, pg_ctl and postgres, or null. */
export function postgresBin() {
	const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian))
		for (const v of readdirSync(debian)
			.filter(v => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a)))
			dirs.push(path.join(debian, v, 'bin'));
	return dirs.find(d => ['initdb', 'pg_ctl', 'postgres', 'psql'].every(p => existsSync(path.join(d, p)))) ?? null;
}

const isRoot = process.getuid?.() === 0;

function run(bin, args) {
	const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
	const r = spawnSync(cmd, argv, {encoding: 'utf8', cwd: os.tmpdir()});
	if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${(r.stderr || r.stdout || '').trim().slice(0, 400)}`);
	return r.stdout;
}

/**
 * Starts a cluster; returns {dir, url(db, user), psql(db, sql, user), restart(), stop()}. Settings are the
 * server's defaults but for the socket, no TCP and a modest shared_buffers (the machine is shared).
 */
export function startCluster() {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed (no initdb/pg_ctl/postgres/psql on PATH or in /usr/lib/postgresql/*/bin)');
	const p = name => path.join(bin, name);
	const dir = mkdtempSync(path.join(os.tmpdir(), 'fortnight-bench-pg-'));
	chmodSync(dir, 0o700);
	if (isRoot) {
		const id = flag => Number(execFileSync('id', [flag, 'postgres'], {encoding: 'utf8'}).trim());
		chownSync(dir, id('-u'), id('-g'));
	}
	const data = path.join(dir, 'data');
	run(p('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
	const extra = path.join(dir, 'extra.conf');
	writeFileSync(
		extra,
		[`listen_addresses = ''`, `unix_socket_directories = '${dir}'`, 'shared_buffers = 128MB', 'max_connections = 40', ''].join('\n'),
	);
	if (isRoot) execFileSync('chown', ['postgres:postgres', extra]);
	run('/bin/sh', ['-c', `echo "include '${extra}'" >> '${data}/postgresql.conf'`]);
	const start = () => run(p('pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '120', 'start']);
	start();
	let stopped = false;
	const cluster = {
		dir,
		url: (db, user = 'postgres') => `postgresql://${encodeURIComponent(user)}@/${encodeURIComponent(db)}?host=${encodeURIComponent(dir)}`,
		psql(db, sql, user = 'postgres') {
			const r = spawnSync(p('psql'), ['-h', dir, '-U', user, '-d', db, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
				encoding: 'utf8',
			});
			if (r.status !== 0) throw new Error(`psql as ${user} on ${db} failed: ${(r.stderr ?? '').trim().slice(0, 400)}`);
			return r.stdout.trim();
		},
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run(p('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} catch {
				// already gone
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
	process.once('exit', () => cluster.stop());
	// Interrupted (Ctrl-C, a kill), the bench still leaves no server behind.
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => {
			cluster.stop();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	return cluster;
}
