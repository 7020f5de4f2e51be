/**
 * Fitting text into fixed-width cells. The desk lays out by character columns so that each row is
 * exactly one terminal line (windowing needs to know how many lines a list takes).
 */

/** Cuts `s` to `width` columns, ending with "…" when it was cut. */
export function truncate(s: string, width: number): string {
	if (width <= 0) return '';
	if (s.length <= width) return s;
	if (width === 1) return '…';
	return s.slice(0, width - 1) + '…';
}

/** Truncates then pads with spaces to exactly `width` columns. */
export function fit(s: string, width: number): string {
	const t = truncate(s, width);
	return t + ' '.repeat(Math.max(0, width - t.length));
}

/** Right-aligns `s` in `width` columns. */
export function fitRight(s: string, width: number): string {
	const t = truncate(s, width);
	return ' '.repeat(Math.max(0, width - t.length)) + t;
}

/** Word-wraps one paragraph into lines of at most `width` columns (long words are split). */
export function wrap(s: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	for (const paragraph of s.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			let w = word;
			while (w.length > width) {
				if (line) {
					lines.push(line);
					line = '';
				}
				lines.push(w.slice(0, width));
				w = w.slice(width);
			}
			if (!line) line = w;
			else if (line.length + 1 + w.length <= width) line += ' ' + w;
			else {
				lines.push(line);
				line = w;
			}
		}
		lines.push(line);
	}
	return lines;
}

/** "1 case" / "3 cases": the one helper in domain, here for the views' imports. */
export {plural} from '../domain/plural.js';
