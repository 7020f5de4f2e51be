/**
 * The handover as terminal lines for the desk's preview: the same sections as the Markdown export, as
 * plain text (no Markdown escapes to read past), every piece of store text through safeText. Each line
 * carries a tone so the view can colour it, and says its meaning in words as well (never colour alone).
 */
import {absenceRuns, runCoverWords} from '../../../domain/handover/absence-runs.js';
import {daysBetween, shortDate, type IsoDate} from '../../../domain/dates.js';
import {coverAwayWords, coverSpans, nobodyWords} from '../../../domain/handover/cover-spans.js';
import {forSomeoneElse} from '../../../domain/handover/cover-cannot.js';
import {coverOwnWords} from '../../../domain/handover/cover-own-problems.js';
import type {CoverOwnProblem, Decision, Handover, WindowItem} from '../../../domain/handover/schema.js';
import {safeText} from '../../../domain/safe-text.js';
import {caseStatusWords} from '../../../domain/status-words.js';

export type Tone = 'heading' | 'critical' | 'red' | 'plain' | 'dim';

export interface PreviewLine {
	text: string;
	tone: Tone;
	/**
	 * On an item's first line only: what Enter opens from it (QA 5 R7), a decision's problem (its index in
	 * `decisions`) or a dated item's case.
	 */
	open?: {decision: number} | {caseRef: string};
}

/** One way to clear a decision, as the Markdown handover says it: its words, then the desk key and the command. */
function wayWords(r: Decision['resolve'][number]): string {
	const how = [r.desk ? `desk key ${r.desk.key}` : '', r.command ?? ''].filter(Boolean).join(' or ');
	return `${t(r.label)}${how ? ` (${t(how)})` : ' (outside fortnight)'}`;
}

const t = (s: string | null | undefined) => safeText(s ?? '');

function item(i: WindowItem, today: IsoDate): PreviewLine {
	const who = [i.caseRef, i.officerName].filter(Boolean).map(t).join(', ');
	const extra = i.about
		? ` ${i.kind === 'rui-update-due' ? 'Suspect' : i.kind === 'action-due' ? 'Action' : 'Item'}: ${t(i.about)}.`
		: i.kind === 'absence-start' && i.coverName
			? ` Cover: ${t(i.coverName)}.`
			: '';
	const urgent = i.kind === 'bail-return' || i.kind === 'bail-period-end';
	const text = `  ${shortDate(i.date, today)}  ${i.label}: ${who}. ${t(i.detail)}${extra}`;
	return {text, tone: urgent ? 'red' : 'plain', ...(i.caseRef ? {open: {caseRef: i.caseRef}} : {})};
}

/**
 * The items of a list as preview lines: a case's open actions due on a day join that day's other line
 * for the case ("+ 2 actions due"), since each case below lists its actions; the preview stays short
 * enough to scroll.
 */
function itemLines(items: readonly WindowItem[], today: IsoDate): PreviewLine[] {
	const lines: PreviewLine[] = [];
	const actions = new Map<string, WindowItem[]>();
	for (const i of items) {
		if (i.kind !== 'action-due') continue;
		const key = `${i.date}|${i.caseRef}`;
		actions.set(key, [...(actions.get(key) ?? []), i]);
	}
	const said = new Set<string>();
	for (const i of items) {
		const key = `${i.date}|${i.caseRef}`;
		const due = actions.get(key);
		if (i.kind === 'action-due' && said.has(key)) continue;
		if (i.kind === 'action-due' && items.some(x => x.kind !== 'action-due' && `${x.date}|${x.caseRef}` === key)) continue;
		if (i.kind === 'action-due') {
			said.add(key);
			const who = [i.caseRef, i.officerName].filter(Boolean).map(t).join(', ');
			lines.push({
				text: `  ${shortDate(i.date, today)}  Actions due (${due!.length}): ${who}. Listed under the case below.`,
				tone: 'plain',
				...(i.caseRef ? {open: {caseRef: i.caseRef}} : {}),
			});
			continue;
		}
		const line = item(i, today);
		if (due && i.caseRef && !said.has(key)) {
			said.add(key);
			line.text += ` + ${due.length} action${due.length === 1 ? '' : 's'} due.`;
		}
		lines.push(line);
	}
	return lines;
}

export function handoverLines(h: Handover): PreviewLine[] {
	const today = h.today;
	const lines: PreviewLine[] = [];
	const blank = () => lines.push({text: '', tone: 'plain'});
	const heading = (s: string) => lines.push({text: s, tone: 'heading'});

	if (h.includesWelfare) lines.push({text: 'OFFICIAL-SENSITIVE: includes welfare notes', tone: 'critical'});
	lines.push({
		text: `Period ${shortDate(h.period.from, today)} to ${shortDate(h.period.to, today)} (${h.period.days} days). Prepared by ${t(h.preparedBy)}.`,
		tone: 'plain',
	});
	// Each cover of part of the window with their dates, as the Markdown names them (coverSpans).
	// Days the named cover is away too are said as nobody covering (coverSpans), in the critical tone.
	// A one-day cover is "on 12 Dec", as the desk says elsewhere, not "12 Dec to 12 Dec" (QA 7 R3).
	const spanWords = (d: {from: string; to: string}): string =>
		d.from === d.to ? `on ${shortDate(d.from, today)}` : `${shortDate(d.from, today)} to ${shortDate(d.to, today)}`;
	const spans = coverSpans(h);
	const covers = spans.map(c =>
		c.nobody && c.dates
			? `NOBODY COVERS ${spanWords(c.dates)} (${nobodyWords(c, t(c.name))})`
			: `${t(c.name)}${c.outside ? ' (outside the team)' : ''}${c.dates ? ` (${spanWords(c.dates)})` : ''}`,
	);
	lines.push(
		covers.length > 0
			? {text: `Cover: ${covers.join('; ')}`, tone: spans.some(c => c.nobody) ? 'critical' : 'plain'}
			: {text: 'Cover: NOBODY NAMED: reviews falling due will not be done', tone: 'critical'},
	);
	lines.push({text: `Review chain head ${t(h.chainHead)}`, tone: 'dim'});
	blank();

	heading(`NEEDS A DECISION NOW (${h.decisions.length})`);
	if (h.decisions.length === 0) lines.push({text: '  Nothing critical or red today.', tone: 'dim'});
	for (const [n, d] of h.decisions.entries()) {
		const subject = d.caseRef ? `${t(d.caseRef)} (${t(d.officerName)})` : t(d.officerName);
		lines.push({
			text: `  ${d.severity.toUpperCase()} ${subject}: ${t(d.message)}`,
			tone: d.severity === 'critical' ? 'critical' : 'red',
			open: {decision: n},
		});
		// One about the cover or a case they hold is not theirs to do (listed again under "Not for the cover").
		const own = h.coverOwnProblems.find(p => p.problemId === d.problemId);
		const notCover = own ? ` ${t(coverOwnWords(own, x => shortDate(x, today)))}` : '';
		lines.push({text: `    What to do: ${t(d.action)}${d.due ? ` Due ${shortDate(d.due, today)}.` : ''}${notCover}`, tone: 'plain'});
		// The ways to clear it, as the Markdown handover and the Problems panel give them (QA 5 R7).
		lines.push({text: `    To clear it: ${d.resolve.map(wayWords).join('; ')}.`, tone: 'plain'});
	}
	blank();

	// What the cover may not do themselves, whatever it shows today, with who does it (as the Markdown: QA 6 D1):
	// the dated items marked so, then the other problems about them or their cases (cover-own-problems.ts).
	const notForCover = [...h.alreadyDue, ...h.dueBeforeWindow, ...h.inWindow].filter(forSomeoneElse);
	const byWho = new Map<string, {items: WindowItem[]; problems: CoverOwnProblem[]}>();
	const groupOf = (who: string) => {
		const group = byWho.get(who) ?? {items: [], problems: []};
		byWho.set(who, group);
		return group;
	};
	for (const i of notForCover) groupOf(i.authorityName ?? 'an independent supervisor').items.push(i);
	for (const p of h.coverOwnProblems) groupOf(p.goesToName ?? 'an independent supervisor').problems.push(p);
	for (const [who, {items: list, problems}] of byWho) {
		heading(`NOT FOR THE COVER: GOES TO ${t(who).toUpperCase()} (${list.length + problems.length})`);
		lines.push(...itemLines(list, today));
		for (const p of problems) {
			const subject = p.caseRef ? `${t(p.caseRef)} (${t(p.officerName)})` : t(p.officerName);
			lines.push({
				text: `  ${p.severity.toUpperCase()} ${subject}: ${t(p.message)}`,
				tone: p.severity === 'critical' ? 'critical' : p.severity === 'red' ? 'red' : 'plain',
				...(p.caseRef ? {open: {caseRef: p.caseRef}} : {}),
			});
			lines.push({text: `    ${t(coverOwnWords(p, d => shortDate(d, today)))} What to do: ${t(p.action)}`, tone: 'plain'});
			lines.push({text: `    To clear it: ${p.resolve.map(wayWords).join('; ')}.`, tone: 'plain'});
		}
		blank();
	}
	heading(`IN YOUR WINDOW, BY DATE (${h.inWindow.length})`);
	if (h.inWindow.length === 0) lines.push({text: '  Nothing dated in this window.', tone: 'dim'});
	lines.push(...itemLines(h.inWindow, today));
	blank();

	if (h.alreadyDue.length > 0) {
		heading(`OVERDUE: DUE BEFORE TODAY, STILL OUTSTANDING (${h.alreadyDue.length})`);
		lines.push(...itemLines(h.alreadyDue, today));
		blank();
	}
	if (h.dueBeforeWindow.length > 0) {
		heading(`DUE BEFORE THE WINDOW OPENS, NOT YET OVERDUE (${h.dueBeforeWindow.length})`);
		lines.push(...itemLines(h.dueBeforeWindow, today));
		blank();
	}
	if (h.reviewDrafts.length > 0) {
		heading(`REVIEWS STARTED AND NOT SIGNED (${h.reviewDrafts.length})`);
		for (const d of h.reviewDrafts)
			lines.push({
				text:
					`  ${t(d.caseRef)}${d.officerName ? ` (${t(d.officerName)})` : ''}: started by ${t(d.startedByName)} ${shortDate(d.startedOn, today)}, last ` +
					`saved ${shortDate(d.lastSavedOn, today)}`,
				tone: 'plain',
			});
		blank();
	}

	heading('BY OFFICER');
	for (const o of h.officers) {
		lines.push({text: `${t(o.name)} (${t(o.officerId)})`, tone: 'heading'});
		// An absence kept in parts is one absence with its cover changes (absence-runs.ts; QA 7 D7).
		const away = absenceRuns(o.absences).map(a => {
			const span = `${a.reasonWords} ${shortDate(a.from, today)} to ${a.to ? shortDate(a.to, today) : 'no end date'}`;
			if (a.parts.length === 1) {
				const p = a.parts[0]!;
				return `${span}, cover ${p.coverName ? t(p.coverName) : 'NONE'}` + coverAwayWords(p, d => shortDate(d, today), 'NOBODY covers');
			}
			return `${span}, ${runCoverWords(a, d => shortDate(d, today), t, 'cover NONE', 'NOBODY covers')}`;
		});
		lines.push({text: `  Availability: ${away.length ? away.join('; ') : 'available throughout'}`, tone: away.length ? 'red' : 'plain'});
		lines.push({
			text:
				`  ${o.liveCases} live cases; workload ${o.workloadPercent}%${o.workloadExcessive ? ' EXCESSIVE' : ''}; action plan ` +
				(o.actionPlan.inPlace ? `yes, review ${o.actionPlan.reviewDate ? shortDate(o.actionPlan.reviewDate, today) : 'not set'}` : 'no') +
				(o.welfareCheckInDue
					? `; welfare check-in due ${shortDate(o.welfareCheckInDue, today)}${o.welfareCheckInDue < today ? ' OVERDUE' : ''}`
					: ''),
			tone: o.workloadExcessive ? 'red' : 'plain',
		});
		for (const n of o.welfareNotes ?? [])
			lines.push({text: `  Welfare note ${shortDate(n.date, today)}, ${t(n.byName)}: ${t(n.text)}`, tone: 'critical'});
		for (const c of o.cases) {
			lines.push({text: `  ${t(c.ref)}  ${c.risk.toUpperCase()}  ${caseStatusWords(c.status)}  ${t(c.offence)}`, tone: 'plain'});
			if (c.bail) {
				const b = c.bail;
				lines.push({
					text:
						`    Bail: return ${shortDate(b.returnDate, today)} (${daysBetween(today, b.returnDate)}d); period ends ` +
						`${shortDate(b.periodEnd, today)}${b.lapsed ? ' LAPSED' : ''}; next extension ${t(b.nextAuthority)} by ${shortDate(b.nextAuthorityBy, today)}`,
					tone: b.lapsed || b.daysToReturn <= 7 ? 'red' : 'plain',
				});
			}
			const review = c.lastReview ? `${shortDate(c.lastReview.date, today)} by ${t(c.lastReview.byName)}` : 'none';
			lines.push({
				text:
					`    Last review ${review}; next due ${shortDate(c.nextReviewDue, today)}${c.nextReviewDue < today ? ' OVERDUE' : ''}; last update ` +
					`${c.daysSinceUpdate}d ago`,
				tone: c.nextReviewDue < today ? 'red' : 'plain',
			});
			for (const a of c.openActions)
				lines.push({text: `    Action: ${t(a.text)} (${t(a.ownerName)}, due ${shortDate(a.due, today)})`, tone: 'plain'});
			lines.push({
				text: `    Material: ${c.materialLocations.length ? c.materialLocations.map(t).join('; ') : 'NOT RECORDED'}`,
				tone: 'dim',
			});
		}
		blank();
	}
	return lines;
}
