import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

// Every date rule is tested on the calendar sergeants use: UK time, with its clock changes.
process.env.TZ = 'Europe/London';

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['test/**/*.test.{ts,tsx}'],
		// A test's time runs out only when it fails or hangs, so it is long: CI is a 2-core machine shared by
		// the whole run (606 s), and at a load average of 16 to 22 here, tests of the in-process desk took up
		// to 24 s against the 30 s this was. Waits inside tests fail sooner with what they saw (the helpers'
		// 20 to 30 s); no retries: a race is fixed where it is (test/helpers/tmux.ts waitForFrame).
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks',
		// Every temporary file of the run goes in one folder of its own (TMPDIR, TMUX_TMPDIR), removed when
		// the run ends, and each test file's tempDir folders go when the file ends: leaked test folders once
		// filled the disk (test/setup/run-temp-folder.ts, remove-temp-dirs.ts).
		globalSetup: ['test/setup/run-temp-folder.ts'],
		setupFiles: ['test/setup/remove-temp-dirs.ts'],
		// CI=false for the test workers: Ink reads CI on import and then holds every frame until exit, which
		// the in-process desk tests (loading frame, alternate screen) cannot observe. The desk command itself
		// clears CI when it has a real terminal (source/commands/desk.ts).
		// FORTNIGHT_CI keeps the real CI value for tests that must not skip in CI (the Chromium ones).
		// XDG_CACHE_HOME: the store's validation receipts (source/store/receipts.ts) go to a folder of the tests'
		// own, not the developer's ~/.cache, shared by runs (os.tmpdir() here is still the system's: the config
		// is read before globalSetup gives the run its own folder). XDG_CONFIG_HOME: no developer's settings file (README "Settings")
		// reaches a test; the settings tests make their own.
		env: {
			TZ: 'Europe/London',
			FORCE_COLOR: '0',
			CI: 'false',
			CONTINUOUS_INTEGRATION: 'false',
			FORTNIGHT_CI: process.env['CI'] ?? '',
			XDG_CACHE_HOME: path.join(os.tmpdir(), 'fortnight-test-cache'),
			XDG_CONFIG_HOME: path.join(os.tmpdir(), 'fortnight-test-config-none'),
		},
	},
});
