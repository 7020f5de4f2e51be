/** The shape every subcommand module exports; cli.tsx parses with its flags and calls run(). */
import {safeOutput, type CheckedOutput} from '../domain/safe-text.js';
import type {Context} from './context.js';

export type FlagSpec = {
	type: 'string' | 'boolean' | 'number';
	shortFlag?: string;
	default?: string | boolean | number;
	isMultiple?: boolean;
};

export interface Command {
	name: string;
	/** One line for the command list. */
	summary: string;
	/** Full `--help` text: usage line, what it does, options, examples. */
	help: string;
	flags: Record<string, FlagSpec>;
	/** False for commands that take no words after their name: a stray word is then a usage error, never ignored. */
	takesWords?: boolean;
	/** False for commands that do not read the team store (generate); the first-run demo copy is skipped for them. */
	usesStore?: boolean;
	/** Returns the exit code. Throws UsageError (exit 2) or StoreError (exit 3). */
	run(ctx: Context, input: string[], flags: Record<string, unknown>): Promise<number>;
}

/**
 * Writes to stdout and waits for it to drain, so `| head` and large outputs behave. Everything goes
 * through safeOutput on the way: the renderers already make store text safe, and this is the guard that
 * no path from the store or the arguments to the terminal is missed (README "Terminal safety").
 */
export function out(ctx: Context, text: string): Promise<void> {
	return write(ctx, safeOutput(text));
}

/**
 * As out(), for text its renderer has already proved safe (safe-text.ts CheckedOutput): safeOutput
 * would return it unchanged, and scanning megabytes to find that out was a tenth of rendering
 * `problems --json` at 5,000 cases (issue 18). The pieces are written one after another, each encoded
 * for stdout on its own, so a piece holding a character above U+00FF does not make the encoding of all
 * the others the slow two-byte kind (export/problems-json.ts).
 */
export async function outCheckedPieces(ctx: Context, pieces: readonly CheckedOutput[]): Promise<void> {
	for (let i = 0; i < pieces.length; i++) await write(ctx, pieces[i]!);
}

function write(ctx: Context, text: string): Promise<void> {
	return new Promise(resolve => {
		if (ctx.stdout.write(text)) resolve();
		else ctx.stdout.once('drain', () => resolve());
	});
}

/** A message on stderr (what was written, a warning), through the same guard as out(). */
export function say(ctx: Pick<Context, 'stderr'>, text: string): void {
	ctx.stderr.write(safeOutput(text));
}
