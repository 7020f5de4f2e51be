/**
 * A peer (issue 18): `problems --json` against Taskwarrior's `task overdue` on the same cases' review
 * dates (one pending task per live case, due on its next review date), both spawned, in the same run.
 * Budget: within 3x at 5,000 cases. Taskwarrior is not a dependency: where `task` is not installed the
 * row says so and is skipped (`.ci/run` may install it from Debian packages; nothing here installs it).
 */
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, sampleOf} from '../lib/stats.mjs';
import {pathToFileURL} from 'node:url';
import {addDaysIso} from '../lib/dates.mjs';
import {DIST, ROOT} from '../lib/paths.mjs';

/** Why the row cannot be measured here, or null when `task` runs. */
export function taskMissing() {
	try {
		execFileSync('task', ['--version'], {stdio: 'ignore', env: {...process.env, TASKRC: '/dev/null'}});
		return null;
	} catch {
		return 'Taskwarrior (task) is not installed on this machine';
	}
}

const compact = iso => `${iso.replaceAll('-', '')}T000000Z`;

/**
 * A Taskwarrior data folder beside the bench store holding its live cases' reviews (made per day).
 * Taskwarrior has no --today: each due date is moved by the days from the bench's today to the clock's,
 * so the same reviews are overdue for both.
 */
async function ensureTasks(ctx) {
	const now = new Date().toISOString().slice(0, 10);
	const shift = Math.round((Date.parse(now) - Date.parse(ctx.today)) / 86_400_000);
	const dir = ctx.store.file.replace(/\.json$/, `.taskwarrior-${now}`);
	const rc = path.join(dir, 'taskrc');
	if (existsSync(rc)) return {dir, rc};
	const tmp = `${dir}.${process.pid}.tmp`;
	mkdirSync(tmp, {recursive: true});
	const tmpRc = path.join(tmp, 'taskrc');
	writeFileSync(tmpRc, `data.location=${dir}\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\n`);
	const {LIVE_STATUSES} = await import(pathToFileURL(path.join(DIST, 'domain', 'model.js')).href);
	const {cases} = JSON.parse(readFileSync(ctx.store.file, 'utf8'));
	const tasks = cases
		.filter(c => LIVE_STATUSES.includes(c.status))
		.map(c => ({
			description: `review ${c.ref}`,
			status: 'pending',
			entry: compact(c.opened),
			due: compact(addDaysIso(c.nextReviewDue, shift)),
		}));
	writeFileSync(path.join(tmp, 'tasks.json'), JSON.stringify(tasks));
	// Imported in the final folder's name (data.location), so the data files are made where they stay.
	renameSync(tmp, dir);
	execFileSync('task', ['import', path.join(dir, 'tasks.json')], {stdio: 'ignore', env: {...process.env, TASKRC: rc}});
	return {dir, rc};
}

/** Spawns `task overdue` (its report to a discarded pipe) and times it from spawn to exit. */
function taskOverdue(rc) {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn('task', ['overdue'], {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, TASKRC: rc}});
		let bytes = 0;
		child.stdout.on('data', d => (bytes += d.length));
		child.on('error', reject);
		child.on('close', code =>
			code === 0 && bytes > 0
				? resolve({ms: performance.now() - start})
				: reject(new Error(`task overdue exited ${code} after ${bytes} bytes`)),
		);
	});
}

export const taskwarrior = {
	id: 'taskwarrior',
	title: '`problems --json`',
	baselineTitle: 'Taskwarrior `task overdue` on the same review dates',
	issue: 18,
	needs: ['problems'],
	unavailable: taskMissing,
	budget: {ratio: 3},
	sizes: [300, 5000, 20_000],
	async run(ctx) {
		const {rc} = await ensureTasks(ctx);
		return interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: async () =>
				sampleOf(
					await runNode(['dist/cli.js', 'problems', '--json', '--store', ctx.store.file, '--today', ctx.today, '--no-color'], {
						expectOutput: true,
					}),
				),
			baseline: () => taskOverdue(rc),
		});
	},
};
