/**
 * Every dated thing a cover supervisor must know about, one item each: bail returns and period ends,
 * reviews due, RUI suspect updates due, victim updates due, open actions due, forensic results
 * expected, CPS and court dates, performance action-plan reviews, welfare check-ins due, absences
 * starting and ending. One pass over cases, officers, plans and absences (linear in the store).
 */
import {AUTHORITY_NAMES, bailClock} from '../bail.js';
import {addDays, shortDate, type IsoDate} from '../dates.js';
import type {Absence, BailAuthority, Case, Officer, Settings, StoreData, WelfareEvent} from '../model.js';
import {inPost, type RuleContext} from '../rules/context.js';
import {nextRuiUpdate} from '../rules/rui.js';
import {nextVictimUpdate} from '../rules/victim-updates.js';
import {lastWelfare} from '../rules/welfare.js';
import {ABSENCE_WORDS, absenceLookup, awayOn, coverAwayDuring, fullName} from '../people.js';
import {absenceSpan} from '../absence-words.js';
import {isLive, openActions} from '../case-facts.js';
import type {WindowItem, WindowKind} from './schema.js';
import {WINDOW_KINDS} from './schema-values.js';

/** Order of kinds on the same day: the ones that cannot be put right afterwards first. */
const KIND_ORDER: Record<WindowKind, number> = {
	'bail-period-end': 0,
	'bail-return': 1,
	'court-date': 2,
	'cps-due': 3,
	'review-due': 4,
	'rui-update-due': 5,
	'victim-update-due': 6,
	'action-due': 7,
	'forensic-result-expected': 8,
	'action-plan-review': 9,
	'welfare-check-in-due': 10,
	'absence-start': 11,
	'absence-end': 12,
};

export const LABELS: Record<WindowKind, string> = {
	'bail-return': 'Bail return',
	'bail-period-end': 'Bail period ends',
	'review-due': 'Review due',
	'rui-update-due': 'RUI suspect update due',
	'victim-update-due': 'Victim update due',
	'action-due': 'Action due',
	'action-plan-review': 'Action plan review',
	'forensic-result-expected': 'Forensic result expected',
	'cps-due': 'CPS decision due',
	'court-date': 'Court date',
	'welfare-check-in-due': 'Welfare check-in due',
	'absence-start': 'Absence starts',
	'absence-end': 'Absence ends (last day)',
};

/** Kinds that stay outstanding once their date passes: every kind but a court date and an absence's days. */
const PASS_WITH_THEIR_DATE: ReadonlySet<WindowKind> = new Set<WindowKind>(['court-date', 'absence-start', 'absence-end']);
const STAYS_DUE: ReadonlySet<WindowKind> = new Set(WINDOW_KINDS.filter(k => !PASS_WITH_THEIR_DATE.has(k)));

const CHECK_IN_KINDS: readonly WelfareEvent['kind'][] = ['check-in', 'one-to-one'];

/**
 * Next welfare check-in per officer, as the welfare rule counts it: the last check-in or one-to-one
 * on or before today (or joining the unit) plus settings.welfareCheckInDays.
 */
export function checkInDueByOfficer(ctx: RuleContext): Map<string, IsoDate> {
	const due = new Map<string, IsoDate>();
	for (const o of ctx.activeOfficers) {
		const last = lastWelfare(ctx.welfareByOfficer.get(o.id), CHECK_IN_KINDS, ctx.today);
		due.set(o.id, addDays(last?.date ?? o.joinedUnit, ctx.settings.welfareCheckInDays));
	}
	return due;
}

/** Officers whose welfare check-ins the team's sergeant owns: everyone in post but inspectors (as the welfare rule). */
export function welfareScope(o: Officer, today: IsoDate): boolean {
	return inPost(o, today) && o.role !== 'inspector';
}

export interface DatedItems {
	/** Outstanding items dated before today (and before the window opens): really overdue. */
	alreadyDue: WindowItem[];
	/** Outstanding items dated from today to the day before the window opens: not yet overdue. */
	dueBeforeWindow: WindowItem[];
	/** Items dated from `from` to `to` inclusive. */
	inWindow: WindowItem[];
}

/** The team's inspector by name, said wherever an inspector must decide (README, "fortnight handover"). */
export interface Inspector {
	name: string;
	officerId: string;
}

export function datedItems(
	data: StoreData,
	from: IsoDate,
	to: IsoDate,
	today: IsoDate,
	checkInDue: Map<string, IsoDate>,
	inspector: Inspector | null = null,
): DatedItems {
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const lookup = absenceLookup(data.absences);
	const alreadyDue: WindowItem[] = [];
	const dueBeforeWindow: WindowItem[] = [];
	const inWindow: WindowItem[] = [];

	// Who actually covers on the date (people.ts awayOn): a named cover away that day too covers nobody.
	const awayNote = (officerId: string, date: IsoDate): string => {
		const away = awayOn(lookup, officerId, date);
		if (!away) return '';
		const said = ` OIC ${ABSENCE_WORDS[away.absence.reason]} that day`;
		if (away.coverId) return `${said}, covered by ${fullName(officers.get(away.coverId))}.`;
		const c = away.coverAway;
		if (!c) return `${said}, no cover named.`;
		return (
			`${said} and so is the named cover ${fullName(officers.get(c.officerId))} (${ABSENCE_WORDS[c.reason]} ${absenceSpan(c, today)}): nobody ` +
			`covers.${date >= today ? ` Name another cover before ${shortDate(date, today)}.` : ''}`
		);
	};
	const coverOn = (officerId: string, date: IsoDate): string | null => {
		const id = awayOn(lookup, officerId, date)?.coverId;
		return id ? fullName(officers.get(id)) : null;
	};
	// Most dated things in a big store fall outside the window: test the date before building any words.
	const push: Push = (date, kind, build) => {
		if (date > to) return;
		if (date < from && !STAYS_DUE.has(kind)) return;
		const f = build();
		// The absence words at the end of the detail, apart as well, so a renderer that puts several
		// items of one case and day together says them once.
		const note = f.officerId ? awayNote(f.officerId, date) : '';
		const away = note !== '' && f.detail.endsWith(note);
		const full: WindowItem = {
			date,
			kind,
			label: LABELS[kind],
			caseRef: f.caseRef,
			officerId: f.officerId,
			officerName: f.officerName,
			detail: f.detail,
			authority: f.authority ?? null,
			authorityName: f.authorityName ?? null,
			actBy: f.actBy ?? null,
			coverName: f.coverName ?? null,
			about: f.about ?? null,
			away: away ? note.trim() : null,
			awayCover: away ? coverOn(f.officerId!, date) : null,
			recordId: f.recordId ?? null,
		};
		(date >= from ? inWindow : date < today ? alreadyDue : dueBeforeWindow).push(full);
	};

	for (const c of data.cases) {
		if (!isLive(c)) continue;
		caseItems(c, data.settings, today, officers, inspector, push, awayNote);
	}
	for (const p of data.actionPlans) {
		if (p.endedOn !== null || p.started > today) continue;
		const o = officers.get(p.officerId);
		push(p.reviewDate, 'action-plan-review', () => ({
			recordId: p.id,
			caseRef: null,
			officerId: p.officerId,
			officerName: fullName(o),
			detail:
				`Review the performance action plan started ${shortDate(p.started, today)} with the officer (its detail stays with the ` +
				`sergeant).${awayNote(p.officerId, p.reviewDate)}`,
		}));
	}
	for (const o of data.officers) {
		if (!welfareScope(o, today)) continue;
		const due = checkInDue.get(o.id);
		if (due)
			push(due, 'welfare-check-in-due', () => ({
				caseRef: null,
				officerId: o.id,
				officerName: fullName(o),
				detail: 'Record that it happened, never what was said.',
			}));
	}
	const partsOf = new Map<string, Absence[]>();
	for (const a of data.absences) {
		const root = a.partOf ?? a.id;
		const list = partsOf.get(root);
		if (list) list.push(a);
		else partsOf.set(root, [a]);
	}
	for (const parts of partsOf.values()) {
		parts.sort((x, y) => cmp(x.from, y.from));
		absenceItems(parts, data.absences, officers, today, push);
	}

	const byDate = (x: WindowItem, y: WindowItem) =>
		cmp(x.date, y.date) ||
		KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
		cmp(x.caseRef ?? x.officerName ?? '', y.caseRef ?? y.officerName ?? '');
	alreadyDue.sort(byDate);
	dueBeforeWindow.sort(byDate);
	inWindow.sort(byDate);
	return {alreadyDue, dueBeforeWindow, inWindow};
}

type ItemFields = Pick<WindowItem, 'caseRef' | 'officerId' | 'officerName' | 'detail'> &
	Partial<Pick<WindowItem, 'authority' | 'authorityName' | 'actBy' | 'coverName' | 'about' | 'recordId'>>;
type Push = (date: IsoDate, kind: WindowKind, build: () => ItemFields) => void;

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** "an inspector (DI Rachel Okafor)" when the team's inspector is recorded; the bare words otherwise. */
export function authorityWords(authority: BailAuthority, inspector: Inspector | null): {words: string; name: string | null} {
	const name = authority === 'inspector' && inspector ? inspector.name : null;
	return {words: name ? `${AUTHORITY_NAMES[authority]} (${name})` : AUTHORITY_NAMES[authority], name};
}

function caseItems(
	c: Case,
	settings: Settings,
	today: IsoDate,
	officers: Map<string, Officer>,
	inspector: Inspector | null,
	push: Push,
	awayNote: (id: string, d: IsoDate) => string,
): void {
	const base = () => ({caseRef: c.ref, officerId: c.oicId, officerName: fullName(officers.get(c.oicId))});
	const clock = bailClock(c.bail, today);
	if (clock) {
		const {words: who, name: authorityName} = authorityWords(clock.nextAuthority, inspector);
		const court = clock.nextAuthority === 'magistrates-court';
		const ended = shortDate(clock.periodEnd, today);
		// Past dates are listed as still due: say what is true now, not what could have been done then
		// (bail cannot be extended once its period has ended).
		const afterLapse = `The bail period ended ${ended} and can no longer be extended: find out what happened and record how bail ended (charge, RUI or NFA).`;
		push(clock.returnDate, 'bail-return', () => ({
			...base(),
			detail: clock.lapsed
				? `Suspect was due to answer bail; no outcome is recorded and the bail period ended ${ended}, so it can no longer be ` +
					`extended.${awayNote(c.oicId, clock.returnDate)}`
				: clock.returnMissed
					? `Return date passed with no record of the suspect answering bail: find out today what happened. Bail period ends ${ended}; a further extension ` +
						`needs ${who} before then.${awayNote(c.oicId, clock.returnDate)}`
					: `Suspect answers bail. Bail period ends ${ended}; a further extension needs ${who} before then.${awayNote(c.oicId, clock.returnDate)}`,
			authority: clock.lapsed ? null : AUTHORITY_NAMES[clock.nextAuthority],
			authorityName: clock.lapsed ? null : authorityName,
			actBy: clock.lapsed ? null : clock.periodEnd,
		}));
		push(clock.periodEnd, 'bail-period-end', () => ({
			...base(),
			detail: clock.lapsed
				? `${afterLapse}${awayNote(c.oicId, clock.periodEnd)}`
				: `${court ? "Only a magistrates' court can extend" : `Extension needs ${who}`}; apply by ${ended} (bail cannot be extended once the period has ` +
					`ended).${awayNote(c.oicId, clock.periodEnd)}`,
			authority: clock.lapsed ? null : AUTHORITY_NAMES[clock.nextAuthority],
			authorityName: clock.lapsed ? null : authorityName,
			actBy: clock.lapsed ? null : clock.periodEnd,
		}));
	}
	push(c.nextReviewDue, 'review-due', () => ({...base(), detail: `${capital(c.risk)} risk.${awayNote(c.oicId, c.nextReviewDue)}`}));
	const rui = nextRuiUpdate(c, settings);
	if (rui) {
		push(rui, 'rui-update-due', () => ({
			...base(),
			detail:
				`Tell the suspect, released under investigation since ${shortDate(c.rui!.since, today)}, how the investigation stands, and record it ` +
				`(every ${settings.ruiUpdateDays} days).${awayNote(c.oicId, rui)}`,
			about: c.rui!.suspect,
		}));
	}
	for (const a of openActions(c)) {
		push(a.due, 'action-due', () => ({
			recordId: a.id,
			caseRef: c.ref,
			officerId: a.ownerId,
			officerName: fullName(officers.get(a.ownerId)),
			detail:
				(a.status === 'in-progress' ? `In progress${a.startedOn ? ` since ${shortDate(a.startedOn, today)}` : ''}` : 'Open') +
				(a.carriedCount > 0 ? `, carried over ${a.carriedCount} review${a.carriedCount === 1 ? '' : 's'}` : '') +
				`.${awayNote(a.ownerId, a.due)}`,
			about: a.text,
		}));
	}
	if (c.victim) {
		const level = c.victim.serviceLevel;
		push(nextVictimUpdate(c.victim, settings, today), 'victim-update-due', () => ({
			...base(),
			detail: `${capital(level)} service (Victims' Code).`,
		}));
	}
	for (const f of c.forensics) {
		if (f.resultOn !== null || f.expected === null) continue;
		push(f.expected, 'forensic-result-expected', () => ({
			...base(),
			detail: `Submitted ${shortDate(f.submitted, today)}.`,
			about: f.item,
			recordId: f.id,
		}));
	}
	const {cpsDueDate, courtDate, mg3Status} = c.cps;
	if (cpsDueDate)
		push(cpsDueDate, 'cps-due', () => ({...base(), detail: `MG3 ${mg3Status.replace(/-/g, ' ')}.${awayNote(c.oicId, cpsDueDate)}`}));
	if (courtDate) push(courtDate, 'court-date', () => ({...base(), detail: `Court hearing.${awayNote(c.oicId, courtDate)}`}));
}

/**
 * An absence's start and last day, read whole (absence-cover.ts wholeSpan; QA 7 D7): an absence kept in
 * parts gives one "Absence starts" (until its real last day, its cover changes said in the detail) and
 * one "ends", both with the first part's id, never a start and an end per part. `parts` first day first.
 */
function absenceItems(
	parts: readonly Absence[],
	all: readonly Absence[],
	officers: Map<string, Officer>,
	today: IsoDate,
	push: Push,
): void {
	const first = parts[0]!;
	const last = parts.at(-1)!;
	const name = (id: string | null) => (id ? fullName(officers.get(id)) : null);
	const base = {caseRef: null, officerId: first.officerId, officerName: fullName(officers.get(first.officerId)), recordId: first.id};
	const words = ABSENCE_WORDS[first.reason];
	const coverNote = (a: Absence): string => {
		if (!a.coverOfficerId) return 'no cover named';
		const clash = coverAwayDuring(all, a.coverOfficerId, a)[0];
		return clash
			? `cover named, but ${name(a.coverOfficerId)} is away ${absenceSpan(clash, today)} (${ABSENCE_WORDS[clash.reason]}): name another cover for those days`
			: 'cover named';
	};
	// Each later part is a cover change, said as one: "cover DC Ben Carter from 14 Dec".
	const changes = parts.slice(1).map(p => {
		const note = coverNote(p);
		const who = p.coverOfficerId
			? `cover ${name(p.coverOfficerId)} from ${shortDate(p.from, today)}`
			: `no cover from ${shortDate(p.from, today)}`;
		return note === 'cover named' || note === 'no cover named' ? who : `${who} (${note})`;
	});
	const firstCover =
		parts.length === 1
			? coverNote(first)
			: first.coverOfficerId
				? `cover ${name(first.coverOfficerId)}${coverNote(first) === 'cover named' ? '' : ` (${coverNote(first)})`}`
				: 'no cover named';
	push(first.from, 'absence-start', () => ({
		...base,
		coverName: name(first.coverOfficerId),
		detail: `${capital(words)} ${last.to ? `until ${shortDate(last.to, today)}` : 'with no return date'}; ${[firstCover, ...changes].join('; ')}.`,
	}));
	if (last.to) push(last.to, 'absence-end', () => ({...base, coverName: name(last.coverOfficerId), detail: `Last day ${words}.`}));
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
