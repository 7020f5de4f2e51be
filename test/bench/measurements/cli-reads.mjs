/**
 * The read-only commands, each timed as a spawned CLI against a baseline process in the same run:
 * problems --json vs a bare read + JSON.parse of the store as one file (issue 3; issue 18 split the chain
 * out, and the single file, `store export --single-file`, is still the baseline), handover over a 14-day window vs problems --json
 * (issue 6), log --format csv vs a bare read + JSON.parse + JSON.stringify (issue 7), and the HTML report
 * vs log --format csv over the same 13 weeks (issue 23).
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {addDaysIso} from '../lib/dates.mjs';
import {copyStore} from '../lib/stores.mjs';
import {CACHE, fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, sampleOf} from '../lib/stats.mjs';

const cli = async (ctx, args) =>
	sampleOf(await runNode(['dist/cli.js', ...args, '--store', ctx.store.file, '--today', ctx.today, '--no-color'], {expectOutput: true}));
const bare = async (script, file) => sampleOf(await runNode([fixture(script), file]));
/**
 * The read commands' baseline: the store as one JSON file, read and parsed (or also stringified). A
 * 50,000-case store cannot be one file (past V8's longest string; stores.mjs): there, the state file
 * parsed and the chain file's lines parsed one by one, and the row says so.
 */
const oneFile = (ctx, script) => (ctx.store.singleFile ? bare(script, ctx.store.singleFile) : bare('bare-parse-split.mjs', ctx.store.file));
const splitNote = ctx => (ctx.store.singleFile ? undefined : 'baseline: state + chain lines parsed, no single file can hold this store');
const withNote = async (ctx, measured) => ({...(await measured), note: splitNote(ctx)});

export const problems = {
	id: 'problems',
	title: '`problems --json`',
	baselineTitle: 'node: read + JSON.parse of the single-file store',
	// Issue 3 asked 2x; issue 18 tightened it to 0.8x of the same baseline at 5,000 cases, so that is the verdict.
	issue: 18,
	needs: ['problems'],
	budget: {ratio: 0.8},
	run: ctx =>
		withNote(
			ctx,
			interleaved({
				runs: ctx.runs,
				warmup: ctx.warmup,
				budgetMs: ctx.budgetMs,
				subject: () => cli(ctx, ['problems', '--json']),
				// The old single file (the whole chain inside), as every store was before issue 18.
				baseline: () => oneFile(ctx, 'bare-parse.mjs'),
			}),
		),
};

export const handover = {
	id: 'handover',
	title: '`handover --from D --to D+13`',
	baselineTitle: '`problems --json`',
	issue: 6,
	needs: ['handover', 'problems'],
	budget: {ratio: 2},
	run: ctx =>
		interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => cli(ctx, ['handover', '--from', ctx.today, '--to', addDaysIso(ctx.today, 13)]),
			baseline: () => cli(ctx, ['problems', '--json']),
		}),
};

export const log = {
	id: 'log',
	title: '`log --format csv`',
	baselineTitle: 'node: read + JSON.parse + JSON.stringify',
	issue: 7,
	needs: ['log'],
	budget: {ratio: 2},
	run: ctx =>
		withNote(
			ctx,
			interleaved({
				runs: ctx.runs,
				warmup: ctx.warmup,
				budgetMs: ctx.budgetMs,
				subject: () => cli(ctx, ['log', '--format', 'csv']),
				baseline: () => (ctx.store.singleFile ? bare('bare-export.mjs', ctx.store.singleFile) : runSplit(ctx, 'stringify')),
			}),
		),
};

const runSplit = async (ctx, mode) => sampleOf(await runNode([fixture('bare-parse-split.mjs'), ctx.store.file, mode]));

/** `verify` walks the whole chain (hashes, links, signatures) in constant memory: for information, at every size. */
export const verify = {
	id: 'verify',
	title: '`verify`',
	baselineTitle: 'node: read + JSON.parse of the state and every chain line',
	issue: 18,
	needs: ['verify'],
	budget: {ratio: 3},
	bindsAt: [],
	run: ctx =>
		interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => cli(ctx, ['verify']),
			baseline: () => runSplit(ctx, 'parse'),
		}),
};

/**
 * One CLI write (issue 18): `absence add` on a private copy of the store (copied before the timer, each
 * run a new absence for the next detective) against `problems --json` on the same store: within 1.5x
 * at 5,000 cases. A write reads and checks the state like a read, then saves it durably.
 */
export const absenceAdd = {
	id: 'absence-add',
	title: 'one CLI write, `absence add`',
	baselineTitle: '`problems --json`',
	issue: 18,
	needs: ['absence', 'problems'],
	budget: {ratio: 1.5},
	sizes: [300, 5000, 20_000],
	async run(ctx) {
		const dir = mkdtempSync(path.join(CACHE, 'write-'));
		try {
			const copy = path.join(dir, 'store.json');
			copyStore(ctx.store.file, copy);
			const {officers, absences, team} = JSON.parse(readFileSync(ctx.store.file, 'utf8'));
			// Detectives with no absence open or booked beyond the next year (an overlap is refused).
			const away = new Set(absences.filter(a => a.to === null || a.to >= addDaysIso(ctx.today, 365)).map(a => a.officerId));
			// The sergeant's own detectives: an absence is recorded by whoever supervises the officer (README "Who may change absences and cover").
			const detectives = officers.filter(
				o => o.role === 'investigator' && o.leftUnit === null && !away.has(o.id) && o.supervisorId === team.sergeantId,
			);
			let n = 0;
			const write = async () => {
				const who = detectives[n++ % detectives.length];
				const from = addDaysIso(ctx.today, 400 + n);
				const args = ['absence', 'add', who.id, '--from', from, '--to', from, '--reason', 'training', '--as', team.sergeantId];
				return sampleOf(await runNode(['dist/cli.js', ...args, '--store', copy, '--today', ctx.today, '--no-color']));
			};
			return await interleaved({
				runs: ctx.runs,
				warmup: ctx.warmup,
				budgetMs: ctx.budgetMs,
				subject: write,
				baseline: () => cli({...ctx, store: {...ctx.store, file: copy}}, ['problems', '--json']),
			});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	},
};

/**
 * The inspector's HTML report against the CSV log of the same store and the same period: the report's
 * default, the 13 weeks to today, given to both as --from/--to (the CSV's own default is 28 days, which
 * would compare a quarter's work with a month's).
 */
export const logHtml = {
	id: 'log-html',
	title: '`log --format html` (13 weeks)',
	baselineTitle: '`log --format csv`, same 13 weeks',
	issue: 23,
	needs: ['log'],
	budget: {ratio: 1.5},
	run: ctx => {
		const period = ['--from', addDaysIso(ctx.today, -(13 * 7 - 1)), '--to', ctx.today];
		return interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => cli(ctx, ['log', '--format', 'html', ...period]),
			baseline: () => cli(ctx, ['log', '--format', 'csv', ...period]),
		});
	},
};
