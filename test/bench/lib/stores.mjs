/**
 * Generates the bench stores once with the real CLI (`fortnight generate`) into a git-ignored cache.
 * The cache folder is keyed by a hash of the built generator, so a changed generator means new stores
 * rather than figures from stale data. Each store's shape (cases, reviews per case, bytes) is recorded
 * in a manifest beside it and checked, so the table can state what was measured.
 */
import {constants} from 'node:buffer';
import {createHash} from 'node:crypto';
import {
	copyFileSync,
	createReadStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {CACHE} from './paths.mjs';
import {runNode} from './spawn.mjs';

export const SEED = 'bench';
const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;
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
	const hash = createHash('sha256')
		.update(readFileSync(tmp))
		.update(readFileSync(welfareOf(tmp)));
	if (existsSync(chainOf(tmp))) hash.update(readFileSync(chainOf(tmp)));
	const key = hash.digest('hex').slice(0, 12);
	return {key, fresh300: tmp};
}

const welfareOf = file => file.replace(/\.json$/, '.welfare.json');
/** A store is two files (store README, "The review chain file"): the state and its chain, one entry a line. */
export const chainOf = file => file.replace(/\.json$/, '.chain.jsonl');

/** The largest store is a force's: its cases across 40 sergeants' teams (issue 18), not one per 60 cases. */
export const TEAMS = {50_000: 40};

function generate(n, out) {
	const teams = TEAMS[n] ? ['--teams', String(TEAMS[n])] : [];
	const args = ['generate', '--cases', String(n), ...teams, '--seed', SEED, '--reference-date', REFERENCE_DATE, '--out', out, '--force'];
	return runNode(['dist/cli.js', ...args], {timeoutMs: 1_800_000});
}

function move(from, to) {
	renameSync(welfareOf(from), welfareOf(to));
	if (existsSync(chainOf(from))) renameSync(chainOf(from), chainOf(to));
	renameSync(from, to);
}

/** Copies a bench store (state, chain and welfare files) to `to`, for a measurement that writes. */
export function copyStore(from, to) {
	copyFileSync(from, to);
	if (existsSync(chainOf(from))) copyFileSync(chainOf(from), chainOf(to));
	copyFileSync(welfareOf(from), welfareOf(to));
}

/** Reviews in a chain file, counted line by line (a 50,000-case chain is more text than one string holds). */
async function reviewsIn(chainFile) {
	let reviews = 0;
	const lines = createInterface({input: createReadStream(chainFile), crlfDelay: Infinity});
	for await (const line of lines) if (line.includes('"kind":"review"')) reviews++;
	return reviews;
}

/** Returns {file, cases, reviews, reviewsPerCase, bytes, generatedMs|null} for each size, generating what is missing. */
export async function ensureStores(sizes, log = () => {}) {
	mkdirSync(CACHE, {recursive: true});
	const {key, fresh300} = await generatorKey();
	const dir = path.join(CACHE, `stores-${key}`);
	mkdirSync(dir, {recursive: true});
	// Stores from an older generator are only disk space now.
	for (const e of readdirSync(CACHE))
		if (e.startsWith('stores-') && e !== `stores-${key}`) rmSync(path.join(CACHE, e), {recursive: true, force: true});
	const out = {};
	for (const n of sizes) {
		const file = path.join(dir, `s${n}.json`);
		const manifestFile = path.join(dir, `s${n}.manifest.json`);
		let manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
		// The state file's own size (`bytes` counts the chain file too: comparing with it regenerated every store
		// on every run).
		if (!manifest || !existsSync(file) || statSync(file).size !== (manifest.stateBytes ?? manifest.bytes)) {
			const tmp = path.join(dir, `.s${n}.${process.pid}.generating.json`);
			const started = Date.now();
			if (n === 300) move(fresh300, tmp);
			else {
				log(`generating a ${n.toLocaleString('en-GB')}-case store (once; cached in ${path.relative(process.cwd(), dir)})`);
				await generate(n, tmp);
			}
			const data = JSON.parse(readFileSync(tmp, 'utf8'));
			const reviews = existsSync(chainOf(tmp)) ? await reviewsIn(chainOf(tmp)) : data.chain.filter(e => e.kind === 'review').length;
			const stateBytes = statSync(tmp).size;
			const chainBytes = existsSync(chainOf(tmp)) ? statSync(chainOf(tmp)).size : 0;
			manifest = {
				cases: data.cases.length,
				officers: data.officers.length,
				reviews,
				reviewsPerCase: reviews / data.cases.length,
				bytes: stateBytes + chainBytes,
				stateBytes,
				chainBytes,
				generatedMs: Date.now() - started,
			};
			move(tmp, file);
			writeFileSync(manifestFile, JSON.stringify(manifest));
		}
		// The same store as one JSON file (`store export --single-file`): what every store was before the
		// chain had its own file, and the baseline the read commands are held to (issue 18).
		// A store past the size one file can hold (V8's longest string: 50,000 cases) has none; the read
		// commands' rows then say which baseline they used (measurements/cli-reads.mjs).
		const single = path.join(dir, `s${n}.single.json`);
		if (!existsSync(single) && existsSync(chainOf(file)) && manifest.bytes < MAX_STRING_LENGTH) {
			const tmp = path.join(dir, `.s${n}.${process.pid}.single.json`);
			await runNode(['dist/cli.js', 'store', 'export', '--single-file', '--out', tmp, '--force', '--store', file], {timeoutMs: 600_000});
			renameSync(tmp, single);
		}
		if (manifest.cases !== n) throw new Error(`the ${n}-case bench store holds ${manifest.cases} cases`);
		// The brief: about 10 reviews per case on average. Fail loudly if the generator drifts from that.
		if (manifest.reviewsPerCase < 7 || manifest.reviewsPerCase > 13)
			throw new Error(`the ${n}-case bench store has ${manifest.reviewsPerCase.toFixed(1)} reviews per case, not about 10`);
		out[n] = {
			file,
			singleFile: existsSync(single) ? single : existsSync(chainOf(file)) ? null : file,
			teams: TEAMS[n] ?? null,
			...manifest,
		};
	}
	rmSync(fresh300, {force: true});
	rmSync(chainOf(fresh300), {force: true});
	rmSync(welfareOf(fresh300), {force: true});
	return out;
}
