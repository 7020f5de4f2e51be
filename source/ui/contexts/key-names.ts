/**
 * Keys by name, as help and the settings file write them ("j", "G", "Ctrl+P", "Shift+Tab", "PgDn", "↓"):
 * every binding's matcher is built from its names, so remapping a key (README "Settings") is a change of
 * names and nothing else. Alt and F-keys are deliberately absent: they do not reach Ink reliably through
 * terminals and multiplexers.
 */
import type {Key} from 'ink';

/** The subset of Ink's Key the keymap reads (tests and the reducer build it without Ink). */
export type KeyInfo = Pick<
	Key,
	| 'upArrow'
	| 'downArrow'
	| 'leftArrow'
	| 'rightArrow'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'ctrl'
	| 'shift'
	| 'tab'
	| 'backspace'
	| 'delete'
	| 'meta'
> & {
	/** The whole text of a bracketed paste, in `input` (see input/paste.ts). */
	paste?: boolean;
};

/** An empty KeyInfo, for building key presses in code. */
export const NO_KEY: KeyInfo = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

/** A key press as the desk (KeyInfo) or a review screen (text-area KeyPress, paging optional) has it. */
export type KeyLike = Omit<KeyInfo, 'pageUp' | 'pageDown'> & Partial<Pick<KeyInfo, 'pageUp' | 'pageDown'>>;

export type KeyMatcher = (input: string, key: KeyLike) => boolean;

const plain = (key: KeyLike) => !key.ctrl && !key.meta;

/** The keys that have a name rather than a character. */
const NAMED: Record<string, KeyMatcher> = {
	'↑': (_i, k) => k.upArrow,
	'↓': (_i, k) => k.downArrow,
	'←': (_i, k) => k.leftArrow,
	'→': (_i, k) => k.rightArrow,
	PgUp: (_i, k) => k.pageUp === true,
	PgDn: (_i, k) => k.pageDown === true,
	Home: (_i, k) => k.home,
	End: (_i, k) => k.end,
	Enter: (_i, k) => k.return,
	Esc: (_i, k) => k.escape,
	Tab: (_i, k) => k.tab && !k.shift,
	'Shift+Tab': (_i, k) => k.tab && k.shift,
	Backspace: (_i, k) => k.backspace || k.delete,
	Space: (i, k) => i === ' ' && plain(k),
};

/** The names a settings file may use besides these: a printable character, or Ctrl and a letter. */
export const KEY_NAME_FORMS = `a printable character ("j", "G", "?"), Ctrl+ and a letter ("Ctrl+P"), or one of ${Object.keys(NAMED).join(', ')}`;

/** The matcher for a key name, or undefined when the name is not one this desk can bind. */
export function keyMatcher(name: string): KeyMatcher | undefined {
	const named = NAMED[name];
	if (named) return named;
	const ctrl = /^Ctrl\+([A-Za-z])$/.exec(name);
	if (ctrl) {
		const letter = ctrl[1]!.toLowerCase();
		return (i, k) => k.ctrl && i === letter;
	}
	if ([...name].length === 1 && name.trim() !== '' && !/\p{Cc}/u.test(name)) return (i, k) => i === name && plain(k);
	return undefined;
}

/**
 * True for a key that types a character (a letter, `?`, Space): in a focused text field it is text, so a
 * binding on it does not act there (README "Settings").
 */
export function typedKey(name: string): boolean {
	return name === 'Space' || ([...name].length === 1 && !NAMED[name]);
}

/** One matcher for several names (any of them). */
export function anyKey(names: readonly string[]): KeyMatcher {
	const matchers = names.map(n => keyMatcher(n)).filter((m): m is KeyMatcher => m !== undefined);
	return (input, key) => matchers.some(m => m(input, key));
}

/**
 * The key a short status-bar hint names for a binding: its typed character when it has one ("j" rather
 * than "↓", ":" rather than "Ctrl+P"), otherwise its first key.
 */
export function hintKey(names: readonly string[]): string {
	return names.find(n => [...n].length === 1 && !/[↑↓←→]/.test(n)) ?? names[0] ?? '';
}
