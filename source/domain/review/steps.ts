/**
 * The seven steps of the guided 14-day review, in order. One screen each; the heading always says
 * where the sergeant is, so a review interrupted and resumed never leaves them guessing.
 */
import {safeText} from '../safe-text.js';

export const REVIEW_STEPS = [
	{id: 'since', title: 'Since last review'},
	{id: 'previous-actions', title: 'Previous actions'},
	{id: 'risk', title: 'Risk'},
	{id: 'action-plan', title: 'Action plan'},
	{id: 'performance', title: 'Performance'},
	{id: 'welfare', title: 'Welfare'},
	{id: 'sign-off', title: 'Sign-off'},
] as const;

export type StepId = (typeof REVIEW_STEPS)[number]['id'];
export const STEP_COUNT = REVIEW_STEPS.length;
export const STEP_IDS: readonly StepId[] = REVIEW_STEPS.map(s => s.id);

/** Index (0-based) of a step id. */
export function stepIndex(id: StepId): number {
	return STEP_IDS.indexOf(id);
}

/** Clamps a stored step number (a draft from an older or hand-edited file) to a real step. */
export function clampStep(n: unknown): number {
	return typeof n === 'number' && Number.isInteger(n) ? Math.max(0, Math.min(STEP_COUNT - 1, n)) : 0;
}

/** "Review CR/123/24 - step 3 of 7" (the reference is store text, so it is made safe here). */
export function stepHeading(caseRef: string, step: number): string {
	const i = clampStep(step);
	return `Review ${safeText(caseRef)} - step ${i + 1} of ${STEP_COUNT}`;
}

export function stepTitle(step: number): string {
	return REVIEW_STEPS[clampStep(step)]!.title;
}
