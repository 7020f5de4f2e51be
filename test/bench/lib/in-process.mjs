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
import {readFileSync} from 'node:fs';
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

/** Nanoseconds on a CPU and waiting for one, so far, of process `pid`'s main thread (Linux schedstat), or null. */
function scheduled(pid) {
	try {
		const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
		return Number.isFinite(run) && Number.isFinite(wait) ? {run, wait} : null;
	} catch {
		return null;
	}
}

/**
 * `work` timed in wall-clock ms from a collected, quiet process: a sample {ms}. With `processes` (the
 * pids whose work it is, besides this process's main thread: a database connection's server process),
 * also {cpuMs, waitMs, serverCpuMs}: the CPU time those threads used (and of it, the server processes'),
 * and the time they waited for a CPU while `work` ran (Linux /proc/PID/schedstat, in ns), so a figure taken on a loaded machine says how much of it was
 * work and how much waiting for a turn. `processes` is asked again afterwards: when its answer changed
 * (another connection did the work), or a count is missing, both are NaN, never a wrong figure.
 */
export async function timed(work, processes) {
	globalThis.gc?.();
	await quiet();
	const pids = processes ? [process.pid, ...processes()] : [];
	const before = pids.map(scheduled);
	const t0 = performance.now();
	await work();
	const ms = performance.now() - t0;
	if (!processes) return {ms};
	const after = pids.map(scheduled);
	const same = processes().join() === pids.slice(1).join();
	const ok = same && pids.length > 1 && [...before, ...after].every(x => x !== null);
	const sum = (key, from = 0) => (ok ? after.slice(from).reduce((n, x, i) => n + x[key] - before[from + i][key], 0) / 1e6 : NaN);
	return {ms, cpuMs: sum('run'), waitMs: sum('wait'), serverCpuMs: sum('run', 1)};
}
