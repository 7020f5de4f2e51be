/**
 * Reallocating a case (README "Case history"): a pure change for Store.apply, so the command line and
 * the desk share one set of checks. The allocation that ends keeps its officer and dates; the new one
 * records who moved the case, when and why. Open actions the outgoing officer owned go with the case
 * (each action's history says so): an action left with an officer who no longer holds the case would
 * have nobody working it.
 *
 * Refusals are ReallocationError sentences a sergeant can act on. A move is dated no earlier than the
 * current allocation's first day nor than the case's latest record of its holder at work (a signed
 * review naming them, its actions' history, a bail record, their update: reallocate-dates.ts). Moving a case to someone away that
 * day with nobody covering them is refused unless confirmed (`confirmable`): sometimes it is still
 * right (the officer is back tomorrow), but the person must say so. So is moving it to someone away on
 * a date the case needs its OIC (awayOverCaseDates): its bail date, covered or not (a cover does not
 * clear "Bail due, OIC away": docs/rules.md "Pre-charge bail"), or the due date of an open action that
 * goes with it, with nobody covering (the action-owner rule). Without this the one way offered for a
 * critical bail problem could recreate it on the new OIC without a word (QA 6 D2).
 */
import {allocationsOf, currentAllocation, withAllocation} from './case-history.js';
import {isLive, isOpen} from './case-facts.js';
import {neededOn} from './action-owners.js';
import {bailClock} from './bail.js';
import {backdatedMoveRefusal} from './reallocate-dates.js';
import {shortDate, type IsoDate} from './dates.js';
import type {Action, Case, StoreData} from './model.js';
import {absenceSpan} from './absence-words.js';
import {awayOnMove, type AwayOnMove} from './away-on-move.js';
import {ABSENCE_WORDS, absenceLookup, awayOn, fullName, shortName, type AwayOnDate} from './people.js';
import {hasSupervisor} from './independence.js';
import {mayReallocate} from './permissions.js';
import {plural} from './plural.js';
import {workloadFor, workloadWith, type Workload} from './rules/workload.js';
import {safeMultiline, safeText, typedInQuotes} from './safe-text.js';
import {workedDayApart} from './worked-day.js';

export class ReallocationError extends Error {
	override readonly name = 'ReallocationError';
	constructor(
		message: string,
		/**
		 * True when the only objection is that the officer is away when the case needs them (that day with no
		 * cover, or on its bail date or an action's due date): a person may confirm it.
		 */
		readonly confirmable = false,
		/** The part of the request it is about, when one: the desk's form says it at that field (the date, 'on'). */
		readonly about: 'on' | null = null,
	) {
		super(message);
	}
}

/**
 * The case's holder as the person saw it when they chose to move it: its current allocation's officer
 * and first day, and how many allocations it had. Two desks can move one case at once: the
 * second must not move it on from whoever the first gave it to, leaving a zero-day allocation behind, but
 * be told that another user changed it, as two edits of one field are (store/conflict.ts). The check runs
 * inside the change, under the store's lock, so the JSON file and PostgreSQL stores both make it (README "Case history").
 */
export interface HeldAs {
	officerId: string;
	since: IsoDate;
	allocations: number;
}

/** How `ref` is held in `data` (what a request carries as `held`), or null when there is no such case. */
export function heldAs(data: StoreData, ref: string): HeldAs | null {
	const c = data.cases.find(x => x.ref === ref);
	if (!c) return null;
	const current = currentAllocation(c);
	return {officerId: current.officerId, since: current.from, allocations: allocationsOf(c).length};
}

export interface ReallocationRequest {
	ref: string;
	/** The holder the person saw (heldAs on the data they were shown); the move is refused if it has moved since. */
	held: HeldAs | null;
	toOfficerId: string;
	/** First day the new officer holds the case. */
	on: IsoDate;
	today: IsoDate;
	/** Officer id of whoever moves it. */
	by: string;
	reason: string;
	/** ISO instant it was recorded. */
	recordedAt: string;
	/** The person has confirmed moving it to an officer who is away when the case needs them (the confirmable refusal). */
	confirmAway?: boolean;
}

export interface ReallocationResult {
	data: StoreData;
	/** The officer who held it before. */
	fromOfficerId: string;
	/** Ids of the open actions that moved to the new officer with the case. */
	movedActions: string[];
}

/** Longest reason kept (the allocation schema's limit). */
export const REASON_MAX = 2000;

/** A move as recorded: who takes the case, from when, who moved it (null: not recorded) and why. */
export interface Move {
	to: string;
	on: IsoDate;
	by: string | null;
	reason: string;
	recordedAt: string | null;
	/** The day the command or desk worked as, when not recordedAt's own (worked-day.ts). */
	recordedOn?: IsoDate;
}

/**
 * The case as held by `to` from `on`, recorded: the allocation history, oicId and allocatedOn, and the
 * open actions the outgoing officer owned. No checks: reallocateCase checks a person's request; an
 * import records what the records system says (plan.ts).
 */
export function recordReallocation(c: Case, move: Move): {case: Case; movedActions: string[]} {
	const fromOfficer = c.oicId;
	const moved: string[] = [];
	const reason = `moved with the case (reallocated: ${move.reason})`.slice(0, 2000);
	const actions: Action[] = c.actions.map(a => {
		if (a.ownerId !== fromOfficer || (a.status !== 'open' && a.status !== 'in-progress')) return a;
		moved.push(a.id);
		const event = {date: move.on, event: 'edited' as const, reviewSeq: null, reason, by: move.by ?? fromOfficer};
		return {...a, ownerId: move.to, history: [...a.history, event]};
	});
	const next = withAllocation(c, {
		officerId: move.to,
		from: move.on,
		by: move.by,
		reason: move.reason,
		recordedAt: move.recordedAt,
		...(move.recordedOn === undefined ? {} : {recordedOn: move.recordedOn}),
	});
	return {case: moved.length > 0 ? {...next, actions} : next, movedActions: moved};
}

/** Typed text made safe once, before it becomes a permanent record. */
const cleanReason = (s: string): string => safeMultiline(s).trim();

/** Why the request cannot be carried out as it stands, or null. */
export function reallocationRefusal(data: StoreData, r: ReallocationRequest): ReallocationError | null {
	const no = (message: string) => new ReallocationError(message);
	const day = (d: IsoDate) => shortDate(d, r.today);
	const c = data.cases.find(x => x.ref === r.ref);
	const ref = safeText(r.ref);
	if (!c) return no(`There is no case ${typedInQuotes(ref)} in this store. Check the crime reference ("fortnight problems" lists them).`);
	if (!isLive(c)) {
		return no(`${ref} is closed${c.closedOn ? ` (${day(c.closedOn)})` : ''}, so it is not reallocated; its history stays as it was.`);
	}
	const moved = movedSince(data, r);
	if (moved) return no(moved);
	const to = data.officers.find(o => o.id === r.toOfficerId);
	if (!to) return no(`No officer with id "${safeText(r.toOfficerId)}" in this team.`);
	const name = safeText(shortName(to));
	if (!data.officers.some(o => o.id === r.by)) return no(`No officer with id "${safeText(r.by)}" to record this as.`);
	// Who may move it (README "Case history"; permissions.ts mayReallocate): those who supervise its holder today.
	const may = mayReallocate(data, r.by, c.ref, to.id, r.today);
	if (!may.ok) return no(may.reason);
	if (c.oicId === to.id) return no(`${ref} is already held by ${name} (since ${day(c.allocatedOn)}); choose another officer.`);
	const reason = cleanReason(r.reason);
	if (reason === '') return no('Say why the case is moving (the reason is kept in its history).');
	if (reason.length > REASON_MAX) return no(`The reason is ${reason.length} characters; the limit is ${REASON_MAX}.`);
	const current = currentAllocation(c);
	const date = (message: string) => new ReallocationError(message, false, 'on');
	if (r.on < current.from) {
		const holder = safeText(shortName(data.officers.find(o => o.id === c.oicId)));
		return date(`${ref} has been held by ${holder} since ${day(current.from)}: the move cannot be dated before that.`);
	}
	if (r.on > r.today) return date(`The move is dated ${day(r.on)}, after today (${day(r.today)}): record it on the day it happens.`);
	// Nor before a record that shows its holder still working it: history never contradicts a signed entry (reallocate-dates.ts).
	const backdated = backdatedMoveRefusal(data, c, r.on, r.today);
	if (backdated) return date(backdated);
	if (to.joinedUnit > r.on) return no(`${name} joins the unit on ${day(to.joinedUnit)}, after ${day(r.on)}.`);
	if (to.leftUnit !== null && to.leftUnit <= r.today) return no(`${name} left the unit on ${day(to.leftUnit)}.`);
	if (!r.confirmAway) {
		// Away that day with nobody covering says it all; else away on a date the case needs its OIC.
		const away = awayWithNobody(data, to.id, r.on, r.today) ?? awayOverCaseDates(data, c, to.id, r.today)?.words;
		if (away) return new ReallocationError(away, true);
	}
	return null;
}

/** The sentence for a case reallocated by another user since the person saw it (HeldAs), or null. */
function movedSince(data: StoreData, r: ReallocationRequest): string | null {
	const now = heldAs(data, r.ref);
	const seen = r.held;
	if (!now || (seen && seen.officerId === now.officerId && seen.since === now.since && seen.allocations === now.allocations)) return null;
	const day = (d: IsoDate) => shortDate(d, r.today);
	const name = (id: string) => safeText(shortName(data.officers.find(o => o.id === id)));
	const was = seen ? `, not ${name(seen.officerId)} (since ${day(seen.since)})` : '';
	// Who moved it, as its newest allocation records: a person by name, the mover's own other session as such (QA 6 R19).
	const c = data.cases.find(x => x.ref === r.ref);
	const by = c ? currentAllocation(c).by : null;
	const known = by !== null && data.officers.some(o => o.id === by);
	const who = !known ? 'Another user' : by === r.by ? 'You, in another session,' : name(by);
	return (
		`${who} changed ${safeText(r.ref)} after you chose to move it: ${name(now.officerId)} holds it now (since ` +
		`${day(now.since)})${was}, so it was not moved. Reload to see their change, then move it again if it still should.`
	);
}

/**
 * "DC Grant is on annual leave 03-12 Dec with nobody covering on 30 Nov: ...": the officer is away with
 * no working cover on the day of the move or today, or null.
 */
export function awayWithNobody(data: StoreData, officerId: string, on: IsoDate, today: IsoDate): string | null {
	const lookup = absenceLookup(data.absences);
	for (const day of on === today ? [on] : [on, today]) {
		const away = awayOn(lookup, officerId, day);
		if (!away || away.coverId !== null) continue;
		const name = safeText(shortName(data.officers.find(o => o.id === officerId)));
		const words = ABSENCE_WORDS[away.absence.reason];
		const cover = away.coverAway ? 'their named cover is away too' : 'no cover is named';
		const when = `${absenceSpan(away.absence, today)} and ${cover} on ${shortDate(day, today)}`;
		return `${name} is ${words} ${when}: the case would sit with nobody to act on it.`;
	}
	return null;
}

/** Who does the officer's work that day, in words: "DC Shah covering", "nobody covering", "cover DC Shah is away too". */
function coverWords(data: StoreData, away: AwayOnDate): string {
	const name = (id: string) => safeText(shortName(data.officers.find(o => o.id === id)));
	if (away.coverId !== null) return `${name(away.coverId)} covering`;
	return away.coverAway ? `their cover ${name(away.coverAway.officerId)} is away too` : 'nobody covering';
}

/** Why `officerId` would be away when case `c` needs its OIC (AwayOverDates.words), and the form's short mark. */
export interface AwayOverDates {
	words: string;
	/** "AWAY on bail date", "AWAY when action due": the reallocation form's mark (no wider than its "AWAY, nobody covering"). */
	mark: string;
}

/**
 * Whether `officerId`, as the case's OIC, would be away on a date the case needs them (module comment):
 * its bail date (the bail clock's deadline: the return date, or the period's end if sooner), away covered
 * or not, as the bail rule judges it; or the due date of an open action the outgoing officer owns (it
 * moves with the case: recordReallocation), away with nobody covering, as the action-owner rule judges it.
 * Null when neither.
 */
export function awayOverCaseDates(data: StoreData, c: Case, officerId: string, today: IsoDate): AwayOverDates | null {
	const lookup = absenceLookup(data.absences);
	const name = safeText(shortName(data.officers.find(o => o.id === officerId)));
	const day = (d: IsoDate) => shortDate(d, today);
	const clock = bailClock(c.bail, today);
	// A lapsed or missed date is a problem of its own (bail-lapsed), whoever holds the case.
	if (clock && !clock.lapsed && !clock.returnMissed) {
		const away = awayOn(lookup, officerId, clock.deadline);
		if (away) {
			const what = clock.deadline === clock.returnDate ? 'bail return date' : 'bail period end';
			return {
				words:
					`${name} is ${ABSENCE_WORDS[away.absence.reason]} ${absenceSpan(away.absence, today)} (${coverWords(data, away)} ` +
					`on ${day(clock.deadline)}), over ${safeText(c.ref)}'s ${what}, ${day(clock.deadline)}: with ${name} as OIC it stays ` +
					'a critical "Bail due, OIC away" (a cover does not clear it).',
				mark: 'AWAY on bail date',
			};
		}
	}
	const due = c.actions
		.filter(a => a.ownerId === c.oicId && isOpen(a))
		.map(a => ({a, on: neededOn(a, today)}))
		.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
	for (const {a, on} of due) {
		const away = awayOn(lookup, officerId, on);
		if (!away || away.coverId !== null) continue;
		return {
			words:
				`${name} is ${ABSENCE_WORDS[away.absence.reason]} ${absenceSpan(away.absence, today)} (${coverWords(data, away)} on ` +
				`${day(on)}) when action ${safeText(a.id)} (due ${day(a.due)}), which moves with the case, needs doing: nobody would be there to do it.`,
			mark: 'AWAY when action due',
		};
	}
	return null;
}

/** Moves the case, or throws ReallocationError. */
export function reallocateCase(data: StoreData, r: ReallocationRequest): ReallocationResult {
	const refusal = reallocationRefusal(data, r);
	if (refusal) throw refusal;
	const index = data.cases.findIndex(x => x.ref === r.ref);
	const before = data.cases[index]!;
	const move: Move = {to: r.toOfficerId, on: r.on, by: r.by, reason: cleanReason(r.reason), recordedAt: r.recordedAt};
	// Dated on the day the command or desk works as, the clock's instant kept beside it (worked-day.ts).
	const on = workedDayApart(r.today, r.recordedAt);
	if (on !== undefined) move.recordedOn = on;
	const {case: after, movedActions} = recordReallocation(before, move);
	const cases = data.cases.slice();
	cases[index] = after;
	return {data: {...data, cases}, fromOfficerId: before.oicId, movedActions};
}

/** One officer a case could go to, as the desk's reallocation form lists them. */
export interface ReallocationChoice {
	officerId: string;
	/** "DC Helen Marsh". */
	name: string;
	now: Workload;
	/** Their workload if the case moved to them. */
	after: Workload;
	/** Why the case would sit with nobody (awayWithNobody), or null when they are at work or covered. */
	away: string | null;
	/** Away on a date the case needs its OIC (awayOverCaseDates: its bail date, covered or not), or null. */
	awayOverDates: AwayOverDates | null;
	/** Away on the move's first day, covered or not (away-on-move.ts: listed after those at work, asked about), or null. */
	absent: AwayOnMove | null;
}

/**
 * Everyone in post the case could move to on `on` (not its holder, not someone who has left or has not
 * joined yet), in the team's order, each with their workload now and after the move (README "Case
 * history": "It prints the new officer's workload"), whether they are away with nobody covering, and
 * whether they would be away on a date the case needs them (its bail date, an action's due date).
 */
export function reallocationChoices(data: StoreData, ref: string, on: IsoDate, today: IsoDate): ReallocationChoice[] {
	const c = data.cases.find(x => x.ref === ref);
	if (!c) return [];
	return (
		data.officers
			// Not an officer nobody supervises (the inspector with no one above): mayReallocate refuses that move.
			.filter(o => o.id !== c.oicId && o.joinedUnit <= on && (o.leftUnit === null || o.leftUnit > today) && hasSupervisor(data, o.id))
			.map(o => ({
				officerId: o.id,
				name: safeText(fullName(o)),
				now: workloadFor(data, o.id),
				after: workloadWith(data, o.id, c),
				away: awayWithNobody(data, o.id, on, today),
				awayOverDates: awayOverCaseDates(data, c, o.id, today),
				absent: awayOnMove(data, o.id, on, today),
			}))
	);
}

/** "DC Helen Marsh's workload now: 9 live cases, 17 points on 40h a week (1.00 FTE): 85% of capacity (flag above 110%)." */
export function workloadWords(data: StoreData, officerId: string): string {
	const w = workloadFor(data, officerId);
	const officer = data.officers.find(o => o.id === officerId);
	const flag = data.settings.workloadExcessivePercent;
	return (
		`${safeText(fullName(officer))}'s workload now: ${plural(w.liveCases, 'live case')}, ${plural(w.points, 'point')} ` +
		`on ${officer?.hoursPerWeek ?? '?'}h a week ` +
		`(${w.fte.toFixed(2)} FTE): ${w.percent}% of capacity${w.excessive ? `, OVER the ${flag}% flag` : ` (flag above ${flag}%)`}.`
	);
}
