/**
 * The guided review (issue 5): key-press-to-frame with a store open, in process (ink-testing-library on
 * the review screen of the first case due with an open action): moving between steps (Enter forward,
 * Esc back) and typing in a note (a reason for carrying an action over). Budget: median under 30 ms at
 * 5,000 cases (and, as for every key, under 50 ms at 20,000).
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {DIST} from '../lib/paths.mjs';
import {inProcessKeys} from './desk.mjs';

const reviewBuilt = () =>
	existsSync(path.join(DIST, 'ui', 'review', 'review-screen.js')) && existsSync(path.join(DIST, 'domain', 'review', 'index.js'));
const budget = {maxMs: size => (size >= 20_000 ? 50 : 30)};

export const reviewSteps = {
	id: 'review-steps',
	title: 'review: moving between steps (Enter / Esc), in process',
	baselineTitle: 'same loop, bare Ink app',
	issue: 5,
	/** Up to 20,000 cases: the 50,000-case store is for the commands that must run on it (issue 18). */
	sizes: [300, 5000, 20_000],
	needs: ['desk'],
	built: reviewBuilt,
	budget,
	run: ctx => inProcessKeys(ctx, 'review-steps'),
};

export const reviewTyping = {
	id: 'review-typing',
	title: 'review: typing in a note, in process',
	baselineTitle: 'same loop, bare Ink app',
	issue: 5,
	/** Up to 20,000 cases: the 50,000-case store is for the commands that must run on it (issue 18). */
	sizes: [300, 5000, 20_000],
	needs: ['desk'],
	built: reviewBuilt,
	budget,
	run: ctx => inProcessKeys(ctx, 'review-typing'),
};
