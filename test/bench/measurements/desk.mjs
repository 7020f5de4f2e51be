/**
 * The review desk (issue 4):
 * - cold start, under a pseudo-terminal exactly as a sergeant starts it: spawn to the arrival of the
 *   first full frame (both pane titles on screen), against a bare Ink app rendering one line (budget
 *   1.5x); peak RSS of the desk on each store comes from the same runs;
 * - key-press-to-frame in the explorer, in process (ink-testing-library, the desk's root component on
 *   the store's snapshot): budget median under 30 ms at 300 and 5,000 cases, under 50 ms at 20,000;
 * - the same through the terminal (j written to the pty, to the last byte of the frame it causes),
 *   for information: it adds Ink's frame throttle and the terminal write a person also waits for.
 * Each key figure has the same loop on a bare Ink app beside it, the floor of the method.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {CACHE, DIST, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {ptySession} from '../lib/pty.mjs';
import {interleaved, summarise} from '../lib/stats.mjs';

/** The desk's first complete frame shows both the explorer's and the problems panel's titles. */
export const DESK_READY = /^(?=[\s\S]*CASES)(?=[\s\S]*PROBLEMS)/;
const BARE_READY = /BENCH READY/;

const deskArgs = ctx => ['dist/cli.js', '--store', ctx.store.file, '--today', ctx.today];
const bareArgs = () => [fixture('bare-ink.mjs')];

/** The desk is an Ink app once its root component is built (before that, `desk` prints a plain summary). */
export const deskBuilt = () => existsSync(path.join(DIST, 'ui', 'desk', 'desk.js'));

async function coldStart(args, ready) {
	const s = ptySession(args);
	try {
		const {t} = await s.waitFor(ready);
		const ms = t - s.started;
		await s.settle({quietMs: 50});
		const probe = await s.close();
		return {ms, cpuMs: probe ? probe.userMs + probe.systemMs : NaN, rssKb: probe?.maxRssKb ?? null};
	} finally {
		s.kill();
	}
}

/** Presses `key` `count` times, each after the screen has been quiet, timing key to the frame's last byte. */
async function keyLoop(args, ready, {count, key = 'j'}) {
	const s = ptySession(args);
	try {
		return await pressAndTime(s, ready, count, key);
	} finally {
		s.kill();
	}
}

async function pressAndTime(s, ready, count, key) {
	await s.waitFor(ready);
	await s.settle({quietMs: 200});
	const times = [];
	let missed = 0;
	for (let i = 0; i < count; i++) {
		const from = s.chunkCount;
		const t0 = performance.now();
		s.write(key);
		// 40 ms quiet: past Ink's 30 fps throttle, so each press renders on the throttle's leading edge.
		const last = await s.settle({from, quietMs: 40, timeoutMs: 3000});
		if (last === null) missed++;
		else times.push({ms: last - t0});
	}
	const probe = await s.close();
	if (missed > count / 2) throw new Error(`${missed} of ${count} presses of "${key}" drew no frame`);
	return {samples: times.map(x => ({...x, rssKb: probe?.maxRssKb ?? null})), missed};
}

export const deskStart = {
	id: 'desk-start',
	title: 'desk cold start to first frame',
	baselineTitle: 'bare Ink app, one line',
	issue: 4,
	needs: ['desk'],
	built: deskBuilt,
	budget: {ratio: 1.5},
	run: ctx =>
		interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => coldStart(deskArgs(ctx), DESK_READY),
			baseline: () => coldStart(bareArgs(), BARE_READY),
		}),
};

export const deskKeys = {
	id: 'desk-keys',
	title: 'explorer key-press-to-frame (j), in process',
	baselineTitle: 'same loop, bare Ink app',
	issue: 4,
	needs: ['desk'],
	built: deskBuilt,
	budget: {maxMs: size => (size >= 20_000 ? 50 : 30)},
	run: ctx => inProcessKeys(ctx, 'explorer'),
};

/** Runs fixtures/keys-worker.mjs in MODE on this store; {subject, baseline} from its presses. */
export async function inProcessKeys(ctx, mode) {
	const count = ctx.smoke ? 3 : 40;
	const dir = mkdtempSync(path.join(CACHE, 'keys-'));
	try {
		const outFile = path.join(dir, 'result.json');
		const run = await runNode([fixture('keys-worker.mjs'), mode, ctx.store.file, ctx.today, String(count)], {stdoutTo: outFile});
		const r = JSON.parse(readFileSync(outFile, 'utf8'));
		const rssKb = run.probe?.maxRssKb ?? r.rssKb;
		return {subject: summarise(r.subject.map(ms => ({ms, rssKb}))), baseline: summarise(r.bare.map(ms => ({ms}))), note: r.caseRef ? `case ${r.caseRef}` : undefined};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

export const deskKeysTty = {
	id: 'desk-keys-tty',
	title: 'explorer key-press-to-frame (j), through the terminal',
	baselineTitle: 'same loop, bare Ink app',
	issue: 4,
	needs: ['desk'],
	built: deskBuilt,
	budget: {maxMs: size => (size >= 20_000 ? 50 : 30)},
	bindsAt: [],
	/** For information, and the in-process figure covers 20,000: not worth a minute of the ten there. */
	sizes: [300, 5000],
	async run(ctx) {
		const count = ctx.smoke ? 3 : 30;
		const desk = await keyLoop(deskArgs(ctx), DESK_READY, {count});
		const bare = await keyLoop(bareArgs(), BARE_READY, {count});
		return {subject: summarise(desk.samples), baseline: summarise(bare.samples), note: desk.missed ? `${desk.missed} presses drew nothing` : undefined};
	},
};
