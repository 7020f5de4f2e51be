import {describe, expect, it} from 'vitest';
import {demoCopy, DEMO_TODAY, runCli} from './helpers/cli.js';

describe('command-line flags', () => {
	it('an unknown flag is a usage error in fortnight\'s words (exit 2, one sentence, "Run with --help")', () => {
		const {store} = demoCopy();
		const r = runCli(['problems', '--bogus-flag', '--store', store, '--today', DEMO_TODAY]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe('fortnight: "--bogus-flag" is not an option of "fortnight problems". Run with --help for usage.\n');
		const two = runCli(['log', '--nope=3', '-x', '--store', store]);
		expect(two.code).toBe(2);
		expect(two.stderr).toBe('fortnight: "--nope" and "-x" are not options of "fortnight log". Run with --help for usage.\n');
		const bare = runCli(['--bogus']);
		expect(bare.code).toBe(2);
		expect(bare.stderr).toBe('fortnight: "--bogus" is not an option of "fortnight". Run with --help for usage.\n');
		expect(r.stderr + two.stderr + bare.stderr).not.toMatch(/Unknown flag/);
	});

	it('known flags still work, --no-color included, and --help wins over an unknown flag', () => {
		const {store} = demoCopy();
		expect(runCli(['problems', '--no-color', '--json', '--store', store, '--today', DEMO_TODAY]).code).toBe(0);
		const help = runCli(['problems', '--bogus', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^Usage: fortnight problems/);
	});

	it('"fortnight desk --help" prints the desk\'s own help, "fortnight --help" the global one', () => {
		const desk = runCli(['desk', '--help']);
		expect(desk.code).toBe(0);
		expect(desk.stdout).toMatch(/^Usage: fortnight \[desk\]/);
		expect(desk.stdout).not.toContain('Commands');
		const global = runCli(['--help']);
		expect(global.stdout).toContain('Commands');
		expect(global.stdout).toContain('  desk ');
	});
});
