/**
 * The build's last step (scripts/bundle.mjs): TypeBox joined into a few files in dist/vendor/, and every
 * built module that imports it pointed there.
 *
 * TypeBox's ESM build is about 220 files, and a process that checks a store, a change or a welfare file
 * (store/validate.ts, welfare-file.ts) imports them one by one: resolving, reading and instantiating each
 * cost about 40 ms of CPU time before the check could start, more than the whole of a bare parse of the
 * 300-case store, and a quarter of what `fortnight import` spends beyond parsing a 50,000-row file
 * (README "Benchmarks", the import row). Joined, loading it costs about 8 ms.
 *
 * One copy only: TypeBox keeps state in its modules (FormatRegistry, where store/validate.ts registers the
 * "date" format its compiled checks call), so a process must never load both the joined copy and the
 * package's own files. Every import of "@sinclair/typebox", "@sinclair/typebox/compiler" and
 * "@sinclair/typebox/value" in dist is rewritten, the three entries share their common modules
 * (dist/vendor/typebox-shared-*.js), and an import of any other entry point fails the build (add it to
 * ENTRIES), so nothing in dist loads the package's own files. The sources, and vitest, import the package
 * as it is.
 */
import {readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** The package's entry points that dist imports, each to its joined file's name in dist/vendor/. */
const ENTRIES = {
	'@sinclair/typebox': 'typebox',
	'@sinclair/typebox/compiler': 'typebox-compiler',
	'@sinclair/typebox/value': 'typebox-value',
};
const VENDOR = 'vendor';
/** A specifier of the package in quotes, as tsc and rolldown write imports (static, re-exports and import()). */
const SPECIFIER = /(['"])(@sinclair\/typebox(?:\/[\w./-]+)?)\1/g;

function jsFiles(dir, skip) {
	return readdirSync(dir).flatMap(name => {
		const full = path.join(dir, name);
		if (full === skip) return [];
		return statSync(full).isDirectory() ? jsFiles(full, skip) : name.endsWith('.js') ? [full] : [];
	});
}

/** Joins TypeBox into DIST/vendor/ with rolldown and points dist's imports of it there; returns the files rewritten. */
export async function joinTypebox({rolldown, root, dist, banner}) {
	const out = path.join(dist, VENDOR);
	rmSync(out, {recursive: true, force: true});
	const version = JSON.parse(readFileSync(path.join(root, 'node_modules', '@sinclair', 'typebox', 'package.json'), 'utf8')).version;
	const bundle = await rolldown({
		input: Object.fromEntries(Object.entries(ENTRIES).map(([spec, name]) => [name, spec])),
		cwd: root,
		platform: 'node',
		logLevel: 'warn',
	});
	try {
		await bundle.write({
			dir: out,
			entryFileNames: '[name].js',
			chunkFileNames: 'typebox-shared-[hash].js',
			format: 'esm',
			// Its map names the package's files it holds, so the joined-files tests see none of them loaded twice.
			sourcemap: true,
			banner: `${banner}\n// @sinclair/typebox ${version}, joined from its ESM build (scripts/join-typebox.mjs).`,
		});
	} finally {
		await bundle.close();
	}
	let rewritten = 0;
	for (const file of jsFiles(dist, out)) {
		const code = readFileSync(file, 'utf8');
		// Same length of lines, only the specifier changes: a source map's lines still match.
		const next = code.replace(SPECIFIER, (_, quote, spec) => {
			// Another entry point left as it is would load the package's own files beside the joined copy.
			if (!(spec in ENTRIES)) throw new Error(`join-typebox: ${path.relative(dist, file)} imports ${spec}; add it to ENTRIES`);
			const rel = path
				.relative(path.dirname(file), path.join(out, `${ENTRIES[spec]}.js`))
				.split(path.sep)
				.join('/');
			return `${quote}${rel.startsWith('.') ? rel : `./${rel}`}${quote}`;
		});
		if (next === code) continue;
		writeFileSync(file, next);
		rewritten++;
	}
	return rewritten;
}
