import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../source/commands/index.js';
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

	it("an option given twice is a usage error naming it (exit 2), for --today, --store and every command's own value options", async () => {
		const {store} = demoCopy();
		const today = runCli(['problems', '--store', store, '--today', DEMO_TODAY, `--today=${DEMO_TODAY}`]);
		expect(today.code).toBe(2);
		expect(today.stderr).toBe('fortnight: "--today" was given more than once; give it once. Run with --help for usage.\n');
		const storeTwice = runCli(['verify', '--store', store, '--store', store]);
		expect(storeTwice.code).toBe(2);
		expect(storeTwice.stderr).toContain('"--store" was given more than once');
		for (const [name, load] of Object.entries(COMMANDS)) {
			const command = await load();
			for (const [flag, spec] of Object.entries(command.flags)) {
				if (spec.type === 'boolean' || spec.isMultiple) continue;
				const typed = `--${flag.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
				const value = spec.type === 'number' ? '1' : 'x';
				const r = runCli([name, typed, value, typed, value, '--store', store, '--today', DEMO_TODAY]);
				expect(r.code, `${name} ${typed} twice: ${r.stderr}`).toBe(2);
				expect(r.stderr).toBe(`fortnight: "${typed}" was given more than once; give it once. Run with --help for usage.\n`);
			}
		}
	}, 60_000);
});
