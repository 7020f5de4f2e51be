/**
 * The PostgreSQL store (issue 19), in one run at 5,000 and 50,000 cases across 40 teams (lib/force.mjs:
 * a throwaway cluster, each team put in with `fortnight store copy`; the measured team is the same
 * 1,250-case store in both forces):
 * - a sergeant's desk opening on their team, through tmux to the explorer's rows on screen, connected
 *   with their own database role, against the desk on the same team's JSON store (the file that was
 *   copied in): budget 1.5x;
 * - `problems --json` for that team in the 50,000-case force against the same in the 5,000-case force:
 *   budget 1.2x (one team's reads do not grow with the force);
 * - signing a review as the sergeant against one bare INSERT round trip on the same server: budget 2x.
 * The cluster lives as long as the bench process; the forces are loaded once per size.
 */
import path from 'node:path';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {CACHE, fixture} from '../lib/paths.mjs';
import {forceStores, loadForce} from '../lib/force.mjs';
import {postgresBin, startCluster} from '../lib/postgres.mjs';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, median, sampleOf, summarise} from '../lib/stats.mjs';
import {hasTmux, tmuxSession} from '../lib/tmux.mjs';
import {DESK_READY, deskBuilt} from './desk.mjs';

let cluster = null;
const forces = new Map();

/** The force of `size` cases, loaded into the bench's cluster once (started on first use). */
function force(ctx, size) {
	if (!forces.has(size)) {
		forces.set(
			size,
			(async () => {
				cluster ??= startCluster();
				const teams = await forceStores(path.dirname(ctx.store.file), size, ctx.log);
				return loadForce(cluster, `force${size}`, teams, ctx.log);
			})(),
		);
	}
	return forces.get(size);
}

const unavailable = () => (postgresBin() ? null : 'PostgreSQL is not installed on this machine (initdb, pg_ctl, postgres, psql)');
const common = {needs: ['store'], unavailable, sizes: [5000, 50_000]};
/** The PostgreSQL rows take more runs than their store size's default: one team is cheap to open. */
const runsFor = ctx => (ctx.smoke ? 1 : Math.max(ctx.runs, 5));

/** The explorer's rows on screen ("1,234 live cases 1/1,250"). */
const ROWS = /live cases? 1\/[\d,]+/;

/** One desk opening in a tmux pane, to the explorer's rows; a sample timed from the program's start. */
async function openToRows(args) {
	const s = await tmuxSession(args);
	try {
		const a = await s.waitFor(DESK_READY);
		const b = await s.waitFor(ROWS, {from: a.index - 1});
		const probe = await s.close();
		return {ms: b.t - s.started, cpuMs: probe ? probe.userMs + probe.systemMs : NaN, rssKb: probe?.maxRssKb ?? null};
	} finally {
		await s.close();
	}
}

export const pgDesk = {
	...common,
	id: 'pg-desk',
	title: "PostgreSQL: a sergeant's desk on their team of 1,250 cases (own role), case rows visible, through tmux",
	baselineTitle: 'the desk on the same team as a JSON store',
	issue: 19,
	built: () => deskBuilt() && hasTmux(),
	budget: {ratio: 1.5},
	bindsAt: [5000, 50_000],
	async run(ctx) {
		const f = await force(ctx, ctx.size);
		const as = ['--as', f.sergeantId, '--today', ctx.today];
		return interleaved({
			runs: runsFor(ctx),
			warmup: !ctx.smoke,
			budgetMs: ctx.budgetMs,
			subject: () => openToRows(['dist/cli.js', '--store', f.sergeant, ...as]),
			baseline: () => openToRows(['dist/cli.js', '--store', f.measured.file, ...as]),
		});
	},
};

export const pgProblems = {
	...common,
	id: 'pg-problems',
	title: 'PostgreSQL: `problems --json` for one team (own role) in a 50,000-case force of 40 teams',
	baselineTitle: 'the same team in a 5,000-case force',
	issue: 19,
	sizes: [50_000],
	budget: {ratio: 1.2},
	bindsAt: [50_000],
	async run(ctx) {
		const big = await force(ctx, 50_000);
		const small = await force(ctx, 5000);
		const problems = f => async () =>
			sampleOf(await runNode(['dist/cli.js', '--store', f.sergeant, '--today', ctx.today, 'problems', '--json'], {expectOutput: true}));
		return interleaved({runs: runsFor(ctx), warmup: !ctx.smoke, budgetMs: ctx.budgetMs, subject: problems(big), baseline: problems(small)});
	},
};

/** The median of a figure lib/in-process.mjs gives beside the time (cpuMs, serverCpuMs, waitMs), as text. */
const cpu = (samples, key) => median(samples.map(x => x[key] ?? NaN)).toFixed(1);

export const pgSign = {
	...common,
	id: 'pg-sign',
	title: 'PostgreSQL: sign a review as the sergeant (own role; lock, write, append, notify, commit)',
	baselineTitle: 'one bare INSERT round trip (autocommit)',
	issue: 19,
	budget: {ratio: 2},
	bindsAt: [5000, 50_000],
	async run(ctx) {
		const f = await force(ctx, ctx.size);
		const dir = mkdtempSync(path.join(CACHE, 'pg-sign-'));
		try {
			const outFile = path.join(dir, 'result.json');
			const runs = ctx.smoke ? 1 : Math.max(ctx.runs, 15);
			const deadline = String(Date.now() + ctx.budgetMs);
			const args = [fixture('pg-sign-worker.mjs'), f.sergeant, f.owner, String(runs), ctx.smoke ? '0' : '1', ctx.today, deadline];
			const run = await runNode(['--expose-gc', ...args], {stdoutTo: outFile});
			const r = JSON.parse(readFileSync(outFile, 'utf8'));
			return {
				subject: summarise(r.subject.map(x => ({...x, rssKb: run.probe?.maxRssKb ?? x.rssKb}))),
				baseline: summarise(r.baseline),
				note:
					`${r.label}; of which the one write statement: median ${median(r.statementMs).toFixed(1)} ms in ${r.statementMs.length} signings; ` +
					`a prepared INSERT of the entry into a table with fortnight_chain's key and indexes: median ${median(r.shaped.map(y => y.ms)).toFixed(1)} ms; ` +
					`CPU (this process's main thread and its connection's server process): median ${cpu(r.subject, 'cpuMs')} ms signing, ` +
					`of which the server ${cpu(r.subject, 'serverCpuMs')} ms, against ${cpu(r.baseline, 'cpuMs')} ms the bare INSERT; ` +
					`waiting for a CPU: median ${cpu(r.subject, 'waitMs')} ms signing, ${cpu(r.baseline, 'waitMs')} ms the bare INSERT`,
			};
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};
