/**
 * The guided review's own keys: while it has the keyboard it takes text, so its commands are chords
 * and keys that never type (Ctrl+N, Esc, Tab), plus `?` where nothing is being typed. The review
 * reducer looks its commands up here, its footer hints and its own `?` help are built from this
 * table, and the desk's `?` help lists it after the desk's, so neither can drift from what the keys do.
 */
import type {KeyPress} from '../text-area/text-area-keys.js';
import {anyKey} from '../contexts/key-names.js';

export type ReviewCommand = 'next-step' | 'back' | 'discard' | 'next-field' | 'prev-field' | 'help';

/** What the focused field is, for hints: which keys do something there. */
export type FieldKind = 'text' | 'choice' | 'toggle' | 'button' | 'none';

export interface ReviewBinding {
	command: ReviewCommand | 'choose' | 'toggle' | 'press' | 'edit' | 'scroll';
	keys: readonly string[];
	help: string;
	/** Only commands the reducer dispatches on have a matcher (made from `keys`); field keys are listed for help. */
	matches?: (input: string, key: KeyPress) => boolean;
	/** The key is a printable character: in a text field it is text, not this command. */
	typesText?: boolean;
	/** Short words for the footer ("next step"), and where they apply; no hint when absent. */
	hint?: {words: string; where: readonly FieldKind[] | 'all'};
}

const ALL = 'all' as const;

export const REVIEW_KEYMAP: readonly ReviewBinding[] = [
	{
		command: 'help',
		keys: ['?'],
		help: 'this list of keys (outside text fields; in a text field ? is text)',
		matches: anyKey(['?']),
		typesText: true,
		hint: {words: 'help', where: ['choice', 'toggle', 'button', 'none']},
	},
	{
		command: 'help',
		keys: ['Ctrl+G'],
		help: 'this list of keys, from anywhere (also in a text field)',
		matches: anyKey(['Ctrl+G']),
		hint: {words: 'help', where: ['text']},
	},
	{
		command: 'choose',
		keys: ['←', '→', '1-99', 'Space'],
		help:
			'choose an option by its number (10 and above: both digits quickly, 1 then 2 for 12) or by arrows ' +
			'(done / carried over / dropped, keep / change, an owner, ...)',
		hint: {words: 'choose', where: ['choice']},
	},
	{command: 'toggle', keys: ['Space', 'x'], help: 'tick or untick a welfare flag', hint: {words: 'tick', where: ['toggle']}},
	{
		command: 'press',
		keys: ['Enter'],
		help: 'add or remove an action, sign (asks first); in a one-line field, next field',
		hint: {words: 'press', where: ['button']},
	},
	{
		command: 'scroll',
		keys: ['↑', '↓', 'PgUp', 'PgDn'],
		help: 'scroll a step with nothing to fill in (step 1); Enter goes on',
		hint: {words: 'scroll', where: ['none']},
	},
	{
		command: 'next-field',
		keys: ['Tab'],
		help: 'next field (from the last field: next step)',
		matches: anyKey(['Tab']),
		hint: {words: 'next field', where: ['text', 'choice', 'toggle', 'button']},
	},
	{command: 'prev-field', keys: ['Shift+Tab'], help: 'previous field', matches: anyKey(['Shift+Tab'])},
	{
		command: 'next-step',
		keys: ['Ctrl+N'],
		help: 'next step (only when this step is complete; otherwise its problems show)',
		matches: anyKey(['Ctrl+N']),
		hint: {words: 'next step', where: ALL},
	},
	{
		command: 'back',
		keys: ['Esc'],
		help: 'back a step, every answer kept; on step 1 back to the desk (the draft stays)',
		matches: anyKey(['Esc']),
		hint: {words: 'back', where: ALL},
	},
	{
		command: 'discard',
		keys: ['Ctrl+X'],
		help: 'discard the draft (asks first)',
		matches: anyKey(['Ctrl+X']),
		hint: {words: 'discard', where: ALL},
	},
	{
		command: 'edit',
		keys: ['←→↑↓', 'Home', 'End', 'Ctrl+A/E/B/F/W/U/K/D', 'Backspace', 'Enter'],
		help: 'edit text (Enter is a new line; paste works)',
	},
];

/**
 * The command a key gives. `typing` is true while a text field has the focus: then a printable key
 * (`?`) is text and gives no command.
 */
export function reviewCommandFor(
	input: string,
	key: KeyPress,
	typing = false,
	table: readonly ReviewBinding[] = REVIEW_KEYMAP,
): ReviewCommand | undefined {
	for (const b of table) if (b.matches?.(input, key) && !(typing && b.typesText)) return b.command as ReviewCommand;
	return undefined;
}

const keysText = (b: ReviewBinding) => b.keys.join(' ');

/** The review's help as [keys, what they do] pairs, in keymap order. */
export function reviewKeyHelp(table: readonly ReviewBinding[] = REVIEW_KEYMAP): {keys: string; help: string}[] {
	return table.map(b => ({keys: keysText(b), help: b.help}));
}

/** For the desk's `?` help, after the desk's own keys. */
export function reviewHelpLines(table: readonly ReviewBinding[] = REVIEW_KEYMAP): string[] {
	const width = Math.max(...table.map(b => keysText(b).length));
	return table.map(b => `${keysText(b).padEnd(width)}  ${b.help} (guided review)`);
}

/**
 * Footer hints for the focused field, keys first ("Ctrl+N next step"), most useful first; the view
 * wraps them whole. `lastStep`: there is no next step (nor, from its `lastField`, a next field);
 * `firstStep`: Esc leaves the review.
 */
export function reviewHints(
	kind: FieldKind,
	options: {firstStep: boolean; lastStep: boolean; lastField?: boolean; choices?: number; pressWords?: string},
	table: readonly ReviewBinding[] = REVIEW_KEYMAP,
): string[] {
	const out: string[] = [];
	for (const b of table) {
		if (!b.hint || (b.hint.where !== ALL && !b.hint.where.includes(kind))) continue;
		if (b.command === 'next-step' && options.lastStep) continue;
		if (b.command === 'next-field' && options.lastStep && options.lastField) continue;
		let keys = keysText(b);
		if (b.command === 'choose') keys = `←/→ 1-${Math.max(1, options.choices ?? 9)}`;
		if (b.command === 'scroll') keys = '↑↓';
		const words =
			b.command === 'back' && options.firstStep
				? 'leave (draft kept)'
				: b.command === 'press' && options.pressWords
					? options.pressWords
					: b.hint.words;
		out.push(`${keys} ${words}`);
	}
	return out;
}
