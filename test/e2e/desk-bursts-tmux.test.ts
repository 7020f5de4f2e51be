/**
 * End to end, in a real terminal (tmux) at 80x24: keys that arrive in one write (send-keys with several
 * keys, or -l text) are each applied, in the lists, the absence form and the Handover view's fields, as
 * the QA report reproduced them (P2-1). Polls the screen; no fixed sleeps.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, demoCopy, DEMO_TODAY} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';

const SOCKET = `fortnight-bursts-${process.pid}-${Date.now()}`;
const {start, keys: send, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');
const at = (s: string) => Number(/live cases (\d+)\//.exec(s)?.[1]);

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('key bursts in a real terminal (tmux, 80x24)', () => {
	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		const {store} = demoCopy();
		start([80, 24], {command: [process.execPath, CLI, '--store', store, '--today', DEMO_TODAY]});
	});

	afterAll(() => {
		kill();
	});

	it('moves by every key of "jjj", Down Down Down and Tab Tab sent in one write', {timeout: 120_000}, async () => {
		let s = await waitForFrame('the desk', x => x.includes('» CASES') && x.includes('PROBLEMS') && !x.includes('checking'));
		expect(at(s)).toBe(1);
		send('-l', 'jjj');
		s = await waitForFrame('three rows down', x => at(x) === 4);
		send('Down', 'Down', 'Down');
		s = await waitForFrame('three more', x => at(x) === 7);
		send('-l', 'kk');
		s = await waitForFrame('two up', x => at(x) === 5);
		send('Tab', 'Tab');
		s = await waitForFrame('the Problems panel focused', x => x.includes('» PROBLEMS'));
		send('BTab', 'BTab');
		await waitForFrame('back to the explorer', x => x.includes('» CASES'));
	});

	it(
		'the absence form: five backspaces in one write delete five characters; ten then a date give the date',
		{timeout: 120_000},
		async () => {
			send('2');
			await waitForFrame('the Team view', x => x.includes('» TEAM'));
			send('j', 'j', 'a');
			await waitForFrame('the absence form', x => x.includes('First day') && x.includes('Last day'));
			send('Tab');
			send('-l', '2026-11-20');
			await waitForFrame('the typed last day', x => /Last day\s+2026-11-20/.test(x));
			send('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
			await waitForFrame('five characters rubbed out', x => /Last day\s+2026-(?!1)/.test(x) && !x.includes('2026-11-2'));
			send(...Array<string>(10).fill('BSpace'));
			send('-l', '2026-12-10');
			const s = await waitForFrame('the new date', x => /Last day\s+2026-12-10/.test(x));
			expect(s).not.toContain('202026');
			send('Escape');
			await waitForFrame('the discard question', x => /y\b.*discard|Discard/i.test(x));
			send('y');
			await waitForFrame('the form closed', x => x.includes('Nothing recorded.'));
		},
	);

	it('the Handover view: a key, backspaces and a date in one write land in the field, Enter takes it', {timeout: 120_000}, async () => {
		send('3');
		await waitForFrame('the Handover view', x => x.includes('HANDOVER 2026-11-30 to 2026-12-13'));
		send('-l', `t${'\u007f'.repeat(10)}2026-12-24`);
		await waitForFrame('the date typed into the field', x => x.includes('Type the last day: 2026-12-24_'));
		send('Enter');
		const s = await waitForFrame('the new window', x => x.includes('HANDOVER 2026-11-30 to 2026-12-24'));
		expect(s).not.toContain('» TEAM');
		send('q');
	});
});
