/**
 * The handover as Markdown that renders cleanly in a viewer and reads cleanly as plain text: headings,
 * short bullet lines, one dated line per item. Every piece of store text goes through escapeMarkdown;
 * the words fortnight writes itself (labels, details, dates) are trusted.
 */
import {daysBetween, toDayNumber, type IsoDate} from '../domain/dates.js';
import type {CaseSection, Decision, Handover, OfficerSection, WindowItem} from '../domain/handover/schema.js';
import {escapeMarkdown as esc, mdCode} from './markdown.js';
import {days} from '../domain/plural.js';
import {caseStatusWords} from '../domain/status-words.js';

const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']; // 1970-01-01 was a Thursday
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Wed 02 Dec 2026": unambiguous for a reader in any locale, and the weekday helps plan cover. */
export function longDate(d: IsoDate): string {
	const weekday = WEEKDAYS[((toDayNumber(d) % 7) + 7) % 7];
	return `${weekday} ${d.slice(8, 10)} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

function relative(date: IsoDate, today: IsoDate): string {
	const n = daysBetween(today, date);
	if (n === 0) return 'today';
	return n > 0 ? `in ${n} day${n === 1 ? '' : 's'}` : `${-n} day${n === -1 ? '' : 's'} ago`;
}

function words(s: string): string {
	return s.replace(/-/g, ' ');
}

function itemLine(i: WindowItem): string {
	const who = [i.caseRef ? esc(i.caseRef) : null, i.officerName ? esc(i.officerName) : null].filter(Boolean).join(', ');
	const about = i.about ? ` Item: ${esc(i.about)}.` : '';
	const cover = i.kind === 'absence-start' && i.coverName ? ` Cover: ${esc(i.coverName)}.` : '';
	return `- **${longDate(i.date)}**: ${i.label}: ${who}. ${esc(i.detail)}${about}${cover}`;
}

function decisionLines(d: Decision, n: number): string[] {
	const subject = d.caseRef ? `${esc(d.caseRef)} (${esc(d.officerName)})` : esc(d.officerName);
	return [
		`${n}. **${d.severity.toUpperCase()}**, ${subject}: ${esc(d.message)}`,
		`   What to do: ${esc(d.action)}${d.due ? ` Due ${longDate(d.due)}.` : ''}`,
		...d.resolve.map(r => `   - ${esc(r.label)}: ${[r.desk ? `desk key ${mdCode(r.desk.key)}` : '', r.command ? mdCode(r.command) : ''].filter(Boolean).join(', or ') || 'outside fortnight'}.`),
	];
}

function availability(o: OfficerSection, h: Handover): string {
	if (o.absences.length === 0) return 'available throughout the window';
	return o.absences
		.map(a => {
			const span = a.to ? `${longDate(a.from)} to ${longDate(a.to)}` : `from ${longDate(a.from)}, no return date`;
			return `${a.reasonWords} ${span}; cover: ${a.coverName ? esc(a.coverName) : '**none named**'}`;
		})
		.join('; and ')
		.replace(/^./, c => c.toUpperCase()) + (o.absences.some(a => a.from <= h.period.from && (a.to === null || a.to >= h.period.to)) ? ' (away for the whole window)' : '');
}

function caseLines(c: CaseSection, today: IsoDate): string[] {
	const lines = [`#### ${esc(c.ref)}: ${esc(c.offence)}`, '', `- Risk: ${c.risk}. Status: ${caseStatusWords(c.status)}.`];
	if (c.bail) {
		const b = c.bail;
		lines.push(
			`- Bail: suspect ${esc(b.suspect)}; return ${longDate(b.returnDate)} (${relative(b.returnDate, today)}); period ends ${longDate(b.periodEnd)}${b.lapsed ? ' (**LAPSED**: cannot be extended)' : ''}; next extension needs ${esc(b.nextAuthority)} by ${longDate(b.nextAuthorityBy)}.`,
		);
	} else if (c.rui) {
		lines.push(`- Bail: none; released under investigation since ${longDate(c.rui.since)} (suspect ${esc(c.rui.suspect)}; last told of progress ${c.rui.lastSuspectUpdate ? longDate(c.rui.lastSuspectUpdate) : 'never'}).`);
	} else {
		lines.push('- Bail: none.');
	}
	lines.push(`- Last review: ${c.lastReview ? `${longDate(c.lastReview.date)} by ${esc(c.lastReview.byName)}` : 'none signed'}.`);
	lines.push(`- Next review due: ${longDate(c.nextReviewDue)} (${relative(c.nextReviewDue, today)}).`);
	if (c.openActions.length === 0) lines.push('- Open actions: none.');
	else {
		lines.push('- Open actions:');
		for (const a of c.openActions) lines.push(`  - ${esc(a.text)} (owner ${esc(a.ownerName)}; due ${longDate(a.due)}; ${words(a.status)})`);
	}
	lines.push(`- Material kept: ${c.materialLocations.length ? c.materialLocations.map(esc).join('; ') : '**not recorded**'}.`);
	lines.push(`- Last crime-report update: ${c.lastUpdate ? `${longDate(c.lastUpdate)}, ` : 'none; '}${days(c.daysSinceUpdate)} since.`);
	return lines;
}

function officerLines(o: OfficerSection, h: Handover): string[] {
	const lines = [`### ${esc(o.name)} (${esc(o.officerId)})`, ''];
	lines.push(`- Availability: ${availability(o, h)}.`);
	lines.push(
		`- Caseload: ${o.liveCases} live case${o.liveCases === 1 ? '' : 's'}; workload ${o.workloadPercent}% of capacity for ${o.hoursPerWeek} hours a week${o.workloadExcessive ? ' (**EXCESSIVE**)' : ''}.`,
	);
	lines.push(`- Performance action plan: ${o.actionPlan.inPlace ? `yes, review ${o.actionPlan.reviewDate ? longDate(o.actionPlan.reviewDate) : 'date not set'}` : 'no'}.`);
	if (o.welfareCheckInDue) {
		const overdue = o.welfareCheckInDue < h.today;
		lines.push(`- Welfare check-in due: ${longDate(o.welfareCheckInDue)}${overdue ? ' (**OVERDUE**)' : ''}.`);
	}
	if (o.welfareNotes) {
		if (o.welfareNotes.length === 0) lines.push('- Welfare notes (OFFICIAL-SENSITIVE): none recent.');
		else {
			lines.push('- Welfare notes (OFFICIAL-SENSITIVE):');
			for (const n of o.welfareNotes) lines.push(`  - ${longDate(n.date)}, ${esc(n.byName)}: ${esc(n.text)}`);
		}
	}
	lines.push('');
	for (const c of o.cases) lines.push(...caseLines(c, h.today), '');
	return lines;
}

export function renderHandoverMarkdown(h: Handover): string {
	const out: string[] = [];
	out.push(`**${h.marking}**${h.includesWelfare ? ': contains welfare notes (health information). Do not forward or print.' : ''}`, '');
	out.push(`# Handover: ${esc(h.team.name)}`, '');
	out.push(`- Team: ${esc(h.team.name)}; ${esc(h.team.unit)}; ${esc(h.team.force)}`);
	out.push(`- Period: ${longDate(h.period.from)} to ${longDate(h.period.to)} (${days(h.period.days)})`);
	out.push(`- Prepared by: ${esc(h.preparedBy)}`);
	out.push(`- Cover: ${h.cover ? esc(h.cover.name) : '**nobody named**: reviews falling due will not be done'}`);
	out.push(`- Generated at: ${esc(h.generatedAt)}; dates worked out for ${longDate(h.today)}`);
	out.push(`- Review chain head: \`${h.chainHead.replace(/`/g, '')}\` (run "fortnight verify" to check it)`);
	out.push('');

	out.push(`## Needs a decision now (${h.decisions.length})`, '');
	if (h.decisions.length === 0) out.push('Nothing critical or red today.');
	h.decisions.forEach((d, i) => out.push(...decisionLines(d, i + 1)));
	out.push('');

	out.push(`## In your window, by date (${h.inWindow.length})`, '');
	if (h.inWindow.length === 0) out.push('Nothing dated in this window.');
	for (const i of h.inWindow) out.push(itemLine(i));
	out.push('');

	if (h.alreadyDue.length > 0) {
		out.push(`## Due before your window opens and still outstanding (${h.alreadyDue.length})`, '');
		for (const i of h.alreadyDue) out.push(itemLine(i));
		out.push('');
	}

	out.push('## By officer', '');
	for (const o of h.officers) out.push(...officerLines(o, h));

	out.push(`**${h.marking}**`);
	// At most one blank line between blocks (a pass over the lines, not a regex over megabytes of text).
	const lines: string[] = [];
	for (const line of out) if (line !== '' || (lines.length > 0 && lines.at(-1) !== '')) lines.push(line);
	return lines.join('\n') + '\n';
}
