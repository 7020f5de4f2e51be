/**
 * The import columns that carry the records system's facts which clear a problem (README "Acting on a
 * problem"): "Forensic result", "Last suspect update", "MG3 status". A blank cell changes nothing; a
 * result the file does not tie to one submission, or dated before it, is refused with the row's number.
 */
import {describe, expect, it} from 'vitest';
import {applyPlan, planCsv} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

const csv = (header: string[], ...rows: string[][]) => [header, ...rows].map(r => r.map(c => `"${c}"`).join(',')).join('\n') + '\n';
const plan = (data: StoreData, text: string) => planCsv(data, text, {today: DEMO_TODAY});
const caseOf = (data: StoreData, ref: string) => data.cases.find(c => c.ref === ref)!;

describe('import: forensic result, last suspect update, MG3 status', () => {
	it("records a result for the row's submission, or refuses when the row does not say which of several", () => {
		const data = demoData();
		// CR/13093/26 has two submissions waiting (01 Jun and 27 Aug).
		const waiting = caseOf(data, 'CR/13093/26').forensics.filter(f => f.resultOn === null);
		expect(waiting.map(f => f.submitted)).toEqual(['2026-06-01', '2026-08-27']);
		const which = plan(data, csv(['Crime reference', 'Forensic result'], ['CR/13093/26', '2026-11-29']));
		expect(which.rejected.map(r => [r.row, r.column, r.reason])).toEqual([
			[2, 'Forensic result', 'CR/13093/26 has 2 forensic submissions waiting; give the "Forensic submitted" date of the one it is for.'],
		]);
		const early = plan(
			data,
			csv(['Crime reference', 'Forensic submitted', 'Forensic result'], ['CR/13093/26', '2026-06-01', '2026-05-01']),
		);
		expect(early.rejected[0]!.reason).toBe('the result (2026-05-01) is dated before the submission (2026-06-01).');
		const good = plan(data, csv(['Crime reference', 'Forensic submitted', 'Forensic result'], ['CR/13093/26', '2026-06-01', '2026-11-29']));
		expect(good.rejected).toEqual([]);
		const after = caseOf(applyPlan(data, good), 'CR/13093/26').forensics;
		expect(after.map(f => [f.submitted, f.resultOn])).toEqual([
			['2026-06-01', '2026-11-29'],
			['2026-08-27', null],
		]);
	});

	it('keeps the latest suspect update of a running RUI, and an MG3 that moves on restarts its clock', () => {
		const data = demoData();
		const p = plan(
			data,
			csv(
				['Crime reference', 'Last suspect update', 'MG3 status'],
				['CR/32449/23', '2026-11-28', 'submitted to CPS'],
				['CR/16695/25', '2026-01-01', ''],
			),
		);
		expect(p.rejected).toEqual([]);
		const next = applyPlan(data, p);
		expect(caseOf(next, 'CR/32449/23').rui!.lastSuspectUpdate).toBe('2026-11-28');
		expect(caseOf(next, 'CR/32449/23').cps).toMatchObject({mg3Status: 'submitted', mg3Since: DEMO_TODAY});
		// An older update than the one on record, and a blank MG3 cell, change nothing.
		expect(caseOf(next, 'CR/16695/25')).toEqual(caseOf(data, 'CR/16695/25'));
		const bad = plan(data, csv(['Crime reference', 'MG3 status'], ['CR/32449/23', 'posted']));
		expect(bad.rejected[0]!.reason).toBe(
			'"posted" is not a known MG3 status ' +
				'(expected not started, in progress, submitted, advice received, charged, no further action or not required).',
		);
	});
});
