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
		await runNode(['--expose-gc', fixture('sign-worker.mjs'), copy, String(ctx.runs), ctx.warmup ? '1' : '0', ctx.today, deadline], {stdoutTo: outFile});
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
