/**
 * A force in PostgreSQL for the bench (issue 19): N cases across 40 fortnight teams in one database, each
 * team put in with `fortnight store copy` from a one-team JSON store, as a force moving to PostgreSQL would.
 *
 * A generated store is one fortnight team whatever its `--teams` (those are sergeants' groups inside it),
 * so the force's 40 teams are 40 one-team stores, generated once with the bench's own generator call into
 * the same generator-keyed cache as the other bench stores (lib/stores.mjs), each under its own team id.
 * The team the figures are about ("the measured team": 1,250 cases, one-fortieth of 50,000) is the same
 * store in both forces, so a figure at 50,000 against one at 5,000 shows what the force's size alone costs:
 * - 5,000 cases: the measured team and 39 teams of 96 or 97 cases;
 * - 50,000 cases: the measured team and 39 teams of 1,250 cases.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {REFERENCE_DATE, SEED, chainOf} from './stores.mjs';
import {runNode} from './spawn.mjs';

export const FORCE_TEAMS = 40;
export const MEASURED_CASES = 1250;
export const MEASURED_TEAM = 'force-00';

const welfareOf = file => file.replace(/\.json$/, '.welfare.json');

/** The case count of each of the force's teams, the measured team first. */
export function teamSizes(force) {
	const rest = force - MEASURED_CASES;
	const others = FORCE_TEAMS - 1;
	const base = Math.floor(rest / others);
	return [MEASURED_CASES, ...Array.from({length: others}, (_, i) => base + (i < rest - base * others ? 1 : 0))];
}

/**
 * One team's store in `dir` (generated when missing): `fortnight generate` with a seed of its own, then
 * its team id set (the generator names every team alike). Returns its path.
 */
async function teamStore(dir, index, cases, log) {
	const id = `force-${String(index).padStart(2, '0')}`;
	// The measured team is shared by both forces; the others are named by their size.
	const file = path.join(dir, index === 0 ? `${id}.json` : `${id}-${cases}.json`);
	if (existsSync(file)) return {id, file, cases};
	const tmp = path.join(dir, `.${id}-${cases}.${process.pid}.json`);
	log(`generating team ${id} (${cases} cases) for the PostgreSQL force (once; cached)`);
	await runNode(
		[
			'dist/cli.js',
			'generate',
			'--cases',
			String(cases),
			'--seed',
			`${SEED}-${index === 0 ? 'measured' : `${id}-${cases}`}`,
			'--reference-date',
			REFERENCE_DATE,
			'--out',
			tmp,
			'--force',
		],
		{timeoutMs: 600_000},
	);
	const text = readFileSync(tmp, 'utf8');
	const from = '"team":{"id":"';
	const at = text.indexOf(from);
	if (at < 0) throw new Error(`the generated store ${tmp} has no team id where one was expected`);
	const end = text.indexOf('"', at + from.length);
	writeFileSync(tmp, text.slice(0, at + from.length) + id + text.slice(end));
	renameSync(chainOf(tmp), chainOf(file));
	renameSync(welfareOf(tmp), welfareOf(file));
	renameSync(tmp, file);
	return {id, file, cases};
}

/** The force's team stores for `force` cases (generating what is missing) in `cacheDir`/force. */
export async function forceStores(cacheDir, force, log) {
	const dir = path.join(cacheDir, 'force');
	mkdirSync(dir, {recursive: true});
	const teams = [];
	for (const [i, cases] of teamSizes(force).entries()) teams.push(await teamStore(dir, i, cases, log));
	return teams;
}

/**
 * Database `db` in `cluster`, migrated, holding the force's teams (each by `fortnight store copy`), and a
 * login role for the measured team's sergeant: {owner, sergeant (URL), sergeantId, measured (its JSON store)}.
 */
export async function loadForce(cluster, db, teams, log) {
	cluster.psql('postgres', `CREATE DATABASE ${db}`);
	const owner = cluster.url(db);
	await runNode(['dist/cli.js', '--store', owner, 'store', 'migrate']);
	const began = Date.now();
	for (const t of teams) await runNode(['dist/cli.js', 'store', 'copy', '--from', t.file, '--to', owner], {timeoutMs: 600_000});
	log(`copied ${teams.length} teams into ${db} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
	cluster.psql(db, 'VACUUM ANALYZE');
	const measured = teams[0];
	const sergeantId = JSON.parse(readFileSync(measured.file, 'utf8')).team.sergeantId;
	const role = 'bench_sergeant';
	cluster.psql(
		db,
		`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN IN ROLE fortnight_officer; END IF; END $$;
		INSERT INTO fortnight_logins VALUES ('${role}', '${measured.id}', '${sergeantId}')`,
	);
	return {owner, sergeant: `${cluster.url(db, role)}&team=${measured.id}`, sergeantId, measured, db};
}
