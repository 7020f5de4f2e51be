/**
 * A team's data in the PostgreSQL store's tables (migrations/postgres/001-store.sql): read as the same
 * StoreData the file store gives (written back by pg-write.ts). Every query names its
 * team, so it runs on the tables' (team_id, ...) keys and never reads another team's rows.
 */
import {createHash} from 'node:crypto';
import type pg from 'pg';
import type {ChainEntry, StoreData} from '../domain/model.js';
// The plain value, not model.ts's schema (TypeBox: two hundred modules to load, which a read does not need).
import {SCHEMA_VERSION} from '../domain/model-values.js';
import {chainWorkingSet, workingSetWith} from '../domain/chain-working-set.js';
import {StoreError} from './errors.js';
import {noTeamError} from './pg-no-team.js';
import type {ChainWanted} from './read.js';
import type {RowKey} from './validate-records.js';

export type ListField = 'officers' | 'absences' | 'cases' | 'welfareEvents' | 'concerns' | 'actionPlans' | 'drafts';

/** The record lists, their tables, and each record's key in its team (unique: validate.ts checks the ids). */
export const LISTS: ReadonlyArray<{field: ListField; table: string; key: (r: never) => string}> = [
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
	// Said for who is asking: the owner copies a team in; an officer's own login is told why it reads nothing.
	if (r.rows.length === 0) throw await noTeamError(client, shown, null);
	throw new StoreError('invalid', `The database at ${shown} holds several teams: name one with ?team=ID at the end of the URL.`, shown);
}

/**
 * Every column as the server's text, unparsed (json columns keep their text as written): loadTeam hashes
 * what it was sent and parses it itself, as pg would have.
 */
const AS_TEXT = {getTypeParser: () => (text: string) => text} as unknown as pg.CustomTypesConfig;

/**
 * SHA-256 of what a read was sent, column by column, each text with its length before it (so that no two
 * different reads hash alike): what a receipt vouches for (pg-store.ts, "Checked once").
 */
class ReadHash {
	private readonly hash = createHash('sha256');
	add(label: string, texts: ReadonlyArray<string | null>): void {
		this.hash.update(`${label} ${texts.length}\n`);
		for (const text of texts) {
			if (text === null) this.hash.update('-\n');
			else this.hash.update(`${text.length}\n`).update(text);
		}
	}
	digest(): string {
		return this.hash.digest('hex');
	}
}

/**
 * The team's data as the file store reads it: with `chain: 'state'`, the working set of the chain
 * (each case's last review and every other entry) and a chainLog counting the whole chain; with
 * 'whole', every entry and no chainLog. loadTeamHashed gives the SHA-256 of everything the server sent
 * for it too. Call inside a transaction that sees one moment of the data. Every query goes in one round
 * trip (one simple-protocol message of several statements, the team's id quoted by the client), rather
 * than a dozen, each waiting for this thread to be free again (the desk loads its modules meanwhile).
 */
export async function loadTeam(client: pg.ClientBase, team: string, chain: ChainWanted, shown: string): Promise<StoreData> {
	return (await loadTeamHashed(client, team, chain, shown)).data;
}

export async function loadTeamHashed(
	client: pg.ClientBase,
	team: string,
	chain: ChainWanted,
	shown: string,
): Promise<{data: StoreData; hash: string; keys: Record<ListField, RowKey[]>}> {
	const statements = [
		'SELECT schema_version, revision, updated_at, reference_date, team, settings FROM fortnight_teams WHERE team_id = $1',
		chain === 'whole' ? WHOLE_CHAIN : WORKING_SET,
		chain === 'whole' ? 'SELECT 0 AS n' : CHAIN_COUNT,
		// Each row's key and revision too: a row that cannot be read is named by them (validate-records.ts).
		...LISTS.map(({table}) => `SELECT key, revision, doc FROM ${table} WHERE team_id = $1 ORDER BY ord`),
	];
	const quoted = client.escapeLiteral(team);
	const text = statements.map(sql => sql.replaceAll('$1', quoted)).join(';\n');
	const results = (await client.query({text, types: AS_TEXT})) as unknown as Array<pg.QueryResult<Record<string, string | null>>>;
	const [heads, chainRows, countRows, ...listRows] = results.map(r => r.rows);
	const row = heads![0];
	if (!row) throw await noTeamError(client, shown, team);
	const hash = new ReadHash();
	const head = [
		row['schema_version']!,
		row['revision']!,
		row['updated_at']!,
		row['reference_date'] ?? null,
		row['team']!,
		row['settings']!,
	];
	hash.add('team', head);
	const lists: Partial<Record<ListField, unknown[]>> = {};
	const keys = {} as Record<ListField, RowKey[]>;
	LISTS.forEach(({field}, i) => {
		const docs = listRows[i]!.map(r => r['doc']!);
		hash.add(field, docs);
		lists[field] = docs.map(doc => JSON.parse(doc) as unknown);
		keys[field] = listRows[i]!.map(r => ({key: r['key']!, revision: Number(r['revision'])}));
	});
	const entries = chainRows!.map(r => r['entry']!);
	hash.add(`chain ${chain}`, entries);
	const count = chain === 'whole' ? entries.length : Number(countRows![0]!['n']);
	hash.add('count', [String(count)]);
	const data = {
		schemaVersion: schemaOf(Number(row['schema_version']), shown),
		revision: Number(row['revision']),
		updatedAt: row['updated_at'],
		referenceDate: row['reference_date'] ?? null,
		team: JSON.parse(row['team']!) as StoreData['team'],
		settings: JSON.parse(row['settings']!) as StoreData['settings'],
		officers: lists.officers,
		absences: lists.absences,
		cases: lists.cases,
		welfareEvents: lists.welfareEvents,
		concerns: lists.concerns,
		actionPlans: lists.actionPlans,
		chain: entries.map(entry => JSON.parse(entry) as ChainEntry),
		drafts: lists.drafts,
		...(chain === 'state' ? {chainLog: {entries: count, bytes: 0}} : {}),
	} as StoreData;
	return {data, hash: hash.digest(), keys};
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
	if (!row) throw await noTeamError(client, shown, team);
	if (Number(row.revision) === known.revision) return known;
	if (Number(row.revision) < known.revision) return loadTeam(client, team, chain, shown);
	const lists: Partial<Record<ListField, unknown[]>> = {};
	// Rows `known` set aside as unreadable (validate-records.ts) stay aside while nobody rewrites them; one
	// written since is read, and checked with the rest of what changed (pg-store.ts).
	const aside = new Set((known.setAside ?? []).map(r => `${r.table}\u0000${r.key}`));
	const stillAside = new Set<string>();
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
			if ((x.doc ?? null) === null && aside.has(`${table}\u0000${x.key}`)) {
				stillAside.add(`${table}\u0000${x.key}`);
				continue;
			}
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
		schemaVersion: schemaOf(row.schema_version, shown),
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
	const setAside = (known.setAside ?? []).filter(r => stillAside.has(`${r.table}\u0000${r.key}`));
	return setAside.length > 0 ? {...data, setAside} : data;
}

/** The team's whole chain. */
const WHOLE_CHAIN = 'SELECT entry FROM fortnight_chain WHERE team_id = $1 ORDER BY seq';
/**
 * The chain's working set: every entry that is not a review (their own partial index) and each case's last
 * review (the highest seq per case in the reviews index), fetched by key: the team's other reviews are never
 * read (migration 005).
 */
const WORKING_SET = `SELECT entry FROM fortnight_chain WHERE team_id = $1 AND seq IN (
	SELECT seq FROM fortnight_chain WHERE team_id = $1 AND kind <> 'review'
	UNION ALL
	SELECT max(seq) FROM fortnight_chain WHERE team_id = $1 AND kind = 'review' GROUP BY case_ref)
ORDER BY seq`;
/** The whole chain's length. */
const CHAIN_COUNT = 'SELECT coalesce(max(seq) + 1, 0) AS n FROM fortnight_chain WHERE team_id = $1';

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

/**
 * `data`, written over `before` (the snapshot held, whose chain `data`'s extends), as the snapshot a
 * store opened with `chain` holds: with 'state', `before`'s working set with the entries `data` added
 * (each case's previous review left out, without indexing the whole working set again).
 */
export function heldAfterWrite(before: StoreData, data: StoreData, chain: ChainWanted, count: number): StoreData {
	if (chain === 'whole') {
		const {chainLog: _log, ...rest} = data;
		return rest;
	}
	const added = data.chain.slice(before.chain.length);
	return {...data, chain: workingSetWith(before.chain, added), chainLog: {entries: count, bytes: 0}};
}

/**
 * The team's schema version as this fortnight reads it. PostgreSQL teams began at version 3 (the chain in
 * its own table), and 3 -> 4 changed nothing in the data (source/store/migrate.ts), so a version-3 row is
 * read as the current version; the tables themselves are versioned by the SQL migrations (pg-migrate.ts).
 * A row written by a newer fortnight is refused, as a newer file is.
 */
function schemaOf(version: number, shown: string): number {
	if (version > SCHEMA_VERSION) {
		throw new StoreError(
			'unsupported-version',
			`A team in the database at ${shown} has schemaVersion ${version}, newer than this fortnight understands (${SCHEMA_VERSION}). ` +
				'Update fortnight; nothing was changed.',
			shown,
		);
	}
	if (version < 3) {
		throw new StoreError(
			'invalid',
			`A team in the database at ${shown} has schemaVersion ${version}, which no PostgreSQL store had.`,
			shown,
		);
	}
	return SCHEMA_VERSION;
}
