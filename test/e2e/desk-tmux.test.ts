/**
 * End to end: the BUILT CLI in a real terminal (tmux), on a generated 300-case store. Presses the keys a
 * sergeant would, reads the screen with capture-pane after each, and checks the shell's screen comes
 * back after q. Every wait polls the screen for what should appear (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {CLI, runCli, tempDir} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';
import type {StoreData} from '../../source/domain/model.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-e2e-${process.pid}-${Date.now()}`;
const {tmux, start, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');
const altScreenOn = () => tmux('display-message', '-p', '-t', 'desk', '#{alternate_on}').trim() === '1';

// On a developer machine without tmux this skips; under .ci/run (which installs tmux and sets
// FORTNIGHT_REQUIRE_TMUX) a missing tmux fails.
describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('the desk in a real terminal (tmux)', () => {
	let store = '';
	let data: StoreData;

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		const dir = tempDir('fortnight-e2e-');
		store = path.join(dir, 'team.json');
		const r = runCli(['generate', '--cases', '300', '--seed', 'e2e', '--reference-date', TODAY, '--out', store, '--today', TODAY]);
		expect(r.code, r.stderr).toBe(0);
		data = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		start([120, 36], {vars: {PS1: 'e2e-prompt$ '}});
	});

	afterAll(() => {
		kill();
	});

	it('opens, moves, opens a case, finds another with the palette, shows help, quits and restores the screen', async () => {
		tmux('send-keys', '-t', 'desk', '-l', 'echo BEFORE-THE-DESK');
		tmux('send-keys', '-t', 'desk', 'Enter');
		await waitForScreen('the marker', s => /^BEFORE-THE-DESK$/m.test(s));
		tmux('send-keys', '-t', 'desk', '-l', `${process.execPath} ${CLI} --store ${store} --today ${TODAY}`);
		tmux('send-keys', '-t', 'desk', 'Enter');

		// First frame: explorer, problems panel, status bar with the store's counts.
		const live = data.cases.filter(c => !['closed'].includes(c.status));
		const dueToday = live.filter(c => c.nextReviewDue === TODAY).length;
		const overdue = live.filter(c => c.nextReviewDue < TODAY).length;
		let s = await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('PROBLEMS'));
		expect(altScreenOn()).toBe(true);
		expect(s).not.toContain('BEFORE-THE-DESK');
		expect(s).toContain(`${live.length} live cases | due today ${dueToday} | overdue ${overdue}`);
		expect(s).toMatch(/› ▾ \w+ .+: \d+ cases?, /);
		const lines = s.replace(/\n$/, '').split('\n');
		expect(lines.length).toBe(36);
		// The frame is one line shorter than the terminal: the last line is blank.
		expect(lines[35] ?? '').toBe('');

		// j: onto the first case.
		tmux('send-keys', '-t', 'desk', 'j');
		s = await waitForFrame('the cursor on a case', x => /›\s+CR\/\d+\/\d+ /.test(x));
		const firstRef = /›\s+(CR\/\d+\/\d+) /.exec(s)![1]!;
		expect(s).toMatch(/›\s+CR\/\d+\/\d+ (HIGH|MED |LOW ) (OVERDUE \d+d|DUE TODAY|due \d+d)/);

		// Enter: the case opens in a tab with its read view.
		tmux('send-keys', '-t', 'desk', 'Enter');
		s = await waitForFrame('the case tab', x => x.includes(`[${firstRef}]`) && x.includes('Status:'));
		expect(s).toContain('» EDITOR');
		expect(s).toContain('Next review:');
		expect(s).toContain('PROBLEMS (');

		// : then a case reference from another officer, Enter: that case opens as a second tab.
		const other = data.cases.filter(c => c.status !== 'closed').at(-1)!;
		tmux('send-keys', '-t', 'desk', ':');
		s = await waitForFrame('the palette', x => x.includes('COMMAND PALETTE'));
		tmux('send-keys', '-t', 'desk', '-l', other.ref);
		s = await waitForFrame(
			'the reference in the palette',
			x => x.includes(`: ${other.ref}_`) && new RegExp(`›\\s+${other.ref.replaceAll('/', '\\/')}`).test(x),
		);
		tmux('send-keys', '-t', 'desk', 'Enter');
		s = await waitForFrame('the second case', x => x.includes(`[${other.ref}]`) && !x.includes('COMMAND PALETTE'));
		expect(s).toContain('2 of 2 tabs');
		expect(s).toContain(other.ref);

		// ?: help, generated from the keymap.
		tmux('send-keys', '-t', 'desk', '?');
		s = await waitForFrame('help', x => x.includes('HELP') && x.includes('generated from the keymap'));
		expect(s).toContain('command palette: every command and case reference');

		// q: the desk ends and the shell's screen is back as it was.
		tmux('send-keys', '-t', 'desk', 'q');
		s = await waitForScreen(
			'the shell again',
			x => x.includes('BEFORE-THE-DESK') && x.split('\n').some(l => l.trimEnd() === 'e2e-prompt$'),
		);
		expect(altScreenOn()).toBe(false);
		expect(s).not.toContain('COMMAND PALETTE');
		expect(s).not.toContain('» CASES');
		// The shell is usable: the desk exited with status 0.
		tmux('send-keys', '-t', 'desk', '-l', 'echo "exit=$?"');
		tmux('send-keys', '-t', 'desk', 'Enter');
		await waitForScreen('the exit status', x => x.includes('exit=0'));
	}, 90_000);

	it('restores the screen on Ctrl+C too', async () => {
		tmux('send-keys', '-t', 'desk', '-l', 'clear; echo BEFORE-CTRL-C');
		tmux('send-keys', '-t', 'desk', 'Enter');
		await waitForScreen('the marker', x => /^BEFORE-CTRL-C$/m.test(x));
		tmux('send-keys', '-t', 'desk', '-l', `${process.execPath} ${CLI} --store ${store} --today ${TODAY}`);
		tmux('send-keys', '-t', 'desk', 'Enter');
		await waitForFrame('the desk', x => x.includes('» CASES'));
		expect(altScreenOn()).toBe(true);
		tmux('send-keys', '-t', 'desk', 'C-c');
		const s = await waitForScreen('the shell again', x => x.includes('BEFORE-CTRL-C') && !x.includes('» CASES'));
		expect(altScreenOn()).toBe(false);
		expect(s).toContain('BEFORE-CTRL-C');
	}, 60_000);
});
