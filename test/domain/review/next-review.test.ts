import {describe, expect, it} from 'vitest';
import {addDays} from '../../../source/domain/dates.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {nextReviewDate, reviewWindow, signReview, validateStep} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

describe('next review date', () => {
	it('defaults to the risk cadence: high 7, medium 14, low 14', () => {
		expect(reviewWindow('high', DEFAULT_SETTINGS, TODAY)).toEqual({days: 7, latest: addDays(TODAY, 7), earliest: addDays(TODAY, 1)});
		expect(reviewWindow('medium', DEFAULT_SETTINGS, TODAY).latest).toBe('2026-12-14');
		expect(reviewWindow('low', DEFAULT_SETTINGS, TODAY).latest).toBe('2026-12-14');
	});

	it('is capped at reviewCapDays even when a cadence setting is longer', () => {
		const settings = {...DEFAULT_SETTINGS, reviewCadenceDays: {high: 7, medium: 14, low: 60}, reviewCapDays: 28};
		expect(reviewWindow('low', settings, TODAY)).toMatchObject({days: 28, latest: addDays(TODAY, 28)});
		const data = loadDemo();
		data.settings = settings;
		data.cases = data.cases.map(c => (c.ref === OVERDUE_REF ? {...c, risk: 'low'} : c));
		const ctx = contextFor(data);
		const a = completeAnswers(ctx);
		expect(nextReviewDate(ctx, a)).toBe(addDays(TODAY, 28));
		a.signOff.nextReviewDue = addDays(TODAY, 29);
		expect(validateStep(ctx, a, 'sign-off')[0]!.message).toMatch(/every 28 days: the next review can be no later than 28 Dec/);
		a.signOff.nextReviewDue = '';
		const {review} = signReview(data, {caseRef: OVERDUE_REF, answers: a}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign});
		expect(review.data.nextReviewDue).toBe(addDays(TODAY, 28));
	});

	it('can be brought forward at sign-off, and new actions default to it', () => {
		const data = loadDemo();
		const a = completeAnswers(contextFor(data));
		a.signOff.nextReviewDue = '05/12/2026';
		const {review, next} = signReview(
			data,
			{caseRef: OVERDUE_REF, answers: a},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
		);
		expect(review.data.nextReviewDue).toBe('2026-12-05');
		expect(review.data.newActions[0]!.due).toBe('2026-12-05');
		expect(next.cases.find(c => c.ref === OVERDUE_REF)!.nextReviewDue).toBe('2026-12-05');
	});
});
