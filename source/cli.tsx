#!/usr/bin/env node
/**
 * The command line: parses, dispatches, nothing else. Exit codes: 0 success, 1 verify found a problem,
 * 2 usage error, 3 the store cannot be read or written.
 */
import meow from 'meow';
import {COMMANDS} from './commands/index.js';
import type {Command} from './commands/command.js';
import {makeContext, UsageError} from './commands/context.js';
import {StoreError} from './store/errors.js';

const GLOBAL_FLAGS = {
	store: {type: 'string'},
	today: {type: 'string'},
	color: {type: 'boolean', default: true},
	debug: {type: 'boolean', default: false},
	help: {type: 'boolean', default: false, shortFlag: 'h'},
	version: {type: 'boolean', default: false},
} as const;

const GLOBAL_HELP = `fortnight: 14-day supervisory reviews for detective sergeants

Usage
  fortnight [command] [options]

Commands
{COMMANDS}

Global options
  --store PATH         the team store (env FORTNIGHT_STORE; default data/store.json, copied from the demo on first run)
  --today YYYY-MM-DD   the date to work as (env FORTNIGHT_TODAY; default: this machine's date)
  --no-color           no colour (NO_COLOR is honoured too)
  --debug              show stack traces on errors
  --help, -h           help for fortnight or a command ("fortnight problems --help")
  --version            the version

Exit codes: 0 success, 1 verify found a problem, 2 usage error, 3 store cannot be read or written.`;

// A reader that closes early (`fortnight problems | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (err: NodeJS.ErrnoException) => {
		if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw err;
	});
}

async function main(argv: string[]): Promise<number> {
	const first = commandWord(argv);
	const name = first && first in COMMANDS ? first : first === undefined || first === 'help' ? 'desk' : undefined;
	if (name === undefined) {
		process.stderr.write(`fortnight: unknown command "${first}". Run "fortnight --help" for the list.\n`);
		return 2;
	}
	const command: Command = await COMMANDS[name]!();
	const at = first === undefined ? -1 : argv.indexOf(first);
	const rest = at === -1 ? argv : argv.filter((_, i) => i !== at);
	let cli: ReturnType<typeof meow>;
	try {
		cli = meow('', {
			importMeta: import.meta,
			argv: rest,
			autoHelp: false,
			autoVersion: false,
			// Unknown flags are reported below in fortnight's own words (meow's own message is bare and exits itself).
			allowUnknownFlags: true,
			flags: {...GLOBAL_FLAGS, ...command.flags} as never,
		});
	} catch (err) {
		// A flag given twice ("--cover X --no-cover") is the user's to fix: a usage error, not a crash.
		throw new UsageError(err instanceof Error ? err.message : String(err));
	}
	const flags = cli.flags as Record<string, unknown>;
	if (flags['version']) {
		process.stdout.write(`${cli.pkg.version ?? 'unknown'}\n`);
		return 0;
	}
	if (flags['help'] || first === 'help') {
		if (first && first in COMMANDS) process.stdout.write(command.help + '\n');
		else process.stdout.write(await globalHelp() + '\n');
		return 0;
	}
	const unknown = Object.keys(flags).filter(k => !(k in GLOBAL_FLAGS) && !(k in command.flags));
	if (unknown.length > 0) {
		const where = name === 'desk' && first !== 'desk' ? 'fortnight' : `fortnight ${name}`;
		const spelt = unknown.map(k => flagAsTyped(rest, k));
		const list = spelt.length === 1 ? `${spelt[0]} is not an option` : `${spelt.slice(0, -1).join(', ')} and ${spelt.at(-1)} are not options`;
		throw new UsageError(`${list} of "${where}".`);
	}
	const ctx = makeContext({store: flags['store'] as string | undefined, today: flags['today'] as string | undefined, color: flags['color'] as boolean, debug: flags['debug'] as boolean});
	// Loaded only when needed, so the desk's first frame does not wait for the store modules.
	if (command.usesStore !== false && ctx.defaultStore) await (await import('./commands/open-store.js')).ensureStore(ctx);
	return command.run(ctx, cli.input, flags);
}

/** The first word that is not a flag or a global flag's value. */
function commandWord(argv: string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--store' || a === '--today') {
			i++;
			continue;
		}
		if (!a.startsWith('-')) return a;
	}
	return undefined;
}

/** How the user typed an unknown flag ("--bogus-flag", "-x"), found again from meow's camel-cased key. */
function flagAsTyped(argv: string[], key: string): string {
	const camel = (s: string) => s.replace(/^-+(no-)?/, '').replace(/=.*$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
	const typed = argv.find(a => a.startsWith('-') && camel(a) === key);
	return `"${(typed ?? `--${key}`).replace(/=.*$/, '').slice(0, 40)}"`;
}

async function globalHelp(): Promise<string> {
	const rows: string[] = [];
	for (const [name, load] of Object.entries(COMMANDS)) {
		const c = await load();
		rows.push(`  ${name.padEnd(10)} ${c.summary}`);
	}
	return GLOBAL_HELP.replace('{COMMANDS}', rows.join('\n'));
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(err: unknown) => {
		const debug = process.argv.includes('--debug');
		if (err instanceof UsageError) {
			process.stderr.write(`fortnight: ${err.message} Run with --help for usage.\n`);
			process.exitCode = 2;
		} else if (err instanceof StoreError) {
			process.stderr.write(`fortnight: ${err.message}\n`);
			if (debug) process.stderr.write(`${err.stack}\n`);
			process.exitCode = 3;
		} else {
			process.stderr.write(`fortnight: unexpected error: ${err instanceof Error ? err.message : String(err)}${debug ? '' : ' (run with --debug for details)'}\n`);
			if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
			process.exitCode = 70;
		}
	},
);
