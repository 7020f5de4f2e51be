/**
 * `case show` after a reallocation (README "Who may read what"): the officer who now holds the case reads
 * its reviews' facts, but not the previous holder's performance decision, concern or welfare check-in;
 * the sergeant still reads everything. CR/84507/26 is DC Ashworth's (o0003); entry 394 is a review of it.
 */
import {writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import command from '../../source/commands/case.js';
import {amendReview} from '../../source/domain/review/amend.js';
import {signer} from '../../source/store/chain.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {savedText} from '../helpers/saved-store.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {runCommand} from './in-process.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const run = (store: string, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
const REF = 'CR/84507/26';

interface ReviewJson {
	seq: number;
	oic: {id: string};
	welfareCheckIn: boolean | null;
	triggerDecision: string | null;
	withheld: string | null;
	summary: string;
	amendments: {corrections: Record<string, string>}[];
}
const reviewsOf = (stdout: string): ReviewJson[] => (JSON.parse(stdout) as {case: {reviews: ReviewJson[]}}).case.reviews;

function reallocatedToIqbal(): {dir: string; store: string} {
	const copy = demoCopy();
	const moved = run(copy.store, 'case', 'reallocate', REF, '--to', 'Iqbal', '--reason', 'workload', '--as', 'DS Brennan');
	expect(moved.code, moved.stderr).toBe(0);
	return copy;
}

describe('case show withholds the previous holder’s performance and welfare from an officer', () => {
	it('DC Iqbal reads entry 394’s facts, not DC Ashworth’s welfare check-in or performance decision', () => {
		const {store} = reallocatedToIqbal();
		const text = run(store, 'case', 'show', REF, '--as', 'Iqbal');
		expect(text.code, text.stderr).toBe(0);
		const lines = text.stdout.split('\n');
		const at = lines.findIndex(l => l.includes('entry 394'));
		expect(at).toBeGreaterThan(0);
		const block = lines
			.slice(at, at + 4)
			.join(' ')
			.replace(/\s+/g, ' ');
		expect(block).toContain('OIC DC Sam Ashworth');
		expect(block).toMatch(/risk \w+; next review/);
		expect(block).toContain('performance and welfare withheld (about another officer)');
		expect(text.stdout).not.toMatch(/welfare check-in (yes|no)|performance decision/);

		const json = run(store, 'case', 'show', REF, '--json', '--as', 'Iqbal');
		expect(json.code, json.stderr).toBe(0);
		const reviews = reviewsOf(json.stdout);
		const r394 = reviews.find(r => r.seq === 394)!;
		expect(r394).toMatchObject({oic: {id: 'o0003'}, welfareCheckIn: null, triggerDecision: null, withheld: 'about another officer'});
		// Every review of the case was about DC Ashworth: none tells DC Iqbal about him.
		for (const r of reviews) expect(r).toMatchObject({welfareCheckIn: null, triggerDecision: null, withheld: 'about another officer'});
	});

	it('the sergeant still reads everything: the check-in, the decision, nothing withheld', () => {
		const {store} = reallocatedToIqbal();
		const text = run(store, 'case', 'show', REF, '--as', 'DS Brennan');
		expect(text.code, text.stderr).toBe(0);
		expect(text.stdout).toMatch(/welfare check-in yes/);
		expect(text.stdout).not.toContain('withheld');
		const r394 = reviewsOf(run(store, 'case', 'show', REF, '--json', '--as', 'DS Brennan').stdout).find(r => r.seq === 394)!;
		expect(r394).toMatchObject({welfareCheckIn: true, withheld: null});
	});

	it('a summary’s performance, concern and welfare sentences are left out for DC Iqbal, kept for the sergeant', async () => {
		// The demo as shipped (one file, whole chain), with the case held by DC Iqbal and entry 394 amended.
		const {dir, store} = demoCopy();
		const shipped = loadStoreText(savedText(store), store).data;
		const data = {
			...shipped,
			cases: shipped.cases.map(c =>
				c.ref === REF ? {...c, oicId: 'o0004', allocations: c.allocations.map(a => (a.to === null ? {...a, officerId: 'o0004'} : a))} : c,
			),
		};
		const personal = 'Performance: escalate to the inspector. Concern: recorded. Welfare: check-in done.';
		const summary = `Previous actions: none were open. Risk: kept at medium. ${personal} Next review: 14 Dec.`;
		const options = {today: DEMO_TODAY, signedAt: '2026-11-30T10:00:00.000Z', by: 'o0002', sign: signer};
		const {next} = amendReview(data, 394, {summary}, 'Summary restored from the answers', options);
		const file = `${dir}/amended.json`;
		writeFileSync(file, JSON.stringify(next));

		const iqbal = await runCommand(command, file, ['show', REF], {}, {as: 'Iqbal'});
		expect(iqbal.code, iqbal.stderr).toBe(0);
		expect(iqbal.stdout.replace(/\s+/g, ' ')).toContain(
			'Summary: Previous actions: none were open. Risk: kept at medium. Next review: 14 Dec.',
		);
		expect(iqbal.stdout).not.toMatch(/Performance:|Concern:|Welfare:/);
		const json = await runCommand(command, file, ['show', REF], {json: true}, {as: 'Iqbal'});
		const r394 = reviewsOf(json.stdout).find(r => r.seq === 394)!;
		expect(r394.summary).toBe('Previous actions: none were open. Risk: kept at medium. Next review: 14 Dec.');
		expect(r394.amendments.at(-1)!.corrections['summary']).toBe(r394.summary);
		expect(json.stdout).not.toMatch(/Performance:|Concern:|Welfare:/);

		const ds = await runCommand(command, file, ['show', REF], {}, {as: 'DS Brennan'});
		expect(ds.code, ds.stderr).toBe(0);
		expect(ds.stdout.replace(/\s+/g, ' ')).toContain(`Summary: ${summary}`);
	});
});
