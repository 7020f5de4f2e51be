/**
 * End to end, in a real terminal (tmux): escape sequences pasted (bracketed: `paste-buffer -p`) or sent
 * unbracketed (`send-keys -l`, a terminal that does not mark a paste) into the palette and the review's
 * Summary (QA report items 3 and 5): the desk does not crash (it exited 70 on a colour code), the fields
 * hold the text alone, and the signed summary in the store carries no "]0;PWNED" or "[2J" tail. Ctrl+U
 * empties the palette's query (item 8). Polls the screen; no fixed sleeps.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CLI, demoCopy, DEMO_TODAY} from '../helpers/cli.js';
import {DEMO_REVIEW_REF, demoReviewToSignOff} from '../helpers/demo-review-keys.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const REF = DEMO_REVIEW_REF;
const SOCKET = `fortnight-escape-${process.pid}-${Date.now()}`;
const session = tmuxSession(SOCKET, 'desk');
const {tmux, kill, keys, type: text} = session;
/** `t` on a whole desk frame (the checks after a wait read more of the screen than `t`). */
const see = (t: string | RegExp) => session.waitForFrame(String(t), s => (typeof t === 'string' ? s.includes(t) : t.test(s)));
const HOSTILE = 'a\u001b[0mb\u001b[2J\u001b]0;PWNED\u0007c\u001b]52;c;SGVsbG8=\u0007d';

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('escape sequences in a real terminal (tmux)', () => {
	let dir = '';
	let store = '';

	/** Pastes `t` as the terminal does a bracketed paste. */
	const paste = (t: string) => {
		const file = path.join(dir, 'paste.txt');
		writeFileSync(file, t);
		tmux('load-buffer', '-b', 'p', file);
		tmux('paste-buffer', '-p', '-d', '-b', 'p', '-t', 'desk');
	};

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		const copy = demoCopy();
		dir = copy.dir;
		store = copy.store;
		const run = `'${process.execPath}' '${CLI}' --store '${store}' --today ${DEMO_TODAY} --debug; echo "EXIT=$?"; sleep 120`;
		session.start([140, 45], {command: ['sh', '-c', run]});
	});

	afterAll(() => {
		kill();
	});

	it('the palette and the Summary keep the text alone; the signed summary has no tail; no crash', async () => {
		await session.waitForFrame('the desk', s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
		keys(':');
		await see('COMMAND PALETTE');
		paste(HOSTILE);
		await see(/[║│]: abcd_/);
		keys('C-u');
		await see(/[║│]: _ /);
		text(HOSTILE);
		await see(/[║│]: abcd_/);
		keys('C-u');
		await see(/[║│]: _ /);
		keys('Escape');
		await session.waitForFrame('the palette closed', s => !s.includes('COMMAND PALETTE'));

		await demoReviewToSignOff(session);
		keys('Tab');
		await see(/› Summary/);
		paste('Line one \u001b[2J\u001b]0;PWNED\u0007two');
		text(' three\u001b]52;c;SGVsbG8=\u0007 four');
		const s = await see('Line one two three four');
		expect(s).not.toMatch(/PWNED|\[2J|52;c/);
		keys('Tab', 'Enter');
		await see('Sign the review?');
		keys('y');
		await see(`Signed: review of ${REF} is entry`);
		keys('Escape');
		await session.waitForFrame('the explorer focused again', x => x.includes('» CASES') && !x.includes('review has the keys'));
		keys('q');
		// The shell's line after the desk, not a desk frame.
		await session.waitForScreen('EXIT=0', s => s.includes('EXIT=0'));

		// The store and its journal (team.journal.jsonl), where the signed review is.
		const saved = readdirSync(dir)
			.filter(f => /^team\.(json|journal\.jsonl)$/.test(f))
			.map(f => readFileSync(path.join(dir, f), 'utf8'))
			.join('\n');
		expect(saved).toContain('Line one two three four');
		expect(saved).not.toMatch(/PWNED|SGVsbG8|\\u001b|\[2J/);
	}, 180_000);
});
