/**
 * refreshContext on data holding the very records the review was opened on (review/context.ts): nothing
 * is worked out again and the opened context is given back, because every fact would come out the same.
 * That is the usual signing at a desk (nobody else wrote; at most the review's own draft was saved), and
 * the answers must then be exactly those of working everything out afresh. Any other record changed, the
 * facts are worked out on the fresh data as before.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {openDraft, refreshContext, reviewContext, saveDraft, signReview} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, doyleUndecided, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

/** `data` after the review's own draft was saved, as the store saves it (a new revision and time). */
function withDraftSaved(data: StoreData): StoreData {
	const {draft} = openDraft(data, OVERDUE_REF, SERGEANT, SIGNED_AT);
	return {...saveDraft(data, draft, SIGNED_AT), revision: data.revision + 1, updatedAt: SIGNED_AT};
}

describe('refreshContext on the records the review opened on', () => {
	it('gives back the opened context for the very data, and for the data with only the draft saved', () => {
		const data = loadDemo();
		const opened = reviewContext(data, OVERDUE_REF, TODAY, SERGEANT);
		expect(refreshContext(opened, data)).toBe(opened);
		const drafted = withDraftSaved(data);
		expect(drafted.drafts.length).toBe(data.drafts.length + 1);
		expect(refreshContext(opened, drafted)).toBe(opened);
		// What it gives back is what opening the review on that data works out (the step-1 lists are kept either way).
		const afresh = reviewContext(drafted, OVERDUE_REF, TODAY, SERGEANT);
		expect({...opened, caseProblems: [], officerProblems: []}).toEqual({...afresh, caseProblems: [], officerProblems: []});
	});

	it('signs the same review with the opened context as with the facts worked out afresh', () => {
		const data = doyleUndecided(loadDemo());
		const opened = contextFor(data);
		expect(opened.decisionRequired).toBe(true);
		const drafted = withDraftSaved(data);
		const answers = completeAnswers(opened);
		const options = {today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign};
		const quick = signReview(drafted, {caseRef: OVERDUE_REF, answers}, {...options, context: opened});
		const slow = signReview(drafted, {caseRef: OVERDUE_REF, answers}, options);
		expect(quick.review).toEqual(slow.review);
		expect(quick.decision).toEqual(slow.decision);
		expect(quick.next).toEqual(slow.next);
	});

	it('works the facts out again when any record it reads changed, or for another reviewer', () => {
		const data = loadDemo();
		const opened = reviewContext(data, OVERDUE_REF, TODAY, SERGEANT);
		const oic = opened.case.oicId;
		const concern = {id: 'c-new', officerId: oic, date: TODAY, by: SERGEANT, text: 'Late again.', caseRef: null};
		const changed: StoreData[] = [
			{...data, concerns: [...data.concerns, concern]},
			{...data, welfareEvents: [...data.welfareEvents]},
			{...data, chain: [...data.chain]},
			{...data, settings: {...data.settings}},
			{...data, referenceDate: '2026-01-01'},
		];
		for (const d of changed) {
			const again = refreshContext(opened, d);
			expect(again).not.toBe(opened);
			const afresh = reviewContext(d, OVERDUE_REF, TODAY, SERGEANT);
			expect({...again, caseProblems: [], officerProblems: []}).toEqual({...afresh, caseProblems: [], officerProblems: []});
		}
		// The new concern is seen: the officer's facts were read from the fresh data.
		expect(refreshContext(opened, changed[0]!).trigger).toEqual(reviewContext(changed[0]!, OVERDUE_REF, TODAY, SERGEANT).trigger);
		expect(refreshContext(opened, data, 'o0003')).not.toBe(opened);
		expect(refreshContext(opened, data, 'o0003').reviewerId).toBe('o0003');
	});
});
