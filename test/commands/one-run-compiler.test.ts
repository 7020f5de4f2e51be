/**
 * The commands that compile less (commands/one-run-compiler.ts) are commands the command line knows, so a
 * renamed command cannot silently lose the setting, and the desk, which runs for hours, is never among them.
 */
import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/commands/index.js';
import {ONE_RUN_COMMANDS, ONE_RUN_INTERRUPT_BUDGET} from '../../source/commands/one-run-compiler.js';

describe('one-run compiler setting', () => {
	it('names only known commands, and never the desk', () => {
		expect(ONE_RUN_COMMANDS.size).toBeGreaterThan(0);
		for (const name of ONE_RUN_COMMANDS) expect(Object.keys(COMMANDS)).toContain(name);
		expect(ONE_RUN_COMMANDS.has('desk')).toBe(false);
	});

	it('raises the budget above V8 defaults (66 KB in Node 20, 132 KB in later releases)', () => {
		expect(ONE_RUN_INTERRUPT_BUDGET).toBeGreaterThan(132 * 1024);
	});
});
