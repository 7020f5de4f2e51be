/**
 * What a binding declares (docs/architecture.md "Input contexts"): the keys, the action, what help and the
 * palette say, and the status-bar hint's words. Its matcher is made from its key names, so a remapped
 * binding (user settings) matches, is listed and is hinted by its new keys everywhere at once.
 */
import {anyKey, typedKey, type KeyLike} from './key-names.js';

/** The desk views a binding can be limited to (mirrors desk-state's View). */
export type KeyView = 'cases' | 'team' | 'handover' | 'log' | 'calendar';

export interface Binding<C extends string = string> {
	command: C;
	/** How the keys are written in help and settings, e.g. ["↓", "j"]. */
	keys: readonly string[];
	/** Where the binding applies, in words, for the help screen. */
	where: string;
	/** What it does, in words. */
	help: string;
	/** Also offered in the command palette under this name (undefined = not a palette command). */
	palette?: string;
	/** Only in these views (checked before the general bindings, so `l` means "late only" in the Log view). */
	views?: readonly KeyView[];
	/**
	 * The action must work while a text field has the focus (leave a form, go to the next field): a user's
	 * remapping must then keep a key that is not typed (README "Settings": a printable key is text there).
	 */
	inText?: boolean;
	/** When the action does nothing, in words for help ("only on a choice"): the when-disabled reason. */
	onlyWhen?: string;
	/**
	 * Only for someone who supervises (a sergeant, an inspector, a cover on their days): an officer reading
	 * their own record may never use it (README "Who may change absences": an officer "does none of these,
	 * for anyone"), so their hints, help and palette leave it out (registry.ts offeredKeymap).
	 */
	supervisors?: true;
	/**
	 * Only for an inspector over the team (README "The review desk": an escalated performance trigger is
	 * the inspector's alone): a sergeant or a cover is not offered it either (registry.ts offeredKeymap; QA 4 R-a).
	 */
	inspectors?: true;
	matches(input: string, key: KeyLike): boolean;
	/** The same, while a text field has the focus: printable keys (a letter, `?`, Space) are text there, not this. */
	matchesTyping(input: string, key: KeyLike): boolean;
}

export type BindingSpec<C extends string> = Omit<Binding<C>, 'matches' | 'matchesTyping'>;

const matchers = (keys: readonly string[]) => ({matches: anyKey(keys), matchesTyping: anyKey(keys.filter(k => !typedKey(k)))});

/** A binding from its declaration: the matcher comes from the key names. */
export function bind<C extends string>(spec: BindingSpec<C>): Binding<C> {
	return {...spec, ...matchers(spec.keys)};
}

/** The same binding on other keys (a user's remapping). */
export function rebind<C extends string>(b: Binding<C>, keys: readonly string[]): Binding<C> {
	return {...b, keys, ...matchers(keys)};
}

/** The commands a key press gives in a table, in table order (one key can mean several things: the form picks). */
export function commandsFor<C extends string>(table: readonly Binding<C>[], input: string, key: KeyLike, typing = false): Set<C> {
	const out = new Set<C>();
	for (const b of table) if (typing ? b.matchesTyping(input, key) : b.matches(input, key)) out.add(b.command);
	return out;
}
