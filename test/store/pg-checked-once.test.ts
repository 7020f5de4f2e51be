/**
 * A PostgreSQL read is checked once (source/store/README.md "Checked once"; pg-store.ts readTeam): the
 * team's rows are hashed as the server sent them, a read whose hash has a receipt is not checked again,
 * and any other read is checked in full, so rows changed behind fortnight's back (psql) are refused even
 * when an earlier, valid read of the same team has a receipt.
 */
import {readdirSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readStoreFile} from '../../source/store/index.js';
import {withClient} from '../../source/store/pg-connect.js';
import {loadTeamHashed} from '../../source/store/pg-data.js';
import {parseStoreUrl} from '../../source/store/pg-url.js';
import {receiptsFolder, writeReceipt} from '../../source/store/receipts.js';
import {tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {pgFixture, type PgFixture} from '../helpers/pg-store.js';
import {postgresSkipReason, skipPostgres} from '../helpers/postgres.js';

/** The hash of what a read of `store` is sent now (in the read's own transaction mode). */
const hashOf = (store: string) =>
	withClient(store, async (client, url) => {
		await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
		try {
			return (await loadTeamHashed(client, url.team!, 'state', url.shown)).hash;
		} finally {
			await client.query('COMMIT');
		}
	});

describe.skipIf(skipPostgres)(`a PostgreSQL read, checked once${postgresSkipReason}`, () => {
	let pg: PgFixture;
	const cacheWas = process.env['XDG_CACHE_HOME'];
	beforeAll(async () => {
		// This test's own receipts folder.
		process.env['XDG_CACHE_HOME'] = tempDir('fortnight-pg-receipts-');
		pg = await pgFixture('checked_once');
	}, 120_000);
	afterAll(async () => {
		if (cacheWas === undefined) delete process.env['XDG_CACHE_HOME'];
		else process.env['XDG_CACHE_HOME'] = cacheWas;
		await pg?.stop();
	});

	it('keeps a receipt for a valid read; the same rows hash alike, one changed text hashes differently', async () => {
		const store = await pg.newStore(demoData());
		const first = await readStoreFile(store);
		expect(first.data.cases.length).toBeGreaterThan(0);
		expect(readdirSync(receiptsFolder())).toHaveLength(1);
		const again = await readStoreFile(store);
		expect(again.data).toEqual(first.data);
		const hash = await hashOf(store);
		expect(await hashOf(store)).toBe(hash);
		const team = parseStoreUrl(store).team!;
		pg.cluster.psql('checked_once', `UPDATE fortnight_officers SET doc = doc::jsonb::json WHERE team_id = '${team}' AND ord = 0`);
		// The same values, spelt as jsonb spells them: other text, another hash.
		expect(await hashOf(store)).not.toBe(hash);
	});

	it('checks in full rows changed behind its back, though an earlier read of the team has a receipt', async () => {
		const store = await pg.newStore(demoData());
		await readStoreFile(store);
		const team = parseStoreUrl(store).team!;
		const r = pg.cluster.psql('checked_once', `UPDATE fortnight_cases SET doc = '{"ref": 7}' WHERE team_id = '${team}' AND ord = 0`);
		expect(r.status, r.stderr).toBe(0);
		// Checked, found bad, and set aside (the row alone: source/store/validate-records.ts), not taken on trust.
		const key = pg.cluster.psql('checked_once', `SELECT key FROM fortnight_cases WHERE team_id = '${team}' AND ord = 0`, 'postgres');
		const read = (await readStoreFile(store)).data;
		expect(read.setAside?.map(x => [x.table, x.key])).toEqual([['fortnight_cases', key.stdout.trim()]]);
		expect(read.cases.some(c => (c as unknown as {ref: unknown}).ref === 7)).toBe(false);
		// A receipt vouches for exactly the text it was made for: one for these very rows (which only this
		// user's own fortnight, or someone able to write in their cache folder, could make) is taken.
		await writeReceipt(`${parseStoreUrl(store).shown}#${team}`, await hashOf(store));
		expect((await readStoreFile(store)).data.cases[0]).toEqual({ref: 7});
	});
});
