/**
 * End to end: the BUILT desk in a real terminal (tmux) leaves no stale line behind, through key presses,
 * the help and palette overlays opening and closing, and resizes (taller, shorter, narrower). Every
 * screen must hold one desk: one explorer title, one Problems title, one status bar, the frame one line
 * shorter than the terminal. Ink's incrementalRendering (only changed lines written) failed exactly this
 * (issue 18: lines of earlier frames stayed on screen, one frame drawn a line below the last), so the
 * desk repaints whole frames; this test holds it to that.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {CLI, runCli, tempDir} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-redraw-${process.pid}-${Date.now()}`;
const {tmux, start, waitForScreen, kill} = tmuxSession(SOCKET, 'desk');
const count = (s: string, re: RegExp) => s.split('\n').filter(l => re.test(l)).length;

/** One desk on screen, `rows` high, the explorer's cursor on row `at`: nothing left of an earlier frame. */
function expectOneDesk(s: string, rows: number, at: number): void {
	const lines = s.replace(/\n$/, '').split('\n');
	expect(lines.length, s).toBe(rows);
	expect(lines[rows - 1] ?? '', s).toBe('');
	expect(lines[0], s).toMatch(/^\s*\S*\s*[╔┌]/);
	expect(count(s, /CASES {2}\d+ live cases/), s).toBe(1);
	expect(s, s).toMatch(new RegExp(`live cases ${at}/\\d+`));
	expect(count(s, /PROBLEMS {2}\d+ problems/), s).toBe(1);
	expect(count(s, /\| \d+ live \w* ?\| due today/), s).toBe(1);
	expect(s, s).not.toMatch(/HELP {2}Esc|COMMAND PALETTE|checking the rules|Reading /);
}

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('the desk redraws whole frames (tmux)', () => {
	let store = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		store = path.join(tempDir('fortnight-redraw-'), 'team.json');
		const r = runCli(['generate', '--cases', '300', '--seed', 'e2e', '--reference-date', TODAY, '--out', store, '--today', TODAY]);
		expect(r.code, r.stderr).toBe(0);
		start([120, 40], {serverFlags: ['-f', '/dev/null'], command: [process.execPath, CLI, '--store', store, '--today', TODAY]});
		tmux('set-option', '-t', 'desk', 'status', 'off');
	});

	afterAll(() => kill());

	// Twenty-odd frames, the first waited for up to 60 s: more than the default test time on a loaded machine.
	it('keys, overlays and resizes leave exactly one desk on screen', {timeout: 180_000}, async () => {
		// A whole frame: the explorer's cursor, the Problems title and the status bar, the last line Ink
		// writes. tmux may show a frame half written (cleared, then drawn top down), so waiting only for
		// the top of it let a capture with no status bar through on a loaded CI machine (stop 29).
		const settled = (at: number) => (s: string) =>
			new RegExp(`live cases ${at}/\\d+`).test(s) && /PROBLEMS {2}\d+ problems/.test(s) && /\| \d+ live \w* ?\| due today/.test(s);
		let s = await waitForScreen('the desk with its problems', settled(1), 60_000);
		expectOneDesk(s, 40, 1);
		for (const at of [2, 3, 4]) {
			tmux('send-keys', '-t', 'desk', '-l', 'j');
			s = await waitForScreen(`the cursor on row ${at}`, settled(at));
		}
		expectOneDesk(s, 40, 4);

		tmux('send-keys', '-t', 'desk', '-l', '?');
		await waitForScreen('the help', x => x.includes('HELP  Esc'));
		tmux('send-keys', '-t', 'desk', 'Escape');
		s = await waitForScreen('the help closed', x => !x.includes('HELP  Esc') && settled(4)(x));
		expectOneDesk(s, 40, 4);

		tmux('send-keys', '-t', 'desk', '-l', ':');
		await waitForScreen('the palette', x => x.includes('COMMAND PALETTE'));
		tmux('send-keys', '-t', 'desk', 'Escape');
		s = await waitForScreen('the palette closed', x => !x.includes('COMMAND PALETTE') && settled(4)(x));
		expectOneDesk(s, 40, 4);

		for (const [columns, rows] of [
			[120, 30],
			[120, 44],
			[100, 36],
			[130, 26],
		] as const) {
			tmux('resize-window', '-t', 'desk', '-x', String(columns), '-y', String(rows));
			s = await waitForScreen(
				`the desk at ${columns}x${rows}`,
				x => settled(4)(x) && x.replace(/\n$/, '').split('\n').length === rows && x.split('\n')[rows - 2]!.includes('| due today'),
			);
			expectOneDesk(s, rows, 4);
			tmux('send-keys', '-t', 'desk', '-l', 'j');
			s = await waitForScreen(`the cursor on row 5 at ${columns}x${rows}`, settled(5));
			expectOneDesk(s, rows, 5);
			tmux('send-keys', '-t', 'desk', '-l', 'k');
			s = await waitForScreen(`the cursor back on row 4 at ${columns}x${rows}`, settled(4));
			expectOneDesk(s, rows, 4);
		}
	});
});
