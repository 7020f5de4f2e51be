/**
 * End to end: `fortnight --screen-reader` in a real terminal (tmux): the flag reaches Ink, which then
 * writes the desk as text in reading order (README "Screen readers"): the views line, each pane's title
 * with its focus in words, the selected row, and no border drawn. A key moves the selection, said again.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-sr-${process.pid}-${Date.now()}`;
const {tmux, start, waitForScreen, kill} = tmuxSession(SOCKET, 'sr');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('--screen-reader in a real terminal (tmux)', () => {
	let store = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		store = demoCopy().store;
		// Wide: Ink wraps the text at the window's width, and a long problem wrapped onto two lines pushes
		// the views line off the top of a narrower window (README "Screen readers" says so).
		start([320, 40], {vars: {PS1: 'e2e-prompt$ '}});
	});

	afterAll(() => {
		kill();
	});

	it('draws the desk as text with focus and selection in words, and the selection follows a key', async () => {
		await waitForScreen('the shell prompt', s => s.includes('e2e-prompt$'));
		tmux('send-keys', '-t', 'sr', '-l', `${process.execPath} ${CLI} --screen-reader --store ${store} --today ${DEMO_TODAY}`);
		tmux('send-keys', '-t', 'sr', 'Enter');
		let s = await waitForScreen(
			'the desk as text',
			x => x.includes('Views: 1 Cases (current)') && x.includes('PROBLEMS, 59 problems'),
			30_000,
		);
		expect(s).toMatch(/^CASES, 60 live cases .*\(focused\)$/m);
		expect(s).toContain('(selected) DC Sam Ashworth: 10 cases');
		expect(s).not.toMatch(/[┌┐└┘│─╔╗╚╝║═]/);
		tmux('send-keys', '-t', 'sr', 'j');
		s = await waitForScreen('the selection moved', x => x.includes('(selected) CR/64148/26'));
		expect(s).not.toContain('(selected) DC Sam Ashworth');
		tmux('send-keys', '-t', 'sr', 'q');
		await waitForScreen('the shell again', x => !x.includes('Views: 1 Cases') && x.includes('e2e-prompt$'));
	}, 60_000);
});
