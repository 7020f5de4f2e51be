/**
 * The Calendar view's cursor: an officer's row and a day. A reducer of key presses, as the Handover
 * view's, so the desk applies keys in order and never reads a stale closure. Enter asks the desk to
 * open the case under the cursor (the most urgent mark of the cell); the desk owns tabs, so the
 * reducer only says which.
 */
import {commandFor, keysFor, type DeskCommand, type KeyInfo} from '../../keymap.js';
import type {CalendarGrid} from './calendar-grid.js';

export interface CalendarState {
	row: number;
	col: number;
}

export function initialCalendarState(): CalendarState {
	return {row: 0, col: 0};
}

export interface CalendarKeyResult {
	state: CalendarState;
	/** A case to open (Enter on a mark). */
	open?: string;
	/** Said on the status line when Enter has nothing to open. */
	notice?: string;
	/** False when the key is not the view's (the desk's own keys then apply). */
	handled: boolean;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n));

/** The desk's moving commands in the grid: ↑↓ an officer, ←→ a day, PgUp/PgDn a week, Enter opens. */
export function calendarMove(state: CalendarState, grid: CalendarGrid, command: DeskCommand, openKey = keysFor('open')): CalendarKeyResult {
	const rows = grid.rows.length - 1;
	const days = grid.days.length - 1;
	const move = (row: number, col: number): CalendarKeyResult => ({state: {row: clamp(row, rows), col: clamp(col, days)}, handled: true});
	switch (command) {
		case 'up':
			return move(state.row - 1, state.col);
		case 'down':
			return move(state.row + 1, state.col);
		case 'collapse':
			return move(state.row, state.col - 1);
		case 'expand':
			return move(state.row, state.col + 1);
		case 'first':
			return move(state.row, 0);
		case 'last':
			return move(state.row, days);
		case 'page-up':
			return move(state.row, state.col - 7);
		case 'page-down':
			return move(state.row, state.col + 7);
		case 'open': {
			const at = selected(state, grid);
			const first = at.marks[0];
			if (first) return {state, open: first.caseRef, handled: true};
			return {state, notice: `Nothing dated for ${at.label} that day: move to a mark (letters) and press ${openKey}.`, handled: true};
		}
		default:
			return {state, handled: false};
	}
}

/** A key press in the grid, by the default keymap (the desk resolves keys through the user's keymap first). */
export function calendarKey(state: CalendarState, grid: CalendarGrid, input: string, key: KeyInfo): CalendarKeyResult {
	const command = commandFor(input, key, 'calendar');
	return command ? calendarMove(state, grid, command) : {state, handled: false};
}

/** The cell under the cursor (clamped: the grid may have shrunk since the cursor moved). */
export function selected(
	state: CalendarState,
	grid: CalendarGrid,
): {row: number; col: number; label: string; marks: CalendarGrid['rows'][number]['marks'][number]} {
	const row = clamp(state.row, grid.rows.length - 1);
	const col = clamp(state.col, grid.days.length - 1);
	const r = grid.rows[row];
	return {row, col, label: r?.label ?? '', marks: r?.marks[col] ?? []};
}
