/**
 * A key press with every flag off, as Ink hands over plain text (the paste assembler's shape, without the
 * page keys); tests spread it and turn on the key they mean. Built from the desk's own empty key, so a
 * flag added to Ink's key is added here too.
 */
import {NO_KEY} from '../../source/ui/contexts/key-names.js';
import type {KeyPress} from '../../source/ui/text-area/text-area-keys.js';

const {pageUp: _pageUp, pageDown: _pageDown, paste: _paste, ...plain} = NO_KEY;
export const NO_KEYS: KeyPress = plain;
