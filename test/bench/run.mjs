#!/usr/bin/env node
/**
 * `npm run bench`: generates the 300, 5,000, 20,000 and 50,000-case stores once (cached; the largest
 * across 40 teams), runs every
 * measurement against its baseline in the same run, checks the budgets and how figures grow with the
 * case count, and rewrites the README's Benchmarks table between its markers.
 *
 *   node test/bench/run.mjs [--smoke] [--sizes 300,5000] [--runs N] [--only id,id] [--no-readme]
 *                           [--minutes M]   (time limit for the measurements; default 25)
 *
 * --smoke: 300 cases, one run of each, no warm-up, no README, no budget verdicts (the smoke test).
 * Exit 1 when a binding budget fails or a built measurement errors; 0 otherwise.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {performance} from 'node:perf_hooks';
import {machine} from './lib/machine.mjs';
import {CACHE, CLI, DIST, README} from './lib/paths.mjs';
import {crossChecks, growth, judge, markdown, writeReadme} from './lib/report.mjs';
import {ensureStores} from './lib/stores.mjs';
import {MEASUREMENTS} from './measurements/index.mjs';

export const TODAY = '2026-11-30';
export const SIZES = [300, 5000, 20_000, 50_000];
/** Most runs per size; fewer are taken when the time share of a measurement runs out (see fitRuns). */
export const RUNS = {300: 5, 5000: 5, 20_000: 3, 50_000: 1};

/** The measurements' time limit: four store sizes, 50,000 cases among them, and the desk in a terminal. */
export const MINUTES = 25;

export async function runBench(options = {}) {
	const smoke = Boolean(options.smoke);
	const sizes = options.sizes ?? (smoke ? [300] : SIZES);
	const log = options.log ?? (s => process.stderr.write(`bench: ${s}\n`));
	const began = performance.now();
	mkdirSync(CACHE, {recursive: true});
	const {COMMANDS} = await import(pathToFileURL(path.join(DIST, 'commands', 'index.js')).href).catch(() => {
		throw new Error(`no build at ${CLI}: run "npm run build" first (npm run bench does).`);
	});
	const commands = new Set(Object.keys(COMMANDS));
	const stores = await ensureStores(sizes, log);
	// Generating the stores is a one-off cache fill (about half a minute on an idle 2-core machine);
	// the measurements' time limit starts once they are ready, and the table says what each took.
	const generatedMs = performance.now() - began;
	const deadline = performance.now() + (options.minutes ?? MINUTES) * 60_000;
	const only = options.only ? new Set(options.only) : null;
	const plan = [];
	for (const size of sizes)
		for (const m of MEASUREMENTS) if ((!only || only.has(m.id)) && (!m.sizes || m.sizes.includes(size))) plan.push({m, size});
	const isBuilt = m => m.needs.every(c => commands.has(c)) && (!m.built || m.built());

	const rows = [];
	// Each measurement's share of the time left: most where the budgets bind (5,000 cases).
	const weight = size => (size <= 300 ? 1 : size <= 5000 ? 3 : size <= 20_000 ? 2.5 : 2);
	let warmSize = null;
	for (const [i, {m, size}] of plan.entries()) {
		const row = {m, size, status: 'measured'};
		rows.push(row);
		if (!isBuilt(m)) {
			row.status = 'not built yet';
			continue;
		}
		// A peer tool that is not on this machine (Taskwarrior): the row says so, and nothing is installed.
		const missing = m.unavailable?.();
		if (missing) {
			row.status = `skipped: ${missing}`;
			continue;
		}
		const left = deadline - performance.now();
		if (left <= 0) {
			row.status = `skipped (${options.minutes ?? MINUTES}-minute limit)`;
			continue;
		}
		const rest = plan
			.slice(i)
			.filter(p => isBuilt(p.m))
			.reduce((sum, p) => sum + weight(p.size), 0);
		const budgetMs = smoke ? Infinity : (left * weight(size)) / rest;
		const runs = options.runs ?? (smoke ? 1 : (RUNS[size] ?? 3));
		// A warm-up pair of spawned processes only fills the page cache (nothing else survives a process):
		// read the file once instead, and keep warm-up pairs for the small store where they are cheap.
		if (warmSize !== size) {
			readFileSync(stores[size].file);
			warmSize = size;
		}
		const warmup = !smoke && size <= 300;
		log(`${m.id} at ${size.toLocaleString('en-GB')} cases: up to ${runs} run${runs === 1 ? '' : 's'} in ${Math.round(budgetMs / 1000)} s`);
		try {
			row.result = await m.run({size, store: stores[size], stores, runs, warmup, budgetMs, smoke, today: TODAY, log});
		} catch (err) {
			row.status = 'error';
			row.error = err instanceof Error ? err.message : String(err);
			log(`${m.id} at ${size}: ${row.error}`);
		}
	}
	judge(rows);
	const grow = growth(rows, sizes);
	const cross = crossChecks(rows);
	const info = machine();
	const elapsedMs = performance.now() - began;
	const table = markdown({rows, grow, cross, machine: info, stores, elapsedMs, generatedMs, smoke});
	if (!smoke && options.readme !== false) writeReadme(README, table);
	writeFileSync(
		path.join(CACHE, smoke ? 'smoke-results.json' : 'results.json'),
		JSON.stringify({machine: info, elapsedMs, rows: rows.map(({m, ...r}) => ({id: m.id, ...r}))}, null, 2),
	);
	const failures = [
		...rows.filter(r => r.status === 'error').map(r => `${r.m.id} at ${r.size}: ${r.error}`),
		...(smoke
			? []
			: rows
					.filter(r => r.verdict === 'FAIL')
					.map(
						r =>
							`${r.m.id} at ${r.size}: ${r.m.budget.ratio ? `${r.ratio.toFixed(2)}x` : `${r.result.subject.medianMs.toFixed(1)} ms`}, budget ${r.limit}`,
					)),
		...(smoke ? [] : cross.filter(c => c.verdict === 'FAIL').map(c => `${c.what}: ${c.ratio.toFixed(2)}x, budget ${c.limit}`)),
	];
	return {rows, grow, cross, table, failures, elapsedMs};
}

function parseArgs(argv) {
	const o = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = () => argv[++i];
		if (a === '--smoke') o.smoke = true;
		else if (a === '--no-readme') o.readme = false;
		else if (a === '--sizes') o.sizes = next().split(',').map(Number);
		else if (a === '--runs') o.runs = Number(next());
		else if (a === '--only') o.only = next().split(',');
		else if (a === '--minutes') o.minutes = Number(next());
		else throw new Error(`unknown option ${a}`);
	}
	return o;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const result = await runBench(parseArgs(process.argv.slice(2)));
		process.stdout.write(result.table + '\n');
		if (result.failures.length) {
			process.stderr.write(`\nbench: over budget or broken:\n  ${result.failures.join('\n  ')}\n`);
			process.exitCode = 1;
		}
	} catch (err) {
		process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
		process.exitCode = 2;
	}
}
