/**
 * QA 3 R14: a settings file's "as" that names nobody is said and passed over (README "Who you are") on the
 * demo's working copy as on any store: never silently, and never hidden behind the demo's sergeant.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

const NOTE = 'fortnight: Your settings file\'s "as" ("Nobody Here") is not an officer in this store; it is not used.';

describe('a settings "as" that names nobody (QA 3 R14)', () => {
	it('on the demo copy it is said by whoami and by a record made as the demo sergeant, once', () => {
		const {store} = demoCopy();
		const home = tempDir('fortnight-config-');
		mkdirSync(path.join(home, 'fortnight'));
		writeFileSync(path.join(home, 'fortnight', 'config.json'), JSON.stringify({as: 'Nobody Here'}));
		const env = {XDG_CONFIG_HOME: home};
		const who = runCli(['whoami', '--store', store, '--today', DEMO_TODAY], {env});
		expect(who.code).toBe(0);
		expect(who.stderr).toBe(`${NOTE}\n`);
		expect(who.stdout).toContain("You are DS Tom Brennan (o0002), the demo team's sergeant");
		const rec = runCli(['welfare', 'record', 'Iqbal', '--kind', 'check-in', '--store', store, '--today', DEMO_TODAY], {env});
		expect(rec.code, rec.stderr).toBe(0);
		expect(rec.stderr.split(NOTE).length - 1).toBe(1);
		// --as wins, and then the settings are not consulted at all.
		expect(runCli(['whoami', '--as', 'Okafor', '--store', store, '--today', DEMO_TODAY], {env}).stderr).toBe('');
	});
});
