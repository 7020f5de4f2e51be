/**
 * QA 9 R15: a welfare file readable by others (a copy made by hand takes the umask's mode) was used without a
 * word. verify says so and how to mend it, naming the file and its mode, never a note; once it is 0600, nothing.
 */
import {chmodSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {DEMO_TODAY, demoCopy, runCli} from '../helpers/cli.js';

describe('verify points out a welfare file others may read', () => {
	it('mode 644: a line naming the file, its mode and chmod 600; the store is still OK; at 600 no such line', () => {
		const {store, welfare} = demoCopy();
		chmodSync(welfare, 0o644);
		const open = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(open.code).toBe(0);
		expect(open.stdout + open.stderr).toContain(
			`${welfare} can be read by others (mode 644), and it holds officers' welfare notes: run "chmod 600 ${welfare}".`,
		);
		expect(open.stdout).toMatch(/^OK: /m);
		chmodSync(welfare, 0o600);
		const closed = runCli(['verify', '--store', store, '--today', DEMO_TODAY]);
		expect(closed.stdout + closed.stderr).not.toContain('can be read by others');
	});
});
