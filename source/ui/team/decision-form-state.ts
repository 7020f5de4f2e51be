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
import {PERFORMANCE_DECISION_WORDS} from '../../domain/status-words.js';
import type {KeyInfo} from '../keymap.js';
import {confirmAnswer, DEFAULT_FORM_KEYS, formCommands, type FormKeys} from '../contexts/form-keys.js';
import {typeIntoField} from '../input/text-field.js';

export const DECISIONS: readonly InspectorDecision[] = ['action-plan', 'not-now'];
/** The inspector's two decisions in the words every sentence uses (domain/status-words.ts), never the stored values. */
export const DECISION_WORDS: Record<InspectorDecision, string> = {
	'action-plan': PERFORMANCE_DECISION_WORDS['action-plan'],
	'not-now': PERFORMANCE_DECISION_WORDS['not-now'],
};

export interface DecisionFormState {
	officerId: string;
	/** Why this form cannot be used (not the inspector, no key to sign with): shown instead of the fields. */
	refusal: string | null;
	decision: InspectorDecision | null;
	reason: string;
	planReviewDate: string;
	/** The fields edited since the form opened (input/text-field.ts typeIntoField): one not yet edited opens on its value, and a character typed replaces it. */
	typed?: readonly string[];
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

/** A key in the form, looked up in the keys in force (`keys`, contexts/form-keys.ts). */
export function decisionFormKey(
	f: DecisionFormState,
	input: string,
	key: KeyInfo,
	keys: FormKeys = DEFAULT_FORM_KEYS,
): DecisionFormOutcome {
	const stay = (form: DecisionFormState): DecisionFormOutcome => ({type: 'stay', form});
	// A refusal shows only why: the form's cancel or submit key (or q) goes back to the Team view.
	if (f.refusal !== null) {
		const c = formCommands(keys, input, key, false);
		return c.has('form-cancel') || c.has('form-submit') || (input === 'q' && !key.ctrl) ? {type: 'close'} : stay(f);
	}
	if (f.saving) return stay(f);
	if (f.confirmDiscard) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {type: 'close'};
		return answer === 'no' ? stay({...f, confirmDiscard: false}) : stay(f);
	}
	if (f.confirm) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {type: 'save', form: {...f, confirm: false}};
		return answer === 'no' ? stay({...f, confirm: false}) : stay(f);
	}
	const c = formCommands(keys, input, key, f.field !== 'decision');
	if (c.has('form-cancel')) return changed(f) ? stay({...f, confirmDiscard: true}) : {type: 'close'};
	const fields = decisionFields(f);
	if (c.has('form-submit')) return f.field === fields.at(-1) ? {type: 'check', form: f} : stay(move(f, 1));
	if (c.has('form-next-field')) return stay(move(f, 1));
	if (c.has('form-prev-field')) return stay(move(f, -1));
	if (f.field === 'decision') {
		const at = f.decision === null ? -1 : DECISIONS.indexOf(f.decision);
		if (c.has('form-choose-prev')) return stay(edit(f, {decision: DECISIONS[at <= 0 ? DECISIONS.length - 1 : at - 1]!}));
		if (c.has('form-choose-next')) return stay(edit(f, {decision: DECISIONS[(at + 1) % DECISIONS.length]!}));
		const n = Number(input);
		if (!key.ctrl && !key.meta && Number.isInteger(n) && n >= 1 && n <= DECISIONS.length)
			return stay(edit(f, {decision: DECISIONS[n - 1]!}));
		return stay(f);
	}
	const field = f.field;
	// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
	const t = typeIntoField(f.typed, field, f[field], input, key, MAX[field]);
	const g = t.typed === f.typed ? f : {...f, typed: t.typed};
	return stay(t.value === f[field] ? g : edit(g, {[field]: t.value}));
}

/** The domain's reasons, put on the form: the first field with a reason gets the focus; none asks y/n. */
export function checkedForm(f: DecisionFormState, errors: readonly DecisionFieldError[]): DecisionFormState {
	if (errors.length === 0) return {...f, errors: [], error: null, confirm: true};
	return {...f, errors, error: null, field: errors[0]!.field};
}
