/**
 * QA 5 R5: the inspector's own guided review offered "escalate to the inspector" on a trigger already on
 * her list, and signed it: a decision escalating to herself. Escalation goes to the inspector, so her
 * review decides it (an action plan, or not needed now); step 5 does not offer it and the domain refuses it.
 */
import {describe, expect, it} from 'vitest';
import {ReviewError, reviewContext, signReview, validateStep} from '../../../source/domain/review/index.js';
import {stepFields} from '../../../source/ui/review/review-fields.js';
import {completeAnswers, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from '../../domain/review/fixtures.js';

const DI = 'o0001';

const decisionChoices = (reviewerId: string): string[] => {
	const ctx = reviewContext(loadDemo(), OVERDUE_REF, TODAY, reviewerId);
	const field = stepFields(ctx, completeAnswers(ctx), 'performance').find(f => f.id === 'performance.decision');
	return field && field.kind === 'choice' ? field.options.map(o => o.value) : [];
};

describe("the inspector's own review does not escalate to herself (QA 5 R5)", () => {
	it('step 5 offers the inspector an action plan or not needed now, never escalation; the sergeant of a case not on her list still may escalate', () => {
		expect(decisionChoices(DI)).toEqual(['action-plan', 'not-now']);
		const data = loadDemo();
		const ctx = reviewContext(data, OVERDUE_REF, TODAY, DI);
		expect(ctx.reviewerIsInspector).toBe(true);
		expect(reviewContext(data, OVERDUE_REF, TODAY, SERGEANT).reviewerIsInspector).toBe(false);
	});

	it('an escalation given anyway (an old draft) is refused at step 5 and at signing; nothing is recorded', () => {
		const data = loadDemo();
		const before = structuredClone(data);
		const ctx = reviewContext(data, OVERDUE_REF, TODAY, DI);
		const a = completeAnswers(ctx);
		a.performance = {decision: 'escalate', reason: '', planReviewDate: '', concern: ''};
		expect(validateStep(ctx, a, 'performance')).toContainEqual({
			step: 'performance',
			field: 'performance.decision',
			message: 'You are the inspector this would escalate to: decide it here (start an action plan, or not needed now with a reason).',
		});
		let refused: ReviewError | undefined;
		try {
			signReview(data, {caseRef: OVERDUE_REF, answers: a}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: DI, sign});
		} catch (e) {
			refused = e as ReviewError;
		}
		expect(refused).toBeInstanceOf(ReviewError);
		expect(refused!.errors.map(e => e.message)).toContain(
			'You are the inspector this would escalate to: decide it here (start an action plan, or not needed now with a reason).',
		);
		expect(data).toEqual(before);
	});
});
