/**
 * Multi-line store text (an update, a summary, an action written on several lines) shown as lines, not
 * with its line breaks drawn as "␊" (README "The review desk"): the case view and the guided review.
 */
import {safeMultiline} from '../domain/safe-text.js';

/** Text that may hold line breaks, made safe, as its lines: blank runs kept to one, none at either end. */
export function storeLines(text: string): string[] {
	return safeMultiline(text)
		.replace(/\n[ \t]+(?=\n)/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.replace(/^\n+|\n+$/g, '')
		.split('\n');
}

/** At most `cap` lines: past it, the first cap-1 and a last line saying how many more there are. */
export function capLines(lines: string[], cap: number, more: (count: number) => string): string[] {
	return lines.length <= cap ? lines : [...lines.slice(0, cap - 1), more(lines.length - cap + 1)];
}
