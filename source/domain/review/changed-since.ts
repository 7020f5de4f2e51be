/**
 * What changed, between the review opening and the sergeant pressing sign, that their answers rest on.
 * Signing runs on the file as it is under the lock; the sergeant answered what the screen showed them
 * when the review opened. Most changes by other people are simply taken in (the record is built from
 * the fresh data): updates added by an import, a check-in or a concern recorded for the same officer,
 * a review of another case. A few make an answer mean something other than what the sergeant meant,
 * and those stop the signing, with nothing written and every answer kept:
 *
 * - The same case was signed by someone else: a second review written without reading the first would
 *   duplicate or contradict it (their actions closed, their risk, their next date).
 * - The case was reallocated: the performance and welfare answers (and the plan) were about the
 *   officer who held it.
 * - The case's risk was changed: "keep" meant keep the old level, and the next review date follows it.
 * - A performance decision was recorded (or an action plan started or ended) for the same officer while
 *   this review also records one: two decisions made in ignorance of each other would duplicate it,
 *   or add a second "not now" in a row that sends the trigger to the inspector though nobody chose
 *   twice. Without a decision in the answers there is nothing to clash: the fresh trigger is recorded.
 *
 * A review whose answers were complete when it opened but are not on the fresh data (the trigger
 * fired, a check-in fell due) is stopped the same way, so the screen can show the new facts with the
 * field errors. Once the sergeant has seen the fresh context (the caller opens it again), signing with
 * it goes through: the tool prompts, people decide.
 */
import {shortDate} from '../dates.js';
import {shortName} from '../people.js';
import {safeText} from '../safe-text.js';
import type {StoreData} from '../model.js';
import {readAnswers, type ReviewAnswers} from './answers.js';
import {refreshContext, type ReviewContext} from './context.js';
import type {FieldError} from './errors.js';
import {DECISION_WORDS} from './summary.js';

/** One message per change that stops the signing, tied to the step and field it is about. */
export function changesSinceOpened(opened: ReviewContext, fresh: ReviewContext, a: ReviewAnswers): FieldError[] {
	const out: FieldError[] = [];
	const today = fresh.today;
	const ref = safeText(fresh.case.ref);
	const name = (id: string | null | undefined) => safeText(shortName(id ? (fresh.officers.get(id) ?? opened.officers.get(id)) : undefined));

	const theirs = fresh.previousReview;
	if (theirs && theirs.seq !== opened.previousReview?.seq) {
		out.push({
			step: 'since',
			field: 'previousReview',
			message:
				`${name(theirs.data.reviewerId)} signed a review of ${ref} on ${shortDate(theirs.data.date, today)} (entry ${theirs.seq}) after you ` +
				`opened yours. Read it in step 1 and check your answers against it, then sign again, or discard your draft if theirs covers it.`,
		});
	}
	if (fresh.case.oicId !== opened.case.oicId) {
		out.push({
			step: 'performance',
			field: 'performance.decision',
			message:
				`${ref} was reallocated from ${name(opened.case.oicId)} to ${name(fresh.case.oicId)} after you opened this review: your performance and ` +
				`welfare answers were about ${name(opened.case.oicId)}. Check steps 4 to 6, then sign again.`,
		});
	} else if (a.performance.decision !== null && decisionsChanged(opened, fresh)) {
		const last = fresh.trigger.lastDecision;
		const what =
			last && !opened.decisionSeqs.includes(fresh.decisionSeqs.at(-1)!)
				? `${name(last.by)} recorded "${DECISION_WORDS[last.decision]}" for ${name(fresh.case.oicId)} on ${shortDate(last.date, today)}`
				: `The performance decisions or action plan on record for ${name(fresh.case.oicId)} changed`;
		out.push({
			step: 'performance',
			field: 'performance.decision',
			message:
				`${what} after you opened this review${fresh.decisionRequired ? '' : ', so a decision is no longer required here'}. Keep, change or clear ` +
				`yours, then sign again.`,
		});
	}
	if (fresh.case.risk !== opened.case.risk) {
		out.push({
			step: 'risk',
			field: 'risk.decision',
			message:
				`The risk of ${ref} was changed from ${opened.case.risk} to ${fresh.case.risk} after you opened this review (by another user or an ` +
				`import). Check your risk answer and the next review date, then sign again.`,
		});
	}
	return out;
}

/**
 * The same messages for a review not yet signed, against store data: for the screen after the store
 * refused a signing because another user had written first (a store-level conflict names only the
 * record both touched). Throws ReviewError when the case can no longer be reviewed (closed, gone).
 */
export function changesOnData(opened: ReviewContext, data: StoreData, answers: unknown): FieldError[] {
	return changesSinceOpened(opened, refreshContext(opened, data), readAnswers(answers));
}

function decisionsChanged(opened: ReviewContext, fresh: ReviewContext): boolean {
	const a = opened.decisionSeqs;
	const b = fresh.decisionSeqs;
	return (
		a.length !== b.length ||
		a.some((x, i) => x !== b[i]) ||
		(opened.trigger.activePlan?.id ?? null) !== (fresh.trigger.activePlan?.id ?? null) ||
		opened.trigger.activePlan?.endedOn !== fresh.trigger.activePlan?.endedOn
	);
}
