/**
 * A chain row is the entry it carries, and the entry is its hash (migration 021 §1, REVIEW-9 D5): one row
 * whose hash was not its content, from the sergeant's login, stopped every later save and `log` of the team
 * for good, and the append-only triggers refused even the owner's DELETE. The database now hashes each row
 * as chain.ts hashEntry does (fortnight_entry_hash: canonical JSON in SQL) and refuses a row it cannot hash
 * alike; a well-hashed row with a bad signature (SQL has no Ed25519) is set aside by the owner with
 * fortnight_chain_set_aside (021 §2, README "PostgreSQL").
 */
import {generateKeyPairSync} from 'node:crypto';
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ChainEntry} from '../../source/domain/model.js';
import {generateStore} from '../../source/generate/generate.js';
import {hashEntry, makeEntry, signer} from '../../source/store/chain.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {seeded} from '../helpers/escape-fuzz.js';
import {demoTeamsDatabase, postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'chainhashed';
const T = 'team-a';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

/** Strings that test every way of writing a character in JSON: controls, quotes, backslashes, non-ASCII, astral, U+2028. */
function hostileString(r: () => number): string {
	const pool = [
		'\u0000',
		'\u0001',
		'\u0007',
		'\b',
		'\t',
		'\n',
		'\u000b',
		'\f',
		'\r',
		'\u001b',
		'\u001f',
		' ',
		'"',
		'\\',
		'/',
		"'",
		'\u007f',
		'\u0080',
		'é',
		'ß',
		'\u00a0',
		'\u2028',
		'\u2029',
		'€',
		'\ud7ff',
		'\ue000',
		'\ufeff',
		'\ufffd',
		'😀',
		'𝄞',
		'a',
		'Z',
		'0',
		'\\u0000',
		'\\\\u0000',
		'{',
		']',
		':',
		',',
	];
	let s = '';
	const n = Math.floor(r() * 12);
	for (let i = 0; i < n; i++) s += pool[Math.floor(r() * pool.length)];
	return s;
}

describe.skipIf(skipPostgres)(`PostgreSQL: a chain row must be its entry, and the entry its hash${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today = '';
	let client: pg.Client;
	/** What the database makes of each entry as stored (JSON.stringify, as pg-write.ts appendChain sends it). */
	const sqlHashes = async (entries: readonly unknown[]): Promise<Array<string | null>> => {
		const r = await client.query<{h: string | null}>(
			'SELECT fortnight_entry_hash(e::json) AS h FROM unnest($1::text[]) WITH ORDINALITY AS u(e, n) ORDER BY n',
			[entries.map(e => JSON.stringify(e))],
		);
		return r.rows.map(x => x.h);
	};

	beforeAll(async () => {
		cluster = startCluster();
		today = await demoTeamsDatabase(
			cluster,
			DB,
			[T],
			[
				['sgt_a', T, 'o0002'],
				['di_a', T, 'o0001'],
			],
		);
		client = new pg.Client({connectionString: cluster.url(DB)});
		await client.connect();
	}, 180_000);
	afterAll(async () => {
		await client?.end();
		await closePools();
		cluster?.stop();
	});

	it("hashes the demo's chain and generated stores' chains exactly as hashEntry does", async () => {
		const demo = await client.query<{n: string; bad: string}>(
			`SELECT count(*) AS n, count(*) FILTER (WHERE fortnight_entry_hash(entry) IS DISTINCT FROM hash) AS bad FROM fortnight_chain WHERE team_id = $1`,
			[T],
		);
		expect(Number(demo.rows[0]!.n)).toBeGreaterThan(500);
		expect(demo.rows[0]!.bad).toBe('0');
		for (const seed of ['pg hash one', 'pg hash two', 'pg hash three']) {
			const chain = generateStore({cases: 60, seed, referenceDate: today}, signer).data.chain;
			expect(chain.length).toBeGreaterThan(50);
			expect(await sqlHashes(chain)).toEqual(chain.map(e => e.hash));
		}
	});

	it('hashes hostile strings, keys and numbers as JavaScript does, or refuses them (null); never another hash', async () => {
		const r = seeded(2109);
		const numbers = [0, -0, 1, -1, 42, 0.5, -0.25, 0.1, 0.000001, 1.5e-7, 123456.789, 2 ** 31, 2 ** 53 - 1, 1e15, 1e21, 1e22, 1 / 3, 12.5];
		const entries: ChainEntry[] = [];
		let last: ChainEntry[] = [];
		for (let i = 0; i < 400; i++) {
			const key = hostileString(r) || 'k';
			const data = {
				officerId: hostileString(r),
				date: '2026-12-01',
				by: 'o0002',
				decision: 'not-now',
				reason: hostileString(r),
				evidence: [hostileString(r), hostileString(r)],
				caseRef: null,
				[key]: {[hostileString(r)]: numbers[i % numbers.length], z: [numbers[(i * 7) % numbers.length], true, false, null, {}, []]},
			};
			const e = makeEntry(last, 'performance-decision', data as never, `2026-12-01T10:00:${String(i % 60).padStart(2, '0')}.000Z`);
			entries.push(e);
			last = [e];
		}
		const got = await sqlHashes(entries);
		const wrong = entries.filter((e, i) => got[i] !== null && got[i] !== e.hash);
		expect(wrong.map(e => JSON.stringify(e))).toEqual([]);
		// Refused only for what 021 says SQL cannot write alike: astral keys, U+FFFF, numbers JS prints otherwise.
		const refused = entries.filter((_, i) => got[i] === null);
		const cannot = (e: ChainEntry): boolean => {
			const text = JSON.stringify(e);
			const keys: string[] = [];
			const walk = (v: unknown): void => {
				if (Array.isArray(v)) v.forEach(walk);
				else if (v && typeof v === 'object')
					for (const [k, x] of Object.entries(v)) {
						keys.push(k);
						walk(x);
					}
			};
			walk(e);
			return (
				keys.some(k => /[\u{10000}-\u{10FFFF}]/u.test(k)) ||
				/\uffff/i.test(text) ||
				keys.some(k => k.includes('\u0000')) ||
				/\d{16}|e[+-]|\.\d{16}/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'))
			);
		};
		expect(refused.filter(e => !cannot(e)).map(e => JSON.stringify(e))).toEqual([]);
		expect(entries.length - refused.length).toBeGreaterThan(50);
		// Each refusal class on its own.
		const one = (data: unknown) => makeEntry([], 'performance-decision', data as never, '2026-12-01T10:00:00.000Z');
		const plain = {officerId: 'o0005', reason: 'a "quoted" \\ \u0000 \u001f é € 😀 \u2028 text'};
		const [ok, astralKey, big, tiny, frac, nul] = await sqlHashes([
			one(plain),
			one({...plain, ['😀']: 1}),
			one({...plain, hours: 1e21}),
			one({...plain, hours: 1e-7}),
			one({...plain, hours: 1 / 3}),
			one({...plain, reason: '\u0000'}),
		]);
		expect(ok).toBe(hashEntry(one(plain)));
		expect([astralKey, big, tiny, frac]).toEqual([null, null, null, null]);
		expect(nul).toBe(hashEntry(one({...plain, reason: '\u0000'})));
		// A value the database would store in another form: 1.50 is 1.5 to JavaScript.
		const e = one(plain);
		const r2 = await client.query<{h: string | null}>('SELECT fortnight_entry_hash($1::json) AS h', [
			JSON.stringify(e).replace('"reason"', '"x":1.50,"reason"'),
		]);
		expect(r2.rows[0]!.h).toBeNull();
	});

	it("refuses the sergeant's row whose hash is not its content; the inspector goes on saving", () => {
		const env = {XDG_CONFIG_HOME: tempDir()};
		const last = JSON.parse(
			psqlRows(cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
		const made = makeEntry(
			[last],
			'performance-decision',
			{officerId: 'o0005', date: today, by: 'o0002', decision: 'not-now', reason: 'Considered.', evidence: [], caseRef: null},
			`${today}T10:00:00.000Z`,
		);
		const altered = {...made, data: {...made.data, reason: 'Considered, and changed after hashing.'}};
		const insert = (entry: unknown, who = 'sgt_a') =>
			cluster.psql(
				DB,
				`INSERT INTO fortnight_chain VALUES ('${T}', ${made.seq}, 'performance-decision', NULL, '${last.hash}', '${made.hash}', ${q(entry)})`,
				who,
			);
		const poisoned = insert(altered);
		expect(poisoned.status).not.toBe(0);
		expect(poisoned.stderr).toContain('its content is not its hash');
		// The entry's own seq, hash or kind not the row's.
		expect(insert({...made, seq: made.seq + 1}).stderr).toContain("its seq is not the row's");
		expect(insert({...made, hash: 'f'.repeat(64)}).stderr).toContain("its hash is not the row's");
		expect(insert({...made, kind: 'record'}).stderr).toContain("its kind is not the row's");
		// (The owner, who is no officer: a login's row with no author is refused first by 011.)
		expect(insert('not an entry', 'postgres').stderr).toContain('not a JSON object');
		const cli = (...args: string[]) => runCli([...args, '--store', `${cluster.url(DB, 'di_a')}&team=${T}`, '--today', today], {env});
		expect(cli('welfare', 'record', 'Brennan', '--kind', 'check-in').code).toBe(0);
		expect(cli('verify').code).toBe(0);
		expect(cli('log', '--format', 'csv').code).toBe(0);
	});

	it('a well-hashed row with a bad signature: only the owner sets the tail aside, on the record; then the team verifies again', () => {
		const env = {XDG_CONFIG_HOME: tempDir()};
		const cli = (...args: string[]) => runCli([...args, '--store', `${cluster.url(DB, 'di_a')}&team=${T}`, '--today', today], {env});
		const last = JSON.parse(
			psqlRows(cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
		// Signed with a key nobody enrolled, in the sergeant's name: the database cannot tell (no Ed25519 in SQL).
		const {privateKey} = generateKeyPairSync('ed25519');
		const made = makeEntry(
			[last],
			'performance-decision',
			{officerId: 'o0005', date: today, by: 'o0002', decision: 'not-now', reason: 'Forged key.', evidence: [], caseRef: null},
			`${today}T11:00:00.000Z`,
			{officerId: 'o0002', privateKey},
		);
		const inserted = cluster.psql(
			DB,
			`INSERT INTO fortnight_chain VALUES ('${T}', ${made.seq}, 'performance-decision', NULL, '${last.hash}', '${made.hash}', ${q(made)})`,
			'sgt_a',
		);
		expect(inserted.status, inserted.stderr).toBe(0);
		expect(cli('verify').code).not.toBe(0);
		// Officers can neither run it nor read what was set aside; the owner's plain DELETE is still refused.
		const asSergeant = cluster.psql(DB, `SELECT fortnight_chain_set_aside('${T}', ${made.seq}, 'mine')`, 'sgt_a');
		expect(asSergeant.status).not.toBe(0);
		expect(asSergeant.stderr).toContain('permission denied');
		expect(cluster.psql(DB, 'SELECT count(*) FROM fortnight_chain_set_aside', 'di_a').stderr).toContain('permission denied');
		const del = cluster.psql(DB, `DELETE FROM fortnight_chain WHERE team_id = '${T}' AND seq = ${made.seq}`, 'postgres');
		expect(del.stderr).toContain('append-only');
		expect(cluster.psql(DB, `SELECT fortnight_chain_set_aside('${T}', ${made.seq + 5})`, 'postgres').stderr).toContain('nothing set aside');
		expect(
			psqlRows(cluster, DB, 'postgres', `SELECT fortnight_chain_set_aside('${T}', ${made.seq}, 'signed with an unenrolled key')`),
		).toBe('1');
		expect(
			psqlRows(
				cluster,
				DB,
				'postgres',
				`SELECT seq, hash = '${made.hash}', set_aside_by, reason, set_aside_at <= now() FROM fortnight_chain_set_aside WHERE team_id = '${T}'`,
			),
		).toBe(`${made.seq}|t|postgres|signed with an unenrolled key|t`);
		// What was set aside is kept.
		expect(cluster.psql(DB, 'DELETE FROM fortnight_chain_set_aside', 'postgres').stderr).toContain('is kept');
		const after = cli('verify');
		expect(after.code, after.stdout + after.stderr).toBe(0);
		const write = cli('welfare', 'record', 'Brennan', '--kind', 'one-to-one');
		expect(write.code, write.stdout + write.stderr).toBe(0);
	});
});
