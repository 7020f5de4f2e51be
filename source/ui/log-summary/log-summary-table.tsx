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
import type {SergeantExceptions, SergeantTotals} from '../../domain/review-log/exceptions.js';
import {awayMarkWords, type AwayMark} from '../../domain/review-log/sergeant-away.js';
import {REASON_WORDS} from '../../domain/absence-words.js';
import {absenceDaysWords} from '../../export/log-away.js';
import {days} from '../../domain/plural.js';

/** One table row; the keys are the column headings. */
type SummaryRow = {
	Sergeant: string;
	Reviews: number;
	Late: number;
	Missed: number;
	'Overdue now': number;
	'No cover': number;
	Triggers: number;
};

const COLUMNS = [
	{key: 'Sergeant', align: 'left'},
	{key: 'Reviews', align: 'right'},
	{key: 'Late', align: 'right'},
	{key: 'Missed', align: 'right'},
	{key: 'Overdue now', align: 'right'},
	{key: 'No cover', align: 'right'},
	{key: 'Triggers', align: 'right'},
] as const;

function summaryRow(label: string, t: SergeantTotals): SummaryRow {
	return {
		Sergeant: label,
		Reviews: t.reviewsDone,
		Late: t.late,
		Missed: t.notReviewed,
		'Overdue now': t.overdueNow,
		// The Markdown, HTML and JSON Totals' figure, under the same definition (QA 9 D8).
		'No cover': t.noCover,
		Triggers: t.unresolvedTriggers,
	};
}

/** Table cells, headings and borders without any styling (ink-table's defaults are bold and blue). */
const Plain = ({children}: CellProps | React.PropsWithChildren): React.JSX.Element => <Text>{children}</Text>;

const asIs = (date: string) => date;

/**
 * Under the figures (QA 8 D4: the figures alone hide who acted), for each sergeant away in the period or
 * with late reviews: the absence's days and reason category, who covered which days ("nobody"), how many
 * missed reviews fell due while the sergeant was away, and each late review with who signed it and whether
 * the sergeant was away on the day it fell due. Plain lines, two per review, so the output stays within 80
 * columns and the figures stay the only boxed table; the list of missed reviews is the Markdown's.
 */
/**
 * "    of them DI Rachel Okafor's (the cover held the case): 1": of the reviews that fell due while away,
 * those of cases the cover held, by whom they fell to instead (QA 9 D3: they read as the cover's misses,
 * but nobody reviews a case they hold). A line each, so the output stays within 80 columns.
 */
function heldByCoverCounts(marks: readonly AwayMark[]): string[] {
	const by = new Map<string, number>();
	for (const m of marks) {
		if (!m.heldByCover) continue;
		const who = m.reviewerDue === null ? "an independent supervisor's" : `${m.reviewerDue}'s`;
		by.set(who, (by.get(who) ?? 0) + 1);
	}
	return [...by].map(([who, n]) => `    of them ${who} (the cover held the case): ${n}`);
}

function awayAndLate(s: SergeantExceptions): string[] {
	const out: string[] = [];
	for (const a of s.absences) {
		out.push(`${s.sergeant} away ${absenceDaysWords(a, asIs)} (${REASON_WORDS[a.reason]}, ${a.absenceId})`);
		for (const c of a.covers) out.push(`  covered by ${c.cover ?? 'nobody'} ${c.from === c.to ? c.from : `${c.from} to ${c.to}`}`);
	}
	const missedAway = s.notReviewed.filter(m => m.dueWhileAway !== null);
	if (missedAway.length > 0) {
		const uncovered = missedAway.filter(m => m.dueWhileAway!.coverId === null).length;
		out.push(`  missed reviews that fell due while away: ${missedAway.length} of ${s.notReviewed.length} (no cover: ${uncovered})`);
		out.push(...heldByCoverCounts(missedAway.map(m => m.dueWhileAway!)));
	}
	if (s.lateReviews.length > 0) out.push(`Late reviews, ${s.sergeant}'s team:`);
	for (const r of s.lateReviews) {
		const sergeant = r.dueWhileAway === null ? 'sergeant at work' : `sergeant ${awayMarkWords(r.dueWhileAway)}`;
		out.push(`  ${r.caseRef} (${r.officer}): due ${r.dueDate}, ${days(r.lateDays)} late`);
		out.push(`    signed ${r.date} by ${r.reviewer}; ${sergeant}`);
	}
	if (out.length > 0) out.push('');
	return out;
}

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
		...report.sergeants.flatMap(awayAndLate),
		'Reviews: signed in the period. Late: signed after the date due.',
		'Missed: fell due in the period and not done.',
		'Overdue now: reviews overdue today, as the desk counts them.',
		'No cover: absences with reviews falling due and nobody covering.',
		'Triggers: performance triggers with no decision recorded, or escalated.',
		`Review chain head ${head}.`,
		`Check a later copy of the store with "fortnight verify --head ${head}".`,
		'',
	].join('\n');
}
