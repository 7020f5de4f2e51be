/**
 * Pane sizes from the terminal size, in one place, so the reducer (scrolling) and the views (drawing)
 * agree on how many rows each list shows. The frame is always one line shorter than the terminal:
 * Ink redraws the whole screen, flickering, when its output reaches the terminal's full height.
 */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface Size {
	columns: number;
	rows: number;
}

export interface Layout {
	tooSmall: boolean;
	width: number;
	/** Lines Ink draws: terminal rows - 1. */
	frameHeight: number;
	activityWidth: number;
	sidebarWidth: number;
	editorWidth: number;
	/** Height of the side bar and editor row, borders included. */
	mainHeight: number;
	/** Height of the Problems panel, borders included. */
	panelHeight: number;
	/** List rows visible in the explorer (without a filter line). */
	explorerRows: number;
	/** Content rows in the editor under its tab line. */
	editorRows: number;
	/** Inner text width of the editor. */
	editorInner: number;
	/** Rows visible in the Problems panel (without a filter line). */
	problemRows: number;
	/** Rows available to a full-width view (Team, Handover, Log). */
	viewRows: number;
}

export function layoutFor(size: Size): Layout {
	const width = size.columns;
	const frameHeight = Math.max(1, size.rows - 1);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
	const panelHeight = Math.max(6, Math.floor(frameHeight * 0.28));
	const mainHeight = Math.max(5, frameHeight - 1 - panelHeight);
	const activityWidth = 4;
	const sidebarWidth = Math.min(64, Math.max(40, Math.floor((width - activityWidth) * 0.5)));
	const editorWidth = Math.max(10, width - activityWidth - sidebarWidth);
	return {
		tooSmall,
		width,
		frameHeight,
		activityWidth,
		sidebarWidth,
		editorWidth,
		mainHeight,
		panelHeight,
		explorerRows: Math.max(1, mainHeight - 3),
		editorRows: Math.max(1, mainHeight - 4),
		editorInner: Math.max(10, editorWidth - 4),
		problemRows: Math.max(1, panelHeight - 3),
		viewRows: Math.max(1, mainHeight - 3),
	};
}

/** Columns the guided review needs to show its text, options and key hints without crowding. */
export const REVIEW_EDITOR_MIN = 76;

/**
 * The layout while a guided review (or an amendment) has the keyboard: the explorer and the Problems
 * panel take no keys then, so the review gets their room. Wide and tall terminals keep the explorer
 * (narrowed so the editor has REVIEW_EDITOR_MIN columns) and the panel; otherwise the review takes
 * the whole main area. List sizes kept by the desk's reducer still come from `layoutFor`.
 */
export function reviewLayout(l: Layout): Layout {
	if (l.tooSmall) return l;
	const room = l.width - l.activityWidth;
	const sidebar = Math.min(l.sidebarWidth, room - REVIEW_EDITOR_MIN);
	if (sidebar >= 40 && l.frameHeight >= 29) {
		return {...l, sidebarWidth: sidebar, editorWidth: room - sidebar, editorInner: room - sidebar - 4};
	}
	const mainHeight = l.mainHeight + l.panelHeight;
	return {
		...l,
		sidebarWidth: 0,
		editorWidth: room,
		editorInner: room - 4,
		mainHeight,
		panelHeight: 0,
		editorRows: Math.max(1, mainHeight - 4),
	};
}
