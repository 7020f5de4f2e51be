/**
 * On PostgreSQL a login acts as its own officer (README "Who you are", "PostgreSQL", "What each role may
 * do"; migrations/postgres/011-authors-are-the-login.sql): every record a person's role writes names that
 * officer as its author, or the database refuses it. QA found the sergeant's own login recording his
 * welfare check-in "by DI Okafor" with `--as`, and a bail event likewise. Review 5 (D5) found two gaps,
 * closed by 013-no-record-in-nobodys-name-nor-removed.sql: a risk change (or a new case's allocation) in
 * nobody's name (`by: null`, meant only for the history the owner copies in), and a record naming someone
 * else removed or rewritten (a case's element, or a welfare event, concern or review draft row); what
 * fortnight itself does (a move taking open actions with it, an import, `store copy`) still goes through. Each test writes as the
 * sergeant's role: raw SQL through psql (someone bypassing fortnight), the one-statement write fortnight
 * uses (fortnight_write_change, bypassing the command line's check), then the command line itself. The
 * demo team: o0001 the inspector (DI Rachel Okafor), o0002 the sergeant (DS Tom Brennan), o0003.. investigators.
 */
import {randomUUID} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {BailEvent, Case, ChainEntry, ReviewData, StoreData, WelfareEvent} from '../../source/domain/model.js';
import {closePools, withClient} from '../../source/store/pg-connect.js';
import {openStore} from '../../source/store/index.js';
import {signer} from '../../source/store/chain.js';
import {withRisk} from '../../source/domain/case-history.js';
import {teamWrite, writeTeamAtOnce} from '../../source/store/pg-write.js';
import {demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';
import {toImportCsv} from '../helpers/import-csv.js';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster, demoTeamsDatabase, psqlRows} from '../helpers/postgres.js';

const DB = 'authors';
const T = 'team-a';
const SERGEANT = 'sgt_a';
const OKAFOR = 'o0001';
const BRENNAN = 'o0002';
/** A case with running bail, and one with an open action, in the demo. */
const BAILED = 'CR/30126/26';
const WITH_ACTION = 'CR/87204/26';
const AT = '2026-11-30T09:00:00.000Z';
const REFUSED_AS_OKAFOR = /DS Tom Brennan \(o0002\) must record .* in their own name \(\w+ o0002\), not as o0001/;

describe.skipIf(skipPostgres)(
	`the database refuses a record in another officer's name, or nobody's, and its removal (migrations 011, 013)${postgresSkipReason}`,
	() => {
		let cluster: Cluster;
		let today = '';
		const sql = (user: string, text: string) => cluster.psql(DB, text, user);
		const rows = (user: string, text: string) => psqlRows(cluster, DB, user, text);
		const refused = (user: string, text: string, why: string | RegExp) => {
			const r = sql(user, text);
			expect(r.status, `${user} should be refused: ${text}`).not.toBe(0);
			expect(r.stderr).toMatch(why);
		};
		const q = (x: unknown) => `'${JSON.stringify(x).replace(/'/g, "''")}'`;
		const count = (table: string) => rows('postgres', `SELECT count(*) FROM ${table} WHERE team_id = '${T}'`);
		const caseNow = (ref: string): Case =>
			JSON.parse(rows('postgres', `SELECT doc FROM fortnight_cases WHERE team_id = '${T}' AND key = '${ref}'`));
		const setCase = (c: Case) => `UPDATE fortnight_cases SET doc = ${q(c)} WHERE team_id = '${T}' AND key = '${c.ref}' RETURNING key`;
		const welfare = (id: string, by: string): WelfareEvent => ({id, officerId: 'o0005', date: today, kind: 'check-in', by, flags: []});
		const insert = (table: string, key: string, doc: unknown, ord = 9000) =>
			`INSERT INTO ${table} VALUES ('${T}', '${key.replace(/'/g, "''")}', ${ord}, 1, ${q(doc)}) RETURNING key`;
		const bailEvent = (recordedBy: string): BailEvent => ({
			event: 'charged',
			on: today,
			returnDateBefore: '2026-12-05',
			returnDate: null,
			authority: null,
			periodEnd: null,
			authorisedBy: null,
			rank: null,
			recordedBy,
			recordedAt: AT,
		});
		/** The team's last chain entry (seq, hash), as the owner reads it. */
		const head = () => {
			const [seq, hash] = rows(
				'postgres',
				`SELECT seq || '|' || hash FROM fortnight_chain WHERE team_id = '${T}' ORDER BY seq DESC LIMIT 1`,
			).split('|');
			return {seq: Number(seq), hash: hash!};
		};
		/** An INSERT of `entry` as the chain's next row (`seq` off by `skew` to be refused by 001's link check instead). */
		const appendEntry = (entry: Omit<ChainEntry, 'seq' | 'prevHash' | 'hash'> & Partial<ChainEntry>, skew = 0) => {
			const h = head();
			const full = {...entry, seq: h.seq + 1 + skew, prevHash: h.hash, hash: 'f'.repeat(64)};
			const caseRef = full.kind === 'review' ? `'${(full.data as ReviewData).caseRef}'` : 'NULL';
			return `INSERT INTO fortnight_chain VALUES ('${T}', ${full.seq}, '${full.kind}', ${caseRef}, '${h.hash}', '${full.hash}', ${q(full)})`;
		};
		/** A review of the demo's, as made by `reviewerId` today. */
		const review = (reviewerId: string): ReviewData => {
			const last = JSON.parse(
				rows('postgres', `SELECT entry FROM fortnight_chain WHERE team_id = '${T}' AND kind = 'review' ORDER BY seq DESC LIMIT 1`),
			) as ChainEntry;
			return {...(last.data as ReviewData), reviewerId, date: today};
		};

		beforeAll(async () => {
			cluster = startCluster();
			today = await demoTeamsDatabase(cluster, DB, [T], [[SERGEANT, T, BRENNAN]]);
			// The owner is not checked: a welfare event of the inspector's, for the sergeant's edits below.
			rows('postgres', insert('fortnight_welfare_events', 'w-okafor', welfare('w-okafor', OKAFOR), 8000));
		}, 180_000);
		afterAll(async () => {
			await closePools();
			cluster?.stop();
		});

		describe('raw SQL as the sergeant’s own role', () => {
			it('welfare events: added and changed only in his own name; another’s not edited in theirs', () => {
				refused(
					SERGEANT,
					insert('fortnight_welfare_events', 'w-1', welfare('w-1', OKAFOR)),
					/must record a welfare event in their own name \(by o0002\), not as o0001/,
				);
				expect(rows(SERGEANT, insert('fortnight_welfare_events', 'w-2', welfare('w-2', BRENNAN)))).toBe('w-2');
				refused(
					SERGEANT,
					`UPDATE fortnight_welfare_events SET doc = ${q(welfare('w-2', OKAFOR))} WHERE team_id = '${T}' AND key = 'w-2'`,
					REFUSED_AS_OKAFOR,
				);
				refused(
					SERGEANT,
					`UPDATE fortnight_welfare_events SET doc = ${q({...welfare('w-okafor', OKAFOR), kind: 'one-to-one'})} WHERE team_id = '${T}' AND key = 'w-okafor'`,
					REFUSED_AS_OKAFOR,
				);
				// Only the place in the list changed (a cancel elsewhere rewrites it): not a record made.
				expect(
					rows(SERGEANT, `UPDATE fortnight_welfare_events SET ord = 8001 WHERE team_id = '${T}' AND key = 'w-okafor' RETURNING key`),
				).toBe('w-okafor');
				expect(rows('postgres', `SELECT doc->>'by' FROM fortnight_welfare_events WHERE team_id = '${T}' AND key = 'w-2'`)).toBe(BRENNAN);
				expect(rows('postgres', `SELECT count(*) FROM fortnight_welfare_events WHERE team_id = '${T}' AND key = 'w-1'`)).toBe('0');
			});

			it('concerns and review drafts: only in his own name', () => {
				const concern = (id: string, by: string) => ({id, officerId: 'o0005', date: today, by, text: 'Late file.', caseRef: null});
				refused(
					SERGEANT,
					insert('fortnight_concerns', 'k-1', concern('k-1', OKAFOR)),
					/must record a concern in their own name \(by o0002\)/,
				);
				expect(rows(SERGEANT, insert('fortnight_concerns', 'k-2', concern('k-2', BRENNAN)))).toBe('k-2');
				const draft = (reviewerId: string) => ({caseRef: BAILED, reviewerId, startedAt: AT, updatedAt: AT, step: 0, answers: {}});
				refused(
					SERGEANT,
					insert('fortnight_review_drafts', JSON.stringify([BAILED, OKAFOR]), draft(OKAFOR)),
					/must record a review draft in their own name \(reviewerId o0002\), not as o0001/,
				);
				expect(rows(SERGEANT, insert('fortnight_review_drafts', JSON.stringify([BAILED, BRENNAN]), draft(BRENNAN)))).toBe(
					JSON.stringify([BAILED, BRENNAN]),
				);
				// An upsert that lands on his own draft and puts another's name on it is refused as an update.
				refused(
					SERGEANT,
					`${insert('fortnight_review_drafts', JSON.stringify([BAILED, BRENNAN]), draft(OKAFOR)).replace(' RETURNING key', '')} ` +
						'ON CONFLICT (team_id, key) DO UPDATE SET doc = EXCLUDED.doc',
					REFUSED_AS_OKAFOR,
				);
			});

			it('cases: what a change adds names him (bail events, action histories, risk history, a new case’s allocations)', () => {
				const bailed = caseNow(BAILED);
				refused(
					SERGEANT,
					setCase({...bailed, bailEvents: [bailEvent(OKAFOR)]}),
					/must record a bail event of CR\/30126\/26 in their own name \(recordedBy o0002\)/,
				);
				const acted = caseNow(WITH_ACTION);
				const event = (by: string) => ({date: today, event: 'edited' as const, reviewSeq: null, reason: 'Due date moved', by});
				const withEvent = (by: string) => ({
					...acted,
					actions: acted.actions.map((a, i) => (i === 0 ? {...a, history: [...a.history, event(by)]} : a)),
				});
				refused(SERGEANT, setCase(withEvent(OKAFOR)), /must record an action's event on CR\/87204\/26 in their own name \(by o0002\)/);
				// An event already on record (the demo's, by the sergeant) rewritten into another's name is a new one.
				refused(
					SERGEANT,
					setCase({
						...acted,
						actions: acted.actions.map((a, i) => (i === 0 ? {...a, history: a.history.map(h => ({...h, by: OKAFOR}))} : a)),
					}),
					REFUSED_AS_OKAFOR,
				);
				const risk = (by: string | null) => ({
					...acted,
					riskHistory: [...acted.riskHistory, {risk: acted.risk, from: today, by, reason: 'Reviewed', reviewSeq: null}],
				});
				refused(SERGEANT, setCase(risk(OKAFOR)), /must record a risk change of CR\/87204\/26 in their own name/);
				expect(caseNow(BAILED)).toEqual(bailed);
				expect(caseNow(WITH_ACTION)).toEqual(acted);
				// In his own name each goes through (null, "not recorded", is refused too: 013, below).
				expect(rows(SERGEANT, setCase({...bailed, bailEvents: [bailEvent(BRENNAN)]}))).toBe(BAILED);
				expect(rows(SERGEANT, setCase(withEvent(BRENNAN)))).toBe(WITH_ACTION);
				expect(rows(SERGEANT, setCase(risk(BRENNAN)))).toBe(WITH_ACTION);
				rows('postgres', setCase(bailed));
				rows('postgres', setCase(acted));
				// A case whose text holds \u0000 (which PostgreSQL's JSON functions refuse to read) is judged the same.
				const typed = {...bailed, offence: 'Typed with a NUL \u0000 in it'};
				rows('postgres', setCase(typed));
				refused(SERGEANT, setCase({...typed, bailEvents: [bailEvent(OKAFOR)]}), /must record a bail event of CR\/30126\/26/);
				expect(rows(SERGEANT, setCase({...typed, bailEvents: [bailEvent(BRENNAN)]}))).toBe(BAILED);
				rows('postgres', setCase(bailed));
				// A new case: its allocations and every other list count as added.
				const fresh = (by: string): Case => ({
					...acted,
					ref: 'CR/99999/26',
					allocations: [{officerId: acted.oicId, from: today, to: null, by, reason: 'New case', recordedAt: AT}],
					riskHistory: [{risk: acted.risk, from: today, by: BRENNAN, reason: 'New case', reviewSeq: null}],
				});
				refused(
					SERGEANT,
					insert('fortnight_cases', 'CR/99999/26', fresh(OKAFOR)),
					/must record an allocation of CR\/99999\/26 in their own name/,
				);
				expect(rows('postgres', `SELECT count(*) FROM fortnight_cases WHERE team_id = '${T}' AND key = 'CR/99999/26'`)).toBe('0');
			});

			it('cases: nothing added in nobody’s name (013): a null or missing author is refused; the seeded history stays', () => {
				const acted = caseNow(WITH_ACTION);
				const bailed = caseNow(BAILED);
				// The demo's history as fortnight seeds it: the risk and the holder from before it kept who set them.
				expect(acted.riskHistory.some(r => r.by === null)).toBe(true);
				expect(acted.allocations.some(a => a.by === null)).toBe(true);
				const change = {risk: acted.risk, from: today, reason: 'Reviewed', reviewSeq: null};
				const NOBODY =
					/DS Tom Brennan \(o0002\) must record a risk change of CR\/87204\/26 in their own name \(by o0002\), not with no author/;
				refused(SERGEANT, setCase({...acted, riskHistory: [...acted.riskHistory, {...change, by: null}]}), NOBODY);
				refused(SERGEANT, setCase({...acted, riskHistory: [...acted.riskHistory, change as never]}), NOBODY);
				refused(
					SERGEANT,
					setCase({...bailed, bailEvents: [{...bailEvent(BRENNAN), recordedBy: null as never}]}),
					/must record a bail event of CR\/30126\/26 in their own name \(recordedBy o0002\), not with no author/,
				);
				const event = {date: today, event: 'edited' as const, reviewSeq: null, reason: 'Due date moved', by: null as never};
				refused(
					SERGEANT,
					setCase({...acted, actions: acted.actions.map((a, i) => (i === 0 ? {...a, history: [...a.history, event]} : a))}),
					/must record an action's event on CR\/87204\/26 in their own name \(by o0002\), not with no author/,
				);
				// A seeded element copied again is one more in nobody's name.
				refused(SERGEANT, setCase({...acted, riskHistory: [acted.riskHistory[0]!, ...acted.riskHistory]}), NOBODY);
				const fresh: Case = {
					...acted,
					ref: 'CR/99999/26',
					allocations: [{officerId: acted.oicId, from: today, to: null, by: null, reason: 'New case', recordedAt: AT}],
					riskHistory: [{...change, by: BRENNAN}],
				};
				refused(
					SERGEANT,
					insert('fortnight_cases', 'CR/99999/26', fresh),
					/must record an allocation of CR\/99999\/26 in their own name \(by o0002\), not with no author/,
				);
				expect(caseNow(WITH_ACTION)).toEqual(acted);
				expect(caseNow(BAILED)).toEqual(bailed);
				// His own on top of the seeded history goes through, the seeded elements as they were.
				expect(rows(SERGEANT, setCase({...acted, riskHistory: [...acted.riskHistory, {...change, by: BRENNAN}]}))).toBe(WITH_ACTION);
				expect(caseNow(WITH_ACTION).riskHistory.slice(0, -1)).toEqual(acted.riskHistory);
				rows('postgres', setCase(acted));
			});

			it('cases: what names another officer, or nobody, is not removed or rewritten (013); his own is his', () => {
				const c = caseNow(BAILED);
				const okafors = {
					event: {date: today, event: 'done' as const, reviewSeq: null, reason: 'Done by the DI', by: OKAFOR},
					risk: {risk: c.risk, from: today, by: OKAFOR, reason: 'Reviewed by the DI', reviewSeq: null},
				};
				// As the owner (not checked): the inspector's bail event, action event and risk change.
				const seeded: Case = {
					...c,
					bailEvents: [bailEvent(OKAFOR)],
					actions: c.actions.map((a, i) => (i === 0 ? {...a, history: [...a.history, okafors.event]} : a)),
					riskHistory: [...c.riskHistory, okafors.risk],
				};
				rows('postgres', setCase(seeded));
				const HERS = (what: string) =>
					new RegExp(`DS Tom Brennan \\(o0002\\) cannot remove or change ${what} CR/30126/26, recorded by DI Rachel Okafor \\(o0001\\)`);
				refused(SERGEANT, setCase({...seeded, bailEvents: []}), HERS('a bail event of'));
				refused(SERGEANT, setCase({...seeded, bailEvents: [bailEvent(BRENNAN)]}), HERS('a bail event of'));
				refused(SERGEANT, setCase({...seeded, bailEvents: [{...bailEvent(OKAFOR), recordedBy: BRENNAN}]}), HERS('a bail event of'));
				refused(
					SERGEANT,
					setCase({...seeded, actions: seeded.actions.map((a, i) => (i === 0 ? {...a, history: a.history.slice(0, -1)} : a))}),
					HERS("an action's event on"),
				);
				refused(SERGEANT, setCase({...seeded, actions: seeded.actions.slice(1)}), HERS("an action's event on"));
				refused(SERGEANT, setCase({...seeded, riskHistory: c.riskHistory}), HERS('a risk change of'));
				// The seeded "not recorded" level names nobody: it stays too.
				refused(
					SERGEANT,
					setCase({...seeded, riskHistory: seeded.riskHistory.filter(r => r.by !== null)}),
					/cannot remove or change a risk change of CR\/30126\/26, which names no author/,
				);
				expect(caseNow(BAILED)).toEqual(seeded);
				// His own beside hers goes in, and (naming nobody else) may come out again.
				const own = {...seeded, bailEvents: [...seeded.bailEvents, bailEvent(BRENNAN)]};
				expect(rows(SERGEANT, setCase(own))).toBe(BAILED);
				expect(rows(SERGEANT, setCase(seeded))).toBe(BAILED);
				rows('postgres', setCase(c));
			});

			it('welfare events, concerns, review drafts: another’s row is neither removed nor rewritten into his name (013); his own may be', () => {
				const concern = {id: 'k-okafor', officerId: 'o0005', date: today, by: OKAFOR, text: 'Late file.', caseRef: null};
				rows('postgres', insert('fortnight_concerns', 'k-okafor', concern, 8000));
				const draftKey = JSON.stringify([BAILED, OKAFOR]);
				rows(
					'postgres',
					insert(
						'fortnight_review_drafts',
						draftKey,
						{caseRef: BAILED, reviewerId: OKAFOR, startedAt: AT, updatedAt: AT, step: 0, answers: {}},
						8000,
					),
				);
				const gone = (table: string, key: string) => `DELETE FROM ${table} WHERE team_id = '${T}' AND key = '${key}' RETURNING key`;
				const HERS = (what: string) => new RegExp(`DS Tom Brennan \\(o0002\\) cannot ${what}, recorded by DI Rachel Okafor \\(o0001\\)`);
				refused(SERGEANT, gone('fortnight_welfare_events', 'w-okafor'), HERS('remove a welfare event w-okafor'));
				refused(
					SERGEANT,
					`UPDATE fortnight_welfare_events SET doc = ${q(welfare('w-okafor', BRENNAN))} WHERE team_id = '${T}' AND key = 'w-okafor'`,
					HERS('change a welfare event w-okafor'),
				);
				refused(SERGEANT, gone('fortnight_concerns', 'k-okafor'), HERS('remove a concern k-okafor'));
				refused(
					SERGEANT,
					`UPDATE fortnight_concerns SET doc = ${q({...concern, by: BRENNAN})} WHERE team_id = '${T}' AND key = 'k-okafor'`,
					HERS('change a concern k-okafor'),
				);
				refused(SERGEANT, gone('fortnight_review_drafts', draftKey), HERS('remove a review draft of CR/30126/26'));
				// A delete of the whole list stops at hers: nothing removed.
				const events = count('fortnight_welfare_events');
				refused(SERGEANT, `DELETE FROM fortnight_welfare_events WHERE team_id = '${T}'`, /cannot remove a welfare event/);
				expect(count('fortnight_welfare_events')).toBe(events);
				expect(rows('postgres', `SELECT doc->>'by' FROM fortnight_welfare_events WHERE team_id = '${T}' AND key = 'w-okafor'`)).toBe(
					OKAFOR,
				);
				// His own, added by mistake, he may take out.
				expect(rows(SERGEANT, insert('fortnight_welfare_events', 'w-mine', welfare('w-mine', BRENNAN)))).toBe('w-mine');
				expect(rows(SERGEANT, gone('fortnight_welfare_events', 'w-mine'))).toBe('w-mine');
				rows('postgres', gone('fortnight_concerns', 'k-okafor'));
				rows('postgres', gone('fortnight_review_drafts', draftKey));
			});

			it('the chain: an entry names him as its author and as whoever its data says acted', () => {
				const entries = Number(count('fortnight_chain'));
				const base = {signedAt: AT};
				refused(
					SERGEANT,
					appendEntry({...base, kind: 'review', data: review(OKAFOR)}),
					/must record a review entry \(chain entry \d+\) in their own name \(reviewerId o0002\)/,
				);
				refused(
					SERGEANT,
					appendEntry({
						...base,
						kind: 'performance-decision',
						data: {officerId: 'o0005', date: today, by: OKAFOR, decision: 'not-now', reason: 'Improving', evidence: [], caseRef: null},
					}),
					/must record a performance-decision entry .* \(by o0002\), not as o0001/,
				);
				refused(
					SERGEANT,
					appendEntry({
						...base,
						kind: 'amendment',
						data: {amends: 3, date: today, by: OKAFOR, reason: 'Typo', corrections: {summary: 'x'}},
					}),
					REFUSED_AS_OKAFOR,
				);
				refused(
					SERGEANT,
					appendEntry({...base, kind: 'record', data: {record: 'welfare-event', by: OKAFOR, event: welfare('w-9', OKAFOR)}}),
					/must record a welfare-event record .* \(by o0002\), not as o0001/,
				);
				// The record's by says him, the record inside says another: refused too.
				refused(
					SERGEANT,
					appendEntry({...base, kind: 'record', data: {record: 'bail-event', by: BRENNAN, caseRef: BAILED, event: bailEvent(OKAFOR)}}),
					/must record a bail-event record .* \(recordedBy o0002\), not as o0001/,
				);
				refused(SERGEANT, appendEntry({...base, author: OKAFOR, kind: 'review', data: review(BRENNAN)}), /\(author o0002\), not as o0001/);
				// In his own name the author check passes: what stops this one is 021's check that the row is its
				// entry's hash (this one's is not), before 001's link check (its seq is wrong too).
				refused(
					SERGEANT,
					appendEntry({...base, author: BRENNAN, kind: 'review', data: review(BRENNAN)}, 5),
					/review chain entry \d+ refused: its content is not its hash/,
				);
				expect(count('fortnight_chain')).toBe(String(entries));
			});
		});

		describe('the one-statement write fortnight uses, as the sergeant’s role (no command-line check)', () => {
			const urlOf = (role: string) => `${cluster.url(DB, role)}&team=${T}`;
			/** Writes `edit(before)` through fortnight_write_change as the sergeant; the error text, or 'written'. */
			async function writeAs(edit: (d: StoreData) => StoreData): Promise<string> {
				const store = await openStore(urlOf(SERGEANT), {chain: 'state'});
				const before = store.snapshot();
				const next = {...edit(before), revision: before.revision + 1};
				const w = teamWrite(T, before, next);
				try {
					const ok = await withClient(urlOf(SERGEANT), c => writeTeamAtOnce(c, T, before.revision, w, next, ['x'], '{}', randomUUID()));
					return ok ? 'written' : 'moved on';
				} catch (err) {
					return String((err as Error).message);
				}
			}
			const signed = (d: StoreData, kind: ChainEntry['kind'], data: unknown) => [...d.chain, signer(d.chain, kind, data as never, AT)];

			it('a welfare check-in, a concern, a performance decision and a review in another’s name: refused, nothing written', async () => {
				const revision = rows('postgres', `SELECT revision FROM fortnight_teams WHERE team_id = '${T}'`);
				const changes = count('fortnight_changes');
				const check = welfare('w-as', OKAFOR);
				expect(
					await writeAs(d => ({
						...d,
						welfareEvents: [...d.welfareEvents, check],
						chain: signed(d, 'record', {record: 'welfare-event', by: OKAFOR, event: check}),
					})),
				).toMatch(/must record a welfare event in their own name \(by o0002\), not as o0001/);
				expect(
					await writeAs(d => ({
						...d,
						concerns: [...d.concerns, {id: 'k-as', officerId: 'o0005', date: today, by: OKAFOR, text: 'Late.', caseRef: null}],
					})),
				).toMatch(/must record a concern in their own name/);
				expect(
					await writeAs(d => ({
						...d,
						chain: signed(d, 'performance-decision', {
							officerId: 'o0005',
							date: today,
							by: OKAFOR,
							decision: 'not-now',
							reason: null,
							evidence: [],
							caseRef: null,
						}),
					})),
				).toMatch(/must record a performance-decision entry/);
				expect(await writeAs(d => ({...d, chain: signed(d, 'review', review(OKAFOR))}))).toMatch(
					/must record a review entry .*\(reviewerId o0002\)/,
				);
				expect(rows('postgres', `SELECT revision FROM fortnight_teams WHERE team_id = '${T}'`)).toBe(revision);
				expect(count('fortnight_changes')).toBe(changes);
				expect(rows('postgres', `SELECT count(*) FROM fortnight_welfare_events WHERE team_id = '${T}' AND key = 'w-as'`)).toBe('0');
			});

			it('the same in his own name goes through the same call', async () => {
				const check = welfare('w-own', BRENNAN);
				expect(
					await writeAs(d => ({
						...d,
						welfareEvents: [...d.welfareEvents, check],
						concerns: [...d.concerns, {id: 'k-own', officerId: 'o0005', date: today, by: BRENNAN, text: 'Late.', caseRef: null}],
						chain: signed(d, 'record', {record: 'welfare-event', by: BRENNAN, event: check}),
					})),
				).toBe('written');
				expect(await writeAs(d => ({...d, chain: signed(d, 'review', review(BRENNAN))}))).toBe('written');
			});

			it('removing another’s welfare event or bail event, or a risk change in nobody’s name (013): refused, nothing written', async () => {
				const c = caseNow(BAILED);
				rows('postgres', setCase({...c, bailEvents: [bailEvent(OKAFOR)]}));
				const revision = rows('postgres', `SELECT revision FROM fortnight_teams WHERE team_id = '${T}'`);
				const changes = count('fortnight_changes');
				expect(await writeAs(d => ({...d, welfareEvents: d.welfareEvents.filter(w => w.id !== 'w-okafor')}))).toMatch(
					/DS Tom Brennan \(o0002\) cannot remove a welfare event w-okafor, recorded by DI Rachel Okafor \(o0001\)/,
				);
				expect(await writeAs(d => ({...d, cases: d.cases.map(x => (x.ref === BAILED ? {...x, bailEvents: []} : x))}))).toMatch(
					/cannot remove or change a bail event of CR\/30126\/26, recorded by DI Rachel Okafor \(o0001\)/,
				);
				const other = (r: Case['risk']) => (r === 'high' ? 'medium' : 'high');
				expect(
					await writeAs(d => ({
						...d,
						cases: d.cases.map(x =>
							x.ref === WITH_ACTION ? withRisk(x, other(x.risk), {from: today, by: null, reason: 'Raised', reviewSeq: null}) : x,
						),
					})),
				).toMatch(/must record a risk change of CR\/87204\/26 in their own name \(by o0002\), not with no author/);
				expect(rows('postgres', `SELECT revision FROM fortnight_teams WHERE team_id = '${T}'`)).toBe(revision);
				expect(count('fortnight_changes')).toBe(changes);
				expect(caseNow(BAILED).bailEvents.map(e => e.recordedBy)).toEqual([OKAFOR]);
				rows('postgres', setCase(c));
			});
		});

		describe('the command line, as the sergeant’s login', () => {
			it('an action’s event in another’s name cannot be moved to a different action (REVIEW 5 D4)', () => {
				const c = caseNow(BAILED);
				expect(c.actions.length).toBeGreaterThan(1);
				const ev = {date: today, event: 'done' as const, reviewSeq: null, reason: 'Done by the DI', by: OKAFOR};
				// As the owner (not checked): the inspector's event on the first action.
				const seeded = {...c, actions: c.actions.map((a, i) => (i === 0 ? {...a, history: [...a.history, ev]} : a))};
				rows('postgres', setCase(seeded));
				const moved = {
					...seeded,
					actions: seeded.actions.map((a, i) =>
						i === 0 ? {...a, history: a.history.slice(0, -1)} : i === 1 ? {...a, history: [...a.history, ev]} : a,
					),
				};
				refused(SERGEANT, setCase(moved), /must record an action's event on CR\/30126\/26 in their own name \(by o0002\), not as o0001/);
				expect(caseNow(BAILED)).toEqual(seeded);
				// Left where it is, the sergeant's own change to another action goes through beside it.
				const own = {date: today, event: 'edited' as const, reviewSeq: null, reason: 'Due date moved', by: BRENNAN};
				const beside = {...seeded, actions: seeded.actions.map((a, i) => (i === 1 ? {...a, history: [...a.history, own]} : a))};
				expect(rows(SERGEANT, setCase(beside))).toBe(BAILED);
				rows('postgres', setCase(c));
			});

			const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
				runCli(['--store', `${cluster.url(DB, SERGEANT)}&team=${T}`, '--today', today, ...args], {env});
			const login = /your database login "sgt_a" is DS Tom Brennan \(o0002\) in this team/;

			it('an --as (or FORTNIGHT_USER) naming someone else is refused before anything is attempted: exit 2, nothing written', () => {
				const changes = count('fortnight_changes');
				const events = count('fortnight_welfare_events');
				for (const [args, env, source] of [
					[['welfare', 'record', 'o0005', '--kind', 'check-in', '--as', 'DI Okafor'], {}, '--as'],
					[['bail', 'record', BAILED, '--event', 'charged', '--as', OKAFOR], {}, '--as'],
					[['absence', 'add', 'o0005', '--from', today, '--to', today, '--reason', 'training', '--as', 'Okafor'], {}, '--as'],
					[['welfare', 'record', 'o0005', '--kind', 'one-to-one'], {FORTNIGHT_USER: OKAFOR}, 'FORTNIGHT_USER'],
				] as const) {
					const r = cli([...args], env);
					expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
					expect(r.stderr).toMatch(login);
					expect(r.stderr).toContain(`${source} names DI Rachel Okafor (o0001)`);
					expect(r.stderr).not.toContain('--help');
				}
				expect(count('fortnight_changes')).toBe(changes);
				expect(count('fortnight_welfare_events')).toBe(events);
				expect(caseNow(BAILED).bailEvents).toEqual([]);
			});

			it('with no --as, or an --as naming himself, he records as himself', () => {
				const r = cli(['welfare', 'record', 'o0005', '--kind', 'one-to-one']);
				expect(r.code, r.stderr).toBe(0);
				expect(r.stdout + r.stderr).toContain('by DS Brennan');
				const b = cli(['bail', 'record', BAILED, '--event', 'charged', '--as', 'Brennan']);
				expect(b.code, b.stderr).toBe(0);
				expect(caseNow(BAILED).bailEvents.map(e => e.recordedBy)).toEqual([BRENNAN]);
				expect(
					rows('postgres', `SELECT DISTINCT entry->'data'->>'by' FROM fortnight_chain WHERE team_id = '${T}' AND kind = 'record'`),
				).toBe(BRENNAN);
				expect(
					rows(
						'postgres',
						`SELECT DISTINCT doc->>'by' FROM fortnight_welfare_events WHERE team_id = '${T}' AND doc->>'kind' = 'one-to-one' AND doc->>'date' = '${today}'`,
					),
				).toBe(BRENNAN);
				// whoami says so, and where it comes from; an --as naming another is refused there too.
				const who = cli(['whoami']);
				expect(who.code, who.stderr).toBe(0);
				expect(who.stdout).toContain('You are DS Tom Brennan (o0002), from your database login.');
				const other = cli(['whoami', '--as', 'Okafor']);
				expect(other.code).toBe(2);
				expect(other.stderr).toMatch(login);
			});

			it('what fortnight itself does still goes through (013): a move takes open actions carrying another’s events, an import adds a case in his name, the owner copies in history naming nobody', () => {
				// The inspector's event on an open action of DC Ashworth's case, put there as the owner.
				const c = caseNow(WITH_ACTION);
				const hers = {date: today, event: 'edited' as const, reviewSeq: null, reason: 'Due date moved by the DI', by: OKAFOR};
				rows('postgres', setCase({...c, actions: c.actions.map((a, i) => (i === 0 ? {...a, history: [...a.history, hers]} : a))}));
				const moved = cli(['case', 'reallocate', WITH_ACTION, '--to', 'o0006', '--reason', 'Workload', '--yes']);
				expect(moved.code, moved.stderr).toBe(0);
				const after = caseNow(WITH_ACTION);
				expect(after.oicId).toBe('o0006');
				expect(after.allocations.at(-1)?.by).toBe(BRENNAN);
				expect(after.allocations.slice(0, -1).map(a => a.by)).toEqual(c.allocations.map(a => a.by));
				expect(after.actions[0]!.ownerId).toBe('o0006');
				expect(after.actions[0]!.history.slice(-2).map(h => h.by)).toEqual([OKAFOR, BRENNAN]);
				rows('postgres', setCase(c));

				// A new case from the records system: its allocation and risk recorded in his name.
				const demo = demoData();
				const ref = 'CR/99998/26';
				const csv = path.join(tempDir(), 'new-case.csv');
				writeFileSync(csv, toImportCsv(demo, [{...demo.cases.find(x => x.ref === WITH_ACTION)!, ref, oicId: 'o0004'}]));
				const imported = cli(['import', csv, '--yes']);
				expect(imported.code, imported.stderr).toBe(0);
				const added = caseNow(ref);
				expect(added.allocations.map(a => a.by)).toEqual([BRENNAN]);
				expect(added.riskHistory.map(r => r.by)).toEqual([BRENNAN]);
				// Its update is the records system's (QA 8 R6): marked in the case's row; its authorId, the OIC's for
				// older readers, is not an author the database asks to be the writer (011).
				expect(added.updates.map(u => [u.authorId, u.source])).toEqual([['o0004', 'import']]);

				// The owner copies a JSON store in (store copy): its seeded "not recorded" history goes in with it.
				const {store} = demoCopy();
				const copied = runCli(['store', 'copy', '--from', store, '--to', cluster.url(DB)], {env: {FORTNIGHT_NOW: AT}});
				expect(copied.code, copied.stderr).toBe(0);
				expect(
					Number(
						rows(
							'postgres',
							`SELECT count(*) FROM fortnight_cases WHERE team_id = '${demo.team.id}' AND doc::jsonb->'riskHistory' @> '[{"by": null}]' ` +
								`AND doc::jsonb->'allocations' @> '[{"by": null}]'`,
						),
					),
				).toBe(demo.cases.length);
			});
		});
	},
);
