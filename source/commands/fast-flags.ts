/**
 * The command line's usual shape parsed without meow: known long options (`--name value`, `--name=value`,
 * `--flag`, `--no-flag`) and words. meow's bundle is 245 KB and works out its license-name tables when
 * loaded, a fifth of a read command's start-up (issue 18: `problems --json` against Taskwarrior's `task
 * overdue`). Anything else (an unknown or repeated option, a short flag, `--`, a number, a value starting
 * with "-", `--help`, `--version`) gives null, and cli.tsx asks meow, so every unusual line gets meow's
 * own reading and cli.tsx's own messages. test/commands/fast-flags.test.ts holds the two to the same
 * result, case by case.
 */
import type {FlagSpec} from './command.js';

export interface FastParse {
	input: string[];
	flags: Record<string, unknown>;
}

/** A long option's name as meow takes it: lower-case words joined by single hyphens. */
const NAME = /^[a-z]+(?:-[a-z]+)*$/;

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `argv` parsed as meow would with these flags (allowUnknownFlags, strings as typed), or null when it is not the usual shape. */
export function fastFlags(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): FastParse | null {
	const input: string[] = [];
	const given: Record<string, unknown> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (!arg.startsWith('-')) {
			input.push(arg);
			continue;
		}
		if (!arg.startsWith('--')) return null;
		const eq = arg.indexOf('=');
		const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
		if (!NAME.test(name)) return null;
		let key = camel(name);
		let value: unknown;
		if (name.startsWith('no-') && eq === -1 && !(key in specs)) {
			key = camel(name.slice(3));
			if (specs[key]?.type !== 'boolean' || camel(`no-${name.slice(3)}`) in specs) return null;
			value = false;
		} else {
			const spec = specs[key];
			if (!spec || spec.isMultiple || spec.shortFlag || key === 'help' || key === 'version') return null;
			if (spec.type === 'boolean') {
				// meow takes a "true" or "false" after a boolean flag as its value.
				const next = argv[i + 1];
				if (eq !== -1 || next === 'true' || next === 'false') return null;
				value = true;
			} else if (spec.type === 'string') {
				if (eq !== -1) value = arg.slice(eq + 1);
				else {
					const next = argv[i + 1];
					if (next === undefined || next.startsWith('-')) return null;
					value = next;
					i++;
				}
			} else return null;
		}
		if (key in given) return null;
		given[key] = value;
	}
	const flags: Record<string, unknown> = {};
	for (const [key, spec] of Object.entries(specs)) {
		if (key in given) flags[key] = given[key];
		else if (spec.default !== undefined) flags[key] = spec.default;
		else if (spec.type === 'boolean') flags[key] = false;
	}
	return {input, flags};
}
