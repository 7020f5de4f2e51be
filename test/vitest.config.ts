import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

// Every date rule is tested on the calendar sergeants use: UK time, with its clock changes.
process.env.TZ = 'Europe/London';

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		env: {TZ: 'Europe/London', FORCE_COLOR: '0'},
	},
});
