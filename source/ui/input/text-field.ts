/**
 * Typing into a one-line field of a desk form (absence, decision, reallocation, bail and welfare forms):
 * the same editing as the review's text areas (text-area/: Backspace, Ctrl+W a word, Ctrl+U the line, the
 * same sanitiser), at the field's end, since these fields are short. One text-entry engine for every form.
 */
import type {KeyLike} from '../contexts/key-names.js';
import {textAreaActionFor, type KeyPress} from '../text-area/text-area-keys.js';
import {textAreaReducer} from '../text-area/text-area-state.js';

/** The field's value after a key: unchanged for a key that does not edit text. `max`: longest value kept. */
export function typeInto(value: string, input: string, key: KeyLike, max: number): string {
	const action = textAreaActionFor(input, key as KeyPress, false);
	if (!action) return value;
	return textAreaReducer({value, cursor: value.length}, action, {multiline: false, maxLength: max}).value;
}
