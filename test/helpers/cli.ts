/** Runs the built CLI (dist/cli.js) as a person would, with a fixed --today unless told otherwise. */
import {spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {tempDir} from './temp-dir.js';

export {tempDir};

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const DEMO = path.join(ROOT, 'data', 'demo.json');
export const DEMO_TODAY = '2026-11-30';

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; input?: string; cwd?: string} = {}): RunResult {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd ?? ROOT,
		env: {...process.env, FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined, FORTNIGHT_USER: '', NO_COLOR: '1', ...options.env},
		input: options.input ?? '',
		encoding: 'utf8',
		timeout: 60_000,
	});
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

/** A private copy of the demo store (and its welfare file) in a fresh temp folder, removed when the test file ends (tempDir). */
export function demoCopy(): {dir: string; store: string; welfare: string} {
	const dir = tempDir();
	const store = path.join(dir, 'team.json');
	copyFileSync(DEMO, store);
	copyFileSync(path.join(ROOT, 'data', 'demo.welfare.json'), path.join(dir, 'team.welfare.json'));
	// As fortnight writes it (README "Welfare notes"): a checkout's copy has the umask's mode, which verify points out.
	chmodSync(path.join(dir, 'team.welfare.json'), 0o600);
	return {dir, store, welfare: path.join(dir, 'team.welfare.json')};
}
