/**
 * Writing a team's rows in the PostgreSQL store (migrations/postgres/001 and 003): the rows a change
 * touched (teamWrite), written statement by statement inside the caller's transaction (writeTeam) or all
 * at once by one statement that checks the revision first (writeTeamAtOnce); a new team whole (store copy).
 */
import type pg from 'pg';
import type {ChainEntry, StoreData} from '../domain/model.js';
import {sharedEnds} from '../domain/list-edits.js';
import {StoreError} from './errors.js';
import {LISTS} from './pg-data.js';

/** What writing `next` over `before` changes: the list rows to upsert and delete, and the chain entries to append. */
export interface TeamWrite {
	up: {tables: string[]; keys: string[]; ords: number[]; docs: string[]};
	gone: {tables: string[]; keys: string[]};
	added: readonly ChainEntry[];
	/** Where the written and removed records are, by list: in `before` (old versions, removed) and in `next`. */
	at: Map<string, {before: number[]; next: number[]}>;
	/** Whether the team's record and its settings are other objects in `next` (each is rewritten only then). */
	rewrites: {team: boolean; settings: boolean};
}

/**
 * The rows a change touched, `next` against `before` (the team as it is in the database): every record
 * added, changed or moved, every record removed, and the chain entries after `before`'s (`before.chain`
 * is the whole chain or the working set: its last entry is the head either way). Records are immutable
 * objects, so the same object at the same place is unchanged and unmoved, and costs one comparison: a
 * signing touches a record or two of a team's thousands, and only those are keyed and compared.
 */
export function teamWrite(team: string, before: StoreData, next: StoreData): TeamWrite {
	const w: TeamWrite = {
		up: {tables: [], keys: [], ords: [], docs: []},
		gone: {tables: [], keys: []},
		added: next.chain.slice(before.chain.length),
		at: new Map(),
		// Records are immutable objects (as for the lists below): the same object is the same record.
		rewrites: {team: before.team !== next.team, settings: before.settings !== next.settings},
	};
	for (const {field, table, key} of LISTS) {
		const a = before[field] as readonly unknown[];
		const b = next[field] as readonly unknown[];
		if (a === b) continue;
		const keyOf = key as (r: unknown) => string;
		const kept = (i: number): boolean => i < a.length && i < b.length && a[i] === b[i];
		// Only the records between the two lists' shared ends can be other than kept (a signing's own lists say
		// where, list-edits.ts): 1,250 cases are not walked for the one replaced. The shared tail is in place only
		// when the lengths are equal (otherwise its records moved, and are written with their new places).
		const ends = sharedEnds(b, a);
		const to = a.length === b.length ? b.length - ends.tail : b.length;
		const toBefore = a.length === b.length ? a.length - ends.tail : a.length;
		// Where each of `before`'s keys was, built only when a record turns up somewhere other than its old place.
		let where: Map<string, number> | null = null;
		const oldAt = (k: string, i: number): number | undefined => {
			if (i < a.length && keyOf(a[i]) === k) return i;
			if (!where) {
				where = new Map();
				a.forEach((r, at) => where!.set(keyOf(r), at));
			}
			return where.get(k);
		};
		/** The keys of `next`'s records not kept in place (a kept record's key is where it was, so unique). */
		const moved = new Set<string>();
		const at = {before: [] as number[], next: [] as number[]};
		for (let i = ends.head; i < to; i++) {
			if (kept(i)) continue;
			const record = b[i];
			const k = keyOf(record);
			const was = oldAt(k, i);
			// Twice among the records not kept, or once more beside the record kept in place under that key.
			if (moved.has(k) || (was !== undefined && was !== i && kept(was))) {
				throw new StoreError('invalid', `That change lists ${field} ${k} twice, so it was not saved.`, team);
			}
			moved.add(k);
			const doc = JSON.stringify(record);
			if (was === i && JSON.stringify(a[i]) === doc) continue;
			if (was !== undefined) at.before.push(was);
			at.next.push(i);
			w.up.tables.push(table);
			w.up.keys.push(k);
			w.up.ords.push(i);
			w.up.docs.push(doc);
		}
		for (let i = ends.head; i < toBefore; i++) {
			if (kept(i)) continue;
			const k = keyOf(a[i]);
			if (moved.has(k)) continue;
			at.before.push(i);
			w.gone.tables.push(table);
			w.gone.keys.push(k);
		}
		if (at.next.length + at.before.length > 0) w.at.set(field, at);
	}
	refuseSetAside(team, w, before.setAside ?? next.setAside);
	return w;
}

/**
 * A write that would replace or remove a row set aside as unreadable is refused, whoever makes it (source/store
 * README "A record that cannot be read"): the loaded team lacks that row, so a record of the same key would
 * overwrite what the database owner must see and mend, and nothing says the two are the same record. Every
 * other write goes on: a set-aside row is in neither `before` nor `next`, so no write names it otherwise.
 */
function refuseSetAside(team: string, w: TeamWrite, setAside: StoreData['setAside']): void {
	if (!setAside || setAside.length === 0) return;
	const rows = new Set(setAside.map(r => `${r.table}\u0000${r.key}`));
	const touched = [...w.up.tables.map((t, i) => [t, w.up.keys[i]!]), ...w.gone.tables.map((t, i) => [t, w.gone.keys[i]!])];
	const hit = touched.find(([t, k]) => rows.has(`${t}\u0000${k}`));
	if (!hit) return;
	const r = setAside.find(x => x.table === hit[0] && x.key === hit[1])!;
	throw new StoreError(
		'invalid',
		`Nothing was saved: the change would write over row ${r.key} of ${r.table}, which cannot be read and is set aside ` +
			`until the database owner corrects or restores it (fortnight problems names it). Everything else can still be changed.`,
		team,
	);
}

/**
 * `before` and `next` holding only the records `w` writes or removes, each list in its order (the rest
 * of each is as it was): conflict.ts diffStores finds the same changes on them as on the whole team (a
 * record neither written nor removed is the same in both), at the cost of the records touched instead
 * of the team's thousands.
 */
export function touchedOnly(before: StoreData, next: StoreData, w: TeamWrite): [StoreData, StoreData] {
	const a: Record<string, unknown> = {...before};
	const b: Record<string, unknown> = {...next};
	const ascending = (xs: number[]) => [...xs].sort((x, y) => x - y);
	for (const {field} of LISTS) {
		const at = w.at.get(field);
		a[field] = at ? ascending(at.before).map(i => before[field][i]) : [];
		b[field] = at ? ascending(at.next).map(i => next[field][i]) : [];
	}
	return [a as unknown as StoreData, b as unknown as StoreData];
}

/** The team row's plain columns: schema_version, updated_at, reference_date, sergeant_id, inspector_id. */
function teamCols(next: StoreData): (string | null)[] {
	return [String(next.schemaVersion), next.updatedAt, next.referenceDate, next.team.sergeantId, next.team.inspectorId];
}

/** The team row's columns: schema_version, updated_at, reference_date, sergeant_id, inspector_id, team, settings. */
function teamRow(next: StoreData): (string | null)[] {
	return [...teamCols(next), JSON.stringify(next.team), JSON.stringify(next.settings)];
}

/**
 * Writes `next` over `before` (the team as it is in the database, read in this transaction under the
 * team row's lock), statement by statement. Returns what it wrote.
 */
export async function writeTeam(client: pg.ClientBase, team: string, before: StoreData, next: StoreData): Promise<TeamWrite> {
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
	return w;
}

const WRITE_CHANGE = `SELECT fortnight_write_change($1, $2, $3, $4::text[], $5::text[], $6::int[], $7::json, $8::text[], $9::text[],
	$10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::json, $16::text[], $17::json, $18::json, $19::text[], $20, $21) AS ok`;

/** JSON texts as one JSON array, each element's text as it is (the database reads them back the same: type json). */
const jsonArray = (docs: readonly string[]): string => `[${docs.join(',')}]`;

/**
 * The whole of a change in one statement, one round trip (fortnight_write_change, migrations 003, 006 and
 * 009): true when written (the team was still at `expected`), false when the team moved on and nothing was
 * written. Run outside a transaction, the statement commits on its own. `writeId` is recorded with the
 * revision (writeLanded asks for it). The team's record and settings go only when the change replaced
 * them (NULL: unchanged, migration 009): the team row held at `expected` already has them.
 */
export async function writeTeamAtOnce(
	client: pg.ClientBase,
	team: string,
	expected: number,
	w: TeamWrite,
	next: StoreData,
	what: readonly string[],
	notice: string,
	writeId: string,
): Promise<boolean> {
	const c = w.added;
	// A named statement: parsed and planned once per connection, then only bound and run.
	const r = await client.query<{ok: boolean}>({
		name: 'fortnight_write_change',
		text: WRITE_CHANGE,
		values: [
			team,
			expected,
			next.revision,
			w.up.tables,
			w.up.keys,
			w.up.ords,
			jsonArray(w.up.docs),
			w.gone.tables,
			w.gone.keys,
			c.map(e => e.seq),
			c.map(e => e.kind),
			c.map(e => (e.kind === 'review' ? e.data.caseRef : null)),
			c.map(e => e.prevHash),
			c.map(e => e.hash),
			jsonArray(c.map(e => JSON.stringify(e))),
			teamCols(next),
			w.rewrites.team ? JSON.stringify(next.team) : null,
			w.rewrites.settings ? JSON.stringify(next.settings) : null,
			what,
			notice,
			writeId,
		],
	});
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
		[team, data.schemaVersion, data.revision, ...teamRow(data).slice(1)],
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

/** True when the write `writeId` committed as `revision` of `team` (its statement's answer was lost). */
export async function writeLanded(client: pg.ClientBase, team: string, revision: number, writeId: string): Promise<boolean> {
	const r = await client.query('SELECT 1 FROM fortnight_changes WHERE team_id = $1 AND revision = $2 AND write_id = $3', [
		team,
		revision,
		writeId,
	]);
	return r.rows.length > 0;
}
