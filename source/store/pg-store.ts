/**
 * The PostgreSQL store (README "PostgreSQL"; source/store/README.md "PostgreSQL"): the same `Store` a file
 * gives, chosen by a postgres:// URL. Each change is one transaction: lock the team's row (SELECT ... FOR
 * UPDATE), read what others changed since the snapshot if its revision moved, re-run the change on it
 * exactly as the file store does (apply-change.ts: no lost update, a clash only when both changed the
 * same field), then write only the rows it touched, append its chain entries and bump the revision.
 * Writers of one team queue on its row for the few milliseconds of the write, never while a person
 * types; other teams' writers never wait. A writer killed mid-transaction leaves nothing: the server
 * rolls it back.
 */
import {createHash, randomUUID} from 'node:crypto';
import type pg from 'pg';
import type {ChainEntry, StoreData} from '../domain/model.js';
import type {prepareChange} from './apply-change.js';
import {describeChanges, diffStores, type ClashSurface} from './conflict.js';
import {StoreError} from './errors.js';
import {describePgError, isDropped, isPgError, withClient} from './pg-connect.js';
import {chainFrom, heldAfterWrite, loadTeamHashed, loadTeamSince, resolveTeam, teamRevision} from './pg-data.js';
import {teamWrite, touchedOnly, writeLanded, writeTeam, writeTeamAtOnce} from './pg-write.js';
import {openFeed, type Feed} from './pg-feed.js';
import {assertCurrent} from './pg-migrate.js';
import {parseStoreUrl, type StoreUrl} from './pg-url.js';
import type {ChainWanted, FileSignature, ReadOptions, StoreRead} from './read.js';
import type {validateStore} from './validate.js';
import type {SetAsideResult} from './validate-records.js';
import {refuseCopyOfSetAside} from './set-aside-copy.js';
import {receiptOf, writeReceipt} from './receipts.js';
import {
	brokenChainReason,
	createStoreFile,
	heldChainProblem,
	verifyChainInSlices,
	type ApplyResult,
	type Change,
	type OpenOptions,
	type OutsideChange,
	type Store,
} from './store.js';

/**
 * What a change is made and checked with (apply-change.ts, validate.ts): loaded by the first change, not by a
 * read, and kept (asking the module loader again on every change costs a signing some tens of microseconds).
 */
let loaded: Promise<{prepareChange: typeof prepareChange; validateStore: typeof validateStore}> | null = null;
const changes = () =>
	(loaded ??= Promise.all([import('./apply-change.js'), import('./validate.js')]).then(([a, v]) => ({
		prepareChange: a.prepareChange,
		validateStore: v.validateStore,
	})));

/** A one-statement write whose answer was lost with its connection: it may or may not have committed. */
interface Unsure {
	writeId: string;
	mine: StoreData;
	candidate: StoreData;
}

/** What a read gives in place of a file's signature: the team's revision. */
function signatureOfRevision(revision: number): FileSignature {
	return {size: revision, mtimeMs: 0, ino: 0};
}

/**
 * Reads one moment of the team (a repeatable-read, read-only transaction) and checks it as a file's data is
 * checked, once: as a file whose bytes this user's fortnight has already found valid is parsed but not
 * checked again (receipts.ts; store README "Checked once"), so is a read whose every column's text hashes
 * the same as one found valid before (pg-data.ts `loadTeamHashed`). The checks (validate.ts, well over
 * 100 ms to load and as long again to run on a team of a thousand cases) are loaded only when needed.
 */
async function readTeam(client: pg.ClientBase, url: StoreUrl, chain: ChainWanted): Promise<{team: string; data: StoreData}> {
	await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
	try {
		await assertCurrent(client, url.shown);
		const team = await resolveTeam(client, url.team, url.shown);
		// The receipt is read while the team is.
		const receiptFor = `${url.shown}#${team}`;
		const [{data, hash, keys}, receipt] = await Promise.all([loadTeamHashed(client, team, chain, url.shown), receiptOf(receiptFor)]);
		await client.query('COMMIT');
		if (!receipt(hash)) {
			const {validateStore} = await import('./validate.js');
			const problem = validateStore(data);
			if (problem) {
				// One login's bad row must not deny everyone the team: rows that fail on their own are set aside
				// and named (source/store/README.md "A record that cannot be read"); no receipt, so the next read
				// checks again and finds them mended or still there.
				const {setAsideUnreadable} = await import('./validate-records.js');
				const isolated = setAsideUnreadable(data, keys);
				if (isolated) return {team, data: await withLastChanges(client, team, isolated)};
				throw new StoreError(
					'invalid',
					`Team "${team}" in the database at ${url.shown} is not valid fortnight data (at ${problem.path}, ${problem.message}). ` +
						`Restore it from a backup (pg_dump).`,
					url.shown,
				);
			}
			await writeReceipt(receiptFor, hash);
		}
		return {team, data};
	} catch (err) {
		await client.query('ROLLBACK').catch(() => {});
		throw err;
	}
}

/**
 * The set-aside rows with who fortnight last recorded changing each (fortnight_changes at the revision the
 * row carries), when it recorded that revision: a row written through psql records nothing of its own.
 */
async function withLastChanges(client: pg.ClientBase, team: string, isolated: SetAsideResult): Promise<StoreData> {
	const wanted = [...new Set(isolated.revisions.values())];
	const r = await client.query<{revision: string; role: string; officer_id: string | null; at: Date}>(
		'SELECT revision, role, officer_id, at FROM fortnight_changes WHERE team_id = $1 AND revision = ANY($2::bigint[])',
		[team, wanted],
	);
	const byRevision = new Map(r.rows.map(x => [Number(x.revision), x]));
	const setAside = (isolated.data.setAside ?? []).map(record => {
		const revision = isolated.revisions.get(record)!;
		const c = byRevision.get(revision);
		return c ? {...record, lastChange: {revision, role: c.role, officerId: c.officer_id, at: new Date(c.at).toISOString()}} : record;
	});
	return {...isolated.data, setAside};
}

/** readStoreFile for a PostgreSQL URL (the read-only commands). */
export async function readPgStore(store: string, options: ReadOptions = {}): Promise<StoreRead> {
	return withClient(store, async (client, url) => {
		const {data} = await readTeam(client, url, options.chain ?? 'state');
		return {data, signature: signatureOfRevision(data.revision), migratedFrom: null, warnings: []};
	});
}

/**
 * The database login `store` connects as and the officer fortnight_logins maps it to in the team (null:
 * none, as for the database's owner): `whoami` says who you are from it (README "Who you are").
 */
export async function pgLogin(store: string): Promise<{role: string; officerId: string | null}> {
	return withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		const r = await client.query<{role: string; officer: string | null}>(
			'SELECT current_user AS role, (SELECT officer_id FROM fortnight_logins WHERE role_name = current_user AND team_id = $1) AS officer',
			[team],
		);
		return {role: r.rows[0]?.role ?? '', officerId: r.rows[0]?.officer ?? null};
	});
}

/** The whole chain of `data` (read from `store`), in one batch: `verify` walks it. */
export async function* pgChainBatches(store: string, data: StoreData): AsyncGenerator<readonly ChainEntry[]> {
	const log = data.chainLog;
	if (!log || data.chain.length === log.entries) {
		yield data.chain;
		return;
	}
	yield await wholeChainFor(store, data);
}

/** Every committed entry of `data`'s chain, read from the database, checked to end at `data`'s head. */
async function wholeChainFor(store: string, data: StoreData): Promise<ChainEntry[]> {
	const log = data.chainLog;
	const committed = log ? data.chain.filter(e => e.seq < log.entries) : data.chain;
	return withClient(store, async (client, url) => {
		const team = await resolveTeam(client, url.team, url.shown);
		const all = (await chainFrom(client, team, 0)).slice(0, log?.entries ?? data.chain.length);
		if (all.at(-1)?.hash !== committed.at(-1)?.hash) {
			throw new StoreError(
				'chain',
				`The review chain of team "${team}" in ${url.shown} does not end with the entry this snapshot records as its head. ` +
					`Run "fortnight verify".`,
				url.shown,
			);
		}
		return all;
	});
}

/** openStore for a PostgreSQL URL. */
export async function openPgStore(store: string, options: OpenOptions = {}): Promise<Store> {
	const url = parseStoreUrl(store);
	const chain = options.chain ?? 'whole';
	const now = options.now ?? (() => new Date());
	const surface: ClashSurface = options.surface ?? 'desk';
	const where = url.shown;
	const opened = await withClient(url, async client => {
		const read = await readTeam(client, url, chain);
		// Who this login is in the team, in the same round trip (its own row of fortnight_logins: policy own_login).
		const priv = await client.query<{ok: boolean; role: string; officer: string | null}>(
			"SELECT has_table_privilege('fortnight_teams', 'UPDATE') AS ok, current_user AS role, " +
				'(SELECT officer_id FROM fortnight_logins WHERE role_name = current_user AND team_id = $1) AS officer',
			[read.team],
		);
		const row = priv.rows[0];
		return {...read, mayWrite: row?.ok === true, login: {role: row?.role ?? '', officerId: row?.officer ?? null}};
	});
	const team = opened.team;
	const teamHash = createHash('sha256').update(team).digest('hex');
	let data = opened.data;
	const readOnlyReason: string | null = options.readOnly
		? `${where} was opened read-only: you can look but not save.`
		: opened.mayWrite
			? null
			: `Your database role may not change ${where}: you can look but not save.`;
	let chainReason = brokenChainReason(where, heldChainProblem(data, 0, data.chain.length, false));
	const verified = new WeakSet<StoreData['chain']>();
	let whole: {revision: number; chain: readonly ChainEntry[]} | null = null;
	/** Revisions this instance committed: their notifications are not news to it. */
	const committed = new Set<number>();
	const listeners = new Set<(change: OutsideChange) => void>();
	let feed: Feed | null = null;
	/** The newest revision told to the listeners: older news (or the same twice) is not news. */
	let newest = data.revision;
	const hear = (payload: string | undefined) => {
		let n: {team?: unknown; revision?: unknown; role?: unknown; officer?: unknown; what?: unknown};
		try {
			n = JSON.parse(payload ?? '') as typeof n;
		} catch {
			return;
		}
		if (n.team !== teamHash || typeof n.revision !== 'number' || committed.has(n.revision)) return;
		void tell(n.revision);
	};
	/** Reads who changed what at `revision` (as this role may) and tells the listeners. */
	const tell = async (revision: number) => {
		if (revision <= Math.max(newest, data.revision)) return;
		newest = revision;
		const row = await withClient(url, async client => {
			const r = await client.query<{role: string; officer_id: string | null; what: string[]}>(
				'SELECT role, officer_id, what FROM fortnight_changes WHERE team_id = $1 AND revision = $2',
				[team, revision],
			);
			return r.rows[0] ?? null;
		}).catch(() => null);
		const change: OutsideChange = {
			officerId: row?.officer_id ?? null,
			role: row?.role ?? '',
			what: row?.what ?? [],
			revision,
		};
		for (const listener of listeners) listener(change);
	};
	/** Listening again after a restart (or for the first time): a change committed meanwhile was never announced. */
	const caughtUp = async () => {
		const now = await withClient(url, client => teamRevision(client, team, false)).catch(() => null);
		if (now !== null && !committed.has(now)) await tell(now);
	};
	/** Holds `candidate`, written over `fresh`, as the snapshot (the chain as this instance holds it). */
	const keep = (fresh: StoreData, candidate: StoreData) => {
		const count = (fresh.chainLog?.entries ?? fresh.chain.length) + (candidate.chain.length - fresh.chain.length);
		// The rows set aside stay aside, and named, whatever the change made of the snapshot (validate-records.ts).
		const aside = fresh.setAside;
		const written = aside && candidate.setAside !== aside ? {...candidate, setAside: aside} : candidate;
		const held = heldAfterWrite(fresh, written, chain, count);
		verified.add(held.chain);
		data = held;
	};
	/**
	 * The usual case, in one round trip: nobody changed the team since the snapshot, so the change is made
	 * on the snapshot (outside any lock) and written by one statement that checks the revision first
	 * (fortnight_write_change, migrations 003 and 006). Otherwise the long way (lock, read what changed, re-run)
	 * decides, as it always did: when the team moved on, when the change does not go through on the
	 * snapshot, and when the connection dropped before the statement's answer (`unsure`: the long way
	 * first asks, under the team's lock, whether that write committed, so it is never made twice).
	 */
	const applyAtOnce = async (change: Change): Promise<ApplyResult | {unsure: Unsure} | null> => {
		const mine = data;
		// The chain held is checked once, as the long way checks it (a problem: the long way says so).
		if (!verified.has(mine.chain)) {
			if (await verifyChainInSlices(mine)) return null;
			verified.add(mine.chain);
		}
		let candidate: StoreData;
		try {
			const {prepareChange} = await changes();
			candidate = prepareChange(mine, mine, change, {surface, where, now}).candidate;
		} catch {
			return null;
		}
		const write = teamWrite(team, mine, candidate);
		const what = describeChanges(diffStores(...touchedOnly(mine, candidate, write)), 3);
		const notice = JSON.stringify({team: teamHash, revision: candidate.revision});
		const writeId = randomUUID();
		committed.add(candidate.revision);
		let ok = false;
		try {
			ok = await withClient(url, client => writeTeamAtOnce(client, team, mine.revision, write, candidate, what, notice, writeId), {
				againIfDropped: false,
			});
		} catch (err) {
			if (isDropped(err)) return {unsure: {writeId, mine, candidate}};
			committed.delete(candidate.revision);
			const e = describePgError(err, where);
			if (!['conflict', 'invalid', 'key'].includes(e.code)) e.unsaved = candidate;
			throw e;
		}
		if (!ok) {
			committed.delete(candidate.revision);
			return null;
		}
		keep(mine, candidate);
		return {merged: false, revision: candidate.revision};
	};

	const apply = async (change: Change): Promise<ApplyResult> => {
		if (readOnlyReason) throw new StoreError('read-only', readOnlyReason, where);
		if (chainReason) throw new StoreError('invalid', chainReason, where);
		let candidate: StoreData | undefined;
		try {
			const quick = await applyAtOnce(change);
			if (quick && !('unsure' in quick)) return quick;
			const unsure = quick?.unsure ?? null;
			return await withClient(url, async client => {
				await client.query('BEGIN');
				try {
					// Every writer of this team takes its row first: the revision, the records and the chain's head
					// cannot move under us until COMMIT.
					const revision = await teamRevision(client, team, true);
					if (revision === null)
						throw new StoreError('not-found', `Team "${team}" is no longer in ${where} (or your role may no longer see it).`, where);
					// The one-statement write whose answer was lost: if it committed, it is done (and not made again).
					if (unsure && (await writeLanded(client, team, unsure.candidate.revision, unsure.writeId))) {
						await client.query('ROLLBACK');
						keep(unsure.mine, unsure.candidate);
						return {merged: false, revision: unsure.candidate.revision};
					}
					if (unsure) committed.delete(unsure.candidate.revision);
					const fresh = revision === data.revision ? data : await loadTeamSince(client, team, chain, where, data);
					// What others wrote since is checked as a file re-read after another's save is (only what changed, and the references).
					const problem = fresh === data ? null : (await changes()).validateStore(fresh, data);
					if (problem) {
						throw new StoreError(
							'invalid',
							`Team "${team}" in ${where} is not valid fortnight data (at ${problem.path}, ${problem.message}), so nothing was saved. ` +
								`Run "fortnight verify".`,
							where,
						);
					}
					if (!verified.has(fresh.chain)) {
						const problem = await verifyChainInSlices(fresh);
						if (problem) {
							chainReason = brokenChainReason(where, problem);
							throw new StoreError('invalid', chainReason!, where);
						}
						verified.add(fresh.chain);
					}
					const prepared = (await changes()).prepareChange(data, fresh, change, {surface, where, now});
					candidate = prepared.candidate;
					const written = await writeTeam(client, team, fresh, candidate);
					// Who changed what, readable only by those who see the team (row-level security); every open desk
					// hears of it at once (LISTEN fortnight), delivered only if this commits. A notification reaches
					// every listener of the database whatever their team, so it carries only the team's hash and the
					// revision: the desk reads the rest from fortnight_changes under its own role.
					const what = describeChanges(diffStores(...touchedOnly(fresh, candidate, written)), 3);
					await client.query(
						`INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what)
						VALUES ($1, $2, current_user, fortnight_officer_of(current_user, $1), $3::text[])`,
						[team, candidate.revision, what],
					);
					await client.query("SELECT pg_notify('fortnight', $1)", [JSON.stringify({team: teamHash, revision: candidate.revision})]);
					committed.add(candidate.revision);
					try {
						await client.query('COMMIT');
					} catch (err) {
						committed.delete(candidate.revision);
						throw err;
					}
					keep(fresh, candidate);
					return {
						merged: prepared.merged,
						revision: candidate.revision,
						...(prepared.othersChanged ? {othersChanged: prepared.othersChanged} : {}),
					};
				} catch (err) {
					await client.query('ROLLBACK').catch(() => {});
					throw err;
				}
			});
		} catch (err) {
			if (!(err instanceof StoreError) && !isPgError(err)) throw err;
			const e = describePgError(err, where);
			if (candidate !== undefined && !['conflict', 'invalid', 'key'].includes(e.code)) e.unsaved = candidate;
			throw e;
		}
	};

	return {
		file: where,
		get readOnly() {
			return (readOnlyReason ?? chainReason) !== null;
		},
		get readOnlyReason() {
			return readOnlyReason ?? chainReason;
		},
		login: opened.login,
		snapshot: () => data,
		apply,
		async changedOnDisk() {
			try {
				return (await withClient(url, client => teamRevision(client, team, false))) !== data.revision;
			} catch {
				return true;
			}
		},
		async reload() {
			data = await withClient(url, async client => (await readTeam(client, url, chain)).data);
			chainReason = brokenChainReason(where, heldChainProblem(data, 0, data.chain.length, false));
			return data;
		},
		async wholeChain() {
			const log = data.chainLog;
			if (!log || data.chain.length === log.entries) return data.chain;
			if (whole?.revision === data.revision) return whole.chain;
			const read = await wholeChainFor(store, data);
			whole = {revision: data.revision, chain: read};
			return read;
		},
		onChange(listener) {
			listeners.add(listener);
			feed ??= openFeed(url, hear, () => void caughtUp());
			return () => {
				listeners.delete(listener);
				if (listeners.size > 0 || !feed) return;
				feed.close();
				feed = null;
			};
		},
		async saveCopy(file, given) {
			const from = given ?? data;
			refuseCopyOfSetAside(from, where);
			const log = from.chainLog;
			let copy: StoreData = from;
			if (log) {
				const committed = from.chain.length === log.entries ? from.chain : await wholeChainFor(store, from);
				const added = from.chain.filter(e => e.seq >= log.entries);
				const {chainLog: _log, ...rest} = from;
				copy = {...rest, chain: [...committed, ...added]};
			}
			await createStoreFile(file, copy);
		},
	};
}
