/**
 * Pure line layout for the review screens: hints and prompts wrapped whole (a key never loses its
 * meaning at the edge), choice options wrapped so every option and the selection show, and the
 * window of lines that keeps the focused field (label and options) on screen. Kept apart from the
 * Ink view so each rule is tested directly.
 */
import {wrapIndented} from './wrap-lines.js';

/**
 * Packs whole segments ("Ctrl+N next step") into lines of `width`, `sep` between them. A segment
 * longer than a line is word-wrapped on its own.
 */
export function wrapSegments(segments: readonly string[], width: number, sep = ' | '): string[] {
	if (width <= 0) return [];
	const out: string[] = [];
	let line = '';
	for (const seg of segments) {
		if (line !== '' && line.length + sep.length + seg.length <= width) {
			line += sep + seg;
			continue;
		}
		if (line !== '') out.push(line);
		if (seg.length <= width) line = seg;
		else {
			const parts = wrapIndented(seg, width);
			out.push(...parts.slice(0, -1));
			line = parts.at(-1) ?? '';
		}
	}
	if (line !== '') out.push(line);
	return out;
}

export interface OptionCell {
	/** Index in the field's options. */
	index: number;
	/** "2:carried over", or "2:[carried over]" when selected (brackets: never colour alone). */
	text: string;
	selected: boolean;
}

/**
 * The options of a choice field laid out in rows of `width` (after `indent`), every option whole and
 * numbered, so the selection is always on screen however many options there are.
 */
export function optionRows(
	options: readonly {value: string; label: string}[],
	value: string,
	width: number,
	indent: number,
	gap = 2,
): OptionCell[][] {
	const room = Math.max(1, width - indent);
	const rows: OptionCell[][] = [];
	let row: OptionCell[] = [];
	let used = 0;
	options.forEach((o, index) => {
		const selected = o.value === value;
		const full = `${index + 1}:${selected ? `[${o.label}]` : o.label}`;
		const text = full.length > room ? `${full.slice(0, Math.max(1, room - 1))}…` : full;
		const need = (row.length > 0 ? gap : 0) + text.length;
		if (row.length > 0 && used + need > room) {
			rows.push(row);
			row = [];
			used = 0;
		}
		used += (row.length > 0 ? gap : 0) + text.length;
		row.push({index, text, selected});
	});
	if (row.length > 0) rows.push(row);
	return rows;
}

export interface LineWindow {
	/** First line shown. */
	top: number;
	/** Lines shown from `top`. */
	count: number;
	/** Lines hidden above and below (each costs one row for its "... more" line when not 0). */
	above: number;
	below: number;
}

/**
 * Which of `total` lines fit in `rows`, with a row for "more above" / "more below" when lines are
 * hidden there. With a focused block [focusStart, focusEnd), the whole block is shown (its start
 * when it is taller than the window), and the lines above it too as far as `scroll` allows; without
 * one (focusStart < 0), `scroll` is the wanted top line. When the focused block is taller than the
 * window: `anchor` is a line that must show (a choice's selected option), `anchorEnd` one to show
 * too when it can (a choice's last option), so the options win over the start of a long label.
 */
export function windowLines(
	total: number,
	rows: number,
	focusStart: number,
	focusEnd: number,
	scroll: number,
	anchor = -1,
	anchorEnd = -1,
): LineWindow {
	const R = Math.max(1, rows);
	if (total <= R) return {top: 0, count: total, above: 0, below: 0};
	const shape = (top: number): LineWindow => {
		let count = R - (top > 0 ? 1 : 0);
		if (top + count < total) count = Math.max(1, count - 1);
		count = Math.min(count, total - top);
		return {top, count, above: top, below: total - top - count};
	};
	const lastTop = (() => {
		for (let t = 0; t < total; t++) if (shape(t).below === 0) return t;
		return total - 1;
	})();
	if (focusStart < 0) return shape(Math.max(0, Math.min(scroll, lastTop)));
	// Prefer the step's text above the focused field when it fits; scroll down only as far as needed.
	let top = Math.max(0, Math.min(scroll, focusStart - 1, lastTop));
	while (top < focusStart && top < lastTop) {
		const w = shape(top);
		if (w.top + w.count >= focusEnd) break;
		top++;
	}
	while (anchor >= 0 && top < anchor && top < lastTop) {
		const w = shape(top);
		if (anchor < w.top + w.count) break;
		top++;
	}
	while (anchorEnd >= 0 && top < anchorEnd && top < lastTop && (anchor < 0 || top < anchor)) {
		const w = shape(top);
		if (anchorEnd < w.top + w.count) break;
		top++;
	}
	return shape(top);
}
