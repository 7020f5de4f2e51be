/**
 * Owners who can act, in the guided review (README, "Acting on a problem"): a warning for each new
 * action whose owner is away before it is due. A warning, not a refusal: the sergeant may know the
 * officer is back in time, or that the absence is a single day.
 */
import {ownerAwayWarning} from '../action-owners.js';
import type {ReviewAnswers} from './answers.js';
import type {ReviewContext} from './context.js';
import {parseTypedDate} from './next-review.js';
import {nextReviewDate} from './validate.js';

export interface OwnerWarning {
	/** The draft action's key. */
	key: string;
	/** Field path, as validation uses: `actions.<key>.owner`. */
	field: string;
	message: string;
}

export function actionOwnerWarnings(ctx: ReviewContext, a: ReviewAnswers): OwnerWarning[] {
	const out: OwnerWarning[] = [];
	const people = {officers: [...ctx.officers.values()], absences: ctx.absences};
	for (const x of a.actions) {
		if (!ctx.officers.has(x.ownerId)) continue;
		const typed = x.due.trim() === '' ? null : parseTypedDate(x.due);
		const due = typed !== null && typed > ctx.today ? typed : nextReviewDate(ctx, a);
		const message = ownerAwayWarning(people, x.ownerId, due, ctx.today);
		if (message) out.push({key: x.key, field: `actions.${x.key}.owner`, message});
	}
	return out;
}
