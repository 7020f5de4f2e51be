/**
 * Generates the bench stores once with the real CLI (`fortnight generate`) into a git-ignored cache.
 * The cache folder is keyed by a hash of the built generator, so a changed generator means new stores
 * rather than figures from stale data. Each store's shape (cases, reviews per case, bytes) is recorded
 * in a manifest beside it and checked, so the table can state what was measured.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CACHE, DIST} from './paths.mjs';
import {runNode} from './spawn.mjs';

export const SEED = 'bench';
export const REFERENCE_DATE = '2026-11-30';

/**
 * The built files that decide a generated store's bytes: `generate` and everything it imports, followed
 * through relative imports (so a change to the rules does not cost a regeneration, a change to the
 * generator, model or chain does).
 */
function generatorKey() {
	const h = createHash('sha256');
	const seen = new Set();
	const visit = file => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) visit(path.resolve(path.dirname(file), m[1]));
	};
	visit(path.join(DIST, 'commands', 'generate.js'));
	for (const f of [...seen].sort()) h.update(path.relative(DIST, f)).update(readFileSync(f));
	return h.digest('hex').slice(0, 12);
}

/** Returns {file, cases, reviews, reviewsPerCase, bytes, generatedMs|null} for each size, generating what is missing. */
export async function ensureStores(sizes, log = () => {}) {
	const key = generatorKey();
	const dir = path.join(CACHE, `stores-${key}`);
	mkdirSync(dir, {recursive: true});
	// Stores from an older generator are only disk space now.
	for (const e of readdirSync(CACHE)) if (e.startsWith('stores-') && e !== `stores-${key}`) rmSync(path.join(CACHE, e), {recursive: true, force: true});
	const out = {};
	for (const n of sizes) {
		const file = path.join(dir, `s${n}.json`);
		const manifestFile = path.join(dir, `s${n}.manifest.json`);
		let manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
		if (!manifest || !existsSync(file) || statSync(file).size !== manifest.bytes) {
			log(`generating a ${n.toLocaleString('en-GB')}-case store (once; cached in ${path.relative(process.cwd(), dir)})`);
			const tmp = path.join(dir, `.s${n}.${process.pid}.generating.json`);
			const started = Date.now();
			await runNode(['dist/cli.js', 'generate', '--cases', String(n), '--seed', SEED, '--reference-date', REFERENCE_DATE, '--out', tmp, '--force'], {timeoutMs: 600_000});
			const data = JSON.parse(readFileSync(tmp, 'utf8'));
			const reviews = data.chain.filter(e => e.kind === 'review').length;
			manifest = {cases: data.cases.length, officers: data.officers.length, reviews, reviewsPerCase: reviews / data.cases.length, bytes: statSync(tmp).size, generatedMs: Date.now() - started};
			renameSync(`${tmp.slice(0, -5)}.welfare.json`, `${file.slice(0, -5)}.welfare.json`);
			renameSync(tmp, file);
			writeFileSync(manifestFile, JSON.stringify(manifest));
		}
		if (manifest.cases !== n) throw new Error(`the ${n}-case bench store holds ${manifest.cases} cases`);
		// The brief: about 10 reviews per case on average. Fail loudly if the generator drifts from that.
		if (manifest.reviewsPerCase < 7 || manifest.reviewsPerCase > 13) throw new Error(`the ${n}-case bench store has ${manifest.reviewsPerCase.toFixed(1)} reviews per case, not about 10`);
		out[n] = {file, ...manifest};
	}
	return out;
}
