/**
 * The inspector's decision on an escalated performance trigger, as a small form over the Team view
 * (README "The review desk"): the decision (an action plan, or not needed now), the reason, and the
 * plan's review date. Pure, like the absence form: the desk's reducer routes keys here while the form
 * is open; checking and recording are the domain's (domain/escalated-triggers.ts), and `y` after the
 * question asks the shell to record it. A form opened for someone who may not decide it (or cannot
 * sign) shows only why, before any typing.
 */
import type {DecisionField, DecisionFieldError, InspectorDecision, TriggerDecisionInput} from '../../domain/escalated-triggers.js';
import {LIMITS} from '../../domain/review/validate.js';
import {safeTyped} from '../../domain/safe-text.js';
import type {KeyInfo} from '../keymap.js';

export const DECISIONS: readonly InspectorDecision[] = ['action-plan', 'not-now'];
export const DECISION_WORDS: Record<InspectorDecision, string> = {'action-plan': 'start an action plan', 'not-now': 'not needed now'};

export interface DecisionFormState {
	officerId: string;
	/** Why this form cannot be used (not the inspector, no key to sign with): shown instead of the fields. */
	refusal: string | null;
	decision: InspectorDecision | null;
	reason: string;
	planReviewDate: string;
	field: DecisionField;
	/** The domain's reasons, under the fields they are about. */
	errors: readonly DecisionFieldError[];
	/** A refusal of the whole decision (the store would not save it, decided meanwhile). */
	error: string | null;
	/** Every answer checked: y records, n or Esc goes back to the form. */
	confirm: boolean;
	/** Esc on a changed form: y discards, n or Esc goes back. */
	confirmDiscard: boolean;
	/** Being recorded: keys wait. */
	saving: boolean;
}

export type DecisionFormOutcome =
	| {type: 'stay'; form: DecisionFormState}
	| {type: 'close'}
	/** Enter on the last field: the reducer checks the answers (validateTriggerDecision) and asks to confirm. */
	| {type: 'check'; form: DecisionFormState}
	| {type: 'save'; form: DecisionFormState};

export function openDecisionForm(officerId: string, refusal: string | null = null): DecisionFormState {
	return {
		officerId,
		refusal,
		decision: null,
		reason: '',
		planReviewDate: '',
		field: 'decision',
		errors: [],
		error: null,
		confirm: false,
		confirmDiscard: false,
		saving: false,
	};
}

/** The fields shown: the plan's review date only for an action plan. */
export function decisionFields(f: DecisionFormState): DecisionField[] {
	return f.decision === 'action-plan' ? ['decision', 'reason', 'planReviewDate'] : ['decision', 'reason'];
}

export function decisionInput(f: DecisionFormState): TriggerDecisionInput {
	return {
		officerId: f.officerId,
		decision: f.decision,
		reason: f.reason,
		planReviewDate: f.decision === 'action-plan' ? f.planReviewDate : '',
	};
}

/** True when typed text goes into a field (a paste is one insert). */
export function decisionFormTakesText(f: DecisionFormState): boolean {
	return f.refusal === null && !f.confirm && !f.confirmDiscard && !f.saving && f.field !== 'decision';
}

function changed(f: DecisionFormState): boolean {
	return f.decision !== null || f.reason !== '' || f.planReviewDate !== '';
}

function move(f: DecisionFormState, delta: number): DecisionFormState {
	const fields = decisionFields(f);
	const at = Math.max(0, fields.indexOf(f.field));
	const field = fields[Math.min(fields.length - 1, Math.max(0, at + delta))]!;
	return field === f.field ? f : {...f, field};
}

function edit(f: DecisionFormState, change: Partial<Pick<DecisionFormState, 'decision' | 'reason' | 'planReviewDate'>>): DecisionFormState {
	// The reasons about the field being edited go; the others stay until that field is fixed.
	return {...f, ...change, errors: f.errors.filter(e => e.field !== f.field), error: null};
}

/** Longest text a field keeps: the reason up to its limit and a little (the domain says when it is too long). */
const MAX: Record<Exclude<DecisionField, 'decision'>, number> = {reason: LIMITS.decisionReason + 100, planReviewDate: 20};

export function decisionFormKey(f: DecisionFormState, input: string, key: KeyInfo): DecisionFormOutcome {
	const stay = (form: DecisionFormState): DecisionFormOutcome => ({type: 'stay', form});
	if (f.refusal !== null) return key.escape || key.return || (input === 'q' && !key.ctrl) ? {type: 'close'} : stay(f);
	if (f.saving) return stay(f);
	if (f.confirmDiscard) {
		if (input === 'y' || input === 'Y') return {type: 'close'};
		if (input === 'n' || input === 'N' || key.escape) return stay({...f, confirmDiscard: false});
		return stay(f);
	}
	if (f.confirm) {
		if (input === 'y' || input === 'Y') return {type: 'save', form: {...f, confirm: false}};
		if (input === 'n' || input === 'N' || key.escape) return stay({...f, confirm: false});
		return stay(f);
	}
	if (key.escape) return changed(f) ? stay({...f, confirmDiscard: true}) : {type: 'close'};
	const fields = decisionFields(f);
	if (key.return) return f.field === fields.at(-1) ? {type: 'check', form: f} : stay(move(f, 1));
	if ((key.tab && !key.shift) || key.downArrow) return stay(move(f, 1));
	if ((key.tab && key.shift) || key.upArrow) return stay(move(f, -1));
	if (f.field === 'decision') {
		const at = f.decision === null ? -1 : DECISIONS.indexOf(f.decision);
		if (key.leftArrow) return stay(edit(f, {decision: DECISIONS[at <= 0 ? DECISIONS.length - 1 : at - 1]!}));
		if (key.rightArrow || input === ' ') return stay(edit(f, {decision: DECISIONS[(at + 1) % DECISIONS.length]!}));
		const n = Number(input);
		if (!key.ctrl && !key.meta && Number.isInteger(n) && n >= 1 && n <= DECISIONS.length)
			return stay(edit(f, {decision: DECISIONS[n - 1]!}));
		return stay(f);
	}
	const field = f.field;
	if (key.backspace || key.delete) return stay(edit(f, {[field]: f[field].slice(0, -1)}));
	if (key.ctrl || key.meta || input === '') return stay(f);
	// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
	const text = safeTyped(input, false);
	if (text === '') return stay(f);
	return stay(edit(f, {[field]: (f[field] + text).slice(0, MAX[field])}));
}

/** The domain's reasons, put on the form: the first field with a reason gets the focus; none asks y/n. */
export function checkedForm(f: DecisionFormState, errors: readonly DecisionFieldError[]): DecisionFormState {
	if (errors.length === 0) return {...f, errors: [], error: null, confirm: true};
	return {...f, errors, error: null, field: errors[0]!.field};
}
