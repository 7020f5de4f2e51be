/**
 * Markdown for exports that hold store text. Store text is hostile (it may come from a records-system
 * import or a paste): it must never become raw HTML, a link, an image, a heading or a table break in a
 * Markdown viewer, and it must never carry a terminal escape sequence into a `cat`. Every piece of user
 * text goes through `escapeMarkdown` (or `mdTableCell` inside a table) exactly once, at the renderer.
 *
 * Readability matters as much as safety (a cover supervisor may read the file in a plain editor), so
 * ordinary prose is left alone: only the characters Markdown gives meaning to are backslash-escaped,
 * and bare URLs are shown as code spans (visible, not clickable) rather than mangled.
 * One copy for every Markdown export (handover and review log).
 */
import {mayBeUnsafe, safeText} from '../domain/safe-text.js';

// Characters CommonMark or GFM can give meaning to mid-line: code spans, emphasis, strikethrough,
// links and images ([ ] and the ! before them), raw HTML and autolinks (< >), entities (&), tables (|);
// also # and { } (headings, and attribute syntax in some viewers), harmless to escape anywhere; and
// pandoc's own Markdown: $ (maths), ^ (superscript; ~ is subscript there) and @ (citations).
// Parentheses only form a link after a closing bracket, which is always escaped, so they stay readable.
const INLINE_SPECIAL = /[\\`*_~[\]<>&|!#{}$^@]/g;

// A dot inside a word ("example.com"): markdown-it's linkify turns host names into links without any
// scheme; an escaped dot splits the text it scans. Decimals ("2.5") are left alone.
const WORD_DOT = /(?<=[A-Za-z0-9])\.(?=[A-Za-z])/g;

// GFM's emoji shortcodes (":smile:" becomes a picture in pandoc's gfm): the opening colon is escaped.
const EMOJI_COLON = /:(?=[A-Za-z0-9_+-]+:)/g;

// Block markers that only matter at the start of a line: headings, quotes, list items, setext underlines,
// thematic breaks, and ordered-list numbers ("1." or "1)").
const LINE_START = /^(\s*)([#>+=-]|\d+(?=[.)]))/;

// Bare URLs (and scheme-like prefixes that viewers may turn into links): GFM's autolink extension would
// make them clickable even with every other character escaped, so they become code spans instead
// (trailing punctuation such as the ")" of "](http://x)" stays outside, as GFM itself would leave it).
// E-mail addresses are autolinked by GFM and markdown-it alike, so they are shown the same way, as are
// the xmpp:, tel: and sms: schemes.
const URL_LIKE = new RegExp(
	[
		// A scheme or www. and what follows it up to a space or table/HTML character, not ending in punctuation,
		'\\b(?:(?:https?|ftp|file|mailto|xmpp|tel|sms|javascript|data|vbscript):|www\\.)(?:[^\\s`|<>]*[^\\s`|<>).,;:!?\'"\\]])?',
		// or an e-mail address.
		'(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+',
	].join('|'),
	'gi',
);

// Anything escapeMarkdown could change: Markdown punctuation (pandoc's $ ^ @ too), a URL scheme's colon or
// "www.", a dot inside a word, a tab or line break, and a block marker or digit at the start (control,
// bidi and invisible characters: mayBeUnsafe).
const NEEDS_WORK = /[\\`*_~[\]<>&|!#{}:$^@\t\n\r]|www\.|[A-Za-z0-9]\.[A-Za-z]|^\s*[#>+=\-\d]|^\s/i;

function escapeInline(s: string): string {
	return s
		.replace(INLINE_SPECIAL, ch => `\\${ch}`)
		.replace(WORD_DOT, '\\.')
		.replace(EMOJI_COLON, '\\:');
}

/**
 * One line of user text made safe for any place in a Markdown document: control characters and escape
 * sequences handled by safeText (newlines become visible), Markdown syntax escaped, URLs defanged.
 */
export function escapeMarkdown(text: string): string {
	// Most store text (names, references, offences) needs nothing: skip the regex work, which matters
	// when a 5,000-case handover escapes a hundred thousand fields.
	if (!NEEDS_WORK.test(text) && !mayBeUnsafe(text)) return text;
	const line = safeText(text);
	let out = '';
	let last = 0;
	for (const m of line.matchAll(URL_LIKE)) {
		out += escapeInline(line.slice(last, m.index));
		out += codeSpan(m[0]);
		last = m.index + m[0].length;
	}
	out += escapeInline(line.slice(last));
	// Ordered-list numbers are escaped on their dot or bracket; other block markers on themselves.
	return out.replace(LINE_START, (_all, space: string, marker: string) =>
		/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
	);
}

/** User text for a GFM table cell: escaped as escapeMarkdown, never empty (an empty cell reads as a gap). */
export function mdTableCell(text: string): string {
	const cell = escapeMarkdown(text).trim();
	return cell === '' ? ' ' : cell;
}

/** A code span around `text` (one line; URL_LIKE admits no backtick, pipe or angle bracket). */
function codeSpan(text: string): string {
	return `\`${text}\``;
}

/**
 * Any one line of text as a code span (a command to copy): made safe for a terminal, fenced with one
 * backtick more than the longest run inside it (CommonMark), so no text can close the span early. Not
 * for a table cell (a pipe there ends the cell even inside a span).
 */
export function mdCode(text: string): string {
	const line = safeText(text);
	const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${line}${pad}${fence}`;
}

/** A GFM table from trusted headers and already-escaped cells. */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
	const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
