/**
 * Connections to a PostgreSQL store: one small pool per database, whose idle connections never keep the
 * process alive (a command ends when its work does), and the server's errors in fortnight's words
 * (StoreError, exit 3). A server message is never shown whole: a failing row's values could be a welfare
 * note, so only the error's kind and the table are named.
 */
import pg from 'pg';
import {safeText} from '../domain/safe-text.js';
import {StoreError} from './errors.js';
import {parseStoreUrl, type StoreUrl} from './pg-url.js';

/** Connections a command or desk keeps open to one database. */
const MAX_POOL = 4;
const pools = new Map<string, pg.Pool>();
const guarded = new WeakSet<pg.PoolClient>();

export function poolFor(url: StoreUrl): pg.Pool {
	let pool = pools.get(url.connectionString);
	if (!pool) {
		pool = new pg.Pool({connectionString: url.connectionString, max: MAX_POOL, allowExitOnIdle: true, idleTimeoutMillis: 2000});
		// An idle connection the server drops (a restart) is replaced on the next query, not a crash.
		pool.on('error', () => {});
		pools.set(url.connectionString, pool);
	}
	return pool;
}

/** Ends every pool (tests, and a desk that quits). */
export async function closePools(): Promise<void> {
	const all = [...pools.values()];
	pools.clear();
	await Promise.all(all.map(p => p.end().catch(() => {})));
}

/**
 * Runs `work` on a connection of the store's pool, translating the server's errors. A pooled connection
 * the server dropped while it sat idle (a restart) fails its first query before anything is done; that
 * use is run again on a new connection rather than reported, so a restart costs the desk nothing. Once a
 * query of `work` has been answered, a dropped connection is reported (the transaction rolled back).
 * `againIfDropped: false` for work whose first statement may have committed before its answer was lost
 * (a change in one statement): the caller finds out what happened instead.
 */
export async function withClient<T>(
	store: string | StoreUrl,
	work: (client: pg.PoolClient, url: StoreUrl) => Promise<T>,
	options: {againIfDropped?: boolean} = {},
): Promise<T> {
	const url = typeof store === 'string' ? parseStoreUrl(store) : store;
	// Every idle connection may be a dropped one: at most one try more than the pool holds.
	for (let tries = 0; ; tries++) {
		let client: pg.PoolClient;
		try {
			client = await poolFor(url).connect();
		} catch (err) {
			throw describePgError(err, url.shown);
		}
		// A connection the server dropped (a restart) fails the query in hand, which is reported; its socket's
		// own error event must not also be thrown at the process (the pool listens only while it is idle).
		if (!guarded.has(client)) {
			guarded.add(client);
			client.on('error', () => {});
		}
		let answered = false;
		const watched = new Proxy(client, {
			get(target, key, receiver) {
				if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
				return (...args: unknown[]) => {
					const result = (target.query as (...a: unknown[]) => unknown)(...args);
					if (result instanceof Promise) void result.then(() => (answered = true)).catch(() => {});
					return result;
				};
			},
		});
		let broken = false;
		try {
			return await work(watched, url);
		} catch (err) {
			broken = isPgError(err) || isDropped(err);
			if (isDropped(err) && !answered && tries < MAX_POOL && options.againIfDropped !== false) continue;
			// The caller finds out what became of it (the raw error says the connection dropped).
			if (isDropped(err) && options.againIfDropped === false) throw err;
			// A change that throws (a usage error, a rule refusing) is not the database's doing: passed on as it is.
			throw broken ? describePgError(err, url.shown) : err;
		} finally {
			client.release(broken);
		}
	}
}

/** True when the connection itself was lost (the server restarted or went away), not a refusal. */
export function isDropped(err: unknown): boolean {
	const e = err as {code?: unknown; message?: unknown};
	if (typeof e?.code === 'string') return /^(ECONNRESET|EPIPE|57P01|57P02|57P03)$/.test(e.code);
	return typeof e?.message === 'string' && /^Connection terminated/.test(e.message);
}

/** True for an error from the server (a SQLSTATE) or the connection to it (an errno such as ECONNREFUSED). */
export function isPgError(err: unknown): boolean {
	if (err instanceof pg.DatabaseError) return true;
	const code = (err as {code?: unknown})?.code;
	return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * The id in a welfare note's 23505: 022's refusal gives it as the DETAIL; the primary key's own (two filings of
 * one id at once) as "Key (team_id, id)=(TEAM, ID) already exists.". Made safe for the terminal (an id is
 * whatever the filer chose); undefined when neither.
 */
function takenNoteId(detail: string | undefined): string | undefined {
	if (!detail) return undefined;
	const key = /^Key \(team_id, id\)=\((.*)\) already exists\.$/s.exec(detail);
	// Another unique index's "Key (...)" (the team's order) names no note.
	const id = key ? key[1]!.slice(key[1]!.lastIndexOf(', ') + 2) : detail.startsWith('Key (') ? '' : detail;
	return id === '' ? undefined : safeText(id).slice(0, 80);
}

/** A pg or connection error as a StoreError naming the database; a StoreError is returned as it is. */
export function describePgError(err: unknown, shown: string): StoreError {
	if (err instanceof StoreError) return err;
	const e = err as {code?: string; message?: string; table?: string; detail?: string};
	const code = e.code ?? '';
	const table = e.table ? ` (table ${e.table})` : '';
	if (code === '42501' && /row-level security policy for table "fortnight_welfare_notes"/.test(e.message ?? '')) {
		// A note the rule does not let this login file (migrations/postgres/015): the rule, not the policy's words.
		return new StoreError(
			'permission',
			`The database at ${shown} did not file the welfare note: a note is filed only in your own name, about an officer you supervise on its date ` +
				`(their line manager, the cover named for that day, or the team's inspector), in a team your login sees today.`,
			shown,
		);
	}
	if (code === '23505' && e.table === 'fortnight_welfare_notes') {
		// Another note holds this note's id (migration 022, REVIEW-9 N3): never the note's words, only its id.
		const id = takenNoteId(e.detail);
		const which = id ? `welfare note ${id}` : 'the welfare note';
		const under = id ? `under ${id}` : 'under its id';
		return new StoreError(
			'id-taken',
			`The database at ${shown} did not file ${which}: the team already holds another note ${under} (by another author, ` +
				`about another officer, or in other words), and a filed note is never replaced, so trying again files nothing. ` +
				`Ask the database's owner to look at the note held ${under}.`,
			shown,
		);
	}
	if (code === '42501' || code === '42P01') {
		// The database's own rule, in its words (migrations 004 and 008 refuse with a sentence naming the rule and who can).
		const said = code === '42501' && e.message ? ` It says: ${safeText(e.message).slice(0, 400)}.` : '';
		return new StoreError(
			'permission',
			`The database at ${shown} refused that to your role${table}: your login may not see or change it.${said} Ask the database's owner for access.`,
			shown,
		);
	}
	if (code === '28000' || code === '28P01' || code === '3D000') {
		const what = code === '3D000' ? 'has no such database' : 'refused the login';
		return new StoreError(
			'permission',
			`The PostgreSQL server for ${shown} ${what}. Check the user and database in the URL with the server's owner.`,
			shown,
		);
	}
	if (/^(ECONNREFUSED|ENOENT|ETIMEDOUT|EHOSTUNREACH)$/.test(code) || isDropped(err)) {
		return new StoreError(
			'io',
			`Could not reach the PostgreSQL server for ${shown} (${code || 'connection lost'}). Check it is running and the URL is right, then try again.`,
			shown,
		);
	}
	if (code === '53100' || code === '53200' || code === '53300') {
		// Class 53, insufficient resources: the server's, not the store's; a transaction refused so leaves nothing half-written.
		const what =
			code === '53100'
				? "the server's disk is full"
				: code === '53200'
					? 'the server ran out of memory'
					: 'the server has no free connection (too many clients)';
		const fix = code === '53100' ? 'Free space on the database server' : code === '53200' ? 'Try again later' : 'Try again in a moment';
		return new StoreError(
			code === '53100' ? 'no-space' : 'io',
			`The database at ${shown} refused the change because ${what} (error ${code}); nothing was changed. ${fix}, or ask the database's owner.`,
			shown,
		);
	}
	const kind = code ? `error ${code}` : 'an error';
	return new StoreError(
		'io',
		`The database at ${shown} answered with ${kind}${table}, so nothing was changed. Try again; if it persists, run "fortnight verify".`,
		shown,
	);
}
