import {describe, expect, it} from 'vitest';
import type {ReviewEntry} from '../../../source/domain/model.js';
import {amendReview, effectiveReview, ReviewError, signReview} from '../../../source/domain/review/index.js';
import {verifyChain} from '../../../source/store/chain.js';
import {validateStore} from '../../../source/store/validate.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

function signedDemo() {
	const data = loadDemo();
	return signReview(
		data,
		{caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(data))},
		{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
	);
}
const amendOpts = {today: '2026-12-01', signedAt: '2026-12-01T09:00:00.000Z', by: SERGEANT, sign};

describe('amending a signed review', () => {
	it('appends an amendment that references the review; the original is unchanged and the chain verifies', () => {
		const {next: data, review} = signedDemo();
		const {next, amendment} = amendReview(
			data,
			review.seq,
			{summary: 'DFU report chased; OIC to update the victim.', nextReviewDue: '2026-12-07'},
			'Summary was left blank in error; review brought forward.',
			amendOpts,
		);
		expect(next.chain.length).toBe(data.chain.length + 1);
		expect(amendment.kind).toBe('amendment');
		expect(amendment.data).toEqual({
			amends: review.seq,
			date: '2026-12-01',
			by: SERGEANT,
			reason: 'Summary was left blank in error; review brought forward.',
			corrections: {summary: 'DFU report chased; OIC to update the victim.', nextReviewDue: '2026-12-07'},
		});
		expect(next.chain.find(e => e.seq === review.seq)).toEqual(review);
		expect(verifyChain(next.chain)).toBeNull();
		expect(validateStore(next)).toBeNull();
		// The corrected next review date moves the case too.
		expect(next.cases.find(c => c.ref === OVERDUE_REF)!.nextReviewDue).toBe('2026-12-07');
		const eff = effectiveReview(next.chain, review.seq)!;
		expect(eff.data.summary).toBe('DFU report chased; OIC to update the victim.');
		expect(eff.data.nextReviewDue).toBe('2026-12-07');
		expect(eff.amendments.map(a => a.seq)).toEqual([amendment.seq]);
		expect(effectiveReview(data.chain, review.seq)!.amendments).toEqual([]);
	});

	it('refuses unknown fields, a missing reason, dates beyond the cadence and non-review entries', () => {
		const {next: data, review} = signedDemo();
		const fail = (f: () => unknown): ReviewError => {
			try {
				f();
			} catch (e) {
				return e as ReviewError;
			}
			throw new Error('expected a ReviewError');
		};
		let err = fail(() => amendReview(data, review.seq, {riskAfter: 'low', nextReviewDue: '2026-12-20'}, ' ', amendOpts));
		expect(err).toBeInstanceOf(ReviewError);
		expect(err.errors.map(e => e.field)).toEqual(['riskAfter', 'nextReviewDue', 'reason']);
		err = fail(() => amendReview(data, review.seq, {}, 'why', amendOpts));
		expect(err.errors.map(e => e.field)).toEqual(['corrections']);
		const decision = data.chain.find(e => e.kind === 'performance-decision')!;
		expect(() => amendReview(data, decision.seq, {summary: 'x'}, 'why', amendOpts)).toThrow(/not a review/);
		expect(() => amendReview(data, 999_999, {summary: 'x'}, 'why', amendOpts)).toThrow(/no chain entry/);
	});

	it('is refused to someone who may not review the case that day, saying who can; nothing is recorded', () => {
		const {next: data, review} = signedDemo();
		const peer = () => amendReview(data, review.seq, {summary: 'Changed by a peer.'}, 'Tidying up.', {...amendOpts, by: 'o0006'});
		expect(peer).toThrow(ReviewError);
		expect(peer).toThrow(
			/^DC Marsh does not supervise DC Doyle on 01 Dec, so cannot review CR\/88397\/26: DS Brennan .* or DI Okafor can\.$/,
		);
		const own = () => amendReview(data, review.seq, {summary: 'My own review.'}, 'Tidying up.', {...amendOpts, by: 'o0011'});
		expect(own).toThrow(/DC Doyle holds CR\/88397\/26, so cannot review it/);
		expect(amendReview(data, review.seq, {summary: 'By the inspector.'}, 'Clarified.', {...amendOpts, by: 'o0001'}).amendment.data.by).toBe(
			'o0001',
		);
	});

	it('will not move the case date from an older review once a later one exists', () => {
		const data = loadDemo();
		const older = [...data.chain].reverse().find((e): e is ReviewEntry => e.kind === 'review' && e.data.caseRef === OVERDUE_REF)!;
		const {next} = signReview(
			data,
			{caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(data))},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
		);
		expect(() => amendReview(next, older.seq, {nextReviewDue: older.data.nextReviewDue}, 'typo', amendOpts)).toThrow(ReviewError);
		// A text correction to the older review is still allowed.
		const {amendment} = amendReview(next, older.seq, {summary: 'Corrected wording.'}, 'typo', amendOpts);
		expect(amendment.data.amends).toBe(older.seq);
	});
});
