/**
 * QA pass 3, R4: refusals (a permission, a record that does not exist, a text too long) ended "Nothing
 * was saved. Run with --help for usage.", a hint about usage errors. Refusals (RefusalError) now end
 * where their sentence ends; usage errors (bad options, arguments) keep the hint. Both exit 2.
 */
import {describe, expect, it} from 'vitest';
import {demoCopy, DEMO_TODAY, runCli} from '../helpers/cli.js';

const ENV = {FORTNIGHT_NOW: '2026-11-30T09:00:00.000Z'};
const cli = (store: string, ...args: string[]) => runCli(['--store', store, '--today', DEMO_TODAY, ...args], {env: ENV});

describe('refusals carry no --help hint; usage errors do', () => {
	it('a permission refusal, an unknown absence and a reason too long: exit 2, "Nothing was saved." last', () => {
		const {store} = demoCopy();
		const refusals = [
			['bail', 'record', 'CR/92431/22', '--event', 'charged', '--as', 'Marsh'],
			['absence', 'end', 'ab9999'],
			['case', 'reallocate', 'CR/33643/26', '--to', 'Iqbal', '--reason', 'x'.repeat(100_000), '--yes'],
		];
		for (const args of refusals) {
			const r = cli(store, ...args);
			expect(r.code, args.slice(0, 2).join(' ')).toBe(2);
			expect(r.stderr, args.slice(0, 2).join(' ')).toMatch(/Nothing was saved\.\n$/);
			expect(r.stderr).not.toContain('--help');
		}
		expect(cli(store, 'absence', 'end', 'ab9999').stderr).toBe(
			'fortnight: No absence with id "ab9999". "fortnight absence list" shows them. Nothing was saved.\n',
		);
	});

	it('a read refusal (an officer asking for the handover) has no hint either', () => {
		const {store} = demoCopy();
		const r = cli(store, 'handover', '--as', 'Iqbal');
		expect(r.code).toBe(2);
		expect(r.stderr).not.toContain('--help');
	});

	it('a bad option value is a usage error: the hint stays', () => {
		const {store} = demoCopy();
		const r = cli(store, 'bail', 'record', 'CR/92431/22', '--event', 'bogus');
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			'fortnight: --event must be one of extended, re-bailed, charged, rui, nfa, released; got "bogus". Run with --help for usage.\n',
		);
	});
});
