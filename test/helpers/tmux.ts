/** A tmux session on its own socket, for driving the built CLI as a person would (send-keys, capture-pane). */
import {execFileSync, spawnSync} from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A window's size in cells: width then height. */
export type WindowSize = readonly [number, number];

/** What a plain terminal gives the desk and nothing of the test's own environment: `env -i` with PATH, an xterm, no colour, and `vars`. */
export function cleanEnv(vars: Record<string, string> = {}): string[] {
	const set = {PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', NO_COLOR: '1', ...vars};
	return ['env', '-i', ...Object.entries(set).map(([k, v]) => `${k}=${v}`)];
}

/** A shell with no start-up files, so its prompt (PS1 in `cleanEnv`'s vars) is the only thing it draws. */
export const CLEAN_BASH = ['bash', '--norc', '--noprofile'];

/**
 * Whether a capture holds a whole desk frame, not one tmux was part way through drawing. The desk's frame
 * is one line shorter than the terminal and ends with a line that is never blank (the status bar; the
 * loading frame's store line): source/ui/desk/desk.tsx, loading-frame.tsx. Ink replaces a frame in one
 * write, the old frame erased from the bottom up and the new one written top down (incrementalRendering
 * off: source/ui/run-desk.tsx), and a capture can land inside that write (CI, stop 29: the top of a new
 * frame with no status bar). While the write is under way the frame's last line is blank; once it is
 * drawn, every line above it is too. So: the terminal's last row blank, the row above it not.
 */
export function frameDrawn(screen: string): boolean {
	const rows = screen.replace(/\n$/, '').split('\n');
	return rows.length >= 2 && rows.at(-1)!.trim() === '' && rows.at(-2)!.trim() !== '';
}

/** How long a wait polls before failing: long, since only a failing wait runs it out (CI is a loaded machine). */
export const WAIT_MS = 30_000;

export function tmuxSession(socket: string, session: string) {
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	const screen = () => tmux('capture-pane', '-p', '-t', session);
	/**
	 * Starts the session, detached, at `size`, running `command` (a clean bash unless given) in `cleanEnv(vars)`.
	 * `serverFlags` go before new-session (e.g. `-f /dev/null`: no tmux configuration read); `cwd` is its folder.
	 */
	function start(size: WindowSize, opts: {vars?: Record<string, string>; command?: string[]; cwd?: string; serverFlags?: string[]} = {}) {
		const where = opts.cwd ? ['-c', opts.cwd] : [];
		const [width, height] = size;
		tmux(
			...(opts.serverFlags ?? []),
			'new-session',
			'-d',
			'-s',
			session,
			'-x',
			String(width),
			'-y',
			String(height),
			...where,
			...cleanEnv(opts.vars),
			...(opts.command ?? CLEAN_BASH),
		);
	}
	/** Keys by tmux's names (Enter, BTab, C-c) or several at once. */
	const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
	/** Text typed as it is (send-keys -l: nothing read as a key name). */
	const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);
	/** Polls the screen until `ok` (no fixed sleeps); fails showing the screen it last saw. */
	async function waitForScreen(what: string, ok: (s: string) => boolean, ms = WAIT_MS): Promise<string> {
		const start = Date.now();
		for (;;) {
			const s = screen();
			if (ok(s)) return s;
			if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}; the screen was:\n${s}`);
			await new Promise(r => setTimeout(r, 40));
		}
	}
	/**
	 * Polls until the desk shows a whole frame (`frameDrawn`) for which `ok` holds: for waits after which
	 * the test reads more of the screen than `ok` looked at. The shell's screen is not a desk frame: wait
	 * for it with waitForScreen.
	 */
	const waitForFrame = (what: string, ok: (s: string) => boolean, ms = WAIT_MS): Promise<string> =>
		waitForScreen(`${what} (a whole frame)`, s => frameDrawn(s) && ok(s), ms);
	/** Ends the tmux server for this socket (safe when it never started). */
	const kill = () => {
		if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
	};
	return {tmux, screen, start, keys, type, waitForScreen, waitForFrame, kill};
}
