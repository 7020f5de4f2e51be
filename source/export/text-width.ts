/**
 * Display width, cutting and word wrap by terminal columns, measured as Ink measures them (string-width):
 * an emoji with a skin-tone modifier is two columns and one grapheme, a combining accent none. The one
 * wrap of the project: the desk (ui/text.ts re-exports these), the reports and the commands' text use it,
 * so a line is never measured in UTF-16 units somewhere and in columns elsewhere (README "The review desk").
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

/** How `wrap` lays out lines after the first, and words wider than a line. */
export interface WrapOptions {
	/** Columns for every line after the first (default `width`): a hanging indent wider than the first line's. */
	rest?: number;
	/**
	 * Never split a word: one wider than its line stands alone on a line and runs past the width (an id
	 * that must stay whole to be copied or searched for). By default such a word is split between graphemes.
	 */
	wholeWords?: boolean;
}

/**
 * Word-wraps text into lines of at most `width` columns (after the first, `options.rest`), never dropping
 * a character: a word wider than a line is split between graphemes, or with `wholeWords` kept whole.
 */
export function wrap(s: string, width: number, options: WrapOptions = {}): string[] {
	const rest = options.rest ?? width;
	if (width <= 0 || rest <= 0) return [];
	const lines: string[] = [];
	// The width of the line being filled: the first line's, or the hanging lines'.
	const room = () => (lines.length === 0 ? width : rest);
	for (const paragraph of s.split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			let w = word;
			let ww = textWidth(w);
			while (!options.wholeWords && ww > room()) {
				if (line) {
					lines.push(line);
					line = '';
					lineWidth = 0;
					continue; // the next line may be wider (the hanging width): measure against it
				}
				const part = head(w, room()) || [...w][0]!;
				lines.push(part);
				w = w.slice(part.length);
				ww = textWidth(w);
			}
			if (!line) {
				line = w;
				lineWidth = ww;
			} else if (lineWidth + 1 + ww <= room()) {
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
