/**
 * A second desk on the same store (issue "The desk under real hands", item 9): with nothing typed it
 * takes in another user's signing by itself, so it no longer says the case has a draft in progress or
 * resumes the draft their signing removed.
 */
import {describe, expect, it} from 'vitest';
import {openDraft, reviewContext, saveDraft, signReview} from '../../source/domain/review/index.js';
import {openStore} from '../../source/store/store.js';
import {completeAnswers, OVERDUE_REF, SERGEANT, sign, TODAY} from '../domain/review/fixtures.js';
import {demoCopy} from '../helpers/cli.js';
import {ready, renderDesk} from './desk-harness.js';

describe('a second desk', () => {
	it('takes in another user\u2019s signing by itself: no draft in progress, and r opens a fresh review', async () => {
		const {store: file} = demoCopy();
		const mine = await openStore(file);
		// This desk's user had started the review (a stored draft), then left it.
		await mine.apply(d => {
			const {draft} = openDraft(d, OVERDUE_REF, SERGEANT, `${TODAY}T08:00:00.000Z`);
			return saveDraft(d, {...draft, answers: {...draft.answers, noActionReason: 'x'}, step: 2}, `${TODAY}T08:00:00.000Z`);
		});
		const h = renderDesk({data: mine.snapshot(), store: mine, pollMs: 30, size: {columns: 140, rows: 40}});
		await ready(h);
		// The case open in its tab: it says a draft is in progress.
		await h.press(':');
		await h.press('CR/88397/26');
		await h.press('\r');
		await h.waitFor('Review DRAFT in progress');

		// Another user signs the case from their own desk.
		const theirs = await openStore(file);
		await theirs.apply(d => {
			const ctx = reviewContext(d, OVERDUE_REF, TODAY);
			return signReview(
				d,
				{caseRef: OVERDUE_REF, answers: completeAnswers(ctx)},
				{today: TODAY, signedAt: `${TODAY}T10:00:00.000Z`, reviewerId: SERGEANT, sign, context: ctx},
			).next;
		});

		const after = await h.waitFor(f => !f.includes('Review DRAFT in progress'));
		expect(after).not.toContain('CHANGED BY ANOTHER USER');
		// r on the case: a new review, not the draft their signing removed.
		await h.press('r');
		const review = await h.waitFor('Review CR/88397/26 - step 1 of 7');
		expect(review).not.toContain('Resumed the draft');
		h.app.unmount();
	});
});
