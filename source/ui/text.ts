/**
 * Fitting text into fixed-width cells. The desk lays out by terminal columns so that each row is
 * exactly one terminal line (windowing needs to know how many lines a list takes). Columns are display
 * width, measured as Ink measures them (string-width): an emoji with a skin-tone modifier is two columns
 * and one grapheme, a combining accent none; counting UTF-16 units instead let such an update overflow
 * its line and scroll the whole desk up a row (README, "The review desk").
 */
import {textWidth, truncate} from '../export/text-width.js';

/** The shared display-width pieces (export/text-width.ts), for the views' imports. */
export {NARROW_GLYPHS, textWidth, truncate, wrap} from '../export/text-width.js';

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

/** "1 case" / "3 cases": the one helper in domain, here for the views' imports. */
export {plural} from '../domain/plural.js';
