/**
 * The contexts that take the keys over the views: the palette, a filter being typed, a Handover field
 * being edited, a y/n question, and the three forms (their own reducers read the keys: team/ and
 * reallocate/; they are declared here for the status bar, help and remapping of the keys the desk reads).
 */
import {bind} from './binding.js';

const PALETTE = 'command palette';
export const PALETTE_BINDINGS = [
	bind({command: 'palette-close', keys: ['Esc', 'Ctrl+P'], where: PALETTE, help: 'close the palette'}),
	bind({command: 'palette-up', keys: ['↑'], where: PALETTE, help: 'previous match'}),
	bind({command: 'palette-down', keys: ['↓'], where: PALETTE, help: 'next match'}),
	bind({command: 'palette-erase', keys: ['Backspace'], where: PALETTE, help: 'erase the last character typed'}),
	bind({command: 'palette-run', keys: ['Enter'], where: PALETTE, help: 'run the command, open the case or show the officer'}),
] as const;

const FILTER = 'typing a filter';
export const FILTER_BINDINGS = [
	bind({command: 'filter-clear', keys: ['Esc'], where: FILTER, help: 'clear the filter'}),
	bind({command: 'filter-keep', keys: ['Enter'], where: FILTER, help: 'keep the filter and stop typing'}),
	bind({command: 'filter-up', keys: ['↑'], where: FILTER, help: 'move up the filtered list'}),
	bind({command: 'filter-down', keys: ['↓'], where: FILTER, help: 'move down the filtered list'}),
	bind({command: 'filter-erase', keys: ['Backspace'], where: FILTER, help: 'erase the last character typed'}),
] as const;

const FIELD = 'Handover field';
export const FIELD_BINDINGS = [
	bind({command: 'field-cancel', keys: ['Esc'], where: FIELD, help: 'cancel the edit (the old value stays)'}),
	bind({command: 'field-accept', keys: ['Enter'], where: FIELD, help: 'accept what is typed'}),
	bind({command: 'field-erase', keys: ['Backspace'], where: FIELD, help: 'erase the last character typed'}),
] as const;

const CONFIRM = 'a y/n question';
export const CONFIRM_BINDINGS = [
	bind({command: 'confirm-yes', keys: ['y', 'Y'], where: CONFIRM, help: 'yes: do it'}),
	bind({command: 'confirm-no', keys: ['n', 'N'], where: CONFIRM, help: 'no: leave it'}),
	bind({command: 'confirm-cancel', keys: ['Esc'], where: CONFIRM, help: 'no: leave it'}),
] as const;

/** The forms' keys as their reducers read them (team/absence-form-state.ts and the others): listed, not remapped. */
export const FORM_BINDINGS = [
	bind({command: 'form-fields', keys: ['Tab', '↑', '↓'], where: 'absence and decision forms', help: 'next or previous field'}),
	bind({command: 'form-next-field', keys: ['Tab', '↓'], where: 'reallocation form', help: 'next field'}),
	bind({command: 'form-pick', keys: ['↑', '↓'], where: 'reallocation form', help: 'choose the officer'}),
	bind({command: 'form-choose', keys: ['←', '→'], where: 'forms', help: 'choose an option'}),
	bind({command: 'form-save', keys: ['Enter'], where: 'forms', help: 'next field; on the last, check and save'}),
	bind({command: 'form-cancel', keys: ['Esc'], where: 'forms', help: 'cancel (asks first when something is typed)'}),
] as const;
