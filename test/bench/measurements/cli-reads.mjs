/**
 * The read-only commands, each timed as a spawned CLI against a baseline process in the same run:
 * problems --json vs a bare read + JSON.parse of the store as one file (issue 3; issue 18 split the chain
 * out, and the single file, `store export --single-file`, is still the baseline), handover over a 14-day window vs problems --json
 * (issue 6), log --format csv vs a bare read + JSON.parse + JSON.stringify (issue 7).
 */
import {addDaysIso} from '../lib/dates.mjs';
import {fixture} from '../lib/paths.mjs';
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
	baselineTitle: 'node: read + JSON.parse',
	issue: 3,
	needs: ['problems'],
	budget: {ratio: 2},
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
