/**
 * `npm run build`'s last step: the modules of the desk and of each command joined into a few files (issue 18,
 * "Fast at every size": case rows visible soon after the first frame, and commands that start fast).
 *
 * tsc writes one file per source module, and Node's module loader pays for each (resolving, a stat and a
 * read, instantiating): the review desk pulled in about 200 of them, most between its loading frame and
 * the case rows, and loading them cost as much CPU time as parsing a 5,000-case store; `problems --json`
 * loaded about 80 to read a 300-case store. Here the joined entries are rewritten in place: the desk
 * command's runner (dist/ui/run-desk.js, which draws the loading frame), the desk's root component
 * (dist/ui/desk/desk.js, imported once the loading frame is up) and every command's module but the desk's
 * (dist/commands/NAME.js, the one command a process runs, loaded by the command table). Each holds the
 * modules only it needs; what several need is in dist/joined/*.js, once, so that a process that loads
 * several of them (`fortnight --help` reads every command's summary) still has one copy of each module.
 * The sources stay small files; only the built output is joined, and vitest runs the sources as they are.
 *
 * A module must never be loaded twice in one process (once inside a joined file, once as its own file):
 * module state (pending writes, caches keyed by objects, the PostgreSQL pools) and error classes checked
 * with instanceof would then exist twice. So a module that some process can load as its own file stays its
 * own file and is imported from there: everything reached from the command line's entry point and the
 * desk command before the runner, any module that finds files from where it is (import.meta: the rules'
 * worker file, the PostgreSQL migrations, a package), and whatever one of those own files imports, statically
 * or behind an import() (a store module loaded on demand, such as the schema's validation after the first
 * frame; the PostgreSQL store). What only joined modules import() is joined too, into a file of its own that
 * loads when the import() runs. Packages are imported as they are, but for TypeBox, joined into dist/vendor/
 * (scripts/join-typebox.mjs).
 * test/e2e/desk-joined-tmux.test.ts checks a running desk, and test/e2e/commands-joined.test.ts the read
 * commands, against the joined files' source maps.
 */
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {joinTypebox} from './join-typebox.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** The desk command's runner (loaded before the loading frame) and the desk itself (loaded after it). */
const RUN_DESK = path.join(DIST, 'ui', 'run-desk.js');
const DESK = path.join(DIST, 'ui', 'desk', 'desk.js');
/** What every process loads as its own files: the CLI, and in a desk process the desk command before its runner. */
const BEFORE = ['cli.js', 'commands/desk.js'].map(f => path.join(DIST, f));
/** The command table: it loads one command's module a process (all of them for the global help). */
const COMMAND_TABLE = path.join(DIST, 'commands', 'index.js');
/** Where what several joined entries share goes (and, before this script writes, what an earlier run left). */
const SHARED = 'joined';

function jsFiles(dir) {
	return readdirSync(dir).flatMap(name => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? jsFiles(full) : name.endsWith('.js') ? [full] : [];
	});
}

/** The relative imports of a built module: static (import/export ... from, bare import) and dynamic with a literal path. */
function importsOf(file) {
	const code = readFileSync(file, 'utf8');
	const local = spec => (spec.startsWith('.') ? [path.resolve(path.dirname(file), spec)] : []);
	const statics = [...code.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/gm)].flatMap(m => local(m[1]));
	const dynamics = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].flatMap(m => local(m[1]));
	// A module that finds files from where it is (a worker's file, the migrations, a package) stays where it is.
	return {statics, dynamics, located: code.includes('import.meta')};
}

/** The first line of every joined file: a second run (without tsc first) would join the joined files again. */
const MARK = "// Joined by scripts/bundle.mjs from tsc's output: the sources are source/**.";
if (readFileSync(DESK, 'utf8').startsWith(MARK)) {
	process.stdout.write('bundle: joined already (run "npm run build" to build afresh)\n');
	process.exit(0);
}

const graph = new Map(jsFiles(DIST).map(f => [f, importsOf(f)]));

/** Every module reached from `roots` through static imports. */
function closure(roots) {
	const seen = new Set();
	const stack = [...roots];
	while (stack.length > 0) {
		const f = stack.pop();
		if (seen.has(f) || !graph.has(f)) continue;
		seen.add(f);
		stack.push(...graph.get(f).statics);
	}
	return seen;
}

// The joined entries: the desk's two, and each command the command table loads that is not already an own file.
const commands = graph.get(COMMAND_TABLE)?.dynamics ?? [];
const candidates = new Set([RUN_DESK, DESK, ...commands]);
// Modules that may load as their own files: those loaded before any entry, those that find files from where
// they are, and whatever an own file imports, statically or behind an import() other than of an entry (found
// to a fixed point: what an import() loads may import()).
const located = [...graph].filter(([, i]) => i.located).map(([f]) => f);
let ownFiles = closure([...BEFORE, ...located]);
for (;;) {
	const behindImports = [...ownFiles].flatMap(f => graph.get(f)?.dynamics ?? []).filter(f => !candidates.has(f));
	const next = closure([...BEFORE, ...located, ...behindImports]);
	if (next.size === ownFiles.size) break;
	ownFiles = next;
}
for (const entry of [RUN_DESK, DESK])
	if (ownFiles.has(entry)) throw new Error(`bundle: ${path.relative(DIST, entry)} is loaded as its own file; nothing to join`);
// A command module some own file imports (the desk command) stays its own file.
const entries = [...candidates].filter(f => !ownFiles.has(f) && graph.has(f));

/** Every module the joined entries reach, statically or behind an import(), that is not an own file. */
function joinedModules() {
	const seen = new Set();
	const stack = [...entries];
	while (stack.length > 0) {
		const f = stack.pop();
		if (seen.has(f) || ownFiles.has(f) || !graph.has(f)) continue;
		seen.add(f);
		stack.push(...graph.get(f).statics, ...graph.get(f).dynamics);
	}
	return seen;
}
const joined = joinedModules();

// rolldown is Vite's bundler (a development dependency). Without it the program runs from tsc's files as they
// are: slower to start, never different.
const rolldown = await import('rolldown').then(
	m => m.rolldown,
	() => null,
);
if (!rolldown) {
	process.stdout.write('bundle: rolldown is not installed; the desk and the commands load their modules one by one (slower to start)\n');
	process.exit(0);
}
/** An entry's name: its path in dist without ".js", so that it is written back where tsc wrote it. */
const nameOf = file => path.relative(DIST, file).replace(/\.js$/, '').split(path.sep).join('/');
const bundle = await rolldown({
	input: Object.fromEntries(entries.map(f => [nameOf(f), f])),
	platform: 'node',
	external: (id, importer) => {
		if (!id.startsWith('.') && !path.isAbsolute(id)) return true; // a package or node: builtin
		const file = importer && !path.isAbsolute(id) ? path.resolve(path.dirname(importer), id) : id;
		return ownFiles.has(file);
	},
	logLevel: 'warn',
});
// What an earlier join left (shared files are named by their contents): gone, so that only this join's files
// are left. The desk's shared files were once in dist/ui/desk/joined-*.js.
const shared = path.join(DIST, SHARED);
if (existsSync(shared)) rmSync(shared, {recursive: true});
for (const name of readdirSync(path.dirname(DESK))) if (/^joined-.*\.js(\.map)?$/.test(name)) rmSync(path.join(path.dirname(DESK), name));
// In place of tsc's files for the entries (the bench and the tests import the desk and some commands from
// there), and what they share, or import() on demand, in dist/joined/. rolldown has read every input by now.
try {
	const {output} = await bundle.write({
		dir: DIST,
		entryFileNames: '[name].js',
		chunkFileNames: `${SHARED}/[name]-[hash].js`,
		format: 'esm',
		sourcemap: true,
		banner: MARK,
	});
	const files = output.filter(o => o.type === 'chunk').map(o => o.fileName);
	// An entry that only passes on what a shared file holds (the desk imports that command's module too) is
	// written without a source map, and without the banner: marked here, so that every joined file says what
	// it is, and tsc's map of the module it replaced is removed (it would name a module the file no longer holds).
	const maps = new Set(output.filter(o => o.type === 'asset').map(o => o.fileName));
	for (const file of files) {
		const full = path.join(DIST, file);
		if (maps.has(`${file}.map`)) continue;
		rmSync(`${full}.map`, {force: true});
		const code = readFileSync(full, 'utf8');
		if (!code.startsWith(MARK)) writeFileSync(full, `${MARK}\n${code}`);
	}
	const missing = entries.map(f => `${nameOf(f)}.js`).filter(f => !files.includes(f));
	if (missing.length > 0) throw new Error(`bundle: expected ${missing.join(', ')} among the files written (${files.join(', ')})`);
	// The joined modules' own files stay in dist (unused by the program); none is loaded twice.
	process.stdout.write(
		`bundle: ${joined.size} modules joined into ${entries.length} entries and ${files.length - entries.length} shared files ` +
			`(${ownFiles.size} stay their own files)\n`,
	);
} finally {
	await bundle.close();
}
// TypeBox, the one package of hundreds of files a command loads, joined too (scripts/join-typebox.mjs).
const rewritten = await joinTypebox({rolldown, root: ROOT, dist: DIST, banner: MARK});
process.stdout.write(`bundle: TypeBox joined into dist/vendor/ (${rewritten} files import it from there)\n`);
