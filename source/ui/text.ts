/**
 * Fitting text into fixed-width cells. The desk lays out by terminal columns so that each row is
 * exactly one terminal line (windowing needs to know how many lines a list takes). Columns are display
 * width, measured as Ink measures them (string-width): an emoji with a skin-tone modifier is two columns
 * and one grapheme, a combining accent none; counting UTF-16 units instead let such an update overflow
 * its line and scroll the whole desk up a row (README, "The review desk").
 */
import stringWidth from 'string-width';

/**
 * Printable ASCII, and the desk's own drawing characters (the "…" of a cut cell, the "›" cursor, "»" focus, the fold marks,
 * arrows in key hints, box lines, the Log chart's bars, typographic dashes and quotes): one column each
 * and one UTF-16 unit, joining no neighbour (no combining mark, variation selector or joiner is in the
 * set), so text made of these and printable ASCII is as wide as it is long. Nearly every row the desk
 * draws has one, and string-width's grapheme walk on each row was a tenth of an explorer key press's
 * time (issue 18's key-to-frame); test/ui/text-width.test.ts checks each against string-width.
 */
export const NARROW_GLYPHS = '…›‹»«·▾▸▴▲▼←↑→↓│─┌┐└┘├┤═║╔╗╚╝▁▂▃▄▅▆▇█–—‘’“”£';
const NARROW = new RegExp(`^[\\x20-\\x7e${NARROW_GLYPHS}]*$`);
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** Display width in terminal columns. */
export function textWidth(s: string): number {
	return NARROW.test(s) ? s.length : stringWidth(s);
}

/** The longest start of `s` that fits `width` columns, never splitting a grapheme (a flag, a family emoji). */
function head(s: string, width: number): string {
	if (NARROW.test(s)) return s.slice(0, width);
	let out = '';
	let used = 0;
	for (const {segment} of segmenter.segment(s)) {
		const w = stringWidth(segment);
		if (used + w > width) break;
		out += segment;
		used += w;
	}
	return out;
}

/** Cuts `s` to `width` columns, ending with "…" when it was cut. */
export function truncate(s: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(s) <= width) return s;
	if (width === 1) return '…';
	return head(s, width - 1) + '…';
}

/** Truncates then pads with spaces to exactly `width` columns. */
export function fit(s: string, width: number): string {
	const t = truncate(s, width);
	return t + ' '.repeat(Math.max(0, width - textWidth(t)));
}

/** Right-aligns `s` in `width` columns. */
export function fitRight(s: string, width: number): string {
	const t = truncate(s, width);
	return ' '.repeat(Math.max(0, width - textWidth(t))) + t;
}

/** Word-wraps one paragraph into lines of at most `width` columns (a word wider than a line is split between graphemes). */
export function wrap(s: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of s.split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			let w = word;
			let ww = textWidth(w);
			while (ww > width) {
				if (line) {
					lines.push(line);
					line = '';
					lineWidth = 0;
				}
				const part = head(w, width) || [...w][0]!;
				lines.push(part);
				w = w.slice(part.length);
				ww = textWidth(w);
			}
			if (!line) {
				line = w;
				lineWidth = ww;
			} else if (lineWidth + 1 + ww <= width) {
				line += ' ' + w;
				lineWidth += 1 + ww;
			} else {
				lines.push(line);
				line = w;
				lineWidth = ww;
			}
		}
		lines.push(line);
	}
	return lines;
}

/** "1 case" / "3 cases": the one helper in domain, here for the views' imports. */
export {plural} from '../domain/plural.js';
