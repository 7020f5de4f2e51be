/**
 * What a binding declares (docs/architecture.md "Input contexts"): the keys, the action, what help and the
 * palette say, and the status-bar hint's words. Its matcher is made from its key names, so a remapped
 * binding (user settings) matches, is listed and is hinted by its new keys everywhere at once.
 */
import {anyKey, type KeyInfo} from './key-names.js';

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
	matches(input: string, key: KeyInfo): boolean;
}

export type BindingSpec<C extends string> = Omit<Binding<C>, 'matches'>;

/** A binding from its declaration: the matcher comes from the key names. */
export function bind<C extends string>(spec: BindingSpec<C>): Binding<C> {
	return {...spec, matches: anyKey(spec.keys)};
}

/** The same binding on other keys (a user's remapping). */
export function rebind<C extends string>(b: Binding<C>, keys: readonly string[]): Binding<C> {
	return {...b, keys, matches: anyKey(keys)};
}
