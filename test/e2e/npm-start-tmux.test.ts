/**
 * `npm start` from a fresh clone, in a real terminal (tmux), as a new user meets it (README "Set up"):
 * the first start copies the demo team and the desk itself says so (the line printed before the
 * alternate screen was only seen after quitting); the second start reaches the desk, case rows on
 * screen, in under 2 s (`npm ci` has built it: nothing is compiled again). The 2 s is held as the work
 * the start does (CPU time), which a loaded machine does not change, and as the wall clock only when the
 * machine is idle enough for a wall-clock figure to mean it (see BUDGET_MS).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cpSync, existsSync, mkdirSync, symlinkSync} from 'node:fs';
import {availableParallelism, loadavg} from 'node:os';
import path from 'node:path';
import {CLI, ROOT, tempDir} from '../helpers/cli.js';
import {cpuMsBelow} from '../helpers/cpu-time.js';
import {paneText, squeeze} from '../helpers/pane-text.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-start-${process.pid}-${Date.now()}`;
const {tmux, start: startSession, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'start');
const altScreenOn = () => tmux('display-message', '-p', '-t', 'start', '#{alternate_on}').trim() === '1';
/** A case row of the explorer: the desk is up with its cases, not the loading frame. */
const CASE_ROW = /CR\/\d{5}\/\d{2} (HIGH|MED |LOW ) /;
/**
 * README "Set up": case rows on screen in under 2 s on the second start. Held as CPU time (user and
 * system, of npm and every process it starts, up to the case rows): the work of a start, which a shared
 * CI machine does not stretch. The wall clock did: at a load average of 10 on 2 cores, five starts in a
 * row could all take over 2 s with nothing wrong. A start that compiles again (tsc, 10 s
 * and more of CPU) or does more work than it should fails on CPU time however loaded the machine. The
 * wall clock is held to the same 2 s only when the machine is idle (1-minute load average under half its
 * cores), where it measures the start and not the machine; a start that sits idle (a timeout, a sleep)
 * would fail there.
 */
const BUDGET_MS = 2000;
const idle = () => loadavg()[0]! < availableParallelism() / 2;

/**
 * The clone as `npm ci` leaves it: sources, the build (timestamps kept, so scripts/start.mjs sees it is
 * current), the demo, and the installed node_modules (linked); no data/store.json yet.
 */
function freshClone(): string {
	const dir = tempDir('fortnight-clone-');
	mkdirSync(path.join(dir, '.git'));
	for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts', 'source', 'dist']) {
		cpSync(path.join(ROOT, name), path.join(dir, name), {recursive: true, preserveTimestamps: true});
	}
	mkdirSync(path.join(dir, 'data'));
	for (const name of ['demo.json', 'demo.welfare.json']) cpSync(path.join(ROOT, 'data', name), path.join(dir, 'data', name));
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('npm start from a fresh clone (tmux)', () => {
	let clone = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		clone = freshClone();
		const home = tempDir('fortnight-home-');
		// PATH: node's own folder and the system's, nothing from the test's environment.
		const vars = {
			PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
			HOME: home,
			PS1: 'start-prompt$ ',
			FORTNIGHT_TODAY: TODAY,
			npm_config_update_notifier: 'false',
			npm_config_fund: 'false',
		};
		startSession([120, 36], {vars, cwd: clone});
	});

	afterAll(() => {
		kill();
	});

	const start = () => {
		tmux('send-keys', '-t', 'start', '-l', 'clear; npm start');
		tmux('send-keys', '-t', 'start', 'Enter');
	};
	const quit = async () => {
		tmux('send-keys', '-t', 'start', 'q');
		// The shell's prompt back, not just the screen: keys typed while npm is still exiting are lost.
		await waitForScreen('the shell after q', x => !altScreenOn() && /start-prompt\$$/.test(x.trimEnd()));
	};

	it('shows the first-run notice inside the desk, then starts in under 2 s the second time', {timeout: 180_000}, async () => {
		start();
		// A first start that had to compile (a source newer than the build) may take a minute.
		let s = await waitForFrame('the desk on the first start', x => CASE_ROW.test(x) && x.includes('PROBLEMS'), 120_000);
		expect(altScreenOn()).toBe(true);
		// The notice names the store it made in full, wrapped in the editor pane as the clone's path makes it.
		expect(paneText(s)).toContain(squeeze(`No store yet: copied the demo team to ${path.join(clone, 'data', 'store.json')}.`));
		expect(s).toContain('Open your own team');
		expect(existsSync(path.join(clone, 'data', 'store.json'))).toBe(true);
		await quit();

		// The second start: the store is there, the build is current. From Enter to case rows on screen: the
		// CPU time of the shell's children (npm, its shell, node) and the wall clock. Three starts, the best of
		// each held to the budget (the first may read files the disk cache no longer holds); every run and the
		// load average are reported.
		const shell = Number(tmux('display-message', '-p', '-t', 'start', '#{pane_pid}').trim());
		const runs: {wallMs: number; cpuMs: number}[] = [];
		while (runs.length < 3) {
			tmux('send-keys', '-t', 'start', '-l', 'clear');
			tmux('send-keys', '-t', 'start', 'Enter');
			await waitForScreen('a clear screen', x => x.trim() === 'start-prompt$');
			const t0 = Date.now();
			start();
			s = await waitForFrame('the desk on a later start', x => CASE_ROW.test(x) && x.includes('PROBLEMS'));
			runs.push({wallMs: Date.now() - t0, cpuMs: cpuMsBelow(shell)});
			expect(altScreenOn()).toBe(true);
			// Nothing was copied or compiled this time, and the desk says nothing about a first run.
			expect(s).not.toContain('No store yet');
			await quit();
		}
		const after = tmux('capture-pane', '-p', '-t', 'start');
		expect(after).not.toContain('compiling');
		const said = `npm start to case rows: ${runs.map(r => `${r.wallMs} ms (CPU ${r.cpuMs} ms)`).join(', ')}; load average ${loadavg()[0]!.toFixed(1)}`;
		expect(Math.min(...runs.map(r => r.cpuMs)), said).toBeLessThan(BUDGET_MS);
		if (idle()) expect(Math.min(...runs.map(r => r.wallMs)), said).toBeLessThan(BUDGET_MS);
		// On a busy machine the wall clock is still held, scaled by how many runnable processes share each
		// core: CPU time alone would pass a start that sits waiting (a sleep, a lock, a connection timeout),
		// which uses none (a review of this test found that gap).
		const share = Math.max(1, loadavg()[0]! / availableParallelism());
		expect(Math.min(...runs.map(r => r.wallMs)), said).toBeLessThan(BUDGET_MS * share + 3000);
	});
});
