import {describe, expect, it} from 'vitest';
import {demoCopy, runCli} from './helpers/cli.js';

describe('command line', () => {
	it('rejects impossible --today dates with exit 2', () => {
		const {store} = demoCopy();
		for (const d of ['2026-02-30', '2025-02-29', '2026-13-01', '31/11/2026', 'tomorrow']) {
			const r = runCli(['verify', '--store', store, '--today', d]);
			expect(r.code, d).toBe(2);
			expect(r.stderr).toContain('--today');
		}
		expect(runCli(['verify', '--store', store, '--today', '2028-02-29']).code).toBe(0);
		// One date syntax everywhere (README, "Command line"): DD/MM/YYYY is taken too.
		expect(runCli(['verify', '--store', store, '--today', '29/02/2028']).code).toBe(0);
	});

	it('rejects a bad FORTNIGHT_TODAY the same way', () => {
		const {store} = demoCopy();
		expect(runCli(['verify', '--store', store], {env: {FORTNIGHT_TODAY: '2026-04-31'}}).code).toBe(2);
	});

	it('has --version, --help and per-command help', () => {
		expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
		expect(runCli(['--help']).stdout).toContain('Commands');
		expect(runCli(['generate', '--help']).stdout).toContain('Usage: fortnight generate');
	});

	it('unknown commands and flags are usage errors', () => {
		expect(runCli(['frobnicate']).code).toBe(2);
		expect(runCli(['verify', '--frob']).code).toBe(2);
	});

	it('a missing --store file is exit 3 naming the file', () => {
		const r = runCli(['verify', '--store', '/nonexistent/team.json']);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('/nonexistent/team.json');
	});

	it('with no TTY the desk prints a hint and the non-interactive commands', () => {
		const {store} = demoCopy();
		const r = runCli(['--store', store, '--today', '2026-11-30']);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('needs an interactive terminal');
		expect(r.stderr).toContain('fortnight problems');
		expect(r.stderr).not.toContain('Raw mode');
	});
});
