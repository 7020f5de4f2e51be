/**
 * The tmux helpers' whole-frame wait (test/helpers/tmux.ts frameDrawn, waitForFrame), in a real terminal:
 * a "frame" written in two parts, as tmux shows one of the desk's frames that a capture caught part way
 * through its write (CI, stop 29: the top of the frame drawn, its status bar not yet). waitForScreen takes
 * the top half; waitForFrame waits for the last line.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {tempDir} from '../helpers/cli.js';
import {frameDrawn, hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-frame-${process.pid}-${Date.now()}`;
const {start, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'frame');

describe('frameDrawn', () => {
	it('is true for a frame one line shorter than the terminal, its last line drawn', () => {
		expect(frameDrawn('top\nmiddle\n| status\n\n')).toBe(true);
	});
	it('is false while the frame is written top down (its last line still blank), and on a blank screen', () => {
		expect(frameDrawn('top\nmiddle\n\n\n')).toBe(false);
		expect(frameDrawn('\n\n\n\n')).toBe(false);
	});
	it('is false while the old frame is erased from the bottom up', () => {
		expect(frameDrawn('old top\nold middle\n\n\n')).toBe(false);
	});
});

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('waitForFrame in a real terminal (tmux)', () => {
	afterAll(() => kill());

	it('waits past a frame written in part until its last line is drawn', async () => {
		const go = path.join(tempDir('fortnight-frame-'), 'go');
		// Five lines in a terminal six high: the top two, then (once told) the rest, the last without a newline.
		const script = `printf 'top\\nmiddle\\n'; while [ ! -e '${go}' ]; do sleep 0.05; done; printf 'three\\nfour\\n| status'; sleep 60`;
		start([40, 6], {serverFlags: ['-f', '/dev/null'], command: ['sh', '-c', script]});
		const half = await waitForScreen('the top half', s => s.includes('middle'));
		expect(frameDrawn(half), half).toBe(false);
		writeFileSync(go, '');
		const whole = await waitForFrame('the whole frame', s => s.includes('top'));
		expect(whole).toContain('| status');
		expect(whole).toContain('four');
	});
});
