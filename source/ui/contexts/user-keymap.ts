/**
 * The user's key remapping (README "Settings", the settings file's "keys") checked against the registry
 * and applied: a mapping that names an unknown action or key, or takes a key another action already has
 * there, is said in a sentence and left out; the rest apply, so help, hints and the palette follow.
 */
import type {Binding} from './binding.js';
import {keyMatcher} from './key-names.js';
import {DEFAULT_KEYMAP, remappableActions, remapped, type Keymap} from './registry.js';

export interface UserKeymap {
	keymap: Keymap;
	problems: string[];
}

/**
 * Where two bindings clash: both everywhere, or both limited to views they share. A view's own key over a
 * general one is a shadow, as the defaults have (`l` is "late only" in the Log view), not a clash.
 */
function overlap(a: Binding, b: Binding): boolean {
	if (!a.views || !b.views) return !a.views && !b.views;
	return a.views.some(v => b.views!.includes(v));
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
				`keys: ${list} for ${action} ${bad.length === 1 ? 'is not a key name' : 'are not key names'} the desk reads (a character, Ctrl+ a letter, or a named key such as PgDn); ${action} keeps its keys.`,
			);
			continue;
		}
		usable[action] = names;
	}
	// A key given to two actions that can both be reached in one place: the remapping that caused it is left out.
	let keymap = remapped(base, usable);
	for (const table of ['desk', 'palette', 'filter', 'field', 'confirm'] as const) {
		for (const b of keymap[table] as readonly Binding[]) {
			if (!usable[b.command]) continue;
			const clash = (keymap[table] as readonly Binding[]).find(
				o => o.command !== b.command && overlap(o, b) && o.keys.some(k => b.keys.includes(k)),
			);
			if (!clash) continue;
			const key = clash.keys.find(k => b.keys.includes(k))!;
			problems.push(
				`keys: ${key} for ${b.command} is already ${clash.command}'s key; give ${clash.command} other keys too, or choose another. ${b.command} keeps its keys.`,
			);
			delete usable[b.command];
		}
		keymap = remapped(base, usable);
	}
	return {keymap, problems};
}
