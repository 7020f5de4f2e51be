/**
 * The Calendar view's cursor: an officer's row and a day. A reducer of key presses, as the Handover
 * view's, so the desk applies keys in order and never reads a stale closure. Enter asks the desk to
 * open the case under the cursor (the most urgent mark of the cell); the desk owns tabs, so the
 * reducer only says which.
 */
import type {KeyInfo} from '../../keymap.js';
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

export function calendarKey(state: CalendarState, grid: CalendarGrid, input: string, key: KeyInfo): CalendarKeyResult {
	const rows = grid.rows.length - 1;
	const days = grid.days.length - 1;
	const plain = !key.ctrl && !key.meta;
	const move = (row: number, col: number): CalendarKeyResult => ({state: {row: clamp(row, rows), col: clamp(col, days)}, handled: true});
	if (key.upArrow || (plain && input === 'k')) return move(state.row - 1, state.col);
	if (key.downArrow || (plain && input === 'j')) return move(state.row + 1, state.col);
	if (key.leftArrow || (plain && input === 'h')) return move(state.row, state.col - 1);
	if (key.rightArrow || (plain && input === 'l')) return move(state.row, state.col + 1);
	if (key.home || (plain && input === 'g')) return move(state.row, 0);
	if (key.end || (plain && input === 'G')) return move(state.row, days);
	if (key.pageUp) return move(state.row, state.col - 7);
	if (key.pageDown) return move(state.row, state.col + 7);
	if (key.return) {
		const at = selected(state, grid);
		const first = at.marks[0];
		if (first) return {state, open: first.caseRef, handled: true};
		return {state, notice: `Nothing dated for ${at.label} that day: move to a mark (letters) and press Enter.`, handled: true};
	}
	return {state, handled: false};
}

/** The cell under the cursor (clamped: the grid may have shrunk since the cursor moved). */
export function selected(state: CalendarState, grid: CalendarGrid): {row: number; col: number; label: string; marks: CalendarGrid['rows'][number]['marks'][number]} {
	const row = clamp(state.row, grid.rows.length - 1);
	const col = clamp(state.col, grid.days.length - 1);
	const r = grid.rows[row];
	return {row, col, label: r?.label ?? '', marks: r?.marks[col] ?? []};
}
