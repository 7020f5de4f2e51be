/**
 * A new starter's support agreement on PostgreSQL (QA 8 R5; docs/rules.md "New starters"). It is a welfare
 * event (kind new-starter-support) with the cases it covers and the mentor in its record: stored and signed
 * as every welfare event is (fortnight_welfare_events keeps the record as JSON; the chain's `record` entry
 * signs it), so no migration is needed, and the database's own guard on welfare events (migration 021,
 * fortnight_welfare_events_supervised: who may record the officer's welfare that day) refuses a peer's raw
 * insert as it refuses a peer's check-in. The demo team: o0002 DS Brennan, o0005 TDC Whitlock (a new
 * starter holding two old cases, mentor o0006 DC Marsh).
 */
import {describe, expect, it} from 'vitest';
import type {WelfareEvent} from '../../source/domain/model.js';
import {runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsOnCluster, postgresSkipReason, psqlRows, skipPostgres} from '../helpers/postgres.js';

const DB = 'starter';
const T = 'team-a';

describe.skipIf(skipPostgres)(`a new starter's support agreement on PostgreSQL${postgresSkipReason}`, () => {
	const pg = demoTeamsOnCluster(
		DB,
		[T],
		[
			['sgt_a', T, 'o0002'],
			['marsh_a', T, 'o0006'],
		],
	);
	const cli = (role: string, ...args: string[]) =>
		runCli([...args, '--store', `${pg.cluster.url(DB, role)}&team=${T}`, '--today', pg.today], {env: {XDG_CONFIG_HOME: tempDir()}});
	const rows = (user: string, text: string) => psqlRows(pg.cluster, DB, user, text);
	const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;
	const problemIds = () => (JSON.parse(cli('sgt_a', 'problems', '--json').stdout) as {id: string}[]).map(p => p.id);

	it('the mentor cannot, the sergeant about himself is refused by the database; the sergeant records it for the new starter, signed, and the problem clears', () => {
		expect(problemIds()).toContain('new-starter-old-cases:o0005');
		// An officer's own login reads none of the team's records on PostgreSQL, so the mentor cannot even open it.
		const peer = cli('marsh_a', 'welfare', 'record', 'Whitlock', '--kind', 'new-starter-support');
		expect(peer.code, peer.stderr).toBe(3);
		expect(peer.stderr).toContain("an officer's own login reads none of the team's records");
		// Past fortnight, straight into the table: the database's welfare guard (021) judges this kind as any
		// other, so the sergeant's agreement about himself, in his own name, is refused.
		const own: WelfareEvent = {
			id: 'w-own',
			officerId: 'o0002',
			date: pg.today,
			kind: 'new-starter-support',
			by: 'o0002',
			caseRefs: ['CR/42371/25'],
			flags: [],
		};
		const raw = pg.cluster.psql(DB, `INSERT INTO fortnight_welfare_events VALUES ('${T}', 'w-own', 9000, 1, ${q(own)})`, 'sgt_a');
		expect(raw.status).not.toBe(0);
		expect(raw.stderr).toMatch(/cannot record a welfare event: it is about themselves, and no one supervises themselves/);
		expect(rows('postgres', `SELECT count(*) FROM fortnight_welfare_events WHERE doc->>'kind' = 'new-starter-support'`)).toBe('0');

		const r = cli('sgt_a', 'welfare', 'record', 'Whitlock', '--kind', 'new-starter-support');
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('covering CR/42371/25, CR/87559/24 (mentor DC Marsh)');
		const stored = JSON.parse(
			rows('postgres', `SELECT doc FROM fortnight_welfare_events WHERE team_id = '${T}' AND doc->>'kind' = 'new-starter-support'`),
		) as WelfareEvent;
		expect(stored).toMatchObject({officerId: 'o0005', by: 'o0002', caseRefs: ['CR/42371/25', 'CR/87559/24'], mentorId: 'o0006'});
		const signed = JSON.parse(
			rows('postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' AND kind = 'record' ORDER BY seq DESC LIMIT 1`),
		) as {data: {record: string; event: WelfareEvent}};
		expect(signed.data).toMatchObject({record: 'welfare-event', event: stored});
		expect(problemIds()).not.toContain('new-starter-old-cases:o0005');
		const v = cli('sgt_a', 'verify');
		expect(v.code, v.stdout + v.stderr).toBe(0);
	});
});
