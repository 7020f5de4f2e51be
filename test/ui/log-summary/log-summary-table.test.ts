import {describe, expect, it} from 'vitest';
import {buildLogDocument, resolvePeriod} from '../../../source/domain/review-log/index.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {triggerFor} from '../../../source/domain/rules/performance.js';
import {logSummaryTable} from '../../../source/ui/log-summary/log-summary-table.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../desk-harness.js';

function demoDocument() {
	const data = demoData();
	const period = resolvePeriod(undefined, undefined, DEMO_TODAY);
	if (!period.ok) throw new Error(period.error);
	const rules = {problems: findProblems(data, DEMO_TODAY), trigger: (id: string) => triggerFor(data, id, DEMO_TODAY)};
	return buildLogDocument(data, {period: period.period, today: DEMO_TODAY}, rules);
}

const cellsOf = (line: string) =>
	line
		.split('│')
		.map(c => c.trim())
		.slice(1, -1);

describe('log summary table', () => {
	it('has a row per sergeant and, with more than one, an All row of the report totals', () => {
		const doc = demoDocument();
		const one = doc.report.sergeants[0]!;
		const other = {
			...one,
			sergeantId: 'o9999',
			sergeant: 'DS Lee Second',
			totals: {...one.totals, reviewsDone: 7, late: 1, notReviewed: 0, overdueNow: 2, noCover: 1, unresolvedTriggers: 0},
		};
		const all = {
			...one.totals,
			reviewsDone: one.totals.reviewsDone + 7,
			late: one.totals.late + 1,
			overdueNow: one.totals.overdueNow + 2,
			noCover: one.totals.noCover + 1,
		};
		const text = logSummaryTable({...doc, report: {...doc.report, sergeants: [one, other], totals: all}});
		const rows = text
			.split('\n')
			.filter(l => l.startsWith('│'))
			.map(cellsOf);
		expect(rows).toEqual([
			// No cover: the Markdown, HTML and JSON Totals' figure (QA 9 D8).
			['Sergeant', 'Reviews', 'Late', 'Missed', 'Overdue now', 'No cover', 'Triggers'],
			[
				'DS Tom Brennan',
				...[
					one.totals.reviewsDone,
					one.totals.late,
					one.totals.notReviewed,
					one.totals.overdueNow,
					one.totals.noCover,
					one.totals.unresolvedTriggers,
				].map(String),
			],
			['DS Lee Second', '7', '1', '0', '2', '1', '0'],
			['All', ...[all.reviewsDone, all.late, all.notReviewed, all.overdueNow, all.noCover, all.unresolvedTriggers].map(String)],
		]);
		// Numbers are right-aligned: each figure ends one space before its border.
		const lee = text.split('\n').find(l => l.includes('DS Lee Second'))!;
		expect(lee).toMatch(/ 7 │ +1 │ +0 │ +2 │ +1 │ +0 │$/);
	});

	it('fits 80 columns apart from the chain head line, and carries no escape codes', () => {
		const text = logSummaryTable(demoDocument());
		for (const line of text.split('\n').filter(l => !l.includes('head'))) expect(line.length, line).toBeLessThanOrEqual(80);
		expect(text).not.toContain('\u001b');
		expect(text.endsWith('\n')).toBe(true);
	});
});
