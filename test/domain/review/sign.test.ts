import {describe, expect, it} from 'vitest';
import {addDays, addMonths} from '../../../source/domain/dates.js';
import type {ReviewEntry, StoreData} from '../../../source/domain/model.js';
import {ReviewError, reviewContext, saveDraft, signReview, openDraft} from '../../../source/domain/review/index.js';
import {verifyChain} from '../../../source/store/chain.js';
import {validateStore} from '../../../source/store/validate.js';
import {completeAnswers, contextFor, doyleUndecided, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

const opts = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign};

describe('signReview on the demo store', () => {
	it('signs a full review: chain entry, outcomes, new action, next review date, draft removed', () => {
		const data = doyleUndecided(loadDemo());
		const ctx = contextFor(data);
		expect(ctx.openActions.length).toBe(3);
		const answers = completeAnswers(ctx);
		// Save a draft first, as the UI does while the sergeant works.
		const {draft} = openDraft(data, OVERDUE_REF, SERGEANT, SIGNED_AT);
		const withDraft = saveDraft(data, {...draft, answers, step: 6}, SIGNED_AT);
		expect(withDraft.drafts.map(d => d.caseRef)).toEqual([OVERDUE_REF]);

		const before = structuredClone(withDraft);
		const {next, review, decision, welfareNote} = signReview(withDraft, {caseRef: OVERDUE_REF, answers}, opts);
		// Pure: the input is untouched.
		expect(withDraft).toEqual(before);
		// DC Doyle's trigger has fired in the demo (two concerns in 60 days, no decision): the fixture
		// answers "not now" with a reason, recorded as its own chain entry after the review.
		expect(ctx.decisionRequired).toBe(true);
		expect(decision?.data).toMatchObject({
			officerId: 'o0011',
			decision: 'not-now',
			reason: 'Officer is off sick; revisit on return.',
			caseRef: OVERDUE_REF,
		});
		expect(decision!.data.evidence.length).toBeGreaterThan(0);
		expect(welfareNote).toBeNull();

		expect(next.chain.length).toBe(data.chain.length + 2);
		expect(next.chain.at(-2)).toBe(review);
		expect(next.chain.at(-1)).toBe(decision);
		expect(review.seq).toBe(data.chain.at(-1)!.seq + 1);
		expect(verifyChain(next.chain)).toBeNull();
		expect(validateStore(next)).toBeNull();

		const r = review.data;
		expect(r.caseRef).toBe(OVERDUE_REF);
		expect(r.date).toBe(TODAY);
		expect(r.dueDate).toBe('2026-11-19');
		expect(r.previousReviewDate).toBe(ctx.previousReview?.data.date ?? null);
		expect(r.riskBefore).toBe('medium');
		expect(r.riskAfter).toBe('medium');
		expect(r.nextReviewDue).toBe(addDays(TODAY, 14));
		expect(r.actionOutcomes.map(o => o.outcome)).toEqual(['done', 'carried', 'carried']);
		expect(r.newActions).toHaveLength(1);
		expect(r.newActions[0]).toMatchObject({text: 'Chase the DFU for the phone download', ownerId: 'o0011', due: addDays(TODAY, 14)});
		expect(r.summary).toContain('1 done, 2 carried over');

		const c = next.cases.find(x => x.ref === OVERDUE_REF)!;
		expect(c.nextReviewDue).toBe(addDays(TODAY, 14));
		const [first, second, third] = ctx.openActions;
		const done = c.actions.find(x => x.id === first!.id)!;
		expect(done.status).toBe('done');
		expect(done.history.at(-1)).toEqual({date: TODAY, event: 'done', reviewSeq: review.seq, reason: null, by: SERGEANT});
		const carried = c.actions.find(x => x.id === second!.id)!;
		expect(carried.carriedCount).toBe(second!.carriedCount + 1);
		expect(carried.due).toBe(addDays(TODAY, 14));
		expect(carried.history.at(-1)).toMatchObject({event: 'carried', reason: 'Awaiting the DFU report.', reviewSeq: review.seq});
		expect(c.actions.find(x => x.id === third!.id)!.status).toBe(third!.status);
		const added = c.actions.find(x => x.id === r.newActions[0]!.id)!;
		expect(added).toMatchObject({status: 'open', createdOn: TODAY, carriedCount: 0});
		expect(next.drafts).toEqual([]);
		// The case is no longer due.
		expect(reviewContext(next, OVERDUE_REF, TODAY).case.nextReviewDue > TODAY).toBe(true);
	});

	it('records a changed risk, a dropped action, an action plan, a concern and a check-in, keeping the note out of the store', () => {
		const data = doyleUndecided(loadDemo());
		const ctx = contextFor(data);
		const a = completeAnswers(ctx);
		a.outcomes[ctx.openActions[2]!.id] = {outcome: 'dropped', reason: 'Superseded by the CPS advice.'};
		a.risk = {decision: 'change', newRisk: 'high', rationale: 'Suspect has contact with children.'};
		a.performance = {decision: 'action-plan', reason: 'First stage meeting held.', planReviewDate: '', concern: 'Updates late again.'};
		a.welfare = {checkIn: true, note: 'PRIVATE: sleeping badly', flags: ['oh-referral']};
		const {next, review, decision, welfareNote} = signReview(data, {caseRef: OVERDUE_REF, answers: a}, opts);

		expect(review.data.riskAfter).toBe('high');
		expect(review.data.riskRationale).toBe('Suspect has contact with children.');
		// High risk: the cadence is 7 days.
		expect(review.data.nextReviewDue).toBe(addDays(TODAY, 7));
		expect(next.cases.find(x => x.ref === OVERDUE_REF)!.risk).toBe('high');
		// The change is in the case's risk history with the review that made it (README "Case history").
		const risks = next.cases.find(x => x.ref === OVERDUE_REF)!.riskHistory;
		expect(risks.slice(0, -1)).toEqual(data.cases.find(x => x.ref === OVERDUE_REF)!.riskHistory);
		const reason = 'Suspect has contact with children.';
		expect(risks.at(-1)).toEqual({risk: 'high', from: TODAY, by: SERGEANT, reason, reviewSeq: review.seq});
		expect(validateStore(next)).toBeNull();
		expect(review.data.actionOutcomes[2]).toMatchObject({outcome: 'dropped', reason: 'Superseded by the CPS advice.'});
		expect(next.cases.find(x => x.ref === OVERDUE_REF)!.actions.find(x => x.id === ctx.openActions[2]!.id)!.status).toBe('dropped');

		expect(decision).not.toBeNull();
		expect(decision!.seq).toBe(review.seq + 1);
		expect(decision!.data).toMatchObject({officerId: 'o0011', decision: 'action-plan', by: SERGEANT, caseRef: OVERDUE_REF, date: TODAY});
		expect(review.data.triggerDecision).toBe('action-plan');
		const plan = next.actionPlans.at(-1)!;
		expect(plan).toMatchObject({
			officerId: 'o0011',
			started: TODAY,
			expires: addMonths(TODAY, 12),
			reviewDate: addMonths(TODAY, 3),
			endedOn: null,
			decisionSeq: decision!.seq,
		});
		expect(next.concerns.at(-1)).toMatchObject({officerId: 'o0011', date: TODAY, text: 'Updates late again.', caseRef: OVERDUE_REF});
		expect(review.data.concernRecorded).toBe(true);

		expect(review.data.welfareCheckIn).toBe(true);
		expect(next.welfareEvents.at(-1)).toMatchObject({
			officerId: 'o0011',
			date: TODAY,
			kind: 'check-in',
			by: SERGEANT,
			flags: ['oh-referral'],
		});
		expect(welfareNote).toMatchObject({officerId: 'o0011', date: TODAY, by: SERGEANT, text: 'PRIVATE: sleeping badly'});
		// The note (and the health flag in words) is nowhere in the case store.
		const json = JSON.stringify(next);
		expect(json).not.toContain('sleeping badly');
		expect(review.data.summary).not.toContain('occupational health');
		expect(verifyChain(next.chain)).toBeNull();
		expect(validateStore(next)).toBeNull();
	});

	it('refuses an incomplete draft with field errors and leaves the data unchanged', () => {
		const data = loadDemo();
		const ctx = contextFor(data);
		const a = completeAnswers(ctx);
		delete a.outcomes[ctx.openActions[0]!.id];
		a.actions = [];
		const err = (() => {
			try {
				signReview(data, {caseRef: OVERDUE_REF, answers: a}, opts);
			} catch (e) {
				return e;
			}
			return null;
		})();
		expect(err).toBeInstanceOf(ReviewError);
		expect((err as ReviewError).errors.map(e => e.field)).toEqual([`outcomes.${ctx.openActions[0]!.id}.outcome`, 'actions']);
		expect(data).toEqual(loadDemo());
	});

	it('signing with the context the review opened with gives the same record without re-running the rules', () => {
		const data = loadDemo();
		const ctx = contextFor(data);
		const answers = completeAnswers(ctx);
		const plain = signReview(data, {caseRef: OVERDUE_REF, answers}, opts);
		const reused = signReview(data, {caseRef: OVERDUE_REF, answers}, {...opts, context: ctx});
		expect(reused.next).toEqual(plain.next);
		// The case's own facts are re-read: an action closed elsewhere since opening is no longer asked about.
		const c = data.cases.find(x => x.ref === OVERDUE_REF)!;
		const closedOne = {
			...data,
			cases: data.cases.map(x => (x === c ? {...c, actions: c.actions.map((a, i) => (i === 0 ? {...a, status: 'done' as const} : a))} : x)),
		};
		const r = signReview(closedOne, {caseRef: OVERDUE_REF, answers}, {...opts, context: ctx});
		expect(r.review.data.actionOutcomes.map(o => o.actionId)).toEqual(ctx.openActions.slice(1).map(a => a.id));
		expect(() => signReview(data, {caseRef: 'CR/25310/26', answers}, {...opts, context: ctx})).toThrow(/context is for/);
	});

	it('refuses an unknown case, a closed case and an unknown reviewer', () => {
		const data = loadDemo();
		expect(() => signReview(data, {caseRef: 'CR/0000/00', answers: {}}, opts)).toThrow(/no case CR\/0000\/00/);
		const closed = data.cases.find(c => c.status === 'closed');
		if (closed) expect(() => signReview(data, {caseRef: closed.ref, answers: {}}, opts)).toThrow(/only live cases/);
		expect(() =>
			signReview(data, {caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(data))}, {...opts, reviewerId: 'nobody'}),
		).toThrow(/not an officer/);
	});

	it('strips escape sequences from typed text before it becomes a permanent record', () => {
		const data = loadDemo();
		const a = completeAnswers(contextFor(data));
		a.actions[0]!.text = 'Chase DFU\u001b]52;c;ZXZpbA==\u0007 now\u001b[31m';
		const {review} = signReview(data, {caseRef: OVERDUE_REF, answers: a}, opts);
		expect(review.data.newActions[0]!.text).toBe('Chase DFU now');
	});

	it('signs every review in the queue one after another and the chain still verifies', () => {
		let data: StoreData = loadDemo();
		const refs = data.cases.filter(c => c.nextReviewDue <= TODAY && c.status !== 'closed').map(c => c.ref);
		const signed: ReviewEntry[] = [];
		for (const ref of refs) {
			const ctx = reviewContext(data, ref, TODAY);
			const r = signReview(data, {caseRef: ref, answers: completeAnswers(ctx)}, opts);
			data = r.next;
			signed.push(r.review);
		}
		expect(signed.length).toBe(refs.length);
		expect(verifyChain(data.chain)).toBeNull();
		expect(data.cases.filter(c => refs.includes(c.ref)).every(c => c.nextReviewDue > TODAY)).toBe(true);
	});
});
