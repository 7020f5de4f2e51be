import type {StepId} from './steps.js';

/** One inline validation message, tied to the field the UI shows it under. */
export interface FieldError {
	step: StepId;
	/** Dotted path of the field, e.g. `outcomes.<actionId>.reason`, `actions.<key>.owner`, `signOff.nextReviewDue`. */
	field: string;
	message: string;
}

/**
 * Thrown by signReview, amendReview and the draft changes when the request cannot be applied. Inside
 * store.apply a throw leaves the store untouched, so nothing half-signed is ever written.
 */
export class ReviewError extends Error {
	override readonly name: string = 'ReviewError';
	constructor(
		message: string,
		/** Field-level reasons, when the draft failed validation. */
		readonly errors: readonly FieldError[] = [],
	) {
		super(message);
	}
}

/**
 * Thrown by signReview when something the sergeant's answers rest on changed after the review opened
 * (the same case signed by someone else, the case reallocated or its risk changed, a performance
 * decision recorded for the same officer, a fact that now makes an answer required): nothing is
 * written and the answers are kept. The caller shows the message, reads the store again and opens the
 * context afresh (reviewContext) so the sergeant sees what changed; signing with that context is then
 * their informed decision.
 */
export class StaleReviewError extends ReviewError {
	override readonly name = 'StaleReviewError';
}
