/**
 * Spawns one node process the way a person would run it and times it from spawn to exit (wall clock),
 * with peak RSS and CPU time from the preloaded probe. stdout goes to a file, so a command that prints
 * 20 MB is timed writing it, and the harness can check it printed something.
 */
import {spawn} from 'node:child_process';
import {closeSync, openSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {CACHE, PROBE_URL, ROOT} from './paths.mjs';

let seq = 0;

/**
 * Runs `node [--import probe] ...args`; resolves {ms, code, outBytes, stderr, probe}.
 * Throws when the process fails, with its stderr, so a broken command is an error, not a fast figure.
 */
export async function runNode(args, {env = {}, timeoutMs = 300_000, expectOutput = false, stdoutTo = null} = {}) {
	const id = `${process.pid}-${++seq}`;
	const outFile = stdoutTo ?? path.join(CACHE, `out-${id}.tmp`);
	const probeFile = path.join(CACHE, `probe-${id}.json`);
	const fd = openSync(outFile, 'w');
	const start = performance.now();
	let stderr = '';
	const code = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', PROBE_URL, ...args], {
			cwd: ROOT,
			stdio: ['ignore', fd, 'pipe'],
			env: {...process.env, NO_COLOR: '1', FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined, ...env, BENCH_PROBE_OUT: probeFile},
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.stderr.on('data', d => {
			if (stderr.length < 4000) stderr += d;
		});
		child.on('error', reject);
		child.on('close', c => {
			clearTimeout(timer);
			resolve(c);
		});
	});
	const ms = performance.now() - start;
	closeSync(fd);
	const outBytes = statSync(outFile).size;
	if (!stdoutTo) rmSync(outFile, {force: true});
	const probe = readProbe(probeFile);
	if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim().slice(0, 400)}`);
	if (expectOutput && outBytes === 0) throw new Error(`node ${args.join(' ')} printed nothing`);
	return {ms, code, outBytes, stderr, probe};
}

export function readProbe(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	} finally {
		rmSync(file, {force: true});
	}
}
