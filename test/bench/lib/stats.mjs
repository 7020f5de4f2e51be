/** Medians, ratios and the interleaved runner every paired measurement uses. */
import {performance} from 'node:perf_hooks';

export function median(values) {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (v.length === 0) return NaN;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Sums samples' figures into {medianMs, medianCpuMs, peakRssKb, runs}. */
export function summarise(samples) {
	return {
		runs: samples.length,
		medianMs: median(samples.map(s => s.ms)),
		medianCpuMs: median(samples.map(s => s.cpuMs ?? NaN)),
		peakRssKb: Math.max(0, ...samples.map(s => s.rssKb ?? 0)) || null,
		samplesMs: samples.map(s => Math.round(s.ms * 10) / 10),
	};
}

/** A spawned run's figures as a sample. */
export function sampleOf(run) {
	return {ms: run.ms, cpuMs: run.probe ? run.probe.userMs + run.probe.systemMs : NaN, rssKb: run.probe?.maxRssKb ?? null};
}

/**
 * Runs subject and baseline alternately (S B, B S, S B ...) so that load from other processes on a
 * shared machine falls on both alike; the ratio of medians is then meaningful even when the absolute
 * figures are noisy. An unrecorded warm-up pair first fills the page cache. The first pair's time also
 * sets how many runs fit in `budgetMs` (at least one, at most `runs`), so the bench keeps to its
 * 10 minutes however busy the machine is.
 */
export async function interleaved({runs, warmup = true, budgetMs = Infinity, subject, baseline}) {
	const [s, b] = await alternate({runs, warmup, budgetMs, arms: [subject, baseline]});
	return {subject: summarise(s), baseline: summarise(b)};
}

/**
 * The alternating run itself, for any number of arms (interleaved above; the in-process workers
 * fixtures/sign-worker.mjs and pg-sign-worker.mjs, which time three arms or two): each round runs the
 * arms in order, the next round in reverse (A B C, C B A, A B C ...), after one unrecorded run of each
 * when `warmup`; the first round's time sets how many rounds fit in `budgetMs`. Returns each arm's
 * samples, in the arms' order.
 */
export async function alternate({runs, warmup = true, budgetMs = Infinity, arms}) {
	const samples = arms.map(() => []);
	const forward = arms.map((_, k) => k);
	const backward = [...forward].reverse();
	let planned = runs;
	const started = performance.now();
	if (warmup) for (const arm of arms) await arm();
	for (let i = 0; i < planned; i++) {
		for (const k of i % 2 === 0 ? forward : backward) samples[k].push(await arms[k]());
		if (i === 0) planned = fitRuns(runs, performance.now() - started, warmup ? 2 : 1, budgetMs);
	}
	return samples;
}

/** How many recorded runs fit in the budget, given that the first one (plus any warm-up: `pairsDone` pairs) took `elapsedMs`. */
export function fitRuns(runs, elapsedMs, pairsDone, budgetMs) {
	const perPair = elapsedMs / pairsDone;
	return Math.max(1, Math.min(runs, 1 + Math.floor((budgetMs - elapsedMs) / perPair)));
}
