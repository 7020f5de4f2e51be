/**
 * Markdown escaping for exports. Store text is hostile: a name or reference must never turn into a
 * heading, link, HTML tag, emphasis or an extra table column when the report is rendered.
 * (The handover export needs the same two functions; keep this the one copy.)
 */
import {safeText} from '../domain/safe-text.js';

// Punctuation CommonMark gives a meaning to anywhere in a line (emphasis, code, links, HTML, entities,
// table pipes, strikethrough); a backslash makes each literal. Parentheses only form a link after a
// closing bracket, which is always escaped, so they stay readable.
const SPECIAL = /[\\`*_{}[\]<>#!|~&]/g;
// Meaningful only at the start of a line: list bullets, ordered-list numbers, setext underlines.
const LEADING = /^(\s*)([-+=]|\d+(?=[.)]))/;

/** Text made literal in Markdown (inline position: headings, paragraphs, list items, table cells). */
export function escapeMarkdown(s: string): string {
	return s.replace(SPECIAL, '\\$&').replace(LEADING, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/** One table cell: a single line (control characters and line breaks made visible), escaped, never empty-looking. */
export function mdTableCell(s: string): string {
	const text = escapeMarkdown(safeText(s)).trim();
	return text === '' ? ' ' : text;
}
