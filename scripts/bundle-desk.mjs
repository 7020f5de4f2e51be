/**
 * `npm run build`'s last step: the desk's own modules, loaded after its first (loading) frame, as one
 * file (issue 18, "Fast at every size": case rows visible soon after the first frame).
 *
 * tsc writes one file per source module, and Node's module loader pays for each (resolving, a stat and a
 * read, instantiating): the review desk's root component pulled in about 180 of them between the loading
 * frame and the case rows, and loading them cost as much CPU time as parsing a 5,000-case store. Here
 * dist/ui/desk/desk.js, which run-desk.tsx imports once the loading frame is up, is replaced by one file
 * holding it and every module only it reaches. The sources stay small files; only the built output is
 * joined, and vitest runs the sources as they are.
 *
 * A module must never be loaded twice in one process (once inside the bundle, once as its own file):
 * module state (pending writes, caches keyed by objects) and error classes checked with instanceof would
 * then exist twice. So any module that a desk process can load as its own file stays its own file and is
 * imported by the bundle from there: everything reached from the command line's entry point and the desk
 * command before the desk's modules load, and everything behind a dynamic import() that a desk process can
 * reach (a store module loaded on demand, such as the schema's validation after the first frame).
 * Packages are always imported as they are.
 */
import {readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const ENTRY = path.join(DIST, 'ui', 'desk', 'desk.js');
/** What a desk process loads before the desk's modules: the CLI, the desk command and what it imports. */
const BEFORE_DESK = ['cli.js', 'commands/desk.js', 'ui/run-desk.js'].map(f => path.join(DIST, f));
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
	return {statics, dynamics};
}

/** The first line of the joined file: a second run (without tsc first) would join the joined file again. */
const MARK = "// Joined by scripts/bundle-desk.mjs from tsc's output: the sources are source/ui/**.";
if (readFileSync(ENTRY, 'utf8').startsWith(MARK)) {
	process.stdout.write('bundle-desk: dist/ui/desk/desk.js is joined already (run "npm run build" to build afresh)\n');
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

// Modules that may load as their own files in a desk process: those loaded before the desk's, and those
// behind any import() a desk process can reach (found to a fixed point: what an import() loads may import()).
let ownFiles = closure(BEFORE_DESK);
for (;;) {
	const reached = new Set([...ownFiles, ...closure([ENTRY])]);
	const behindImports = [...reached]
		.filter(f => f !== COMMAND_TABLE)
		.flatMap(f => graph.get(f)?.dynamics ?? [])
		.filter(f => f !== ENTRY);
	const next = closure([...BEFORE_DESK, ...behindImports]);
	if (next.size === ownFiles.size) break;
	ownFiles = next;
}
if (ownFiles.has(ENTRY)) throw new Error('bundle-desk: the desk module is loaded before the desk; nothing to join');
const joined = [...closure([ENTRY])].filter(f => !ownFiles.has(f));

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
	input: ENTRY,
	platform: 'node',
	external: (id, importer) => {
		if (!id.startsWith('.') && !path.isAbsolute(id)) return true; // a package or node: builtin
		const file = importer && !path.isAbsolute(id) ? path.resolve(path.dirname(importer), id) : id;
		return ownFiles.has(file);
	},
	logLevel: 'warn',
});
// Written beside desk.js (the imports it keeps are relative to its folder), then put in its place.
const TEMP = 'desk.joined.js';
const out = path.join(path.dirname(ENTRY), TEMP);
try {
	const {output} = await bundle.write({dir: path.dirname(ENTRY), entryFileNames: TEMP, format: 'esm', sourcemap: true, banner: MARK});
	if (output.length !== 2) throw new Error(`bundle-desk: expected one file and its map, got ${output.map(o => o.fileName).join(', ')}`);
} finally {
	await bundle.close();
}
const code = readFileSync(out, 'utf8');
writeFileSync(ENTRY, code.replace(`//# sourceMappingURL=${TEMP}.map`, '//# sourceMappingURL=desk.js.map'));
const map = JSON.parse(readFileSync(`${out}.map`, 'utf8'));
writeFileSync(`${ENTRY}.map`, JSON.stringify({...map, file: 'desk.js'}));
rmSync(`${out}.map`);
rmSync(out);
// The joined modules' own files stay in dist (other commands import some of them); none is loaded twice.
process.stdout.write(`bundle-desk: ${joined.length} modules joined into dist/ui/desk/desk.js (${ownFiles.size} stay their own files)\n`);
