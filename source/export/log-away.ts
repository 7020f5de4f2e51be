/**
 * A sergeant's absence in the exception report's words (QA 8 D4), shared by the Markdown, HTML and table
 * renderers so the three say the same: the absence's days, and who covered which of its days in the period
 * or "nobody". Reason category only, never a health detail. `date` writes a date as the renderer does.
 */
import type {SergeantAbsence} from '../domain/review-log/sergeant-away.js';

type DateWords = (d: string) => string;

/** "10 Dec 2026 to 04 Feb 2027", or "from 10 Dec 2026, no end date". */
export function absenceDaysWords(a: SergeantAbsence, date: DateWords): string {
	return a.to === null ? `from ${date(a.from)}, no end date` : a.from === a.to ? date(a.from) : `${date(a.from)} to ${date(a.to)}`;
}

/** "DC Helen Marsh 10 Dec 2026 to 13 Dec 2026; nobody 14 Dec 2026": each run of days in the period with who covered it. */
export function coversWords(a: SergeantAbsence, date: DateWords): string {
	return a.covers.map(c => `${c.cover ?? 'nobody'} ${c.from === c.to ? date(c.from) : `${date(c.from)} to ${date(c.to)}`}`).join('; ');
}
