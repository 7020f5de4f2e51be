/**
 * A review open across midnight (a desk opened without --today, README "Opened without `--today`..."):
 * the desk passes its new day to the open review (review-mount.tsx: today={model.today}); the review is
 * then signed and dated on the new day, and says so. From REVIEW 5's proof of D2.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {reviewContext} from '../../../source/domain/review/index.js';
import {openStore, readStoreFile} from '../../../source/store/store.js';
import {ReviewScreen} from '../../../source/ui/review/review-screen.js';
import {demoCopy} from '../../helpers/cli.js';
import {frame, KEYS, press, ready, until, waitFor} from './ink-keys.js';
import {SERGEANT_ACTOR} from '../../helpers/actor.js';

const REF = 'CR/88397/26';
afterEach(() => cleanup());

async function fixture() {
	const {store: file} = demoCopy();
	const store = await openStore(file);
	const ctx = reviewContext(store.snapshot(), REF, '2026-11-30');
	const clock = {now: new Date('2026-11-30T23:55:00')};
	const screen = (today: string) => (
		<ReviewScreen
			data={store.snapshot()}
			store={store}
			caseRef={REF}
			today={today}
			actor={SERGEANT_ACTOR}
			width={100}
			rows={60}
			isActive
			color={false}
			saveDelayMs={30}
			now={() => clock.now}
			onExit={() => {}}
			onChanged={() => {}}
		/>
	);
	return {file, store, ctx, clock, screen};
}

type App = ReturnType<typeof render>;

/** Steps 3 to 7 with the same answers as review-flow's (`checkIn` '1': a check-in held at step 6), then signs. */
async function finishAndSign(app: App, decisionRequired: boolean, checkIn = '2'): Promise<void> {
	await press(app, '1', KEYS.ctrlN);
	await until(app, 'step 4 of 7');
	await press(app, KEYS.enter, 'Chase the DFU', KEYS.ctrlN);
	await until(app, 'step 5 of 7');
	if (decisionRequired) await press(app, '3');
	await press(app, KEYS.ctrlN);
	await until(app, 'step 6 of 7');
	await press(app, checkIn, KEYS.ctrlN);
	await until(app, 'step 7 of 7');
	await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
	await until(app, 'Sign the review?');
	await press(app, 'y');
	await until(app, /Signed: review of CR\/88397\/26/);
}

async function lastReview(file: string) {
	const {data} = await readStoreFile(file, {chain: 'whole'});
	const review = [...data.chain].reverse().find(e => e.kind === 'review');
	if (review?.kind !== 'review') throw new Error('no review signed');
	return review;
}

it('a review opened on 30 Nov and signed after the desk moved to 01 Dec is dated 01 Dec, and says so', async () => {
	const {file, ctx, clock, screen} = await fixture();
	const app = render(screen('2026-11-30'));
	await ready(app);
	await until(app, 'step 1 of 7');
	expect(frame(app)).not.toContain('It is now');
	// Midnight passes: the desk re-renders the open review with its new day.
	clock.now = new Date('2026-12-01T00:05:00');
	app.rerender(screen('2026-12-01'));
	await until(app, 'It is now 01 Dec: this review is dated 01 Dec (opened 30 Nov).');
	await press(app, KEYS.enter);
	await until(app, 'step 2 of 7');
	await press(app, '1', KEYS.tab, KEYS.tab, '2', KEYS.tab, 'Awaiting the DFU report', KEYS.tab, '3', KEYS.tab, 'Superseded', KEYS.ctrlN);
	await until(app, 'step 3 of 7');
	await finishAndSign(app, ctx.decisionRequired, '1');
	const review = await lastReview(file);
	expect(review.data.date).toBe('2026-12-01');
	expect(review.signedAt.startsWith('2026-12-01') || review.signedAt.startsWith('2026-11-30T2')).toBe(true);
	// Counted from the day it is dated: the same review signed on 30 Nov is due 14 days on, 14 Dec.
	expect(review.data.nextReviewDue).toBe('2026-12-15');
	// The new action's history starts on the new day too.
	const {data} = await readStoreFile(file);
	const c = data.cases.find(x => x.ref === REF)!;
	expect(c.nextReviewDue).toBe('2026-12-15');
	expect(c.actions.find(a => a.history[0]?.reviewSeq === review.seq)?.createdOn).toBe('2026-12-01');
	// The check-in held at step 6 is recorded on the day the review is dated.
	expect(review.data.welfareCheckIn).toBe(true);
	expect(data.welfareEvents.find(e => e.id === `w-r${review.seq}`)?.date).toBe('2026-12-01');
});

it('a draft saved before midnight resumes after it and is signed on the new day', async () => {
	const {file, ctx, clock, screen} = await fixture();
	const first = render(screen('2026-11-30'));
	await ready(first);
	await until(first, 'step 1 of 7');
	await press(first, KEYS.enter);
	await until(first, 'step 2 of 7');
	await press(first, '1', KEYS.tab, KEYS.tab, '2', KEYS.tab, 'Awaiting the DFU report', KEYS.tab, '3', KEYS.tab, 'Superseded', KEYS.ctrlN);
	await until(first, 'step 3 of 7');
	expect(await waitFor(() => /draft saved/.test(frame(first)))).toBe(true);
	first.unmount();
	cleanup();
	// After midnight the review is opened again (the tab closed and reopened): it resumes at step 3.
	clock.now = new Date('2026-12-01T00:10:00');
	const app = render(screen('2026-12-01'));
	await ready(app);
	await until(app, /Resumed the draft started yesterday, at step 3/);
	await until(app, 'step 3 of 7');
	await finishAndSign(app, ctx.decisionRequired);
	const review = await lastReview(file);
	expect(review.data.date).toBe('2026-12-01');
	expect(review.data.nextReviewDue).toBe('2026-12-15');
	expect(review.data.actionOutcomes.map(o => o.outcome)).toContain('done');
});
