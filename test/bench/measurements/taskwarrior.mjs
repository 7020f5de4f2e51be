/**
 * A peer (issue 18): `problems --json` against Taskwarrior's `task overdue` on the same cases' review
 * dates (one pending task per live case, due when the desk counts its review overdue), both spawned, in
 * the same run. Budget: within 3x at 5,000 cases. Taskwarrior is not a dependency: where `task` is not
 * installed the row says so and is skipped (nothing here or in `.ci/run` installs it; on Debian,
 * `apt-get install taskwarrior`).
 */
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {runNode} from '../lib/spawn.mjs';
import {interleaved, sampleOf} from '../lib/stats.mjs';
import {pathToFileURL} from 'node:url';
import {addDaysIso} from '../lib/dates.mjs';
import {DIST, ROOT, fixture} from '../lib/paths.mjs';

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
 * Each task is due on the day the review counts as overdue in `problems` (the domain's caseReviewDue,
 * from the last signed review or the allocation, plus settings.reviewOverdueAmberDays), so `task
 * overdue` lists the very cases `problems` reports as review-overdue; the folder is checked to hold
 * that many before it is used. Taskwarrior has no --today: each date is moved by the days from the
 * bench's today to the clock's. Made in a temporary folder and renamed, so a bench run never sees half.
 */
async function ensureTasks(ctx) {
	const now = new Date().toISOString().slice(0, 10);
	const shift = Math.round((Date.parse(now) - Date.parse(ctx.today)) / 86_400_000);
	const linked = ctx.store.file.replace(/\.json$/, `.taskwarrior-v2-${now}`);
	// The cache folder is often reached through a symlink (a worktree's test/bench/.cache): the taskrc names
	// the folder by its real path, so a folder made from one checkout still works from another.
	const dir = path.join(realpathSync(path.dirname(linked)), path.basename(linked));
	const rc = path.join(dir, 'taskrc');
	const settings = `data.location=${dir}\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\n`;
	if (existsSync(rc)) {
		// Made before this rule, through another checkout's link: the data files hold no path, so only the taskrc changes.
		if (readFileSync(rc, 'utf8') !== settings) {
			writeFileSync(`${rc}.${process.pid}.tmp`, settings);
			renameSync(`${rc}.${process.pid}.tmp`, rc);
		}
		return {dir, rc};
	}
	const tmp = `${dir}.${process.pid}.tmp`;
	mkdirSync(tmp, {recursive: true});
	const load = rel => import(pathToFileURL(path.join(DIST, rel)).href);
	const [{LIVE_STATUSES}, {readStoreFile}, {reviewsByCase}, {caseReviewDue, reviewOverdueDays}] = await Promise.all([
		load('domain/model.js'),
		load('store/store.js'),
		load('domain/case-facts.js'),
		load('domain/rules/index.js'),
	]);
	// The state as every command reads it: its chain working set holds each case's last review.
	const {data} = await readStoreFile(ctx.store.file);
	const last = reviewsByCase(data.chain);
	let overdue = 0;
	const tasks = data.cases
		.filter(c => LIVE_STATUSES.includes(c.status))
		.map(c => {
			const due = caseReviewDue(c, last.get(c.ref)?.at(-1)?.data.date ?? null, data.settings);
			if (reviewOverdueDays(due, ctx.today, data.settings) !== null) overdue++;
			return {
				description: `review ${c.ref}`,
				status: 'pending',
				entry: compact(c.opened),
				due: compact(addDaysIso(due, data.settings.reviewOverdueAmberDays + shift)),
			};
		});
	writeFileSync(path.join(tmp, 'tasks.json'), JSON.stringify(tasks));
	// The taskrc names the final folder; the import writes into the temporary one (data files hold no path).
	writeFileSync(path.join(tmp, 'taskrc'), settings);
	const task = (...args) =>
		// The import of 20,000 tasks says a line per task: more than execFileSync's default 1 MB buffer.
		execFileSync('task', [`rc.data.location=${tmp}`, ...args], {
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
			env: {...process.env, TASKRC: path.join(tmp, 'taskrc')},
		});
	task('import', path.join(tmp, 'tasks.json'));
	const listed = Number(task('+OVERDUE', 'count').trim());
	if (listed !== overdue)
		throw new Error(`Taskwarrior lists ${listed} overdue reviews where problems counts ${overdue}: the peer would not be like for like`);
	renameSync(tmp, dir);
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

/**
 * The floor under the row above (issue 18, for information): a Node process that only reads the state file
 * `problems` reads and JSON.parses it, against the same `task overdue`. No rule runs and nothing is printed,
 * so no `problems` that reads the store can be faster than this; where this alone is over 3x, the budget
 * above cannot be met by reading the store (README "Benchmarks", issue 18's status).
 */
export const taskwarriorFloor = {
	id: 'taskwarrior-floor',
	title: 'node: read + JSON.parse of the state file alone (no rules, no output)',
	baselineTitle: 'Taskwarrior `task overdue` on the same review dates',
	issue: 18,
	needs: ['problems'],
	unavailable: taskMissing,
	budget: {ratio: 3},
	bindsAt: [],
	sizes: [300, 5000, 20_000],
	async run(ctx) {
		const {rc} = await ensureTasks(ctx);
		return interleaved({
			runs: ctx.runs,
			warmup: ctx.warmup,
			budgetMs: ctx.budgetMs,
			subject: async () => sampleOf(await runNode([fixture('bare-parse.mjs'), ctx.store.file])),
			baseline: () => taskOverdue(rc),
		});
	},
};
