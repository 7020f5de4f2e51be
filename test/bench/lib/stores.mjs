/**
 * Generates the bench stores once with the real CLI (`fortnight generate`) into a git-ignored cache.
 * The cache folder is keyed by a hash of the built generator, so a changed generator means new stores
 * rather than figures from stale data. Each store's shape (cases, reviews per case, bytes) is recorded
 * in a manifest beside it and checked, so the table can state what was measured.
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CACHE} from './paths.mjs';
import {runNode} from './spawn.mjs';

export const SEED = 'bench';
export const REFERENCE_DATE = '2026-11-30';

/**
 * What the generator makes now, as a key: the hash of a freshly generated 300-case store. The generator
 * is deterministic, so the same bytes mean the cached larger stores are still what it would make;
 * changes elsewhere in the code (locking, rules) cost no regeneration, a changed generator, model or
 * chain format does. The fresh store becomes the cached 300-case one.
 */
async function generatorKey() {
	const tmp = path.join(CACHE, `.key-${process.pid}.json`);
	await generate(300, tmp);
	const key = createHash('sha256').update(readFileSync(tmp)).update(readFileSync(welfareOf(tmp))).digest('hex').slice(0, 12);
	return {key, fresh300: tmp};
}

const welfareOf = file => file.replace(/\.json$/, '.welfare.json');

function generate(n, out) {
	return runNode(['dist/cli.js', 'generate', '--cases', String(n), '--seed', SEED, '--reference-date', REFERENCE_DATE, '--out', out, '--force'], {timeoutMs: 600_000});
}

function move(from, to) {
	renameSync(welfareOf(from), welfareOf(to));
	renameSync(from, to);
}

/** Returns {file, cases, reviews, reviewsPerCase, bytes, generatedMs|null} for each size, generating what is missing. */
export async function ensureStores(sizes, log = () => {}) {
	mkdirSync(CACHE, {recursive: true});
	const {key, fresh300} = await generatorKey();
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
			const tmp = path.join(dir, `.s${n}.${process.pid}.generating.json`);
			const started = Date.now();
			if (n === 300) move(fresh300, tmp);
			else {
				log(`generating a ${n.toLocaleString('en-GB')}-case store (once; cached in ${path.relative(process.cwd(), dir)})`);
				await generate(n, tmp);
			}
			const data = JSON.parse(readFileSync(tmp, 'utf8'));
			const reviews = data.chain.filter(e => e.kind === 'review').length;
			manifest = {cases: data.cases.length, officers: data.officers.length, reviews, reviewsPerCase: reviews / data.cases.length, bytes: statSync(tmp).size, generatedMs: Date.now() - started};
			move(tmp, file);
			writeFileSync(manifestFile, JSON.stringify(manifest));
		}
		if (manifest.cases !== n) throw new Error(`the ${n}-case bench store holds ${manifest.cases} cases`);
		// The brief: about 10 reviews per case on average. Fail loudly if the generator drifts from that.
		if (manifest.reviewsPerCase < 7 || manifest.reviewsPerCase > 13) throw new Error(`the ${n}-case bench store has ${manifest.reviewsPerCase.toFixed(1)} reviews per case, not about 10`);
		out[n] = {file, ...manifest};
	}
	rmSync(fresh300, {force: true});
	rmSync(welfareOf(fresh300), {force: true});
	return out;
}
