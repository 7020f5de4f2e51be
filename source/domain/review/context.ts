/**
 * Everything a review of one case needs to know about the store, worked out once when the review
 * opens (and again at signing, against the freshest data), so that moving between steps and typing
 * never recomputes a rule. The UI reads this; it never decides a rule itself.
 */
import {reviewsByCase, caseByRef, isLive, openActions} from '../case-facts.js';
import type {IsoDate} from '../dates.js';
import type {Action, Case, Officer, ReviewEntry, Settings, StoreData, WelfareEvent} from '../model.js';
import type {Problem} from '../problem.js';
import {findProblems} from '../rules/index.js';
import {triggerFor, type TriggerState} from '../rules/performance.js';
import {ReviewError} from './errors.js';

export interface ReviewContext {
	today: IsoDate;
	settings: Settings;
	case: Case;
	/** Officer in the case (undefined only in a damaged store). */
	oic: Officer | undefined;
	/** Latest signed review of this case, or null for a first review. */
	previousReview: ReviewEntry | null;
	/** Actions step 2 asks about: open and in-progress, in the case's order. */
	openActions: Action[];
	/** This case's problems and the OIC's officer problems, most urgent first. */
	caseProblems: Problem[];
	officerProblems: Problem[];
	/** The OIC's performance trigger from the rules engine. */
	trigger: TriggerState;
	/**
	 * A decision must be recorded at step 5: the trigger fired and no decision has been recorded for it
	 * yet. Once one is recorded (on any of the officer's cases) later reviews show it and may record
	 * another, but are not forced to repeat it case by case.
	 */
	decisionRequired: boolean;
	/** A welfare check-in (or new-starter one-to-one) with the OIC is due, per the rules engine. */
	welfareCheckInDue: boolean;
	/** Date of the OIC's latest check-in or one-to-one, for the prompt. */
	lastCheckIn: IsoDate | null;
	/** Officers who may own a new action: everyone in post on `today`. */
	owners: Officer[];
	/** Officers by id, for names. */
	officers: Map<string, Officer>;
}

export function reviewContext(data: StoreData, caseRef: string, today: IsoDate): ReviewContext {
	const c = caseByRef(data, caseRef);
	if (!c) throw new ReviewError(`There is no case ${caseRef} in this store.`);
	if (!isLive(c)) throw new ReviewError(`Case ${caseRef} is ${c.status}: only live cases are reviewed.`);
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const problems = findProblems(data, today);
	const caseProblems = problems.filter(p => p.subject.type === 'case' && p.subject.ref === c.ref);
	const officerProblems = problems.filter(p => p.subject.type === 'officer' && p.subject.officerId === c.oicId);
	const trigger = triggerFor(data, c.oicId, today);
	// The rules file the annual questionnaire under the same kind (id ending ":questionnaire"): that is
	// not something a review's check-in answers, so it does not make the check-in due.
	const welfareCheckInDue = officerProblems.some(
		p => (p.kind === 'welfare-check-in-due' && !p.id.endsWith(':questionnaire')) || p.kind === 'new-starter-one-to-one-due',
	);
	return {
		today,
		settings: data.settings,
		case: c,
		oic: officers.get(c.oicId),
		previousReview: reviewsByCase(data.chain).get(c.ref)?.at(-1) ?? null,
		openActions: openActions(c),
		caseProblems,
		officerProblems,
		trigger,
		decisionRequired: trigger.fired && !trigger.decisionRecorded,
		welfareCheckInDue,
		lastCheckIn: lastCheckIn(data.welfareEvents, c.oicId),
		owners: data.officers.filter(o => o.joinedUnit <= today && (o.leftUnit === null || o.leftUnit > today)),
		officers,
	};
}

/**
 * The context again for fresher data (at signing, inside store.apply): the case's own facts (actions,
 * risk, previous review, the team) are re-read from `data`, while the facts about the officer that
 * come from running every rule over the store (trigger, check-in due, problems) are kept from when
 * the review opened. Re-running the rules over a 5,000-case store would cost more than the write
 * itself; those facts change only when someone else records a decision or a check-in for the same
 * officer meanwhile. If the case has been reallocated to another officer, everything is recomputed.
 */
export function refreshContext(prev: ReviewContext, data: StoreData): ReviewContext {
	const c = caseByRef(data, prev.case.ref);
	if (!c || c.oicId !== prev.case.oicId || !isLive(c)) return reviewContext(data, prev.case.ref, prev.today);
	const officers = new Map(data.officers.map(o => [o.id, o]));
	return {
		...prev,
		settings: data.settings,
		case: c,
		oic: officers.get(c.oicId),
		previousReview: reviewsByCase(data.chain).get(c.ref)?.at(-1) ?? null,
		openActions: openActions(c),
		owners: data.officers.filter(o => o.joinedUnit <= prev.today && (o.leftUnit === null || o.leftUnit > prev.today)),
		officers,
	};
}

function lastCheckIn(events: readonly WelfareEvent[], officerId: string): IsoDate | null {
	let last: IsoDate | null = null;
	for (const e of events) {
		if (e.officerId !== officerId || (e.kind !== 'check-in' && e.kind !== 'one-to-one')) continue;
		if (last === null || e.date > last) last = e.date;
	}
	return last;
}
