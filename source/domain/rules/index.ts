/**
 * The rules engine: every rule in docs/rules.md, each a pure function of a
 * store snapshot and `today` that reads its thresholds from data.settings. One rule per file; this
 * module runs them all and puts the most urgent first.
 */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {SEVERITY_RANK, type Problem} from '../problem.js';
import {actionOwnerProblems} from './action-owners.js';
import {bailProblems} from './bail.js';
import {ruleContext, type RuleContext} from './context.js';
import {crimeReportProblems} from './crime-report-updates.js';
import {forensicProblems} from './forensic.js';
import {identicalUpdateProblems} from './identical-updates.js';
import {independentReviewProblems} from './independent-review.js';
import {newStarterProblems} from './new-starter.js';
import {performanceProblems} from './performance.js';
import {reviewOverdue, reviewsDueInSupervisorAbsence} from './review-due.js';
import {ruiProblems} from './rui.js';
import {spanOfControlProblems} from './span-of-control.js';
import {stalledProblems} from './stalled-actions.js';
import {tenureProblems} from './tenure.js';
import {victimUpdateProblems} from './victim-updates.js';
import {welfareProblems} from './welfare.js';
import {workloadProblems} from './workload.js';

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
	identicalUpdateProblems,
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
	return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function findProblems(data: StoreData, today: IsoDate, rules: readonly Rule[] = RULES): Problem[] {
	const ctx = ruleContext(data, today);
	const all: Problem[] = [];
	for (const rule of rules) for (const p of rule(ctx)) all.push(p);
	return all.sort(compareProblems);
}

/**
 * The rules whose findings the inspector's exception report lists (README, "The review log"): an export
 * runs only these (its performance triggers come from triggerFor), not the whole engine.
 */
export const REPORT_RULES: readonly Rule[] = [reviewOverdue, reviewsDueInSupervisorAbsence, bailProblems, stalledProblems, forensicProblems, spanOfControlProblems];

export {cadenceDays, caseReviewDue, reviewOverdueDays} from './review-due.js';
export {workloadFor, type Workload} from './workload.js';
export {triggerFor, type TriggerState} from './performance.js';
