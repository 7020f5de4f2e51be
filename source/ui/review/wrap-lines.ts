/**
 * Word-wraps a line to `width` columns, keeping its leading indent on the continuation lines: the
 * shared display-width wrap (ui/text.ts) at the width left after the indent.
 */
import {textWidth, wrap} from '../text.js';

export function wrapIndented(s: string, width: number): string[] {
	if (width <= 0) return [];
	if (textWidth(s) <= width) return [s];
	const indent = /^\s*/.exec(s)![0].slice(0, Math.max(0, Math.floor(width / 2)));
	const body = s.trim().split(/\s+/).join(' ');
	// The first line has the indent, the rest the indent and two spaces.
	const first = wrap(body, Math.max(1, width - indent.length))[0] ?? '';
	const rest = body.slice(first.length).trim();
	const more = rest ? wrap(rest, Math.max(1, width - indent.length - 2)) : [];
	return [indent + first, ...more.map(l => indent + '  ' + l)];
}
