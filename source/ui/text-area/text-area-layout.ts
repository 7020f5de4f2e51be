/**
 * Where each character of a text area's value lands on screen: logical lines hard-wrapped at the
 * field's width (by character, so the cursor maps exactly), and the window of rows that keeps the
 * cursor in view. Pure; the view draws what this returns.
 */
import {follow} from '../list/list-window.js';

export interface TextAreaRow {
	text: string;
	/** Column of the cursor on this row, or -1. */
	cursorAt: number;
}

export function layoutTextArea(
	value: string,
	cursor: number,
	width: number,
	maxRows: number,
	showCursor: boolean,
): {rows: TextAreaRow[]; hiddenAbove: number; hiddenBelow: number} {
	const w = Math.max(1, width);
	const all: TextAreaRow[] = [];
	let offset = 0;
	let cursorRow = 0;
	for (const line of value.split('\n')) {
		const pieces = line.length === 0 ? [''] : Array.from({length: Math.ceil(line.length / w)}, (_, i) => line.slice(i * w, (i + 1) * w));
		for (const [i, piece] of pieces.entries()) {
			const start = offset + i * w;
			const last = i === pieces.length - 1;
			// The cursor sits on this row when it falls inside it, or at its end on the line's last row.
			const inRow = cursor >= start && (cursor < start + piece.length || (last && cursor <= start + piece.length));
			if (showCursor && inRow) cursorRow = all.length;
			all.push({text: piece, cursorAt: showCursor && inRow ? cursor - start : -1});
		}
		offset += line.length + 1;
	}
	// A cursor at the very end of a full-width row goes on a fresh row below it.
	const cr = all[cursorRow];
	if (showCursor && cr && cr.cursorAt === w) {
		cr.cursorAt = -1;
		all.splice(cursorRow + 1, 0, {text: '', cursorAt: 0});
		cursorRow++;
	}
	const rowsShown = Math.max(1, maxRows);
	// The rows kept in view follow the cursor as a list's window follows its cursor (list/list-window.ts).
	const top = showCursor ? follow({cursor: cursorRow, scroll: 0}, all.length, rowsShown).scroll : 0;
	const rows = all.slice(top, top + rowsShown);
	return {rows, hiddenAbove: top, hiddenBelow: all.length - top - rows.length};
}
