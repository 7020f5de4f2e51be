/**
 * End to end at 80x24: the BUILT CLI in a real terminal (tmux, private socket) on a copy of the demo
 * store with DC Marsh named as cover for DS Brennan's sick leave (QA pass 4's copy b). As the sergeant:
 * the Team view's DS Brennan row says his later absence compactly, never "sick 10 Dec-" (R-i); no
 * "E end it today" on an officer not away (R-b); `d` stays on the row and says whose the queue is (R-a).
 * As DC Iqbal: the Log view's refusal whole in the status bar (R-k) and `R` refused naming who reviews
 * her cases (R-h). Every wait polls the screen (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, demoCopy, runCli, tempDir} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const TODAY = '2026-11-30';
const SOCKET = `fortnight-qa4-team-${process.pid}-${Date.now()}`;
const session = tmuxSession(SOCKET, 'qa4');
const {keys, type: text, waitForFrame} = session;
const joined = (s: string) => s.replace(/[│║]/g, ' ').replace(/\s+/g, ' ');
const see = (t: string) => waitForFrame(JSON.stringify(t), s => joined(s).includes(t));
const lineOf = (s: string, re: RegExp) => s.split('\n').find(l => re.test(l)) ?? '';
const statusBar = (s: string) => s.trimEnd().split('\n').at(-1) ?? '';

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('QA 4 Team view and refusals at 80x24 (tmux)', () => {
	let store = '';
	const config = tempDir('fortnight-qa4-config-');

	beforeAll(() => {
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		store = demoCopy().store;
		const r = runCli(['absence', 'change', 'ab0002', '--cover', 'Marsh', '--store', store, '--today', TODAY]);
		expect(r.code, r.stderr).toBe(0);
		session.start([80, 24], {vars: {XDG_CONFIG_HOME: `${config}`, PS1: 'e2e$ '}});
	});

	afterAll(() => {
		session.kill();
	});

	it('the sergeant: compact later absence, no E without an absence, d stays and says whose the queue is', async () => {
		text(`${process.execPath} ${CLI} --store ${store} --today ${TODAY}`);
		keys('Enter');
		await waitForFrame('the desk with its problems', s => s.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(s));
		keys('2');
		let s = await see('DI Rachel Okafor: no absence recorded');
		const brennan = lineOf(s, /DS Brennan/);
		expect(brennan).toMatch(/10 Dec-04 Feb|from 10 Dec/);
		expect(brennan).not.toMatch(/-\s*║/);
		expect(joined(s)).not.toContain('end it today');
		keys('d');
		s = await see("Escalated triggers are DI Okafor's to decide (2 waiting).");
		expect(lineOf(s, /›/)).toMatch(/DI Okafor|DI Rachel Okafor/);
		expect(joined(s)).not.toContain('d decides it');
		keys('q');
		await session.waitForScreen('the shell prompt', x => x.trimEnd().endsWith('e2e$'));
	}, 120_000);

	it("DC Iqbal: the Log view's refusal whole in the status bar; R says who reviews her cases", async () => {
		text(`${process.execPath} ${CLI} --store ${store} --today ${TODAY} --as Iqbal`);
		keys('Enter');
		await waitForFrame('the desk as DC Iqbal', x => x.includes('» CASES') && x.includes('as DC Iqbal'));
		keys('4');
		let s = await waitForFrame('the Log refusal', x => statusBar(x).includes('Log view:'));
		expect(statusBar(s)).toContain('Log view: only for DS Brennan, their cover or DI Okafor.');
		keys('R');
		s = await waitForFrame('the R refusal', x => statusBar(x).includes('has no review queue'));
		expect(statusBar(s)).toContain('DC Iqbal has no review queue: their reviews go to DS Brennan.');
		expect(s).not.toContain('No reviews are due today or overdue');
		keys('q');
		await session.waitForScreen('the shell prompt', x => x.trimEnd().endsWith('e2e$'));
	}, 120_000);
});
