/**
 * Who wrote a crime-report update, as far as fortnight knows. The records system's CSV export names no
 * author for its "Last update" (README "`fortnight import`"), so an update the import stores is marked
 * `source: 'import'` and has none here: it is shown as the records system's, and the rules about an
 * officer's own conduct judge it as the words of the officer who held the case on its date only when they
 * were at work that day (identical updates and the trigger evidence they give), or leave it out (the holder's
 * latest record before a move), while the rules about the case (when its crime report was last updated)
 * count it (docs/rules.md "Updates from the records system"). Before the marker the import
 * stored the case's OIC as the author, so words an officer on sick leave never wrote were shown and judged
 * as hers (QA 8 R6). An update stored before the marker carries none and keeps the author it was stored with:
 * nothing in it tells an imported one from one whose author was known.
 */
import type {CrimeUpdate} from './model.js';

/** How an update from the records system is named where an officer's name would stand. */
export const RECORDS_SYSTEM = 'records system';

/** The officer who wrote `u`, or null when it is the records system's (imported, author not known). */
export function updateAuthorId(u: CrimeUpdate): string | null {
	return u.source === 'import' ? null : u.authorId;
}

/** Where a view names `u`'s author: their name (`name` of their id), or "(records system)" for an imported update. */
export function updateByline(u: CrimeUpdate, name: (officerId: string) => string): string {
	const author = updateAuthorId(u);
	return author === null ? `(${RECORDS_SYSTEM})` : name(author);
}
