import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {reviewContext, signReview} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

const overdueFor = (ps: ReturnType<typeof findProblems>, ref: string) =>
	ps.filter(p => p.kind === 'review-overdue' && p.subject.type === 'case' && p.subject.ref === ref);

describe('signing and the rules engine', () => {
	it("clears the case's review-overdue problem and records the trigger decision", () => {
		const data = loadDemo();
		const before = findProblems(data, TODAY);
		expect(overdueFor(before, OVERDUE_REF)).toHaveLength(1);
		const ctx = contextFor(data);
		expect(ctx.caseProblems.map(p => p.kind)).toContain('review-overdue');
		const {next} = signReview(
			data,
			{caseRef: OVERDUE_REF, answers: completeAnswers(ctx)},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
		);
		const after = findProblems(next, TODAY);
		expect(overdueFor(after, OVERDUE_REF)).toEqual([]);
		// Other cases' overdue reviews are untouched.
		expect(after.filter(p => p.kind === 'review-overdue').length).toBe(before.filter(p => p.kind === 'review-overdue').length - 1);
		// The decision now counts as recorded for DC Doyle: later reviews of his cases are not forced to repeat it.
		expect(reviewContext(next, OVERDUE_REF, TODAY).decisionRequired).toBe(false);
	});

	it('a recorded welfare check-in clears the check-in-due problem for the officer', () => {
		const data = loadDemo();
		// Find a live case whose OIC has a check-in due.
		const c = data.cases.find(
			x => x.nextReviewDue <= TODAY && x.status !== 'closed' && reviewContext(data, x.ref, TODAY).welfareCheckInDue,
		);
		if (!c) return expect.fail('the demo should have an overdue case whose officer is due a check-in');
		const ctx = reviewContext(data, c.ref, TODAY);
		const a = completeAnswers(ctx);
		a.welfare = {checkIn: true, note: '', flags: []};
		const {next} = signReview(data, {caseRef: c.ref, answers: a}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign});
		expect(reviewContext(next, c.ref, TODAY).welfareCheckInDue).toBe(false);
	});
});
