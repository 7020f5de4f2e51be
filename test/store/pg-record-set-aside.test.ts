/**
 * One login's bad row does not deny the team to everyone (README "PostgreSQL", "A record that cannot be
 * read"; source/store/README.md; docs/rules.md "Records set aside"). DS Brennan's own login writes, through
 * psql, an absence that ends before it starts and a case missing a field, and the owner (an import gone
 * wrong; no login may change an officer record, 020) an officer of no known rank: the database does not
 * check a record's shape. The inspector's problems list still loads, with a CRITICAL
 * problem per row set aside (the case's by its crime reference, the officer's cases with it), the rest of
 * the team as before; a save of another record works and leaves the bad rows exactly as they were.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {insertWholeTeam, migrateDatabase} from '../../source/store/pg-admin.js';
import {closePools} from '../../source/store/pg-connect.js';
import {openStore} from '../../source/store/index.js';
import {runCli} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {postgresSkipReason, psqlRows, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

const DB = 'setaside';
const T = 'team-sa';
const BAD_CASE = 'CR/32449/23';
/** DC Doyle: his officer row is the one made unreadable; his cases go with it. */
const DOYLE = 'o0011';

interface JsonProblem {
	id: string;
	kind: string;
	severity: string;
	message: string;
	action: string;
	subject: {ref: string | null};
}

describe.skipIf(skipPostgres)(`PostgreSQL: a malformed row is set aside, not the team${postgresSkipReason}`, () => {
	let cluster: Cluster;
	let today: string;
	const rows = (user: string, sql: string) => psqlRows(cluster, DB, user, sql);
	const as = (role: string) => `${cluster.url(DB, role)}&team=${T}`;
	const problems = (role = 'di_sa', officer = 'o0001') => {
		const r = runCli(['--store', as(role), '--today', today, '--as', officer, 'problems', '--json']);
		return {...r, list: r.code === 0 ? (JSON.parse(r.stdout) as JsonProblem[]) : []};
	};
	/** The bad rows as the database holds them: key, revision and the document's text. */
	const badRows = () =>
		rows(
			'postgres',
			`SELECT string_agg(t || ' ' || key || ' ' || revision || ' ' || doc::text, E'\\n' ORDER BY t, key) FROM (
				SELECT 'a' t, key, revision, doc FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0900'
				UNION ALL SELECT 'c', key, revision, doc FROM fortnight_cases WHERE team_id = '${T}' AND key = '${BAD_CASE}'
				UNION ALL SELECT 'o', key, revision, doc FROM fortnight_officers WHERE team_id = '${T}' AND key = '${DOYLE}') x`,
		);
	let before: JsonProblem[] = [];

	beforeAll(async () => {
		cluster = startCluster();
		cluster.createDatabase(DB);
		await migrateDatabase(cluster.url(DB));
		today = rows('postgres', 'SELECT fortnight_today()');
		const demo = demoData();
		await insertWholeTeam(cluster.url(DB), {...demo, team: {...demo.team, id: T}}, [], []);
		rows('postgres', `CREATE ROLE ds_sa LOGIN IN ROLE fortnight_officer; CREATE ROLE di_sa LOGIN IN ROLE fortnight_officer`);
		rows('postgres', `INSERT INTO fortnight_logins VALUES ('ds_sa', '${T}', 'o0002'), ('di_sa', '${T}', 'o0001')`);
		before = problems().list;
		expect(before.length).toBeGreaterThan(0);
	}, 120_000);
	afterAll(async () => {
		await closePools();
		cluster?.stop();
	});

	it("DS Brennan's login writes two malformed rows through psql, as itself, and the owner a third: the database takes them", () => {
		// His own absence (008 lets him add it; 011 holds recordedBy to his login), ending before it starts.
		rows(
			'ds_sa',
			`INSERT INTO fortnight_absences (team_id, key, ord, revision, doc)
			SELECT team_id, 'ab0900', 90, revision,
				(doc::jsonb || '{"id": "ab0900", "from": "2027-03-10", "to": "2027-03-01", "recordedBy": "o0002"}')::json
			FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0001'`,
		);
		// A case of his team with a field taken away.
		rows('ds_sa', `UPDATE fortnight_cases SET doc = (doc::jsonb - 'offenceShort')::json WHERE team_id = '${T}' AND key = '${BAD_CASE}'`);
		// An officer of a rank fortnight does not know: his login may not change an officer record at all (020),
		const refused = cluster.psql(
			DB,
			`UPDATE fortnight_officers SET doc = jsonb_set(doc::jsonb, '{rank}', '"Chief Wizard"')::json WHERE team_id = '${T}' AND key = '${DOYLE}'`,
			'ds_sa',
		);
		expect(refused.stderr).toContain("no officer may change officer o0011's record");
		// so it is the owner's (a records-system import gone wrong) that writes it.
		rows(
			'postgres',
			`UPDATE fortnight_officers SET doc = jsonb_set(doc::jsonb, '{rank}', '"Chief Wizard"')::json WHERE team_id = '${T}' AND key = '${DOYLE}'`,
		);
		expect(badRows().split('\n')).toHaveLength(3);
	});

	it("the inspector's problems list still loads: a CRITICAL problem per row set aside, each named, nothing quoted", () => {
		const p = problems();
		expect(p.stderr).not.toMatch(/not valid fortnight data|backup/);
		expect(p.code).toBe(0);
		const aside = p.list.filter(x => x.kind === 'store-record-unreadable');
		const doyles = demoData()
			.cases.filter(c => c.oicId === DOYLE)
			.map(c => c.ref);
		expect(aside.map(x => x.id).sort()).toEqual(
			[
				'store-record-unreadable:fortnight_absences:ab0900',
				`store-record-unreadable:fortnight_cases:${BAD_CASE}`,
				`store-record-unreadable:fortnight_officers:${DOYLE}`,
				...doyles.map(ref => `store-record-unreadable:fortnight_cases:${ref}`),
			].sort(),
		);
		expect(aside.every(x => x.severity === 'critical')).toBe(true);
		// Among the most urgent: every one before the first problem that is not critical.
		const lastAside = p.list.findLastIndex(x => x.kind === 'store-record-unreadable');
		expect(p.list.slice(0, lastAside).every(x => x.severity === 'critical')).toBe(true);
		const onCase = aside.find(x => x.id.endsWith(BAD_CASE))!;
		expect(onCase.subject.ref).toBe(BAD_CASE);
		expect(onCase.message).toContain(`case of ${BAD_CASE} (row ${BAD_CASE} of fortnight_cases)`);
		expect(onCase.message).toMatch(/offenceShort/);
		expect(onCase.action).toMatch(/Ask the database owner to correct row .* or restore that one row from a backup/);
		const absence = aside.find(x => x.id.endsWith('ab0900'))!;
		expect(absence.message).toMatch(/the absence ends \(to\) before it starts \(from\)/);
		expect(aside.find(x => x.id.endsWith(doyles[0]!))!.message).toMatch(/set aside with officer row o0011 of fortnight_officers/);
		expect(p.stdout).not.toContain('Chief Wizard');
		// Every other problem is as it was, except those about the rows set aside and the counts they were part of
		// (a trigger whose evidence was the case, a span of control that counted the officer).
		const gone = [BAD_CASE, ...doyles, DOYLE];
		const counted = ['performance-trigger', 'span-of-control'];
		const now = new Set(p.list.map(x => x.id));
		const lost = before.filter(x => !now.has(x.id));
		expect(lost.filter(x => !gone.some(g => x.id.includes(g)) && !counted.includes(x.kind)).map(x => x.id)).toEqual([]);
		expect(p.list.length).toBeGreaterThan(before.length / 2);
	});

	it('verify does not call the team valid: it names each row set aside (exit 1), the chain intact', () => {
		const r = runCli(['--store', as('di_sa'), '--today', today, '--as', 'o0001', 'verify']);
		expect(r.code, r.stderr).toBe(1);
		expect(r.stdout).toMatch(
			/^PROBLEM: .* cannot be read and are set aside: .*fortnight_absences row ab0900 \(the absence ends \(to\) before it starts \(from\)\)/,
		);
		expect(r.stdout).toMatch(/The chain itself is intact/);
		expect(r.stdout).not.toContain('Chief Wizard');
	});

	it('a save of another record works, and leaves the bad rows exactly as they were', () => {
		const bad = badRows();
		const r = runCli(['--store', as('ds_sa'), '--today', today, '--as', 'o0002', 'welfare', 'record', 'o0005', '--kind', 'check-in']);
		expect(r.stderr).not.toMatch(/not valid|Nothing was saved/);
		expect(r.code).toBe(0);
		expect(
			rows(
				'postgres',
				`SELECT count(*) FROM fortnight_welfare_events WHERE team_id = '${T}' AND doc->>'officerId' = 'o0005' AND doc->>'date' = '${today}'`,
			),
		).toBe('1');
		expect(badRows()).toBe(bad);
		expect(problems().list.filter(x => x.kind === 'store-record-unreadable').length).toBeGreaterThan(2);
	});

	it("an open store keeps the rows aside through its own and others' saves, and refuses a record over one", async () => {
		const owner = `${cluster.url(DB)}&team=${T}`;
		const bad = badRows();
		const [a, b] = [await openStore(owner, {chain: 'state'}), await openStore(owner, {chain: 'state'})];
		expect(a.snapshot().setAside?.map(r => r.key)).toContain('ab0900');
		const retitle = (text: string) => (d: Parameters<Parameters<typeof a.apply>[0]>[0]) => ({
			...d,
			cases: d.cases.map((c, i) => (i === 0 ? {...c, offenceShort: text} : c)),
		});
		// One round trip (nobody wrote since), then the long way (b wrote since a's snapshot: loadTeamSince).
		await a.apply(retitle('first'));
		expect(a.snapshot().setAside?.map(r => r.key)).toContain('ab0900');
		await b.apply(d => ({...d, concerns: d.concerns}) as typeof d);
		await b.apply(retitle('second'));
		await a.apply(d => ({...d, cases: d.cases.map((c, i) => (i === 1 ? {...c, offenceShort: 'third'} : c))}));
		expect(a.snapshot().setAside?.map(r => r.key)).toContain('ab0900');
		expect(badRows()).toBe(bad);
		// A record written under the set-aside row's key is refused whole, and the row is as it was.
		const over = a.apply(d => ({...d, absences: [...d.absences, {...d.absences[0]!, id: 'ab0900'}]}));
		await expect(over).rejects.toThrow(/Nothing was saved: the change would write over row ab0900 of fortnight_absences/);
		expect(badRows()).toBe(bad);
	});

	it('a row fortnight wrote and psql then spoiled names who fortnight last recorded changing it', () => {
		const key = rows(
			'postgres',
			`SELECT key FROM fortnight_welfare_events WHERE team_id = '${T}' AND doc->>'officerId' = 'o0005' AND doc->>'date' = '${today}'`,
		);
		rows('ds_sa', `UPDATE fortnight_welfare_events SET doc = (doc::jsonb - 'kind')::json WHERE team_id = '${T}' AND key = '${key}'`);
		const p = problems().list.find(x => x.id === `store-record-unreadable:fortnight_welfare_events:${key}`)!;
		expect(p.message).toMatch(/The last change fortnight recorded to it was by DS Brennan \(login ds_sa\)/);
	});

	it('once the database owner restores the rows, the problems are gone and every case is back', () => {
		const demo = demoData();
		const doc = (x: unknown) => JSON.stringify(x).replaceAll("'", "''");
		rows('postgres', `DELETE FROM fortnight_absences WHERE team_id = '${T}' AND key = 'ab0900'`);
		rows(
			'postgres',
			`UPDATE fortnight_cases SET doc = '${doc(demo.cases.find(c => c.ref === BAD_CASE))}'::json WHERE team_id = '${T}' AND key = '${BAD_CASE}'`,
		);
		rows(
			'postgres',
			`UPDATE fortnight_officers SET doc = '${doc(demo.officers.find(o => o.id === DOYLE))}'::json WHERE team_id = '${T}' AND key = '${DOYLE}'`,
		);
		rows(
			'postgres',
			`UPDATE fortnight_welfare_events SET doc = (doc::jsonb || '{"kind": "check-in"}')::json WHERE team_id = '${T}' AND doc->>'officerId' = 'o0005' AND doc->>'date' = '${today}'`,
		);
		const p = problems();
		expect(p.code).toBe(0);
		expect(p.list.filter(x => x.kind === 'store-record-unreadable')).toEqual([]);
		expect(p.list.some(x => x.subject.ref === BAD_CASE)).toBe(before.some(x => x.subject.ref === BAD_CASE));
	});
});
