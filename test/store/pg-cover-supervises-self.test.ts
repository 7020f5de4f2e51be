/**
 * No one supervises themselves (DOMAIN "People and permissions"), in the database too (migration 021 §3,
 * REVIEW-9 D4): until 021 the database asked only that the author was the login (011/013), so DC Doyle
 * (o0011, with a performance trigger in the demo), named cover of DS Brennan's absence today, recorded his
 * own welfare check-in and decided his own performance trigger through psql, and raised concerns about the
 * sergeant he covers and does not supervise. Now each is refused as permissions.ts mayRecordWelfare,
 * mayDecideTrigger and mayReviewCase refuse it; what he may do as cover is still accepted.
 */
import {describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {ChainEntry} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {demoTeamsOnCluster, insertCoverAbsence, postgresSkipReason, psqlRows, skipPostgres} from '../helpers/postgres.js';

const DB = 'selfsup';
const T = 'team-a';
const DOYLE = 'o0011';
const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;

describe.skipIf(skipPostgres)(`PostgreSQL: a cover does not supervise himself through psql${postgresSkipReason}`, () => {
	const pg = demoTeamsOnCluster(
		DB,
		[T],
		[
			['di_a', T, 'o0001'],
			['dc_doyle', T, DOYLE],
		],
		made => insertCoverAbsence(made, DB, T, DOYLE),
	);
	const lastEntry = () =>
		JSON.parse(
			psqlRows(pg.cluster, DB, 'postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`),
		) as ChainEntry;
	const append = (e: ChainEntry, who: string) =>
		pg.cluster.psql(
			DB,
			`INSERT INTO fortnight_chain VALUES ('${T}', ${e.seq}, '${e.kind}', ${e.kind === 'review' ? `'${e.data.caseRef}'` : 'NULL'}, '${e.prevHash}', '${e.hash}', ${q(e)})`,
			who,
		);
	const decision = (officerId: string, by: string) =>
		makeEntry(
			[lastEntry()],
			'performance-decision',
			{officerId, date: pg.today, by, decision: 'not-now', reason: 'Considered; not needed now.', evidence: [], caseRef: null},
			`${pg.today}T10:00:00.000Z`,
		);

	it('DC Doyle, covering, may not record his own check-in nor decide his own trigger; he may for an officer he covers for', () => {
		const checkIn = (id: string, officerId: string) => ({id, officerId, date: pg.today, kind: 'check-in', by: DOYLE, flags: []});
		const own = pg.cluster.psql(
			DB,
			`INSERT INTO fortnight_welfare_events VALUES ('${T}', 'w-self', 9001, 1, ${q(checkIn('w-self', DOYLE))})`,
			'dc_doyle',
		);
		expect(own.status, 'a cover recorded his own welfare check-in').not.toBe(0);
		expect(own.stderr).toContain('no one supervises themselves');
		// TDC Whitlock (o0005), DS Brennan's: the cover's to record pg.today.
		const other = pg.cluster.psql(
			DB,
			`INSERT INTO fortnight_welfare_events VALUES ('${T}', 'w-cover', 9002, 1, ${q(checkIn('w-cover', 'o0005'))})`,
			'dc_doyle',
		);
		expect(other.status, other.stderr).toBe(0);
		// Dated before the cover began: he did not supervise her then.
		const before = {...checkIn('w-before', 'o0005'), date: addDays(pg.today, -3)};
		const early = pg.cluster.psql(
			DB,
			`INSERT INTO fortnight_welfare_events VALUES ('${T}', 'w-before', 9003, 1, ${q(before)})`,
			'dc_doyle',
		);
		expect(early.stderr).toContain('do not supervise');

		const ownDecision = append(decision(DOYLE, DOYLE), 'dc_doyle');
		expect(ownDecision.status, 'a cover decided his own performance trigger').not.toBe(0);
		expect(ownDecision.stderr).toContain('no one supervises themselves');
		// The inspector decides it.
		const inspector = append(decision(DOYLE, 'o0001'), 'di_a');
		expect(inspector.status, inspector.stderr).toBe(0);
	});

	it('DC Doyle may not review, nor amend a review of, his own case, nor raise concerns about DS Brennan, whom he covers and does not supervise', () => {
		const ref = psqlRows(
			pg.cluster,
			DB,
			'postgres',
			`SELECT key FROM fortnight_cases WHERE team_id = '${T}' AND doc->>'oicId' = '${DOYLE}' LIMIT 1`,
		);
		expect(ref).not.toBe('');
		const review = makeEntry(
			[lastEntry()],
			'review',
			{caseRef: ref, date: pg.today, reviewerId: DOYLE, oicId: DOYLE} as never,
			`${pg.today}T11:00:00.000Z`,
		);
		const own = append(review, 'dc_doyle');
		expect(own.status, 'a cover reviewed his own case').not.toBe(0);
		expect(own.stderr).toContain('no one supervises their own cases');
		// Nor amend a review of a case he holds; the inspector may.
		const reviewed = psqlRows(
			pg.cluster,
			DB,
			'postgres',
			`SELECT max(seq) FROM fortnight_chain ch JOIN fortnight_cases c ON c.team_id = ch.team_id AND c.key = ch.case_ref
			WHERE ch.team_id = '${T}' AND ch.kind = 'review' AND c.doc->>'oicId' = '${DOYLE}'`,
		);
		expect(reviewed).not.toBe('');
		const amend = (by: string) =>
			makeEntry(
				[lastEntry()],
				'amendment',
				{amends: Number(reviewed), date: pg.today, by, reason: 'Typo.', corrections: {summary: 'Corrected.'}},
				`${pg.today}T12:00:00.000Z`,
			);
		const ownAmend = append(amend(DOYLE), 'dc_doyle');
		expect(ownAmend.status, 'a cover amended a review of his own case').not.toBe(0);
		expect(ownAmend.stderr).toContain('cannot amend a review of');
		const inspectorAmend = append(amend('o0001'), 'di_a');
		expect(inspectorAmend.status, inspectorAmend.stderr).toBe(0);
		const concerns = [1, 2].map(n => {
			const c = {
				id: `c-r9-${n}`,
				officerId: 'o0002',
				date: addDays(pg.today, -n + 1),
				by: DOYLE,
				text: 'Concern recorded by the cover.',
				caseRef: null,
			};
			return pg.cluster.psql(DB, `INSERT INTO fortnight_concerns VALUES ('${T}', 'c-r9-${n}', ${9100 + n}, 1, ${q(c)})`, 'dc_doyle');
		});
		for (const r of concerns) {
			expect(r.status, 'a cover recorded a concern about the sergeant he covers').not.toBe(0);
			expect(r.stderr).toContain('do not supervise DS');
		}
		expect(psqlRows(pg.cluster, DB, 'postgres', `SELECT count(*) FROM fortnight_concerns WHERE key LIKE 'c-r9-%'`)).toBe('0');
	});
});
