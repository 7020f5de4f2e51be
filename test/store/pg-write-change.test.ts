/**
 * The one-statement write (fortnight_write_change, migrations/postgres/006 and 009): records, chain
 * entries, the team and its settings go to the database as JSON texts and are stored byte for byte as
 * fortnight wrote them (key order, escapes, characters outside ASCII), so exports and hashes are the file
 * store's; records the team holds are updated and new ones inserted in the same write, and the team
 * record and settings are rewritten only when the change replaced them; a write made on a revision that
 * has moved on writes nothing; a table that is not a team's records, or records that do not line up with
 * their keys, are refused.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {openStore} from '../../source/store/index.js';
import {withClient} from '../../source/store/pg-connect.js';
import {teamWrite, writeTeamAtOnce} from '../../source/store/pg-write.js';
import {pgFixture, type PgFixture} from '../helpers/pg-store.js';
import {postgresSkipReason, skipPostgres} from '../helpers/postgres.js';
import {smallData} from './small-store.js';

/** Text a person might type or paste: quotes, backslashes, a line break, accents, an emoji, U+2028, a NUL. */
const AWKWARD = 'He said "no" \\ then: "C:\\temp"\nCafé ☕ 🚓 \u2028 end \u0000';

describe.skipIf(skipPostgres)(`the one-statement write on PostgreSQL${postgresSkipReason}`, () => {
	let pg: PgFixture;
	beforeAll(async () => {
		pg = await pgFixture('write_change');
	}, 180_000);
	afterAll(() => pg?.stop());

	const teamOf = (url: string) => decodeURIComponent(/[?&]team=([^&]+)/.exec(url)![1]!);
	const text = async (url: string, sql: string, params: unknown[]): Promise<string[]> =>
		withClient(url, async client => (await client.query<{t: string}>(sql, params)).rows.map(r => r.t));

	it('stores records, chain entries, the team and the settings byte for byte as fortnight wrote them', async () => {
		const url = await pg.newStore(smallData(4));
		const team = teamOf(url);
		const store = await openStore(url, {chain: 'state'});
		const ref = store.snapshot().cases[1]!.ref;
		const result = await store.apply(d => ({
			...d,
			team: {...d.team, name: `Team ${AWKWARD}`},
			cases: d.cases.map(c =>
				c.ref === ref ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text: AWKWARD}]} : c,
			),
			chain: [
				...d.chain,
				makeEntry(
					d.chain,
					'amendment',
					{amends: d.chain.at(-1)!.seq, date: '2026-11-30', by: d.team.sergeantId, reason: AWKWARD, corrections: {summary: AWKWARD}},
					'2026-11-30T10:00:00.000Z',
				),
			],
		}));
		expect(result.merged).toBe(false);
		// Written by the one statement (only it records a write id), not the long way.
		const ids = await text(url, 'SELECT write_id AS t FROM fortnight_changes WHERE team_id = $1 AND revision = $2', [
			team,
			result.revision,
		]);
		expect(ids).toHaveLength(1);
		expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
		const held = store.snapshot();
		const doc = await text(url, 'SELECT doc::text AS t FROM fortnight_cases WHERE team_id = $1 AND key = $2', [team, ref]);
		expect(doc).toEqual([JSON.stringify(held.cases.find(c => c.ref === ref))]);
		const entry = await text(url, 'SELECT entry::text AS t FROM fortnight_chain WHERE team_id = $1 ORDER BY seq DESC LIMIT 1', [team]);
		expect(entry).toEqual([JSON.stringify(held.chain.at(-1))]);
		const row = await text(url, "SELECT team::text || '|' || settings::text AS t FROM fortnight_teams WHERE team_id = $1", [team]);
		expect(row).toEqual([`${JSON.stringify(held.team)}|${JSON.stringify(held.settings)}`]);
		// And read back as the same data, which verifies.
		const again = await openStore(url, {chain: 'state'});
		expect(again.snapshot().cases.find(c => c.ref === ref)).toEqual(held.cases.find(c => c.ref === ref));
		expect(again.snapshot().team.name).toBe(`Team ${AWKWARD}`);
		expect(again.readOnlyReason).toBeNull();
	});

	it('updates the records the team holds and inserts the new ones in one write; the team and settings stay as they were unless replaced', async () => {
		const url = await pg.newStore(smallData(4));
		const team = teamOf(url);
		const store = await openStore(url, {chain: 'state'});
		const before = store.snapshot();
		const teamText = async () =>
			text(url, "SELECT team::text || '|' || settings::text AS t FROM fortnight_teams WHERE team_id = $1", [team]);
		const rowsWritten = async (table: string, revision: number) =>
			text(url, `SELECT key || '@' || ord || ' ' || doc::text AS t FROM ${table} WHERE team_id = $1 AND revision = $2 ORDER BY key`, [
				team,
				revision,
			]);
		const [held, fresh] = [before.cases[1]!, before.cases[2]!];
		const draft = {
			caseRef: fresh.ref,
			reviewerId: before.team.sergeantId,
			startedAt: '2026-11-30T09:00:00.000Z',
			updatedAt: '2026-11-30T09:00:00.000Z',
			step: 0,
			answers: {},
		};
		// A held case changed (an UPDATE) and a draft the team did not hold (an INSERT), the team row untouched.
		const first = await store.apply(d => ({
			...d,
			cases: d.cases.map(c =>
				c.ref === held.ref ? {...c, updates: [...c.updates, {date: '2026-11-30', authorId: c.oicId, text: 'Spoke to the victim.'}]} : c,
			),
			drafts: [...d.drafts, draft],
		}));
		const after = store.snapshot();
		expect(await rowsWritten('fortnight_cases', first.revision)).toEqual([`${held.ref}@1 ${JSON.stringify(after.cases[1])}`]);
		expect(await rowsWritten('fortnight_review_drafts', first.revision)).toEqual([
			`${JSON.stringify([fresh.ref, draft.reviewerId])}@0 ${JSON.stringify(after.drafts[0])}`,
		]);
		expect(await teamText()).toEqual([`${JSON.stringify(before.team)}|${JSON.stringify(before.settings)}`]);
		// Only the settings replaced: they are written, the team record is left as it was.
		const second = await store.apply(d => ({...d, settings: {...d.settings, reviewCapDays: 21}}));
		expect(second.revision).toBe(first.revision + 1);
		expect(await teamText()).toEqual([`${JSON.stringify(before.team)}|${JSON.stringify(store.snapshot().settings)}`]);
		const again = await openStore(url, {chain: 'state'});
		expect(again.snapshot().cases).toEqual(store.snapshot().cases);
		expect(again.snapshot().drafts).toEqual([draft]);
		expect(again.snapshot().settings.reviewCapDays).toBe(21);
		expect(again.snapshot().revision).toBe(second.revision);
	});

	it('refuses records whose keys, places and texts do not line up, writing nothing', async () => {
		const url = await pg.newStore(smallData(3));
		const team = teamOf(url);
		const store = await openStore(url, {chain: 'state'});
		const before = store.snapshot();
		const next: StoreData = {
			...before,
			revision: before.revision + 1,
			cases: before.cases.map((c, i) => (i === 0 ? {...c, risk: c.risk === 'high' ? 'low' : 'high'} : c)),
		};
		const w = teamWrite(team, before, next);
		w.up.ords.push(7);
		await expect(
			withClient(url, client => writeTeamAtOnce(client, team, before.revision, w, next, [], '{}', 'misaligned')),
		).rejects.toThrow();
		expect((await openStore(url, {chain: 'state'})).snapshot()).toEqual(before);
	});

	it('writes nothing when the team has moved on from the revision the change was made on', async () => {
		const url = await pg.newStore(smallData(3));
		const team = teamOf(url);
		const store = await openStore(url, {chain: 'state'});
		const before = store.snapshot();
		// Another writer commits first.
		await (await openStore(url, {chain: 'state'})).apply(d => ({...d, settings: {...d.settings, reviewCapDays: 30}}));
		const next: StoreData = {
			...before,
			revision: before.revision + 1,
			cases: before.cases.map((c, i) => (i === 0 ? {...c, risk: c.risk === 'high' ? 'low' : 'high'} : c)),
		};
		const w = teamWrite(team, before, next);
		expect(w.up.keys).toHaveLength(1);
		const ok = await withClient(url, client => writeTeamAtOnce(client, team, before.revision, w, next, ['x'], '{}', 'stale-write'));
		expect(ok).toBe(false);
		const now = await openStore(url, {chain: 'state'});
		expect(now.snapshot().revision).toBe(before.revision + 1);
		expect(now.snapshot().cases[0]).toEqual(before.cases[0]);
		expect(now.snapshot().settings.reviewCapDays).toBe(30);
		expect(
			await text(url, 'SELECT write_id AS t FROM fortnight_changes WHERE team_id = $1 AND write_id = $2', [team, 'stale-write']),
		).toEqual([]);
	});

	it('refuses a table that is not one of a team’s record tables, writing nothing', async () => {
		const url = await pg.newStore(smallData(3));
		const team = teamOf(url);
		const store = await openStore(url, {chain: 'state'});
		const before = store.snapshot();
		const next = {...before, revision: before.revision + 1};
		const w = teamWrite(team, before, next);
		w.up.tables.push('fortnight_logins');
		w.up.keys.push('x');
		w.up.ords.push(0);
		w.up.docs.push('{}');
		await expect(
			withClient(url, client => writeTeamAtOnce(client, team, before.revision, w, next, [], '{}', 'bad-table')),
		).rejects.toThrow();
		expect((await openStore(url, {chain: 'state'})).snapshot().revision).toBe(before.revision);
	});
});
