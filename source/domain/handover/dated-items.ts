/**
 * Every dated thing a cover supervisor must know about, one item each: bail returns and period ends,
 * reviews due, victim updates due, forensic results expected, CPS and court dates, welfare check-ins
 * due, absences starting and ending. One pass over cases, officers and absences (linear in the store).
 */
import {AUTHORITY_NAMES, bailClock} from '../bail.js';
import {addDays, shortDate, type IsoDate} from '../dates.js';
import type {Absence, Case, Officer, Settings, StoreData, WelfareEvent} from '../model.js';
import {inPost, type RuleContext} from '../rules/context.js';
import {nextVictimUpdate} from '../rules/victim-updates.js';
import {lastWelfare} from '../rules/welfare.js';
import {ABSENCE_WORDS, absenceLookup, awayOn, coverAwayDuring, fullName} from '../people.js';
import {absenceSpan} from '../absence-words.js';
import {isLive} from '../case-facts.js';
import type {WindowItem, WindowKind} from './schema.js';

/** Order of kinds on the same day: the ones that cannot be put right afterwards first. */
const KIND_ORDER: Record<WindowKind, number> = {
	'bail-period-end': 0,
	'bail-return': 1,
	'court-date': 2,
	'cps-due': 3,
	'review-due': 4,
	'victim-update-due': 5,
	'forensic-result-expected': 6,
	'welfare-check-in-due': 7,
	'absence-start': 8,
	'absence-end': 9,
};

export const LABELS: Record<WindowKind, string> = {
	'bail-return': 'Bail return',
	'bail-period-end': 'Bail period ends',
	'review-due': 'Review due',
	'victim-update-due': 'Victim update due',
	'forensic-result-expected': 'Forensic result expected',
	'cps-due': 'CPS decision due',
	'court-date': 'Court date',
	'welfare-check-in-due': 'Welfare check-in due',
	'absence-start': 'Absence starts',
	'absence-end': 'Absence ends (last day)',
};

/** Kinds that stay outstanding once their date passes (a court date or an absence start does not). */
const STAYS_DUE: ReadonlySet<WindowKind> = new Set<WindowKind>([
	'bail-return',
	'bail-period-end',
	'review-due',
	'victim-update-due',
	'forensic-result-expected',
	'cps-due',
	'welfare-check-in-due',
]);

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
	/** Outstanding items dated before the window opens. */
	alreadyDue: WindowItem[];
	/** Items dated from `from` to `to` inclusive. */
	inWindow: WindowItem[];
}

export function datedItems(data: StoreData, from: IsoDate, to: IsoDate, today: IsoDate, checkInDue: Map<string, IsoDate>): DatedItems {
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const lookup = absenceLookup(data.absences);
	const alreadyDue: WindowItem[] = [];
	const inWindow: WindowItem[] = [];

	// Who actually covers on the date (people.ts awayOn): a named cover away that day too covers nobody.
	const awayNote = (officerId: string, date: IsoDate): string => {
		const away = awayOn(lookup, officerId, date);
		if (!away) return '';
		const said = ` OIC ${ABSENCE_WORDS[away.absence.reason]} that day`;
		if (away.coverId) return `${said}, covered by ${fullName(officers.get(away.coverId))}.`;
		const c = away.coverAway;
		if (!c) return `${said}, no cover named.`;
		return `${said} and so is the named cover ${fullName(officers.get(c.officerId))} (${ABSENCE_WORDS[c.reason]} ${absenceSpan(c, today)}): nobody covers.${date >= today ? ` Name another cover before ${shortDate(date, today)}.` : ''}`;
	};
	// Most dated things in a big store fall outside the window: test the date before building any words.
	const push: Push = (date, kind, build) => {
		if (date > to) return;
		if (date < from && !STAYS_DUE.has(kind)) return;
		const f = build();
		const full: WindowItem = {
			date,
			kind,
			label: LABELS[kind],
			caseRef: f.caseRef,
			officerId: f.officerId,
			officerName: f.officerName,
			detail: f.detail,
			authority: f.authority ?? null,
			actBy: f.actBy ?? null,
			coverName: f.coverName ?? null,
			about: f.about ?? null,
		};
		(date < from ? alreadyDue : inWindow).push(full);
	};

	for (const c of data.cases) {
		if (!isLive(c)) continue;
		caseItems(c, data.settings, today, officers, push, awayNote);
	}
	for (const o of data.officers) {
		if (!welfareScope(o, today)) continue;
		const due = checkInDue.get(o.id);
		if (due) push(due, 'welfare-check-in-due', () => ({caseRef: null, officerId: o.id, officerName: fullName(o), detail: 'Welfare check-in with the officer (record that it happened; notes stay private).'}));
	}
	for (const a of data.absences) absenceItems(a, data.absences, officers, today, push);

	const byDate = (x: WindowItem, y: WindowItem) =>
		cmp(x.date, y.date) || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || cmp(x.caseRef ?? x.officerName ?? '', y.caseRef ?? y.officerName ?? '');
	alreadyDue.sort(byDate);
	inWindow.sort(byDate);
	return {alreadyDue, inWindow};
}

type ItemFields = Pick<WindowItem, 'caseRef' | 'officerId' | 'officerName' | 'detail'> & Partial<Pick<WindowItem, 'authority' | 'actBy' | 'coverName' | 'about'>>;
type Push = (date: IsoDate, kind: WindowKind, build: () => ItemFields) => void;

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function caseItems(c: Case, settings: Settings, today: IsoDate, officers: Map<string, Officer>, push: Push, awayNote: (id: string, d: IsoDate) => string): void {
	const base = () => ({caseRef: c.ref, officerId: c.oicId, officerName: fullName(officers.get(c.oicId))});
	const clock = bailClock(c.bail, today);
	if (clock) {
		const who = AUTHORITY_NAMES[clock.nextAuthority];
		const court = clock.nextAuthority === 'magistrates-court';
		const ended = shortDate(clock.periodEnd, today);
		// Past dates are listed as still due: say what is true now, not what could have been done then
		// (bail cannot be extended once its period has ended).
		const afterLapse = `The bail period ended ${ended} and can no longer be extended: find out what happened and record how bail ended (charge, RUI or NFA).`;
		push(clock.returnDate, 'bail-return', () => ({
			...base(),
			detail: clock.lapsed
				? `Suspect was due to answer bail; no outcome is recorded and the bail period ended ${ended}, so it can no longer be extended.${awayNote(c.oicId, clock.returnDate)}`
				: clock.returnMissed
					? `Return date passed with no record of the suspect answering bail: find out today what happened. Bail period ends ${ended}; a further extension needs ${who} before then.${awayNote(c.oicId, clock.returnDate)}`
					: `Suspect answers bail. Bail period ends ${ended}; a further extension needs ${who} before then.${awayNote(c.oicId, clock.returnDate)}`,
			authority: clock.lapsed ? null : who,
			actBy: clock.lapsed ? null : clock.periodEnd,
		}));
		push(clock.periodEnd, 'bail-period-end', () => ({
			...base(),
			detail: clock.lapsed
				? `${afterLapse}${awayNote(c.oicId, clock.periodEnd)}`
				: `${court ? "Only a magistrates' court can extend" : `Extension needs ${who}`}; apply by ${ended} (bail cannot be extended once the period has ended).${awayNote(c.oicId, clock.periodEnd)}`,
			authority: clock.lapsed ? null : who,
			actBy: clock.lapsed ? null : clock.periodEnd,
		}));
	}
	push(c.nextReviewDue, 'review-due', () => ({...base(), detail: `${capital(c.risk)} risk case.${awayNote(c.oicId, c.nextReviewDue)}`}));
	if (c.victim) {
		const level = c.victim.serviceLevel;
		push(nextVictimUpdate(c.victim, settings, today), 'victim-update-due', () => ({...base(), detail: `${capital(level)} service under the Victims' Code.`}));
	}
	for (const f of c.forensics) {
		if (f.resultOn !== null || f.expected === null) continue;
		push(f.expected, 'forensic-result-expected', () => ({...base(), detail: `Submitted ${shortDate(f.submitted, today)}.`, about: f.item}));
	}
	const {cpsDueDate, courtDate, mg3Status} = c.cps;
	if (cpsDueDate) push(cpsDueDate, 'cps-due', () => ({...base(), detail: `MG3 ${mg3Status.replace(/-/g, ' ')}.${awayNote(c.oicId, cpsDueDate)}`}));
	if (courtDate) push(courtDate, 'court-date', () => ({...base(), detail: `Court hearing.${awayNote(c.oicId, courtDate)}`}));
}

function absenceItems(a: Absence, all: readonly Absence[], officers: Map<string, Officer>, today: IsoDate, push: Push): void {
	const coverName = a.coverOfficerId ? fullName(officers.get(a.coverOfficerId)) : null;
	const base = {caseRef: null, officerId: a.officerId, officerName: fullName(officers.get(a.officerId)), coverName};
	const words = ABSENCE_WORDS[a.reason];
	const coverNote = (): string => {
		if (!a.coverOfficerId) return 'no cover named';
		const clash = coverAwayDuring(all, a.coverOfficerId, a)[0];
		return clash ? `cover named, but ${coverName} is away ${absenceSpan(clash, today)} (${ABSENCE_WORDS[clash.reason]}): name another cover for those days` : 'cover named';
	};
	push(a.from, 'absence-start', () => ({...base, detail: `${capital(words)} ${a.to ? `until ${shortDate(a.to, today)}` : 'with no return date'}; ${coverNote()}.`}));
	if (a.to) push(a.to, 'absence-end', () => ({...base, detail: `Last day ${words}.`}));
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
