/**
 * Stalled actions and deliverables. Source case: "in the process of completing the MG3" was written in
 * every update for 2 years 7 months and the MG3 was never started. An action carried over
 * settings.stalledCarriedReviews (3) consecutive reviews, or "in progress" for
 * settings.stalledInProgressDays (28), is stalled (amber); twice either threshold is red. The MG3
 * recorded "in progress" over the same number of days is a stalled deliverable.
 */
import {addDays, daysBetween, shortDate, yearsAndMonthsBetween, type IsoDate} from '../dates.js';
import type {Action, Case, Settings} from '../model.js';
import type {Evidence, Problem, Severity} from '../problem.js';
import {importWay, reviewWay, sameWays} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, plural, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';

/** The date of the review at which the action's consecutive carry count reached `threshold`. */
function carriedSince(a: Action, threshold: number): IsoDate | null {
	const carried = a.history.filter(h => h.event === 'carried');
	const at = carried.length - a.carriedCount + threshold - 1;
	return carried[at]?.date ?? carried.at(-1)?.date ?? null;
}

function actionProblem(ctx: RuleContext, c: Case, a: Action): Problem | null {
	const {settings: s, today} = ctx;
	if (a.status !== 'open' && a.status !== 'in-progress') return null;
	// Most open actions are not stalled (192 of 8,811 at 5,000 cases): say so before making any list (issue 18).
	const carried = a.carriedCount >= s.stalledCarriedReviews;
	const inProgress = a.status === 'in-progress' && a.startedOn !== null && daysBetween(a.startedOn, today) >= s.stalledInProgressDays;
	if (!carried && !inProgress) return null;
	const reasons: string[] = [];
	const evidence: Evidence[] = [];
	let since: IsoDate | null = null;
	let red = false;
	if (carried) {
		const d = carriedSince(a, s.stalledCarriedReviews) ?? a.createdOn;
		since = d;
		red ||= a.carriedCount >= 2 * s.stalledCarriedReviews;
		reasons.push(`carried over ${plural(a.carriedCount, 'review')} in a row`);
		for (const h of a.history)
			if (h.event === 'carried')
				evidence.push({type: 'action', caseRef: c.ref, id: a.id, date: h.date, detail: `carried${h.reason ? `: ${h.reason}` : ''}`});
	}
	if (a.status === 'in-progress' && a.startedOn !== null) {
		const age = daysBetween(a.startedOn, today);
		if (age >= s.stalledInProgressDays) {
			const d = addDays(a.startedOn, s.stalledInProgressDays);
			since = since === null || d < since ? d : since;
			red ||= age >= 2 * s.stalledInProgressDays;
			reasons.push(`in progress since ${shortDate(a.startedOn, today)} (${days(age)})`);
			evidence.push({type: 'action', caseRef: c.ref, id: a.id, date: a.startedOn, detail: `started ${shortDate(a.startedOn, today)}`});
		}
	}
	if (since === null || since > today) return null;
	const severity: Severity = red ? 'red' : 'amber';
	return {
		id: `stalled-action:${c.ref}:${a.id}`,
		kind: 'stalled-action',
		severity,
		subject: {type: 'case', ref: c.ref, officerId: c.oicId},
		message: `Action "${safeText(a.text)}" is stalled: ${reasons.join('; ')}; due ${shortDate(a.due, today)}`,
		action: 'Find out what is stopping it; re-plan, reassign or drop it with a reason.',
		evidence,
		since,
		due: a.due,
	};
}

function mg3Problem(ctx: RuleContext, c: Case): Problem | null {
	const {settings: s, today} = ctx;
	if (c.cps.mg3Status !== 'in-progress' || c.cps.mg3Since === null) return null;
	const age = daysBetween(c.cps.mg3Since, today);
	if (age < s.stalledInProgressDays) return null;
	const mentions = c.updates.filter(u => u.date >= c.cps.mg3Since! && u.date <= today && /\bmg3\b/i.test(u.text));
	const evidence: Evidence[] = [
		{type: 'case', caseRef: c.ref, date: c.cps.mg3Since, detail: `MG3 in progress since ${shortDate(c.cps.mg3Since, today)}`},
	];
	for (const u of mentions.slice(-5))
		evidence.push({type: 'update', caseRef: c.ref, id: String(c.updates.indexOf(u)), date: u.date, detail: 'update mentions the MG3'});
	// Calendar years and months (as the tenure rule words an age), not days / 365.25: QA 6 D5.
	const {years, months} = yearsAndMonthsBetween(c.cps.mg3Since, today);
	const span = years > 0 ? ` (${plural(years, 'year')} ${plural(months, 'month')})` : '';
	return {
		id: `stalled-deliverable:${c.ref}:mg3`,
		kind: 'stalled-deliverable',
		severity: age >= 2 * s.stalledInProgressDays ? 'red' : 'amber',
		subject: {type: 'case', ref: c.ref, officerId: c.oicId},
		message:
			`MG3 "in progress" since ${shortDate(c.cps.mg3Since, today)}: ` +
			`${days(age)}${span}${mentions.length ? `; mentioned in ${plural(mentions.length, 'update')} since then` : ''}`,
		action: 'Ask to see the MG3 draft itself; set a date for submission to CPS or reassign it.',
		evidence,
		since: addDays(c.cps.mg3Since, s.stalledInProgressDays),
	};
}

/**
 * The first day action `a` counted as stalled on `asOf` with its clock started on `from` (an officer's
 * first day answering for the case: README "Case history"), or null when it was not stalled then.
 * Only carries made and days in progress from `from` count: a new officer does not inherit the
 * evidence of a stall that built up before they held the case.
 */
export function actionStalledFrom(a: Action, s: Settings, from: IsoDate, asOf: IsoDate): IsoDate | null {
	const closed = a.history.find(h => h.event === 'done' || h.event === 'dropped');
	// Open on `asOf`: still open now, or closed (done or dropped) only after it.
	const stillOpen = a.status === 'open' || a.status === 'in-progress';
	const openOn = stillOpen ? !closed || closed.date > asOf : closed !== undefined && closed.date > asOf;
	if (!openOn || a.createdOn > asOf) return null;
	let since: IsoDate | null = null;
	const carried = a.history.filter(h => h.event === 'carried' && h.date >= from && h.date <= asOf);
	if (s.stalledCarriedReviews > 0 && carried.length >= s.stalledCarriedReviews) since = carried[s.stalledCarriedReviews - 1]!.date;
	if (a.startedOn !== null && a.startedOn <= asOf) {
		const start = a.startedOn > from ? a.startedOn : from;
		const d = addDays(start, s.stalledInProgressDays);
		if (d <= asOf && (since === null || d < since)) since = d;
	}
	return since;
}

/** The same for the case's MG3 "in progress" (its status now, so only while it is still in progress). */
export function mg3StalledFrom(c: Case, s: Settings, from: IsoDate, asOf: IsoDate): IsoDate | null {
	if (c.cps.mg3Status !== 'in-progress' || c.cps.mg3Since === null || c.cps.mg3Since > asOf) return null;
	const start = c.cps.mg3Since > from ? c.cps.mg3Since : from;
	const d = addDays(start, s.stalledInProgressDays);
	return d <= asOf ? d : null;
}

export function stalledProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'stalled', () => {
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const actions = c.actions;
			for (let i = 0; i < actions.length; i++) {
				const p = actionProblem(ctx, c, actions[i]!);
				if (p) out.push(p);
			}
			const m = mg3Problem(ctx, c);
			if (m) out.push(m);
		}
		return out;
	});
}

/**
 * How these clear (README "Acting on a problem"): a stalled action is settled in a guided review (done,
 * or dropped with a reason; re-planned as a new action); the MG3's progress is the records system's.
 */
export const STALLED_RULE: RuleDeclaration<'stalled-action' | 'stalled-deliverable'> = {
	name: 'Stalled actions and deliverables',
	check: stalledProblems,
	kinds: {
		'stalled-action': {
			label: 'Stalled action',
			report: 'stalledActions',
			resolve: sameWays(
				reviewWay('Settle the action in a guided review: done, or dropped with a reason (step 2), re-planned as a new action (step 4)'),
			),
		},
		'stalled-deliverable': {
			label: 'Stalled deliverable',
			report: 'stalledActions',
			resolve: sameWays(importWay(['MG3 status'], 'Get the MG3 submitted to CPS (or recorded as not required) in the records system')),
		},
	},
};
