/**
 * Per-step validation, field by field, so the UI can show each message under the field it is about.
 * The same checks run again at signing against the freshest store data: a draft that was valid an
 * hour ago but whose case has changed since is caught there, not written.
 */
import {addMonths, shortDate, type IsoDate} from '../dates.js';
import {shortName} from '../people.js';
import type {ReviewAnswers} from './answers.js';
import type {ReviewContext} from './context.js';
import type {FieldError} from './errors.js';
import {parseTypedDate, reviewWindow} from './next-review.js';
import {REVIEW_STEPS, type StepId} from './steps.js';

/** Longest text each field may hold (the store refuses longer on save). */
export const LIMITS = {
	actionText: 2000,
	reason: 2000,
	rationale: 4000,
	decisionReason: 4000,
	concern: 2000,
	summary: 4000,
	welfareNote: 20_000,
} as const;

/** Default review date of a new action plan: three months, the usual improvement period. */
export const PLAN_REVIEW_MONTHS = 3;

const blank = (s: string): boolean => s.trim() === '';

/**
 * A reason with fewer than two letters in it: a stray key ("1", pressed for a choice on the step before)
 * is not a reason, and with Tab moving on from a step's last field a burst of keys could carry a review
 * past a step on one (QA 8 R19). Two letters still let "no", "ok" or "NFA" through: the sergeant's words.
 */
const wordless = (s: string): boolean => !blank(s) && (s.match(/\p{L}/gu)?.length ?? 0) < 2;
const IN_WORDS = 'Write the reason in words: a key or a number alone is not one.';

function tooLong(step: StepId, field: string, text: string, max: number, what: string): FieldError[] {
	return text.trim().length > max
		? [{step, field, message: `${what} is ${text.trim().length} characters; the limit is ${max}. Shorten it.`}]
		: [];
}

/** The risk after this review, as far as the answers say (the current risk until a change is chosen). */
export function riskAfter(ctx: ReviewContext, a: ReviewAnswers) {
	return a.risk.decision === 'change' && a.risk.newRisk ? a.risk.newRisk : ctx.case.risk;
}

/** The next review date the answers give: the typed date when valid, else the cadence default. */
export function nextReviewDate(ctx: ReviewContext, a: ReviewAnswers): IsoDate {
	const w = reviewWindow(riskAfter(ctx, a), ctx.settings, ctx.today);
	return (!blank(a.signOff.nextReviewDue) && parseTypedDate(a.signOff.nextReviewDue)) || w.latest;
}

/** The date an action plan started today would be reviewed. */
export function planReviewDate(ctx: ReviewContext, a: ReviewAnswers): IsoDate {
	return (!blank(a.performance.planReviewDate) && parseTypedDate(a.performance.planReviewDate)) || addMonths(ctx.today, PLAN_REVIEW_MONTHS);
}

const validators: Record<StepId, (ctx: ReviewContext, a: ReviewAnswers) => FieldError[]> = {
	since: () => [],

	'previous-actions'(ctx, a) {
		const step = 'previous-actions';
		const out: FieldError[] = [];
		for (const action of ctx.openActions) {
			const ans = a.outcomes[action.id];
			const field = `outcomes.${action.id}`;
			if (!ans || ans.outcome === null) {
				out.push({step, field: `${field}.outcome`, message: 'Mark this action done, carried over or dropped.'});
				continue;
			}
			if (ans.outcome !== 'done' && blank(ans.reason)) {
				out.push({
					step,
					field: `${field}.reason`,
					message: `Give a reason for ${ans.outcome === 'carried' ? 'carrying it over' : 'dropping it'}.`,
				});
			}
			if (ans.outcome !== 'done' && wordless(ans.reason)) out.push({step, field: `${field}.reason`, message: IN_WORDS});
			out.push(...tooLong(step, `${field}.reason`, ans.reason, LIMITS.reason, 'The reason'));
		}
		return out;
	},

	risk(ctx, a) {
		const step = 'risk';
		const r = a.risk;
		if (r.decision === null) return [{step, field: 'risk.decision', message: `Keep the risk at ${ctx.case.risk} or change it.`}];
		const out: FieldError[] = [];
		if (r.decision === 'change') {
			if (r.newRisk === null) out.push({step, field: 'risk.newRisk', message: 'Choose the new risk: high, medium or low.'});
			else if (r.newRisk === ctx.case.risk)
				out.push({step, field: 'risk.newRisk', message: `The risk is already ${ctx.case.risk}; choose a different level or keep it.`});
			if (blank(r.rationale)) out.push({step, field: 'risk.rationale', message: 'Say why the risk changes.'});
			else if (wordless(r.rationale)) out.push({step, field: 'risk.rationale', message: IN_WORDS});
		}
		out.push(...tooLong(step, 'risk.rationale', r.rationale, LIMITS.rationale, 'The rationale'));
		return out;
	},

	'action-plan'(ctx, a) {
		const step = 'action-plan';
		const out: FieldError[] = [];
		if (a.actions.length === 0 && blank(a.noActionReason)) {
			out.push({step, field: 'actions', message: 'Add at least one action for the next period, or record why none is needed.'});
		}
		if (a.actions.length === 0 && wordless(a.noActionReason)) out.push({step, field: 'noActionReason', message: IN_WORDS});
		if (a.actions.length === 0) out.push(...tooLong(step, 'noActionReason', a.noActionReason, LIMITS.reason, 'The reason'));
		const owners = new Set(ctx.owners.map(o => o.id));
		for (const x of a.actions) {
			const field = `actions.${x.key}`;
			if (blank(x.text)) out.push({step, field: `${field}.text`, message: 'Write what is to be done.'});
			out.push(...tooLong(step, `${field}.text`, x.text, LIMITS.actionText, 'The action'));
			if (!owners.has(x.ownerId)) out.push({step, field: `${field}.owner`, message: 'Choose an owner from the team.'});
			if (!blank(x.due)) {
				const due = parseTypedDate(x.due);
				if (!due)
					out.push({
						step,
						field: `${field}.due`,
						message: `"${x.due.trim().slice(0, 20)}" is not a date; type YYYY-MM-DD or DD/MM/YYYY, or leave it empty for the next review date.`,
					});
				else if (due <= ctx.today)
					out.push({step, field: `${field}.due`, message: `The due date must be after today (${shortDate(ctx.today)}).`});
			}
		}
		return out;
	},

	performance(ctx, a) {
		const step = 'performance';
		const p = a.performance;
		const out: FieldError[] = [];
		const who = shortName(ctx.oic);
		// On the inspector's exception list: not this reviewer's to decide (context.ts triggerWithInspector).
		if (ctx.triggerWithInspector !== null && p.decision !== null) {
			const message = `${ctx.triggerWithInspector} This review records no decision on it: choose "no decision".`;
			out.push({step, field: 'performance.decision', message});
		}
		if (ctx.decisionRequired && p.decision === null) {
			out.push({
				step,
				field: 'performance.decision',
				message: `${who}'s performance trigger has fired: record a decision (action plan, not needed now${ctx.reviewerIsInspector ? '' : ', or escalate'}).`,
			});
		}
		// Escalation goes to the inspector: theirs to decide, not to pass to themselves (context.ts reviewerIsInspector).
		if (ctx.reviewerIsInspector && p.decision === 'escalate')
			out.push({
				step,
				field: 'performance.decision',
				message: `You are the inspector this would escalate to: decide it here (start an action plan, or not needed now with a reason).`,
			});
		if (p.decision === 'not-now' && blank(p.reason))
			out.push({step, field: 'performance.reason', message: 'Say why an action plan is not needed now.'});
		else if (p.decision === 'not-now' && wordless(p.reason)) out.push({step, field: 'performance.reason', message: IN_WORDS});
		if (p.decision === 'action-plan') {
			const plan = ctx.trigger.activePlan;
			if (plan && plan.endedOn === null && plan.expires >= ctx.today) {
				out.push({
					step,
					field: 'performance.decision',
					message: `${who} is already on an action plan until ${shortDate(plan.expires, ctx.today)}; choose escalate or not needed now.`,
				});
			}
			if (!blank(p.planReviewDate)) {
				const d = parseTypedDate(p.planReviewDate);
				const expires = addMonths(ctx.today, ctx.settings.actionPlanValidMonths);
				if (!d)
					out.push({
						step,
						field: 'performance.planReviewDate',
						message: 'Not a date; type YYYY-MM-DD or DD/MM/YYYY, or leave it empty for three months from today.',
					});
				else if (d <= ctx.today || d > expires)
					out.push({
						step,
						field: 'performance.planReviewDate',
						message: `The plan review date must be after today and no later than ${shortDate(expires, ctx.today)}, when the notice expires.`,
					});
			}
		}
		out.push(...tooLong(step, 'performance.reason', p.reason, LIMITS.decisionReason, 'The reason'));
		out.push(...tooLong(step, 'performance.concern', p.concern, LIMITS.concern, 'The concern'));
		return out;
	},

	welfare(ctx, a) {
		const step = 'welfare';
		const w = a.welfare;
		const out: FieldError[] = [];
		if (ctx.welfareCheckInDue && w.checkIn === null) {
			out.push({
				step,
				field: 'welfare.checkIn',
				message: `A welfare check-in with ${shortName(ctx.oic)} is due: record whether it happened.`,
			});
		}
		if (w.flags.length > 0 && w.checkIn !== true)
			out.push({step, field: 'welfare.flags', message: 'Flags are raised at a check-in: mark the check-in as done, or clear the flags.'});
		out.push(...tooLong(step, 'welfare.note', w.note, LIMITS.welfareNote, 'The note'));
		return out;
	},

	'sign-off'(ctx, a) {
		const step = 'sign-off';
		const out: FieldError[] = [];
		const typed = a.signOff.nextReviewDue;
		if (!blank(typed)) {
			const w = reviewWindow(riskAfter(ctx, a), ctx.settings, ctx.today);
			const d = parseTypedDate(typed);
			if (!d)
				out.push({
					step,
					field: 'signOff.nextReviewDue',
					message: 'Not a date; type YYYY-MM-DD or DD/MM/YYYY, or leave it empty for the date the risk sets.',
				});
			else if (d < w.earliest) out.push({step, field: 'signOff.nextReviewDue', message: 'The next review must be after today.'});
			else if (d > w.latest) {
				out.push({
					step,
					field: 'signOff.nextReviewDue',
					message: `${riskAfter(ctx, a)} risk is reviewed every ${w.days} days: the next review can be no later than ${shortDate(w.latest, ctx.today)}.`,
				});
			}
		}
		out.push(...tooLong(step, 'signOff.summary', a.signOff.summary, LIMITS.summary, 'The summary'));
		return out;
	},
};

/** Field-level messages for one step (empty when the step is complete). */
export function validateStep(ctx: ReviewContext, a: ReviewAnswers, step: StepId): FieldError[] {
	return validators[step](ctx, a);
}

/** Every step's messages, in step order. Empty means the review can be signed. */
export function validateReview(ctx: ReviewContext, a: ReviewAnswers): FieldError[] {
	return REVIEW_STEPS.flatMap(s => validators[s.id](ctx, a));
}

/** The first step with a problem, for "take me there" at sign-off; null when all are complete. */
export function firstIncompleteStep(ctx: ReviewContext, a: ReviewAnswers): StepId | null {
	return REVIEW_STEPS.find(s => validators[s.id](ctx, a).length > 0)?.id ?? null;
}
