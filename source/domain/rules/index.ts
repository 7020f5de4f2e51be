/**
 * The rules engine: every rule in docs/rules.md, each a pure function of a
 * store snapshot and `today` that reads its thresholds from data.settings. One rule per file; this
 * module runs them all and puts the most urgent first.
 */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {SEVERITY_RANK, type Problem, type ProblemKind} from '../problem.js';
import type {Resolve, ResolveFor} from '../resolve.js';
import {ACTION_OWNER_RESOLVE, actionOwnerProblems} from './action-owners.js';
import {BAIL_RESOLVE, bailProblems} from './bail.js';
import {ruleContext, type RuleContext} from './context.js';
import {CRIME_REPORT_RESOLVE, crimeReportProblems} from './crime-report-updates.js';
import {FORENSIC_RESOLVE, forensicProblems} from './forensic.js';
import {IDENTICAL_UPDATES_RESOLVE} from './identical-updates.js';
import {INDEPENDENT_REVIEW_RESOLVE, independentReviewProblems} from './independent-review.js';
import {NEW_STARTER_RESOLVE, newStarterProblems} from './new-starter.js';
import {PERFORMANCE_RESOLVE, performanceProblems, unansweredIdenticalUpdates} from './performance.js';
import {REVIEW_DUE_RESOLVE, reviewOverdue, reviewsDueInSupervisorAbsence} from './review-due.js';
import {RUI_RESOLVE, ruiProblems} from './rui.js';
import {SPAN_OF_CONTROL_RESOLVE, spanOfControlProblems} from './span-of-control.js';
import {STALLED_RESOLVE, stalledProblems} from './stalled-actions.js';
import {TENURE_RESOLVE, tenureProblems} from './tenure.js';
import {VICTIM_UPDATE_RESOLVE, victimUpdateProblems} from './victim-updates.js';
import {WELFARE_RESOLVE, welfareProblems} from './welfare.js';
import {WORKLOAD_RESOLVE, workloadProblems} from './workload.js';

export type Rule = (ctx: RuleContext) => Problem[];

export const RULES: readonly Rule[] = [
	reviewOverdue,
	reviewsDueInSupervisorAbsence,
	independentReviewProblems,
	bailProblems,
	ruiProblems,
	victimUpdateProblems,
	crimeReportProblems,
	stalledProblems,
	actionOwnerProblems,
	unansweredIdenticalUpdates,
	forensicProblems,
	workloadProblems,
	spanOfControlProblems,
	welfareProblems,
	newStarterProblems,
	tenureProblems,
	performanceProblems,
];

/** Most urgent first: severity, then the oldest problem, then id so the order is stable. */
export function compareProblems(a: Problem, b: Problem): number {
	return (
		SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
		(a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/**
 * Each kind's ways to clear it, as its rule declares them (README "Acting on a problem"). A Record over
 * every ProblemKind: a new kind does not compile until its rule says how it is resolved.
 */
export const RESOLVE: Readonly<Record<ProblemKind, ResolveFor>> = {
	...REVIEW_DUE_RESOLVE,
	...INDEPENDENT_REVIEW_RESOLVE,
	...BAIL_RESOLVE,
	...RUI_RESOLVE,
	...VICTIM_UPDATE_RESOLVE,
	...CRIME_REPORT_RESOLVE,
	...STALLED_RESOLVE,
	...IDENTICAL_UPDATES_RESOLVE,
	...FORENSIC_RESOLVE,
	...WORKLOAD_RESOLVE,
	...SPAN_OF_CONTROL_RESOLVE,
	...WELFARE_RESOLVE,
	...NEW_STARTER_RESOLVE,
	...TENURE_RESOLVE,
	...PERFORMANCE_RESOLVE,
	...ACTION_OWNER_RESOLVE,
};

/** The ways to clear `p`, as its rule declares them. */
export function resolveFor(p: Problem, ctx: RuleContext): Resolve[] {
	return RESOLVE[p.kind](p, ctx);
}

/** The problems `rules` (every rule unless told) find today, most urgent first, each with its ways to clear it (`resolve`). */
export function findProblems(data: StoreData, today: IsoDate, rules: readonly Rule[] = RULES): Problem[] {
	const ctx = ruleContext(data, today);
	const all: Problem[] = [];
	for (const rule of rules) for (const p of rule(ctx)) all.push({...p, resolve: resolveFor(p, ctx)});
	return all.sort(compareProblems);
}

/**
 * The rules whose findings the inspector's exception report lists (README, "The review log"): an export
 * runs only these (its performance triggers come from triggerFor), not the whole engine.
 */
export const REPORT_RULES: readonly Rule[] = [
	reviewOverdue,
	reviewsDueInSupervisorAbsence,
	bailProblems,
	stalledProblems,
	forensicProblems,
	spanOfControlProblems,
];

export {cadenceDays, caseReviewDue, reviewOverdueDays} from './review-due.js';
export {workloadFor, type Workload} from './workload.js';
export {triggerFor, type TriggerState} from './performance.js';
