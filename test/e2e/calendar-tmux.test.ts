/**
 * End to end (issue 21 item 11): the built CLI in a real terminal at 80x24 (tmux on a private socket),
 * on a copy of the demo team. View 5, down to DC Ashworth, right to his bail return on Wed 02 Dec, and
 * Enter opens the case. Every wait polls the screen (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, demoCopy} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-calendar-${process.pid}-${Date.now()}`;
const {tmux, start, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'cal');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('the Calendar view in a real terminal (tmux, 80x24)', () => {
	let store = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		store = demoCopy().store;
		start([80, 24], {vars: {PS1: 'cal$ '}});
	});

	afterAll(() => {
		kill();
	});

	it('5 opens the calendar; the arrows reach a bail mark; Enter opens its case', async () => {
		tmux('send-keys', '-t', 'cal', '-l', `${process.execPath} ${CLI} --store ${store} --today ${TODAY}`);
		tmux('send-keys', '-t', 'cal', 'Enter');
		await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('PROBLEMS'));

		tmux('send-keys', '-t', 'cal', '5');
		let s = await waitForFrame('the calendar', x => x.includes('CALENDAR Mo 30 Nov to 13 Dec 2026 (14 days)'));
		expect(s).toContain('>5D');
		expect(s).toMatch(/DS Brennan {3}·/);
		expect(s).toMatch(/stands out +GAP GAP !!! GAP/);

		// Down one officer (DC Ashworth), right two days (Wed 02 Dec): the bail return, critical.
		tmux('send-keys', '-t', 'cal', 'Down');
		s = await waitForFrame('DC Ashworth selected', x => x.includes('DC Ashworth, Mo 30 Nov:'));
		tmux('send-keys', '-t', 'cal', 'Right', 'Right');
		s = await waitForFrame('the bail mark', x => x.includes('DC Ashworth, We 02 Dec: Bail return CR/87204/26'));
		expect(s).toContain('02 Dec stands out: CRITICAL');

		tmux('send-keys', '-t', 'cal', 'Enter');
		s = await waitForFrame('the case tab', x => x.includes('[CR/87204/26]') && x.includes('» EDITOR'));
		expect(s).toContain('Status:');

		tmux('send-keys', '-t', 'cal', 'q');
		await waitForScreen('the shell again', x => x.split('\n').some(l => l.trimEnd() === 'cal$') && !x.includes('» EDITOR'));
	}, 90_000);
});
