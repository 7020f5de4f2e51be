/**
 * The database refuses what fortnight refuses about absences, cover and moving cases
 * (migrations/postgres/008-absence-and-move-guard.sql; README "PostgreSQL", "What each role may do";
 * source/domain/permissions.ts mayChangeAbsence, mayReallocate): each test writes raw SQL through psql
 * as one person's own role, as someone bypassing fortnight would, and checks what is refused and what
 * goes through; then fortnight itself writes through the same roles. The demo team: o0001 inspector,
 * o0002 sergeant, o0003.. investigators; o0004 covers the sergeant today. "Today" is the server's date.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Absence, Case} from '../../source/domain/model.js';
import {withAllocation} from '../../source/domain/case-history.js';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'guard';
const T = 'team-g';
/** Login roles: the sergeant, the inspector, the DC covering the sergeant today, and a DC covering nobody. */
const LOGINS: [string, string][] = [
	['sgt_g', 'o0002'],
	['insp_g', 'o0001'],
	['cover_g', 'o0004'],
	['dc_g', 'o0005'],
];
/** Cases the demo gives o0005 and o0004 (investigators under the sergeant o0002). */
const HELD_BY_O0005 = ['CR/42371/25', 'CR/87559/24', 'CR/42958/26', 'CR/32337/26'];
const HELD_BY_COVER = 'CR/32829/26';

describe.skipIf(skipPostgres)(`the database refuses absence, cover and reallocation changes as fortnight does${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today: string;
	let tomorrow: string;
	let yesterday: string;
	const sql = (user: string, text: string) => cluster.psql(DB, text, user);
	const rows = (user: string, text: string) => {
		const r = sql(user, text);
		if (r.status !== 0) throw new Error(`psql as ${user} failed: ${r.stderr}`);
		return r.stdout.trim();
	};
	/** The statement is refused with the rule's sentence (or row-level security); the owner then sees it undone. */
	const refused = (user: string, text: string, why: string | RegExp) => {
		const r = sql(user, text);
		expect(r.status, `${user} should be refused: ${text}`).not.toBe(0);
		expect(r.stderr).toMatch(why);
	};
	const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;
	const absence = (id: string, officerId: string, from: string, to: string | null, cover: string | null, by: string): Absence => ({
		id,
		officerId,
		from,
		to,
		reason: 'training',
		coverOfficerId: cover,
		recordedAt: '2026-11-30T09:00:00.000Z',
		recordedBy: by,
	});
	const add = (a: Absence, ord = 500) => `INSERT INTO fortnight_absences VALUES ('${T}', '${a.id}', ${ord}, 1, ${q(a)}) RETURNING key`;
	const change = (a: Absence) => `UPDATE fortnight_absences SET doc = ${q(a)} WHERE team_id = '${T}' AND key = '${a.id}' RETURNING key`;
	const cancel = (id: string) => `DELETE FROM fortnight_absences WHERE team_id = '${T}' AND key = '${id}' RETURNING key`;
	const absenceNow = (id: string): Absence | null => {
		const text = rows('postgres', `SELECT doc FROM fortnight_absences WHERE team_id = '${T}' AND key = '${id}'`);
		return text === '' ? null : (JSON.parse(text) as Absence);
	};
	const caseNow = (ref: string): Case =>
		JSON.parse(rows('postgres', `SELECT doc FROM fortnight_cases WHERE team_id = '${T}' AND key = '${ref}'`));
	/** An UPDATE writing `ref` moved to `to` as fortnight records a move (case-history.ts withAllocation), by `by`. */
	const move = (ref: string, to: string, by: string, reason = 'Workload') => {
		const moved = withAllocation(caseNow(ref), {officerId: to, from: today, by, reason, recordedAt: '2026-11-30T09:00:00.000Z'});
		return `UPDATE fortnight_cases SET doc = ${q(moved)} WHERE team_id = '${T}' AND key = '${ref}' RETURNING key`;
	};
	/** The cover's absence: the sergeant away today (only), o0004 named to cover. */
	const coverAbsence = () => absence('cov-g', 'o0002', today, today, 'o0004', 'o0001');

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		const owner = cluster.url(DB);
		await migrateDatabase(owner);
		const demo = demoData();
		// The demo's own absences are dated; these tests date theirs from the server's today instead.
		await insertWholeTeam(owner, {...demo, team: {...demo.team, id: T}, absences: []}, [], []);
		today = rows('postgres', 'SELECT current_date');
		tomorrow = rows('postgres', 'SELECT current_date + 1');
		yesterday = rows('postgres', 'SELECT current_date - 1');
		rows('postgres', LOGINS.map(([r]) => `CREATE ROLE ${r} LOGIN IN ROLE fortnight_officer;`).join(' '));
		rows('postgres', `INSERT INTO fortnight_logins VALUES ${LOGINS.map(([r, o]) => `('${r}', '${T}', '${o}')`).join(', ')}`);
		rows('postgres', add(coverAbsence(), 100));
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	describe('absences', () => {
		it('an officer covering nobody adds, changes and cancels nothing (row-level security, as before)', () => {
			refused('dc_g', add(absence('x-dc', 'o0006', tomorrow, tomorrow, null, 'o0005')), /row-level security/);
			expect(rows('dc_g', change({...coverAbsence(), to: tomorrow}))).toBe('');
			expect(rows('dc_g', cancel('cov-g'))).toBe('');
			expect(absenceNow('cov-g')).toEqual(coverAbsence());
		});

		it('a cover records the absences of the officers they cover for, today; never their own, nor naming themselves, nor above them', () => {
			// Allowed: an investigator's absence (o0005's line manager is the sergeant the cover acts for), changed and cancelled.
			const theirs = absence('c-ok', 'o0005', tomorrow, tomorrow, 'o0006', 'o0004');
			expect(rows('cover_g', add(theirs))).toBe('c-ok');
			expect(rows('cover_g', change({...theirs, to: null}))).toBe('c-ok');
			expect(rows('cover_g', cancel('c-ok'))).toBe('c-ok');
			// Refused: their own absence (an officer records none), naming themselves, the inspector's, another's name.
			refused('cover_g', add(absence('c-own', 'o0004', tomorrow, tomorrow, null, 'o0004')), /records no absence, their own included/);
			refused('cover_g', add(absence('c-self', 'o0005', tomorrow, tomorrow, 'o0004', 'o0004')), /cannot name themselves as cover/);
			refused('cover_g', add(absence('c-up', 'o0001', tomorrow, tomorrow, null, 'o0004')), /does not supervise DI Rachel Okafor \(o0001\)/);
			refused('cover_g', add(absence('c-as', 'o0005', tomorrow, tomorrow, null, 'o0002')), /in their own name/);
			// Refused: naming themselves on an absence already recorded.
			rows('postgres', add(absence('c-named', 'o0006', tomorrow, tomorrow, null, 'o0002'), 501));
			refused('cover_g', change(absence('c-named', 'o0006', tomorrow, tomorrow, 'o0004', 'o0002')), /cannot name themselves as cover/);
			expect(absenceNow('c-named')?.coverOfficerId).toBeNull();
			for (const id of ['c-own', 'c-self', 'c-up', 'c-as']) expect(absenceNow(id), id).toBeNull();
		});

		it("the cover cannot change, end or cancel the sergeant's absence that makes them the cover", () => {
			refused(
				'cover_g',
				change({...coverAbsence(), to: tomorrow}),
				/is the named cover for DS Tom Brennan \(o0002\)'s absence cov-g, so cannot change it/,
			);
			refused('cover_g', change({...coverAbsence(), coverOfficerId: 'o0006'}), /named cover .* so cannot change it/);
			refused('cover_g', cancel('cov-g'), /named cover .* so cannot cancel it/);
			expect(absenceNow('cov-g')).toEqual(coverAbsence());
		});

		it('a cover acts only on the dates they cover, and not while away themselves', () => {
			const later = absence('c-later', 'o0005', tomorrow, tomorrow, null, 'o0004');
			// The cover away today too (their own absence, recorded by the sergeant): they cover nobody, so may record
			// nothing; since 018 they do not see the team either (people.ts awayOn, read-scope.ts readScopeOn).
			rows('postgres', add(absence('c-away', 'o0004', today, today, null, 'o0002'), 502));
			refused('cover_g', add(later), /row-level security/);
			expect(rows('cover_g', `SELECT count(*) FROM fortnight_cases`)).toBe('0');
			rows('postgres', cancel('c-away'));
			// The cover's days over (the sergeant back yesterday) or not begun (away from tomorrow): they see the team no more.
			for (const [from, to] of [
				[yesterday, yesterday],
				[tomorrow, tomorrow],
			]) {
				rows('postgres', change({...coverAbsence(), from: from!, to: to!}));
				refused('cover_g', add(later), /row-level security/);
				expect(rows('cover_g', cancel('c-named'))).toBe('');
			}
			rows('postgres', change(coverAbsence()));
			expect(rows('cover_g', add(later))).toBe('c-later');
			rows('postgres', cancel('c-later'));
			rows('postgres', cancel('c-named'));
		});

		it('the sergeant records the team’s absences and their own (naming a cover), never naming themselves nor above them', () => {
			const own = absence('s-own', 'o0002', tomorrow, tomorrow, 'o0006', 'o0002');
			expect(rows('sgt_g', add(own))).toBe('s-own');
			expect(rows('sgt_g', change({...own, coverOfficerId: 'o0007'}))).toBe('s-own');
			expect(rows('sgt_g', add(absence('s-dc', 'o0005', tomorrow, null, null, 'o0002')))).toBe('s-dc');
			refused('sgt_g', change(absence('s-dc', 'o0005', tomorrow, null, 'o0002', 'o0002')), /cannot name themselves as cover/);
			refused('sgt_g', add(absence('s-up', 'o0001', tomorrow, tomorrow, null, 'o0002')), /does not supervise DI Rachel Okafor/);
			expect(rows('sgt_g', cancel('s-own'))).toBe('s-own');
			expect(rows('sgt_g', cancel('s-dc'))).toBe('s-dc');
		});

		it('the inspector records any of the team’s, but not as the named cover of the sergeant’s absence, nor naming themselves', () => {
			const sergeants = absence('i-sgt', 'o0002', tomorrow, tomorrow, 'o0001', 'o0002');
			rows('postgres', add(sergeants, 503));
			refused('insp_g', change({...sergeants, to: null}), /is the named cover for DS Tom Brennan \(o0002\)'s absence i-sgt/);
			refused('insp_g', cancel('i-sgt'), /named cover/);
			refused('insp_g', add(absence('i-self', 'o0006', tomorrow, tomorrow, 'o0001', 'o0001')), /cannot name themselves/);
			expect(rows('insp_g', add(absence('i-dc', 'o0006', tomorrow, tomorrow, 'o0007', 'o0001')))).toBe('i-dc');
			expect(rows('insp_g', change({...coverAbsence(), coverOfficerId: 'o0006'}))).toBe('cov-g');
			expect(rows('insp_g', change(coverAbsence()))).toBe('cov-g');
			expect(rows('insp_g', cancel('i-dc'))).toBe('i-dc');
			rows('postgres', cancel('i-sgt'));
		});

		it('an absence moved onto another officer is judged as a cancel and an add', () => {
			rows('postgres', add(absence('m-1', 'o0005', tomorrow, tomorrow, null, 'o0002'), 504));
			refused('cover_g', change(absence('m-1', 'o0001', tomorrow, tomorrow, null, 'o0004')), /does not supervise DI Rachel Okafor/);
			rows('postgres', cancel('m-1'));
		});
	});

	describe('moving cases', () => {
		it('an officer covering nobody moves nothing (row-level security, as before)', () => {
			const ref = HELD_BY_O0005[0]!;
			expect(rows('dc_g', move(ref, 'o0006', 'o0005'))).toBe('');
			expect(caseNow(ref).oicId).toBe('o0005');
		});

		it('a cover moves the cases of the officers they cover for, never to themselves nor one they hold', () => {
			refused(
				'cover_g',
				move(HELD_BY_O0005[0]!, 'o0004', 'o0004'),
				/is covering for the line manager .* so cannot reallocate .* to themselves/,
			);
			refused('cover_g', move(HELD_BY_COVER, 'o0006', 'o0004'), /holds CR\/32829\/26, so cannot reallocate it/);
			refused('cover_g', move(HELD_BY_O0005[0]!, 'o0006', 'o0002'), /in their own name/);
			expect(caseNow(HELD_BY_O0005[0]!).oicId).toBe('o0005');
			expect(rows('cover_g', move(HELD_BY_O0005[0]!, 'o0006', 'o0004'))).toBe(HELD_BY_O0005[0]);
			expect(caseNow(HELD_BY_O0005[0]!).allocations.map(a => a.officerId)).toEqual(['o0005', 'o0006']);
		});

		it('the sergeant and the inspector move the team’s cases; nobody rewrites the history, renames or removes a case', () => {
			expect(rows('sgt_g', move(HELD_BY_O0005[1]!, 'o0007', 'o0002'))).toBe(HELD_BY_O0005[1]);
			expect(rows('insp_g', move(HELD_BY_O0005[2]!, 'o0002', 'o0001'))).toBe(HELD_BY_O0005[2]);
			// The sergeant now holds that case: they cannot move it on; the inspector can.
			refused('sgt_g', move(HELD_BY_O0005[2]!, 'o0006', 'o0002'), /DS Tom Brennan \(o0002\) holds CR\/42958\/26/);
			const ref = HELD_BY_O0005[3]!;
			const c = caseNow(ref);
			const rewritten = {...c, allocations: c.allocations.map(a => ({...a, from: '2020-01-01'}))};
			refused('sgt_g', `UPDATE fortnight_cases SET doc = ${q(rewritten)} WHERE team_id = '${T}' AND key = '${ref}'`, /cannot be rewritten/);
			refused(
				'sgt_g',
				`UPDATE fortnight_cases SET doc = ${q({...c, oicId: 'o0006'})} WHERE team_id = '${T}' AND key = '${ref}'`,
				/cannot be rewritten/,
			);
			refused('insp_g', `DELETE FROM fortnight_cases WHERE team_id = '${T}' AND key = '${ref}'`, /cannot be removed/);
			refused(
				'insp_g',
				`UPDATE fortnight_cases SET key = 'CR/1/26' WHERE team_id = '${T}' AND key = '${ref}'`,
				/cannot be moved to another row/,
			);
			expect(caseNow(ref)).toEqual(c);
			// What a signing writes (the case changed, its holder and allocations not) goes through as before.
			expect(
				rows(
					'sgt_g',
					`UPDATE fortnight_cases SET doc = ${q({...c, nextReviewDue: tomorrow})} WHERE team_id = '${T}' AND key = '${ref}' RETURNING key`,
				),
			).toBe(ref);
		});

		it('a case whose text holds characters PostgreSQL’s JSON functions refuse (\\u0000) is judged the same', () => {
			const ref = 'CR/54818/26';
			const typed = {...caseNow(ref), offence: 'Typed with a NUL \u0000 and a "quote" \\u0000'};
			rows('postgres', `UPDATE fortnight_cases SET doc = ${q(typed)} WHERE team_id = '${T}' AND key = '${ref}'`);
			expect(caseNow(ref)).toEqual(typed);
			const signed = {...typed, nextReviewDue: tomorrow};
			expect(rows('cover_g', `UPDATE fortnight_cases SET doc = ${q(signed)} WHERE team_id = '${T}' AND key = '${ref}' RETURNING key`)).toBe(
				ref,
			);
			refused('cover_g', move(ref, 'o0004', 'o0004'), /so cannot reallocate CR\/54818\/26 to themselves/);
			expect(rows('cover_g', move(ref, 'o0006', 'o0004'))).toBe(ref);
			expect(caseNow(ref).offence).toBe(typed.offence);
		});

		it('nobody moves a case to an officer no one in the store supervises (the inspector, nobody above her): migration 010', () => {
			const ref = 'CR/54818/26';
			const holder = caseNow(ref).oicId;
			refused('sgt_g', move(ref, 'o0001', 'o0002'), /cannot be moved to DI Rachel Okafor \(o0001\): no one in this store supervises/);
			refused('insp_g', move(ref, 'o0001', 'o0001'), /no one in this store supervises DI Rachel Okafor/);
			expect(caseNow(ref).oicId).toBe(holder);
		});

		it('an import’s move is judged as any other (its reason is the writer’s own text), in the importer’s own name', () => {
			const ref = HELD_BY_O0005[3]!;
			refused('cover_g', move(ref, 'o0006', 'o0002', 'records-system import'), /in their own name/);
			refused('cover_g', move(ref, 'o0004', 'o0004', 'records-system import'), /to themselves/);
			expect(rows('cover_g', move(ref, 'o0006', 'o0004', 'records-system import'))).toBe(ref);
			// A case the cover holds is not theirs to move, whatever the reason says.
			refused('cover_g', move(HELD_BY_COVER, 'o0006', 'o0004', 'records-system import'), /holds/);
		});
	});

	it('nobody changes who an officer is, their role or line manager, nor adds or removes one', () => {
		const officer = JSON.parse(rows('postgres', `SELECT doc FROM fortnight_officers WHERE team_id = '${T}' AND key = 'o0005'`));
		const set = (doc: unknown) => `UPDATE fortnight_officers SET doc = ${q(doc)} WHERE team_id = '${T}' AND key = 'o0005'`;
		refused(
			'cover_g',
			set({...officer, supervisorId: 'o0004'}),
			/no officer may change officer o0005's record \(who they are, their role, line manager/,
		);
		refused('sgt_g', set({...officer, role: 'sergeant'}), /no officer may change officer o0005's record/);
		refused('insp_g', `DELETE FROM fortnight_officers WHERE team_id = '${T}' AND key = 'o0005'`, /remove an officer record/);
		refused(
			'insp_g',
			`INSERT INTO fortnight_officers VALUES ('${T}', 'o0099', 99, 1, ${q({...officer, id: 'o0099'})})`,
			/add an officer record/,
		);
		// Nor any other field the rules read (020, REVIEW-9 D8): the owner's import sets them.
		refused('sgt_g', set({...officer, hoursPerWeek: 30}), /no officer may change officer o0005's record/);
		expect(rows('postgres', `${set({...officer, hoursPerWeek: 30})} RETURNING key`)).toBe('o0005');
		rows('postgres', set(officer));
	});

	it('the checks, called directly about a team one does not see, tell nothing of it', () => {
		const ask = (user: string) =>
			rows(
				user,
				`SELECT fortnight_officer_words('${T}', 'o0001') || ' | ' || coalesce(fortnight_supervises_as('${T}', 'o0002', 'o0005', current_date), 'none')`,
			);
		expect(ask('sgt_g')).toBe('DI Rachel Okafor (o0001) | sergeant');
		expect(ask('dc_g')).toBe('o0001 | none');
	});

	describe('fortnight itself, through each role', () => {
		const as = (role: string, officer: string, ...args: string[]) =>
			runCli(['--store', `${cluster.url(DB, role)}&team=${T}`, '--today', today, '--as', officer, ...args]);

		it('records and reallocates as before for the sergeant, the cover and the inspector', () => {
			const added = as('cover_g', 'o0004', 'absence', 'add', 'o0005', '--from', tomorrow, '--to', tomorrow, '--reason', 'training');
			expect(added.code, added.stderr).toBe(0);
			const id = /Recorded (ab\d+)/.exec(added.stderr + added.stdout)![1]!;
			const ended = as('sgt_g', 'o0002', 'absence', 'change', id, '--cover', 'o0006');
			expect(ended.code, ended.stderr).toBe(0);
			const cancelled = as('insp_g', 'o0001', 'absence', 'cancel', id);
			expect(cancelled.code, cancelled.stderr).toBe(0);
			for (const [role, officer, ref, to] of [
				['cover_g', 'o0004', 'CR/31909/26', 'o0006'],
				['sgt_g', 'o0002', 'CR/13093/26', 'o0007'],
				['insp_g', 'o0001', 'CR/31807/26', 'o0003'],
			] as const) {
				const moved = as(role, officer, 'case', 'reallocate', ref, '--to', to, '--reason', 'Workload', '--yes');
				expect(moved.code, `${role}: ${moved.stderr}`).toBe(0);
				expect(caseNow(ref).oicId).toBe(to);
			}
			// The row writes above stood in for a signing's case write without its chain entry: their next review
			// dates go back to the signed ones (verify calls a date moved later outside fortnight broken: REVIEW-9 D6).
			for (const c of demoData().cases) {
				const now = caseNow(c.ref);
				if (now.nextReviewDue !== c.nextReviewDue)
					rows(
						'postgres',
						`UPDATE fortnight_cases SET doc = ${q({...now, nextReviewDue: c.nextReviewDue})} WHERE team_id = '${T}' AND key = '${c.ref}'`,
					);
			}
			const verified = as('insp_g', 'o0001', 'verify');
			expect(verified.code, verified.stdout + verified.stderr).toBe(0);
		});

		it('a person claiming to be someone else (--as) is refused by their login, and told why', () => {
			// The cover says they are the sergeant (naming themselves as cover, which "the sergeant" may do): fortnight
			// knows the login is o0004 and refuses before anything is attempted (README "Who you are"); the database
			// would refuse it too (the raw SQL above, and test/store/pg-author-guard.test.ts).
			const r = as(
				'cover_g',
				'o0002',
				'absence',
				'add',
				'o0006',
				'--from',
				tomorrow,
				'--to',
				tomorrow,
				'--reason',
				'training',
				'--cover',
				'o0004',
			);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('your database login "cover_g" is DC Priya Iqbal (o0004) in this team');
			expect(rows('postgres', `SELECT count(*) FROM fortnight_absences WHERE team_id = '${T}' AND doc->>'officerId' = 'o0006'`)).toBe('0');
		});
	});
});
