/** QA 3 R19: an empty option value is a usage error naming the option, never taken as "not given". */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

describe('empty option values (QA 3 R19)', () => {
	it('--as "" and --as "   " are refused (exit 2), and nothing is recorded as the demo sergeant', () => {
		const {store} = demoCopy();
		const before = readFileSync(store);
		for (const as of ['', '   ']) {
			const r = runCli(['welfare', 'record', 'Iqbal', '--kind', 'check-in', '--as', as, '--store', store, '--today', DEMO_TODAY]);
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('--as is empty: name the officer at the keyboard');
		}
		expect(readFileSync(store).equals(before)).toBe(true);
	});

	it('--today "", FORTNIGHT_TODAY="" and --store "" are refused, never the machine date or the working folder', () => {
		const {store} = demoCopy();
		const flag = runCli(['problems', '--store', store, '--today', '']);
		expect(flag.code).toBe(2);
		expect(flag.stderr).toContain('--today is empty: give a real date as YYYY-MM-DD or DD/MM/YYYY, or leave it out.');
		const env = runCli(['problems', '--store', store], {env: {FORTNIGHT_TODAY: ''}});
		expect(env.code).toBe(2);
		expect(env.stderr).toContain('FORTNIGHT_TODAY is empty');
		const storeFlag = runCli(['problems', '--store', '', '--today', DEMO_TODAY]);
		expect(storeFlag.code).toBe(2);
		expect(storeFlag.stderr).toContain('--store is empty');
		// Given, FORTNIGHT_TODAY works as before; --today wins over it.
		expect(runCli(['problems', '--store', store], {env: {FORTNIGHT_TODAY: DEMO_TODAY}}).code).toBe(0);
	});
});
