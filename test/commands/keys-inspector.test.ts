/**
 * QA 3 defect 4: once the sergeant has made the store's first key, the inspector's "keys init" writes her
 * public key and says who can enrol it (as for a DC), and the advice everywhere names that path.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli, tempDir} from '../helpers/cli.js';

describe("the inspector's key in a store the sergeant signed first (QA 3 defect 4)", () => {
	it('keys init writes her public key and names the sergeant; once he enrols it she signs', () => {
		const {store} = demoCopy();
		const env = {XDG_CONFIG_HOME: tempDir()};
		const run = (...args: string[]) => runCli([...args, '--store', store, '--today', DEMO_TODAY], {env});
		expect(run('keys', 'init', '--as', 'Brennan').code).toBe(0);
		// Before she has a key, a record as the inspector is refused with the path that works.
		const before = run('welfare', 'record', 'Brennan', '--kind', 'check-in', '--as', 'Okafor');
		expect(before.code).toBe(2);
		expect(before.stderr).toContain('"fortnight keys init --as o0001" makes a key; then ask DS Brennan to enrol it');
		expect(before.stderr).not.toContain('enrols it at once');

		const init = run('keys', 'init', '--as', 'Okafor');
		expect(init.code, init.stderr).toBe(0);
		const pub = path.join(env.XDG_CONFIG_HOME, 'fortnight', 'keys', 'o0001.pub.pem');
		expect(existsSync(pub)).toBe(true);
		expect(init.stdout).toContain(`Your public key is in ${pub}. Ask DS Tom Brennan to enrol it:`);
		expect(run('verify').code).toBe(0);

		const enrol = run('keys', 'enrol', 'o0001', '--public-key', pub, '--as', 'Brennan');
		expect(enrol.code, enrol.stderr).toBe(0);
		const after = run('welfare', 'record', 'Brennan', '--kind', 'check-in', '--as', 'Okafor');
		expect(after.code, after.stderr).toBe(0);
		expect(run('verify').code).toBe(0);

		// Replacing her enrolled key: the new one is enrolled at once, signed with the old.
		const again = run('keys', 'init', '--force', '--as', 'Okafor');
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toContain('It is enrolled');
		const signed = run('welfare', 'record', 'Brennan', '--kind', 'one-to-one', '--as', 'Okafor');
		expect(signed.code, signed.stderr).toBe(0);
		expect(run('verify').code).toBe(0);
	});
});
