/**
 * The palette's context: a query typed, its matches (every palette command of the registry, every officer
 * and case), and Enter to run one. Its keys are the registry's (contexts/modes.ts PALETTE_BINDINGS, and TEXT_EDIT_BINDINGS for editing the query).
 */
import {deskKeymap} from '../contexts/active.js';
import {appendTyped, editLine, lineEditCommand} from '../input/text-field.js';
import {contextCommand, type DeskCommand} from '../contexts/registry.js';
import type {KeyInfo} from '../contexts/key-names.js';
import {isPlainText} from '../input/split-keys.js';
import {paletteMatches, type PaletteTarget} from '../palette/palette-items.js';
import {runCommand} from './desk-commands.js';
import {openCase, setView, showOfficer} from './desk-navigation.js';
import type {DeskState, View} from './desk-state.js';

/** Every match of the query (the palette scrolls through them all), the current view's commands first when it is empty. */
export function currentPaletteMatches(s: DeskState) {
	return paletteMatches(s.model, s.palette.query, Infinity, deskKeymap(s), s.view);
}

export function onPaletteInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	const p = s.palette;
	switch (contextCommand(s.keymap.palette, input, key, true)) {
		case 'palette-close':
			return {...s, overlay: null};
		case 'palette-up':
			return {...s, palette: {...p, cursor: Math.max(0, p.cursor - 1)}};
		case 'palette-down':
			return {...s, palette: {...p, cursor: Math.min(currentPaletteMatches(s).length - 1, p.cursor + 1)}};
		case 'palette-run': {
			const item = currentPaletteMatches(s)[p.cursor];
			const closed: DeskState = {...s, overlay: null, palette: {query: '', cursor: 0}};
			return item ? runTarget(closed, item.target) : {...closed, notice: `Nothing matches "${p.query}".`};
		}
	}
	const edit = lineEditCommand(input, key);
	if (edit) return {...s, palette: {query: editLine(p.query, edit), cursor: 0}};
	if (isPlainText(input, key)) return {...s, palette: {query: appendTyped(p.query, input), cursor: 0}};
	return s;
}

/** Palette commands of the Log and Handover views go to their view first, where their result is seen. */
function commandView(s: DeskState, command: DeskCommand): View | undefined {
	const views = s.keymap.desk.find(b => b.command === command)?.views;
	return views?.length === 1 && (views[0] === 'log' || views[0] === 'handover') ? views[0] : undefined;
}

function runTarget(s: DeskState, t: PaletteTarget): DeskState {
	if (t.type === 'command') {
		const view = commandView(s, t.command);
		return runCommand(view ? {...setView(s, view), focus: 'explorer'} : s, t.command);
	}
	if (t.type === 'case') return openCase(s, t.ref);
	return showOfficer(s, t.officerId);
}
