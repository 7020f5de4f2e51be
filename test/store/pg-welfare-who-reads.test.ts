/**
 * Who reads a welfare note on PostgreSQL, and that it is who the file store lets read it (DOMAIN "Welfare
 * notes: readable by the officer's line manager of that date and the author; never by peers"; migration 018,
 * permissions.ts lineManagerOn / mayReadWelfareNote). REVIEW-7:
 * - D4: 015 took the TEAM's sergeant for every investigator's line manager, so with a second sergeant the
 *   team's sergeant (a peer) read the notes about the second sergeant's officer and her line manager did not;
 *   the file store took today's line manager, not the note date's.
 * - D11: 015 showed a cover the notes of a day she was herself away, and 016 the whole team while she was on
 *   leave; people.ts awayOn: a cover away covers nobody.
 * Each team is asked of both stores: the database's answer must be the domain's.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {mayReadWelfareNote} from '../../source/domain/permissions.js';
import {readScopeOn} from '../../source/domain/read-scope.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'welfarewho';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
const IQBAL = 'o0004';
const MARSH = 'o0006';
const CARTER = 'o0009';

interface Note {
	id: string;
	officerId: string;
	date: string;
	by: string;
}

describe.skipIf(skipPostgres)(`PostgreSQL: a welfare note's readers are the domain's${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let day: (n: number) => string;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);
	const teams = new Map<string, {data: StoreData; notes: Note[]}>();

	/** Team `id` with its notes, and a login `<who>_<id>` for each officer named. */
	async function team(id: string, data: StoreData, notes: Note[], logins: string[]) {
		const withId = {...data, team: {...data.team, id}};
		teams.set(id, {data: withId, notes});
		await insertWholeTeam(cluster.url(DB), withId, [], []);
		const tag = id.replace(/-/g, '_');
		for (const o of logins) {
			rows('postgres', `CREATE ROLE ${o}_${tag} LOGIN IN ROLE fortnight_officer`);
			rows('postgres', `INSERT INTO fortnight_logins VALUES ('${o}_${tag}', '${id}', '${o}')`);
		}
		for (const n of notes)
			rows(
				'postgres',
				`INSERT INTO fortnight_welfare_notes (team_id, id, officer_id, date, by, text) VALUES ('${id}', '${n.id}', '${n.officerId}', '${n.date}', '${n.by}', 'SYNTHETIC')`,
			);
	}
	/** The notes of team `id` that `who` reads: [domain, database]. */
	function reads(id: string, who: string): [string, string] {
		const {data, notes} = teams.get(id)!;
		const domain = notes.filter(n => mayReadWelfareNote(data, who, n, day(0))).map(n => n.id);
		const db = rows(`${who}_${id.replace(/-/g, '_')}`, `SELECT coalesce(string_agg(id, ',' ORDER BY id), '') FROM fortnight_welfare_notes`);
		return [domain.sort().join(','), db];
	}

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		day = (n: number) => rows('postgres', `SELECT fortnight_today() + ${n}`);
		const demo = demoData();
		const rec = {recordedAt: `${day(-60)}T09:00:00.000Z`, recordedBy: OKAFOR};

		// D4, a second sergeant: DS Marsh (acting up, under DI Okafor) line-manages DC Carter.
		await team(
			'team-2ds',
			{
				...demo,
				absences: [],
				officers: demo.officers.map(o =>
					o.id === MARSH
						? {...o, rank: 'DS' as const, role: 'sergeant' as const, supervisorId: OKAFOR}
						: o.id === CARTER
							? {...o, supervisorId: MARSH}
							: o,
				),
			},
			[{id: 'w1', officerId: CARTER, date: day(-3), by: OKAFOR}],
			[BRENNAN, MARSH],
		);

		// D4, a handover: DS Brennan handed the team to DS Marsh 30 days ago; the officers are recorded under her now.
		await team(
			'team-ho',
			{
				...demo,
				absences: [],
				team: {
					...demo.team,
					sergeantId: MARSH,
					supervision: [
						...demo.team.supervision.filter(p => p.role !== 'sergeant'),
						{role: 'sergeant', officerId: BRENNAN, from: null, to: day(-30), by: null, reason: 'before'},
						{role: 'sergeant', officerId: MARSH, from: day(-30), to: null, by: OKAFOR, reason: 'handover'},
					],
				},
				officers: demo.officers.map(o =>
					o.id === MARSH
						? {...o, rank: 'DS' as const, role: 'sergeant' as const, supervisorId: OKAFOR}
						: o.supervisorId === BRENNAN
							? {...o, supervisorId: MARSH}
							: o,
				),
			},
			[
				{id: 'w1', officerId: IQBAL, date: day(-40), by: CARTER},
				{id: 'w2', officerId: IQBAL, date: day(-10), by: CARTER},
			],
			[BRENNAN, MARSH],
		);

		// D11: DS Brennan away, DC Marsh named cover, Marsh herself on leave three of those days.
		const away: Absence[] = [
			{...rec, id: 'ab0010', officerId: BRENNAN, from: day(-10), to: day(10), reason: 'sick', coverOfficerId: MARSH},
			{...rec, id: 'ab0011', officerId: MARSH, from: day(-3), to: day(-1), reason: 'annual-leave', coverOfficerId: null},
		];
		await team(
			'team-ca',
			{...demo, absences: away},
			[
				{id: 'w1', officerId: IQBAL, date: day(-5), by: OKAFOR},
				{id: 'w2', officerId: IQBAL, date: day(-2), by: OKAFOR},
			],
			[MARSH],
		);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("a second sergeant's officer: her line manager reads the note, the team's sergeant (a peer) does not", () => {
		expect(reads('team-2ds', MARSH)).toEqual(['w1', 'w1']);
		expect(reads('team-2ds', BRENNAN)).toEqual(['', '']);
	});

	it('after a handover, each note is read by the sergeant of its date, on both stores', () => {
		expect(reads('team-ho', BRENNAN)).toEqual(['w1', 'w1']);
		expect(reads('team-ho', MARSH)).toEqual(['w2', 'w2']);
	});

	it('a cover reads the note of a day she covered, not of a day she was away herself', () => {
		expect(reads('team-ca', MARSH)).toEqual(['w1', 'w1']);
	});

	it('a named cover on leave today sees none of the team, as readScopeOn gives her only her own', () => {
		const marsh = `${MARSH}_team_ca`;
		expect(rows(marsh, `SELECT count(*) > 0 FROM fortnight_cases`)).toBe('t');
		// Her own leave moved over today (as the owner: no guard in the way of the set-up).
		rows(
			'postgres',
			`UPDATE fortnight_absences SET doc = jsonb_set(jsonb_set(doc::jsonb, '{from}', to_jsonb('${day(-1)}'::text)), '{to}', to_jsonb('${day(1)}'::text))::json WHERE team_id = 'team-ca' AND key = 'ab0011'`,
		);
		const {data} = teams.get('team-ca')!;
		const onLeave = data.absences.map(a => (a.id === 'ab0011' ? {...a, from: day(-1), to: day(1)} : a));
		expect(readScopeOn({...data, absences: onLeave}, MARSH, day(0))).toEqual({kind: 'own', officerId: MARSH});
		expect(rows(marsh, `SELECT count(*) FROM fortnight_cases`)).toBe('0');
		expect(rows(marsh, `SELECT fortnight_sees_team('team-ca', current_user)`)).toBe('f');
	});
});
