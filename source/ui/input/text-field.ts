/**
 * Typing into a one-line field of a desk form (absence, decision, reallocation, bail and welfare forms):
 * the same editing as the review's text areas (text-area/: the same sanitiser), at the field's end, since
 * these fields are short. One text-entry engine for every form, filter, the palette's query and the
 * Handover view's fields, and one set of editing keys for them all (contexts/modes.ts TEXT_EDIT_BINDINGS:
 * Backspace, Ctrl+W a word, Ctrl+U the line).
 */
import {safeText} from '../../domain/safe-text.js';
import {commandsFor} from '../contexts/binding.js';
import type {KeyLike} from '../contexts/key-names.js';
import {TEXT_EDIT_BINDINGS, type TextEditCommand} from '../contexts/modes.js';
import {textAreaActionFor, type KeyPress} from '../text-area/text-area-keys.js';
import {textAreaReducer, type TextAreaAction} from '../text-area/text-area-state.js';

const ERASE: Record<TextEditCommand, TextAreaAction> = {
	'erase-char': {type: 'delete-back'},
	'erase-word': {type: 'delete-word-back'},
	'erase-line': {type: 'delete-to-line-start'},
};

/** The editing command a key press gives in a one-line field, if any (the shared table). */
export function lineEditCommand(input: string, key: KeyLike): TextEditCommand | undefined {
	// Alt+Backspace is the text area's own word erase (text-area-keys.ts).
	if (key.meta) return undefined;
	return [...commandsFor(TEXT_EDIT_BINDINGS, input, key, true)][0];
}

/** The field's value after an editing command (a character, a word or the line erased from its end). */
export function editLine(value: string, command: TextEditCommand): string {
	return textAreaReducer({value, cursor: value.length}, ERASE[command], {multiline: false}).value;
}

/** The field's value after a key: unchanged for a key that does not edit text. `max`: longest value kept. */
export function typeInto(value: string, input: string, key: KeyLike, max: number): string {
	const command = lineEditCommand(input, key);
	if (command) return editLine(value, command);
	const action = textAreaActionFor(input, key as KeyPress, false);
	if (!action) return value;
	return textAreaReducer({value, cursor: value.length}, action, {multiline: false, maxLength: max}).value;
}

/**
 * A key in a form's one-line field that opens on its value (a pre-filled date, the cover on record):
 * as in the Handover view (README "Handover view": "A field opens on its value: a character typed
 * replaces it"), the first character typed or pasted into a field not yet edited replaces the value, so
 * a date typed over today's is that date, not "2026-11-302026-02-30" (QA pass 3, R6). Any other key the
 * field takes first (Backspace, Ctrl+W, Ctrl+U, ← or →) edits the value instead. `typed` lists the
 * fields edited since the form opened: a value once edited is never thrown away by a keystroke.
 */
export function typeIntoField(
	typed: readonly string[] | undefined,
	field: string,
	value: string,
	input: string,
	key: KeyLike,
	max: number,
): {value: string; typed: readonly string[] | undefined} {
	const edited = typed?.includes(field) ?? false;
	// The field's own keys (help lists them: the editing keys, ← and →); any other key leaves it as it opened.
	const command = lineEditCommand(input, key);
	const insert = command === undefined && textAreaActionFor(input, key as KeyPress, false)?.type === 'insert';
	const arrow = command === undefined && !insert && (key.leftArrow === true || key.rightArrow === true);
	if (command === undefined && !insert && !arrow) return {value, typed};
	return {value: typeInto(insert && !edited ? '' : value, input, key, max), typed: edited ? typed : [...(typed ?? []), field]};
}

/** Typed text added at the end of a one-line field (a filter, the palette's query, a Handover field). */
export function appendTyped(value: string, text: string, max?: number): string {
	return textAreaReducer({value, cursor: value.length}, {type: 'insert', text}, {multiline: false, maxLength: max}).value;
}

/**
 * A one-line field as the forms draw it: the value made safe (store or typed text, never raw control
 * characters), line breaks as spaces, and `_` where the cursor is while it has the focus.
 */
export function fieldShown(value: string, focused: boolean): string {
	return `${safeText(value.replace(/\n/g, ' '))}${focused ? '_' : ''}`;
}
