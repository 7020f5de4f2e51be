/**
 * Runs a command module's run() in this process with a captured context: for the many error cases,
 * where spawning the CLI each time would take seconds apiece on a busy machine. End-to-end behaviour
 * (flag parsing, exit codes) is covered by a few runCli tests beside these.
 */
import type {Command} from '../../source/commands/command.js';
import {UsageError, type Context} from '../../source/commands/context.js';
import {StoreError} from '../../source/store/errors.js';

export interface InProcessResult {
	code: number;
	stdout: string;
	stderr: string;
}

function sink(): {stream: NodeJS.WriteStream; text: () => string} {
	let text = '';
	const stream = {
		write(chunk: string) {
			text += chunk;
			return true;
		},
		once() {
			return stream;
		},
	} as unknown as NodeJS.WriteStream;
	return {stream, text: () => text};
}

export interface RunOptions {
	today?: string;
	env?: NodeJS.ProcessEnv;
	stdin?: NodeJS.ReadStream;
	/** Who is at the keyboard (--as); without it the demo store works as its sergeant. */
	as?: string;
}

export async function runCommand(
	command: Command,
	store: string,
	input: string[],
	flags: Record<string, unknown>,
	options: RunOptions = {},
): Promise<InProcessResult> {
	const stdout = sink();
	const stderr = sink();
	const defaults: Record<string, unknown> = {};
	for (const [name, spec] of Object.entries(command.flags)) if (spec.default !== undefined) defaults[name] = spec.default;
	const ctx: Context = {
		storePath: store,
		defaultStore: false,
		today: options.today ?? '2026-11-30',
		todayGiven: true,
		identity: {as: options.as ?? (options.env?.['FORTNIGHT_USER'] || undefined)},
		color: false,
		debug: false,
		env: {FORTNIGHT_NOW: '2026-11-30T09:00:00Z', ...options.env},
		stdout: stdout.stream,
		stderr: stderr.stream,
		stdin: options.stdin ?? ({isTTY: false} as NodeJS.ReadStream),
	};
	try {
		const code = await command.run(ctx, input, {...defaults, ...flags});
		return {code, stdout: stdout.text(), stderr: stderr.text()};
	} catch (err) {
		// The same mapping cli.tsx makes.
		if (err instanceof UsageError) return {code: 2, stdout: stdout.text(), stderr: stderr.text() + err.message};
		if (err instanceof StoreError) return {code: 3, stdout: stdout.text(), stderr: stderr.text() + err.message};
		throw err;
	}
}
