/**
 * Running the commands from the clone (README, "Running the other commands from the clone"): `npm start --
 * CMD` runs this package's CLI, never one from the registry, and `npm link` puts this package's
 * `fortnight` on the PATH. Both are checked against the built CLI's own output on the same store.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, ROOT, demoCopy, runCli, tempDir} from '../helpers/cli.js';

// npm must not reach the registry here: offline, and no update check.
const NPM_ENV = {...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1'};

describe('the commands from the clone', () => {
	it('npm start -- problems --json prints what the built CLI prints for the same store', {timeout: 120_000}, () => {
		const {store} = demoCopy();
		const args = ['problems', '--json', '--store', store, '--today', DEMO_TODAY];
		const direct = runCli(args);
		expect(direct.code).toBe(0);
		const viaNpm = spawnSync('npm', ['start', '--silent', '--', ...args], {cwd: ROOT, encoding: 'utf8', env: NPM_ENV, timeout: 90_000});
		expect(viaNpm.status).toBe(0);
		expect(viaNpm.stdout).toBe(direct.stdout);
	});

	it("npm link puts this package's fortnight on the PATH (a private prefix, not the machine's)", {timeout: 120_000}, () => {
		const prefix = tempDir('fortnight-link-');
		// npm_config_prefix is the global folder `npm link` writes to (`--prefix` would mean a project there).
		const env = {...NPM_ENV, npm_config_prefix: prefix, npm_config_ignore_scripts: 'true'};
		execFileSync('npm', ['link', '--no-audit', '--no-fund'], {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env});
		const bin = path.join(prefix, 'bin', 'fortnight');
		expect(existsSync(bin)).toBe(true);
		// The link is to this clone's CLI, not a copy and not a registry package.
		expect(realpathSync(bin)).toBe(realpathSync(path.join(ROOT, 'dist', 'cli.js')));
		const {store} = demoCopy();
		const r = spawnSync(bin, ['handover', '--store', store, '--today', DEMO_TODAY, '--cover', 'DC Marsh'], {
			encoding: 'utf8',
			env: {...process.env, NO_COLOR: '1'},
			timeout: 60_000,
		});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(runCli(['handover', '--store', store, '--today', DEMO_TODAY, '--cover', 'DC Marsh']).stdout);
	});
});
