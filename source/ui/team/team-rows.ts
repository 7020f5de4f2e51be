/**
 * One row per officer for the Team view, from domain (workloadFor, triggerFor, the model's problems)
 * and the store's welfare EVENTS (dates only). The welfare notes file is never read by the desk.
 * Memoised per model.
 */
import {wholeSpan} from '../../domain/absence-cover.js';
import {shortDate, yearsAndMonthsBetween, type IsoDate} from '../../domain/dates.js';
import type {Absence, AbsenceReason, Officer, StoreData} from '../../domain/model.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {triggerFor, type TriggerState} from '../../domain/rules/performance.js';
import {workloadFor} from '../../domain/rules/workload.js';
import {mayReadOfficer} from '../../domain/read-scope.js';
import type {DeskModel} from '../model/desk-model.js';
import {absenceSpan, absenceWords, coverAwayFor, currentOrNextAbsence} from '../../domain/absence-words.js';

export interface TeamRow {
	officer: Officer;
	name: string;
	rank: string;
	hours: string;
	live: number;
	workload: string;
	/** Red and critical problems, or '?' while the rules are still running. */
	red: number | string;
	checkIn: string;
	tenure: string;
	plan: string;
	/**
	 * Whose a fired performance trigger waits on: the sergeant's (in a review of one of the officer's
	 * cases, step 5) or, escalated, the inspector's (`d` here); null when none waits (README "The review desk").
	 */
	decides: 'sergeant' | 'inspector' | null;
	/** The current or next absence in words ("sick from 28 Nov, no cover"), or ''. */
	absence: string;
	/**
	 * The same absence said shorter and shorter, for narrow columns: [full, with dates and cover,
	 * "leave 03-12 Dec", "sick, no cover" or "10 Dec no cover" or "10 Dec-04 Feb", "leave"]; [] when none.
	 */
	absenceForms: readonly string[];
}

const cache = new WeakMap<DeskModel, TeamRow[]>();

export function teamRows(model: DeskModel): TeamRow[] {
	const hit = cache.get(model);
	if (hit) return hit;
	const {data, today} = model;
	const lastCheckIn = new Map<string, IsoDate>();
	for (const e of data.welfareEvents) {
		if (e.kind !== 'check-in' && e.kind !== 'one-to-one') continue;
		const prev = lastCheckIn.get(e.officerId);
		if (!prev || e.date > prev) lastCheckIn.set(e.officerId, e.date);
	}
	// An officer at the desk sees their own row only (README "Who may read what"): peers' records are not theirs.
	const rows = data.officers
		.filter(o => o.leftUnit === null && mayReadOfficer(model.scope, o.id))
		.map(o => {
			const w = workloadFor(data, o.id);
			const red = (model.problemsByOfficer.get(o.id) ?? []).filter(p => p.severity === 'red' || p.severity === 'critical').length;
			const checkIn = lastCheckIn.get(o.id);
			return {
				officer: o,
				name: safeText(o.name),
				rank: o.rank,
				hours: `${o.hoursPerWeek}h ${w.fte.toFixed(2)}`,
				live: w.liveCases,
				workload: `${Math.round(w.percent)}%${w.excessive ? ' HIGH' : ''}`,
				red: model.problemsReady ? red : '?',
				checkIn: checkIn ? shortDate(checkIn, today) : 'never',
				tenure: tenure(o.joinedUnit, today),
				...planWords(triggerFor(data, o.id, today), today),
				...absenceTexts(data.absences, data.officers, o.id, today),
			};
		});
	cache.set(model, rows);
	return rows;
}

/** A reason in one short word, for the narrowest absence column. */
const REASON_SHORT: Record<AbsenceReason, string> = {
	sick: 'sick',
	'annual-leave': 'leave',
	training: 'training',
	'restricted-duties': 'restricted',
	other: 'away',
};

function absenceTexts(
	absences: StoreData['absences'],
	officers: StoreData['officers'],
	officerId: string,
	today: IsoDate,
): {absence: string; absenceForms: string[]} {
	const a = currentOrNextAbsence(absences, officerId, today);
	if (!a) return {absence: '', absenceForms: []};
	const full = absenceWords(a, officers, today, absences);
	const short = REASON_SHORT[a.reason];
	// Its days whole (absence-cover.ts): the part under way may be a few days of it; the cover is the part's.
	const w = {...a, ...wholeSpan(absences, a)};
	const span = absenceSpan(w, today);
	// The cover as the full words name them ("cover DC Shah", absence-words.ts coverWords), so an absence kept
	// in parts, shown in this shorter form, and a whole one in the full form read alike in one column (QA 7 R11).
	const cover = a.coverOfficerId
		? `cover ${safeText(shortName(officers.find(o => o.id === a.coverOfficerId)))}${coverAwayFor(a, absences) ? ' (away)' : ''}`
		: 'no cover';
	// Away now: "no cover" is the risk (reviews and bail dates with nobody to deal with them), so it
	// outlasts the dates. Away later: the start date is what tells it from an absence running now.
	const later = w.from > today;
	// Away later with nobody covering: "no cover" is still the risk (README "Team view": "sick, no
	// cover" at every width), so it outlasts the reason, and the start date keeps it from reading as now.
	const start = shortDate(w.from, today);
	const forms = !later
		? [full, `${short} ${span}, ${cover}`, a.coverOfficerId ? `${short} ${span}` : `${short}, no cover`, short]
		: a.coverOfficerId
			? [full, `${short} ${span}, ${cover}`, ...laterForms(short, span, start, w), `from ${start}`]
			: [
					full,
					`${short} ${span}, ${cover}`,
					`${short} from ${start}, no cover`,
					`${short} ${start}-, no cover`,
					`${start}-, no cover`,
					`${start} no cover`,
					`from ${start}`,
				];
	return {absence: full, absenceForms: forms};
}

/**
 * An absence that starts later, shortest last but one (the form the Team view makes room for at 80
 * columns): "leave 03-12 Dec" when that is short, else down to "10 Dec-04 Feb" (both days, no year) for
 * "sick 10 Dec-04 Feb 2027": never a start date with a dash and nothing after it (QA 4 R-i; README "Team view").
 */
function laterForms(short: string, span: string, start: string, a: Pick<Absence, 'from' | 'to'>): string[] {
	const dates = `${short} ${span}`;
	if (dates.length <= 15) return [dates];
	const days = a.to === null || a.to === a.from ? `from ${start}` : `${shortDate(a.from)}-${shortDate(a.to)}`;
	return [dates, `${short} from ${start}`, days];
}

/** "3y 2m" in the unit. */
export function tenure(joined: IsoDate, today: IsoDate): string {
	// The tenure rule's own count (dates.ts), so the column and the problem never disagree about a
	// joining date on the 29th-31st (31 Jan to 28 Feb is a month there, as addMonths says).
	const {years, months} = yearsAndMonthsBetween(joined, today);
	return `${years}y ${months}m`;
}

const UNDECIDED = 'TRIGGER: decide';
const ESCALATED = 'escalated to DI';

/** The plan column's words, and whose decision the trigger waits on. */
function planWords(t: TriggerState, today: IsoDate): {plan: string; decides: TeamRow['decides']} {
	const plan = planState(t, today);
	return {plan, decides: plan === ESCALATED ? 'inspector' : plan === UNDECIDED ? 'sergeant' : null};
}

/** The performance-plan state in words. */
export function planState(t: TriggerState, today: IsoDate): string {
	if (t.activePlan) return `plan to ${shortDate(t.activePlan.expires, today)}`;
	if (!t.fired) return 'none';
	if (t.escalated) return ESCALATED;
	if (t.decisionRecorded && t.lastDecision)
		return t.lastDecision.decision === 'not-now' ? 'trigger: not now' : `trigger: ${t.lastDecision.decision}`;
	return UNDECIDED;
}

/** Table rows that fit a pane of `height`: minus its borders and title, the heading and its rule, and the line about the selected officer. */
export function teamVisible(height: number): number {
	return Math.max(1, height - 3 - 2 - 1);
}
