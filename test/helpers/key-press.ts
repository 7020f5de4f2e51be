/**
 * A key press with every flag off, as Ink hands over plain text (the paste assembler's shape, without the
 * page keys); tests spread it and turn on the key they mean.
 */
import type {KeyPress} from '../../source/ui/text-area/text-area-keys.js';

export const NO_KEYS = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
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
} as KeyPress;
