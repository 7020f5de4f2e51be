/**
 * A command line as fortnight prints it (a problem's `resolve`, README "Acting on a problem"), split into
 * words and run in process: the words the shell would pass, the command module from COMMANDS, its flags
 * as cli.tsx parses them, and `--as` (a global option) taken as who is at the keyboard.
 */
import type {Command} from '../../source/commands/command.js';
import {COMMANDS} from '../../source/commands/index.js';
import {runCommand, type InProcessResult} from '../commands/in-process.js';

/** Splits a command line into words as a shell would for the quoting shellWord writes. */
export function shellWords(line: string): string[] {
	const out: string[] = [];
	const re = /"([^"]*)"|'((?:[^']|'\\'')*)'|(\S+)/g;
	for (const m of line.matchAll(re)) out.push(m[1] ?? m[2]?.replace(/'\\''/g, "'") ?? m[3]!);
	return out;
}

/**
 * Runs `line` on `store` as of `today`, as `as` unless the line names its own `--as`. `fill(word, flag)`
 * gives what the person supplies for a capitalised placeholder or an "a|b|c" choice (`flag`: the option
 * it is the value of, or null for a word).
 */
export async function runPrinted(
	line: string,
	store: string,
	today: string,
	as: string,
	fill: (word: string, flag: string | null) => string,
): Promise<InProcessResult & {as: string}> {
	const [program, name, ...rest] = shellWords(line);
	if (program !== 'fortnight' || !name || !COMMANDS[name]) throw new Error(`not a fortnight command: ${line}`);
	const command = (await COMMANDS[name]()) as Command;
	const words: string[] = [];
	const flags: Record<string, unknown> = {};
	let actor = as;
	const value = (w: string, flag: string | null) => (w.includes('|') || /^[A-Z][A-Z.]*(\.csv)?$/.test(w) ? fill(w, flag) : w);
	for (let i = 0; i < rest.length; i++) {
		const w = rest[i]!;
		if (!w.startsWith('--')) {
			words.push(value(w, null));
			continue;
		}
		if (w === '--as') {
			actor = rest[++i]!;
			continue;
		}
		const flag = w.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
		const spec = command.flags[flag];
		if (!spec) throw new Error(`--${w.slice(2)} is not a flag of "fortnight ${name}": ${line}`);
		if (spec.type === 'boolean') flags[flag] = true;
		else flags[flag] = value(rest[++i]!, w.slice(2));
	}
	return {...(await runCommand(command, store, words, flags, {today, as: actor})), as: actor};
}
