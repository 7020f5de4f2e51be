/**
 * End to end, in a real terminal (tmux): a three-line paste into the guided review's "Next review" field
 * (a one-line date) stays in that field and never reaches "Summary" (the desk turns on bracketed paste;
 * `paste-buffer -p` sends the paste marked as one). Polls the screen; no fixed sleeps.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CLI, demoCopy, DEMO_TODAY} from '../helpers/cli.js';
import {demoReviewToSignOff} from '../helpers/demo-review-keys.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-paste-${process.pid}-${Date.now()}`;
const session = tmuxSession(SOCKET, 'desk');
const {tmux, kill, keys} = session;
/** `t` on a whole desk frame (the checks after a wait read more of the screen than `t`). */
const see = (t: string) => session.waitForFrame(JSON.stringify(t), s => s.includes(t));

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('a paste in a real terminal (tmux)', () => {
	let dir = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		const copy = demoCopy();
		dir = copy.dir;
		session.start([140, 45], {command: [process.execPath, CLI, '--store', copy.store, '--today', DEMO_TODAY]});
	});

	afterAll(() => {
		kill();
	});

	it('a three-line paste into "Next review" keeps its first line there and does not reach "Summary"', async () => {
		await session.waitForFrame('the desk', s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
		await demoReviewToSignOff(session);

		const file = path.join(dir, 'paste.txt');
		writeFileSync(file, '07/12/2026\nWelfare: tired, sleeping badly\nsays he is coping\n');
		tmux('load-buffer', '-b', 'three', file);
		tmux('paste-buffer', '-p', '-d', '-b', 'three', '-t', 'desk');
		const s = await see('Pasted the first line only');
		expect(s).toContain('07/12/2026');
		expect(s).not.toContain('sleeping badly');
		expect(s).not.toContain('coping');
		expect(s).not.toContain('Sign the review?');
		// The summary is still empty: Tab to it and it shows no pasted text.
		keys('Tab');
		const summary = await session.waitForFrame('the summary focused', x => /› Summary/.test(x));
		expect(summary).not.toContain('sleeping badly');
		keys('Escape');
	}, 120_000);
});
