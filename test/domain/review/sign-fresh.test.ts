/**
 * Signing is derived from the data under the store's lock, not from the snapshot the review opened on:
 * while sergeant A has a review open, someone else records a decision for the same officer (a), signs a
 * review of another of the officer's cases (b), or changes the case itself (c). Each test opens A's
 * context on one version of the store, changes the store as the other user would, then signs A's
 * answers on the changed data with the opened context, as the review screen does inside store.apply.
 */
import {describe, expect, it} from 'vitest';
import {applyPlan, planCsv} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {
	emptyAnswers,
	openDraft,
	ReviewError,
	reviewContext,
	saveDraft,
	signReview,
	StaleReviewError,
	type ReviewAnswers,
	type ReviewContext,
} from '../../../source/domain/review/index.js';
import {triggerFor} from '../../../source/domain/rules/index.js';
import {verifyChain} from '../../../source/store/chain.js';
import {validateStore} from '../../../source/store/validate.js';
import {completeAnswers, contextFor, doyleUndecided, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

const opts = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign};
/** Another of DC Doyle's (o0011) live cases: his trigger has fired in the demo with no decision yet. */
const DOYLE_OTHER = 'CR/49525/26';
/** Two of DC Grant's (o0007) live cases: no trigger, no check-in due. */
const GRANT_A = 'CR/23811/26';
const GRANT_B = 'CR/45174/26';
/** Who records a concern or check-in "in another process" (DC Ashworth, acting up). */
const OTHER_SIGNER = 'o0003';

/** What another user's process writes: a complete review of `ref`, with `edit` applied to the answers. */
function signedByOther(data: StoreData, ref: string, edit: (a: ReviewAnswers, ctx: ReviewContext) => void = () => {}): StoreData {
	const ctx = contextFor(data, ref);
	const a = completeAnswers(ctx);
	edit(a, ctx);
	return signReview(data, {caseRef: ref, answers: a}, {...opts, signedAt: '2026-11-30T09:00:00.000Z', reviewerId: SERGEANT}).next;
}

function thrown(f: () => unknown): unknown {
	try {
		f();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

function importCsv(data: StoreData, csv: string): StoreData {
	const plan = planCsv(data, csv, {today: TODAY});
	expect(plan.rejected).toEqual([]);
	expect(plan.changes.length).toBe(1);
	return applyPlan(data, plan);
}

describe('signing uses the data under the lock: (a) a decision recorded for the same officer meanwhile', () => {
	it('stops a second decision made in ignorance of the first (two "not now"s would send the trigger to the inspector), keeping the data untouched', () => {
		const base = doyleUndecided(loadDemo());
		const opened = contextFor(base);
		expect(opened.decisionRequired).toBe(true);
		const answers = completeAnswers(opened); // "not now", with a reason
		// Meanwhile: another process signs a review of another Doyle case, recording "not now".
		const theirs = signedByOther(base, DOYLE_OTHER);
		expect(triggerFor(theirs, 'o0011', TODAY)).toMatchObject({decisionRecorded: true, escalated: false});
		const before = structuredClone(theirs);

		const err = thrown(() => signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened}));
		expect(err).toBeInstanceOf(StaleReviewError);
		const e = err as StaleReviewError;
		expect(e.message).toMatch(/changed after you opened this review, so nothing was recorded and your answers are kept/);
		expect(e.message).toMatch(/recorded "considered, not needed now" for DC Doyle on/);
		expect(e.message).toMatch(/a decision is no longer required here/);
		expect(e.errors.map(x => x.field)).toEqual(['performance.decision']);
		expect(theirs).toEqual(before);

		// What the old signing would have written: a second "not now" the same day, escalating a trigger
		// nobody chose to leave twice.
		const blind = signReview(theirs, {caseRef: OVERDUE_REF, answers}, opts).next;
		expect(triggerFor(blind, 'o0011', TODAY).escalated).toBe(true);

		// Reopened on the fresh data (as the screen does after the error), the sergeant sees the decision on
		// record, clears theirs (no longer required) and signs: one decision, not escalated.
		const reopened = reviewContext(theirs, OVERDUE_REF, TODAY);
		expect(reopened.decisionRequired).toBe(false);
		const cleared = {...answers, performance: {...answers.performance, decision: null, reason: ''}};
		const r = signReview(theirs, {caseRef: OVERDUE_REF, answers: cleared}, {...opts, context: reopened});
		expect(r.decision).toBeNull();
		expect(r.review.data).toMatchObject({triggerFired: true, triggerDecision: null});
		expect(r.review.data.summary).toContain('trigger fired; decision already on record');
		expect(triggerFor(r.next, 'o0011', TODAY)).toMatchObject({decisionRecorded: true, escalated: false});
		expect(r.next.chain.filter(x => x.kind === 'performance-decision')).toHaveLength(
			base.chain.filter(x => x.kind === 'performance-decision').length + 1,
		);
		expect(verifyChain(r.next.chain)).toBeNull();
		expect(validateStore(r.next)).toBeNull();
	});

	it('lets the sergeant record a different decision once they have seen the fresh context', () => {
		const base = doyleUndecided(loadDemo());
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		answers.performance = {decision: 'escalate', reason: '', planReviewDate: '', concern: ''};
		const theirs = signedByOther(base, DOYLE_OTHER);
		expect(() => signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened})).toThrow(StaleReviewError);
		const r = signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: reviewContext(theirs, OVERDUE_REF, TODAY)});
		expect(r.decision!.data.decision).toBe('escalate');
		expect(triggerFor(r.next, 'o0011', TODAY).escalated).toBe(true);
	});

	it('stops an action plan when one was started meanwhile (the rules allow one running plan)', () => {
		const base = doyleUndecided(loadDemo());
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		answers.performance = {decision: 'action-plan', reason: 'First stage meeting held.', planReviewDate: '', concern: ''};
		const theirs = signedByOther(base, DOYLE_OTHER, a => {
			a.performance = {decision: 'action-plan', reason: 'Agreed with the DI.', planReviewDate: '', concern: ''};
		});
		const e = thrown(() => signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened})) as StaleReviewError;
		expect(e).toBeInstanceOf(StaleReviewError);
		// The fresh validation's reason comes with it, under the same field.
		expect(e.errors[0]!.message).toMatch(/recorded "start an action plan"/);
		expect(theirs.actionPlans.filter(p => p.officerId === 'o0011')).toHaveLength(
			base.actionPlans.filter(p => p.officerId === 'o0011').length + 1,
		);
	});

	it('builds the decision evidence from the fresh data: a concern recorded meanwhile is in it', () => {
		const base = doyleUndecided(loadDemo());
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		answers.performance = {decision: 'escalate', reason: '', planReviewDate: '', concern: ''};
		// Meanwhile a review of another Doyle case records a concern, with no decision (Doyle's trigger
		// already fired, so the other sergeant must decide too: they escalate; here only their concern
		// is wanted, so add it as a store change of its own).
		const theirs: StoreData = {
			...base,
			concerns: [
				...base.concerns,
				{id: 'c-other', officerId: 'o0011', date: TODAY, by: OTHER_SIGNER, text: 'Missed the CPS deadline.', caseRef: DOYLE_OTHER},
			],
		};
		const r = signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened});
		const fromOpened = opened.trigger.evidence.map(x => x.detail);
		expect(fromOpened.some(d => d.includes('DC Ashworth'))).toBe(false);
		expect(r.decision!.data.evidence).toContain('concern recorded 30 Nov by DC Ashworth');
		expect(r.decision!.data.evidence).toEqual(triggerFor(theirs, 'o0011', TODAY).evidence.map(x => x.detail));
	});
});

describe('signing uses the data under the lock: (b) another review of the same officer signed meanwhile', () => {
	it('signs on top of it: next chain sequence, fresh trigger state, both check-ins kept, chain intact', () => {
		const base = loadDemo();
		const opened = contextFor(base, GRANT_A);
		expect(opened.trigger.fired).toBe(false);
		const answers = completeAnswers(opened);
		answers.welfare = {checkIn: true, note: '', flags: []};
		const theirs = signedByOther(base, GRANT_B, a => {
			a.welfare = {checkIn: true, note: '', flags: []};
		});
		const r = signReview(theirs, {caseRef: GRANT_A, answers}, {...opts, context: opened});
		expect(r.review.seq).toBe(theirs.chain.at(-1)!.seq + 1);
		expect(r.review.data.triggerFired).toBe(false);
		expect(r.next.welfareEvents.filter(w => w.officerId === 'o0007' && w.date === TODAY)).toHaveLength(2);
		// Their review of the other case is untouched; ours is applied to ours.
		expect(r.next.cases.find(c => c.ref === GRANT_B)).toBe(theirs.cases.find(c => c.ref === GRANT_B));
		expect(r.next.cases.find(c => c.ref === GRANT_A)!.nextReviewDue).toBe(r.review.data.nextReviewDue);
		expect(new Set(r.next.cases.flatMap(c => c.actions.map(x => x.id))).size).toBe(r.next.cases.flatMap(c => c.actions).length);
		expect(verifyChain(r.next.chain)).toBeNull();
		expect(validateStore(r.next)).toBeNull();
	});

	it('asks for the decision that became required meanwhile (their concern fired the trigger), with the reason', () => {
		const base = loadDemo();
		base.concerns.push({
			id: 'c-earlier',
			officerId: 'o0007',
			date: '2026-11-20',
			by: SERGEANT,
			text: 'Late with the file.',
			caseRef: GRANT_B,
		});
		const opened = contextFor(base, GRANT_A);
		expect(opened.trigger.fired).toBe(false);
		const answers = completeAnswers(opened);
		expect(answers.performance.decision).toBeNull();
		// Their review adds a second concern in 60 days: the trigger fires, and they decide nothing yet.
		const theirs = signedByOther(base, GRANT_B, a => {
			a.performance = {decision: null, reason: '', planReviewDate: '', concern: 'Victim not updated again.'};
		});
		expect(triggerFor(theirs, 'o0007', TODAY)).toMatchObject({fired: true, decisionRecorded: false});
		const e = thrown(() => signReview(theirs, {caseRef: GRANT_A, answers}, {...opts, context: opened})) as StaleReviewError;
		expect(e).toBeInstanceOf(StaleReviewError);
		expect(e.errors.map(x => x.field)).toEqual(['performance.decision']);
		expect(e.errors[0]!.message).toMatch(/performance trigger has fired/);
		// With a decision, it signs, and the record says the trigger fired.
		answers.performance = {decision: 'not-now', reason: 'New in post; support agreed.', planReviewDate: '', concern: ''};
		const r = signReview(theirs, {caseRef: GRANT_A, answers}, {...opts, context: reviewContext(theirs, GRANT_A, TODAY)});
		expect(r.review.data.triggerFired).toBe(true);
		expect(r.decision!.data.evidence.some(d => d.startsWith('concern recorded '))).toBe(true);
	});

	it('does not ask again for a check-in someone else recorded meanwhile', () => {
		const base = loadDemo();
		const ref = 'CR/92431/22'; // DC Marsh: a check-in is due
		const opened = contextFor(base, ref);
		expect(opened.welfareCheckInDue).toBe(true);
		const answers = completeAnswers(opened);
		answers.welfare = {checkIn: false, note: '', flags: []};
		const theirs: StoreData = {
			...base,
			welfareEvents: [
				...base.welfareEvents,
				{id: 'w-other', officerId: 'o0006', date: TODAY, kind: 'check-in', by: OTHER_SIGNER, flags: []},
			],
		};
		const r = signReview(theirs, {caseRef: ref, answers}, {...opts, context: opened});
		expect(r.review.data.welfareCheckIn).toBe(false);
		expect(r.review.data.summary).toContain('Welfare: no check-in recorded.');
	});
});

describe('signing uses the data under the lock: (c) the case itself changed meanwhile', () => {
	it('an import adding an update: signs the fresh case, keeping the imported update', () => {
		const base = loadDemo();
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		const imported = importCsv(
			base,
			`Crime reference,Last update date,Last update\n${OVERDUE_REF},${TODAY},Suspect interviewed under caution; no comment.\n`,
		);
		const r = signReview(imported, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened});
		const c = r.next.cases.find(x => x.ref === OVERDUE_REF)!;
		expect(c.updates.at(-1)).toMatchObject({date: TODAY, text: 'Suspect interviewed under caution; no comment.'});
		expect(c.nextReviewDue).toBe(r.review.data.nextReviewDue);
		expect(validateStore(r.next)).toBeNull();
	});

	it('an import changing the risk: stops at the risk step ("keep" meant the old level), then signs on the new one', () => {
		const base = loadDemo();
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		const imported = importCsv(base, `Crime reference,Risk\n${OVERDUE_REF},High\n`);
		const e = thrown(() => signReview(imported, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened})) as StaleReviewError;
		expect(e).toBeInstanceOf(StaleReviewError);
		expect(e.errors.map(x => x.field)).toEqual(['risk.decision']);
		expect(e.message).toMatch(/risk of CR\/88397\/26 was changed from medium to high/);
		const r = signReview(imported, {caseRef: OVERDUE_REF, answers}, {...opts, context: reviewContext(imported, OVERDUE_REF, TODAY)});
		expect(r.review.data).toMatchObject({riskBefore: 'high', riskAfter: 'high'});
	});

	it('an import reallocating the case: stops (the performance and welfare answers were about the old officer)', () => {
		const base = loadDemo();
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		const imported = importCsv(base, `Crime reference,Officer\n${OVERDUE_REF},4049\n`);
		const e = thrown(() => signReview(imported, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened})) as StaleReviewError;
		expect(e).toBeInstanceOf(StaleReviewError);
		expect(e.message).toMatch(/reallocated from DC Doyle to DC Grant/);
		// Doyle's decision is not recorded against Grant.
		const reopened = reviewContext(imported, OVERDUE_REF, TODAY);
		expect(reopened.decisionRequired).toBe(false);
		const fixed = {...answers, performance: emptyAnswers().performance};
		const r = signReview(imported, {caseRef: OVERDUE_REF, answers: fixed}, {...opts, context: reopened});
		expect(r.review.data.oicId).toBe('o0007');
		expect(r.decision).toBeNull();
	});

	it('an import closing the case: refused with the same message as at opening', () => {
		const base = loadDemo();
		const opened = contextFor(base);
		const imported = importCsv(base, `Crime reference,Status\n${OVERDUE_REF},Closed\n`);
		const e = thrown(() => signReview(imported, {caseRef: OVERDUE_REF, answers: completeAnswers(opened)}, {...opts, context: opened}));
		expect(e).toBeInstanceOf(ReviewError);
		expect((e as Error).message).toMatch(/only live cases are reviewed/);
	});

	it('the same case signed by someone else: stops with who and when, the draft kept; signing again after reading theirs is allowed', () => {
		const base = doyleUndecided(loadDemo());
		const opened = contextFor(base);
		const answers = completeAnswers(opened);
		const {draft} = openDraft(base, OVERDUE_REF, SERGEANT, SIGNED_AT);
		const mine = saveDraft(base, {...draft, answers}, SIGNED_AT);
		// The other sergeant signs the same case (their store still had our draft: signing removes it).
		const theirs = signedByOther(mine, OVERDUE_REF, a => {
			a.performance = {decision: 'escalate', reason: '', planReviewDate: '', concern: ''};
		});
		const theirReview = theirs.chain.findLast(x => x.kind === 'review')!;
		const e = thrown(() => signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: opened})) as StaleReviewError;
		expect(e).toBeInstanceOf(StaleReviewError);
		expect(e.errors[0]).toMatchObject({step: 'since', field: 'previousReview'});
		expect(e.errors[0]!.message).toContain(`signed a review of ${OVERDUE_REF} on 30 Nov (entry ${theirReview.seq}) after you opened yours`);
		// Their decision is named too: ours would be a second one made without seeing theirs.
		expect(e.errors.map(x => x.field)).toContain('performance.decision');
		// Reopened on their review: their closed actions are no longer asked about and their new one is.
		const reopened = reviewContext(theirs, OVERDUE_REF, TODAY);
		expect(reopened.previousReview!.seq).toBe(theirReview.seq);
		expect(() => signReview(theirs, {caseRef: OVERDUE_REF, answers}, {...opts, context: reopened})).toThrow(/not complete/);
		const again = completeAnswers(reopened);
		const r = signReview(theirs, {caseRef: OVERDUE_REF, answers: again}, {...opts, context: reopened});
		expect(r.review.data.previousReviewDate).toBe(TODAY);
		expect(verifyChain(r.next.chain)).toBeNull();
	});
});

describe('signing with the opened context when nothing changed', () => {
	it('gives the same record as working everything out from the data', () => {
		const base = loadDemo();
		for (const ref of [OVERDUE_REF, GRANT_A, 'CR/92431/22']) {
			const ctx = contextFor(base, ref);
			const answers = completeAnswers(ctx);
			expect(signReview(base, {caseRef: ref, answers}, {...opts, context: ctx}).next).toEqual(
				signReview(base, {caseRef: ref, answers}, opts).next,
			);
		}
	});
});
