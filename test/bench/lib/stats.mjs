/** Medians, ratios and the interleaved runner every paired measurement uses. */

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
 * figures are noisy. One unrecorded warm-up of each first fills the page cache.
 */
export async function interleaved({runs, warmup = true, subject, baseline}) {
	if (warmup) {
		await subject();
		await baseline();
	}
	const s = [];
	const b = [];
	for (let i = 0; i < runs; i++) {
		if (i % 2 === 0) {
			s.push(await subject());
			b.push(await baseline());
		} else {
			b.push(await baseline());
			s.push(await subject());
		}
	}
	return {subject: summarise(s), baseline: summarise(b)};
}
