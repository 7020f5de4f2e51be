/**
 * `npm start` from a fresh clone, in a real terminal (tmux), as a new user meets it (README "Set up"):
 * the first start copies the demo team and the desk itself says so (the line printed before the
 * alternate screen was only seen after quitting); the second start reaches the desk, case rows on
 * screen, in under 2 s (`npm ci` has built it: nothing is compiled again).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cpSync, existsSync, mkdirSync, symlinkSync} from 'node:fs';
import {loadavg} from 'node:os';
import path from 'node:path';
import {CLI, ROOT, tempDir} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-start-${process.pid}-${Date.now()}`;
const {tmux, start: startSession, waitForScreen, kill} = tmuxSession(SOCKET, 'start');
const altScreenOn = () => tmux('display-message', '-p', '-t', 'start', '#{alternate_on}').trim() === '1';
/** A case row of the explorer: the desk is up with its cases, not the loading frame. */
const CASE_ROW = /CR\/\d{5}\/\d{2} (HIGH|MED |LOW ) /;
const BUDGET_MS = 2000;

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
		let s = await waitForScreen('the desk on the first start', x => CASE_ROW.test(x) && x.includes('PROBLEMS'), 120_000);
		expect(altScreenOn()).toBe(true);
		expect(s).toContain('No store yet: copied the demo team to');
		expect(s).toContain('data/store.json.');
		expect(s).toContain('Open your own team');
		expect(existsSync(path.join(clone, 'data', 'store.json'))).toBe(true);
		await quit();

		// The second start: the store is there, the build is current. Timed from Enter to case rows on screen.
		// The machine may be shared (2 cores under other tests), so a slow start is tried again, up to five
		// starts, and the best is held to the budget; every run and the load average are reported.
		const runs: number[] = [];
		while (runs.length === 0 || (runs.length < 5 && Math.min(...runs) >= BUDGET_MS)) {
			tmux('send-keys', '-t', 'start', '-l', 'clear');
			tmux('send-keys', '-t', 'start', 'Enter');
			await waitForScreen('a clear screen', x => x.trim() === 'start-prompt$');
			const t0 = Date.now();
			start();
			s = await waitForScreen('the desk on a later start', x => CASE_ROW.test(x) && x.includes('PROBLEMS'), 30_000);
			runs.push(Date.now() - t0);
			expect(altScreenOn()).toBe(true);
			// Nothing was copied or compiled this time, and the desk says nothing about a first run.
			expect(s).not.toContain('No store yet');
			await quit();
		}
		const after = tmux('capture-pane', '-p', '-t', 'start');
		expect(after).not.toContain('compiling');
		const load = loadavg()[0]!.toFixed(1);
		expect(Math.min(...runs), `npm start to case rows took ${runs.join(', ')} ms (load average ${load})`).toBeLessThan(BUDGET_MS);
	});
});
