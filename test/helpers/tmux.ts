/** A tmux session on its own socket, for driving the built CLI as a person would (send-keys, capture-pane). */
import {execFileSync, spawnSync} from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function tmuxSession(socket: string, session: string) {
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	const screen = () => tmux('capture-pane', '-p', '-t', session);
	/** Polls the screen until `ok` (no fixed sleeps); fails showing the screen it last saw. */
	async function waitForScreen(what: string, ok: (s: string) => boolean, ms = 15_000): Promise<string> {
		const start = Date.now();
		for (;;) {
			const s = screen();
			if (ok(s)) return s;
			if (Date.now() - start > ms) throw new Error(`waited ${ms} ms for ${what}; the screen was:\n${s}`);
			await new Promise(r => setTimeout(r, 40));
		}
	}
	/** Ends the tmux server for this socket (safe when it never started). */
	const kill = () => {
		if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
	};
	return {tmux, screen, waitForScreen, kill};
}
