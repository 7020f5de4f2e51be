/**
 * Owners who can act (README, "Acting on a problem"): an action given to an officer who is away when
 * it falls due, with nobody covering, is done by nobody (the source case: the bail date passed while
 * the officer was off sick). So a new action's default owner is someone at work, choosing someone who
 * is away before the action is due warns, and recording an absence over open actions says so (the
 * rule rules/action-owners.ts then keeps it on the Problems list until it is dealt with).
 */
import {absenceSpan} from './absence-words.js';
import {absenceParts, wholeSpan} from './absence-cover.js';
import {openActions, isLive} from './case-facts.js';
import {shortDate, type IsoDate} from './dates.js';
import type {Absence, Action, Case, Officer, StoreData} from './model.js';
import {ABSENCE_WORDS, absenceOn, awayOn, shortName} from './people.js';
import {reviewerFor} from './review/reviewer.js';
import {safeText} from './safe-text.js';

type People = {officers: readonly Officer[]; absences: readonly Absence[]};

/** The officer's absences that overlap the days `from` to `to`, soonest first. */
export function awayDuring(absences: readonly Absence[], officerId: string, from: IsoDate, to: IsoDate): Absence[] {
	return absences
		.filter(a => a.officerId === officerId && a.from <= to && (a.to === null || a.to >= from))
		.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * One sentence when `ownerId` is away on any day from today to `due` (the action's time), naming the
 * absence and whether a cover at work is named; null when they are at work throughout.
 */
export function ownerAwayWarning(data: People, ownerId: string, due: IsoDate, today: IsoDate): string | null {
	const absence = awayDuring(data.absences, ownerId, today, due < today ? today : due)[0];
	if (!absence) return null;
	const who = safeText(shortName(data.officers.find(o => o.id === ownerId)));
	const lookup = (id: string, d: IsoDate) => absenceOn(data.absences, id, d);
	const onDue = awayOn(lookup, ownerId, due < today ? today : due);
	const coverName = onDue?.coverId ? safeText(shortName(data.officers.find(o => o.id === onDue.coverId))) : null;
	const cover = coverName ? `; ${coverName} covers` : onDue ? ', with nobody covering that day' : '';
	// Said whole: an absence kept in parts (absence-cover.ts) runs from its first part to its last.
	return (
		`${who} is ${ABSENCE_WORDS[absence.reason]} ${absenceSpan(wholeSpan(data.absences, absence), today)}, ` +
		`before this action is due (${shortDate(due, today)})${cover}: ` +
		`choose an owner who is at work, or check ${who} can do it.`
	);
}

function inPost(o: Officer | undefined, today: IsoDate): o is Officer {
	return o !== undefined && o.joinedUnit <= today && (o.leftUnit === null || o.leftUnit > today);
}

/**
 * The default owner of a new action on a case due `due`: the officer in the case when at work from
 * today to the due date; otherwise the cover named for the OIC's absence, then the team's supervisor
 * that day (the sergeant, or their cover: reviewerFor), whoever is first in post and at work throughout.
 * When none is at work throughout, the first at work today (the warning then names the absence); when
 * none is even at work today, the OIC.
 */
export function defaultActionOwner(data: StoreData, oicId: string, due: IsoDate, today: IsoDate): string {
	const end = due < today ? today : due;
	const oicAbsence = awayDuring(data.absences, oicId, today, end)[0];
	// The supervisor's cover for an absence starting before the due date counts too (README "Owners who can
	// act": the team's sergeant or their cover): the reviewer on the due date, not only today's.
	const candidates = [oicId, oicAbsence?.coverOfficerId ?? null, reviewerFor(data, today), reviewerFor(data, end)].filter(
		(id): id is string =>
			id !== null &&
			inPost(
				data.officers.find(o => o.id === id),
				today,
			),
	);
	return (
		candidates.find(id => awayDuring(data.absences, id, today, end).length === 0) ??
		candidates.find(id => awayDuring(data.absences, id, today, today).length === 0) ??
		oicId
	);
}

/**
 * The first day `officerId` is away from `today` to `due` (the action's time), or null when they are at work
 * throughout: the owner list marks the default owner "(at work)" only when it is null.
 */
export function firstDayAway(data: People, officerId: string, due: IsoDate, today: IsoDate): IsoDate | null {
	const absence = awayDuring(data.absences, officerId, today, due < today ? today : due)[0];
	if (!absence) return null;
	return absence.from < today ? today : absence.from;
}

/** An open action on a live case, with its case. */
export interface OwnedAction {
	case: Case;
	action: Action;
}

/** The date an open action needs its owner: its due date, or today once it is overdue. */
export function neededOn(a: Action, today: IsoDate): IsoDate {
	return a.due < today ? today : a.due;
}

/** Open actions on live cases owned by `officerId`. */
export function openActionsOwnedBy(cases: readonly Case[], officerId: string): OwnedAction[] {
	const out: OwnedAction[] = [];
	for (const c of cases) {
		if (!isLive(c)) continue;
		for (const a of openActions(c)) if (a.ownerId === officerId) out.push({case: c, action: a});
	}
	return out;
}

/**
 * For `absence add` and `absence change`: one sentence when the officer owns open actions needed while
 * this absence has nobody covering them (no cover named, or the cover away too), else null. An absence
 * recorded already (one with an `id`) is read whole: kept in parts (absence-cover.ts, a cover changed for
 * some days), each day has its own part's cover, so a change that leaves later days with nobody warns
 * whichever part's id it was made on.
 */
export function actionsStrandedBy(
	data: StoreData,
	absence: Pick<Absence, 'officerId' | 'from' | 'to' | 'coverOfficerId'> & {id?: string},
	today: IsoDate,
): string | null {
	const recorded = absence.id === undefined ? [] : absenceParts(data.absences, absence.id);
	const parts: Pick<Absence, 'from' | 'to' | 'coverOfficerId'>[] = recorded.length > 0 ? recorded : [absence];
	const partOn = (d: IsoDate) => parts.find(p => d >= p.from && (p.to === null || d <= p.to));
	const stranded = openActionsOwnedBy(data.cases, absence.officerId).filter(({action}) => {
		const d = neededOn(action, today);
		const part = partOn(d);
		if (!part) return false;
		return part.coverOfficerId === null || absenceOn(data.absences, part.coverOfficerId, d) !== undefined;
	});
	if (stranded.length === 0) return null;
	const who = safeText(shortName(data.officers.find(o => o.id === absence.officerId)));
	const refs = [...new Set(stranded.map(s => s.case.ref))];
	const n = stranded.length;
	return (
		`${who} owns ${n} open action${n === 1 ? '' : 's'} due during this absence with nobody covering ` +
		`(${safeText(refs.slice(0, 4).join(', '))}${refs.length > 4 ? `, ${refs.length - 4} more cases` : ''}): ` +
		"name a cover, or give them to someone at work at each case's review."
	);
}
