/**
 * A typed date field in a record form, checked when the field is left (as the review's dates are), and
 * quoted in its refusal only as far as it looks like a date. The welfare form's "On" opens on today and a
 * character typed replaces it, so a note typed into the wrong field lands here: its refusal must not echo
 * it (README "Welfare notes": health information never in an error; QA 6 R2).
 */
import {parseUserDate} from '../../domain/dates.js';

/** Longest date-like prefix quoted back: "2026-02-30" and "31/02/2026" are 10 characters. */
const PREFIX_MAX = 10;

/**
 * What was typed, as far as it is date-like (digits and the separators a date uses, at most 10 characters,
 * "…" when more followed), or null when it does not start like a date at all.
 */
export function dateLikePrefix(typed: string): string | null {
	const t = typed.trim();
	const prefix = (/^[0-9][0-9/.\- ]*/.exec(t)?.[0] ?? '').slice(0, PREFIX_MAX).trimEnd();
	if (prefix === '') return null;
	return prefix.length < t.length ? `${prefix}…` : prefix;
}

/** Null when `typed` is a real date, else the refusal: the date-like prefix in quotes, never the rest. */
export function dateFieldRefusal(typed: string): string | null {
	if (parseUserDate(typed.trim()) !== null) return null;
	const quoted = dateLikePrefix(typed);
	return quoted === null
		? 'That is not a date: type YYYY-MM-DD or DD/MM/YYYY.'
		: `"${quoted}" is not a real date: type YYYY-MM-DD or DD/MM/YYYY.`;
}
