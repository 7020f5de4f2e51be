/**
 * Import speed against a bare csv-parse of the same file with the same options. The figure that
 * matters (50,000 rows, under 3x a bare parse) is measured by hand, because a shared CI machine makes
 * timings noisy:  IMPORT_SPEED=50000 npx vitest run --config test/vitest.config.ts test/domain/import/speed.test.ts
 * By default a 5,000-row file is imported once to check the generated file imports cleanly.
 */
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {applyPlan, CSV_OPTIONS, parseCsv, planImport} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';
import {withFixtureRefs} from '../../helpers/ref-pattern.js';
import {generateImportCsv} from '../../helpers/import-csv.js';

const rows = Number(process.env['IMPORT_SPEED'] ?? 5000);
const measuring = process.env['IMPORT_SPEED'] !== undefined;

function best(runs: number, f: () => void): number {
	let min = Infinity;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		f();
		min = Math.min(min, performance.now() - t);
	}
	return min;
}

describe('import speed', () => {
	it(
		`imports a generated ${rows}-row export`,
		() => {
			// GEN/000001/26...: the generated export's reference format, which this team takes (helpers/ref-pattern.ts).
			const data: StoreData = withFixtureRefs(demoData());
			const csv = generateImportCsv(data.officers, rows, {dates: 'uk'});
			const parsed = parseCsv(csv);
			if (!parsed.ok) throw new Error(parsed.error);
			const plan = planImport(data, parsed.table, {today: DEMO_TODAY});
			expect(plan.rejected).toEqual([]);
			expect(plan.changes).toHaveLength(rows);
			const next = applyPlan(data, plan);
			expect(planImport(next, parsed.table, {today: DEMO_TODAY}).changes).toEqual([]);
			if (!measuring) return;

			const runs = 5;
			const bare = best(runs, () => parse(csv, CSV_OPTIONS));
			const parseOnly = best(runs, () => parseCsv(csv));
			const planNew = best(runs, () => planImport(data, parsed.table, {today: DEMO_TODAY}));
			const planSame = best(runs, () => planImport(next, parsed.table, {today: DEMO_TODAY}));
			const whole = best(runs, () => {
				const p = parseCsv(csv);
				if (p.ok) planImport(data, p.table, {today: DEMO_TODAY});
			});
			const line = (label: string, ms: number) => `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / bare).toFixed(2)}x`;
			console.log(
				[
					`${rows} rows, ${(csv.length / 1e6).toFixed(1)} MB, best of ${runs}`,
					line('bare csv-parse (CSV_OPTIONS)', bare),
					line('parseCsv', parseOnly),
					line('planImport, all new', planNew),
					line('planImport, re-import (no change)', planSame),
					line('parseCsv + planImport (all new)', whole),
				].join('\n'),
			);
			expect(whole / bare).toBeLessThan(3);
		},
		measuring ? 600_000 : 30_000,
	);
});
