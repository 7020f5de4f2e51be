/**
 * The commands' modules joined into a few files by the build (scripts/bundle.mjs, issue 18): each read
 * command, a write, and the global help (which loads every command's module in one process) run from the
 * joined files, give what the sources give (run in this process), and load no module twice (once inside a
 * joined file, once as its own file). Every import the CLI resolves is recorded by a module hook and
 * compared with the joined files' source maps (test/helpers/joined.ts).
 */
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, DEMO_TODAY, ROOT, demoCopy, tempDir} from '../helpers/cli.js';
import {heldModules, importRecorder, importsIn, joinedFiles, loadedTwice, urlOf} from '../helpers/joined.js';
import {runCommand} from '../commands/in-process.js';
import type {Command} from '../../source/commands/command.js';
import {globalHelp} from '../../source/help-text.js';

const NOW = '2026-11-30T09:00:00Z';
const source = async (name: string): Promise<Command> => ((await import(`../../source/commands/${name}.ts`)) as {default: Command}).default;

/** The built CLI, run with the import recorder; its output and the imports it resolved. */
function joinedRun(args: string[]): {code: number; stdout: string; stderr: string; edges: Array<[string, string]>} {
	const {register, loaded} = importRecorder(tempDir('fortnight-commands-joined-'));
	const r = spawnSync(process.execPath, ['--import', register, CLI, ...args], {
		cwd: ROOT,
		env: {...process.env, FORTNIGHT_STORE: '', FORTNIGHT_TODAY: undefined, FORTNIGHT_USER: '', NO_COLOR: '1', FORTNIGHT_NOW: NOW},
		encoding: 'utf8',
		timeout: 60_000,
	});
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, edges: importsIn(loaded)};
}

/** Each case: the command line, and the same command run from the sources (input words and flags). */
const CASES: Array<{args: string[]; command: string; input: string[]; flags: Record<string, unknown>; piece: string}> = [
	{args: ['problems', '--json'], command: 'problems', input: [], flags: {json: true}, piece: 'domain/rules/index.js'},
	{args: ['handover', '--format', 'json'], command: 'handover', input: [], flags: {format: 'json'}, piece: 'domain/handover/build.js'},
	{args: ['log', '--format', 'json'], command: 'log', input: [], flags: {format: 'json'}, piece: 'export/log-json.js'},
	{args: ['verify'], command: 'verify', input: [], flags: {}, piece: 'commands/verify.js'},
	{
		args: ['absence', 'add', 'DC Doyle', '--from', '2026-12-01', '--to', '2026-12-20', '--reason', 'training'],
		command: 'absence',
		input: ['add', 'DC Doyle'],
		flags: {from: '2026-12-01', to: '2026-12-20', reason: 'training'},
		piece: 'domain/absences.js',
	},
];

describe('the joined commands (dist, after npm run build)', () => {
	it('are joined: each command module is a joined file holding what it alone uses', () => {
		expect(existsSync(CLI), 'build first: npm run build').toBe(true);
		const files = joinedFiles();
		const held = heldModules(files);
		for (const c of CASES) {
			expect(files, `npm run build joins ${c.command}`).toContain(path.join(ROOT, 'dist', 'commands', `${c.command}.js`));
			expect(held, `${c.command}'s ${c.piece} is in a joined file`).toContain(urlOf(c.piece));
		}
	});

	for (const c of CASES) {
		it(`${c.args.slice(0, 2).join(' ')}: the same output as the sources, no module loaded twice`, async () => {
			// Separate copies of the store (the write changes its copy), named alike in what the two say.
			const [a, b] = [demoCopy().store, demoCopy().store];
			const joined = joinedRun([...c.args, '--store', a, '--today', DEMO_TODAY]);
			const fromSource = await runCommand(await source(c.command), b, c.input, c.flags, {today: DEMO_TODAY});
			const said = (text: string, store: string) => text.replaceAll(path.dirname(store), 'STORE');
			expect(joined.code, joined.stderr).toBe(0);
			expect(fromSource.code).toBe(0);
			expect(said(joined.stderr, a)).toBe(said(fromSource.stderr, b));
			expect(said(joined.stdout, a)).toBe(said(fromSource.stdout, b));
			expect(joined.stdout.length + joined.stderr.length).toBeGreaterThan(0);
			// The command ran from its joined file, and nothing it holds was loaded again as its own file.
			expect(joined.edges.map(([, url]) => url)).toContain(urlOf(`commands/${c.command}.js`));
			expect(loadedTwice(joined.edges, joinedFiles()), 'modules loaded both inside a joined file and as their own files').toEqual([]);
		});
	}

	it('fortnight --help loads every command in one process, each module once', async () => {
		const joined = joinedRun(['--help']);
		expect(joined.code).toBe(0);
		expect(joined.stdout).toBe(`${await globalHelp()}\n`);
		const urls = joined.edges.map(([, url]) => url);
		for (const c of CASES) expect(urls).toContain(urlOf(`commands/${c.command}.js`));
		expect(loadedTwice(joined.edges, joinedFiles()), 'modules loaded both inside a joined file and as their own files').toEqual([]);
	});
});
