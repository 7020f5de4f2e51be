/**
 * The contexts that take the keys over the views: the palette, a filter being typed, a Handover field
 * being edited, a y/n question, and the forms (their reducers look their keys up here: form-keys.ts); and
 * the editing keys every one-line text field shares.
 */
import {bind} from './binding.js';

const PALETTE = 'command palette';
export const PALETTE_BINDINGS = [
	bind({command: 'palette-close', keys: ['Esc', 'Ctrl+P'], where: PALETTE, help: 'close the palette'}),
	bind({command: 'palette-up', keys: ['↑'], where: PALETTE, help: 'previous match'}),
	bind({command: 'palette-down', keys: ['↓'], where: PALETTE, help: 'next match'}),
	bind({command: 'palette-run', keys: ['Enter'], where: PALETTE, help: 'run the command, open the case or show the officer'}),
] as const;

const FILTER = 'typing a filter';
export const FILTER_BINDINGS = [
	bind({command: 'filter-clear', keys: ['Esc'], where: FILTER, help: 'clear the filter'}),
	bind({command: 'filter-keep', keys: ['Enter'], where: FILTER, help: 'keep the filter and stop typing'}),
	bind({command: 'filter-up', keys: ['↑'], where: FILTER, help: 'move up the filtered list'}),
	bind({command: 'filter-down', keys: ['↓'], where: FILTER, help: 'move down the filtered list'}),
] as const;

const FIELD = 'Handover field';
export const FIELD_BINDINGS = [
	bind({command: 'field-cancel', keys: ['Esc'], where: FIELD, help: 'cancel the edit (the old value stays)'}),
	bind({command: 'field-accept', keys: ['Enter'], where: FIELD, help: 'accept what is typed'}),
] as const;

const TEXT = 'any one-line text field: the palette, a filter, a Handover field, a form';
/**
 * The editing keys of every one-line text field (README "Settings"): the palette's query, a list's filter,
 * the Handover view's window and cover, each form's fields (input/text-field.ts editLine reads this table,
 * help lists it). Text rather than actions, so not remapped: the review's text areas have the same keys.
 */
export const TEXT_EDIT_BINDINGS = [
	bind({command: 'erase-char', keys: ['Backspace'], where: TEXT, help: 'erase the last character'}),
	bind({command: 'erase-word', keys: ['Ctrl+W'], where: TEXT, help: 'erase the last word'}),
	bind({command: 'erase-line', keys: ['Ctrl+U'], where: TEXT, help: 'erase the whole line'}),
] as const;
export type TextEditCommand = (typeof TEXT_EDIT_BINDINGS)[number]['command'];

const CONFIRM = 'a y/n question';
/** Every y/n question of the desk, its forms and the reviews (contexts/form-keys.ts confirmAnswer). */
export const CONFIRM_BINDINGS = [
	bind({command: 'confirm-yes', keys: ['y', 'Y'], where: CONFIRM, help: 'yes: do it'}),
	bind({command: 'confirm-no', keys: ['n', 'N'], where: CONFIRM, help: 'no: leave it'}),
	bind({command: 'confirm-cancel', keys: ['Esc'], where: CONFIRM, help: 'no: leave it'}),
] as const;

const FORMS = 'forms';
/**
 * The forms' keys (absence, decision, reallocation, bail and welfare forms): each form's reducer asks
 * this table what a key means (contexts/form-keys.ts), so a remapping here changes the key, the form's own
 * key line, the status bar and help at once. Letters and digits that pick an option by its name or number
 * (the absence reasons' s a t r o, the decision's 1 2) and the editing keys of a text field are not
 * actions: they stay as they are.
 */
export const FORM_BINDINGS = [
	bind({command: 'form-next-field', keys: ['Tab', '↓'], where: FORMS, help: 'next field', inText: true}),
	bind({command: 'form-prev-field', keys: ['Shift+Tab', '↑'], where: FORMS, help: 'previous field', inText: true}),
	bind({
		command: 'form-pick-prev',
		keys: ['↑'],
		where: 'reallocation form',
		help: 'choose the officer above',
		onlyWhen: 'on the Officer field',
	}),
	bind({
		command: 'form-pick-next',
		keys: ['↓'],
		where: 'reallocation form',
		help: 'choose the officer below',
		onlyWhen: 'on the Officer field',
	}),
	bind({command: 'form-choose-prev', keys: ['←'], where: FORMS, help: 'the option before', onlyWhen: 'on a choice'}),
	bind({command: 'form-choose-next', keys: ['→', 'Space'], where: FORMS, help: 'the option after', onlyWhen: 'on a choice'}),
	bind({command: 'form-submit', keys: ['Enter'], where: FORMS, help: 'next field; on the last, check and save', inText: true}),
	bind({command: 'form-cancel', keys: ['Esc'], where: FORMS, help: 'cancel (asks first when something is typed)', inText: true}),
] as const;
