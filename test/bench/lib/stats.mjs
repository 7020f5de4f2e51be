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
	const s = [];
	const b = [];
	let planned = runs;
	const started = performance.now();
	if (warmup) {
		await subject();
		await baseline();
	}
	for (let i = 0; i < planned; i++) {
		if (i % 2 === 0) {
			s.push(await subject());
			b.push(await baseline());
		} else {
			b.push(await baseline());
			s.push(await subject());
		}
		if (i === 0) planned = fitRuns(runs, performance.now() - started, warmup ? 2 : 1, budgetMs);
	}
	return {subject: summarise(s), baseline: summarise(b)};
}

/** How many recorded runs fit in the budget, given that the first one (plus any warm-up: `pairsDone` pairs) took `elapsedMs`. */
export function fitRuns(runs, elapsedMs, pairsDone, budgetMs) {
	const perPair = elapsedMs / pairsDone;
	return Math.max(1, Math.min(runs, 1 + Math.floor((budgetMs - elapsedMs) / perPair)));
}
