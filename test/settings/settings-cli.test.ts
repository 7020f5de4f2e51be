/**
 * The settings file from the command line (README "Settings"): its store and identity are used when no
 * option or variable names them, and a bad file is said on stderr without stopping the command.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

function configHome(text: string): string {
	const home = tempDir('fortnight-config-');
	mkdirSync(path.join(home, 'fortnight'));
	writeFileSync(path.join(home, 'fortnight', 'config.json'), text);
	return home;
}

describe('fortnight with a settings file', () => {
	it('uses its store and identity when --store, FORTNIGHT_STORE, --as and FORTNIGHT_USER are absent', () => {
		const {store} = demoCopy();
		const home = configHome(JSON.stringify({store, as: 'DC Marsh'}));
		const r = runCli(['whoami', '--today', DEMO_TODAY], {env: {XDG_CONFIG_HOME: home}});
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/Marsh .*from your settings file/);
		const asGiven = runCli(['whoami', '--today', DEMO_TODAY, '--as', 'DS Brennan'], {env: {XDG_CONFIG_HOME: home}});
		expect(asGiven.stdout).toMatch(/Brennan .*from --as/);
	});

	it('a bad file is said on stderr, and the command runs on the defaults', () => {
		const {store} = demoCopy();
		const home = configHome('{"theme": "neon", "as": "DC Marsh"}');
		const r = runCli(['whoami', '--today', DEMO_TODAY, '--store', store], {env: {XDG_CONFIG_HOME: home}});
		expect(r.code).toBe(0);
		expect(r.stderr).toBe(
			`fortnight: ${path.join(home, 'fortnight', 'config.json')}: theme must be one of "default", "high-contrast"; using the default.\n`,
		);
		expect(r.stdout).toMatch(/Marsh .*from your settings file/);
		const broken = configHome('{not json');
		const b = runCli(['problems', '--today', DEMO_TODAY, '--store', store], {env: {XDG_CONFIG_HOME: broken}});
		expect(b.code).toBe(0);
		expect(b.stderr).toMatch(/config\.json is not valid JSON \(.*\): using the default settings\.\n$/);
	});
});
