/**
 * The cover's calendar (README, "fortnight calendar"): the handover window's dated items as all-day
 * events, one each, to import into a phone or Outlook. Built from the Handover document alone, as the
 * Markdown is, so the calendar never says more than the handover: bail returns and period ends (with who must authorise
 * the next extension), reviews, RUI suspect updates, victim updates, CPS decisions, court dates,
 * forensic results and absences.
 *
 * Never in a calendar, which a phone copies to someone else's servers: welfare check-ins, performance
 * action plans, welfare notes, or why anyone is away (an absence says "away" and who covers, never
 * sick leave). Open actions stay in the handover: a case's actions fall due with its review.
 *
 * UIDs name the thing, not its date ("review of CR/1/26", "absence ab0002"), so importing a newer file
 * moves an event whose date changed instead of adding a second one.
 */
import {addDays, type IsoDate} from '../domain/dates.js';
import type {Handover, WindowItem, WindowKind} from '../domain/handover/schema.js';
import {safeText} from '../domain/safe-text.js';
import {coverAwayWords, coverSpans, nobodyWords} from '../domain/handover/cover-spans.js';
import {docDate} from './doc-dates.js';
import {absenceRuns, runCoverWords} from '../domain/handover/absence-runs.js';

export interface CalendarEvent {
	/** Stable across runs and windows for the same thing. */
	uid: string;
	/** First day, and the day after the last (an all-day event's DTEND is exclusive). */
	start: IsoDate;
	end: IsoDate;
	/** Short enough to read on a phone's month view; the case reference first. */
	summary: string;
	/** Lines of plain words; store text made safe. */
	description: string[];
	category: string;
}

export interface CalendarDocument {
	/** The calendar's name in the client: team, window and cover. */
	name: string;
	/** When it was written (the handover's generatedAt), for DTSTAMP. */
	generatedAt: string;
	events: CalendarEvent[];
}

/** The kinds a calendar shows, with the words that start their summary and the category. */
const SHOWN: Partial<Record<WindowKind, {words: string; category: string}>> = {
	'bail-return': {words: 'Bail return', category: 'Bail'},
	'bail-period-end': {words: 'Bail ends', category: 'Bail'},
	'court-date': {words: 'Court', category: 'Court'},
	'cps-due': {words: 'CPS decision due', category: 'CPS'},
	'review-due': {words: 'Review', category: 'Review'},
	'rui-update-due': {words: 'RUI suspect update', category: 'RUI'},
	'victim-update-due': {words: 'Victim update', category: 'Victim'},
	'forensic-result-expected': {words: 'Forensic result due', category: 'Forensics'},
};

/** The kinds a calendar never shows (welfare and performance), named so a test can hold the list. */
export const NEVER_IN_CALENDAR: readonly WindowKind[] = ['welfare-check-in-due', 'action-plan-review'];

const t = (s: string | null | undefined): string => safeText(s ?? '');

/** "DC Ashworth" for "DC Sam Ashworth": a phone's summary line is short. */
function short(name: string): string {
	const words = name.trim().split(/\s+/);
	return words.length > 2 ? `${words[0]} ${words.at(-1)}` : name;
}

/** A UID part: letters, digits, dot and dash as they are, anything else as _XX (so distinct names stay distinct). */
function uidPart(s: string): string {
	return [...s].map(ch => (/[A-Za-z0-9.-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`)).join('');
}

function uid(h: Handover, ...parts: string[]): string {
	return `${parts.map(uidPart).join('-')}@${uidPart(h.team.id)}.fortnight`;
}

/** Who covers an officer away on the date, in words that never say why they are away. */
function awayWords(i: WindowItem): string | null {
	if (!i.away) return null;
	return i.awayCover ? `OIC away, ${short(t(i.awayCover))} covers` : 'OIC away, NOBODY covers';
}

function itemEvent(h: Handover, i: WindowItem): CalendarEvent | null {
	const shown = SHOWN[i.kind];
	if (!shown) return null;
	const ref = t(i.caseRef);
	const oic = i.officerName ? short(t(i.officerName)) : '';
	const who = [ref, oic && `(${oic})`].filter(Boolean).join(' ');
	const away = awayWords(i);
	let summary = `${shown.words} ${who}`;
	if (i.kind === 'bail-period-end')
		summary += i.authority ? `: extension by ${t(i.authorityName ?? i.authority)}` : ': ended, cannot be extended';
	if (away) summary += ` - ${away}`;
	// The handover's words for the item, without its note on the absence (which gives the reason).
	const detail = i.away && i.detail.endsWith(i.away) ? i.detail.slice(0, -i.away.length).trimEnd() : i.detail;
	const description = [`${i.label}: ${[ref, i.officerName ? t(i.officerName) : ''].filter(Boolean).join(', ')}.`, t(detail)];
	if (i.about) description.push(`${i.kind === 'rui-update-due' ? 'Suspect' : 'Item'}: ${t(i.about)}.`);
	if (i.authority)
		description.push(
			`Who authorises the next extension: ${t(i.authority)}${i.authorityName ? ` (${t(i.authorityName)})` : ''}; by ${docDate(i.actBy ?? i.date)} at the latest.`,
		);
	if (away) description.push(`${away}.`);
	const key = i.recordId ? [i.kind, i.caseRef ?? i.officerId ?? '', i.recordId] : [i.kind, i.caseRef ?? i.officerId ?? ''];
	return {uid: uid(h, ...key), start: i.date, end: addDays(i.date, 1), summary, description, category: shown.category};
}

function absenceEvents(h: Handover): CalendarEvent[] {
	const out: CalendarEvent[] = [];
	for (const o of h.officers) {
		// One event for an absence kept in parts, its covers in the description (absence-runs.ts; QA 7 D7).
		for (const a of absenceRuns(o.absences)) {
			// An open-ended absence is drawn to the window's last day and says it has no end date.
			const last = a.to ?? h.period.to;
			const covers = [...new Set(a.parts.map(p => p.coverName))];
			const gap = a.parts.some(p => p.coverName === null || p.coverAway.length > 0);
			const cover =
				covers.length === 1 && covers[0] !== null
					? `${short(t(covers[0]))} covers${gap ? ' (NOT every day)' : ''}`
					: covers.every(c => c === null)
						? 'NO COVER named'
						: `covers change${gap ? ' (NOT every day)' : ''}`;
			out.push({
				uid: uid(h, 'absence', a.id),
				start: a.from,
				end: addDays(last, 1),
				summary: `${short(t(o.name))} away${a.to ? '' : ' (no end date)'}; ${cover}`,
				description: [
					`${t(o.name)} is away from ${docDate(a.from)}${a.to ? ` to ${docDate(a.to)}` : ', with no end date recorded'}.`,
					a.parts.length === 1
						? a.parts[0]!.coverName
							? `${t(a.parts[0]!.coverName)} covers their work${coverAwayWords(a.parts[0]!, docDate)}.`
							: 'Nobody is named to cover their work: name a cover.'
						: `${runCoverWords(a, docDate, t, 'nobody is named to cover their work')}.`,
				],
				category: 'Absence',
			});
		}
	}
	return out;
}

export function calendarDocument(h: Handover): CalendarDocument {
	const items = h.inWindow.map(i => itemEvent(h, i)).filter((e): e is CalendarEvent => e !== null);
	const events = [...items, ...absenceEvents(h)].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
	const names = coverSpans(h).map(c =>
		c.nobody && c.dates
			? `nobody ${docDate(c.dates.from)} to ${docDate(c.dates.to)} (${nobodyWords(c, t(c.name))})`
			: `${t(c.name)}${c.dates ? ` ${docDate(c.dates.from)} to ${docDate(c.dates.to)}` : ''}`,
	);
	const cover = names.length > 0 ? `; cover ${names.join(', ')}` : '';
	return {name: `${t(h.team.name)}: ${docDate(h.period.from)} to ${docDate(h.period.to)}${cover}`, generatedAt: h.generatedAt, events};
}
