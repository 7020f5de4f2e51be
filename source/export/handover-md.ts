/**
 * The handover as Markdown that renders cleanly in a viewer, reads cleanly as plain text and prints
 * compactly (README, "fortnight handover"): a short header, the decisions that cannot wait (each with
 * its "What to do" after a hard line break, so no renderer runs it into the message), a list per day for
 * the window, the outstanding items before it, and per officer a list with one item per live case.
 * Lists, not tables: printed through pandoc's default page (a column 36em wide) a two-column table
 * leaves its first column mostly empty beside the wrapped text, and the demo printed to 22 A4 pages
 * in tables against 17 in lists (test/export/handover-print.test.ts holds the bound).
 * Every piece of store text goes through escapeMarkdown (or mdTableCell, never empty); the words fortnight
 * writes itself (labels, details, dates) are trusted. Dates are written as in doc-dates.ts.
 */
import {suspectWords} from '../domain/bail.js';
import type {
	CaseSection,
	CoverOwnProblem,
	Decision,
	Handover,
	OfficerSection,
	ReviewDraftNote,
	WindowItem,
} from '../domain/handover/schema.js';
import {windowDistance} from '../domain/handover/dated-words.js';
import {forSomeoneElse} from '../domain/handover/cover-cannot.js';
import {coverOwnWords} from '../domain/handover/cover-own-problems.js';
import {coverSpans, nobodyWords} from '../domain/handover/cover-spans.js';
import {absenceRuns, runCoverWords} from '../domain/handover/absence-runs.js';
import {escapeMarkdown as esc, mdCode, mdTableCell as cell} from './markdown.js';
import {days} from '../domain/plural.js';
import {caseStatusWords} from '../domain/status-words.js';
import {docDate, docDay, docInstant} from './doc-dates.js';

/** "Wed 02 Dec 2026" (kept under its old name for callers that print a day). */
export const longDate = docDay;

/** Kinds whose date cannot be put right afterwards: their label is bold in the lists. */
const URGENT = new Set<WindowItem['kind']>(['bail-return', 'bail-period-end', 'court-date']);

/** The item's own words (without the absence note, said once per row) and the store text it is about. */
function itemWords(i: WindowItem): string {
	const detail = i.away && i.detail.endsWith(i.away) ? i.detail.slice(0, -i.away.length).trimEnd() : i.detail;
	if (i.kind === 'action-due') {
		// "Open." says nothing an open action's presence does not; anything else is said after the text.
		const words = detail.replace(/^Open(\.|, )/, '').replace(/\.$/, '');
		const status = words === '' ? '' : ` (${cell(words.replace(/^./, c => c.toLowerCase()))})`;
		return `${cell(i.about ?? '')}${status}`;
	}
	const about = i.about ? (i.kind === 'rui-update-due' ? ` Suspect ${cell(i.about)}.` : ` Item: ${cell(i.about)}.`) : '';
	const cover = i.kind === 'absence-start' && i.coverName ? ` Cover: ${cell(i.coverName)}.` : '';
	return `${cell(detail)}${about}${cover}`;
}

/** "DC Grant" for "DC Lewis Grant": short, beside the case reference (the officer sections give full names). */
function rankAndSurname(name: string): string {
	const words = name.trim().split(/\s+/);
	return words.length > 2 ? `${words[0]} ${words.at(-1)}` : name;
}

/** Identical lines said once, with how many there are: "Submit the file to CPS (2 actions)". */
function counted(lines: readonly string[]): string[] {
	const n = new Map<string, number>();
	for (const l of lines) n.set(l, (n.get(l) ?? 0) + 1);
	return [...n].map(([l, k]) => (k === 1 ? l : `${l} (${k} actions)`));
}

/**
 * Who a row is about: one name when everyone in it is the same officer ("DC Ashworth"); when a case's row
 * holds an action another officer owns, each name with what they are to it ("OIC DC Ashworth, action owner
 * DC Marsh"), since two names side by side read as one person (QA 6 R6). Every item but an action's
 * is the OIC's (domain/handover/dated-items.ts).
 */
function officerNames(group: readonly WindowItem[]): string[] {
	const roles = new Map<string, Set<string>>();
	for (const i of group) {
		if (!i.officerName) continue;
		const role = i.kind === 'action-due' ? 'action owner' : 'OIC';
		const set = roles.get(i.officerName);
		if (set) set.add(role);
		else roles.set(i.officerName, new Set([role]));
	}
	if (roles.size <= 1 || !group[0]!.caseRef) return [...roles.keys()].map(n => cell(rankAndSurname(n)));
	// The OIC first; an OIC who also owns an action is named once, as the OIC.
	const said = [...roles].map(([n, r]) => ({
		oic: r.has('OIC'),
		text: `${r.has('OIC') ? 'OIC' : 'action owner'} ${cell(rankAndSurname(n))}`,
	}));
	said.sort((a, b) => Number(b.oic) - Number(a.oic));
	return said.map((x, k) => (k < said.length - 1 ? `${x.text},` : x.text));
}

/**
 * Rows for a list of items in date order: the items of one case (or, without a case, one officer)
 * on one day share a row, so a review with three actions due the same day reads as one line, and the
 * OIC's absence that day is said once. Rows are [date, case and officer, what is due].
 */
function itemRows(items: readonly WindowItem[]): [string, string, string][] {
	const groups = new Map<string, WindowItem[]>();
	for (const i of items) {
		const key = `${i.date}|${i.caseRef ?? ''}|${i.caseRef ? '' : `${i.officerId ?? ''}|${i.kind}`}`;
		const list = groups.get(key);
		if (list) list.push(i);
		else groups.set(key, [i]);
	}
	const rows: [string, string, string][] = [];
	for (const group of groups.values()) {
		const first = group[0]!;
		const actions = group.filter(i => i.kind === 'action-due');
		// The list says the date: "Review" reads as well as "Review due" and prints shorter.
		const said = group
			.filter(i => i.kind !== 'action-due')
			.map(i => `${URGENT.has(i.kind) ? `**${i.label}**` : i.label.replace(/ due$/, '')}: ${itemWords(i)}`);
		if (actions.length > 0)
			said.push(`${actions.length === 1 ? 'Action' : `Actions (${actions.length})`}: ${counted(actions.map(itemWords)).join('; ')}.`);
		const away = group.find(i => i.away)?.away;
		const officers = officerNames(group);
		rows.push([
			first.date,
			[...(first.caseRef ? [`**${cell(first.caseRef)}**`] : []), ...officers].join(' '),
			`${said.join(' ')}${away ? ` ${cell(away)}` : ''}`,
		]);
	}
	return rows;
}

/**
 * What the cover may not do themselves in their window (their own cases' reviews, their own action plan or
 * check-in: domain/handover/cover-cannot.ts; and every other problem about them or a case they hold that
 * needs a supervisor's act, their screening, tenure review, undecided trigger, workload:
 * cover-own-problems.ts), under a heading naming who does it, whatever its severity on the day of writing
 * (QA 6 D1: written days before, those reviews were amber and listed nowhere as such). The dated items stay
 * in the lists by date, with the same sentence.
 */
function notForTheCover(h: Handover): string[] {
	const items = [...h.alreadyDue, ...h.dueBeforeWindow, ...h.inWindow].filter(forSomeoneElse);
	if (items.length === 0 && h.coverOwnProblems.length === 0) return [];
	const byWho = new Map<string, {items: WindowItem[]; problems: CoverOwnProblem[]}>();
	const groupOf = (who: string) => {
		const group = byWho.get(who) ?? {items: [], problems: []};
		byWho.set(who, group);
		return group;
	};
	for (const i of items) groupOf(i.authorityName ?? 'an independent supervisor').items.push(i);
	for (const p of h.coverOwnProblems) groupOf(p.goesToName ?? 'an independent supervisor').problems.push(p);
	const out: string[] = [];
	for (const [who, {items: list, problems}] of byWho) {
		out.push(`## Not for the cover: goes to ${esc(who)} (${list.length + problems.length})`, '');
		out.push('No one supervises themselves: the cover may not do these, whatever they show today. Hand each to them.', '');
		out.push(...itemRows(list).map(([d, names, what]) => `- ${docDate(d)}, ${names}: ${what}`));
		out.push(...problems.map(p => coverOwnLine(p, h)), '');
	}
	return out;
}

/** One problem about the cover (cover-own-problems.ts): as found on the day of writing, and who does it. */
function coverOwnLine(p: CoverOwnProblem, h: Handover): string {
	const subject = p.caseRef ? `**${cell(p.caseRef)}** ${cell(rankAndSurname(p.officerName))}` : cell(rankAndSurname(p.officerName));
	const message = esc(p.message);
	const due = p.due ? ` Due ${docDate(p.due)}.` : '';
	return (
		`- ${p.severity.toUpperCase()} on ${docDate(h.today)}, ${subject}: ${message}${/[.!?]$/.test(message) ? '' : '.'}${due} ` +
		`${esc(coverOwnWords(p, docDate))} What to do: ${esc(p.action)} To clear it: ${p.resolve.map(resolveWords).join('; ')}.`
	);
}

function decisionLines(d: Decision, n: number, h: Handover): string[] {
	const subject = d.caseRef ? `${esc(d.caseRef)} (${esc(d.officerName)})` : esc(d.officerName);
	const due = d.due ? ` Due ${docDay(d.due)} (${windowDistance(d.due, h.period.from, h.period.to)}).` : '';
	const inspector = d.inspectorName ? ` The inspector is ${esc(d.inspectorName)}.` : '';
	// One about the cover or a case they hold is not theirs to do (listed again under "Not for the cover").
	const own = h.coverOwnProblems.find(p => p.problemId === d.problemId);
	const notCover = own ? ` ${esc(coverOwnWords(own, docDate))}` : '';
	// The "What to do" follows a hard line break (a backslash at the end of the line, CommonMark and
	// pandoc alike): every renderer starts it on its own line, and the ways to clear it follow on the
	// same line (a nested item each took a line more in print).
	const message = esc(d.message);
	return [
		`${n}. **${d.severity.toUpperCase()}** ${subject}: ${message}${/[.!?]$/.test(message) ? '' : '.'}${due}\\`,
		`   What to do: ${esc(d.action)}${inspector}${notCover} To clear it: ${d.resolve.map(resolveWords).join('; ')}.`,
	];
}

/**
 * One way to clear a decision (README "Acting on a problem"): its words, then the desk key and the command
 * to copy, as a code span unless it carries characters Markdown or HTML give meaning to (a crime reference
 * is store text): then escaped like the rest.
 */
function resolveWords(r: Decision['resolve'][number]): string {
	const code = (text: string) => (/[<>&`\\]/.test(text) ? esc(text) : mdCode(text));
	const how = [r.desk ? `desk key ${code(r.desk.key)}` : '', r.command ? code(r.command) : ''].filter(Boolean).join(' or ');
	return `${esc(r.label)}${how ? ` (${how})` : ' (outside fortnight)'}`;
}

function availability(o: OfficerSection, h: Handover): string {
	if (o.absences.length === 0) return 'available throughout the window';
	// An absence kept in parts is one absence with its cover changes (absence-runs.ts; QA 7 D7).
	const runs = absenceRuns(o.absences);
	const whole = runs.some(a => a.from <= h.period.from && (a.to === null || a.to >= h.period.to));
	const spans = runs.map(a => {
		const span = a.to ? `${docDate(a.from)} to ${docDate(a.to)}` : `from ${docDate(a.from)}, no return date`;
		// The cover is the subject of its own sentence: it must never read as if the cover were away.
		const cover = runCoverWords(a, docDate, esc, '**nobody is named to cover their work**', '**nobody covers**');
		return `${a.reasonWords} ${span}; ${cover}`;
	});
	return `${whole ? 'away for the whole window' : 'away for part of the window'}: ${spans.join('; and ')}`;
}

function bailCell(c: CaseSection): string {
	if (c.bail) {
		const b = c.bail;
		const next = b.lapsed
			? ' (**LAPSED**: cannot be extended)'
			: `; extension: ${esc(b.nextAuthority)}${b.nextAuthorityName ? ` (${esc(b.nextAuthorityName)})` : ''}`;
		return `${cell(suspectWords(b.suspect, true))} bailed to ${docDate(b.returnDate)}; period ends ${docDate(b.periodEnd)}${next}`;
	}
	if (c.rui) {
		const r = c.rui;
		return (
			`${cell(suspectWords(r.suspect, true))} RUI since ${docDate(r.since)}; last told ` +
			`${r.lastSuspectUpdate ? docDate(r.lastSuspectUpdate) : 'never'}, next ${docDate(r.nextUpdateDue)}`
		);
	}
	return 'none';
}

/**
 * The last review, and the next one only when it falls after the window: one that falls due by the
 * window's last day is in the dated lists above, as are the open actions due by then (the row counts
 * nothing it need not; it spells out the actions due later).
 */
function reviewCell(c: CaseSection, h: Handover): string {
	const last = c.lastReview
		? `Last review ${docDate(c.lastReview.date)} (${cell(rankAndSurname(c.lastReview.byName))})`
		: 'No review signed';
	const next = c.nextReviewDue > h.period.to ? `, next due ${docDate(c.nextReviewDue)}` : '';
	const draft = c.reviewDraft
		? `; one started by ${cell(rankAndSurname(c.reviewDraft.startedByName))} ${docDate(c.reviewDraft.startedOn)} is **not signed**`
		: '';
	return `${last}${next}${draft}.`;
}

function actionsCell(c: CaseSection, h: Handover): string {
	const later = c.openActions.filter(a => a.due > h.period.to).map(a => `${cell(a.text)} (due ${docDate(a.due)})`);
	return later.length ? ` Actions due later: ${later.join('; ')}.` : '';
}

function caseItem(c: CaseSection, h: Handover): string {
	const kept = c.materialLocations.length ? c.materialLocations.map(cell).join('; ') : '**not recorded**';
	const update = c.lastUpdate ? docDate(c.lastUpdate) : 'none';
	const bail = c.bail || c.rui ? `${bailCell(c)}. ` : '';
	return (
		`- **${cell(c.ref)}**: ${cell(c.offence)} (${c.risk} risk, ${caseStatusWords(c.status)}). ${bail}${reviewCell(c, h)}${actionsCell(c, h)} ` +
		`Kept: ${kept}. Updated ${update}.`
	);
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function officerLines(o: OfficerSection, h: Handover): string[] {
	const lines = [`### ${esc(o.name)} (${esc(o.officerId)})`, ''];
	const plan = `action plan ${o.actionPlan.inPlace ? `yes, review ${o.actionPlan.reviewDate ? docDate(o.actionPlan.reviewDate) : 'date not set'}` : 'no'}`;
	const welfare = o.welfareCheckInDue
		? `; welfare check-in due ${docDate(o.welfareCheckInDue)}${o.welfareCheckInDue < h.today ? ' (**OVERDUE**)' : ''}`
		: '';
	const load =
		`${o.liveCases} live case${o.liveCases === 1 ? '' : 's'}; workload ${o.workloadPercent}% of capacity for ${o.hoursPerWeek} hours a ` +
		`week${o.workloadExcessive ? ' (**EXCESSIVE**)' : ''}`;
	lines.push(`${capital(availability(o, h))}. ${capital(load)}; ${plan}${welfare}.`);
	lines.push('');
	// Each case: offence, risk, status, bail, reviews, actions, material, crime-report update.
	if (o.cases.length > 0) lines.push(...o.cases.map(c => caseItem(c, h)), '');
	// After the cases, with a paragraph between: two lists one after the other would read as one.
	if (o.welfareNotes) {
		if (o.welfareNotes.length === 0) lines.push('Welfare notes (OFFICIAL-SENSITIVE): none recent.', '');
		else {
			lines.push('Welfare notes (OFFICIAL-SENSITIVE):', '');
			for (const n of o.welfareNotes) lines.push(`- ${docDate(n.date)}, ${esc(n.byName)}: ${esc(n.text)}`);
			lines.push('');
		}
	}
	return lines;
}

function draftLine(d: ReviewDraftNote): string {
	const oic = d.officerName ? ` (${esc(d.officerName)})` : '';
	return (
		`- ${esc(d.caseRef)}${oic}: started by ${esc(d.startedByName)} on ${docDate(d.startedOn)}, last saved ${docDate(d.lastSavedOn)}; not signed, ` +
		`so the case still needs its review.`
	);
}

export function renderHandoverMarkdown(h: Handover): string {
	const out: string[] = [];
	out.push(`**${h.marking}**${h.includesWelfare ? ': contains welfare notes (health information). Do not forward or print.' : ''}`, '');
	out.push(`# Handover: ${esc(h.team.name)}`, '');
	out.push(`- Team: ${esc(h.team.name)}; ${esc(h.team.unit)}; ${esc(h.team.force)}`);
	out.push(`- Period: ${docDay(h.period.from)} to ${docDay(h.period.to)} (${days(h.period.days)})`);
	out.push(`- Prepared by: ${esc(h.preparedBy)}`);
	// A cover from outside the team (handover --cover-outside) is marked, as the desk's Handover view marks
	// it; each cover of part of the window is named with their dates (two absences, two covers).
	// Days the named cover is away too are said as nobody covering, never as theirs (coverSpans).
	const covers = coverSpans(h).map(c =>
		c.nobody && c.dates
			? `**nobody covers** ${docDate(c.dates.from)} to ${docDate(c.dates.to)} (${nobodyWords(c, esc(c.name))})`
			: `${esc(c.name)}${c.outside ? ' (outside the team)' : ''}${c.dates ? ` (${docDate(c.dates.from)} to ${docDate(c.dates.to)})` : ''}`,
	);
	out.push(`- Cover: ${covers.length > 0 ? covers.join('; ') : '**nobody named**: reviews falling due will not be done'}`);
	out.push(`- Inspector: ${h.inspector ? `${esc(h.inspector.name)} ${INSPECTOR_DOES}` : '**none recorded**'}`);
	out.push(`- Generated at: ${esc(docInstant(h.generatedAt))}; dates worked out for ${docDay(h.today)}`);
	out.push(`- Review chain head: \`${h.chainHead.replace(/`/g, '')}\` (run "fortnight verify" to check it)`);
	out.push('');

	out.push(`## Needs a decision now (${h.decisions.length})`, '');
	if (h.decisions.length === 0) out.push(`Nothing critical or red on ${docDate(h.today)}.`);
	else out.push(`As found on ${docDay(h.today)}; each due date with its distance from your window.`, '');
	h.decisions.forEach((d, i) => out.push(...decisionLines(d, i + 1, h)));
	out.push('');
	out.push(...notForTheCover(h));

	out.push(`## In your window, by date (${h.inWindow.length})`, '');
	if (h.inWindow.length === 0) out.push('Nothing dated in this window.', '');
	// One item per day, what is due that day nested under it (a heading per day would double the printed length).
	let day = '';
	for (const [date, who, what] of itemRows(h.inWindow)) {
		if (date !== day) out.push(`- **${docDay((day = date))}**`);
		out.push(`  - ${who}: ${what}`);
	}
	out.push('');

	if (h.alreadyDue.length > 0) {
		out.push(`## Overdue: due before ${docDate(h.today)} and still outstanding (${h.alreadyDue.length})`, '');
		out.push(...itemRows(h.alreadyDue).map(([d, who, what]) => `- ${docDate(d)}, ${who}: ${what}`), '');
	}
	if (h.dueBeforeWindow.length > 0) {
		out.push(`## Due before your window opens, not yet overdue on ${docDate(h.today)} (${h.dueBeforeWindow.length})`, '');
		out.push(...itemRows(h.dueBeforeWindow).map(([d, who, what]) => `- ${docDate(d)}, ${who}: ${what}`), '');
	}

	if (h.reviewDrafts.length > 0) {
		out.push(`## Reviews started and not signed (${h.reviewDrafts.length})`, '');
		for (const d of h.reviewDrafts) out.push(draftLine(d));
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

/** What the handover's header says the inspector is there for. */
const INSPECTOR_DOES = '(inspector-level bail extensions, escalated performance triggers, reviews the cover cannot do)';
