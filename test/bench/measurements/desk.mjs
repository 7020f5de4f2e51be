/**
 * The review desk (issues 4 and 18), each figure against a bare Ink app in production mode (React's
 * production build, as the desk runs), the floor of the method:
 * - opening, in a real terminal (a tmux pane on a private server, lib/tmux.mjs), exactly as a sergeant
 *   starts it: spawn to the loading frame (budget 1.5x the bare app's first frame), to the case rows on
 *   screen (the explorer's rows: 2x at 5,000 cases, 4x at 20,000) and to the first key honoured (j
 *   pressed as the rows show, to the frame where the cursor has moved: 2.5x at 5,000, 4x at 20,000);
 *   the bare app's first frame is all three, and j on it is its first key;
 * - key-press-to-frame in the explorer, in process (ink-testing-library, the desk's root component on
 *   the store's snapshot): budget median under 30 ms at 300 and 5,000 cases, under 50 ms at 20,000;
 * - the same through tmux (30 x j once the desk has settled, each to the frame showing its move):
 *   within 2x the same loop on the bare app at 300 and 5,000 cases.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {CACHE, DIST, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {hasTmux, tmuxSession} from '../lib/tmux.mjs';
import {interleaved, summarise} from '../lib/stats.mjs';

/** The desk's first complete frame (the loading frame) shows both the explorer's and the problems panel's titles. */
export const DESK_READY = /^(?=[\s\S]*CASES)(?=[\s\S]*PROBLEMS)/;
/** The explorer's title counts its rows once they are drawn ("4,123 live cases 1/4,956"); j moves it on. */
const explorerAt = n => new RegExp(`live cases? ${n.toLocaleString('en-GB')}/[\\d,]+`);

const deskArgs = ctx => ['dist/cli.js', '--store', ctx.store.file, '--today', ctx.today];
const bareArgs = () => [fixture('bare-ink.mjs')];
const DESK = {env: {}, frame: DESK_READY, rows: explorerAt(1), moved: explorerAt(2)};
const BARE = {env: {NODE_ENV: 'production'}, frame: /BENCH READY 0/, rows: /BENCH READY 0/, moved: /BENCH READY 1/};

/** The desk is an Ink app once its root component is built (before that, `desk` prints a plain summary). */
export const deskBuilt = () => existsSync(path.join(DIST, 'ui', 'desk', 'desk.js'));

/** One opening in a tmux pane: {loading, rows, firstKey} samples, each timed from the program's start. */
async function openRun(args, {env, frame, rows, moved}) {
	const s = await tmuxSession(args, {env});
	try {
		const a = await s.waitFor(frame);
		const b = await s.waitFor(rows, {from: a.index - 1});
		s.press('j');
		const c = await s.waitFor(moved, {from: b.index});
		const probe = await s.close();
		const cpuMs = probe ? probe.userMs + probe.systemMs : NaN;
		const at = t => ({ms: t - s.started, cpuMs, rssKb: probe?.maxRssKb ?? null});
		return {loading: at(a.t), rows: at(b.t), firstKey: at(c.t)};
	} finally {
		await s.close();
	}
}

/** The three opening figures come from the same sessions: measured once per store, shared by three rows. */
const opened = new Map();
function openFigures(ctx) {
	const key = `${ctx.store.file} ${ctx.runs} ${ctx.smoke}`;
	if (!opened.has(key)) {
		const subject = [];
		const baseline = [];
		const measured = interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			// The time share of all three rows (they run no sessions of their own).
			budgetMs: ctx.budgetMs * 3,
			subject: async () => (subject.push(await openRun(deskArgs(ctx), DESK)), {ms: 0}),
			baseline: async () => (baseline.push(await openRun(bareArgs(), BARE)), {ms: 0}),
		}).then(() => {
			const recorded = list => list.slice(ctx.warmup ? 1 : 0);
			const pick = (list, k) => summarise(recorded(list).map(x => x[k]));
			return Object.fromEntries(['loading', 'rows', 'firstKey'].map(k => [k, {subject: pick(subject, k), baseline: pick(baseline, k)}]));
		});
		opened.set(key, measured);
	}
	return opened.get(key);
}

const inTerminal = {needs: ['desk'], built: () => deskBuilt() && hasTmux(), sizes: [300, 5000, 20_000]};

export const deskStart = {
	...inTerminal,
	id: 'desk-start',
	title: 'desk: loading frame, through tmux',
	baselineTitle: 'bare Ink app (production), first frame',
	issue: 4,
	budget: {ratio: 1.5},
	run: async ctx => (await openFigures(ctx)).loading,
};

export const deskRows = {
	...inTerminal,
	id: 'desk-rows',
	title: 'desk: case rows visible, through tmux',
	baselineTitle: 'bare Ink app (production), first frame',
	issue: 18,
	budget: {ratio: size => (size >= 20_000 ? 4 : 2)},
	bindsAt: [5000, 20_000],
	run: async ctx => (await openFigures(ctx)).rows,
};

export const deskFirstKey = {
	...inTerminal,
	id: 'desk-first-key',
	title: 'desk: first key honoured (j as the rows show), through tmux',
	baselineTitle: 'bare Ink app (production), j on its first frame',
	issue: 18,
	budget: {ratio: size => (size >= 20_000 ? 4 : 2.5)},
	bindsAt: [5000, 20_000],
	run: async ctx => (await openFigures(ctx)).firstKey,
};

export const deskKeys = {
	id: 'desk-keys',
	title: 'explorer key-press-to-frame (j), in process',
	baselineTitle: 'same loop, bare Ink app',
	issue: 4,
	needs: ['desk'],
	built: deskBuilt,
	budget: {maxMs: size => (size >= 20_000 ? 50 : 30)},
	sizes: [300, 5000, 20_000],
	run: ctx => inProcessKeys(ctx, 'explorer'),
};

/** Runs fixtures/keys-worker.mjs in MODE on this store; {subject, baseline} from its presses. */
export async function inProcessKeys(ctx, mode) {
	const count = ctx.smoke ? 3 : 40;
	const dir = mkdtempSync(path.join(CACHE, 'keys-'));
	try {
		const outFile = path.join(dir, 'result.json');
		// React's production build, as the desk runs it (commands/desk.ts); the bare app in the same process too.
		const args = [fixture('keys-worker.mjs'), mode, ctx.store.file, ctx.today, String(count)];
		const run = await runNode(args, {stdoutTo: outFile, env: {NODE_ENV: 'production'}});
		const r = JSON.parse(readFileSync(outFile, 'utf8'));
		const rssKb = run.probe?.maxRssKb ?? r.rssKb;
		return {
			subject: summarise(r.subject.map(ms => ({ms, rssKb}))),
			baseline: summarise(r.bare.map(ms => ({ms}))),
			note: r.caseRef ? `case ${r.caseRef}` : undefined,
		};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/**
 * The desk's Problems panel once the rules have answered ("PROBLEMS  297 problems: ..."). The key loop
 * waits for it: on a loaded machine the rules and the whole chain's read took longer than the second of
 * quiet the loop also waits for, and the keys were timed against them.
 */
const RULES_DONE = /PROBLEMS {2}[\d,]+ problems?:/;

/** Presses j `count` times once the program has settled, each timed to the frame showing its move. */
async function keyLoop(args, {env, frame, settled = frame, at}, count) {
	const s = await tmuxSession(args, {env});
	try {
		const first = await s.waitFor(frame);
		await s.waitFor(settled, {from: first.index - 1});
		// Whatever follows the first frame (the rules, the whole chain) is over before the loop starts.
		await s.settle(1000);
		const times = [];
		for (let i = 1; i <= count; i++) {
			const from = s.chunkCount;
			const t0 = s.press('j');
			const {t} = await s.waitFor(at(i), {from, timeoutMs: 10_000});
			times.push(t - t0);
			await s.settle(40);
		}
		const probe = await s.close();
		return times.map(ms => ({ms, rssKb: probe?.maxRssKb ?? null}));
	} finally {
		await s.close();
	}
}

export const deskKeysTty = {
	...inTerminal,
	id: 'desk-keys-tty',
	title: 'explorer key-press-to-frame (30 x j), through tmux',
	baselineTitle: 'same loop, bare Ink app (production)',
	issue: 18,
	budget: {ratio: 2},
	bindsAt: [300, 5000],
	async run(ctx) {
		const count = ctx.smoke ? 3 : 30;
		const desk = await keyLoop(deskArgs(ctx), {env: {}, frame: explorerAt(1), settled: RULES_DONE, at: i => explorerAt(i + 1)}, count);
		const bare = await keyLoop(bareArgs(), {env: BARE.env, frame: /BENCH READY 0/, at: i => new RegExp(`BENCH READY ${i}\\b`)}, count);
		return {subject: summarise(desk), baseline: summarise(bare)};
	},
};
