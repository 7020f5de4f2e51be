/**
 * The guided review walked to its private welfare note and signed (ink-testing-library), as the welfare
 * note tests do it on any store: steps 1-5 answered (every open action done, a decision when one is
 * required), the check-in ticked in step 6 and focus in the note field once the welfare file is checked.
 */
import type {ReviewContext} from '../../source/domain/review/index.js';
import {frame, KEYS, press, ready, until, waitFor, type Driven} from '../ui/review/ink-keys.js';

/** Answers steps 1-5 of the review of `ctx`'s case, ticks the check-in and focuses the note; returns the frame. */
export async function toWelfareNote(app: Driven, ctx: Pick<ReviewContext, 'openActions' | 'decisionRequired'>): Promise<string> {
	await ready(app);
	await until(app, 'step 1 of 7');
	await press(app, KEYS.enter);
	await until(app, 'step 2 of 7');
	// Every open action done (each is a choice and a reason).
	for (const [i] of ctx.openActions.entries()) await press(app, ...(i === 0 ? [] : [KEYS.tab, KEYS.tab]), '1');
	await press(app, KEYS.ctrlN);
	await until(app, 'step 3 of 7');
	await press(app, '1', KEYS.ctrlN);
	await until(app, 'step 4 of 7');
	await press(app, KEYS.enter, 'Chase the DFU for the phone download', KEYS.ctrlN);
	await until(app, 'step 5 of 7');
	if (ctx.decisionRequired) await press(app, '3');
	await press(app, KEYS.ctrlN);
	await until(app, 'step 6 of 7: Welfare');
	await press(app, '1');
	for (let i = 0; i < 5; i++) await press(app, KEYS.tab);
	await waitFor(() => !frame(app).includes('being checked'), 20_000);
	return frame(app);
}

/** From step 6 on: to sign-off, and signs. */
export async function signReview(app: Driven): Promise<void> {
	await press(app, KEYS.ctrlN);
	await until(app, 'step 7 of 7: Sign-off');
	await press(app, KEYS.tab, KEYS.tab, KEYS.enter);
	await until(app, 'Sign the review?');
	await press(app, 'y');
}
