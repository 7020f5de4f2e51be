/**
 * HTML for exports that hold store text. Store text is hostile (a records-system import, a paste, a
 * name typed by someone meaning harm): every piece of it goes through escapeHtml at the renderer, and
 * never into a URL, an event handler, a style or a script, because the report has none. escapeHtml also
 * runs the one sanitiser (README "Terminal safety"), so an id or reference the domain passed through
 * unchanged still reaches a browser, or a `cat` of the file, with its controls made visible.
 */
import {mayBeUnsafe, safeText} from '../domain/safe-text.js';

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(s: string): string {
	return (mayBeUnsafe(s) ? safeText(s) : s).replace(/[&<>"']/g, c => ENTITIES[c]!);
}

/** A table: a caption, header cells with scope, then the rows (cells already escaped). */
export function htmlTable(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
	const head = `<thead><tr>${headers.map(h => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
	const body = rows.map(r => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n');
	return `<table${className ? ` class="${className}"` : ''}>\n<caption>${escapeHtml(caption)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}
