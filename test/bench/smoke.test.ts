/**
 * The bench's smoke version, part of `npm test` so the bench code cannot rot: the 300-case store, one
 * run of each measurement, no budgets. Every measurement must either produce real figures or be
 * reported "not built yet" because its command really is missing from the build. The full bench is
 * `npm run bench` (minutes; not part of the tests).
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
// @ts-expect-error plain ESM JavaScript without type declarations
import {runBench} from './run.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import {MEASUREMENTS} from './measurements/index.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import {END, growth, START, writeReadme} from './lib/report.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import {alternate, fitRuns, interleaved, median} from './lib/stats.mjs';
// @ts-expect-error plain ESM JavaScript without type declarations
import {quiet, timed} from './lib/in-process.mjs';
// @ts-expect-error the build's JavaScript, without type declarations (the commands that are really built)
import {COMMANDS} from '../../dist/commands/index.js';

interface Figures {
	runs: number;
	medianMs: number;
	peakRssKb: number | null;
}
interface Row {
	m: {id: string; needs: string[]; built?: () => boolean; unavailable?: () => string | null};
	size: number;
	status: string;
	error?: string;
	result?: {subject: Figures; baseline: Figures};
}

describe('bench smoke (300 cases, one run each)', () => {
	it('runs every measurement, or says truthfully that its feature is not built yet', async () => {
		const {rows, table} = (await runBench({smoke: true, log: () => {}})) as {rows: Row[]; table: string};
		// Every measurement that runs at 300 cases (the PostgreSQL force rows run at 5,000 and 50,000 only).
		const at300 = MEASUREMENTS.filter((m: {sizes?: number[]}) => !m.sizes || m.sizes.includes(300));
		expect(rows.map(r => r.m.id)).toEqual(at300.map((m: {id: string}) => m.id));
		for (const r of rows) {
			expect(r.error, `${r.m.id}: ${r.error}`).toBeUndefined();
			const inBuild = r.m.needs.every(c => c in COMMANDS) && (!r.m.built || r.m.built());
			// A peer tool missing from this machine (Taskwarrior) is skipped with the reason, never installed.
			const missing = inBuild ? (r.m.unavailable?.() ?? null) : null;
			expect(r.status, r.m.id).toBe(!inBuild ? 'not built yet' : missing ? `skipped: ${missing}` : 'measured');
			if (r.status !== 'measured') continue;
			for (const side of [r.result!.subject, r.result!.baseline]) {
				// One run (key-press measurements: a few presses in one session).
				expect(side.runs).toBeGreaterThanOrEqual(1);
				expect(side.runs).toBeLessThanOrEqual(3);
				expect(side.medianMs).toBeGreaterThan(0);
				expect(Number.isFinite(side.medianMs)).toBe(true);
			}
			// Peak RSS comes from a probe in the child; a child ended by the measurement (the desk after its first
			// frame) can exit before the probe reports, so a missing figure is reported, not a broken bench.
			const rss = r.result!.subject.peakRssKb;
			if (rss !== null) expect(r.result!.subject.peakRssKb, `${r.m.id} peak RSS`).toBeGreaterThan(10_000);
			expect(table).toMatch(new RegExp(`\\| ${r.size} \\| [0-9.]+ m?s \\|`));
		}
		// 58 s here alone at a load average of 22; in CI it runs beside the other test files on 2 cores.
	}, 300_000);
});

describe('growth check', () => {
	const m = {id: 'x', title: 'x', budget: {ratio: 2}};
	const row = (size: number, ms: number, baseMs = size / 10, rss = size * 10) => ({
		m,
		size,
		status: 'measured',
		result: {subject: {medianMs: ms, peakRssKb: rss}, baseline: {medianMs: baseMs}},
	});
	it('passes figures that grow linearly with the case count and flags quadratic ones', () => {
		const [linear] = growth([row(300, 60), row(5000, 1000), row(20_000, 4000)], [300, 5000, 20_000]);
		expect(linear.flag).toBe(false);
		expect(linear.kTime).toBeCloseTo(1, 5);
		const [square] = growth([row(300, 60), row(5000, 1000), row(20_000, 16_000)], [300, 5000, 20_000]);
		expect(square.flag).toBe(true);
		expect(square.why).toMatch(/SUPER-LINEAR/);
	});
});

describe('runs and medians', () => {
	it('fits the number of runs to the time share, never below one or above the most asked for', () => {
		expect(fitRuns(5, 1000, 2, 10_000)).toBe(5); // 500 ms a pair, 9 s left
		expect(fitRuns(5, 4000, 2, 10_000)).toBe(4); // 2 s a pair, 6 s left: 1 + 3
		expect(fitRuns(5, 20_000, 1, 10_000)).toBe(1); // over budget already
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
	});
	it('alternates subject and baseline so drift falls on both', async () => {
		const order: string[] = [];
		await interleaved({
			runs: 3,
			warmup: false,
			subject: async () => (order.push('S'), {ms: 1}),
			baseline: async () => (order.push('B'), {ms: 1}),
		});
		expect(order.join('')).toBe('SBBSSB');
	});
	it('alternates any number of arms (the signing workers time three), reversing the order every round', async () => {
		const order: string[] = [];
		const arm = (name: string) => async () => (order.push(name), {ms: name.charCodeAt(0)});
		const samples = await alternate({runs: 3, warmup: true, arms: [arm('A'), arm('B'), arm('C')]});
		expect(order.join(' ')).toBe('A B C A B C C B A A B C');
		expect(samples).toEqual([65, 66, 67].map(ms => Array.from({length: 3}, () => ({ms}))));
	});
	it('times in-process work from a quiet process, and never waits long for quiet', async () => {
		const started = performance.now();
		await quiet(100);
		// Its limit is 100 ms, checked between 5 ms pauses, and a loaded machine can hold one pause for
		// hundreds of ms: 1 s was a race there. 3 s still fails a quiet that waits for seconds.
		expect(performance.now() - started).toBeLessThan(3000);
		const sample = await timed(() => new Promise(resolve => setTimeout(resolve, 30)));
		expect(sample.ms).toBeGreaterThanOrEqual(29);
		expect(sample.ms).toBeLessThan(5000);
	});
});

describe('README table', () => {
	it('replaces only the text between the markers', () => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-readme-')), 'README.md');
		writeFileSync(file, `# x\n\nbefore\n\n${START}\nold table\n${END}\n\nafter\n`);
		writeReadme(file, 'new table');
		expect(readFileSync(file, 'utf8')).toBe(`# x\n\nbefore\n\n${START}\nnew table\n${END}\n\nafter\n`);
	});
});
