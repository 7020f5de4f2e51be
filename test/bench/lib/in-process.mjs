/**
 * One in-process timing, as the signing workers take it (fixtures/sign-worker.mjs, pg-sign-worker.mjs;
 * run with --expose-gc): garbage collected first, then the process left to go quiet, then the timer.
 *
 * Going quiet matters for the subject: just before it the worker does what happens before the sergeant
 * presses sign (signing.mjs: the review context, every rule over the team, some 90 ms of work at 5,000
 * cases), and even after a full gc() V8's helper threads go on sweeping that garbage for some
 * milliseconds. On a machine of two cores that work ran inside the timed signing, taking a core from it
 * and from the database server it waits on (measured: 4 ms of CPU in the 8 ms after gc(), 0.2 ms a
 * moment later). At a desk the review context was worked out when the review opened, seconds or minutes
 * before signing, so its garbage is long gone; every arm gets the same wait, so no arm is favoured.
 */
import {performance} from 'node:perf_hooks';

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Waits (at most about `limitMs`) until this process uses under a tenth of a core between two looks
 * 5 ms apart: the main thread is waiting here, so what it uses is its helper threads' (GC) work.
 */
export async function quiet(limitMs = 250) {
	const until = performance.now() + limitMs;
	while (performance.now() < until) {
		const before = process.cpuUsage();
		const t0 = performance.now();
		await pause(5);
		const used = process.cpuUsage(before);
		if ((used.user + used.system) / 1000 < (performance.now() - t0) / 10) return;
	}
}

/** `work` timed in wall-clock ms from a collected, quiet process: a sample {ms}. */
export async function timed(work) {
	globalThis.gc?.();
	await quiet();
	const t0 = performance.now();
	await work();
	return {ms: performance.now() - t0};
}
