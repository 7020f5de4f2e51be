/**
 * CPU time of processes a test started, from Linux /proc (CI runs Debian): the work a command did, which
 * a loaded machine does not stretch as it stretches the wall clock.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';

let tick: number | undefined;
/** One clock tick in ms (/proc counts CPU time in ticks). */
const tickMs = () => (tick ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'})));

/** The fields of /proc/PID/stat after the command's name (in brackets, may hold spaces): [0] is the state, [1] the parent. */
function statFields(pid: string): string[] | null {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	} catch {
		return null; // exited while the table was read
	}
}

/** Ticks of CPU time in stat's fields: utime, stime (a process's own), cutime, cstime (its waited-for children's). */
const ticks = (f: string[], fields: number[]) => fields.reduce((sum, n) => sum + Number(f[n - 3]), 0);
const OWN_AND_CHILDREN = [14, 15, 16, 17];
const CHILDREN = [16, 17];

/**
 * CPU time in ms (user and system) of every process below `pid`, not `pid` itself, with the children they
 * have waited for: the work a command started from a shell has done so far.
 */
export function cpuMsBelow(pid: number): number {
	const table = new Map<string, string[]>();
	for (const p of readdirSync('/proc').filter(n => /^\d+$/.test(n))) {
		const f = statFields(p);
		if (f) table.set(p, f);
	}
	const below = (p: string): boolean => {
		const parent = table.get(p)?.[1];
		return parent === String(pid) || (parent !== undefined && parent !== '0' && below(parent));
	};
	return [...table].filter(([p]) => below(p)).reduce((sum, [, f]) => sum + ticks(f, OWN_AND_CHILDREN), 0) * tickMs();
}

/**
 * `run` (which starts a process and waits for it, as spawnSync does) and the CPU time in ms that process
 * and its children used: this process's waited-for children's time (cutime, cstime) before and after.
 * Nothing else may end a child of this process meanwhile (spawnSync blocks it).
 */
export function withChildCpuMs<T>(run: () => T): {result: T; cpuMs: number} {
	const children = () => ticks(statFields('self')!, CHILDREN);
	const before = children();
	const result = run();
	return {result, cpuMs: (children() - before) * tickMs()};
}
