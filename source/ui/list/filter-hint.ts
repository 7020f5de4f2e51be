import {modeKey, type Keymap} from '../contexts/registry.js';

/** The filter line's own hint, in the keys in force: while typing (keep, clear), or kept (edit, clear). */
export function filterHint(typing: boolean, keymap: Keymap): string {
	if (typing) return `_  (${modeKey(keymap.filter, 'filter-keep')} keeps, ${modeKey(keymap.filter, 'filter-clear')} clears)`;
	return `  (${modeKey(keymap.desk, 'filter')} edits, ${modeKey(keymap.desk, 'back')} clears)`;
}
