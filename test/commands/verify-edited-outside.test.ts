/**
 * REVIEW-9 D6 and D2 (b), on the JSON store: edits outside fortnight that `verify` now reports (exit 1, the
 * BROKEN line as before) and the rules no longer miss.
 * - D6: a case's next review date moved later than its last signed review set (docs/rules.md "Reviews due").
 * - D2 (b): a review's own check-in (welfare event w-r<seq>) moved to another officer, day or author, or a
 *   w-r<seq> with no review recording a check-in (README "Signed records"; domain/record-check.ts).
 * The store library stands in for an editor writing the files.
 */
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {addDays} from '../../source/domain/dates.js';
import type {StoreData} from '../../source/domain/model.js';
import {reviewContext, signReview} from '../../source/domain/review/index.js';
import {keySigner, loadSigningKey, openStore} from '../../source/store/index.js';
import {completeAnswers, OVERDUE_REF} from '../domain/review/fixtures.js';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

type Problems = Array<{kind: string; severity: string; message: string; subject: {ref?: string}}>;

async function edit(store: string, change: (d: StoreData) => StoreData): Promise<void> {
	const s = await openStore(store);
	await s.apply(change);
}

describe('verify and the rules on records edited outside fortnight (REVIEW-9)', () => {
	it("D6: a case's next review date moved a month on: the overdue review stays, a critical problem names it, verify exit 1", async () => {
		const {store} = demoCopy();
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: {XDG_CONFIG_HOME: tempDir()}});
		expect(run('verify').code).toBe(0);
		const problems = () => JSON.parse(run('problems', '--json', '--as', 'Okafor').stdout) as Problems;
		const about = (ps: Problems, kind: string) => ps.filter(p => p.kind === kind && p.subject.ref === OVERDUE_REF);
		const before = about(problems(), 'review-overdue');
		expect(before).toHaveLength(1);
		let signed = '';
		await edit(store, d => ({
			...d,
			cases: d.cases.map(c => {
				if (c.ref !== OVERDUE_REF) return c;
				signed = c.nextReviewDue;
				return {...c, nextReviewDue: addDays(DEMO_TODAY, 30)};
			}),
		}));
		const after = problems();
		expect(about(after, 'review-overdue').map(p => p.message)).toEqual(before.map(p => p.message));
		const [edited] = about(after, 'review-date-edited');
		expect(edited?.severity).toBe('critical');
		expect(edited?.message).toMatch(/^Next review date changed outside fortnight: CR\/88397\/26's record says 30 Dec/);
		const verify = run('verify');
		expect(verify.code).toBe(1);
		expect(verify.stdout).toContain(
			`BROKEN: ${store}: ${OVERDUE_REF}'s next review date ${addDays(DEMO_TODAY, 30)} is later than the ${signed} its signed record set (entry `,
		);
		expect(verify.stdout).toContain('the next review date was changed outside fortnight.');
		// case show gives the signed date as the case's, and says the record's copy was moved (QA 9 D7).
		const shown = run('case', 'show', OVERDUE_REF, '--as', 'Okafor');
		expect(shown.stdout.replace(/\s+/g, ' ')).toMatch(
			/next review \d\d \w{3} 2026 \(the case record says 30 Dec 2026, moved later outside fortnight; entry \d+ set /,
		);
		const json = JSON.parse(run('case', 'show', OVERDUE_REF, '--json', '--as', 'Okafor').stdout) as {
			case: {nextReviewDue: string; nextReviewEdited: {recorded: string} | null};
		};
		expect(json.case.nextReviewDue).toBe(signed);
		expect(json.case.nextReviewEdited?.recorded).toBe(addDays(DEMO_TODAY, 30));
		// The README's audit script (standard library only) finds it too.
		const audit = spawnSync('python3', ['docs/audit-chain.py', store], {encoding: 'utf8'});
		expect(audit.status, audit.stdout + audit.stderr).toBe(1);
		expect(audit.stdout).toContain(`${OVERDUE_REF}'s next review date ${addDays(DEMO_TODAY, 30)} is later than the ${signed}`);
	});

	it("D2 (b): a review's own check-in moved to the sergeant, redated, or with no such review: verify exit 1", async () => {
		const {store} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir()};
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env});
		expect(run('keys', 'init', '--as', 'Brennan').code).toBe(0);
		const key = (await loadSigningKey('o0002', {env}))!;
		let seq = -1;
		let signedData: StoreData | null = null;
		await edit(store, d => {
			const ctx = reviewContext(d, OVERDUE_REF, DEMO_TODAY, 'o0002');
			const answers = {...completeAnswers(ctx), welfare: {checkIn: true, note: '', flags: ['oh-referral' as const]}};
			const r = signReview(
				d,
				{caseRef: OVERDUE_REF, answers},
				{today: DEMO_TODAY, signedAt: '2026-11-30T10:00:00.000Z', reviewerId: 'o0002', sign: keySigner(key), context: ctx},
			);
			seq = r.review.seq;
			signedData = r.next;
			return r.next;
		});
		expect(run('verify').code).toBe(0);
		const id = `w-r${seq}`;
		const original = signedData!.welfareEvents.find(e => e.id === id)!;
		expect(original).toMatchObject({officerId: 'o0011', by: 'o0002', date: DEMO_TODAY, kind: 'check-in'});

		const withEvent = async (change: Partial<typeof original> & {id?: string}) => {
			await edit(store, d => ({...d, welfareEvents: d.welfareEvents.map(e => (e.id === id ? {...original, ...change} : e))}));
			const v = run('verify');
			const audit = spawnSync('python3', ['docs/audit-chain.py', store], {encoding: 'utf8'});

			await edit(store, d => ({...d, welfareEvents: d.welfareEvents.map(e => (e.id === (change.id ?? id) ? original : e))}));
			return {...v, audit: audit.stdout};
		};
		const moved = await withEvent({officerId: 'o0002', date: '2026-11-29', flags: []});
		expect(moved.code).toBe(1);
		expect(moved.audit).toContain(`BROKEN: welfare event ${id} differs from the check-in review entry ${seq} signed`);
		expect(moved.stdout).toContain(
			`BROKEN: ${store}: Welfare event ${id} differs from the check-in review entry ${seq} signed: officer o0002, not o0011, date 2026-11-29, not 2026-11-30 (the store file was edited outside fortnight).`,
		);
		const by = await withEvent({by: 'o0001'});
		expect(by.code).toBe(1);
		expect(by.stdout).toContain('by o0001, not o0002');
		const none = await withEvent({id: 'w-r3'});
		expect(none.code).toBe(1);
		expect(none.stdout).toContain("Welfare event w-r3 is a review's check-in, but entry 3 is no review recording one");
		// Put back as signed: OK again.
		expect(run('verify').code).toBe(0);
	});

	it("a bail period end moved later than the last signed extension set: verify exit 1 (the return date is an import's to change, so it is not checked)", async () => {
		const {store} = demoCopy();
		const run = (...args: string[]) =>
			runCli([...args, '--store', store, '--today', DEMO_TODAY], {
				env: {XDG_CONFIG_HOME: tempDir(), FORTNIGHT_NOW: '2026-11-30T09:00:00Z'},
			});
		const ref = 'CR/87204/26'; // bailed 11 Sep 2026, period ends 11 Dec
		const by = ['--authorised-by', 'Insp. K. Lawson', '--rank', 'Inspector'];
		expect(run('bail', 'record', ref, '--event', 'extended', ...by, '--return', '2027-01-20').code).toBe(0);
		expect(run('verify').code).toBe(0);
		const setEnd = (periodEnd: string) =>
			edit(store, d => ({
				...d,
				cases: d.cases.map(c =>
					c.ref === ref
						? {...c, bail: {...c.bail!, extensions: c.bail!.extensions.map((x, i, all) => (i === all.length - 1 ? {...x, periodEnd} : x))}}
						: c,
				),
			}));
		await setEnd('2027-06-11');
		const v = run('verify');
		expect(v.code).toBe(1);
		const audit = spawnSync('python3', ['docs/audit-chain.py', store], {encoding: 'utf8'});
		expect(audit.stdout).toContain(
			"BROKEN: CR/87204/26's bail period end 2027-06-11 is later than the 2027-03-11 its last signed extension set",
		);
		expect(v.stdout).toMatch(
			/BROKEN: .*: CR\/87204\/26's bail period end 2027-06-11 is later than the 2027-03-11 its last signed extension set \(entry \d+\): the bail period was changed outside fortnight\./,
		);
		// Earlier than signed only brings the lapse forward: not an edit verify can call unsafe.
		await setEnd('2027-03-01');
		expect(run('verify').code).toBe(0);
	});
});
