/**
 * `npm run build`'s last step: the desk's own modules joined into a few files (issue 18, "Fast at every
 * size": case rows visible soon after the first frame).
 *
 * tsc writes one file per source module, and Node's module loader pays for each (resolving, a stat and a
 * read, instantiating): the review desk pulled in about 200 of them, most between its loading frame and
 * the case rows, and loading them cost as much CPU time as parsing a 5,000-case store. Here the desk
 * command's runner (dist/ui/run-desk.js, which draws the loading frame) and the desk's root component
 * (dist/ui/desk/desk.js, imported once the loading frame is up) are rewritten in place, each holding the
 * modules only it needs, with what both need in dist/ui/desk/joined-*.js. The sources stay small files;
 * only the built output is joined, and vitest runs the sources as they are.
 *
 * A module must never be loaded twice in one process (once inside a joined file, once as its own file):
 * module state (pending writes, caches keyed by objects) and error classes checked with instanceof would
 * then exist twice. So any module that a desk process can load as its own file stays its own file and is
 * imported from there: everything reached from the command line's entry point and the desk command before
 * the runner, everything behind a dynamic import() that a desk process can reach (a store module loaded on
 * demand, such as the schema's validation after the first frame), and any module that finds files from
 * where it is (import.meta: the rules' worker file, a package). Packages are always imported as they are.
 * test/e2e/desk-joined-tmux.test.ts checks a running desk against the joined files' source maps.
 */
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** The desk command's runner (loaded before the loading frame) and the desk itself (loaded after it). */
const RUN_DESK = path.join(DIST, 'ui', 'run-desk.js');
const DESK = path.join(DIST, 'ui', 'desk', 'desk.js');
/** What a desk process loads before the runner: the CLI and the desk command. */
const BEFORE = ['cli.js', 'commands/desk.js'].map(f => path.join(DIST, f));
/** The command table loads one command a process: in a desk process, the desk command (above), no other. */
const COMMAND_TABLE = path.join(DIST, 'commands', 'index.js');

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
	// A module that finds files from where it is (a worker's file, a package) stays where it is.
	return {statics, dynamics, located: code.includes('import.meta')};
}

/** The first line of every joined file: a second run (without tsc first) would join the joined files again. */
const MARK = "// Joined by scripts/bundle-desk.mjs from tsc's output: the sources are source/ui/**.";
if (readFileSync(DESK, 'utf8').startsWith(MARK)) {
	process.stdout.write('bundle-desk: the desk is joined already (run "npm run build" to build afresh)\n');
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

// Modules that may load as their own files in a desk process: those loaded before the runner, those that
// find files from where they are, and those behind any import() a desk process can reach other than the
// desk's own (found to a fixed point: what an import() loads may import()).
const joinedEntries = new Set([RUN_DESK, DESK]);
const located = [...graph].filter(([, i]) => i.located).map(([f]) => f);
let ownFiles = closure([...BEFORE, ...located]);
for (;;) {
	const reached = new Set([...ownFiles, ...closure([RUN_DESK, DESK])]);
	const behindImports = [...reached]
		.filter(f => f !== COMMAND_TABLE)
		.flatMap(f => graph.get(f)?.dynamics ?? [])
		.filter(f => !joinedEntries.has(f));
	const next = closure([...BEFORE, ...located, ...behindImports]);
	if (next.size === ownFiles.size) break;
	ownFiles = next;
}
for (const entry of joinedEntries)
	if (ownFiles.has(entry)) throw new Error(`bundle-desk: ${path.relative(DIST, entry)} is loaded as its own file; nothing to join`);
const joined = [...closure([RUN_DESK, DESK])].filter(f => !ownFiles.has(f));

// rolldown is Vite's bundler (a development dependency). Without it the desk runs from tsc's files as they
// are: slower to open, never different.
const rolldown = await import('rolldown').then(
	m => m.rolldown,
	() => null,
);
if (!rolldown) {
	process.stdout.write('bundle-desk: rolldown is not installed; the desk loads its modules one by one (slower to open)\n');
	process.exit(0);
}
const bundle = await rolldown({
	input: RUN_DESK,
	platform: 'node',
	external: (id, importer) => {
		if (!id.startsWith('.') && !path.isAbsolute(id)) return true; // a package or node: builtin
		const file = importer && !path.isAbsolute(id) ? path.resolve(path.dirname(importer), id) : id;
		return ownFiles.has(file);
	},
	logLevel: 'warn',
});
// What both joined files used from an earlier join: gone, so that only this join's files are left.
for (const name of readdirSync(path.dirname(DESK))) if (/^joined-.*\.js(\.map)?$/.test(name)) rmSync(path.join(path.dirname(DESK), name));
// In place of tsc's run-desk.js and desk/desk.js (the bench and the tests import the desk from there), and
// what both use in desk/joined-*.js. rolldown has read every input by now.
try {
	const {output} = await bundle.write({
		dir: path.join(DIST, 'ui'),
		entryFileNames: 'run-desk.js',
		chunkFileNames: chunk => (chunk.facadeModuleId === DESK ? 'desk/desk.js' : 'desk/joined-[name].js'),
		format: 'esm',
		sourcemap: true,
		banner: MARK,
	});
	const files = output.filter(o => o.type === 'chunk').map(o => o.fileName);
	if (!files.includes('run-desk.js') || !files.includes('desk/desk.js'))
		throw new Error(`bundle-desk: expected run-desk.js and desk/desk.js, wrote ${files.join(', ')}`);
	// The joined modules' own files stay in dist (other commands import some of them); none is loaded twice.
	process.stdout.write(`bundle-desk: ${joined.length} modules joined into ${files.join(', ')} (${ownFiles.size} stay their own files)\n`);
} finally {
	await bundle.close();
}
