/**
 * The inspector's exception report in Markdown: exceptions first (per sergeant, only the kinds that
 * occur), totals after. Store text is escaped; dates and numbers are ours. No welfare content: the
 * report may say a check-in happened, never what was said.
 */
import {performanceDecisionWords} from '../domain/status-words.js';
import {REASON_WORDS} from '../domain/absence-words.js';
import {headText, signaturesText, type LogDocument} from '../domain/review-log/document.js';
import {hasExceptions, type SergeantExceptions, type SergeantTotals} from '../domain/review-log/exceptions.js';
import {escapeMarkdown, mdTableCell} from './markdown.js';
import {days} from '../domain/plural.js';
import {docDate} from './doc-dates.js';
import {totalsCells, totalsHeaders} from './log-totals.js';
import {absenceDaysWords, coversWords} from './log-away.js';
import {awayMarkWords} from '../domain/review-log/sergeant-away.js';

/** A date as documents write it (README, "Exports and --out"), or the words for a missing one. */
const d = (date: string | null | undefined, missing = ''): string => (date ? docDate(date) : missing);

export const SECTION_TITLES = {
	absences: 'Sergeant away in the period',
	lateReviews: 'Late reviews',
	notReviewed: 'Cases not reviewed in the period',
	overdueNow: 'Reviews overdue now',
	noCover: 'Reviews falling due with the supervisor away and nobody covering',
	unresolvedTriggers: 'Unresolved performance triggers',
	bail: 'Lapsed or lapsing bail',
	stalledActions: 'Stalled actions',
	forensicWaits: 'Forensic waits', // completed with the threshold below
	spanOfControl: 'Span of control',
} as const;

export function logMarkdown(doc: LogDocument): string {
	const {report} = doc;
	const head = headText(doc.chainHead);
	const out: string[] = [];
	out.push(`# Review log exceptions: ${escapeMarkdown(doc.team)}`, '');
	out.push(
		`Period ${d(doc.period.from)} to ${d(doc.period.to)}; open exceptions as of ${d(doc.today)}.` +
			(doc.sergeantId ? ` Sergeant ${escapeMarkdown(doc.sergeantId)} only.` : ''),
	);
	out.push('');
	out.push(`Review chain head: \`${head}\`. Check a later copy of the store against it with \`fortnight verify --head ${head}\`.`, '');
	out.push(escapeMarkdown(signaturesText(doc.rows)), '');

	out.push('## Exceptions', '');
	const sections = report.sergeants;
	if (!sections.some(hasExceptions)) out.push('No exceptions in this period.', '');
	for (const s of sections) {
		if (!hasExceptions(s)) continue;
		out.push(`### ${escapeMarkdown(s.sergeant)} (${escapeMarkdown(s.sergeantId)})`, '');
		sergeantSections(s, report.forensicDays, out);
	}

	out.push('## Totals', '');
	out.push(
		`Reviews due in the period are the signed reviews plus one for each case that missed its review (a review that fell due in the period and was not ` +
			`done by its end, even if the case had an earlier review in the period); on time means signed on or before its due date; on time % is on time of ` +
			`reviews due. Overdue now counts the reviews overdue today, as the desk's status bar does; No cover counts supervisor absences with reviews ` +
			`falling due and nobody covering.`,
		'',
	);
	const headers = totalsHeaders(report.forensicDays);
	out.push(row(headers));
	out.push(row(headers.map(() => '---')));
	for (const s of sections) out.push(totalsRow(`${mdTableCell(s.sergeant)} (${mdTableCell(s.sergeantId)})`, s.totals));
	if (sections.length > 1) out.push(totalsRow('**All**', report.totals));
	out.push('');
	const reviews = doc.rows.filter(r => r.kind === 'review').length;
	const amendments = doc.rows.length - reviews;
	out.push(
		`${reviews} signed review${reviews === 1 ? '' : 's'} and ${amendments} amendment${amendments === 1 ? '' : 's'} in the period; the row-by-row log is ` +
			`\`fortnight log --format csv\`.`,
		'',
	);
	return out.join('\n');
}

function sergeantSections(s: SergeantExceptions, forensicDays: number, out: string[]): void {
	const table = (title: string, headers: string[], rows: string[][]) => {
		if (rows.length === 0) return;
		out.push(`#### ${title} (${rows.length})`, '', row(headers), row(headers.map(() => '---')));
		for (const r of rows) out.push(row(r));
		out.push('');
	};
	// First, so a reader meets who was acting before the reviews that fell due then (QA 8 D4).
	table(
		SECTION_TITLES.absences,
		['Absence', 'Days', 'Reason', 'Covered by (days in the period)'],
		s.absences.map(a => [
			mdTableCell(a.absenceId),
			absenceDaysWords(a, docDate),
			REASON_WORDS[a.reason],
			mdTableCell(coversWords(a, docDate)),
		]),
	);
	table(
		SECTION_TITLES.lateReviews,
		['Case', 'Officer', 'Due', 'Sergeant on the due date', 'Signed', 'Signed by', 'Late by', 'Entry'],
		s.lateReviews.map(r => [
			mdTableCell(r.caseRef),
			mdTableCell(r.officer),
			d(r.dueDate),
			mdTableCell(awayMarkWords(r.dueWhileAway) || 'at work'),
			d(r.date),
			mdTableCell(r.reviewer),
			days(r.lateDays),
			String(r.seq),
		]),
	);
	table(
		SECTION_TITLES.notReviewed,
		['Case', 'Officer', 'Review due', 'Sergeant on the due date', 'Last review'],
		s.notReviewed.map(c => [
			mdTableCell(c.caseRef),
			mdTableCell(c.officer),
			d(c.dueDate),
			mdTableCell(awayMarkWords(c.dueWhileAway) || 'at work'),
			d(c.lastReview, 'never'),
		]),
	);
	table(
		SECTION_TITLES.overdueNow,
		['Case', 'Officer', 'Due', 'Severity', 'Detail'],
		s.overdueNow.map(p => [mdTableCell(p.caseRef ?? ''), mdTableCell(p.officer), d(p.due), p.severity, mdTableCell(p.message)]),
	);
	table(
		SECTION_TITLES.noCover,
		['Supervisor', 'First review due', 'Severity', 'Detail'],
		s.noCover.map(p => [mdTableCell(p.officer), d(p.due), p.severity, mdTableCell(p.message)]),
	);
	table(
		SECTION_TITLES.unresolvedTriggers,
		['Officer', 'First fired', 'Unresolved for', 'Status', 'Evidence'],
		s.unresolvedTriggers.map(t => [
			mdTableCell(t.officer),
			d(t.firstFired, 'unknown'),
			t.days === null ? 'unknown' : days(t.days),
			t.noDecision
				? 'no decision recorded'
				: `escalated to the inspector (last decision: ${t.lastDecision ? performanceDecisionWords(t.lastDecision) : 'none'})`,
			mdTableCell(t.evidence.join('; ')),
		]),
	);
	table(
		SECTION_TITLES.bail,
		['Case', 'Officer', 'Return date', 'Severity', 'Detail'],
		s.bail.map(p => [mdTableCell(p.caseRef ?? ''), mdTableCell(p.officer), d(p.due), p.severity, mdTableCell(p.message)]),
	);
	table(
		SECTION_TITLES.stalledActions,
		['Case', 'Officer', 'Since', 'Detail'],
		s.stalledActions.map(p => [mdTableCell(p.caseRef ?? ''), mdTableCell(p.officer), d(p.since), mdTableCell(p.message)]),
	);
	table(
		`${SECTION_TITLES.forensicWaits} of ${forensicDays} days or more`,
		['Case', 'Officer', 'Since', 'Detail'],
		s.forensicWaits.map(p => [mdTableCell(p.caseRef ?? ''), mdTableCell(p.officer), d(p.since), mdTableCell(p.message)]),
	);
	table(
		SECTION_TITLES.spanOfControl,
		['Sergeant', 'Since', 'Detail'],
		s.spanOfControl.map(p => [mdTableCell(p.officer), d(p.since), mdTableCell(p.message)]),
	);
}

function totalsRow(label: string, t: SergeantTotals): string {
	return row([label, ...totalsCells(t)]);
}

function row(cells: string[]): string {
	return `| ${cells.join(' | ')} |`;
}
