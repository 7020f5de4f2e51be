/**
 * The desk's record forms (README "Acting on a problem"): a bail event on a case (`b`) and a welfare
 * event for an officer (`w`). One small form engine for both: fields in order, each a choice (←/→ or
 * Space) or typed text, the fields shown depending on what is chosen (an extension asks who authorised
 * it). Pure: the desk's reducer routes every key here while a form is open and, on Enter on the last
 * field, checks the record with the domain's own function (bail-form.ts, welfare-form.ts) before asking
 * the shell to save it through store.apply.
 */
import type {KeyInfo} from '../keymap.js';
import {confirmAnswer, DEFAULT_FORM_KEYS, formCommands, type FormKeys} from '../contexts/form-keys.js';
import {typeIntoField} from '../input/text-field.js';

export interface ChoiceOption {
	value: string;
	/** As shown in the form. */
	label: string;
}

export interface FieldSpec {
	id: string;
	label: string;
	/** A choice among these (←/→ or Space); typed text when absent. */
	options?: readonly ChoiceOption[];
	/** Shown after the value, in words: the format, or what a blank means. */
	hint: string;
	/** Longest text kept (a paste cannot grow a field without bound). */
	max: number;
	/** Checked when the field is left (Tab, Shift+Tab, Enter to the next): a refusal keeps the cursor there. */
	check?: (value: string) => string | null;
}

export type RecordFormKind = 'bail' | 'welfare';

export interface RecordFormState {
	kind: RecordFormKind;
	/** The case (bail) or the officer id (welfare) the record is about. */
	subject: string;
	values: Readonly<Record<string, string>>;
	/** As opened: Esc asks before throwing away anything that differs from these. */
	initial: Readonly<Record<string, string>>;
	field: string;
	/** A refusal: under a field, or (field null) about the whole record, in the domain's words. */
	error: {field: string | null; text: string} | null;
	/** Esc on a changed form: y discards, n or Esc goes back. */
	confirmDiscard: boolean;
	/** The fields edited since the form opened (input/text-field.ts typeIntoField): one not yet edited opens on its value, and a character typed replaces it. */
	typed?: readonly string[];
	/** The shell is saving: keys wait. */
	saving: boolean;
	/**
	 * Fields that cannot be filled, and why in words: the welfare note when the welfare file does not open
	 * with the passphrase in force (found as the form opens, not after the note is typed).
	 */
	locked?: Readonly<Record<string, string>>;
	/**
	 * The welfare event is recorded but its note could not be filed (the welfare file locked, full, or on
	 * PostgreSQL an id already taken): the form keeps the note, shows only it, and Enter files it alone.
	 */
	noteFor?: NoteFiling;
}

/** Where a note whose event is already recorded is to be filed: the welfare file's record of it, less the text. */
export interface NoteFiling {
	id: string;
	officerId: string;
	date: string;
	by: string;
}

export type RecordFormOutcome = {type: 'stay'; form: RecordFormState} | {type: 'close'} | {type: 'submit'; form: RecordFormState};

/** The fields a form shows for its values (each kind's file declares its own). */
export type FieldsOf = (f: RecordFormState) => readonly FieldSpec[];

export function openRecordForm(kind: RecordFormKind, subject: string, values: Record<string, string>, fields: FieldsOf): RecordFormState {
	const form: RecordFormState = {kind, subject, values, initial: values, field: '', error: null, confirmDiscard: false, saving: false};
	return {...form, field: fields(form)[0]?.id ?? ''};
}

export function recordFormChanged(f: RecordFormState): boolean {
	const keys = new Set([...Object.keys(f.values), ...Object.keys(f.initial)]);
	return [...keys].some(k => (f.values[k] ?? '') !== (f.initial[k] ?? ''));
}

/** The field with the cursor (the first shown when a choice hid the one it was on). */
export function currentField(f: RecordFormState, fields: FieldsOf): FieldSpec | undefined {
	const shown = fields(f);
	return shown.find(x => x.id === f.field) ?? shown[0];
}

/** True when typed text goes into the form as text (a paste is one insert), not as keys. */
export function recordTakesText(f: RecordFormState, fields: FieldsOf): boolean {
	return !f.saving && !f.confirmDiscard && currentField(f, fields)?.options === undefined;
}

function moveField(f: RecordFormState, fields: FieldsOf, delta: number): RecordFormState {
	const shown = fields(f);
	const at = Math.max(
		0,
		shown.findIndex(x => x.id === f.field),
	);
	const next = shown[Math.min(shown.length - 1, Math.max(0, at + delta))];
	return !next || next.id === f.field ? f : {...f, field: next.id};
}

/** An edit clears an error about the field edited, or about the whole record. */
function setValue(f: RecordFormState, id: string, value: string): RecordFormState {
	const error = f.error && (f.error.field === id || f.error.field === null) ? null : f.error;
	return {...f, values: {...f.values, [id]: value}, error};
}

/** A key in the form, looked up in the keys in force (`keys`, contexts/form-keys.ts). */
export function recordFormKey(
	f: RecordFormState,
	input: string,
	key: KeyInfo,
	fields: FieldsOf,
	keys: FormKeys = DEFAULT_FORM_KEYS,
): RecordFormOutcome {
	const stay = (form: RecordFormState): RecordFormOutcome => ({type: 'stay', form});
	if (f.saving) return stay(f);
	if (f.confirmDiscard) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {type: 'close'};
		return answer === 'no' ? stay({...f, confirmDiscard: false}) : stay(f);
	}
	const spec = currentField(f, fields);
	const c = formCommands(keys, input, key, spec !== undefined && spec.options === undefined);
	if (c.has('form-cancel')) return recordFormChanged(f) ? stay({...f, confirmDiscard: true}) : {type: 'close'};
	if (!spec) return stay(f);
	const here = spec.id === f.field ? f : {...f, field: spec.id};
	// Leaving a field it checks: refused, the cursor stays with the reason under it (nothing typed is lost).
	const leave = (delta: number): RecordFormOutcome => {
		const problem = spec.check?.(here.values[spec.id] ?? '') ?? null;
		return stay(problem === null ? moveField(here, fields, delta) : refused(here, spec.id, problem));
	};
	if (c.has('form-submit')) {
		const shown = fields(here);
		return shown.at(-1)?.id === spec.id ? {type: 'submit', form: here} : leave(1);
	}
	if (c.has('form-next-field')) return leave(1);
	if (c.has('form-prev-field')) return leave(-1);
	if (spec.options) {
		const step = c.has('form-choose-prev') ? -1 : c.has('form-choose-next') ? 1 : 0;
		if (step === 0) return stay(here);
		const n = spec.options.length;
		const at = Math.max(
			0,
			spec.options.findIndex(o => o.value === (here.values[spec.id] ?? '')),
		);
		return stay(setValue(here, spec.id, spec.options[(at + step + n) % n]!.value));
	}
	const value = here.values[spec.id] ?? '';
	// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
	const t = typeIntoField(here.typed, spec.id, value, input, key, spec.max);
	const g = t.typed === here.typed ? here : {...here, typed: t.typed};
	return stay(t.value === value ? g : setValue(g, spec.id, t.value));
}

/** A refusal to show: under `field` (the cursor goes there) or about the whole record. */
export function refused(f: RecordFormState, field: string | null, text: string): RecordFormState {
	return {...f, ...(field ? {field} : {}), saving: false, error: {field, text}};
}
