/**
 * The guided 14-day review: pure logic, no I/O, no React. How the pieces fit:
 *
 * 1. `openDraft(data, ref, reviewerId, now)` gives the draft to work on (resumed when stored).
 * 2. `reviewContext(data, ref, today)` works out once what the steps need (problems, trigger, owners,
 *    whether a welfare check-in is due); `sinceLastReview(ctx)` is step 1's content.
 * 3. As the sergeant answers, `validateStep(ctx, answers, stepId)` gives field-level messages, and
 *    `store.apply(d => saveDraft(d, draft, now))` saves as they go (the welfare note is stripped:
 *    keep it with store/welfare-drafts.ts). `discardDraft` removes it after a confirm.
 * 4. `summaryLines(ctx, answers)` and `nextReviewDate` / `reviewWindow` drive the sign-off screen.
 * 5. `store.apply(d => (result = signReview(d, draft, {today, signedAt, reviewerId, sign: signer, context})).next)`
 *    signs; then append `result.welfareNote` (if any) with store/welfare-file.ts appendWelfareNote.
 *    Pass `context` (the one the review opened with): the record is still built from `d`, and a
 *    change since opening that the answers rest on throws StaleReviewError (changed-since.ts); open
 *    the context afresh from the reloaded store, show it, and sign again with that.
 * 6. `amendReview(data, seq, corrections, reason, options)` corrects a signed review with a new entry;
 *    `effectiveReview(chain, seq)` reads it as corrected.
 * 7. `reviewQueue(data, today)` / `nextInQueue` list every review due, most overdue first.
 */
export * from './steps.js';
export * from './errors.js';
export * from './answers.js';
export * from './context.js';
export * from './next-review.js';
export * from './next-review-warnings.js';
export * from './validate.js';
export * from './since-last.js';
export * from './summary.js';
export * from './sign.js';
export * from './changed-since.js';
export * from './amend.js';
export * from './drafts.js';
export * from './queue.js';
export * from './reviewer.js';
export * from './owners.js';
export * from './pending-note.js';
export * from './pending-list.js';
