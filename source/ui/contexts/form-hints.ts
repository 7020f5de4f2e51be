/**
 * Each form's key hints, generated from its bindings in force (contexts/modes.ts FORM_BINDINGS, the y/n
 * question's CONFIRM_BINDINGS): the form's own key line and the status bar both come from here, and name
 * only keys that act in the form's state (no "next field" on the last field, only y/n under a question).
 */
import {confirmLine, keysText} from './form-keys.js';
import type {Keymap} from './registry.js';
import type {AbsenceFormState} from '../team/absence-form-state.js';
import {formFields, savesOn} from '../team/absence-form-state.js';
import {decisionFields, type DecisionFormState} from '../team/decision-form-state.js';
import {REALLOCATE_FIELDS, type ReallocateFormState} from '../reallocate/reallocate-form-state.js';
import {currentField, type FieldsOf, type RecordFormState} from '../record/record-form-state.js';

type Keys = Pick<Keymap, 'form' | 'confirm'>;

const k = (keys: Keys, command: string) => keysText(keys.form, command);

/** "Tab/↓ next", "Shift+Tab/↑ previous": only where there is a field to go to. */
function moving(keys: Keys, at: number, count: number, next = 'next'): string[] {
	return [
		...(at < count - 1 ? [`${k(keys, 'form-next-field')} ${next}`] : []),
		...(at > 0 ? [`${k(keys, 'form-prev-field')} previous`] : []),
	];
}

/** A command's keys less those the reallocation form's list takes first (form-pick-prev/next). */
function unshadowed(keys: Keys, command: string): string {
	const picks = keys.form.filter(b => b.command === 'form-pick-prev' || b.command === 'form-pick-next').flatMap(b => b.keys);
	const own = keys.form.find(b => b.command === command)?.keys ?? [];
	return own.filter(x => !picks.includes(x)).join('/');
}

const choose = (keys: Keys, words = 'choose') => `${k(keys, 'form-choose-prev')}/${k(keys, 'form-choose-next')} ${words}`;

/** The y/n question's hint: "y discards, n goes back to the form" in the keys in force. */
const discard = (keys: Keys) => [confirmLine(keys, 'discards', 'goes back to the form')];

export function absenceFormHints(f: AbsenceFormState, keys: Keys): string[] {
	if (f.saving) return [];
	if (f.confirmDiscard) return discard(keys);
	const fields = formFields(f);
	const at = fields.indexOf(f.field);
	return [
		// Changing an absence, the cover's days follow Cover: Enter saves there too (they are optional).
		...moving(keys, at, fields.length, f.field === 'cover' && at < fields.length - 1 ? "next (the cover's days)" : 'next'),
		...(f.field === 'reason' ? [choose(keys)] : []),
		`${k(keys, 'form-submit')} ${savesOn(f) ? 'saves' : 'next field, saves on Cover'}`,
		`${k(keys, 'form-cancel')} cancel`,
	];
}

export function decisionFormHints(f: DecisionFormState, keys: Keys): string[] {
	if (f.saving) return [];
	if (f.refusal !== null) return [`${k(keys, 'form-cancel')} back to the Team view`];
	if (f.confirmDiscard) return discard(keys);
	if (f.confirm) return [confirmLine(keys, 'record', 'not yet', ' / ')];
	const fields = decisionFields(f);
	const at = Math.max(0, fields.indexOf(f.field));
	const last = at === fields.length - 1;
	return [
		...moving(keys, at, fields.length),
		...(f.field === 'decision' ? [choose(keys)] : []),
		`${k(keys, 'form-submit')} ${last ? 'check and record' : 'next field, then check and record'}`,
		`${k(keys, 'form-cancel')} cancel`,
	];
}

export function reallocateFormHints(f: ReallocateFormState, keys: Keys): string[] {
	if (f.saving) return [];
	if (f.confirmDiscard) return discard(keys);
	if (f.confirmAway) return [confirmLine(keys, 'move it anyway', 'choose again', ' | ')];
	const at = REALLOCATE_FIELDS.indexOf(f.field);
	return [
		// On the officer list ↓ picks the officer below: the next-field hint names only the keys that move.
		...moving(keys, at, REALLOCATE_FIELDS.length, 'next field').map(h =>
			f.field === 'officer' ? h.replace(/^\S+/, unshadowed(keys, 'form-next-field')) : h,
		),
		...(f.field === 'officer' ? [`${k(keys, 'form-pick-prev')}/${k(keys, 'form-pick-next')} choose the officer`, 'type to narrow'] : []),
		`${k(keys, 'form-submit')} ${f.field === 'reason' ? 'saves' : 'next, saves on Reason'}`,
		`${k(keys, 'form-cancel')} cancel`,
	];
}

export function recordFormHints(f: RecordFormState, fields: FieldsOf, keys: Keys): string[] {
	if (f.saving) return [];
	if (f.confirmDiscard) return discard(keys);
	const shown = fields(f);
	const spec = currentField(f, fields);
	const at = Math.max(
		0,
		shown.findIndex(x => x.id === spec?.id),
	);
	return [
		...moving(keys, at, shown.length),
		...(spec?.options ? [choose(keys)] : []),
		`${k(keys, 'form-submit')} ${at === shown.length - 1 ? 'saves' : 'next, saves on the last'}`,
		`${k(keys, 'form-cancel')} cancel`,
	];
}
