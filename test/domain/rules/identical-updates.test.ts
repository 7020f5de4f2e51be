/** Identical and near-identical update text across cases by one officer. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {addDays} from '../../../source/domain/dates.js';
import type {Case} from '../../../source/domain/model.js';
import {
	clustersIn,
	mayCluster,
	MIN_WORDS,
	normaliseText,
	ShingleCoder,
	textSimilarity,
	words,
	type Entry,
	type TextForm,
} from '../../../source/domain/rules/identical-updates.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {kase, ofKind, officer, problem, store} from './fixture.js';

const MG3 = 'In the process of trying to complete the MG3. The grading machine has stopped working, which will cause delay.';
const up = (date: string, text: string, authorId = 'o1') => ({date, authorId, text});

describe('the similarity measure', () => {
	it('normalises letter case and white space for "identical"', () => {
		expect(normaliseText('  In the PROCESS\tof\n completing ')).toBe('in the process of completing');
	});

	it('word and word-pair shingles, Jaccard', () => {
		expect(textSimilarity(MG3, MG3)).toBe(1);
		// One word dropped and punctuation changed: near-identical at the default 0.8.
		const a = 'Chased DFU for the extraction results on the seized laptop, no date given yet.';
		const b = 'Chased DFU for extraction results on the seized laptop - no date given yet';
		expect(textSimilarity(a, b)).toBeCloseTo(24 / 27, 6);
		// Word order counts through the pairs.
		expect(textSimilarity('alpha beta gamma delta', 'delta gamma beta alpha')).toBeCloseTo(4 / 10, 6);
		expect(textSimilarity('Suspect interviewed under caution today.', 'Victim statement obtained and exhibits booked.')).toBe(0);
	});
});

describe('identical-updates rule', () => {
	it('fires on the day the same text is written on two cases, not the day before; red for identical', () => {
		const data = store({
			cases: [
				kase('CR/1/26', {updates: [up('2026-10-21', MG3)]}),
				kase('CR/2/26', {updates: [up('2026-10-21', MG3.toUpperCase().replace(/ /g, '  '))]}),
			],
		});
		expect(ofKind(data, '2026-10-20', 'identical-updates')).toHaveLength(0);
		const p = problem(data, '2026-10-21', 'identical-updates:o1:2026-10-21:CR/1/26')!;
		expect(p.severity).toBe('red');
		expect(p.since).toBe('2026-10-21');
		expect(p.subject).toEqual({type: 'officer', officerId: 'o1'});
		expect(p.message).toMatch(/^DC Dean wrote the same update on 2 cases on 21 Oct \(CR\/1\/26, CR\/2\/26\): "In the process/);
		expect(p.evidence.map(e => [e.caseRef, e.id])).toEqual([
			['CR/1/26', '0'],
			['CR/2/26', '0'],
		]);
	});

	it('near-identical at or above settings.nearIdenticalSimilarity is amber; below is nothing', () => {
		const a = 'Chased DFU for the extraction results on the seized laptop, no date given yet.';
		const b = 'Chased DFU for extraction results on the seized laptop - no date given yet';
		const data = store({cases: [kase('CR/1/26', {updates: [up('2026-10-21', a)]}), kase('CR/2/26', {updates: [up('2026-10-21', b)]})]});
		const p = ofKind(data, '2026-10-21', 'identical-updates');
		expect(p).toHaveLength(1);
		expect(p[0]!.severity).toBe('amber');
		expect(p[0]!.message).toContain('near-identical updates (88% similar)');
		const strict = {...data, settings: {...data.settings, nearIdenticalSimilarity: 0.89}};
		expect(ofKind(strict, '2026-10-21', 'identical-updates')).toHaveLength(0);
		const exactly = {...data, settings: {...data.settings, nearIdenticalSimilarity: 24 / 27}};
		expect(ofKind(exactly, '2026-10-21', 'identical-updates')).toHaveLength(1);
	});

	it('not across officers, not on one case, not on different days, not for stock phrases under the minimum length', () => {
		const two = (x: Partial<Case>, y: Partial<Case>) =>
			store({officers: [...store().officers, officer('o2')], cases: [kase('CR/1/26', x), kase('CR/2/26', y)]});
		expect(
			ofKind(two({updates: [up('2026-10-21', MG3)]}, {updates: [up('2026-10-21', MG3, 'o2')]}), '2026-10-21', 'identical-updates'),
		).toHaveLength(0);
		expect(ofKind(two({updates: [up('2026-10-21', MG3), up('2026-10-21', MG3)]}, {}), '2026-10-21', 'identical-updates')).toHaveLength(0);
		expect(
			ofKind(two({updates: [up('2026-10-21', MG3)]}, {updates: [up('2026-10-22', MG3)]}), '2026-10-22', 'identical-updates'),
		).toHaveLength(0);
		const short = 'No update today.';
		expect(short.split(' ').length).toBeLessThan(MIN_WORDS);
		expect(
			ofKind(two({updates: [up('2026-10-21', short)]}, {updates: [up('2026-10-21', short)]}), '2026-10-21', 'identical-updates'),
		).toHaveLength(0);
	});

	it('looks back settings.triggerConcernWindowDays (60) days', () => {
		const data = store({cases: [kase('CR/1/26', {updates: [up('2026-10-21', MG3)]}), kase('CR/2/26', {updates: [up('2026-10-21', MG3)]})]});
		expect(ofKind(data, '2026-12-19', 'identical-updates')).toHaveLength(1);
		expect(ofKind(data, '2026-12-20', 'identical-updates')).toHaveLength(0);
	});

	it('three cases in one cluster; stays fast on a large store (bucketed by officer and day)', () => {
		const three = store({cases: ['1', '2', '3'].map(n => kase(`CR/${n}/26`, {updates: [up('2026-10-21', MG3)]}))});
		expect(ofKind(three, '2026-10-21', 'identical-updates')[0]!.message).toContain('on 3 cases');
		// 5,000 cases by 50 officers, 6 updates each in the window, every text distinct.
		const officers = Array.from({length: 50}, (_, i) => officer(`d${i}`));
		const cases = Array.from({length: 5000}, (_, i) =>
			kase(`CR/${i}/26`, {
				oicId: `d${i % 50}`,
				updates: Array.from({length: 6}, (_, j) =>
					up(
						addDays('2026-10-05', (i + j * 9) % 55),
						`Update ${j} on case ${i}: enquiries continue with ${i * 7 + j} items reviewed`,
						`d${i % 50}`,
					),
				),
			}),
		);
		const big = store({officers: [...store().officers, ...officers], cases});
		const t0 = performance.now();
		findProblems(big, '2026-11-30');
		expect(performance.now() - t0).toBeLessThan(15_000);
	});

	it('a bulk import of 3,000 distinct updates by one officer on one day is not compared pair by pair', () => {
		const cases = Array.from({length: 3000}, (_, i) =>
			kase(`CR/${i}/26`, {updates: [up('2026-11-02', `Imported record ${i}: reference ${i * 13} status open since ${i % 97}`)]}),
		);
		// Two of them near-identical, to show the filter still finds them.
		cases[10]!.updates.push(up('2026-11-02', 'Chased DFU for the extraction results on the seized laptop, no date given yet.'));
		cases[2000]!.updates.push(up('2026-11-02', 'Chased DFU for extraction results on the seized laptop - no date given yet'));
		const data = store({cases});
		const t0 = performance.now();
		const found = ofKind(data, '2026-11-30', 'identical-updates');
		expect(performance.now() - t0).toBeLessThan(15_000);
		expect(found.map(p => p.message.slice(0, 61))).toEqual(['DC Dean wrote near-identical updates (88% similar) on 2 cases']);
	});
});

describe('the quick check before clustering a bucket (mayCluster)', () => {
	const A = 'Chased DFU for the extraction results on the seized laptop, no date given yet.';
	const A2 = 'Chased DFU for extraction results on the seized laptop - no date given yet';
	const A3 = 'Chased DFU for extraction results on the seized phone - no date given at all';
	const B = 'Suspect interviewed under caution today, released pending further enquiries.';
	const C = 'Victim statement obtained and exhibits booked into the property store.';
	const TEXTS = [A, A2, A3, B, C, MG3, MG3.toUpperCase(), `${B}  `];

	/** A bucket's entries as the rule makes them: one form per distinct text, shared. */
	function bucket(items: readonly [ref: string, text: string][]): Entry[] {
		const forms = new Map<string, TextForm>();
		return items.map(([caseRef, text], index) => {
			let t = forms.get(text);
			if (!t) forms.set(text, (t = {norm: normaliseText(text), ws: words(text), sh: undefined, sims: undefined}));
			return {caseRef, index, text, t, imported: false};
		});
	}

	it('is true whenever clustersIn finds a cluster (it only skips buckets that can have none)', () => {
		const item = fc.tuple(fc.constantFrom('CR/1/26', 'CR/2/26', 'CR/3/26'), fc.constantFrom(...TEXTS));
		fc.assert(
			fc.property(fc.array(item, {minLength: 3, maxLength: 8}), fc.constantFrom(0.5, 0.8, 0.85, 24 / 27, 0.95, 1), (items, threshold) => {
				const clusters = clustersIn(bucket(items), threshold, new ShingleCoder());
				const may = mayCluster(bucket(items), threshold, new ShingleCoder());
				return clusters.length === 0 || may;
			}),
			{numRuns: 3000},
		);
	});

	it('says no for unrelated texts or one case, yes for the same or similar text on two cases', () => {
		const no = (items: [string, string][], t = 0.8) => expect(mayCluster(bucket(items), t, new ShingleCoder())).toBe(false);
		const yes = (items: [string, string][], t = 0.8) => expect(mayCluster(bucket(items), t, new ShingleCoder())).toBe(true);
		no([
			['CR/1/26', A],
			['CR/2/26', B],
			['CR/3/26', C],
		]);
		// The same text three times, all on one case: nothing across cases.
		no([
			['CR/1/26', MG3],
			['CR/1/26', MG3],
			['CR/1/26', A],
		]);
		// Identical after normalising (letter case), on two cases.
		yes([
			['CR/1/26', MG3],
			['CR/2/26', MG3.toUpperCase()],
			['CR/3/26', B],
		]);
		// Near-identical (88%) on two cases: a match at 0.8, none at 0.89 or when only identical text counts.
		const near: [string, string][] = [
			['CR/1/26', A],
			['CR/2/26', A2],
			['CR/3/26', B],
		];
		yes(near);
		no(near, 0.89);
		no(near, 1);
		// A match only between two texts of one case, the third case unrelated: no cluster spans two cases.
		no([
			['CR/1/26', A],
			['CR/1/26', A2],
			['CR/2/26', C],
		]);
		// A chain: A and A2 on one case, A2's like A3 on another; the cluster spans both through A2.
		const chain = bucket([
			['CR/1/26', A],
			['CR/1/26', A2],
			['CR/2/26', A3],
		]);
		const t = Math.min(textSimilarity(A2, A3), textSimilarity(A, A2));
		expect(clustersIn(chain, t, new ShingleCoder())).toHaveLength(1);
		expect(mayCluster(bucket(chain.map(e => [e.caseRef, e.text])), t, new ShingleCoder())).toBe(true);
	});
});
