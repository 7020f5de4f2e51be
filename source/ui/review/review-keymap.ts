/**
 * The guided review's context (docs/architecture.md "Input contexts"): its bindings, in the registry's
 * form. The review reducer asks this table what a key press means (reviewCommands), its footer hints and
 * its own `?` help are built from it, and the desk's `?` help lists it after the desk's; a user's
 * remapping (README "Settings", the actions "review-help", "review-next-step" and so on) changes all of
 * them. While a text field has the focus a printable key (`?`, Space, x) is text, never a command, so
 * every command that must work there also has a key that never types (Ctrl+G, Tab, Esc).
 */
import {bind, commandsFor, type Binding, type BindingSpec} from '../contexts/binding.js';
import {typedKey, type KeyLike} from '../contexts/key-names.js';

export type ReviewCommand =
	| 'help'
	| 'next-step'
	| 'back'
	| 'discard'
	| 'next-field'
	| 'prev-field'
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'choose-prev'
	| 'choose-next'
	| 'toggle'
	| 'press'
	| 'help-up'
	| 'help-down'
	| 'leave'
	| 'next-case'
	/** Listed for help only: picking an option by its number, and a text field's editing keys. */
	| 'choose-number'
	| 'edit';

/** What the focused field is, for hints: which keys do something there. */
export type FieldKind = 'text' | 'choice' | 'toggle' | 'button' | 'none';

export interface ReviewBinding extends Binding<ReviewCommand> {
	/** Short words for the footer ("next step"), and where they apply; no hint when absent. */
	hint?: {words: string; where: readonly FieldKind[] | 'all'};
	/** Listed in help, not an action: its keys are not looked up and cannot be remapped. */
	fixed?: true;
}

const WHERE = 'guided review';
const ALL = 'all' as const;

const rb = (spec: Omit<BindingSpec<ReviewCommand>, 'where'> & Pick<ReviewBinding, 'hint' | 'fixed'>): ReviewBinding => {
	const b = bind({...spec, where: WHERE});
	return spec.fixed ? {...b, matches: () => false, matchesTyping: () => false} : b;
};

export const REVIEW_KEYMAP: readonly ReviewBinding[] = [
	rb({
		command: 'help',
		keys: ['?', 'Ctrl+G'],
		help: 'this list of keys (in a text field a printable key is text: a key that does not type works there)',
		inText: true,
		hint: {words: 'help', where: ALL},
	}),
	rb({
		command: 'choose-prev',
		keys: ['←'],
		help: 'the option before (done / carried over / dropped, keep / change, an owner, ...)',
		onlyWhen: 'on a choice',
		hint: {words: 'choose', where: ['choice']},
	}),
	rb({command: 'choose-next', keys: ['→', 'Space'], help: 'the option after', onlyWhen: 'on a choice'}),
	rb({
		command: 'choose-number',
		keys: ['1-99'],
		help: 'choose an option by its number (10 and above: both digits quickly, 1 then 2 for 12)',
		fixed: true,
	}),
	rb({
		command: 'toggle',
		keys: ['Space', 'x'],
		help: 'tick or untick a welfare flag',
		onlyWhen: 'on a flag',
		hint: {words: 'tick', where: ['toggle']},
	}),
	rb({
		command: 'press',
		keys: ['Enter', 'Space'],
		help: 'add or remove an action, sign (asks first); in a one-line field or on a choice, the next field',
		inText: true,
		hint: {words: 'press', where: ['button']},
	}),
	rb({
		command: 'up',
		keys: ['↑'],
		help: 'previous field (in a long text, from its first line); scroll a step with nothing to fill in',
		inText: true,
		hint: {words: 'scroll', where: ['none']},
	}),
	rb({command: 'down', keys: ['↓'], help: 'next field (in a long text, from its last line); scroll down', inText: true}),
	rb({command: 'page-up', keys: ['PgUp'], help: 'scroll up a page (step 1, this list)', onlyWhen: 'with something to scroll'}),
	rb({command: 'page-down', keys: ['PgDn'], help: 'scroll down a page (step 1, this list)', onlyWhen: 'with something to scroll'}),
	rb({
		command: 'next-field',
		keys: ['Tab'],
		help: 'next field (from the last field: next step)',
		inText: true,
		hint: {words: 'next field', where: ['text', 'choice', 'toggle', 'button']},
	}),
	rb({command: 'prev-field', keys: ['Shift+Tab'], help: 'previous field', inText: true}),
	rb({
		command: 'next-step',
		keys: ['Ctrl+N'],
		help: 'next step (only when this step is complete; otherwise its problems show)',
		inText: true,
		hint: {words: 'next step', where: ALL},
	}),
	rb({
		command: 'back',
		keys: ['Esc'],
		help: 'back a step, every answer kept; on step 1 back to the desk (the draft stays); closes this list',
		inText: true,
		hint: {words: 'back', where: ALL},
	}),
	rb({
		command: 'discard',
		keys: ['Ctrl+X'],
		help: 'discard the draft (asks first)',
		inText: true,
		hint: {words: 'discard', where: ALL},
	}),
	rb({command: 'help-up', keys: ['k'], help: 'scroll this list up (also ↑)', onlyWhen: 'in this list'}),
	rb({command: 'help-down', keys: ['j'], help: 'scroll this list down (also ↓)', onlyWhen: 'in this list'}),
	rb({command: 'leave', keys: ['q'], help: 'after signing: back to the desk (also {back}); closes this list', onlyWhen: 'after signing'}),
	rb({command: 'next-case', keys: ['n'], help: 'after signing: the next case in the review queue', onlyWhen: 'after signing'}),
	rb({
		command: 'edit',
		keys: ['←→↑↓', 'Home', 'End', 'Ctrl+A/E/B/F/W/U/K/D', 'Backspace', 'Enter'],
		help: 'edit text (Enter is a new line in a long text; paste works)',
		fixed: true,
	}),
];

/**
 * What a key press means in the review. `typing` is true while a text field has the focus: then a printable
 * key (`?`, Space) is text and gives no command.
 */
export function reviewCommands(
	input: string,
	key: KeyLike,
	typing = false,
	table: readonly ReviewBinding[] = REVIEW_KEYMAP,
): Set<ReviewCommand> {
	return commandsFor(table, input, key, typing);
}

/** The first command a key gives (the reducer's order: help, then the steps' and fields' commands). */
export function reviewCommandFor(
	input: string,
	key: KeyLike,
	typing = false,
	table: readonly ReviewBinding[] = REVIEW_KEYMAP,
): ReviewCommand | undefined {
	return [...reviewCommands(input, key, typing, table)][0];
}

/** The keys of a command as the table in force has them. */
export function reviewKeys(command: ReviewCommand, table: readonly ReviewBinding[] = REVIEW_KEYMAP): readonly string[] {
	return table.find(b => b.command === command)?.keys ?? [];
}

const keysText = (b: ReviewBinding) => b.keys.join(' ');

/** A help text's `{back}` and the like: another review command's key in the table in force (README "Settings"). */
const namedKeys = (text: string, table: readonly ReviewBinding[]) =>
	text.replace(/\{([a-z-]+)\}/g, (whole, c: string) => (table.some(b => b.command === c) ? first(table, c as ReviewCommand) : whole));

/** The review's help as [keys, what they do] pairs, in keymap order. */
export function reviewKeyHelp(table: readonly ReviewBinding[] = REVIEW_KEYMAP): {keys: string; help: string}[] {
	return table.map(b => {
		const help = namedKeys(b.help, table);
		return {keys: keysText(b), help: b.onlyWhen ? `${help} (${b.onlyWhen})` : help};
	});
}

/** For the desk's `?` help, after the desk's own keys. */
export function reviewHelpLines(table: readonly ReviewBinding[] = REVIEW_KEYMAP): string[] {
	const width = Math.max(...table.map(b => keysText(b).length));
	return reviewKeyHelp(table).map(h => `${h.keys.padEnd(width)}  ${h.help} (guided review)`);
}

/** A short hint's keys: in a text field only the keys that do not type; the help's one key, the rest all. */
function hintKeys(b: ReviewBinding, kind: FieldKind): string[] {
	const keys = b.keys.filter(k => !(kind === 'text' && typedKey(k)));
	return b.command === 'help' ? keys.slice(0, 1) : keys;
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
	const first = (c: ReviewCommand) => reviewKeys(c, table)[0] ?? '';
	for (const b of table) {
		if (!b.hint || (b.hint.where !== ALL && !b.hint.where.includes(kind))) continue;
		if (b.command === 'next-step' && options.lastStep) continue;
		if (b.command === 'next-field' && options.lastStep && options.lastField) continue;
		let keys = hintKeys(b, kind).join('/');
		if (b.command === 'choose-prev') keys = `${first('choose-prev')}/${first('choose-next')} 1-${Math.max(1, options.choices ?? 9)}`;
		if (b.command === 'up') keys = `${first('up')}/${first('down')}`;
		if (b.command === 'press') keys = first('press');
		if (keys === '') continue;
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

/** "Esc or ? closes (Ctrl+G in a text field); ↑/↓ scroll": the key list's own title, in the keys in force. */
export function reviewHelpTitle(table: readonly ReviewBinding[] = REVIEW_KEYMAP): string {
	const help = reviewKeys('help', table);
	const typed = help.filter(k => typedKey(k));
	const other = help.filter(k => !typedKey(k));
	const close = [first(table, 'back'), ...typed].filter(Boolean).join(' or ');
	const inText = other.length > 0 ? ` (${other.join('/')} in a text field)` : '';
	return `Keys in the guided review. ${close} closes${inText}; ${first(table, 'up')}/${first(table, 'down')} scroll. Your answers are kept.`;
}

const first = (table: readonly ReviewBinding[], c: ReviewCommand) => reviewKeys(c, table)[0] ?? '';

/** The key a short line names for a command ("Esc", "n"). */
export const reviewKey = (c: ReviewCommand, table: readonly ReviewBinding[] = REVIEW_KEYMAP): string => first(table, c);
