/**
 * End to end (README "Settings", "Acting on a problem"): the BUILT desk in a real terminal (tmux on a
 * private socket) with a settings file that moves the review to `v` and the bail record to `B`. The QA
 * pass found a problem's "What to do" still naming `r` and `b` there, keys that no longer did anything;
 * now the detail names `B` and `v`, and they act: `B`, `→` to rui and Enter twice end the lapsed bail of
 * CR/54818/26, and the CLEARED note says so (it used to say who held the case); `v` on CR/88397/26's
 * review-overdue problem opens its review. Every wait polls
 * the screen for what should appear (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CLI, DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-e2e-remapped-ways-${process.pid}-${Date.now()}`;
const {start, keys: send, type, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');

/** The right-hand box of each line (the editor beside the explorer) as one line, to find a sentence however it wrapped. */
const flat = (s: string) =>
	s
		.split('\n')
		.map(l => /[│║]([^│║]*)[│║]\s*$/.exec(l)?.[1]?.trim() ?? '')
		.join(' ')
		.replace(/\s+/g, ' ');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])("a problem's ways with keys remapped in the settings (tmux)", () => {
	let store = '';
	let config = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		store = demoCopy().store;
		config = mkdtempSync(path.join(tmpdir(), 'fortnight-e2e-config-'));
		mkdirSync(path.join(config, 'fortnight'));
		writeFileSync(path.join(config, 'fortnight', 'config.json'), JSON.stringify({keys: {review: ['v'], 'bail-record': ['B']}}));
		start([140, 40], {vars: {PS1: 'e2e-prompt$ ', XDG_CONFIG_HOME: config}});
	});

	afterAll(() => {
		kill();
		rmSync(config, {recursive: true, force: true});
	});

	/** The Problems panel filtered to `filter`, then Enter on its first row: that problem's detail. */
	async function detailOf(filter: string, title: string): Promise<string> {
		send('/');
		send('C-u');
		type(filter);
		send('Enter');
		await waitForFrame(`the panel filtered to ${filter}`, x =>
			new RegExp(`› (CRITICAL|RED|AMBER)\\s+${title.replace(/\//g, '\\/')}`).test(x),
		);
		send('Enter');
		return waitForFrame(`the detail of ${title}`, x => x.includes(`[Problem ${title}]`) && x.includes('WHAT TO DO'));
	}

	it("the detail's What to do names B and v, which act; B then rui ends the bail and the note says so", async () => {
		type(`${process.execPath} ${CLI} --store ${store} --today ${DEMO_TODAY} --as "DS Brennan"`);
		send('Enter');
		await waitForFrame('the desk with its problems', x => x.includes('» CASES') && /PROBLEMS\s+\d+ problems/.test(x));
		send('BTab');
		await waitForFrame('the Problems panel focused', x => x.includes('» PROBLEMS'));

		let s = flat(await detailOf('54818', 'CR/54818/26'));
		expect(s).toContain('B record a bail event');
		expect(s).toContain('B Record how bail ended (charged, RUI, no further action, released)');
		expect(s).toContain('desk: B on the problem, the case, or the palette');
		expect(s).not.toMatch(/ b Record how bail ended|desk: b on/);
		send('B');
		await waitForFrame('the bail form', x => x.includes('RECORD BAIL CR/54818/26'));
		send('Right');
		await waitForFrame('rui chosen', x => /Event\s+extended re-bailed charged \[rui\] nfa released/.test(x));
		send('Enter');
		await waitForFrame('the date field', x => /› On\s+2026-11-30_/.test(x));
		send('Enter');
		s = flat(await waitForFrame('the problem cleared', x => x.includes('CLEARED') && !x.includes('RECORD BAIL')));
		expect(s).toContain('Bail ended: released under investigation on 30 Nov, recorded by DS Brennan.');
		expect(s).not.toContain('is held by');

		send('Tab');
		await waitForFrame('the Problems panel focused again', x => x.includes('» PROBLEMS'));
		s = flat(await detailOf('88397', 'CR/88397/26'));
		expect(s).toContain('v review the case');
		expect(s).toContain('v Review the case and set the plan for the next 14 days (guided review)');
		expect(s).toContain('desk: v on the case, its problem or its row in the explorer');
		expect(s).not.toMatch(/ r Review the case|desk: r on/);
		send('v');
		await waitForFrame('the review of the case', x => x.includes('[Review CR/88397/26]'));
	}, 90_000);
});
