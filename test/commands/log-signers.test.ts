/**
 * Exports show who signed (README "The review log", "Signatures"): each CSV and JSON row names the
 * officer whose key signed the entry, or says it was made before signatures; the Markdown and HTML
 * reports count the signed entries and name their signers.
 */
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {reviewContext, signReview} from '../../source/domain/review/index.js';
import {keySigner, openStore} from '../../source/store/index.js';
import {completeAnswers, SERGEANT, TODAY} from '../domain/review/fixtures.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';

const REF = 'CR/87204/26';

async function storeWithSignedReview(): Promise<string> {
	const {store: file} = demoCopy();
	const {key} = await enrolKey(file, SERGEANT);
	const store = await openStore(file);
	await store.apply(d => {
		const ctx = reviewContext(d, REF, TODAY, SERGEANT);
		const answers = completeAnswers(ctx);
		return signReview(
			d,
			{caseRef: REF, answers},
			{today: TODAY, signedAt: `${TODAY}T10:00:00.000Z`, reviewerId: SERGEANT, sign: keySigner(key)},
		).next;
	});
	return file;
}

describe('the review log says who signed', () => {
	it('CSV and JSON name the signer of a signed review; older rows say they were made before signatures', async () => {
		const file = await storeWithSignedReview();
		const csv = runCli(['log', '--store', file, '--today', DEMO_TODAY]);
		expect(csv.code, csv.stderr).toBe(0);
		const records = parse(csv.stdout, {bom: true}) as string[][];
		const col = (name: string) => records[0]!.indexOf(name);
		const rows = records.slice(1);
		const mine = rows.filter(r => r[col('Case ref')] === REF && r[col('Date')] === TODAY);
		expect(mine).toHaveLength(1);
		expect([mine[0]![col('Signed by')], mine[0]![col('Signed by id')]]).toEqual(['DS Tom Brennan', SERGEANT]);
		const older = rows.filter(r => r !== mine[0]);
		expect(older.length).toBeGreaterThan(0);
		for (const r of older) expect(r[col('Signed by')]).toBe('not signed (made before signatures)');

		const json = runCli(['log', '--store', file, '--today', DEMO_TODAY, '--format', 'json']);
		const doc = JSON.parse(json.stdout) as {
			version: number;
			rows: {caseRef: string; date: string; signedById: string | null; signedBy: string | null}[];
		};
		expect(doc.version).toBe(5);
		expect(doc.rows.find(r => r.caseRef === REF && r.date === TODAY)).toMatchObject({signedById: SERGEANT, signedBy: 'DS Tom Brennan'});
		expect(doc.rows.filter(r => r.signedById === null)).toHaveLength(older.length);

		const md = runCli(['log', '--store', file, '--today', DEMO_TODAY, '--format', 'md']);
		expect(md.stdout).toContain(
			`Signatures: 1 of the ${rows.length} entries in this log signed by their author's key (by DS Tom Brennan); ${older.length} made before signatures`,
		);
		const html = runCli(['log', '--store', file, '--today', DEMO_TODAY, '--format', 'html']);
		// Its default period is 13 weeks: more rows, the same one signer.
		expect(html.stdout).toMatch(
			/Signatures: 1 of the \d+ entries in this log signed by their author&#39;s key \(by DS Tom Brennan\); \d+ made before/,
		);
	}, 60_000);

	it('case show says who signed each review, and that older ones were made before signatures', async () => {
		const file = await storeWithSignedReview();
		const text = runCli(['case', 'show', REF, '--store', file, '--today', DEMO_TODAY]).stdout.replace(/\s+/g, ' ');
		expect(text).toContain("30 Nov 2026, entry 607: by DS Tom Brennan (signed with DS Tom Brennan's key)");
		expect(text).toContain('22 Jul 2026, entry 32: by DS Tom Brennan (made before signatures)');
		const json = JSON.parse(runCli(['case', 'show', REF, '--store', file, '--today', DEMO_TODAY, '--json']).stdout) as {
			case: {reviews: {seq: number; signedBy: {id: string; name: string} | null}[]};
		};
		expect(json.case.reviews.at(-1)!.signedBy).toEqual({id: SERGEANT, name: 'DS Tom Brennan'});
		expect(json.case.reviews[0]!.signedBy).toBeNull();
	}, 60_000);
});
