/**
 * The read-only commands, each timed as a spawned CLI against a baseline process in the same run:
 * problems --json vs a bare read + JSON.parse of the store as one file (issue 3; issue 18 split the chain
 * out, and the single file, `store export --single-file`, is still the baseline), handover over a 14-day window vs problems --json
 * (issue 6), log --format csv vs a bare read + JSON.parse + JSON.stringify (issue 7), and the HTML report
 * vs log --format csv over the same 13 weeks (issue 23).
 */
import {addDaysIso} from '../lib/dates.mjs';
import {fixture} from '../lib/paths.mjs';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, sampleOf} from '../lib/stats.mjs';

const cli = async (ctx, args) => sampleOf(await runNode(['dist/cli.js', ...args, '--store', ctx.store.file, '--today', ctx.today, '--no-color'], {expectOutput: true}));
const bare = async (script, file) => sampleOf(await runNode([fixture(script), file]));

export const problems = {
	id: 'problems',
	title: '`problems --json`',
	baselineTitle: 'node: read + JSON.parse',
	issue: 3,
	needs: ['problems'],
	budget: {ratio: 2},
	run: ctx =>
		interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => cli(ctx, ['problems', '--json']),
			// The old single file (the whole chain inside), as every store was before issue 18.
			baseline: () => bare('bare-parse.mjs', ctx.store.singleFile),
		}),
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
		interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: () => cli(ctx, ['log', '--format', 'csv']),
			baseline: () => bare('bare-export.mjs', ctx.store.singleFile),
		}),
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
