/**
 * A node process in a real terminal: a tmux pane on a private server (`tmux -L`, its own socket, no
 * user configuration), as a sergeant's terminal emulator would run it. Everything the pane's program
 * writes is streamed out of tmux (`pipe-pane`) into a FIFO the bench reads, each chunk time-stamped as
 * it arrives; keys go in with `tmux send-keys`, as a person's do. The program waits on a start FIFO
 * until the output pipe is in place, so the clock starts when the bench lets it run (not when tmux has
 * got round to starting a shell) and no byte of its first frame is missed.
 */
import {execFileSync} from 'node:child_process';
import {closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {CACHE, PROBE_URL, ROOT} from './paths.mjs';
import {readProbe} from './spawn.mjs';
import {stripAnsi} from './pty.mjs';

const quote = s => `'${String(s).replace(/'/g, `'\\''`)}'`;
const sleep = ms => new Promise(r => setTimeout(r, ms));
let seq = 0;

/** True when tmux is on this machine (the bench's terminal measurements need it). */
export function hasTmux() {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts `node [--import probe] ...nodeArgs` in a `cols` x `rows` tmux pane. `env` is added to a
 * terminal's environment (colour decided by the terminal, as for a person).
 */
export async function tmuxSession(nodeArgs, {cols = 120, rows = 40, env = {}} = {}) {
	const dir = mkdtempSync(path.join(CACHE, 'tmux-'));
	const socket = `fortnight-bench-${process.pid}-${++seq}`;
	const out = path.join(dir, 'out.fifo');
	const start = path.join(dir, 'start.fifo');
	const probeFile = path.join(dir, 'probe.json');
	execFileSync('mkfifo', [out, start]);
	const vars = {TERM: 'tmux-256color', FORTNIGHT_STORE: '', ...env, BENCH_PROBE_OUT: probeFile};
	const unset = ['NO_COLOR', 'FORCE_COLOR', 'CI', ...('FORTNIGHT_TODAY' in env ? [] : ['FORTNIGHT_TODAY'])].map(v => `-u ${v}`).join(' ');
	const envArgs = Object.entries(vars)
		.map(([k, v]) => quote(`${k}=${v}`))
		.join(' ');
	const program = [process.execPath, '--import', PROBE_URL, ...nodeArgs].map(quote).join(' ');
	const command = `cd ${quote(ROOT)} && read _ < ${quote(start)} && exec env ${unset} ${envArgs} ${program}`;
	const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'bench', '-x', String(cols), '-y', String(rows), command);
	tmux('set-option', '-t', 'bench', 'status', 'off');
	const chunks = [];
	let text = '';
	let waiter = null;
	let ended = false;
	let finished = false;
	const reader = createReadStream(out);
	reader.on('data', d => {
		const t = performance.now();
		const s = d.toString('utf8');
		chunks.push({t, s});
		text += s;
		waiter?.();
	});
	const closed = new Promise(resolve =>
		reader.on('close', () => {
			ended = true;
			waiter?.();
			resolve();
		}),
	);
	tmux('pipe-pane', '-t', 'bench', '-o', `cat >> ${quote(out)}`);
	// The clock starts as the program is let go: from here to its frames is what a person waits for.
	const fd = openSync(start, 'w');
	const started = performance.now();
	writeSync(fd, 'go\n');
	closeSync(fd);

	const killServer = () => {
		try {
			tmux('kill-server');
		} catch {
			// already gone (the program exited and the server with it)
		}
	};

	/** Resolves with the arrival time of the chunk after which the stripped output (from chunk `from`) matches. */
	async function waitFor(pattern, {from = 0, timeoutMs = 120_000} = {}) {
		const deadline = performance.now() + timeoutMs;
		let acc = '';
		let i = from;
		for (;;) {
			for (; i < chunks.length; i++) {
				acc += chunks[i].s;
				if (pattern.test(stripAnsi(acc))) return {t: chunks[i].t, index: i + 1};
			}
			if (ended) throw new Error(`the program ended before showing ${pattern}: ${stripAnsi(text).trim().slice(-400)}`);
			if (performance.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms: ${stripAnsi(text).trim().slice(-400)}`);
			await new Promise(r => {
				waiter = r;
				setTimeout(r, 50);
			});
			waiter = null;
		}
	}

	/** Waits until nothing has arrived for `quietMs`. */
	async function settle(quietMs) {
		for (;;) {
			const last = chunks.at(-1)?.t ?? started;
			if (performance.now() - last >= quietMs) return;
			await sleep(Math.max(5, quietMs / 4));
		}
	}

	return {
		started,
		get chunkCount() {
			return chunks.length;
		},
		waitFor,
		settle,
		/** Types `key` as a person would (tmux send-keys, a literal key); returns the time just before. */
		press(key) {
			const t = performance.now();
			tmux('send-keys', '-t', 'bench', '-l', key);
			return t;
		},
		/** Quits with `q` (so the probe records CPU and peak RSS), ending the server if the program does not. */
		async close(quitKey = 'q', graceMs = 20_000) {
			if (finished) return null;
			finished = true;
			try {
				if (!ended) {
					try {
						tmux('send-keys', '-t', 'bench', '-l', quitKey);
					} catch {
						// the pane is gone already
					}
					await Promise.race([closed, sleep(graceMs)]);
				}
				return readProbe(probeFile);
			} finally {
				killServer();
				reader.destroy();
				rmSync(dir, {recursive: true, force: true});
			}
		},
	};
}
