#!/usr/bin/env node
/**
 * `npm start`: starts the desk at once, compiling first only when a source file is newer than the
 * build (a fresh clone is built by `npm ci`'s prepare step). Recompiling on every start cost 9-12 s of
 * a silent screen before a desk that draws in under a second.
 */
import {spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'cli.js');

function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const p = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return latest;
}

let builtAt = 0;
try {
	builtAt = statSync(built).mtimeMs;
} catch {
	// not built yet
}
const sources = Math.max(newest(path.join(root, 'source')), statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (sources > builtAt) {
	process.stderr.write('fortnight: compiling (a source file changed since the last build)...\n');
	const tsc = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')],
		{stdio: 'inherit'},
	);
	if (tsc.status !== 0) process.exit(tsc.status ?? 1);
	// The build's last step, as `npm run build` does it: the desk's and the commands' modules joined (bundle.mjs says why).
	const joined = spawnSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], {stdio: ['ignore', 'ignore', 'inherit']});
	if (joined.status !== 0) process.exit(joined.status ?? 1);
}
await import(built);
