/**
 * The inspector's working queue (README "The review desk", Team view): performance triggers that went
 * to the inspector's exception list (no decision in 14 days, "not now" twice in a row, or escalated by
 * the sergeant: rules/performance.ts), oldest first, and the decision the inspector records on one.
 * The source case: a sergeant never started the action plan, and the inspector did not step in.
 *
 * The inspector decides as a review's step 5 does, less "escalate" (there is no one further up in the
 * store): start an action plan (with its review date) or "not needed now" with a reason. The decision
 * is a signed 'performance-decision' chain entry by the inspector; only an inspector over the team may
 * record it, and no one about themselves (permissions.ts mayDecideTrigger). It takes the trigger off
 * the exception list. Pure: pass the result's `next` to store.apply.
 */
import {addMonths, shortDate, type IsoDate} from './dates.js';
import type {ActionPlan, DecisionEntry, PerformanceDecisionData, StoreData} from './model.js';
import {shortName} from './people.js';
import {mayDecideTrigger} from './permissions.js';
import {cleanInput} from './review/sign.js';
import {parseTypedDate} from './review/next-review.js';
import {LIMITS, PLAN_REVIEW_MONTHS} from './review/validate.js';
import {ruleContext} from './rules/context.js';
import {escalationIn, triggerIn, type TriggerState} from './rules/performance.js';
import {safeText} from './safe-text.js';
import type {Signer} from './signer.js';

export interface EscalatedTrigger {
	officerId: string;
	/** The day it went to the inspector's list. */
	since: IsoDate;
	/** Why, in words: "no decision recorded in 14 days". */
	why: string;
	trigger: TriggerState;
}

/** Every escalated trigger on `today`, the longest waiting first: the inspector's queue. */
export function escalatedTriggers(data: StoreData, today: IsoDate): EscalatedTrigger[] {
	const ctx = ruleContext(data, today);
	const out: EscalatedTrigger[] = [];
	// The same officers the performance rule judges: investigators in post.
	for (const o of ctx.activeOfficers) {
		if (o.role !== 'investigator') continue;
		const escalation = escalationIn(ctx, o.id);
		if (escalation) out.push({officerId: o.id, since: escalation.since, why: escalation.why, trigger: triggerIn(ctx, o.id)});
	}
	return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.officerId < b.officerId ? -1 : 1));
}

/** What the inspector may decide: a review's step 5 less "escalate". */
export type InspectorDecision = 'action-plan' | 'not-now';

export interface TriggerDecisionInput {
	officerId: string;
	decision: InspectorDecision | null;
	/** Required for "not now"; optional for a plan. As typed. */
	reason: string;
	/** The action plan's review date as typed (YYYY-MM-DD or DD/MM/YYYY); blank: three months from today. */
	planReviewDate: string;
}

export type DecisionField = 'decision' | 'reason' | 'planReviewDate';

export interface DecisionFieldError {
	field: DecisionField;
	message: string;
}

/** Thrown by decideEscalatedTrigger; nothing is written (inside store.apply a throw leaves the store as it was). */
export class TriggerDecisionError extends Error {
	override readonly name = 'TriggerDecisionError';
	constructor(
		message: string,
		readonly errors: readonly DecisionFieldError[] = [],
	) {
		super(message);
	}
}

const blank = (s: string) => s.trim() === '';

/** Field by field, as the form shows them; [] when the decision can be recorded. */
export function validateTriggerDecision(data: StoreData, today: IsoDate, input: TriggerDecisionInput): DecisionFieldError[] {
	const out: DecisionFieldError[] = [];
	const who = safeText(shortName(data.officers.find(o => o.id === input.officerId)));
	if (input.decision === null)
		out.push({field: 'decision', message: `Choose a decision for ${who}: an action plan, or not needed now (with a reason).`});
	if (input.decision === 'not-now' && blank(input.reason))
		out.push({field: 'reason', message: 'Say why an action plan is not needed now.'});
	if (input.reason.trim().length > LIMITS.decisionReason)
		out.push({
			field: 'reason',
			message: `The reason is ${input.reason.trim().length} characters; the limit is ${LIMITS.decisionReason}. Shorten it.`,
		});
	if (input.decision === 'action-plan') {
		const plan = triggerIn(ruleContext(data, today), input.officerId).activePlan;
		if (plan)
			out.push({
				field: 'decision',
				message: `${who} is already on an action plan until ${shortDate(plan.expires, today)}; choose not needed now, with a reason.`,
			});
		if (!blank(input.planReviewDate)) {
			const d = parseTypedDate(input.planReviewDate);
			const expires = addMonths(today, data.settings.actionPlanValidMonths);
			if (!d)
				out.push({
					field: 'planReviewDate',
					message: 'Not a date; type YYYY-MM-DD or DD/MM/YYYY, or leave it empty for three months from today.',
				});
			else if (d <= today || d > expires)
				out.push({
					field: 'planReviewDate',
					message: `The plan review date must be after today and no later than ${shortDate(expires, today)}, when the notice expires.`,
				});
		}
	}
	return out;
}

/**
 * Why `actorId` cannot decide `officerId`'s trigger from the queue on `today`, or null when they can:
 * the trigger must be escalated, and the actor an inspector over the team who is not its subject.
 */
export function escalatedDecisionRefusal(data: StoreData, actorId: string, officerId: string, today: IsoDate): string | null {
	const who = safeText(shortName(data.officers.find(o => o.id === officerId)));
	if (!escalationIn(ruleContext(data, today), officerId)) {
		return (
			`${who}'s performance trigger is not on the inspector's exception list, so there is nothing here to decide: their sergeant records the ` +
			`decision in a review (step 5).`
		);
	}
	const may = mayDecideTrigger(data, actorId, officerId, today, true);
	return may.ok ? null : may.reason;
}

export interface SignOptions {
	today: IsoDate;
	/** ISO instant of signing (UTC). */
	signedAt: string;
	/** The inspector at the keyboard. */
	by: string;
	/** Builds the chain entry: the store's signer, or the inspector's key signer once keys are enrolled. */
	sign: Signer;
}

export interface TriggerDecisionResult {
	next: StoreData;
	entry: DecisionEntry;
	plan: ActionPlan | null;
}

/**
 * Records the inspector's decision on an escalated trigger, checked against `data` as it is (the
 * freshest, under the store's lock): refused when it is no longer escalated (decided meanwhile), when
 * the actor may not decide it, or when an answer is missing.
 */
export function decideEscalatedTrigger(data: StoreData, input: TriggerDecisionInput, options: SignOptions): TriggerDecisionResult {
	const {today, signedAt, by, sign} = options;
	const officer = data.officers.find(o => o.id === input.officerId);
	if (!officer) throw new TriggerDecisionError(`There is no officer ${safeText(input.officerId)} in this store.`);
	const refusal = escalatedDecisionRefusal(data, by, officer.id, today);
	if (refusal) throw new TriggerDecisionError(refusal);
	const errors = validateTriggerDecision(data, today, input);
	if (errors.length > 0) throw new TriggerDecisionError(`The decision is not complete: ${errors.map(e => e.message).join(' ')}`, errors);
	const trigger = triggerIn(ruleContext(data, today), officer.id);
	const reason = cleanInput(input.reason);
	const decisionData: PerformanceDecisionData = {
		officerId: officer.id,
		date: today,
		by,
		decision: input.decision!,
		reason: reason === '' ? null : reason,
		evidence: trigger.evidence.slice(0, 50).map(e => e.detail.slice(0, 400)),
		caseRef: null,
	};
	const entry = sign(data.chain, 'performance-decision', decisionData, signedAt) as DecisionEntry;
	let plan: ActionPlan | null = null;
	if (input.decision === 'action-plan') {
		plan = {
			id: `ap-${entry.seq}`,
			officerId: officer.id,
			started: today,
			expires: addMonths(today, data.settings.actionPlanValidMonths),
			reviewDate: (!blank(input.planReviewDate) && parseTypedDate(input.planReviewDate)) || addMonths(today, PLAN_REVIEW_MONTHS),
			endedOn: null,
			decisionSeq: entry.seq,
		};
	}
	const next: StoreData = {...data, chain: [...data.chain, entry], actionPlans: plan ? [...data.actionPlans, plan] : data.actionPlans};
	return {next, entry, plan};
}
