/**
 * `fortnight log --format table`: the exception report's figures per sergeant as one ink-table, rendered
 * once to a string (no terminal, no input), for an inspector who wants the numbers at a glance. The
 * figures are the report's own totals (domain/review-log/exceptions.ts), never counted again here.
 * Plain text only: no colour or bold, so the output reads the same piped, saved or under NO_COLOR.
 */
import React from 'react';
import {renderToString, Text} from 'ink';
import {Table, type CellProps} from 'ink-table';
import type {LogDocument} from '../../domain/review-log/document.js';
import {headText} from '../../domain/review-log/document.js';
import type {SergeantTotals} from '../../domain/review-log/exceptions.js';

/** One table row; the keys are the column headings. */
type SummaryRow = {
	Sergeant: string;
	Reviews: number;
	Late: number;
	Missed: number;
	'Overdue now': number;
	Triggers: number;
};

const COLUMNS = [
	{key: 'Sergeant', align: 'left'},
	{key: 'Reviews', align: 'right'},
	{key: 'Late', align: 'right'},
	{key: 'Missed', align: 'right'},
	{key: 'Overdue now', align: 'right'},
	{key: 'Triggers', align: 'right'},
] as const;

function summaryRow(label: string, t: SergeantTotals): SummaryRow {
	return {
		Sergeant: label,
		Reviews: t.reviewsDone,
		Late: t.late,
		Missed: t.notReviewed,
		'Overdue now': t.overdueNow,
		Triggers: t.unresolvedTriggers,
	};
}

/** Table cells, headings and borders without any styling (ink-table's defaults are bold and blue). */
const Plain = ({children}: CellProps | React.PropsWithChildren): React.JSX.Element => <Text>{children}</Text>;

/** The summary as text, ending with a newline: a heading, the table, what each column counts, the chain head. */
export function logSummaryTable(doc: LogDocument): string {
	const {report} = doc;
	const rows = report.sergeants.map(s => summaryRow(s.sergeant, s.totals));
	if (report.sergeants.length > 1) rows.push(summaryRow('All', report.totals));
	// Wide enough that Ink never wraps a row: the table is as wide as its longest cells.
	const table = renderToString(<Table data={rows} columns={[...COLUMNS]} header={Plain} cell={Plain} skeleton={Plain} />, {columns: 1000});
	const head = headText(doc.chainHead);
	return [
		`Review log: ${doc.team}`,
		`Reviews ${report.period.from} to ${report.period.to}; open exceptions as of ${report.today}`,
		'',
		table,
		'',
		'Reviews: signed in the period. Late: signed after the date due.',
		'Missed: fell due in the period and not done.',
		'Overdue now: reviews overdue today, as the desk counts them.',
		'Triggers: performance triggers with no decision recorded, or escalated.',
		`Review chain head ${head}.`,
		`Check a later copy of the store with "fortnight verify --head ${head}".`,
		'',
	].join('\n');
}
