/**
 * Typing into a one-line field of a desk form (absence, decision, reallocation, bail and welfare forms):
 * the same editing as the review's text areas (text-area/: Backspace, Ctrl+W a word, Ctrl+U the line, the
 * same sanitiser), at the field's end, since these fields are short. One text-entry engine for every form,
 * filter, the palette's query and the Handover view's fields.
 */
import {safeText} from '../../domain/safe-text.js';
import type {KeyLike} from '../contexts/key-names.js';
import {textAreaActionFor, type KeyPress} from '../text-area/text-area-keys.js';
import {textAreaReducer} from '../text-area/text-area-state.js';

/** The field's value after a key: unchanged for a key that does not edit text. `max`: longest value kept. */
export function typeInto(value: string, input: string, key: KeyLike, max: number): string {
	const action = textAreaActionFor(input, key as KeyPress, false);
	if (!action) return value;
	return textAreaReducer({value, cursor: value.length}, action, {multiline: false, maxLength: max}).value;
}

/** Typed text added at the end of a one-line field (a filter, the palette's query, a Handover field). */
export function appendTyped(value: string, text: string, max?: number): string {
	return textAreaReducer({value, cursor: value.length}, {type: 'insert', text}, {multiline: false, maxLength: max}).value;
}

/** The field's value less its last character (the field's erase key). */
export function eraseLast(value: string): string {
	return textAreaReducer({value, cursor: value.length}, {type: 'delete-back'}, {multiline: false}).value;
}

/**
 * A one-line field as the forms draw it: the value made safe (store or typed text, never raw control
 * characters), line breaks as spaces, and `_` where the cursor is while it has the focus.
 */
export function fieldShown(value: string, focused: boolean): string {
	return `${safeText(value.replace(/\n/g, ' '))}${focused ? '_' : ''}`;
}
