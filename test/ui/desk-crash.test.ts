/**
 * The desk's crash report (source/ui/desk-crash.ts): the message as the command line gives it, and with
 * --debug the stack trace (QA report item 12: the desk printed the message alone even with --debug).
 */
import {describe, expect, it} from 'vitest';
import {crashReport, deskCrashHandler} from '../../source/ui/desk-crash.js';

function crash(debug: boolean): Promise<{out: string; code: number; leftFirst: boolean}> {
	return new Promise(resolve => {
		let out = '';
		let left = false;
		let leftFirst = false;
		const handler = deskCrashHandler({
			debug,
			stderr: {write: (s: string) => ((leftFirst = left), (out += s), true)} as never,
			leave: () => (left = true),
			exit: code => resolve({out, code, leftFirst}),
		});
		const err = new TypeError("Cannot read properties of undefined (reading 'startsWith')");
		handler(err);
		// A second error while the first is reported is not reported again.
		handler(new Error('second'));
	});
}

describe('a crash in the desk', () => {
	it('with --debug: the message, then the stack trace, after the terminal is given back; exit 70', async () => {
		const {out, code, leftFirst} = await crash(true);
		expect(code).toBe(70);
		expect(leftFirst).toBe(true);
		expect(out).toMatch(/^fortnight: unexpected error: Cannot read properties of undefined \(reading 'startsWith'\)\n/);
		expect(out).toContain('TypeError: Cannot read');
		expect(out).toMatch(/\n\s+at .*desk-crash\.test\.ts/);
		expect(out).not.toContain('second');
	});

	it('without it: the message and how to get the details, no stack', async () => {
		const {out, code} = await crash(false);
		expect(code).toBe(70);
		expect(out).toBe(
			"fortnight: unexpected error: Cannot read properties of undefined (reading 'startsWith') (run with --debug for details)\n",
		);
	});

	it('makes the message safe for the terminal', () => {
		expect(crashReport(new Error('bad \u001b]0;x\u0007 name'), false)).not.toContain('\u001b');
	});
});
