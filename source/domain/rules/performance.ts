/**
 * The performance trigger. Source case: the sergeant was asked to start a performance action plan and
 * never did, and the inspector did not step in. The tool gathers the evidence per officer and asks the
 * sergeant for one recorded decision; it never decides.
 *
 * Evidence (any one fires the trigger):
 * - settings.triggerRedUpdateCases (2) or more live cases red for crime-report updates;
 * - identical or near-identical update text across cases (see identical-updates.ts);
 * - a stalled action or deliverable on one of the officer's cases;
 * - settings.triggerConcerns (2) or more supervisor concerns within settings.triggerConcernWindowDays (60)
 *   (they stay evidence until a decision is recorded, so they cannot age away unanswered).
 *
 * A decision is a chain entry of kind 'performance-decision' dated on or after the day the trigger
 * fired (an active action plan also counts). The trigger goes to the inspector's exception list
 * (escalated) when no decision is recorded within settings.triggerDecisionDays (14), when the last
 * settings.triggerNotNowLimit (2) decisions in a row were "not now", or when the sergeant chose to
 * escalate; and, while the officer is the named cover of their own sergeant, as long as no decision
 * is recorded (no one decides a trigger about themselves). The inspector then decides it (an action
 * plan, or "not now" with a reason: see escalated-triggers.ts); that decision takes it off the list,
 * and a run of "not now" counts again from after it.
 */
import {performanceDecisionWords} from '../status-words.js';
import {currentAllocation, responsibleFrom} from '../case-history.js';
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import {isInspectorOver} from '../permissions.js';
import type {ActionPlan, Case, DecisionEntry, PerformanceDecisionData, Settings, StoreData} from '../model.js';
import type {Evidence, Problem, Severity} from '../problem.js';
import {decisionWay, inspectorDecisionWay} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {safeText} from '../safe-text.js';
import {
	awayOnDate,
	coveringOwnSergeant,
	days,
	memo,
	nameOf,
	plural,
	ruleContext,
	supervisorOf,
	type PastHolding,
	type RuleContext,
} from './context.js';
import {lastUpdateOnOrBefore, redForUpdatesToday} from './crime-report-updates.js';
import {IDENTICAL_UPDATES_KINDS, identicalUpdateProblems} from './identical-updates.js';
import {actionStalledFrom, mg3StalledFrom, stalledProblems} from './stalled-actions.js';

export interface TriggerState {
	officerId: string;
	fired: boolean;
	evidence: Evidence[];
	firstFired: IsoDate | null;
	lastDecision: PerformanceDecisionData | null;
	decisionRecorded: boolean;
	escalated: boolean;
	activePlan: ActionPlan | null;
}

/** The trigger state with the reasons the rule needs for its message. */
interface Assessment extends TriggerState {
	/** One short phrase per kind of evidence, for the message. */
	reasons: string[];
	/** Why and since when it escalated, when it did. */
	escalation: {since: IsoDate; why: string} | null;
	decisions: DecisionEntry[];
}

/** Before any date in a store: an officer who answers for a case from its start. */
const EARLIEST: IsoDate = '0000-01-01';

function byDate(a: IsoDate, b: IsoDate): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The officer's action plan running on `day`, if any (a running plan counts as a decision). */
export function activePlanOn(plans: readonly ActionPlan[] | undefined, day: IsoDate): ActionPlan | null {
	return (plans ?? []).find(p => p.started <= day && p.expires >= day && (p.endedOn === null || p.endedOn > day)) ?? null;
}

export interface TriggerStanding {
	/** A decision dated on or after the day the trigger fired, or a running action plan. */
	decisionRecorded: boolean;
	/** On the inspector's exception list, since when and why; null when not. */
	escalation: {since: IsoDate; reason: 'escalated' | 'not-now' | 'no-decision'} | null;
}

/**
 * How a trigger that first fired on `firstFired` stands on `today`: decided or not, escalated or not.
 * `decisions` are the officer's performance decisions dated up to `today`, oldest first. The one
 * definition of "decided" and "escalated": the rule below and the inspector's weekly trends
 * (source/domain/supervision-trends) both use it.
 */
export function triggerStanding(
	decisions: readonly DecisionEntry[],
	firstFired: IsoDate,
	activePlan: ActionPlan | null,
	today: IsoDate,
	s: Settings,
	byInspector: (officerId: string) => boolean = () => false,
): TriggerStanding {
	const last = decisions.at(-1) ?? null;
	const decidedSinceFiring = last !== null && last.data.date >= firstFired;
	const decisionRecorded = decidedSinceFiring || activePlan !== null;
	let run = 0;
	// An inspector's decision settles what was escalated to them: the "not now" run starts again after it.
	for (let i = decisions.length - 1; i >= 0 && decisions[i]!.data.decision === 'not-now' && !byInspector(decisions[i]!.data.by); i--) run++;
	const limit = s.triggerNotNowLimit;
	let escalation: TriggerStanding['escalation'] = null;
	if (last && decidedSinceFiring && last.data.decision === 'escalate') {
		escalation = {since: last.data.date, reason: 'escalated'};
	} else if (!activePlan && limit > 0 && run >= limit && decidedSinceFiring) {
		escalation = {since: decisions[decisions.length - run + limit - 1]!.data.date, reason: 'not-now'};
	} else if (!decisionRecorded && daysBetween(firstFired, today) >= s.triggerDecisionDays) {
		escalation = {since: addDays(firstFired, s.triggerDecisionDays), reason: 'no-decision'};
	}
	return {decisionRecorded, escalation};
}

// A rule's findings by the officer they are about, indexed once per findings list (a rule's memoised
// result for one context): assess runs for every investigator, and filtering the whole list for each
// was quadratic, with most of the rules' garbage (issue 18).
const findingsByOfficer = new WeakMap<readonly Problem[], Map<string, Problem[]>>();
const NONE: readonly Problem[] = [];

/** `problems` about `officerId`, in their order (what problems.filter(p => p.subject.officerId === officerId) gives). */
function ofOfficer(problems: readonly Problem[], officerId: string): readonly Problem[] {
	let index = findingsByOfficer.get(problems);
	if (!index) {
		index = new Map();
		for (let i = 0; i < problems.length; i++) {
			const p = problems[i]!;
			const list = index.get(p.subject.officerId);
			if (list) list.push(p);
			else index.set(p.subject.officerId, [p]);
		}
		findingsByOfficer.set(problems, index);
	}
	return index.get(officerId) ?? NONE;
}

// Each officer's assessment worked out once per context: the identical-updates rule asks it of the
// officers with findings (for the answered ones and for the ways to clear them), then the trigger rule
// of every investigator, each a walk over all their evidence (issue 18). The context's snapshot never
// changes (context.ts), so neither does the answer; nobody changes an assessment once made.
const assessments = new WeakMap<RuleContext, Map<string, Assessment>>();

function assess(ctx: RuleContext, officerId: string): Assessment {
	let byOfficer = assessments.get(ctx);
	if (!byOfficer) assessments.set(ctx, (byOfficer = new Map()));
	let a = byOfficer.get(officerId);
	if (a === undefined) byOfficer.set(officerId, (a = assessNow(ctx, officerId)));
	return a;
}

function assessNow(ctx: RuleContext, officerId: string): Assessment {
	const {settings: s, today} = ctx;
	const evidence: Evidence[] = [];
	const reasons: string[] = [];
	const starts: IsoDate[] = [];

	// Evidence belongs to the officer who held the case when it arose (README "Case history"): on a case
	// they hold, counted from the day they began to answer for it; on a case they passed on, as it stood
	// on their last day with it, kept until a decision (other than escalating) is recorded on or after it.
	const decisions = (ctx.decisionsByOfficer.get(officerId) ?? []).filter(d => d.data.date <= today);
	const answered = (date: IsoDate): boolean => decisions.some(d => d.data.decision !== 'escalate' && d.data.date >= date);
	const past = (ctx.pastHoldingsByOfficer.get(officerId) ?? []).filter(h => h.lastDay >= h.allocation.from);
	const passedOn = (h: PastHolding): string =>
		`while ${nameOf(ctx, officerId)} held it (reallocated ${shortDate(h.allocation.to!, today)})`;

	// 1. Cases red for updates: fires on the day the threshold-th case turned red.
	const red: {ref: string; since: IsoDate; detail: string}[] = [];
	// The day the case turned red (its last update plus the red threshold), as a UK date like the rest.
	const redDetail = (since: IsoDate) =>
		`red for updates since ${shortDate(since, today)}: no crime-report update in the ${s.updateRedDays} days before`;
	for (const c of ctx.liveByOic.get(officerId) ?? []) {
		if (c.opened > today) continue;
		const since = redForUpdatesToday(ctx, c, s.updateRedDays);
		if (!since) continue;
		const own = responsibleFrom(c, currentAllocation(c));
		const from = own === null || addDays(own, s.updateRedDays) <= since ? since : addDays(own, s.updateRedDays);
		if (from <= today) red.push({ref: c.ref, since: from, detail: redDetail(from)});
	}
	for (const h of past) {
		const c = h.case;
		const last = lastUpdateOnOrBefore(c, h.lastDay) ?? c.opened;
		const since = addDays(h.from === null || last > h.from ? last : h.from, s.updateRedDays);
		if (since <= h.lastDay && !answered(since)) red.push({ref: c.ref, since, detail: `${redDetail(since)}, ${passedOn(h)}`});
	}
	if (red.length >= s.triggerRedUpdateCases && s.triggerRedUpdateCases > 0) {
		red.sort((a, b) => byDate(a.since, b.since));
		starts.push(red[s.triggerRedUpdateCases - 1]!.since);
		reasons.push(`${plural(red.length, 'case')} red for updates (no update for ${s.updateRedDays}+ days)`);
		for (const r of red) evidence.push({type: 'case', caseRef: r.ref, date: r.since, detail: r.detail});
	}

	// 2. Identical or near-identical update text.
	const same = ofOfficer(identicalUpdateProblems(ctx), officerId);
	if (same.length) {
		starts.push(same.map(p => p.since).sort(byDate)[0]!);
		reasons.push(
			same.length === 1
				? `same update text on several cases on ${shortDate(same[0]!.since, today)}`
				: `same update text on several cases on ${same.length} days`,
		);
		for (const p of same) evidence.push(...p.evidence);
	}

	// 3. Stalled actions or deliverables on the officer's cases, counted from the day they began to answer
	// for the case (an action stalled before they had it is not theirs), and on cases they passed on.
	const stalled: Evidence[] = [];
	const stalledNow = ofOfficer(stalledProblems(ctx), officerId);
	// The officer's cases by reference, only for an officer with stalled actions (most have none: issue 18).
	const held = stalledNow.length > 0 ? new Map((ctx.liveByOic.get(officerId) ?? []).map(c => [c.ref, c])) : undefined;
	for (const p of stalledNow) {
		if (p.subject.type !== 'case') continue;
		const c = held!.get(p.subject.ref);
		if (!c) continue;
		const from = responsibleFrom(c, currentAllocation(c));
		const since = from === null ? p.since : stalledFrom(c, p.id, s, from, today);
		if (since !== null) stalled.push({type: 'action', caseRef: c.ref, id: p.id, date: since, detail: p.message});
	}
	for (const h of past) {
		const c = h.case;
		for (const a of c.actions) {
			const since = actionStalledFrom(a, s, h.from ?? EARLIEST, h.lastDay);
			if (since === null || answered(since)) continue;
			const detail = `Action "${safeText(a.text)}" was stalled ${passedOn(h)}`;
			stalled.push({type: 'action', caseRef: c.ref, id: `stalled-action:${c.ref}:${a.id}`, date: since, detail});
		}
		const mg3 = mg3StalledFrom(c, s, h.from ?? EARLIEST, h.lastDay);
		if (mg3 !== null && !answered(mg3)) {
			const detail = `MG3 "in progress" was stalled ${passedOn(h)}`;
			stalled.push({type: 'action', caseRef: c.ref, id: `stalled-deliverable:${c.ref}:mg3`, date: mg3, detail});
		}
	}
	if (stalled.length) {
		starts.push(stalled.map(x => x.date!).sort(byDate)[0]!);
		reasons.push(plural(stalled.length, 'stalled action'));
		evidence.push(...stalled);
	}

	// 4. Supervisor concerns: the threshold-th concern within the window of the earlier ones fires it on
	// the day it is recorded. It stays fired while that is within the window of today, and after that
	// for as long as no decision has been recorded since: evidence must not age away unanswered.
	const lastDecisionDate = decisions.at(-1)?.data.date ?? null;
	const all = (ctx.concernsByOfficer.get(officerId) ?? []).filter(c => c.date <= today).sort((a, b) => byDate(a.date, b.date));
	const k = s.triggerConcerns;
	const qualifying: number[] = [];
	if (k > 0)
		for (let j = k - 1; j < all.length; j++)
			if (daysBetween(all[j - k + 1]!.date, all[j]!.date) < s.triggerConcernWindowDays) qualifying.push(j);
	const live = qualifying.filter(
		j => daysBetween(all[j]!.date, today) < s.triggerConcernWindowDays || lastDecisionDate === null || all[j]!.date > lastDecisionDate,
	);
	if (live.length) {
		const first = live[0]!;
		const from = first - k + 1;
		const used = all.slice(from, live.at(-1)! + 1);
		starts.push(all[first]!.date);
		reasons.push(`${plural(used.length, 'supervisor concern')} within ${days(s.triggerConcernWindowDays)}`);
		for (const c of used)
			evidence.push({
				type: 'concern',
				caseRef: c.caseRef ?? undefined,
				id: c.id,
				date: c.date,
				detail: `concern recorded ${shortDate(c.date, today)} by ${nameOf(ctx, c.by)}`,
			});
	}

	// 5. Escalated to the inspector and not decided since: it stays on the inspector's list whatever has
	// happened to the cases since (README "Case history"), with the evidence recorded when it was escalated.
	const last = decisions.at(-1) ?? null;
	if (starts.length === 0 && last && last.data.decision === 'escalate') {
		starts.push(last.data.date);
		reasons.push(`escalated ${shortDate(last.data.date, today)} and not decided since`);
		for (const line of last.data.evidence) {
			evidence.push({
				type: 'decision',
				id: String(last.seq),
				date: last.data.date,
				detail: `as recorded when escalated: ${safeText(line)}`,
			});
		}
	}

	const fired = starts.length > 0;
	const firstFired = fired ? starts.sort(byDate)[0]! : null;
	const activePlan = activePlanOn(ctx.plansByOfficer.get(officerId), today);
	const standing = firstFired ? triggerStanding(decisions, firstFired, activePlan, today, s, id => isInspectorOver(ctx.data, id)) : null;
	const decisionRecorded = standing?.decisionRecorded ?? false;

	let escalation: Assessment['escalation'] = null;
	const e = standing?.escalation;
	if (e?.reason === 'escalated')
		escalation = {since: e.since, why: `${nameOf(ctx, last!.data.by)} escalated it on ${shortDate(last!.data.date, today)}`};
	else if (e?.reason === 'not-now') {
		const limit = s.triggerNotNowLimit;
		escalation = {
			since: e.since,
			why: `"not now" recorded ${limit === 2 ? 'twice' : `${limit} times`} in a row (last ${shortDate(last!.data.date, today)})`,
		};
	} else if (e?.reason === 'no-decision') escalation = {since: e.since, why: `no decision recorded in ${days(s.triggerDecisionDays)}`};
	// No one decides a trigger about themselves (README "The guided 14-day review"): while the officer is
	// the named cover of their own sergeant, an undecided trigger goes to the next person up, on the
	// inspector's list, until a decision is recorded.
	const covering = !escalation && firstFired && !decisionRecorded ? coveringOwnSergeant(ctx, officerId, today) : undefined;
	if (covering && firstFired) {
		const since = covering.from > firstFired ? covering.from : firstFired;
		escalation = {
			since,
			why: `${nameOf(ctx, officerId)} is covering ${nameOf(ctx, covering.sergeant.id)}, and no one decides a trigger about themselves`,
		};
	}
	for (const d of decisions)
		evidence.push({
			type: 'decision',
			id: String(d.seq),
			date: d.data.date,
			detail: `decision "${performanceDecisionWords(d.data.decision)}" recorded ${shortDate(d.data.date, today)} by ${nameOf(ctx, d.data.by)}`,
		});

	return {
		officerId,
		fired,
		evidence,
		firstFired,
		lastDecision: last?.data ?? null,
		decisionRecorded,
		escalated: escalation !== null,
		activePlan,
		reasons,
		escalation,
		decisions,
	};
}

/** The day the stalled action or MG3 a problem names counted as stalled from `from`, or null. */
function stalledFrom(c: Case, problemId: string, s: Settings, from: IsoDate, asOf: IsoDate): IsoDate | null {
	if (problemId.endsWith(':mg3') && problemId.startsWith('stalled-deliverable:')) return mg3StalledFrom(c, s, from, asOf);
	const action = c.actions.find(a => problemId === `stalled-action:${c.ref}:${a.id}`);
	return action ? actionStalledFrom(action, s, from, asOf) : null;
}

export function triggerFor(data: StoreData, officerId: string, today: IsoDate): TriggerState {
	return triggerIn(ruleContext(data, today), officerId);
}

/** The trigger state from an existing rule context (a whole store's, or one officer's slice: see officer-slice.ts). */
export function triggerIn(ctx: RuleContext, officerId: string): TriggerState {
	const a = assess(ctx, officerId);
	return {
		officerId: a.officerId,
		fired: a.fired,
		evidence: a.evidence,
		firstFired: a.firstFired,
		lastDecision: a.lastDecision,
		decisionRecorded: a.decisionRecorded,
		escalated: a.escalated,
		activePlan: a.activePlan,
	};
}

/** Why and since when the officer's trigger is on the inspector's exception list, or null when it is not. */
export function escalationIn(ctx: RuleContext, officerId: string): {since: IsoDate; why: string} | null {
	return assess(ctx, officerId).escalation;
}

export function performanceProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'performance', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			if (o.role !== 'investigator') continue;
			const a = assess(ctx, o.id);
			if (!a.fired || !a.firstFired) continue;
			if (a.activePlan && !a.escalated) continue; // decided: a plan is running (its reviews are the plan's business)
			const who = nameOf(ctx, o.id);
			const sergeant = supervisorOf(ctx, o.id);
			const inspectorId = (sergeant && supervisorOf(ctx, sergeant.id)?.id) ?? ctx.data.team.inspectorId;
			const inspector = inspectorId ? nameOf(ctx, inspectorId) : 'the inspector';
			let message = `Performance trigger for ${who} since ${shortDate(a.firstFired, today)}: ${a.reasons.join('; ')}`;
			let severity: Severity;
			let since: IsoDate;
			let action: string;
			if (a.escalated && a.escalation) {
				severity = 'red';
				since = a.escalation.since;
				message += `. On ${inspector}'s exception list: ${a.escalation.why}`;
				action =
					`${inspector}: review the evidence${withWhom(ctx, o.id, sergeant?.id)} and record a decision (action plan or a ` +
					`reasoned "not now").`;
			} else if (a.decisionRecorded && a.lastDecision) {
				severity = 'info';
				since = a.lastDecision.date;
				message += `. Decision recorded ${shortDate(a.lastDecision.date, today)}: "${performanceDecisionWords(a.lastDecision.decision)}"`;
				action = 'Keep the evidence under review at the next supervision; another "not now" in a row goes to the inspector.';
			} else {
				severity = 'amber';
				since = a.firstFired;
				const waited = daysBetween(a.firstFired, today);
				message += `. No decision recorded after ${days(waited)}; it goes to ${inspector} after ${days(s.triggerDecisionDays)}`;
				action = 'Record one decision: start an action plan, "not now" with a reason, or escalate to the inspector.';
			}
			out.push({
				id: `performance-trigger:${o.id}`,
				kind: 'performance-trigger',
				severity,
				subject: {type: 'officer', officerId: o.id},
				message,
				action,
				evidence: a.evidence,
				since,
			});
		}
		return out;
	});
}

/**
 * The identical-update findings still waiting for someone (README "Acting on a problem"): checking with
 * the officer ends in a performance decision about them (step 5 of a guided review), and a decision
 * recorded on or after the day of the updates answers the finding, as it answers trigger evidence from
 * a case passed on. Not while the trigger is on the inspector's exception list (escalated, or "not now"
 * too often): the question is then the inspector's. The trigger keeps every finding as evidence.
 */
export function unansweredIdenticalUpdates(ctx: RuleContext): Problem[] {
	return memo(ctx, 'identical-unanswered', () =>
		identicalUpdateProblems(ctx).filter(p => {
			const decisions = ctx.decisionsByOfficer.get(p.subject.officerId) ?? [];
			const answered = decisions.some(d => d.data.decision !== 'escalate' && d.data.date >= p.since && d.data.date <= ctx.today);
			return !answered || assess(ctx, p.subject.officerId).escalated;
		}),
	);
}

/**
 * " with DS Brennan": whom the inspector reviews the evidence with, the officer's sergeant, or while the
 * sergeant is away the cover acting for them (never the officer themselves); "" when nobody is there.
 */
function withWhom(ctx: RuleContext, officerId: string, sergeantId: string | undefined): string {
	if (!sergeantId) return '';
	const away = awayOnDate(ctx, sergeantId, ctx.today);
	const there = away ? away.coverId : sergeantId;
	return there && there !== officerId ? ` with ${nameOf(ctx, there)}` : '';
}

/** After a "not now" (INFO): nothing to record now; what brings it back and who decides then. */
function afterNotNow(ctx: RuleContext, officerId: string, decidedOn: IsoDate): string {
	const sergeant = supervisorOf(ctx, officerId);
	const inspectorId = (sergeant && supervisorOf(ctx, sergeant.id)?.id) ?? ctx.data.team.inspectorId;
	const by = sergeant ? nameOf(ctx, sergeant.id) : 'the sergeant';
	const inspector = inspectorId ? nameOf(ctx, inspectorId) : 'the inspector';
	return (
		`Nothing more to record now ("not now" on ${shortDate(decidedOn, ctx.today)}): ${by} (or their cover) keeps it under review at ` +
		`${nameOf(ctx, officerId)}'s next supervision and records a new decision when it fires again; another "not now" in a row goes to ${inspector}`
	);
}

/**
 * How it clears (README "Acting on a problem"): a recorded decision (step 5 of a guided review of one of
 * the officer's cases); an action plan takes it off the list while the plan runs.
 */
export const PERFORMANCE_RULE: RuleDeclaration<'performance-trigger'> = {
	name: 'Performance trigger',
	check: performanceProblems,
	kinds: {
		'performance-trigger': {
			label: 'Performance trigger',
			resolve: (p, ctx) =>
				// Red is the inspector's exception list (performanceProblems): theirs to decide, in the Team view's queue.
				p.severity === 'red'
					? [
							inspectorDecisionWay(
								`The inspector records a decision for ${nameOf(ctx, p.subject.officerId)}: an action plan or a reasoned "not now"`,
							),
						]
					: p.severity === 'info'
						? [decisionWay(afterNotNow(ctx, p.subject.officerId, p.since))]
						: [
								decisionWay(
									`Record a decision for ${nameOf(ctx, p.subject.officerId)}: start an action plan, "not now" with a reason, or escalate`,
								),
							],
		},
	},
};

/** The identical-updates kind as identical-updates.ts declares it: the sergeant's way, a decision in a review's step 5. */
const IDENTICAL_UPDATES = IDENTICAL_UPDATES_KINDS['identical-updates'];

/**
 * The ways to clear an identical-updates finding. While the officer's trigger is on the inspector's
 * exception list, step 5 of a sergeant's or cover's review records no decision on it (README "The review
 * desk"), so the way is the inspector's, as the trigger's own problem says (`d` in the Team view, their
 * queue), naming who can decide for whoever reads it; otherwise the sergeant's (identical-updates.ts).
 */
function identicalUpdatesWays(p: Problem, ctx: RuleContext): ReturnType<typeof IDENTICAL_UPDATES.resolve> {
	const officerId = p.subject.officerId;
	if (!assess(ctx, officerId).escalated) return IDENTICAL_UPDATES.resolve(p, ctx);
	const sergeant = supervisorOf(ctx, officerId);
	const inspectorId = (sergeant && supervisorOf(ctx, sergeant.id)?.id) ?? ctx.data.team.inspectorId;
	const inspector = inspectorId ? `${nameOf(ctx, inspectorId)} (the inspector)` : 'The inspector';
	return [
		inspectorDecisionWay(
			`${inspector} records a decision for ${nameOf(ctx, officerId)} (an action plan or a reasoned "not now"): the trigger is ` +
				"on the inspector's exception list, so a review's step 5 records no decision that answers these updates",
		),
	];
}

/**
 * Identical updates (docs/rules.md): the findings come from identical-updates.ts, which declares the
 * kind; the rule that raises them is the one above, which drops those a decision has answered, and
 * names the inspector's way while the trigger is on their list (identicalUpdatesWays).
 */
export const IDENTICAL_UPDATES_RULE: RuleDeclaration<'identical-updates'> = {
	name: 'Identical updates',
	check: unansweredIdenticalUpdates,
	kinds: {'identical-updates': {...IDENTICAL_UPDATES, resolve: identicalUpdatesWays}},
};
