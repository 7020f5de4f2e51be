/**
 * Everything a review of one case needs to know about the store, worked out once when the review
 * opens (and again at signing, against the freshest data), so that moving between steps and typing
 * never recomputes a rule. The UI reads this; it never decides a rule itself.
 */
import {caseByRef, isLive, openActions} from '../case-facts.js';
import {reviewOfEachCase} from '../chain-working-set.js';
import type {IsoDate} from '../dates.js';
import {defaultActionOwner, firstDayAway} from '../action-owners.js';
import type {Absence, Action, Case, Officer, ReviewEntry, Settings, StoreData, WelfareEvent} from '../model.js';
import {escalatedTriggerRefusal, isInspectorOver} from '../permissions.js';
import {sergeantOn} from '../team-history.js';
import {nextUpFor} from '../independence.js';
import type {Problem} from '../problem.js';
import {ruleContext, type RuleContext} from '../rules/context.js';
import {findProblems} from '../rules/index.js';
import {officerNewStarterProblems} from '../rules/new-starter.js';
import {officerSlice} from '../rules/officer-slice.js';
import {triggerIn, type TriggerState} from '../rules/performance.js';
import {officerWelfareProblems} from '../rules/welfare.js';
import {ReviewError} from './errors.js';
import {reviewWindow} from './next-review.js';
import {typedInQuotes} from '../safe-text.js';

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
	 * Chain sequences of every performance decision on record for the OIC: signing compares them with
	 * the freshest data to notice a decision someone else recorded while this review was open.
	 */
	decisionSeqs: number[];
	/**
	 * A decision must be recorded at step 5: the trigger fired and no decision has been recorded for it
	 * yet. Once one is recorded (on any of the officer's cases) later reviews show it and may record
	 * another, but are not forced to repeat it case by case. Never while `triggerWithInspector` says
	 * the decision is not this reviewer's.
	 */
	decisionRequired: boolean;
	/** Who is reviewing (the draft's author); null when not known yet, taken as someone who is not an inspector. */
	reviewerId: string | null;
	/**
	 * Why this review records no performance decision, or null when it may record one: the OIC's trigger
	 * is on the inspector's exception list and the reviewer is not an inspector over the team. Only the
	 * inspector decides an escalated trigger (README "The review desk", the inspector's queue). The
	 * sergeant's review of the case still goes ahead (README "The guided 14-day review"): the review is
	 * theirs and falls due whatever the trigger's state, so refusing it would leave the case unreviewed
	 * over a decision that is not theirs to make. Step 5 says who decides instead and offers no decision;
	 * a decision given anyway (an old draft) is refused at that step, naming the inspector.
	 */
	triggerWithInspector: string | null;
	/**
	 * The reviewer is an inspector over the team: escalation goes to them, so their own review decides
	 * the trigger (action plan or not needed now) and is not offered "escalate to the inspector" (QA 5 R5).
	 */
	reviewerIsInspector: boolean;
	/** A welfare check-in (or new-starter one-to-one) with the OIC is due, per the rules engine. */
	welfareCheckInDue: boolean;
	/** Date of the OIC's latest check-in or one-to-one, for the prompt. */
	lastCheckIn: IsoDate | null;
	/** Officers who may own a new action: everyone in post on `today`. */
	owners: Officer[];
	/**
	 * A new action's default owner: someone at work until the next review (the OIC unless away, then
	 * the OIC's cover, then the team's sergeant or their cover; action-owners.ts defaultActionOwner).
	 */
	defaultOwnerId: string;
	/** The first day the default owner is away before the next review, or null when at work throughout. */
	defaultOwnerAwayFrom: IsoDate | null;
	/** The team's absences, so choosing an owner away before an action is due can warn (owners.ts). */
	absences: readonly Absence[];
	/** Officers by id, for names. */
	officers: Map<string, Officer>;
	/** The team's sergeant's recorded absences not yet over: a next review date inside one is warned about. */
	sergeantAway: Absence[];
	/**
	 * Who reviews the case while its OIC covers the sergeant (no one reviews a case they hold: docs/rules.md
	 * "Reviews the cover cannot do"): the next person up (independence.ts nextUpFor), or null when none is recorded.
	 */
	nextUpId: string | null;
}

/**
 * The team's sergeant on `today` and their absences that have not ended by then, earliest first. Kept per
 * absences list, team and day (all immutable): a signing changes none of them, so it does not read every
 * absence again.
 */
function sergeantAwayFrom(data: StoreData, today: IsoDate): Absence[] {
	const known = sergeantAwayOf.get(data.absences);
	if (known && known.team === data.team && known.today === today) return known.away;
	const sergeant = sergeantOn(data.team, today) ?? data.team.sergeantId;
	const away = data.absences
		.filter(a => a.officerId === sergeant && (a.to === null || a.to >= today))
		.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
	sergeantAwayOf.set(data.absences, {team: data.team, today, away});
	return away;
}

const sergeantAwayOf = new WeakMap<readonly Absence[], {team: StoreData['team']; today: IsoDate; away: Absence[]}>();

export function reviewContext(data: StoreData, caseRef: string, today: IsoDate, reviewerId: string | null = null): ReviewContext {
	const c = caseByRef(data, caseRef);
	if (!c) throw new ReviewError(`There is no case ${typedInQuotes(caseRef)} in this store.`);
	if (!isLive(c)) throw new ReviewError(`Case ${caseRef} is ${c.status}: only live cases are reviewed.`);
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const problems = findProblems(data, today);
	return workedOut(data, {
		today,
		settings: data.settings,
		case: c,
		oic: officers.get(c.oicId),
		previousReview: lastReviewOf(data, c.ref),
		openActions: openActions(c),
		caseProblems: problems.filter(p => p.subject.type === 'case' && p.subject.ref === c.ref),
		officerProblems: problems.filter(p => p.subject.type === 'officer' && p.subject.officerId === c.oicId),
		// findProblems has just run every rule over this context, so these are read from its memo.
		...officerFacts(ruleContext(data, today), c.oicId, reviewerId),
		owners: data.officers.filter(o => o.joinedUnit <= today && (o.leftUnit === null || o.leftUnit > today)),
		...ownerFacts(data, c, today),
		officers,
		sergeantAway: sergeantAwayFrom(data, today),
		nextUpId: nextUpFor(data, c.oicId)?.id ?? null,
	});
}

/**
 * The data each context was worked out on, so that refreshing it on the very records it read costs a
 * comparison per list (store data is immutable: the same list is the same records). Held only as long
 * as the context is.
 */
const workedOn = new WeakMap<ReviewContext, StoreData>();

function workedOut(data: StoreData, ctx: ReviewContext): ReviewContext {
	workedOn.set(ctx, data);
	return ctx;
}

/**
 * The fields of the store a context is not worked out from: the drafts (a review's own draft, saved as
 * the sergeant types, changes them) and the store's bookkeeping. The chain's count (chainLog) is compared
 * on its own: it says whether the chain held is a working set (lastReviewOf).
 */
const NOT_READ = new Set<string>(['drafts', 'schemaVersion', 'revision', 'updatedAt', 'chainLog']);

/**
 * True when `data` holds the very records `basis` held in every field a context reads (every field but
 * NOT_READ, so a field added later counts until it is listed there): every fact worked out on `basis`
 * is then the same on `data`.
 */
function sameRecords(basis: StoreData, data: StoreData): boolean {
	if (basis === data) return true;
	const keys = Object.keys(data);
	if (keys.length !== Object.keys(basis).length) return false;
	for (const k of keys) {
		if (NOT_READ.has(k)) continue;
		if ((data as Record<string, unknown>)[k] !== (basis as Record<string, unknown>)[k]) return false;
	}
	return data.chainLog?.entries === basis.chainLog?.entries;
}

/** The default owner of a new action and the absences its warnings read. */
function ownerFacts(data: StoreData, c: Case, today: IsoDate): Pick<ReviewContext, 'defaultOwnerId' | 'defaultOwnerAwayFrom' | 'absences'> {
	const due = reviewWindow(c.risk, data.settings, today).latest;
	const defaultOwnerId = defaultActionOwner(data, c.oicId, due, today);
	return {defaultOwnerId, defaultOwnerAwayFrom: firstDayAway(data, defaultOwnerId, due, today), absences: data.absences};
}

/**
 * The context again for fresher data (at signing, inside store.apply, where `data` is the file as it
 * is under the lock). Everything signing records or checks is re-read from `data`: the case's own
 * facts (actions, risk, officer, previous review), the team, and the facts about the officer in the
 * case (trigger, decisions on record, whether a check-in is due), so a decision, concern or check-in
 * recorded by someone else meanwhile is seen. The officer facts are worked out on the officer's slice
 * of the store (rules/officer-slice.ts: the same answers as the whole store, at a fraction of the
 * cost). Only the step-1 lists `caseProblems` and `officerProblems` are kept from when the review
 * opened: they are shown, never signed, and re-running every rule would cost more than the write.
 *
 * This only refreshes; whether what changed matters to the answers given is changesSinceOpened's call.
 */
export function refreshContext(prev: ReviewContext, data: StoreData, reviewerId: string | null = prev.reviewerId): ReviewContext {
	// Nothing it read has changed (at a desk: only the review's own draft was saved since it opened, or
	// nothing at all): every fact below would come out the same, so it is `prev` (issue 19's bench: the
	// officer's facts alone cost more than half a millisecond of a signing's few).
	const basis = workedOn.get(prev);
	if (basis && reviewerId === prev.reviewerId && sameRecords(basis, data)) return prev;
	// The case as shown, when it is still the very object (unchanged): found by identity, not by comparing
	// 5,000 crime references (a store's references are unique, store/validate.ts).
	const c = data.cases.includes(prev.case) ? prev.case : caseByRef(data, prev.case.ref);
	// Gone or closed meanwhile: reviewContext throws the same clear message as at opening.
	if (!c || !isLive(c)) return reviewContext(data, prev.case.ref, prev.today, reviewerId);
	const officers = officersById(data.officers);
	return workedOut(data, {
		...prev,
		settings: data.settings,
		case: c,
		oic: officers.get(c.oicId),
		previousReview: lastReviewOf(data, c.ref),
		openActions: openActions(c),
		...officerFacts(ruleContext(officerSlice(data, c.oicId, prev.today), prev.today), c.oicId, reviewerId),
		owners: ownersOn(data.officers, prev.today),
		...ownerFacts(data, c, prev.today),
		officers,
		sergeantAway: sergeantAwayFrom(data, prev.today),
	});
}

/**
 * The context of a review still open when the day changes (a desk left open past midnight, README "Opened
 * without `--today`..."): worked out again for `today` on the very records the review was shown, so that
 * it is signed and dated on the new day (lateness, next review, check-in and concern dates) while what
 * someone else changed meanwhile is still caught at signing (changesSinceOpened compares with these records).
 */
export function contextOnDay(prev: ReviewContext, today: IsoDate, data: StoreData): ReviewContext {
	if (prev.today === today) return prev;
	return reviewContext(workedOn.get(prev) ?? data, prev.case.ref, today, prev.reviewerId);
}

type OfficerFacts = Pick<
	ReviewContext,
	| 'trigger'
	| 'decisionSeqs'
	| 'decisionRequired'
	| 'reviewerId'
	| 'triggerWithInspector'
	| 'reviewerIsInspector'
	| 'welfareCheckInDue'
	| 'lastCheckIn'
>;

/** What the review needs to know about the officer in the case, from a rule context that holds their data. */
function officerFacts(rc: RuleContext, officerId: string, reviewerId: string | null): OfficerFacts {
	const trigger = triggerIn(rc, officerId);
	// The slice keeps the officers and the team whole, so who is an inspector over the team reads the same.
	const inspector = reviewerId !== null && isInspectorOver(rc.data, reviewerId);
	const triggerWithInspector = trigger.escalated && !inspector ? escalatedTriggerRefusal(rc.data, officerId) : null;
	// The rules' own findings for this officer (none for an officer no longer in post). They file the
	// annual questionnaire under the same kind (id ending ":questionnaire"): that is not something a
	// review's check-in answers, so it does not make the check-in due.
	const o = rc.activeOfficers.find(x => x.id === officerId);
	const welfareCheckInDue = (o ? [...officerWelfareProblems(rc, o), ...officerNewStarterProblems(rc, o)] : []).some(
		p => (p.kind === 'welfare-check-in-due' && !p.id.endsWith(':questionnaire')) || p.kind === 'new-starter-one-to-one-due',
	);
	return {
		trigger,
		decisionSeqs: (rc.decisionsByOfficer.get(officerId) ?? []).map(d => d.seq),
		decisionRequired: trigger.fired && !trigger.decisionRecorded && triggerWithInspector === null,
		reviewerId,
		triggerWithInspector,
		reviewerIsInspector: inspector,
		welfareCheckInDue,
		lastCheckIn: lastCheckIn(rc.data.welfareEvents, officerId),
	};
}

/**
 * The officers by id and those in post on a day, kept per officers list (the lists are immutable and a
 * signing leaves them as they were): a signing at 20,000 cases reads 3,000 officers once, not each time.
 * The map is shared by every context made from the same list: read it, never change it.
 */
const byIdOf = new WeakMap<readonly Officer[], Map<string, Officer>>();
const inPostOf = new WeakMap<readonly Officer[], {today: IsoDate; owners: Officer[]}>();

function officersById(officers: readonly Officer[]): Map<string, Officer> {
	let m = byIdOf.get(officers);
	if (!m) byIdOf.set(officers, (m = new Map(officers.map(o => [o.id, o]))));
	return m;
}

function ownersOn(officers: readonly Officer[], today: IsoDate): Officer[] {
	const known = inPostOf.get(officers);
	if (known?.today === today) return known.owners;
	const owners = officers.filter(o => o.joinedUnit <= today && (o.leftUnit === null || o.leftUnit > today));
	inPostOf.set(officers, {today, owners});
	return owners;
}

/**
 * The case's latest signed review: a look-up in a working set's index of each case's review (a split
 * store's chain, chain-working-set.ts), otherwise scanned from the end, where it usually is (the whole
 * chain grows by tens of thousands).
 */
function lastReviewOf(data: StoreData, ref: string): ReviewEntry | null {
	const chain = data.chain;
	// A split store's state holds fewer entries than its chain file: the working set (store README, "The review chain file").
	const workingSet = data.chainLog !== undefined && chain.length < data.chainLog.entries;
	const byCase = workingSet ? reviewOfEachCase(chain) : null;
	if (byCase) return (byCase.get(ref) as ReviewEntry | undefined) ?? null;
	for (let i = chain.length - 1; i >= 0; i--) {
		const e = chain[i]!;
		if (e.kind === 'review' && e.data.caseRef === ref) return e;
	}
	return null;
}

function lastCheckIn(events: readonly WelfareEvent[], officerId: string): IsoDate | null {
	let last: IsoDate | null = null;
	for (const e of events) {
		if (e.officerId !== officerId || (e.kind !== 'check-in' && e.kind !== 'one-to-one')) continue;
		if (last === null || e.date > last) last = e.date;
	}
	return last;
}
