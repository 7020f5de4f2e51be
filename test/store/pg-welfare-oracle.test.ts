/**
 * migrations/postgres/016-who-is-the-caller.sql: the SECURITY DEFINER helpers every officer may call
 * answer only about the caller (README "PostgreSQL"). Before 016 a login of team A asked
 * fortnight_reads_welfare about team B and another role, and read off when team B's sergeant was away and
 * who covered, though it sees none of team B's absences. And a welfare note is filed only as
 * mayRecordWelfare allows (source/domain/permissions.ts): 015 let the team's sergeant file one about her
 * own inspector, or about an id that is no officer of the team.
 *
 * The demo team: o0001 DI Okafor (inspector), o0002 DS Brennan (sergeant), o0003/o0004/o0005
 * investigators (o0009 too). Team B's sergeant is away 10-20 March 2026, covered by o0004 (login `bcover`).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ChainEntry} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoTeamsDatabase, postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'welfare_oracle';
const DAYS = ['2026-03-09', '2026-03-10', '2026-03-20', '2026-03-21'];

describe.skipIf(skipPostgres)(`the welfare helpers are no oracle${postgresSkipReason}`, () => {
	let cluster: Cluster;
	const rows = (user: string, text: string) => psqlRows(cluster, DB, user, text);
	const tried = (user: string, text: string) => cluster.psql(DB, text, user);

	beforeAll(async () => {
		cluster = startCluster();
		await demoTeamsDatabase(
			cluster,
			DB,
			['team-a', 'team-b'],
			[
				['asergeant', 'team-a', 'o0002'],
				['ainspector', 'team-a', 'o0001'],
				['bcover', 'team-b', 'o0004'],
			],
		);
		const sick = JSON.stringify({
			id: 'sick',
			officerId: 'o0002',
			from: '2026-03-10',
			to: '2026-03-20',
			reason: 'sickness',
			coverOfficerId: 'o0004',
			recordedAt: '2026-03-10T09:00:00.000Z',
			recordedBy: 'o0001',
		});
		rows('postgres', `INSERT INTO fortnight_absences VALUES ('team-b', 'sick', 100, 1, '${sick}')`);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("a login of team A sees none of team B's absences, and the helpers tell it nothing about them either", () => {
		expect(rows('asergeant', "SELECT count(*) FROM fortnight_absences WHERE team_id = 'team-b'")).toBe('0');
		const asked = (fn: string) => DAYS.map(d => rows('asergeant', `SELECT ${fn.replace('$d', d)}`));
		expect(asked("fortnight_reads_welfare('team-b', 'o0005', 'x', '$d', 'bcover')")).toEqual(['f', 'f', 'f', 'f']);
		expect(asked("fortnight_files_welfare('team-b', 'o0005', 'o0004', '$d', 'bcover')")).toEqual(['f', 'f', 'f', 'f']);
	});

	it('the same question about oneself still answers as the policies need (the cover reads on her dates only)', () => {
		const own = () => DAYS.map(d => rows('bcover', `SELECT fortnight_reads_welfare('team-b', 'o0005', 'x', '${d}', current_user)`));
		// Her cover ended in March: a peer again, she reads none of its notes (021, REVIEW-9 D7).
		expect(own()).toEqual(['f', 'f', 'f', 'f']);
		// While the same absence still runs today, the days she covers and those alone.
		const to = (d: string) =>
			rows(
				'postgres',
				`UPDATE fortnight_absences SET doc = jsonb_set(doc::jsonb, '{to}', to_jsonb(${d}))::json WHERE team_id = 'team-b' AND key = 'sick'`,
			);
		to('(fortnight_today() + 1)::text');
		try {
			expect(own()).toEqual(['f', 't', 't', 't']);
		} finally {
			to("'2026-03-20'::text");
		}
	});

	it("002's helpers no longer tell another role's logins, teams or sight", () => {
		expect(rows('asergeant', "SELECT fortnight_officer_of('bcover', 'team-b') IS NULL")).toBe('t');
		expect(rows('asergeant', "SELECT fortnight_my_teams('ainspector') = '{}'")).toBe('t');
		expect(rows('asergeant', "SELECT fortnight_sees_team('team-a', 'ainspector')")).toBe('f');
		// About oneself they answer as before (every policy passes current_user).
		expect(rows('asergeant', "SELECT fortnight_officer_of(current_user, 'team-a')")).toBe('o0002');
		expect(rows('asergeant', 'SELECT fortnight_my_teams(current_user)')).toBe('{team-a}');
		const history = tried('asergeant', "SELECT fortnight_line_manager('team-a', 'o0003', '2026-03-10', 'ainspector')");
		expect(history.status).not.toBe(0);
		expect(history.stderr).toMatch(/permission denied/);
	});

	it("a move through psql is refused before the allocation it ends began, or before the case's last signed review", () => {
		const ref = 'CR/78730/26';
		/** The sergeant's move of the case to o0009 dated `on`, as fortnight writes one (reallocate.ts). */
		const move = (on: string) =>
			tried(
				'asergeant',
				`UPDATE fortnight_cases SET doc = (
				jsonb_set(jsonb_set(doc::jsonb, '{allocations}',
					jsonb_set(doc::jsonb->'allocations', ARRAY[(jsonb_array_length(doc::jsonb->'allocations') - 1)::text, 'to'], '"${on}"')
					|| jsonb_build_array(jsonb_build_object('officerId', 'o0009', 'from', '${on}', 'to', null, 'by', 'o0002',
						'reason', 'moved', 'recordedAt', '${on}T09:00:00.000Z'))),
				'{oicId}', '"o0009"'))::json
				WHERE team_id = 'team-a' AND key = '${ref}' RETURNING key, doc::jsonb->>'oicId'`,
			);
		const began = rows(
			'postgres',
			`SELECT doc->'allocations'->-1->>'from' FROM fortnight_cases WHERE team_id = 'team-a' AND key = '${ref}'`,
		);
		const early = move('2020-01-01');
		expect(early.stdout).not.toContain(`${ref}|o0009`);
		expect(early.stderr).toContain(`a move of ${ref} cannot be dated 2020-01-01, before the allocation it ends began (${began})`);
		// A signed review of the case today, after the demo's (appended as the owner appends the chain).
		const today = rows('postgres', 'SELECT current_date');
		// (Hashed as fortnight hashes it: the database refuses a row that is not its entry's hash, 021.)
		const last = JSON.parse(
			rows('postgres', "SELECT entry FROM fortnight_chain WHERE team_id = 'team-a' ORDER BY seq DESC LIMIT 1"),
		) as ChainEntry;
		const signed = makeEntry([last], 'review', {caseRef: ref, date: today} as never, `${today}T09:00:00.000Z`);
		rows(
			'postgres',
			`INSERT INTO fortnight_chain (team_id, seq, kind, case_ref, prev_hash, hash, entry)
			VALUES ('team-a', ${signed.seq}, 'review', '${ref}', '${signed.prevHash}', '${signed.hash}', '${JSON.stringify(signed).replace(/'/g, "''")}')`,
		);
		expect(began < today).toBe(true);
		const beforeReview = move(began);
		expect(beforeReview.stdout).not.toContain(`${ref}|o0009`);
		expect(beforeReview.stderr).toContain(`a move of ${ref} cannot be dated ${began}, before its last signed review (${today})`);
		// On the review's day it is taken, as fortnight's own rule allows.
		expect(move(today).stdout).toContain(`${ref}|o0009`);
	});

	it('a note is filed only about an officer the writer supervises (mayRecordWelfare)', () => {
		const filed = (user: string, id: string, about: string, by: string) =>
			tried(
				user,
				`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text)
				VALUES ('team-a', '${id}', '${about}', current_date, '${by}', 'SYNTHETIC')`,
			);
		// The sergeant about her own line manager, and about no officer of the team: refused.
		expect(filed('asergeant', 'wn-insp', 'o0001', 'o0002').stderr).toMatch(/row-level security/);
		expect(filed('asergeant', 'wn-ghost', 'o9999', 'o0002').stderr).toMatch(/row-level security/);
		// The inspector about no officer of the team: refused too.
		expect(filed('ainspector', 'wn-ghost2', 'o9999', 'o0001').stderr).toMatch(/row-level security/);
		// The sergeant about an investigator, the inspector about the sergeant: filed, as before.
		expect(filed('asergeant', 'wn-dc', 'o0003', 'o0002').status).toBe(0);
		expect(filed('ainspector', 'wn-ds', 'o0002', 'o0001').status).toBe(0);
		expect(rows('postgres', "SELECT string_agg(id, ',' ORDER BY id) FROM fortnight_welfare_notes WHERE team_id = 'team-a'")).toBe(
			'wn-dc,wn-ds',
		);
	});
});
