/**
 * A node process under a real pseudo-terminal (util-linux `script`, present wherever tmux is), with
 * every byte it prints time-stamped as it arrives. Used for the desk: time to first frame is spawn to
 * the arrival of the chunk that completes the frame's marker text; key-press-to-frame is key written
 * to the last chunk of the frame it causes.
 */
import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import path from 'node:path';
import {CACHE, PROBE_URL, ROOT} from './paths.mjs';
import {readProbe} from './spawn.mjs';

const ANSI = /\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
export const stripAnsi = s => s.replace(ANSI, '');
const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`;
const sleep = ms => new Promise(r => setTimeout(r, ms));
let seq = 0;

/** A sergeant's terminal: colour decided by the TTY as it would be (test runners force it off). */
function terminalEnv(extra) {
	const env = {...process.env, TERM: 'xterm-256color', FORTNIGHT_STORE: '', ...extra};
	// An empty FORTNIGHT_TODAY is a usage error (README "Command line"): unset unless asked for.
	if (!('FORTNIGHT_TODAY' in extra)) delete env.FORTNIGHT_TODAY;
	delete env.NO_COLOR;
	delete env.FORCE_COLOR;
	return env;
}

export function ptySession(nodeArgs, {cols = 120, rows = 40, env = {}} = {}) {
	const probeFile = path.join(CACHE, `probe-pty-${process.pid}-${++seq}.json`);
	const command = `stty cols ${cols} rows ${rows} 2>/dev/null; exec ${[process.execPath, '--import', PROBE_URL, ...nodeArgs].map(quote).join(' ')}`;
	const started = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		cwd: ROOT,
		stdio: ['pipe', 'pipe', 'pipe'],
		detached: true,
		env: terminalEnv({...env, BENCH_PROBE_OUT: probeFile}),
	});
	const chunks = []; // {t, text}
	let text = '';
	let waiter = null;
	let exited = null;
	child.stdout.on('data', d => {
		const t = performance.now();
		const s = d.toString('utf8');
		chunks.push({t, s});
		text += s;
		waiter?.();
	});
	child.stderr.on('data', d => {
		text += d.toString('utf8');
	});
	const exit = new Promise(resolve =>
		child.on('close', code => {
			exited = code;
			waiter?.();
			resolve(code);
		}),
	);

	/** Resolves with the arrival time of the chunk after which the stripped output (from chunk `from`) matches. */
	async function waitFor(pattern, {from = 0, timeoutMs = 60_000} = {}) {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			let acc = '';
			for (let i = from; i < chunks.length; i++) {
				acc += chunks[i].s;
				if (pattern.test(stripAnsi(acc))) return {t: chunks[i].t, index: i + 1};
			}
			if (exited !== null) throw new Error(`exited ${exited} before showing ${pattern}: ${stripAnsi(text).trim().slice(-400)}`);
			if (performance.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms: ${stripAnsi(text).trim().slice(-400)}`);
			await new Promise(r => {
				waiter = r;
				setTimeout(r, 50);
			});
			waiter = null;
		}
	}

	/** Waits until nothing has arrived for `quietMs`; returns the last chunk's arrival time (or null if none came after `from`). */
	async function settle({from = chunks.length, quietMs = 30, timeoutMs = 2000} = {}) {
		const start = performance.now();
		for (;;) {
			const last = chunks.length > from ? chunks[chunks.length - 1].t : null;
			const now = performance.now();
			if (last !== null && now - last >= quietMs) return last;
			if (last === null && now - start >= timeoutMs) return null;
			if (now - start >= timeoutMs * 5) return last;
			await sleep(Math.max(2, quietMs / 3));
		}
	}

	return {
		started,
		get chunkCount() {
			return chunks.length;
		},
		screenText: () => stripAnsi(text),
		waitFor,
		settle,
		write: keys => child.stdin.write(keys),
		/** Ends the session at once (after a failure). */
		kill() {
			if (exited !== null) return;
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already ended
			}
		},
		/** Quits with `q` (so the probe records peak RSS), killing the session if it does not end. */
		async close(quitKeys = 'q', graceMs = 20_000) {
			if (exited === null) {
				child.stdin.write(quitKeys);
				const timer = setTimeout(() => {
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {
						// already ended
					}
				}, graceMs);
				await exit;
				clearTimeout(timer);
			}
			return readProbe(probeFile);
		},
	};
}
