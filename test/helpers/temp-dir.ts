/**
 * Temporary folders for one test file, removed when its tests end (test/setup/remove-temp-dirs.ts, a
 * vitest setup file, so no test has to remember): a full run once left 75 GB of them in /tmp. They are
 * made in the run's own folder (test/setup/run-temp-folder.ts), which goes at the end of the run with
 * whatever else a test left there; removing a file's folders as it ends keeps the run's disk use to what
 * the files running at the time hold.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folders tempDir made in this test file (each test file runs in its own worker: pool forks). */
const made: string[] = [];

/** A new, empty folder, removed with everything in it when the test file's tests end. */
export function tempDir(prefix = 'fortnight-'): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/**
 * Removes every folder tempDir made so far. A folder a process the test started is still writing into
 * (a desk in tmux quitting) may not go at once: it is retried, then left for the end of the run.
 */
export function removeTempDirs(): void {
	for (const dir of made.splice(0)) {
		try {
			rmSync(dir, {recursive: true, force: true, maxRetries: 3});
		} catch {
			// Still being written: the run's folder, and this with it, is removed when the run ends.
		}
	}
}
