/**
 * The forms' and the y/n questions' keys, as their reducers and their own key lines use them
 * (docs/architecture.md "Input contexts"): a form asks what a key press means here instead of reading
 * Esc or Tab itself, so a user's remapping (README "Settings") moves the key, the form's key line, the
 * status bar and help together. While a text field has the focus a printable key is text, never an action.
 */
import {commandsFor, type Binding} from './binding.js';
import {hintKey, type KeyLike} from './key-names.js';
import {DEFAULT_KEYMAP, type ConfirmCommand, type FormCommand, type Keymap} from './registry.js';

/** The tables a form reads: its own keys and the y/n question's. */
export type FormKeys = Pick<Keymap, 'form' | 'confirm'>;

export const DEFAULT_FORM_KEYS: FormKeys = DEFAULT_KEYMAP;

/** What a key press means in a form; `typing`: a text field has the focus. */
export function formCommands(keys: FormKeys, input: string, key: KeyLike, typing: boolean): Set<FormCommand> {
	return commandsFor(keys.form, input, key, typing);
}

/**
 * A y/n question's answer: typed y or n, or Esc for no; undefined leaves it asked. Ctrl+Y is not a yes:
 * a key name's matcher takes the character alone (key-names.ts).
 */
export function confirmAnswer(keys: Pick<Keymap, 'confirm'>, input: string, key: KeyLike): 'yes' | 'no' | undefined {
	const c = commandsFor<ConfirmCommand>(keys.confirm, input, key);
	if (c.has('confirm-yes')) return 'yes';
	return c.has('confirm-no') || c.has('confirm-cancel') ? 'no' : undefined;
}

/** How a key line names a command's keys: every key ("Tab/↓"), or the one typed key ("y"). */
export function keysText(table: readonly Binding[], command: string, style: 'all' | 'typed' = 'all'): string {
	const keys = table.find(b => b.command === command)?.keys ?? [];
	return style === 'typed' ? hintKey(keys) : keys.join('/');
}

/** A key line from [command, words] parts: "Tab/↓ next  Esc cancel" (each part's keys from the table in force). */
export function keyLine(table: readonly Binding[], parts: readonly (readonly [string, string])[], separator = '  '): string {
	return parts.map(([command, words]) => `${keysText(table, command)} ${words}`).join(separator);
}

/** A question's answer keys in words: "y discards, n goes back to the form". */
export function confirmLine(keys: Pick<Keymap, 'confirm'>, yes: string, no: string, separator = ', '): string {
	return `${keysText(keys.confirm, 'confirm-yes', 'typed')} ${yes}${separator}${keysText(keys.confirm, 'confirm-no', 'typed')} ${no}`;
}

/** "y/n", in the keys in force, for a question's end. */
export function yesNo(keys: Pick<Keymap, 'confirm'>): string {
	return `${keysText(keys.confirm, 'confirm-yes', 'typed')}/${keysText(keys.confirm, 'confirm-no', 'typed')}`;
}

/** The discard question every form asks on Esc with something typed. */
export const discardLine = (keys: Pick<Keymap, 'confirm'>): string =>
	`Discard what you typed? ${confirmLine(keys, 'discards', 'goes back to the form')}`;
