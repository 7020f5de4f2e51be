/**
 * A trigger on the inspector's exception list is the inspector's to decide (README "The review desk",
 * the inspector's queue): a sergeant's or a cover's review of that officer's case records no decision on
 * it, and one given anyway is refused, naming the inspector. The review itself still goes ahead.
 */
import {describe, expect, it} from 'vitest';
import {escalatedTriggers} from '../../../source/domain/escalated-triggers.js';
import type {Absence, StoreData} from '../../../source/domain/model.js';
import {ReviewError, reviewContext, signReview, summaryText, validateStep} from '../../../source/domain/review/index.js';
import {triggerFor} from '../../../source/domain/rules/index.js';
import {verifyChain} from '../../../source/store/chain.js';
import {completeAnswers, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

const DI = 'o0001';
const MARSH = 'o0006';
const DOYLE = 'o0011';
const ASHWORTH = 'o0003';
const ASHWORTH_CASE = 'CR/87204/26';
const opts = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign};
const ONLY_DI = "DC Doyle's performance trigger was escalated to the inspector: only DI Okafor can decide it.";

function thrown(f: () => unknown): ReviewError {
	try {
		f();
	} catch (e) {
		return e as ReviewError;
	}
	throw new Error('expected a throw');
}

describe("a review of a case whose officer's trigger is on the inspector's list", () => {
	it("the sergeant's review asks for no decision, says the inspector decides it, and signs without one", () => {
		const data = loadDemo();
		expect(escalatedTriggers(data, TODAY).map(t => t.officerId)).toContain(DOYLE);
		const ctx = reviewContext(data, OVERDUE_REF, TODAY, SERGEANT);
		expect(ctx.trigger).toMatchObject({fired: true, escalated: true, decisionRecorded: false});
		expect(ctx.decisionRequired).toBe(false);
		expect(ctx.triggerWithInspector).toBe(ONLY_DI);
		const a = completeAnswers(ctx);
		expect(a.performance.decision).toBeNull();
		expect(summaryText(ctx, a)).toContain("Performance: on the inspector's exception list; the inspector decides it.");
		const {next, review, decision} = signReview(data, {caseRef: OVERDUE_REF, answers: a}, opts);
		expect(decision).toBeNull();
		expect(review.data.triggerDecision).toBeNull();
		expect(verifyChain(next.chain)).toBeNull();
		// Still the inspector's: on the list, undecided.
		expect(triggerFor(next, DOYLE, TODAY)).toMatchObject({escalated: true, decisionRecorded: false});
		expect(escalatedTriggers(next, TODAY).map(t => t.officerId)).toContain(DOYLE);
	});

	it('a decision given anyway ("not now", as the desk used to allow) is refused at step 5 naming the inspector; nothing is recorded', () => {
		const data = loadDemo();
		const before = structuredClone(data);
		const ctx = reviewContext(data, OVERDUE_REF, TODAY, SERGEANT);
		for (const decision of ['not-now', 'action-plan', 'escalate'] as const) {
			const a = completeAnswers(ctx);
			a.performance = {decision, reason: 'Off sick; revisit on return.', planReviewDate: '', concern: ''};
			const errs = validateStep(ctx, a, 'performance');
			expect(errs[0]).toEqual({
				step: 'performance',
				field: 'performance.decision',
				message: `${ONLY_DI} This review records no decision on it: choose "no decision".`,
			});
			const e = thrown(() => signReview(data, {caseRef: OVERDUE_REF, answers: a}, opts));
			expect(e).toBeInstanceOf(ReviewError);
			expect(e.errors.map(x => x.field)).toEqual(['performance.decision']);
		}
		expect(data).toEqual(before);
	});

	it('so the sergeant can no longer take a "not now twice" trigger off the list with a third "not now"', () => {
		const data = loadDemo();
		const ctx = reviewContext(data, ASHWORTH_CASE, TODAY, SERGEANT);
		expect(ctx.trigger.escalated).toBe(true);
		expect(ctx.triggerWithInspector).toMatch(
			/^DC Ashworth's performance trigger was escalated to the inspector: only DI Okafor can decide it\.$/,
		);
		const a = completeAnswers(ctx);
		a.performance = {decision: 'not-now', reason: 'Workload eased.', planReviewDate: '', concern: ''};
		expect(thrown(() => signReview(data, {caseRef: ASHWORTH_CASE, answers: a}, opts)).errors[0]!.message).toMatch(
			/only DI Okafor can decide it/,
		);
		a.performance = {decision: null, reason: '', planReviewDate: '', concern: 'Updates late again.'};
		// A concern is still the sergeant's to record: it is evidence, not a decision.
		const {next, decision} = signReview(data, {caseRef: ASHWORTH_CASE, answers: a}, opts);
		expect(decision).toBeNull();
		expect(next.concerns.at(-1)).toMatchObject({officerId: ASHWORTH, by: SERGEANT});
		expect(triggerFor(next, ASHWORTH, TODAY).escalated).toBe(true);
	});

	it('the cover acting for the sergeant is refused the decision too', () => {
		const data = loadDemo();
		const away: Absence = {
			id: 'abX',
			officerId: SERGEANT,
			from: TODAY,
			to: '2026-12-05',
			reason: 'annual-leave',
			coverOfficerId: MARSH,
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: SERGEANT,
		};
		const covered: StoreData = {...data, absences: [...data.absences, away]};
		const ctx = reviewContext(covered, OVERDUE_REF, TODAY, MARSH);
		expect(ctx.triggerWithInspector).toBe(ONLY_DI);
		const a = completeAnswers(ctx);
		a.performance = {decision: 'not-now', reason: 'Off sick.', planReviewDate: '', concern: ''};
		const e = thrown(() => signReview(covered, {caseRef: OVERDUE_REF, answers: a}, {...opts, reviewerId: MARSH}));
		expect(e.errors[0]!.message).toMatch(/only DI Okafor can decide it/);
		a.performance.decision = null;
		expect(signReview(covered, {caseRef: OVERDUE_REF, answers: a}, {...opts, reviewerId: MARSH}).review.data.reviewerId).toBe(MARSH);
	});

	it('the inspector reviewing the case decides it there, which takes it off the list', () => {
		const data = loadDemo();
		const ctx = reviewContext(data, OVERDUE_REF, TODAY, DI);
		expect(ctx.triggerWithInspector).toBeNull();
		expect(ctx.decisionRequired).toBe(true);
		const a = completeAnswers(ctx);
		expect(a.performance.decision).toBe('not-now');
		const {next, decision} = signReview(data, {caseRef: OVERDUE_REF, answers: a}, {...opts, reviewerId: DI});
		expect(decision!.data).toMatchObject({officerId: DOYLE, by: DI, decision: 'not-now'});
		expect(escalatedTriggers(next, TODAY).map(t => t.officerId)).not.toContain(DOYLE);
	});

	it("the signer decides, not whoever opened the context: a sergeant signing on the inspector's context is still refused", () => {
		const data = loadDemo();
		const opened = reviewContext(data, OVERDUE_REF, TODAY, DI);
		const a = completeAnswers(opened);
		expect(() => signReview(data, {caseRef: OVERDUE_REF, answers: a}, {...opts, context: opened})).toThrow(ReviewError);
	});
});

describe('who may sign a review, in the domain', () => {
	it('someone who does not supervise the officer is refused, saying who can; a cover outside their dates too', () => {
		const data = loadDemo();
		const ctx = reviewContext(data, ASHWORTH_CASE, TODAY, MARSH);
		const a = completeAnswers(ctx);
		expect(() => signReview(data, {caseRef: ASHWORTH_CASE, answers: a}, {...opts, reviewerId: MARSH})).toThrow(
			'DC Marsh does not supervise DC Ashworth on 30 Nov, so cannot review CR/87204/26: DS Brennan (or the cover named while they are away) or DI Okafor can.',
		);
		const away: Absence = {
			id: 'abY',
			officerId: SERGEANT,
			from: '2026-12-01',
			to: '2026-12-05',
			reason: 'annual-leave',
			coverOfficerId: MARSH,
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: SERGEANT,
		};
		const covered: StoreData = {...data, absences: [...data.absences, away]};
		// The day before the absence starts: not yet the cover.
		expect(() => signReview(covered, {caseRef: ASHWORTH_CASE, answers: a}, {...opts, reviewerId: MARSH})).toThrow(
			/DC Marsh does not supervise DC Ashworth on 30 Nov/,
		);
	});
});
