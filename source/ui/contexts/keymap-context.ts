/**
 * The keymap in force, for the components that write keys into their own lines (a problem's detail, a
 * pane's footer): the desk provides it beside the theme, so a remapped key is shown as remapped there too.
 */
import {createContext, useContext} from 'react';
import {DEFAULT_KEYMAP, type Keymap} from './registry.js';

export const KeymapContext = createContext<Keymap>(DEFAULT_KEYMAP);

export function useKeymap(): Keymap {
	return useContext(KeymapContext);
}
