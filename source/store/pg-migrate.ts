/**
 * The PostgreSQL store's schema (README "PostgreSQL"): versioned SQL files in migrations/postgres,
 * `NNN-name.sql`, applied in order by `fortnight store migrate`, all in one transaction, each recorded
 * in fortnight_migrations. A database at a newer version than this program knows is refused, never
 * written to: an older fortnight cannot know what the newer tables mean.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type pg from 'pg';
import {StoreError} from './errors.js';

/** source/store and dist/store sit at the same depth below the package root, beside migrations/. */
const FOLDER = fileURLToPath(new URL('../../migrations/postgres/', import.meta.url));

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

export function migrations(): Migration[] {
	return readdirSync(FOLDER)
		.map(f => /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(f))
		.filter((m): m is RegExpExecArray => m !== null)
		.map(m => ({version: Number(m[1]), name: m[2]!, sql: readFileSync(FOLDER + m[0], 'utf8')}))
		.sort((a, b) => a.version - b.version);
}

/** The newest schema this program knows. */
export function latestVersion(): number {
	return migrations().at(-1)?.version ?? 0;
}

/** The database's schema version (0 when fortnight has never migrated it). */
export async function databaseVersion(client: pg.ClientBase): Promise<number> {
	const exists = await client.query<{t: string | null}>("SELECT to_regclass('fortnight_migrations')::text AS t");
	if (!exists.rows[0]?.t) return 0;
	const r = await client.query<{v: number | null}>('SELECT max(version) AS v FROM fortnight_migrations');
	return r.rows[0]?.v ?? 0;
}

/** Refuses a database this program cannot use as it is (not migrated, behind, or newer). */
export async function assertCurrent(client: pg.ClientBase, shown: string): Promise<void> {
	const have = await databaseVersion(client);
	const want = latestVersion();
	if (have > want) throw newerThanUs(shown, have, want);
	if (have < want) {
		const what = have === 0 ? 'has no fortnight tables yet' : `is at schema version ${have}, older than this fortnight (${want})`;
		throw new StoreError(
			'unsupported-version',
			`The database at ${shown} ${what}. Run "fortnight store migrate --store ${shown}" as its owner first.`,
			shown,
		);
	}
}

function newerThanUs(shown: string, have: number, want: number): StoreError {
	return new StoreError(
		'unsupported-version',
		`The database at ${shown} is at schema version ${have}, newer than this fortnight knows (${want}), so it was not changed. ` +
			`Upgrade fortnight to use it.`,
		shown,
	);
}

/** Applies every migration the database lacks, in one transaction. Returns the versions applied. */
export async function migrate(client: pg.ClientBase, shown: string): Promise<{from: number; applied: number[]}> {
	await client.query('BEGIN');
	try {
		await client.query(
			'CREATE TABLE IF NOT EXISTS fortnight_migrations ' +
				'(version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
		);
		// Two migrates at once: the second waits, then finds the work done.
		await client.query('LOCK TABLE fortnight_migrations IN EXCLUSIVE MODE');
		const from = await databaseVersion(client);
		const all = migrations();
		const want = all.at(-1)?.version ?? 0;
		if (from > want) throw newerThanUs(shown, from, want);
		const applied: number[] = [];
		for (const m of all.filter(m => m.version > from)) {
			await client.query(m.sql);
			await client.query('INSERT INTO fortnight_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
			applied.push(m.version);
		}
		await client.query('COMMIT');
		return {from, applied};
	} catch (err) {
		await client.query('ROLLBACK').catch(() => {});
		throw err;
	}
}
