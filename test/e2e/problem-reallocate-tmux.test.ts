/**
 * End to end (README "Acting on a problem"): the BUILT desk in a real terminal (tmux on a private
 * socket) on a copy of the demo. Enter on the critical no-cover bail problem (DC Ashworth off sick, bail
 * due 02 Dec: "Assign an officer to the case today") opens its detail; m there opens the reallocation
 * form; the case goes to DC Marsh, and the problem leaves the Problems panel. Every wait polls the
 * screen for what should appear (no fixed sleeps).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync} from 'node:fs';
import {CLI, DEMO_TODAY, demoCopy} from '../helpers/cli.js';
import {hasTmux, tmuxSession} from '../helpers/tmux.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {savedText} from '../helpers/saved-store.js';

const SOCKET = `fortnight-e2e-problem-${process.pid}-${Date.now()}`;
const {start, keys: send, type, waitForScreen, waitForFrame, kill} = tmuxSession(SOCKET, 'desk');

describe.skipIf(!hasTmux && !process.env['FORTNIGHT_REQUIRE_TMUX'])('acting on a problem in a real terminal (tmux)', () => {
	let store = '';

	beforeAll(() => {
		expect(hasTmux, 'tmux is needed for the end-to-end tests: apt-get install tmux').toBe(true);
		expect(existsSync(CLI), 'build first: npx tsc -p .').toBe(true);
		store = demoCopy().store;
		start([120, 36], {vars: {PS1: 'e2e-prompt$ '}});
	});

	afterAll(() => {
		kill();
	});

	it('Enter on the critical no-cover bail problem, reallocate the case from its detail, and the problem leaves the panel', async () => {
		type(`${process.execPath} ${CLI} --store ${store} --today ${DEMO_TODAY}`);
		send('Enter');
		let s = await waitForFrame('the desk with its problems', x => x.includes('» CASES') && /PROBLEMS\s+\d+ problems: 4 critical/.test(x));
		expect(s).toMatch(/CRITICAL CR\/87204\/26\s+Bail return 02 Dec: 2 days/);

		// Problems panel, filtered to the case: the critical bail problem is the first row.
		send('BTab');
		await waitForFrame('the Problems panel focused', x => x.includes('» PROBLEMS'));
		send('/');
		type('87204');
		send('Enter');
		s = await waitForFrame('the filtered panel', x => /› CRITICAL CR\/87204\/26/.test(x) && x.includes('(/ edits, Esc clears)'));

		// Enter: the problem's detail in the editor area, with what to do and the keys.
		send('Enter');
		s = await waitForFrame('the detail', x => x.includes('[Problem CR/87204/26]') && x.includes('WHAT TO DO'));
		expect(s).toContain('CRITICAL Bail due, OIC away');
		expect(s).toContain('Keys: m reallocate the case');
		expect(s).toMatch(/Assign an officer to the case today to deal with the/);

		// m: the reallocation form, each officer with their workload after the move.
		send('m');
		s = await waitForFrame('the form', x => x.includes('REALLOCATE CR/87204/26') && x.includes('now -> after the move'));
		expect(s).toMatch(/DC Helen Marsh\s+8 cases\s+80% -> 85%/);
		type('marsh');
		await waitForFrame('the choice narrowed', x => x.includes('Officer    marsh_') && /» DC Helen Marsh/.test(x));
		send('Enter');
		await waitForFrame('the date field', x => x.includes('› First day  2026-11-30_'));
		send('Enter');
		await waitForFrame('the reason field', x => x.includes('› Reason'));
		type('OIC on sick leave; bail due 02 Dec');
		send('Enter');

		// Saved: the detail says it cleared and the problem has left the panel.
		// The store's new snapshot, the write's answer and the rules' new count reach the screen in separate
		// frames (the rules run on their own thread): wait for all three, then check each.
		s = await waitForFrame(
			'the problem gone',
			x =>
				x.includes('CLEARED') &&
				!x.includes('REALLOCATE CR/87204/26') &&
				x.includes('Reallocated CR/87204/26') &&
				/PROBLEMS\s+\d+ problems: 3 critical/.test(x),
		);
		expect(s).toContain('[Problem CR/87204/26]');
		expect(s).not.toMatch(/CRITICAL CR\/87204\/26/);
		expect(s).toMatch(/Reallocated CR\/87204\/26 from DC Sam Ashworth to DC Helen Marsh from 30 Nov/);
		// The bail date still needs DC Marsh (RED: 2 days), but nobody-has-it is gone: 3 critical, not 4.
		expect(s).toMatch(/PROBLEMS\s+\d+ problems: 3 critical/);
		expect(s).toMatch(/RED\s+CR\/87204\/26\s+Bail return 02 Dec: 2 days/);

		send('q');
		await waitForScreen('the shell again', x => !x.includes('» CASES') && x.split('\n').some(l => l.trimEnd() === 'e2e-prompt$'));
		const saved = loadStoreText(savedText(store), store).data.cases.find(c => c.ref === 'CR/87204/26')!;
		expect(saved.oicId).toBe('o0006');
		expect(saved.allocations.at(-1)).toMatchObject({
			officerId: 'o0006',
			from: DEMO_TODAY,
			by: 'o0002',
			reason: 'OIC on sick leave; bail due 02 Dec',
		});
	}, 90_000);
});
