/**
 * The inspector's report as one self-contained HTML file (`fortnight log --format html`): weekly
 * charts (inline SVG) and their figures, the exception report's tables, and the chain head with how to
 * check it. Nothing in it can reach out or run: no script, no link, no external resource of any kind,
 * and a Content-Security-Policy that forbids them even if something slipped in. Every piece of store
 * text is escaped once, here. No welfare content: only how many officers are due a check-in.
 * Printing it gives A4 pages with no chart split across two (README, "The review log").
 */
import {performanceDecisionWords} from '../domain/status-words.js';
import {headText, signaturesText, type LogDocument} from '../domain/review-log/document.js';
import {hasExceptions, type SergeantExceptions} from '../domain/review-log/exceptions.js';
import {days} from '../domain/plural.js';
import type {SupervisionTrends, TrendSeries} from '../domain/supervision-trends/build.js';
import {decidedCount, type WeekFigures} from '../domain/supervision-trends/figures.js';
import {bailWords, checkInWords, reviewWords, triggerWords, weekSpan} from '../domain/supervision-trends/words.js';
import {escapeHtml as e, htmlTable} from './html.js';
import {SECTION_TITLES} from './log-md.js';
import {totalsCells, totalsHeaders} from './log-totals.js';
import {absenceDaysWords, coversWords} from './log-away.js';
import {awayMarkWords} from '../domain/review-log/sergeant-away.js';
import {REASON_WORDS} from '../domain/absence-words.js';
import {reviewChart, triggerChart} from './trend-svg.js';

/** The policy the file carries: nothing may load but its own inline styles (and data: images, of which it has none). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface LogHtmlInput {
	doc: LogDocument;
	trends: SupervisionTrends;
	/** settings.welfareCheckInDays, for the words "without a welfare check-in in 28 days". */
	checkInDays: number;
}

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, "Segoe UI", Arial, sans-serif; color: #111; background: #fff; max-width: 64rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; margin: 1.4em 0 .4em; border-bottom: 2px solid #333; }
h3 { font-size: 1.12em; margin: 1.1em 0 .3em; }
h4 { font-size: 1em; margin: .9em 0 .2em; }
p { margin: .3em 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .9em; font-size: .82em; }
caption { text-align: left; font-weight: 600; padding: .2em 0; }
th, td { border: 1px solid #aaa; padding: .1em .3em; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
table.figures th[scope="row"] { white-space: nowrap; }
figure { margin: .4em 0 .8em; }
figcaption { font-size: .85em; color: #333; }
svg.chart { display: block; width: 100%; height: auto; max-height: 15em; }
svg .grid { stroke: #d0d0d0; stroke-width: 1; }
svg .tick, svg .value, svg .legend { font: 10px Arial, sans-serif; fill: #222; }
svg .line { fill: none; stroke: #111; stroke-width: 2; }
svg .point { fill: #111; }
.note { font-size: .88em; color: #333; }
@page { size: A4; margin: 11mm 10mm; }
@media print {
  body { font-size: 8pt; max-width: none; margin: 0; padding: 0; }
  table { font-size: 7pt; }
  th, td { padding: 0 .25em; }
  h2 { margin-top: .8em; }
  figure, svg, .keep { break-inside: avoid; page-break-inside: avoid; }
  .two-columns { columns: 2; column-gap: 1.2em; }
  .two-columns table { font-size: 6.5pt; }
  svg.chart { max-height: 11em; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

export function logHtml({doc, trends, checkInDays}: LogHtmlInput): string {
	const head = headText(doc.chainHead);
	const today = doc.today;
	const shown = seriesShown(doc, trends);
	const out: string[] = [];
	out.push('<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">');
	out.push(`<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">`);
	out.push('<meta name="referrer" content="no-referrer">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
	out.push(`<title>Supervision report: ${e(doc.team)}, ${doc.period.from} to ${doc.period.to}</title>`);
	out.push(`<style>${STYLE}</style>`, '</head>', '<body>', '<main>');

	out.push(`<h1>Supervision report: ${e(doc.team)}</h1>`);
	out.push(
		`<p>Period ${doc.period.from} to ${doc.period.to} (${trends.weeks.length} week${trends.weeks.length === 1 ? '' : 's'}, each ending on the period's ` +
			`last weekday); open exceptions as of ${today}.${doc.sergeantId ? ` Sergeant ${e(doc.sergeantId)} only.` : ''}</p>`,
	);

	out.push('<section aria-labelledby="check">', '<h2 id="check">Checking this report</h2>');
	out.push(
		`<p>Review chain head: <code>${e(head)}</code> (the sequence number and SHA-256 hash of the store's last signed entry when this report was made).</p>`,
	);
	out.push(
		`<p>To check that a copy of the store still holds that entry unchanged, with every entry before it intact, run <code>fortnight verify --head ` +
			`${e(head)}</code> against the copy. Without fortnight, <code>python3 docs/audit-chain.py STORE.json</code> (from fortnight's source, standard ` +
			`library only) re-checks every hash and link and prints the head to compare.</p>`,
	);
	out.push(`<p>${e(signaturesText(doc.rows))}</p>`);
	out.push('</section>');

	out.push('<section aria-labelledby="summary">', '<h2 id="summary">The period at a glance</h2>');
	out.push(summaryTable(shown, today, checkInDays));
	out.push('</section>');

	out.push('<section aria-labelledby="weeks">', '<h2 id="weeks">Week by week</h2>');
	if (!doc.sergeantId && trends.sergeants.length === 1)
		out.push('<p class="note">The team has one sergeant: the team\'s figures are theirs.</p>');
	shown.forEach((s, i) => out.push(seriesSection(s, i, today, checkInDays)));
	out.push('</section>');

	out.push('<section aria-labelledby="exceptions">', '<h2 id="exceptions">Exceptions</h2>');
	const sections = doc.report.sergeants;
	if (!sections.some(hasExceptions)) out.push('<p>No exceptions in this period.</p>');
	for (const s of sections) if (hasExceptions(s)) out.push(exceptionSection(s, doc.report.forensicDays));
	out.push('</section>');

	out.push('<section aria-labelledby="totals">', '<h2 id="totals">Totals</h2>');
	out.push(totalsTable(doc));
	out.push('</section>');

	out.push('<section aria-labelledby="how">', '<h2 id="how">How the figures are counted</h2>', '<ul class="note">');
	for (const line of DEFINITIONS(checkInDays)) out.push(`<li>${e(line)}</li>`);
	out.push('</ul>', '</section>');
	out.push(
		`<p class="note">Made by fortnight log --format html on ${today}. Welfare: only how many officers are due a check-in, never what was said.</p>`,
	);
	out.push('</main>', '</body>', '</html>', '');
	return out.join('\n');
}

/** The team (when there are several sergeants), then each sergeant; only the one asked for with --sergeant. */
function seriesShown(doc: LogDocument, trends: SupervisionTrends): TrendSeries[] {
	if (doc.sergeantId) return trends.sergeants.filter(s => s.sergeantId === doc.sergeantId);
	return trends.sergeants.length > 1 ? [trends.team, ...trends.sergeants] : trends.sergeants;
}

const DEFINITIONS = (checkInDays: number): string[] => [
	'Reviews due: the reviews signed in the week plus one for each case whose review fell due by the end of the week and was not done by then (missed); ' +
		'a case still not reviewed counts as missed again the next week.',
	'On time: signed on or before the date it was due, as fixed when it was signed; late: after it, by the days shown (median of the late ones).',
	"Overdue at the week's end: reviews overdue on the week's last day (or today), counted as the desk's status bar counts them.",
	'Triggers: raised when a performance trigger first fired (as recorded at a review, or as the rules find it today); decisions are the signed ' +
		'performance-decision entries; escalated when it went to the inspector (escalated by the sergeant, "not now" twice in a row, or no decision in ' +
		"time); undecided: firing with no decision at the week's end.",
	'Bail: met when bail ended before it lapsed; extended when an extension was authorised; lapsed when the bail period ended, or the return date ' +
		'passed, with bail still recorded as running.',
	`Check-ins: officers in the unit with no welfare check-in (or new starter's one-to-one) for ${checkInDays} days at the week's end.`,
	"Every figure is counted from the store's signed entries and records, week by week; fortnight log --format json holds the entries behind the " +
		'exception tables.',
];

const WEEK_HEADERS = [
	'Week',
	'Due',
	'Done',
	'On time',
	'Late',
	'Median days late',
	'Missed',
	"Overdue at week's end",
	'Triggers raised',
	'Decided',
	'Escalated',
	"Undecided at week's end",
	'Bail met',
	'Bail extended',
	'Bail lapsed',
	'No check-in',
];

function figureCells(w: WeekFigures): string[] {
	return [
		w.reviewsDue.count,
		w.reviewsDone.count,
		w.onTime.count,
		w.late.count,
		w.medianDaysLate === null ? '-' : w.medianDaysLate,
		w.missed.count,
		w.overdueAtEnd.count,
		w.triggersRaised.count,
		decidedCount(w),
		w.escalated.count,
		w.undecidedAtEnd.count,
		w.bailMet.count,
		w.bailExtended.count,
		w.bailLapsed.count,
		w.withoutCheckIn.count,
	].map(String);
}

function summaryTable(shown: readonly TrendSeries[], today: string, checkInDays: number): string {
	const rows = shown.map(s => [e(s.name), ...figureCells(s.period)]);
	const words = shown.map(
		s =>
			`<li><strong>${e(s.name)}</strong>: ${e(reviewWords(s.period, 'the end of the period'))}; ${e(triggerWords(s.period, 'the end'))}; ` +
			`${e(bailWords(s.period))}; ${e(checkInWords(s.period, checkInDays))} at the end.</li>`,
	);
	const table = htmlTable(`Figures for the period (standing figures as at ${today})`, ['Who', ...WEEK_HEADERS.slice(1)], rows, 'figures');
	return `<div class="keep">${table}</div>\n<ul class="note">\n${words.join('\n')}\n</ul>`;
}

function seriesSection(s: TrendSeries, i: number, today: string, checkInDays: number): string {
	const out: string[] = [];
	out.push(`<section class="series" aria-labelledby="series-${i}">`, `<h3 id="series-${i}">${e(s.name)}</h3>`);
	out.push(
		`<figure>\n${reviewChart(`chart-${i}-reviews`, s, today)}\n<figcaption>Reviews each week: on time (solid), late (light), missed (dashed outline); ` +
			`the line is the reviews overdue at each week's end.</figcaption>\n</figure>`,
	);
	out.push(
		`<figure>\n${triggerChart(`chart-${i}-triggers`, s, today)}\n<figcaption>Performance triggers raised, decided and escalated each week, and bail ` +
			`lapsed; the line is the triggers with no decision at each week's end.</figcaption>\n</figure>`,
	);
	const rows = s.weeks.map(w => [e(weekSpan(w, today)), ...figureCells(w)]);
	out.push(
		`<div>${htmlTable(
			`${s.name}: figures by week (no check-in: officers without a welfare check-in in ${checkInDays} days at the week's end)`,
			WEEK_HEADERS,
			rows,
			'figures',
		)}</div>`,
	);
	out.push('</section>');
	return out.join('\n');
}

function exceptionSection(s: SergeantExceptions, forensicDays: number): string {
	const out: string[] = [`<h3>${e(s.sergeant)} (${e(s.sergeantId)})</h3>`];
	const table = (title: string, headers: string[], rows: string[][], narrow = false) => {
		if (rows.length === 0) return;
		const t = htmlTable(
			`${title} (${rows.length})`,
			headers,
			rows.map(r => r.map(c => e(c))),
		);
		// A long list of short rows (a quarter's late reviews) runs in two columns on paper.
		out.push(narrow && rows.length > 30 ? `<div class="two-columns">${t}</div>` : t);
	};
	// Dates as this report's other tables write them; who was acting comes first (QA 8 D4).
	const asIs = (date: string) => date;
	table(
		SECTION_TITLES.absences,
		['Absence', 'Days', 'Reason', 'Covered by (days in the period)'],
		s.absences.map(a => [a.absenceId, absenceDaysWords(a, asIs), REASON_WORDS[a.reason], coversWords(a, asIs)]),
	);
	table(
		SECTION_TITLES.lateReviews,
		['Case', 'Officer', 'Due', 'Sergeant on the due date', 'Signed', 'Signed by', 'Late by', 'Entry'],
		s.lateReviews.map(r => [
			r.caseRef,
			r.officer,
			r.dueDate,
			awayMarkWords(r.dueWhileAway) || 'at work',
			r.date,
			r.reviewer,
			days(r.lateDays),
			String(r.seq),
		]),
		true,
	);
	table(
		SECTION_TITLES.notReviewed,
		['Case', 'Officer', 'Review due', 'Sergeant on the due date', 'Last review'],
		s.notReviewed.map(c => [c.caseRef, c.officer, c.dueDate, awayMarkWords(c.dueWhileAway) || 'at work', c.lastReview ?? 'never']),
		true,
	);
	table(
		SECTION_TITLES.overdueNow,
		['Case', 'Officer', 'Due', 'Severity', 'Detail'],
		s.overdueNow.map(p => [p.caseRef ?? '', p.officer, p.due ?? '', p.severity, p.message]),
	);
	table(
		SECTION_TITLES.noCover,
		['Supervisor', 'First review due', 'Severity', 'Detail'],
		s.noCover.map(p => [p.officer, p.due ?? '', p.severity, p.message]),
	);
	table(
		SECTION_TITLES.unresolvedTriggers,
		['Officer', 'First fired', 'Unresolved for', 'Status', 'Evidence'],
		s.unresolvedTriggers.map(t => [
			t.officer,
			t.firstFired ?? 'unknown',
			t.days === null ? 'unknown' : days(t.days),
			t.noDecision
				? 'no decision recorded'
				: `escalated to the inspector (last decision: ${t.lastDecision ? performanceDecisionWords(t.lastDecision) : 'none'})`,
			t.evidence.join('; '),
		]),
	);
	table(
		SECTION_TITLES.bail,
		['Case', 'Officer', 'Return date', 'Severity', 'Detail'],
		s.bail.map(p => [p.caseRef ?? '', p.officer, p.due ?? '', p.severity, p.message]),
	);
	table(
		SECTION_TITLES.stalledActions,
		['Case', 'Officer', 'Since', 'Detail'],
		s.stalledActions.map(p => [p.caseRef ?? '', p.officer, p.since, p.message]),
	);
	table(
		`${SECTION_TITLES.forensicWaits} of ${forensicDays} days or more`,
		['Case', 'Officer', 'Since', 'Detail'],
		s.forensicWaits.map(p => [p.caseRef ?? '', p.officer, p.since, p.message]),
	);
	table(
		SECTION_TITLES.spanOfControl,
		['Sergeant', 'Since', 'Detail'],
		s.spanOfControl.map(p => [p.officer, p.since, p.message]),
	);
	return out.join('\n');
}

function totalsTable(doc: LogDocument): string {
	const {report} = doc;
	const headers = totalsHeaders(report.forensicDays);
	const cells = totalsCells;
	const rows = report.sergeants.map(s => [`${e(s.sergeant)} (${e(s.sergeantId)})`, ...cells(s.totals)]);
	if (report.sergeants.length > 1) rows.push(['All', ...cells(report.totals)]);
	const reviews = doc.rows.filter(r => r.kind === 'review').length;
	const amendments = doc.rows.length - reviews;
	return (
		`${htmlTable('Exception report totals for the period (overdue now, triggers, bail and the rest as of today)', headers, rows, 'figures')}\n<p ` +
		`class="note">${reviews} signed review${reviews === 1 ? '' : 's'} and ${amendments} amendment${amendments === 1 ? '' : 's'} in the period; the ` +
		`row-by-row log is fortnight log --format csv.</p>`
	);
}
