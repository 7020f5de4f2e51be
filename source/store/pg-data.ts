/**
 * A team's data in the PostgreSQL store's tables (migrations/postgres/001-store.sql): read as the same
 * StoreData the file store gives, and written back as the rows a change touched. Every query names its
 * team, so it runs on the tables' (team_id, ...) keys and never reads another team's rows.
 */
import type pg from 'pg';
import type {ChainEntry, StoreData} from '../domain/model.js';
import {chainWorkingSet} from '../domain/chain-working-set.js';
import {StoreError} from './errors.js';
import type {ChainWanted} from './read.js';

type ListField = 'officers' | 'absences' | 'cases' | 'welfareEvents' | 'concerns' | 'actionPlans' | 'drafts';

/** The record lists, their tables, and each record's key in its team (unique: validate.ts checks the ids). */
const LISTS: ReadonlyArray<{field: ListField; table: string; key: (r: never) => string}> = [
	{field: 'officers', table: 'fortnight_officers', key: (r: {id: string}) => r.id},
	{field: 'absences', table: 'fortnight_absences', key: (r: {id: string}) => r.id},
	{field: 'cases', table: 'fortnight_cases', key: (r: {ref: string}) => r.ref},
	{field: 'welfareEvents', table: 'fortnight_welfare_events', key: (r: {id: string}) => r.id},
	{field: 'concerns', table: 'fortnight_concerns', key: (r: {id: string}) => r.id},
	{field: 'actionPlans', table: 'fortnight_action_plans', key: (r: {id: string}) => r.id},
	// A draft is one reviewer's review of one case (the key as JSON: PostgreSQL text holds no NUL separator).
	{
		field: 'drafts',
		table: 'fortnight_review_drafts',
		key: (r: {caseRef: string; reviewerId: string}) => JSON.stringify([r.caseRef, r.reviewerId]),
	},
];

interface TeamRow {
	schema_version: number;
	revision: string;
	updated_at: string;
	reference_date: string | null;
	team: StoreData['team'];
	settings: StoreData['settings'];
}

/** The team to open: the one `?team=` names, else the database's only team (as far as the role may see). */
export async function resolveTeam(client: pg.ClientBase, asked: string | null, shown: string): Promise<string> {
	if (asked !== null) return asked;
	const r = await client.query<{team_id: string}>('SELECT team_id FROM fortnight_teams ORDER BY team_id LIMIT 2');
	if (r.rows.length === 1) return r.rows[0]!.team_id;
	if (r.rows.length === 0) {
		throw new StoreError(
			'not-found',
			`The database at ${shown} holds no team you may see. ` +
				`Copy a team in with "fortnight store copy --from FILE.json --to URL", or ask for access.`,
			shown,
		);
	}
	throw new StoreError('invalid', `The database at ${shown} holds several teams: name one with ?team=ID at the end of the URL.`, shown);
}

/**
 * The team's data as the file store reads it: with `chain: 'state'`, the working set of the chain
 * (each case's last review and every other entry) and a chainLog counting the whole chain; with
 * 'whole', every entry and no chainLog. Call inside a transaction that sees one moment of the data.
 */
export async function loadTeam(client: pg.ClientBase, team: string, chain: ChainWanted, shown: string): Promise<StoreData> {
	const head = await client.query<TeamRow>(
		'SELECT schema_version, revision, updated_at, reference_date, team, settings FROM fortnight_teams WHERE team_id = $1',
		[team],
	);
	const row = head.rows[0];
	if (!row)
		throw new StoreError(
			'not-found',
			`The database at ${shown} holds no team "${team}" that you may see. Check ?team= in the URL, or ask for access.`,
			shown,
		);
	const lists: Partial<Record<ListField, unknown[]>> = {};
	for (const {field, table} of LISTS) {
		const r = await client.query<{doc: unknown}>(`SELECT doc FROM ${table} WHERE team_id = $1 ORDER BY ord`, [team]);
		lists[field] = r.rows.map(x => x.doc);
	}
	const entries = await readChain(client, team, chain);
	const data = {
		schemaVersion: row.schema_version,
		revision: Number(row.revision),
		updatedAt: row.updated_at,
		referenceDate: row.reference_date,
		team: row.team,
		settings: row.settings,
		officers: lists.officers,
		absences: lists.absences,
		cases: lists.cases,
		welfareEvents: lists.welfareEvents,
		concerns: lists.concerns,
		actionPlans: lists.actionPlans,
		chain: entries.chain,
		drafts: lists.drafts,
		...(chain === 'state' ? {chainLog: {entries: entries.count, bytes: 0}} : {}),
	} as StoreData;
	return data;
}

/**
 * The team as it is now, read against `known` (an earlier read of the same team with the same chain
 * wanted): row-level versioning, so only the records written since `known`'s revision are fetched and
 * parsed, every other one is `known`'s own object (which also makes comparing the two cheap), and only
 * the chain entries appended since. Falls back to a whole read when `known` cannot be the base.
 */
export async function loadTeamSince(
	client: pg.ClientBase,
	team: string,
	chain: ChainWanted,
	shown: string,
	known: StoreData,
): Promise<StoreData> {
	const head = await client.query<TeamRow>(
		'SELECT schema_version, revision, updated_at, reference_date, team, settings FROM fortnight_teams WHERE team_id = $1',
		[team],
	);
	const row = head.rows[0];
	if (!row)
		throw new StoreError(
			'not-found',
			`The database at ${shown} holds no team "${team}" that you may see. Check ?team= in the URL, or ask for access.`,
			shown,
		);
	if (Number(row.revision) === known.revision) return known;
	if (Number(row.revision) < known.revision) return loadTeam(client, team, chain, shown);
	const lists: Partial<Record<ListField, unknown[]>> = {};
	for (const {field, table, key} of LISTS) {
		const keyOf = key as (r: unknown) => string;
		const old = new Map<string, unknown>();
		for (const record of known[field] as unknown[]) old.set(keyOf(record), record);
		const r = await client.query<{key: string; doc: unknown}>(
			`SELECT key, CASE WHEN revision > $2 THEN doc END AS doc FROM ${table} WHERE team_id = $1 ORDER BY ord`,
			[team, known.revision],
		);
		const list: unknown[] = [];
		for (const x of r.rows) {
			const record = x.doc ?? old.get(x.key);
			// A row older than `known` that `known` lacks: not the base we thought; read it all.
			if (record === undefined) return loadTeam(client, team, chain, shown);
			list.push(record);
		}
		lists[field] = list;
	}
	const knownCount = known.chainLog?.entries ?? known.chain.length;
	const added = await chainFrom(client, team, knownCount);
	const same = <T>(a: T, b: T): T => (JSON.stringify(a) === JSON.stringify(b) ? a : b);
	const data = {
		schemaVersion: row.schema_version,
		revision: Number(row.revision),
		updatedAt: row.updated_at,
		referenceDate: row.reference_date,
		team: same(known.team, row.team),
		settings: same(known.settings, row.settings),
		officers: lists.officers,
		absences: lists.absences,
		cases: lists.cases,
		welfareEvents: lists.welfareEvents,
		concerns: lists.concerns,
		actionPlans: lists.actionPlans,
		chain: added.length === 0 ? known.chain : chain === 'whole' ? [...known.chain, ...added] : chainWorkingSet([...known.chain, ...added]),
		drafts: lists.drafts,
		...(chain === 'state' ? {chainLog: {entries: knownCount + added.length, bytes: 0}} : {}),
	} as StoreData;
	return data;
}

/** The team's chain, whole or its working set (with the whole chain's length). */
async function readChain(client: pg.ClientBase, team: string, wanted: ChainWanted): Promise<{chain: ChainEntry[]; count: number}> {
	if (wanted === 'whole') {
		const all = await client.query<{entry: ChainEntry}>('SELECT entry FROM fortnight_chain WHERE team_id = $1 ORDER BY seq', [team]);
		const chain = all.rows.map(r => r.entry);
		return {chain, count: chain.length};
	}
	// Each case's last review (through the partial index on reviews) and every entry that is not a review.
	const set = await client.query<{entry: ChainEntry}>(
		`SELECT entry FROM fortnight_chain c WHERE c.team_id = $1 AND (c.kind <> 'review' OR NOT EXISTS (
			SELECT 1 FROM fortnight_chain l WHERE l.team_id = c.team_id AND l.kind = 'review' AND l.case_ref = c.case_ref AND l.seq > c.seq))
		ORDER BY c.seq`,
		[team],
	);
	const count = await client.query<{n: string}>('SELECT coalesce(max(seq) + 1, 0) AS n FROM fortnight_chain WHERE team_id = $1', [team]);
	return {chain: set.rows.map(r => r.entry), count: Number(count.rows[0]!.n)};
}

/** The team's whole chain, entry `from` onwards. */
export async function chainFrom(client: pg.ClientBase, team: string, from: number): Promise<ChainEntry[]> {
	const r = await client.query<{entry: ChainEntry}>('SELECT entry FROM fortnight_chain WHERE team_id = $1 AND seq >= $2 ORDER BY seq', [
		team,
		from,
	]);
	return r.rows.map(x => x.entry);
}

/** The team's revision now (one indexed row), or null when the team is gone or hidden. */
export async function teamRevision(client: pg.ClientBase, team: string, lock: boolean): Promise<number | null> {
	const r = await client.query<{revision: string}>(`SELECT revision FROM fortnight_teams WHERE team_id = $1${lock ? ' FOR UPDATE' : ''}`, [
		team,
	]);
	return r.rows[0] ? Number(r.rows[0].revision) : null;
}

/** What writing `next` over `before` changes: the list rows to upsert and delete, and the chain entries to append. */
export interface TeamWrite {
	up: {tables: string[]; keys: string[]; ords: number[]; docs: string[]};
	gone: {tables: string[]; keys: string[]};
	added: readonly ChainEntry[];
}

/**
 * The rows a change touched, `next` against `before` (the team as it is in the database): every record
 * added, changed or moved, every record removed, and the chain entries after `before`'s (`before.chain`
 * is the whole chain or the working set: its last entry is the head either way). Records are immutable
 * objects, so an unchanged one is the same object and costs nothing to compare.
 */
export function teamWrite(team: string, before: StoreData, next: StoreData): TeamWrite {
	const w: TeamWrite = {
		up: {tables: [], keys: [], ords: [], docs: []},
		gone: {tables: [], keys: []},
		added: next.chain.slice(before.chain.length),
	};
	for (const {field, table, key} of LISTS) {
		const keyOf = key as (r: unknown) => string;
		const old = new Map<string, {record: unknown; at: number}>();
		(before[field] as unknown[]).forEach((record, at) => old.set(keyOf(record), {record, at}));
		const seen = new Set<string>();
		(next[field] as unknown[]).forEach((record, at) => {
			const k = keyOf(record);
			if (seen.has(k)) throw new StoreError('invalid', `That change lists ${field} ${k} twice, so it was not saved.`, team);
			seen.add(k);
			const was = old.get(k);
			if (was && was.at === at && (was.record === record || JSON.stringify(was.record) === JSON.stringify(record))) return;
			w.up.tables.push(table);
			w.up.keys.push(k);
			w.up.ords.push(at);
			w.up.docs.push(JSON.stringify(record));
		});
		for (const k of old.keys()) {
			if (seen.has(k)) continue;
			w.gone.tables.push(table);
			w.gone.keys.push(k);
		}
	}
	return w;
}

/** The team row's columns as fortnight_write_change takes them (migrations/postgres/003). */
function teamRow(next: StoreData): (string | null)[] {
	return [
		String(next.schemaVersion),
		next.updatedAt,
		next.referenceDate,
		next.team.sergeantId,
		next.team.inspectorId,
		JSON.stringify(next.team),
		JSON.stringify(next.settings),
	];
}

/**
 * Writes `next` over `before` (the team as it is in the database, read in this transaction under the
 * team row's lock), statement by statement.
 */
export async function writeTeam(client: pg.ClientBase, team: string, before: StoreData, next: StoreData): Promise<void> {
	const w = teamWrite(team, before, next);
	for (const {table} of LISTS) {
		const gone = w.gone.keys.filter((_, i) => w.gone.tables[i] === table);
		if (gone.length > 0) await client.query(`DELETE FROM ${table} WHERE team_id = $1 AND key = ANY($2::text[])`, [team, gone]);
		const at = w.up.tables.flatMap((t, i) => (t === table ? [i] : []));
		if (at.length > 0) {
			await client.query(
				`INSERT INTO ${table} (team_id, key, ord, revision, doc)
				SELECT $1, k, o, $2, d::json FROM unnest($3::text[], $4::int[], $5::text[]) AS u(k, o, d)
				ON CONFLICT (team_id, key) DO UPDATE SET ord = EXCLUDED.ord, revision = EXCLUDED.revision, doc = EXCLUDED.doc`,
				[team, next.revision, at.map(i => w.up.keys[i]), at.map(i => w.up.ords[i]), at.map(i => w.up.docs[i])],
			);
		}
	}
	await appendChain(client, team, w.added);
	const row = teamRow(next);
	await client.query(
		`UPDATE fortnight_teams SET schema_version = $2, revision = $3, updated_at = $4, reference_date = $5, sergeant_id = $6, inspector_id = $7,
			team = $8::json, settings = $9::json WHERE team_id = $1`,
		[team, next.schemaVersion, next.revision, ...row.slice(1)],
	);
}

/**
 * The whole of a change in one statement, one round trip (fortnight_write_change, migration 003): true
 * when written (the team was still at `expected`), false when the team moved on and nothing was written.
 * Run outside a transaction, the statement commits on its own.
 */
export async function writeTeamAtOnce(
	client: pg.ClientBase,
	team: string,
	expected: number,
	w: TeamWrite,
	next: StoreData,
	what: readonly string[],
	notice: string,
): Promise<boolean> {
	const c = w.added;
	const r = await client.query<{ok: boolean}>(
		`SELECT fortnight_write_change($1, $2, $3, $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[],
			$10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18) AS ok`,
		[
			team,
			expected,
			next.revision,
			w.up.tables,
			w.up.keys,
			w.up.ords,
			w.up.docs,
			w.gone.tables,
			w.gone.keys,
			c.map(e => e.seq),
			c.map(e => e.kind),
			c.map(e => (e.kind === 'review' ? e.data.caseRef : null)),
			c.map(e => e.prevHash),
			c.map(e => e.hash),
			c.map(e => JSON.stringify(e)),
			teamRow(next),
			what,
			notice,
		],
	);
	return r.rows[0]?.ok === true;
}

/** Appends entries to the team's chain (the insert trigger holds each to the chain's next place and link). */
export async function appendChain(client: pg.ClientBase, team: string, added: readonly ChainEntry[]): Promise<void> {
	for (let from = 0; from < added.length; from += 1000) {
		const batch = added.slice(from, from + 1000);
		await client.query(
			`INSERT INTO fortnight_chain (team_id, seq, kind, case_ref, prev_hash, hash, entry)
			SELECT $1, s, k, c, p, h, e::json
			FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS u(s, k, c, p, h, e, n)
			ORDER BY n`,
			[
				team,
				batch.map(e => e.seq),
				batch.map(e => e.kind),
				batch.map(e => (e.kind === 'review' ? e.data.caseRef : null)),
				batch.map(e => e.prevHash),
				batch.map(e => e.hash),
				batch.map(e => JSON.stringify(e)),
			],
		);
	}
}

/** A new team's rows from a whole store (`store copy`): the team row, every record, the whole chain. */
export async function insertTeam(client: pg.ClientBase, data: StoreData): Promise<void> {
	const team = data.team.id;
	await client.query(
		`INSERT INTO fortnight_teams (team_id, schema_version, revision, updated_at, reference_date, sergeant_id, inspector_id, team, settings)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::json)`,
		[
			team,
			data.schemaVersion,
			data.revision,
			data.updatedAt,
			data.referenceDate,
			data.team.sergeantId,
			data.team.inspectorId,
			JSON.stringify(data.team),
			JSON.stringify(data.settings),
		],
	);
	const empty = {
		...data,
		chain: [],
		officers: [],
		absences: [],
		cases: [],
		welfareEvents: [],
		concerns: [],
		actionPlans: [],
		drafts: [],
	} as StoreData;
	await writeTeam(client, team, empty, data);
}

/** `data` as the snapshot a store opened with `chain` holds, after a write of it. */
export function heldAfterWrite(data: StoreData, chain: ChainWanted, count: number): StoreData {
	if (chain === 'whole') {
		const {chainLog: _log, ...rest} = data;
		return rest;
	}
	return {...data, chain: chainWorkingSet(data.chain), chainLog: {entries: count, bytes: 0}};
}
