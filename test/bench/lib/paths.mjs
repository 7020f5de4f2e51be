/** Where the bench finds the built CLI, its fixtures and its git-ignored cache. */
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.resolve(BENCH_DIR, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const CLI = path.join(DIST, 'cli.js');
export const CACHE = path.join(BENCH_DIR, '.cache');
export const README = path.join(ROOT, 'README.md');
export const fixture = name => path.join(BENCH_DIR, 'fixtures', name);
export const PROBE_URL = pathToFileURL(fixture('probe.mjs')).href;
