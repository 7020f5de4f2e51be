/**
 * Bad input that used to hang or waste a minute (issue 14, item 11): a FIFO or a device as --store, or
 * `import /dev/zero`, waited for ever; `generate --cases 100001` built for 44 s and then failed. Each is
 * now refused at once with a usage error (exit 2) or, for the store, exit 3, in one plain sentence.
 */
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, DEMO_TODAY, ROOT, demoCopy, tempDir} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';
import {withChildCpuMs} from '../helpers/cpu-time.js';

/**
 * The built CLI with a timeout: a hang fails the test instead of stalling the run. 30 s, far above the
 * second or two a refusal takes, so a loaded CI machine does not end a run that was going to answer.
 * `cpuMs`: the CPU time the run used, the work it did, which load does not stretch (cpu-time.ts).
 */
function run(args: string[]): {code: number | null; stdout: string; stderr: string; cpuMs: number} {
	const {result: r, cpuMs} = withChildCpuMs(() =>
		spawnSync(process.execPath, [CLI, ...args], {
			cwd: ROOT,
			env: {...process.env, FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined, NO_COLOR: '1'},
			input: '',
			encoding: 'utf8',
			timeout: 30_000,
		}),
	);
	return {code: r.status, stdout: r.stdout, stderr: r.stderr, cpuMs};
}

function fifo(): string {
	const file = path.join(tempDir('fortnight-fifo-'), 'team.json');
	const made = spawnSync('mkfifo', [file]);
	if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
	return file;
}

describe('files that are not regular files', () => {
	it('refuses a FIFO given as --store at once (exit 3), for reading and for writing commands', () => {
		const file = fifo();
		for (const args of [['verify'], ['problems'], ['absence', 'list']]) {
			const r = run([...args, '--store', file, '--today', DEMO_TODAY]);
			expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
			expect(r.stderr).toBe(
				`fortnight: ${file} is a named pipe (FIFO), not a store file, so it was not read. Point --store at a fortnight .json file.\n`,
			);
		}
	});

	it('refuses a device given as --store (exit 3)', () => {
		const r = run(['verify', '--store', '/dev/zero', '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('/dev/zero is a device, not a store file');
	});

	it('refuses to import /dev/zero or a FIFO (exit 2) and leaves the store alone', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const zero = run(['import', '/dev/zero', '--store', store, '--today', DEMO_TODAY]);
		expect(zero.code).toBe(2);
		expect(zero.stderr).toBe(
			'fortnight: /dev/zero is a device, not a file, so it was not read; name the CSV file itself. Run with --help for usage.\n',
		);
		const pipe = fifo();
		const fromPipe = run(['import', pipe, '--store', store, '--today', DEMO_TODAY]);
		expect(fromPipe.code).toBe(2);
		expect(fromPipe.stderr).toContain(`${pipe} is a named pipe (FIFO), not a file`);
		const csv = path.join(tempDir(), 'export.csv');
		writeFileSync(csv, 'Crime reference\n');
		const map = run(['import', csv, '--map', '/dev/zero', '--store', store, '--today', DEMO_TODAY]);
		expect(map.code).toBe(2);
		expect(map.stderr).toContain('The mapping file /dev/zero is a device, not a file');
		expect(savedBytes(store).equals(before)).toBe(true);
	});
});

describe('generate --cases limit', () => {
	it('refuses more cases than a store can hold and be read back, before doing any work (exit 2)', () => {
		const out = path.join(tempDir(), 'big.json');
		// 50,000 cases can be read back now that the chain has its own file (store README, "The review chain file").
		for (const cases of ['100001', '50001', '200000']) {
			const r = run(['generate', '--cases', cases, '--out', out]);
			expect(r.code).toBe(2);
			expect(r.stderr).toBe('fortnight: --cases must be a whole number from 1 to 50000. Run with --help for usage.\n');
			// Before any work: the CPU time of starting the CLI (well under a second), not of building cases
			// (44 s for 100,001). CPU time, not the wall clock, which a loaded CI machine stretches past any bound.
			expect(r.cpuMs).toBeLessThan(5_000);
		}
	});
});
