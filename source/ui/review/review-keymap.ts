/**
 * The guided review's own keys: while it has the keyboard it takes text, so its commands are chords
 * and keys that never type (Ctrl+N, Esc, Tab). The review reducer looks its commands up here and the
 * desk's `?` help lists this table after the desk's, so help cannot drift from what the keys do.
 */
import type {KeyPress} from '../text-area/text-area-keys.js';

export type ReviewCommand = 'next-step' | 'back' | 'discard' | 'next-field' | 'prev-field';

export interface ReviewBinding {
	command: ReviewCommand | 'choose' | 'toggle' | 'press' | 'edit';
	keys: readonly string[];
	help: string;
	/** Only commands the reducer dispatches on have a matcher; field keys are listed for help. */
	matches?: (input: string, key: KeyPress) => boolean;
}

export const REVIEW_KEYMAP: readonly ReviewBinding[] = [
	{command: 'next-step', keys: ['Ctrl+N'], help: 'next step (only when this step is complete; otherwise its problems show)', matches: (i, k) => k.ctrl && i === 'n'},
	{command: 'back', keys: ['Esc'], help: 'back a step, every answer kept; on step 1 back to the desk (the draft stays)', matches: (_i, k) => k.escape},
	{command: 'discard', keys: ['Ctrl+X'], help: 'discard the draft (asks first)', matches: (i, k) => k.ctrl && i === 'x'},
	{command: 'next-field', keys: ['Tab'], help: 'next field (from the last field: next step)', matches: (_i, k) => k.tab && !k.shift},
	{command: 'prev-field', keys: ['Shift+Tab'], help: 'previous field', matches: (_i, k) => k.tab && k.shift},
	{command: 'choose', keys: ['←', '→', '1-9', 'Space'], help: 'choose an option (done / carried over / dropped, keep / change, ...)'},
	{command: 'toggle', keys: ['Space'], help: 'tick or untick a welfare flag'},
	{command: 'press', keys: ['Enter'], help: 'add or remove an action, sign (asks first); in a one-line field, next field'},
	{command: 'edit', keys: ['←→↑↓', 'Home', 'End', 'Ctrl+A/E/W/U/K/D', 'Enter'], help: 'edit text (Enter is a new line; paste works)'},
];

export function reviewCommandFor(input: string, key: KeyPress): ReviewCommand | undefined {
	for (const b of REVIEW_KEYMAP) if (b.matches?.(input, key)) return b.command as ReviewCommand;
	return undefined;
}

export function reviewHelpLines(): string[] {
	const width = Math.max(...REVIEW_KEYMAP.map(b => b.keys.join(' ').length));
	return REVIEW_KEYMAP.map(b => `${b.keys.join(' ').padEnd(width)}  ${b.help} (guided review)`);
}
