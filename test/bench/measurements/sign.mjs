/**
 * Signing a review (issue 5): the durable write on a store of this size vs a bare JSON.stringify + write
 * + fsync of the same data (budget 2x). Timed in process by a worker on a private copy of the store.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {CACHE, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {copyStore} from '../lib/stores.mjs';
import {summarise} from '../lib/stats.mjs';

export const sign = {
	id: 'sign',
	title: 'sign a review: durable write',
	baselineTitle: 'JSON.stringify + write + fsync',
	issue: 5,
	needs: [],
	budget: {ratio: 2},
	async run(ctx) {
		const dir = mkdtempSync(path.join(CACHE, 'sign-'));
		try {
			const copy = path.join(dir, 'store.json');
			copyStore(ctx.store.file, copy);
			const outFile = path.join(dir, 'result.json');
			const run = await runNode(['--expose-gc', fixture('sign-worker.mjs'), copy, String(ctx.runs), ctx.warmup ? '1' : '0', ctx.today, String(Date.now() + ctx.budgetMs)], {stdoutTo: outFile});
			const result = JSON.parse(readFileSync(outFile, 'utf8'));
			return {subject: summarise(result.subject), baseline: summarise(result.baseline), note: result.label, rssKb: run.probe?.maxRssKb};
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};

/**
 * Signing with keys (issue 17): the same signing with the sergeant's enrolled Ed25519 key against
 * signing without signatures (as before keys), on two copies of the store, alternating in one worker.
 * Budget 1.2x ("Signing a review at 5,000 cases stays within 1.2x of today's signing time").
 */
export const signKeyed = {
	id: 'sign-keyed',
	title: 'sign a review with an enrolled key',
	baselineTitle: 'the same signing without signatures',
	issue: 17,
	needs: ['keys'],
	budget: {ratio: 1.2},
	async run(ctx) {
		const dir = mkdtempSync(path.join(CACHE, 'sign-keyed-'));
		try {
			const copy = path.join(dir, 'store.json');
			copyStore(ctx.store.file, copy);
			copyStore(ctx.store.file, path.join(dir, 'store.unsigned.json'));
			const outFile = path.join(dir, 'result.json');
			const args = [fixture('sign-worker.mjs'), copy, String(ctx.runs), ctx.warmup ? '1' : '0', ctx.today, String(Date.now() + ctx.budgetMs), 'compare'];
			const run = await runNode(['--expose-gc', ...args], {stdoutTo: outFile});
			const result = JSON.parse(readFileSync(outFile, 'utf8'));
			return {subject: summarise(result.subject), baseline: summarise(result.baseline), note: result.label, rssKb: run.probe?.maxRssKb};
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};
