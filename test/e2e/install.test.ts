/**
 * Installed like a real command-line tool (README, "Install for a team"): the packed tarball installs
 * into a fresh prefix, and `fortnight` runs from it for a user who is not root, with the store in that
 * user's XDG data folder, never inside the package.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, tempDir} from '../helpers/cli.js';

const asRoot = process.getuid?.() === 0;
const RUNUSER = '/usr/sbin/runuser';
const runuser = existsSync(RUNUSER);

describe('npm pack, then npm install -g from the tarball', () => {
	it('runs fortnight --version and problems as a non-root user, the store in XDG_DATA_HOME', {timeout: 240_000}, () => {
		const work = tempDir('fortnight-install-');
		chmodSync(work, 0o755);
		execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {...process.env, npm_config_ignore_scripts: 'true'},
		});
		const tarball = readdirSync(work).find(f => f.endsWith('.tgz'))!;
		expect(tarball).toMatch(/^fortnight-\d+\.\d+\.\d+\.tgz$/);
		const prefix = path.join(work, 'prefix');
		execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', path.join(work, tarball)], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const bin = path.join(prefix, 'bin', 'fortnight');
		expect(existsSync(bin)).toBe(true);
		const home = path.join(work, 'home');
		execFileSync('mkdir', ['-p', home]);
		// A user who is not root: as root, run as "nobody" with a home of its own.
		if (asRoot) execFileSync('chown', ['-R', 'nobody', home]);
		const as = (args: string[]) => {
			const env = {
				PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
				HOME: home,
				XDG_DATA_HOME: path.join(home, 'data'),
				NO_COLOR: '1',
				FORTNIGHT_TODAY: '2026-11-30',
			};
			const argv =
				asRoot && runuser
					? [RUNUSER, '-u', 'nobody', '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), bin, ...args]
					: [bin, ...args];
			return spawnSync(argv[0]!, argv.slice(1), {
				encoding: 'utf8',
				env: asRoot && runuser ? {} : {...process.env, ...env},
				timeout: 60_000,
			});
		};
		const version = as(['--version']);
		expect(version.stderr).toBe('');
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		const problems = as(['problems']);
		expect(problems.stderr).toContain(`copied the demo team to ${path.join(home, 'data', 'fortnight', 'store.json')}`);
		expect(problems.status).toBe(0);
		expect(problems.stdout).toMatch(/^\d+ problems on 30 Nov 2026/);
		// The team's data is in the user's folder, never in the package.
		const installed = path.join(prefix, 'lib', 'node_modules', 'fortnight');
		expect(existsSync(path.join(installed, 'data', 'store.json'))).toBe(false);
		expect(existsSync(path.join(installed, 'data', 'demo.json'))).toBe(true);
		expect(statSync(path.join(home, 'data', 'fortnight', 'store.json')).mode & 0o777).toBe(0o600);
	});
});
