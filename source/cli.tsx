#!/usr/bin/env node
/**
 * The command line: parses, dispatches, nothing else. Exit codes: 0 success, 1 verify found a problem,
 * 2 usage error, 3 the store cannot be read or written.
 */
import {COMMANDS} from './commands/index.js';
import type {Command, FlagSpec} from './commands/command.js';
import {makeContext, RefusalError, UsageError} from './commands/context.js';
import {fastFlags} from './commands/fast-flags.js';
import {GLOBAL_FLAGS} from './commands/global-flags.js';
import {ONE_RUN_COMMANDS, tuneCompilerForOneRun} from './commands/one-run-compiler.js';
import {StoreError} from './store/index.js';
import {globalHelp} from './help-text.js';
import {safeOutput} from './domain/safe-text.js';

/**
 * Every error the command line prints goes through here. Messages quote arguments, paths and store
 * text (officer names, references), any of which can carry escape sequences: the one sanitiser makes
 * them safe (README "Terminal safety").
 */
function printError(text: string): void {
	process.stderr.write(safeOutput(text));
}

// A reader that closes early (`fortnight problems | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (err: NodeJS.ErrnoException) => {
		if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw err;
	});
}

async function main(argv: string[]): Promise<number> {
	const first = commandWord(argv);
	// "fortnight help problems" is "fortnight problems --help".
	if (first === 'help') {
		const topic = argv.slice(argv.indexOf('help') + 1).find(a => !a.startsWith('-'));
		if (topic !== undefined && !(topic in COMMANDS)) {
			process.stderr.write(
				`fortnight: there is no command "${topic.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}". Run "fortnight --help" for the list.\n`,
			);
			return 2;
		}
		process.stdout.write((topic ? (await COMMANDS[topic]!()).help : await globalHelp()) + '\n');
		return 0;
	}
	const name = first && first in COMMANDS ? first : first === undefined ? 'desk' : undefined;
	if (name === undefined) {
		printError(`fortnight: unknown command "${(first ?? '').slice(0, 40)}". Run "fortnight --help" for the list.\n`);
		return 2;
	}
	// The commands that run once through the rules and exit compile less (one-run-compiler.ts).
	if (ONE_RUN_COMMANDS.has(name)) await tuneCompilerForOneRun();
	const command: Command = await COMMANDS[name]!();
	const at = first === undefined ? -1 : argv.indexOf(first);
	const rest = at === -1 ? argv : argv.filter((_, i) => i !== at);
	const cli = await parseFlags(dashValues(rest, command.flags), {...GLOBAL_FLAGS, ...command.flags});
	const flags = cli.flags as Record<string, unknown>;
	if (flags['version']) {
		process.stdout.write(`${cli.pkg?.version ?? 'unknown'}\n`);
		return 0;
	}
	if (flags['help'] || first === 'help') {
		if (first && first in COMMANDS) process.stdout.write(command.help + '\n');
		else process.stdout.write((await globalHelp()) + '\n');
		return 0;
	}
	const unknown = Object.keys(flags).filter(k => !(k in GLOBAL_FLAGS) && !(k in command.flags));
	if (unknown.length > 0) {
		const where = name === 'desk' && first !== 'desk' ? 'fortnight' : `fortnight ${name}`;
		const spelt = unknown.map(k => flagAsTyped(rest, k));
		const list =
			spelt.length === 1 ? `${spelt[0]} is not an option` : `${spelt.slice(0, -1).join(', ')} and ${spelt.at(-1)} are not options`;
		throw new UsageError(`${list} of "${where}".`);
	}
	if (command.takesWords === false && cli.input.length > 0) {
		const word = cli.input[0]!.slice(0, 40).replace(/[^\x20-\x7e]/g, '?');
		throw new UsageError(`"fortnight ${name}" takes no words, only options (got "${word}"; quote a value that has spaces).`);
	}
	const ctx = makeContext({
		store: flags['store'] as string | undefined,
		today: flags['today'] as string | undefined,
		as: flags['as'] as string | undefined,
		color: flags['color'] as boolean,
		debug: flags['debug'] as boolean,
	});
	// A bad settings file stops nothing: what is wrong is said (the desk says it on its status bar too).
	for (const problem of ctx.settings?.problems ?? []) printError(`fortnight: ${problem}\n`);
	// Loaded only when needed, so the desk's first frame does not wait for the store modules.
	if (command.usesStore !== false && ctx.defaultStore) await (await import('./commands/open-store.js')).ensureStore(ctx);
	return command.run(ctx, cli.input, flags);
}

/**
 * meow's parse; an option that takes a value given twice ("--today A --today B") is a usage error naming
 * it. meow throws a plain Error for two different values (it was reported as a crash, exit 70) and
 * silently keeps one of two equal numbers, so repeats are found here first, the same way for every option.
 */
async function parseFlags(
	argv: string[],
	flags: Record<string, FlagSpec>,
): Promise<{input: string[]; flags: Record<string, unknown>; pkg?: {version?: string}}> {
	const seen = new Set<string>();
	for (const a of argv) {
		if (a === '--') break;
		const typed = /^--([^=]+)/.exec(a)?.[1];
		const key = typed?.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
		const spec = key === undefined ? undefined : flags[key];
		if (!spec || spec.type === 'boolean' || spec.isMultiple) continue;
		if (seen.has(key!)) throw new UsageError(`"--${typed}" was given more than once; give it once.`);
		seen.add(key!);
	}
	// The usual line needs no meow (fast-flags.ts); meow names the process after the package's command, so this does too.
	const fast = fastFlags(argv, flags);
	if (fast) {
		process.title = 'fortnight';
		return fast;
	}
	const {default: meow} = await import('meow');
	try {
		return meow('', {
			importMeta: import.meta,
			argv,
			autoHelp: false,
			autoVersion: false,
			// Unknown flags are reported in fortnight's own words (meow's own message is bare and exits itself).
			allowUnknownFlags: true,
			flags: flags as never,
		});
	} catch (err) {
		const twice = err instanceof Error ? /^The flag --(\w+) can only be set once\.$/.exec(err.message) : null;
		if (twice) throw new UsageError(`${flagAsTyped(argv, twice[1]!)} was given more than once; give it once.`);
		throw err;
	}
}

/** The first word that is not a flag or a global flag's value. */
function commandWord(argv: string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--store' || a === '--today' || a === '--as') {
			i++;
			continue;
		}
		if (!a.startsWith('-')) return a;
	}
	return undefined;
}

/**
 * "--out -" as "--out=-": the parser takes a lone "-" for a word, but after an option that takes a
 * value it is that value (standard output, README "Exports and --out").
 */
function dashValues(argv: string[], flags: Record<string, FlagSpec>): string[] {
	const kebab = (key: string) => `--${key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
	const takesValue = new Set(
		Object.entries(flags)
			.filter(([, spec]) => spec.type === 'string')
			.map(([key]) => kebab(key)),
	);
	const joined: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--') return [...joined, ...argv.slice(i)];
		if (takesValue.has(a) && argv[i + 1] === '-') {
			joined.push(`${a}=-`);
			i++;
		} else {
			joined.push(a);
		}
	}
	return joined;
}

/** How the user typed an unknown flag ("--bogus-flag", "-x"), found again from meow's camel-cased key. */
function flagAsTyped(argv: string[], key: string): string {
	const camel = (s: string) =>
		s
			.replace(/^-+(no-)?/, '')
			.replace(/=.*$/, '')
			.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
	const typed = argv.find(a => a.startsWith('-') && camel(a) === key);
	return `"${(typed ?? `--${key}`).replace(/=.*$/, '').slice(0, 40)}"`;
}

/**
 * Ends the process once nothing is left for it to do (issue 18). Left to itself, Node tears its heap down
 * before exiting, waiting for the collector's background tasks: after `problems --json` at 5,000 cases,
 * 18-24 ms from the 'exit' event to the process's end at load 2.5 (4-6 ms for an empty script); medians
 * of 82, 112 and 81 ms in three runs at load 5-19, against 23, 98 and 71 ms with this. Only when nothing
 * is pending (no file request, timer, worker, socket or terminal handle, every byte of stdout and stderr
 * handed to the system, no 'beforeExit' listener): otherwise the process ends as before, when the last
 * of them is done. Checked on the next turn of the loop, so that promise callbacks already queued run
 * first. The 'exit' listeners run either way.
 */
function endWhenIdle(): void {
	setImmediate(() => {
		const idle =
			process.getActiveResourcesInfo().length === 0 &&
			process.stdout.writableLength === 0 &&
			process.stderr.writableLength === 0 &&
			process.listenerCount('beforeExit') === 0;
		if (idle) process.exit();
	});
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
		endWhenIdle();
	},
	(err: unknown) => {
		const debug = process.argv.includes('--debug');
		if (err instanceof UsageError) {
			// A refusal (RefusalError: permission, a missing record, a domain rule) was typed right: no --help hint.
			printError(`fortnight: ${err.message}${err instanceof RefusalError ? '' : ' Run with --help for usage.'}\n`);
			process.exitCode = 2;
		} else if (err instanceof StoreError) {
			printError(`fortnight: ${err.message}\n`);
			if (debug) printError(`${err.stack}\n`);
			process.exitCode = 3;
		} else {
			printError(
				`fortnight: unexpected error: ${err instanceof Error ? err.message : String(err)}${debug ? '' : ' (run with --debug for details)'}\n`,
			);
			if (debug && err instanceof Error) printError(`${err.stack}\n`);
			process.exitCode = 70;
		}
	},
);
