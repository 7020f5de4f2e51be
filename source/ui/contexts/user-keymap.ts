/**
 * The user's key remapping (README "Settings", the settings file's "keys") checked against the registry
 * and applied: a mapping that names an unknown action or key, or takes a key another action already has
 * there, is said in a sentence and left out; the rest apply, so help, hints and the palette follow.
 */
import type {Binding} from './binding.js';
import {keyMatcher, typedKey} from './key-names.js';
import {DEFAULT_KEYMAP, REMAPPABLE, remappableActions, remapped, reviewAction, type Keymap} from './registry.js';
import {TEXT_EDIT_BINDINGS} from './modes.js';
import type {ReviewBinding} from '../review/review-keymap.js';

/** Every table a user may remap, the review's included. */
const TABLES = [...REMAPPABLE, 'review'] as const;

/** The action's name in a settings file: the review's commands are "review-..." (they share words with the desk's). */
const nameOf = (table: (typeof TABLES)[number], b: Binding): string =>
	table === 'review' ? (reviewAction(b as ReviewBinding) ?? '') : b.command;

export interface UserKeymap {
	keymap: Keymap;
	problems: string[];
}

/**
 * Where two bindings clash: both everywhere, or both limited to views they share. A view's own key over a
 * general one is a shadow, as the defaults have (`l` is "late only" in the Log view), not a clash; so is a
 * key that acts only on one kind of field (`onlyWhen`: ↑ picks the officer on the reallocation form's list).
 */
function overlap(a: Binding, b: Binding): boolean {
	if (a.onlyWhen || b.onlyWhen) return false;
	if (!a.views || !b.views) return !a.views && !b.views;
	return a.views.some(v => b.views!.includes(v));
}

/** Backspace, Ctrl+W and Ctrl+U as a settings file may write them. */
const TEXT_EDIT_KEY_NAMES = new Set(TEXT_EDIT_BINDINGS.flatMap(b => b.keys.map(k => k.toLowerCase())));

/** The tables whose every action works while text is typed (a filter, the palette's query, a field). */
const TYPING_TABLES = new Set(['palette', 'filter', 'field']);

/** The action is looked up while a text field has the focus, so it needs a key that is not typed there. */
function actsInText(table: string, b: Binding): boolean {
	return TYPING_TABLES.has(table) || b.inText === true;
}

export function userKeymap(keys: Readonly<Record<string, readonly string[]>>, base: Keymap = DEFAULT_KEYMAP): UserKeymap {
	const known = new Set(remappableActions());
	const problems: string[] = [];
	const usable: Record<string, readonly string[]> = {};
	for (const [action, names] of Object.entries(keys)) {
		if (!known.has(action)) {
			problems.push(`keys: "${action.slice(0, 40)}" is not an action that can be remapped (README "Settings" lists them); it is ignored.`);
			continue;
		}
		const bad = names.filter(n => !keyMatcher(n));
		if (bad.length > 0) {
			const list = bad.map(n => `"${n.slice(0, 20)}"`).join(', ');
			problems.push(
				`keys: ${list} for ${action} ${bad.length === 1 ? 'is not a key name' : 'are not key names'} the desk reads (a character, Ctrl+ a letter, or a ` +
					`named key such as PgDn); ${action} keeps its keys.`,
			);
			continue;
		}
		const inText = TABLES.some(t => (base[t] as readonly Binding[]).some(b => nameOf(t, b) === action && actsInText(t, b)));
		if (inText && names.every(typedKey)) {
			const quoted = names.map(n => `"${n.slice(0, 20)}"`).join(', ');
			problems.push(
				`keys: ${action} works while a text field has the focus, where ${quoted} ${names.length === 1 ? 'is' : 'are'} typed as text; ` +
					`give it a key that does not type (Esc, Tab, Ctrl+ a letter, ...) too. ${action} keeps its keys.`,
			);
			continue;
		}
		// The editing keys of every text field are not an action's to take there (contexts/modes.ts TEXT_EDIT_BINDINGS).
		const editing = inText ? names.find(n => TEXT_EDIT_KEY_NAMES.has(n.trim().toLowerCase())) : undefined;
		if (editing !== undefined) {
			problems.push(
				`keys: ${action} works while a text field has the focus, where "${editing.slice(0, 20)}" edits the text (Backspace, Ctrl+W, ` +
					`Ctrl+U); choose another key. ${action} keeps its keys.`,
			);
			continue;
		}
		usable[action] = names;
	}
	// A key given to two actions that can both be reached in one place: the remapping that caused it is left out.
	let keymap = remapped(base, usable);
	for (const table of TABLES) {
		for (const b of keymap[table] as readonly Binding[]) {
			const name = nameOf(table, b);
			if (!usable[name]) continue;
			const clash = (keymap[table] as readonly Binding[]).find(
				o => o.command !== b.command && overlap(o, b) && o.keys.some(k => b.keys.includes(k)),
			);
			if (!clash) continue;
			const key = clash.keys.find(k => b.keys.includes(k))!;
			const other = nameOf(table, clash);
			problems.push(
				`keys: ${key} for ${name} is already ${other}'s key; give ${other} other keys too, or choose another. ${name} keeps its keys.`,
			);
			delete usable[name];
		}
		keymap = remapped(base, usable);
	}
	return {keymap, problems};
}
