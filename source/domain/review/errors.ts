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
	override readonly name = 'ReviewError';
	constructor(
		message: string,
		/** Field-level reasons, when the draft failed validation. */
		readonly errors: readonly FieldError[] = [],
	) {
		super(message);
	}
}
