/**
 * The command line's fast parse (source/commands/fast-flags.ts) against meow, which cli.tsx asks for
 * every line the fast parse gives up on: for each line here, the fast parse either gives up or gives
 * exactly meow's words and options. The usual lines must not give up (or the fast path saves nothing).
 */
import meow from 'meow';
import {describe, expect, it} from 'vitest';
import type {FlagSpec} from '../../source/commands/command.js';
import {fastFlags} from '../../source/commands/fast-flags.js';
import {GLOBAL_FLAGS} from '../../source/commands/global-flags.js';

// The global options cli.tsx reads and a mix of the commands' own (kebab-case names, defaults, a number).
const SPECS: Record<string, FlagSpec> = {
	...GLOBAL_FLAGS,
	json: {type: 'boolean', default: false},
	coverOutside: {type: 'boolean', default: false},
	format: {type: 'string', default: 'md'},
	referenceDate: {type: 'string'},
	out: {type: 'string'},
	cases: {type: 'number'},
};

const viaMeow = (argv: string[]) => {
	const cli = meow('', {
		importMeta: import.meta,
		argv,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: SPECS as never,
	});
	return {input: cli.input, flags: cli.flags};
};

const USUAL: string[][] = [
	[],
	['--json'],
	['--json', '--store', 's.json', '--today', '2026-11-30', '--no-color'],
	['--store=s.json', '--today=2026-11-30'],
	['CR/123/26', '--as', 'o0001'],
	['--cover-outside', 'word', 'two words'],
	['--format', 'csv', '--reference-date', '2026-01-01'],
	['--store', ''],
	['--store=', '--json'],
	['--out=-'],
	['--store', 'a=b'],
	['--store=a=b'],
	['--color'],
	['--no-json', 'x'],
	['--json', 'yes'],
	['--today', '2026-11-30', '--debug', 'w1', 'w2'],
];

const UNUSUAL: string[][] = [
	['--help'],
	['-h'],
	['--version'],
	['-V'],
	['--bogus'],
	['--bogus', 'x'],
	['--json', 'true'],
	['--json', 'false'],
	['--json=false'],
	['--store', '--json'],
	['--store'],
	['--store', '-'],
	['--today', '-5'],
	['--json', '--json'],
	['--store', 'a', '--store', 'b'],
	['--', '--json'],
	['-'],
	['-x'],
	['--cases', '5'],
	['--Store', 'x'],
	['--store.x', 'y'],
	['--no-store'],
	['--no-bogus'],
	['--cover_outside'],
	['--coverOutside'],
	['---json'],
	['--json-', 'x'],
];

describe('the fast parse of the command line', () => {
	it.each(USUAL.map(a => [a.join(' ') || '(nothing)', a]))('reads the usual line %s as meow does', (_, argv) => {
		const fast = fastFlags(argv as string[], SPECS);
		expect(fast).not.toBeNull();
		expect(fast).toEqual(viaMeow(argv as string[]));
	});

	it.each(UNUSUAL.map(a => [a.join(' '), a]))('leaves %s to meow, or reads it as meow does', (_, argv) => {
		const fast = fastFlags(argv as string[], SPECS);
		if (fast !== null) expect(fast).toEqual(viaMeow(argv as string[]));
	});

	it('gives up on a line meow reads differently from the plain shape', () => {
		for (const argv of [['--help'], ['--bogus'], ['--json', 'false'], ['--', 'x'], ['--cases', '5'], ['--store', '-']]) {
			expect(fastFlags(argv, SPECS)).toBeNull();
		}
	});
});
