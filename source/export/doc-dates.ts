/**
 * One date style for every document fortnight writes for people (handover and review log Markdown,
 * the calendar's words; README, "Exports and --out"): "04 Dec 2026", with the weekday where it helps
 * to plan ("Fri 04 Dec 2026"). JSON and CSV keep ISO dates for programs.
 */
import {toDayNumber, type IsoDate} from '../domain/dates.js';

const WEEKDAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']; // 1970-01-01 was a Thursday
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "04 Dec 2026": unambiguous for a reader in any locale. */
export function docDate(d: IsoDate): string {
	return `${d.slice(8, 10)} ${MONTHS[Number(d.slice(5, 7)) - 1] ?? '???'} ${d.slice(0, 4)}`;
}

/** "Fri 04 Dec 2026": the weekday helps plan cover. */
export function docDay(d: IsoDate): string {
	return `${WEEKDAYS[((toDayNumber(d) % 7) + 7) % 7]} ${docDate(d)}`;
}

/** "30 Nov 2026 09:00 UTC" for an ISO instant (seconds and milliseconds are noise to a reader). */
export function docInstant(instant: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(instant);
	return m ? `${docDate(m[1]!)} ${m[2]} UTC` : instant;
}
