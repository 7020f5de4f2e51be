/**
 * Signing on a split store's state (store README, "The review chain file"): its chain is the working set,
 * whose index of each case's review gives the previous review (review/context.ts), and the signed result
 * is the same as signing on the whole chain, entry for entry, case for case.
 */
import {describe, expect, it} from 'vitest';
import {chainWorkingSet, workingSetWith} from '../../../source/domain/chain-working-set.js';
import type {StoreData} from '../../../source/domain/model.js';
import {refreshContext, signReview} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

/** `data` as a split store holds it: the working set and the chain's committed end. */
function asState(data: StoreData): StoreData {
	return {...data, chain: chainWorkingSet(data.chain), chainLog: {entries: data.chain.length, bytes: 1}};
}

describe('signing on the working set', () => {
	it('finds the previous review and signs the same entry and case as on the whole chain', () => {
		const whole = loadDemo();
		const state = asState(whole);
		expect(state.chain.length).toBeLessThan(whole.chain.length);
		// Saved once (as the store does): the working set after it keeps its index of each case's review.
		const indexed = {...state, chain: workingSetWith(state.chain, [])};
		for (const data of [whole, state, indexed]) {
			const ctx = contextFor(data);
			expect(refreshContext(ctx, data).previousReview).toBe(contextFor(whole).previousReview);
		}
		const signed = [whole, state].map(data => {
			const ctx = contextFor(data);
			const options = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign, context: ctx};
			return signReview(data, {caseRef: OVERDUE_REF, answers: completeAnswers(ctx)}, options);
		});
		expect(signed[1]!.review).toEqual(signed[0]!.review);
		expect(signed[1]!.next.cases).toEqual(signed[0]!.next.cases);
		expect(signed[1]!.next.chain.at(-1)).toEqual(signed[0]!.next.chain.at(-1));
	});

	it('after a signing, the next working set gives the new review as the previous one of its case', () => {
		const state = asState(loadDemo());
		const ctx = contextFor(state);
		const options = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign, context: ctx};
		const {next, review} = signReview(state, {caseRef: OVERDUE_REF, answers: completeAnswers(ctx)}, options);
		const chain = workingSetWith(state.chain, next.chain.slice(state.chain.length));
		const after = {...next, chain, chainLog: {entries: state.chainLog!.entries + 1, bytes: 2}};
		expect(chain.filter(e => e.kind === 'review' && e.data.caseRef === OVERDUE_REF)).toEqual([review]);
		expect(refreshContext(ctx, after).previousReview).toBe(review);
	});
});
