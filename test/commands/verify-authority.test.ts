/**
 * `verify` judges authority, not only authorship (REVIEW-9 D4; source/domain/authority-check.ts): each
 * review, performance decision and welfare record entry is judged with the rules the commands apply
 * (permissions.ts mayReviewCase, mayDecideTrigger, mayRecordWelfare) on the entry's date, and one whose
 * actor could not act is BROKEN (exit 1, "entry N: <reason>"), signed by the actor's own key or not. A
 * cover's act within his cover, and the demo's own history, still pass.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {ChainEntry, PerformanceDecisionData, RecordData, ReviewData, StoreData} from '../../source/domain/model.js';
import {makeEntry} from '../../source/store/chain.js';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';
import {enrolKey} from '../helpers/keys.js';

const NOW = {FORTNIGHT_NOW: '2026-11-30T09:00:00Z'};
const AT = '2026-11-30T10:00:00.000Z';
const DOYLE = 'o0011';

/** A single-file copy of `store`, whose chain a test can add to as JSON (the store's save would not take these). */
function singleFile(store: string): string {
	const out = store.replace(/\.json$/, '.single.json');
	const r = runCli(['store', 'export', '--single-file', '--out', out, '--store', store]);
	expect(r.code, r.stderr).toBe(0);
	return out;
}
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;
const verify = (store: string) => runCli(['verify', '--store', store, '--today', DEMO_TODAY]);

/** Appends entries made by `make` (each given the chain so far) to the single file, and runs verify. */
function appendAndVerify(file: string, ...make: ((chain: ChainEntry[]) => ChainEntry)[]) {
	const data = load(file);
	const chain = [...data.chain];
	for (const m of make) chain.push(m(chain));
	writeFileSync(file, JSON.stringify({...data, chain}) + '\n');
	return {r: verify(file), first: data.chain.length};
}

const decision = (officerId: string, by: string, kind: PerformanceDecisionData['decision']): PerformanceDecisionData => ({
	officerId,
	date: DEMO_TODAY,
	by,
	decision: kind,
	reason: kind === 'action-plan' ? null : 'R9 reason',
	evidence: ['R9 evidence'],
	caseRef: null,
});

/** DS Brennan away today to 4 Dec with DC Doyle covering, recorded by DI Okafor; the CLI as anyone on that store. */
function doyleCovers(store: string): (...args: string[]) => ReturnType<typeof runCli> {
	const as = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env: NOW});
	const added = as(
		'absence',
		'add',
		'Brennan',
		'--from',
		DEMO_TODAY,
		'--to',
		'2026-12-04',
		'--reason',
		'training',
		'--cover',
		'Doyle',
		'--as',
		'Okafor',
	);
	expect(added.code, added.stderr).toBe(0);
	return as;
}

describe('verify judges who might act (REVIEW-9 D4)', () => {
	it('the demo, and a cover recording a check-in of an officer he covers for, pass', () => {
		const {store} = demoCopy();
		expect(verify(store).code).toBe(0);
		const as = doyleCovers(store);
		const r = as('welfare', 'record', 'Whitlock', '--kind', 'check-in', '--as', 'Doyle');
		expect(r.code, r.stderr).toBe(0);
		// A new starter's support agreement (QA 8 R5) is the cover's to record on his days, as the one-to-one is.
		const support = as('welfare', 'record', 'Whitlock', '--kind', 'new-starter-support', '--as', 'Doyle');
		expect(support.code, support.stderr).toBe(0);
		const v = verify(store);
		expect(v.code, v.stdout).toBe(0);
	});

	it("a cover's own welfare check-in, signed with his own enrolled key, is BROKEN", async () => {
		const {store} = demoCopy();
		doyleCovers(store);
		const di = await enrolKey(store, 'o0001');
		const doyle = await enrolKey(store, DOYLE, di.key);
		const file = singleFile(store);
		expect(verify(file).code).toBe(0);
		const own: RecordData = {
			record: 'welfare-event',
			by: DOYLE,
			event: {id: 'w-self', officerId: DOYLE, date: DEMO_TODAY, kind: 'check-in', by: DOYLE, flags: []},
		};
		const {r, first} = appendAndVerify(file, chain => makeEntry(chain, 'record', own, AT, doyle.key));
		expect(r.code).toBe(1);
		expect(r.stdout).toBe(
			`BROKEN: ${file}: entry ${first}: entry ${first} (record) records an act its actor could not take: DC Doyle cannot record their own welfare check-in. ` +
				`It goes to DI Okafor (the team's inspector).\n`,
		);
	});

	it("a new starter's support agreement recorded by a peer (the mentor) is BROKEN (QA 8 R5)", () => {
		const {store} = demoCopy();
		const file = singleFile(store);
		const agreement: RecordData = {
			record: 'welfare-event',
			by: 'o0006',
			event: {
				id: 'w-mentor',
				officerId: 'o0005',
				date: DEMO_TODAY,
				kind: 'new-starter-support',
				by: 'o0006',
				caseRefs: ['CR/42371/25', 'CR/87559/24'],
				mentorId: 'o0006',
				flags: [],
			},
		};
		const {r, first} = appendAndVerify(file, chain => makeEntry(chain, 'record', agreement, AT));
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(
			new RegExp(
				`^BROKEN: .*: entry ${first}: entry ${first} \\(record\\) records an act its actor could not take: DC Marsh is not TDC Whitlock's line manager on 30 Nov`,
			),
		);
	});

	it('a decision about oneself, a review of a peer, and a sergeant deciding a trigger he escalated are each BROKEN', () => {
		const review = (file: string) =>
			load(file).chain.findLast((e): e is Extract<ChainEntry, {kind: 'review'}> => e.kind === 'review')!.data;
		const cases: [string, (file: string) => (chain: ChainEntry[]) => ChainEntry, RegExp][] = [
			[
				'own decision',
				() => chain => makeEntry(chain, 'performance-decision', decision(DOYLE, DOYLE, 'not-now'), AT),
				/records an act its actor could not take: DC Doyle cannot decide a performance trigger about themselves/,
			],
			[
				"a peer's review",
				file => chain => {
					const r: ReviewData = review(file);
					const peer = r.oicId === DOYLE ? 'o0010' : DOYLE;
					return makeEntry(chain, 'review', {...r, reviewerId: peer, date: DEMO_TODAY}, AT);
				},
				/records an act its actor could not take: DC (Doyle|Evans) does not supervise .* on 30 Nov, so cannot review/,
			],
		];
		for (const [what, make, words] of cases) {
			const {store} = demoCopy();
			const file = singleFile(store);
			const {r, first} = appendAndVerify(file, make(file));
			expect(r.code, what).toBe(1);
			expect(r.stdout, what).toMatch(
				new RegExp(`^BROKEN: .*: entry ${first}: entry ${first} \\((performance-decision|review)\\) ${words.source}`),
			);
		}
		// Escalated to the inspector by the sergeant: only the inspector decides it; the sergeant's decision after is BROKEN.
		const {store} = demoCopy();
		const file = singleFile(store);
		const {r, first} = appendAndVerify(
			file,
			chain => makeEntry(chain, 'performance-decision', decision('o0003', 'o0002', 'escalate'), AT),
			chain => makeEntry(chain, 'performance-decision', decision('o0003', 'o0002', 'not-now'), AT),
		);
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(
			new RegExp(
				`^BROKEN: .*: entry ${first + 1}: entry ${first + 1} \\(performance-decision\\) records an act its actor could not take: .*escalated to the inspector`,
			),
		);
		// ...and the inspector's decision there passes.
		const {store: again} = demoCopy();
		const ok = singleFile(again);
		expect(
			appendAndVerify(
				ok,
				chain => makeEntry(chain, 'performance-decision', decision('o0003', 'o0002', 'escalate'), AT),
				chain => makeEntry(chain, 'performance-decision', decision('o0003', 'o0001', 'not-now'), AT),
			).r.code,
		).toBe(0);
	});
});
