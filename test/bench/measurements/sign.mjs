/**
 * Signing a review (issue 5): the durable write on a store of this size vs a bare JSON.stringify + write
 * + fsync of the same data (budget 2x), and (issue 18) vs appending 1 KB with fsync (budget: within 10 ms
 * of it). Timed in process by a worker on a private copy of the store.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {CACHE, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {copyStore} from '../lib/stores.mjs';
import {summarise} from '../lib/stats.mjs';

/** One worker run per store gives both rows (the same saves against two baselines). */
const measured = new Map();
function signFigures(ctx) {
	const key = `${ctx.store.file} ${ctx.runs} ${ctx.smoke}`;
	if (!measured.has(key)) measured.set(key, runWorker(ctx));
	return measured.get(key);
}

async function runWorker(ctx) {
	const dir = mkdtempSync(path.join(CACHE, 'sign-'));
	try {
		const copy = path.join(dir, 'store.json');
		copyStore(ctx.store.file, copy);
		const outFile = path.join(dir, 'result.json');
		const deadline = String(Date.now() + ctx.budgetMs * 2);
		await runNode(['--expose-gc', fixture('sign-worker.mjs'), copy, String(ctx.runs), ctx.warmup ? '1' : '0', ctx.today, deadline], {
			stdoutTo: outFile,
		});
		return JSON.parse(readFileSync(outFile, 'utf8'));
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export const sign = {
	id: 'sign',
	title: 'sign a review: durable write',
	baselineTitle: 'JSON.stringify + write + fsync',
	issue: 5,
	/** Up to 20,000 cases: the 50,000-case store is for the commands that must run on it (issue 18). */
	sizes: [300, 5000, 20_000],
	needs: [],
	budget: {ratio: 2},
	async run(ctx) {
		const r = await signFigures(ctx);
		return {subject: summarise(r.subject), baseline: summarise(r.baseline), note: r.label};
	},
};

export const signAppend = {
	id: 'sign-append',
	title: 'sign a review: durable write',
	baselineTitle: 'append 1 KB + fsync',
	issue: 18,
	sizes: [300, 5000, 20_000],
	needs: [],
	/** Issue 18: the save within 10 ms plus one append with fsync, at 5,000 cases. */
	budget: {overMs: 10},
	async run(ctx) {
		const r = await signFigures(ctx);
		return {subject: summarise(r.subject), baseline: summarise(r.append)};
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
			const args = [
				fixture('sign-worker.mjs'),
				copy,
				String(ctx.runs),
				ctx.warmup ? '1' : '0',
				ctx.today,
				String(Date.now() + ctx.budgetMs),
				'compare',
			];
			const run = await runNode(['--expose-gc', ...args], {stdoutTo: outFile});
			const result = JSON.parse(readFileSync(outFile, 'utf8'));
			return {subject: summarise(result.subject), baseline: summarise(result.baseline), note: result.label, rssKb: run.probe?.maxRssKb};
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};
