/**
 * The build's joined files (scripts/bundle.mjs) and what a process loaded: the joined files list the modules
 * they hold in their source maps, and a module hook (node --import) records every import a process resolves,
 * so a test can check that no module is loaded twice (once inside a joined file, once as its own file).
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {expect} from 'vitest';
import {ROOT} from './cli.js';

export const DIST = path.join(ROOT, 'dist');
/** The first line scripts/bundle.mjs writes into every joined file. */
export const MARK = '// Joined by scripts/bundle.mjs';

/** Every joined file in dist: the rewritten entries and what they share. */
export function joinedFiles(): string[] {
	return (readdirSync(DIST, {recursive: true}) as string[])
		.filter(f => f.endsWith('.js'))
		.map(f => path.join(DIST, f))
		.filter(f => readFileSync(f, 'utf8').startsWith(MARK));
}

/**
 * The URLs of the modules the joined files hold, from their source maps. A file without a map holds no
 * module: it only passes on what other joined files export (checked here).
 */
export function heldModules(files: string[]): string[] {
	return files.flatMap(file => {
		if (!existsSync(`${file}.map`)) {
			const lines = readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean);
			const passOn = /^(?:import|export) (?:[^'"]*? from )?"(?:\.\.?\/)+[\w/.-]+\.js";$/;
			expect(
				lines.filter(l => !passOn.test(l)),
				`${file} has no source map`,
			).toEqual([]);
			return [];
		}
		return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as {sources: string[]}).sources.map(
			s => pathToFileURL(path.resolve(path.dirname(file), s)).href,
		);
	});
}

export const urlOf = (distPath: string): string => pathToFileURL(path.join(DIST, distPath)).href;

/**
 * A module hook that appends "importer module" to `loaded` for every import resolved; `register` is the
 * file to pass to node --import.
 */
export function importRecorder(dir: string, name = 'imports'): {register: string; loaded: string} {
	const loaded = path.join(dir, `${name}.txt`);
	const hooks = path.join(dir, `${name}-hooks.mjs`);
	writeFileSync(
		hooks,
		[
			`import {appendFileSync} from 'node:fs';`,
			`export async function resolve(specifier, context, next) {`,
			`\tconst r = await next(specifier, context);`,
			`\tappendFileSync(${JSON.stringify(loaded)}, (context.parentURL ?? '-') + ' ' + r.url + '\\n');`,
			`\treturn r;`,
			`}`,
		].join('\n'),
	);
	const register = path.join(dir, `${name}-register.mjs`);
	writeFileSync(register, `import {register} from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
	return {register, loaded};
}

/** The imports recorded: [importer, module] pairs. */
export function importsIn(loaded: string): Array<[string, string]> {
	return readFileSync(loaded, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map(line => line.split(' ') as [string, string]);
}

/**
 * The imports that loaded, as its own file, a module a joined file holds (empty when none is loaded twice);
 * `elsewhere` names importers in another module graph (a worker thread's), where that is no second copy.
 */
export function loadedTwice(
	edges: Array<[string, string]>,
	files: string[],
	elsewhere: ReadonlySet<string> = new Set(),
): Array<[string, string]> {
	const held = new Set(heldModules(files));
	const joinedUrls = new Set(files.map(f => pathToFileURL(f).href));
	return edges.filter(([parent, url]) => !joinedUrls.has(url) && held.has(url) && !elsewhere.has(parent));
}
