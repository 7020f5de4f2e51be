/**
 * QA 3 defects 6 and 7 at the command line: a case moved to the team's inspector (nobody above her in the
 * store) is refused, and an officer refused on their own case or welfare is sent to their sergeant at work.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

const run = (store: string, ...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY]);

describe('own work and moves to the inspector (QA 3 defects 6, 7)', () => {
	it('refuses a move to DI Okafor, by the sergeant or by herself, and saves nothing', () => {
		const {store} = demoCopy();
		const before = readFileSync(store);
		for (const as of ['Brennan', 'Okafor']) {
			const r = run(store, 'case', 'reallocate', 'CR/87204/26', '--to', 'Okafor', '--reason', 'x', '--as', as);
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr).toContain('CR/87204/26 cannot be moved to DI Okafor: no one in this store supervises DI Okafor');
		}
		expect(readFileSync(store).equals(before)).toBe(true);
		const whoami = run(store, 'whoami', '--as', 'Okafor');
		expect(whoami.stdout + whoami.stderr).not.toContain('names no inspector');
	});

	it("sends an officer's own case and own welfare to their sergeant, who is at work that day", () => {
		const {store} = demoCopy();
		const move = run(store, 'case', 'reallocate', 'CR/25310/26', '--to', 'Evans', '--reason', 'x', '--as', 'Iqbal');
		expect(move.code).toBe(2);
		expect(move.stderr).toContain(
			'DC Iqbal holds CR/25310/26, so cannot reallocate it: no one supervises their own cases. It goes to DS Brennan.',
		);
		const welfare = run(store, 'welfare', 'record', 'Doyle', '--kind', 'check-in', '--as', 'Doyle');
		expect(welfare.code).toBe(2);
		expect(welfare.stderr).toContain('DC Doyle cannot record their own welfare check-in. It goes to DS Brennan.');
	});
});
