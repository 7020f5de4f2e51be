/**
 * End to end: the BUILT CLI in a real terminal (tmux) on a copy of the demo store. A complete guided
 * review of the most overdue case, by keys only (R, then the seven steps, sign), then q; afterwards
 * `fortnight verify` passes and `fortnight problems` no longer lists that case's overdue review.
 * Every wait polls the screen for what should appear (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, demoCopy, runCli} from '../helpers/cli.js';
import {DEMO_REVIEW_REF, demoReviewToSignOff} from '../helpers/demo-review-keys.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const REF = DEMO_REVIEW_REF;
const SOCKET = `fortnight-review-e2e-${process.pid}-${Date.now()}`;
const session = tmuxSession(SOCKET, 'rev');
const {keys, type: text} = session;
// Waits for the desk are for whole frames: the checks after them read more of the screen than they waited for.
const {waitForScreen, waitForFrame} = session;
const see = (t: string) => waitForFrame(JSON.stringify(t), s => s.includes(t));

function overdueRefs(store: string): string[] {
	const r = runCli(['problems', '--json', '--store', store, '--today', TODAY]);
	expect(r.code, r.stderr).toBe(0);
	const out = JSON.parse(r.stdout) as {problems?: {kind: string; subject: {ref?: string}}[]} | {kind: string; subject: {ref?: string}}[];
	const list = Array.isArray(out) ? out : (out.problems ?? []);
	return list.filter(p => p.kind === 'review-overdue').map(p => p.subject.ref ?? '');
}

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('a guided review in a real terminal (tmux)', () => {
	let store = '';

	beforeAll(() => {
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		store = demoCopy().store;
		session.start([140, 45], {vars: {PS1: 'e2e$ '}});
	});

	afterAll(() => {
		session.kill();
	});

	it('reviews the most overdue case by keys only; verify passes; problems no longer lists its overdue review', async () => {
		expect(overdueRefs(store)).toContain(REF);
		text(`${process.execPath} ${CLI} --store ${store} --today ${TODAY}`);
		keys('Enter');
		await waitForFrame('the desk with its problems', s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));

		let s = await demoReviewToSignOff(session);
		expect(s).toContain('Previous actions: 1 done, 1 carried over, 1 dropped (of 3).');
		keys('Tab', 'Tab', 'Enter');
		await see('Sign the review?');
		keys('y');
		s = await see(`Signed: review of ${REF} is entry`);
		expect(s).toContain('n next case in the queue');
		// Back to the desk and quit.
		keys('Escape');
		await waitForFrame('the explorer focused again', x => x.includes('» CASES') && !x.includes('review has the keys'));
		keys('q');
		await waitForScreen('the shell prompt back', x => x.split('\n').some(l => l.trim() === 'e2e$'));

		const verify = runCli(['verify', '--store', store, '--today', TODAY]);
		expect(verify.code, verify.stdout + verify.stderr).toBe(0);
		const after = overdueRefs(store);
		expect(after).not.toContain(REF);
		expect(after.length).toBeGreaterThan(0);
	}, 180_000);
});
