/** The `?` help's context: its text, generated from the registry (contexts/registry.ts), and its keys. */
import {deskKeymap} from '../contexts/active.js';
import {helpLines, keysFor, modeHelpLines, type DeskCommand, type Keymap} from '../contexts/registry.js';
import {scrollBy} from '../list/list-window.js';
import {reviewHelpLines} from '../review/review-keymap.js';
import {safeText} from '../../domain/safe-text.js';
import {wrap} from '../text.js';
import type {Layout} from './layout.js';
import type {DeskState} from './desk-state.js';

/** Help takes the editor row and the Problems panel's space. */
export function helpHeight(l: Layout): number {
	return l.mainHeight + l.panelHeight;
}

/** Columns inside the help pane's border. */
export function helpWidth(l: Layout): number {
	return Math.max(20, l.width - l.activityWidth - 2);
}

let lastHelp: {width: number; keymap: Keymap | undefined; lines: string[]} | undefined;

/** The help, wrapped to `width`: a long line continues under its description, keys column kept clear. */
export function helpText(width = 1000, keymap?: Keymap): string[] {
	if (lastHelp?.width === width && lastHelp.keymap === keymap) return lastHelp.lines;
	const raw = [
		`Keys (this list is generated from the keymaps that drive them). ${keysFor('back', keymap)} closes.`,
		'',
		...helpLines(keymap),
		'Where the palette, a filter, a field, a question or a form has the keys:',
		...modeHelpLines(keymap),
		'',
		`In the guided review (${keysFor('review', keymap)}, ${keysFor('review-queue', keymap)}):`,
		...reviewHelpLines(keymap?.review),
	];
	const lines = raw.flatMap(l => wrapHelpLine(l, width));
	lastHelp = {width, keymap, lines};
	return lines;
}

function wrapHelpLine(line: string, width: number): string[] {
	const keys = /^\S.*?\s{2,}/.exec(line)?.[0] ?? '';
	if (keys === '' || keys.length <= width / 2) {
		if (line.length <= width) return [line];
		if (keys === '') return wrap(line, width);
		// "keys  what it does (where)": continuation lines start under "what it does".
		return wrap(line.slice(keys.length), width - keys.length).map((b, i) => (i === 0 ? keys : ' '.repeat(keys.length)) + b);
	}
	// A keys column too wide to keep at this width: the keys, then the words, continuing four columns in.
	const [first = '', ...rest] = wrap(`${keys.trimEnd()}  ${line.slice(keys.length)}`, width);
	return [first, ...(rest.length ? wrap(rest.join(' '), width - 4).map(b => `    ${b}`) : [])];
}

/**
 * Help as the desk shows it: the last notice whole at its top when there is one (the status bar cuts a long
 * notice at its width and says that help shows it: status-bar.tsx), then the keys.
 */
export function deskHelpLines(s: Pick<DeskState, 'layout' | 'lastNotice'> & Parameters<typeof deskKeymap>[0]): string[] {
	const width = helpWidth(s.layout);
	const keys = helpText(width, deskKeymap(s));
	if (s.lastNotice === null) return keys;
	return ['Last notice, in full:', ...wrap(safeText(s.lastNotice), width - 2).map(l => `  ${l}`), '', ...keys];
}

/** A desk command while help is open: back or help close it, quit quits, the moving keys scroll it. */
export function onHelpCommand(s: DeskState, command: DeskCommand | undefined): DeskState {
	if (command === 'back' || command === 'help') return {...s, overlay: null};
	if (command === 'quit') return {...s, quit: true};
	const lines = deskHelpLines(s).length;
	const visible = Math.max(1, helpHeight(s.layout) - 3);
	const by: Partial<Record<DeskCommand, number>> = {down: 1, up: -1, 'page-down': visible, 'page-up': -visible, last: lines, first: -lines};
	const step = command ? (by[command] ?? 0) : 0;
	return step === 0 ? s : {...s, helpScroll: scrollBy(s.helpScroll, step, lines, visible)};
}
