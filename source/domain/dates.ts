/**
 * Date-only arithmetic. Every date in fortnight is a calendar day (`YYYY-MM-DD`) with no time zone.
 * date-fns works on local Dates at local midnight; its calendar-day functions (addDays,
 * differenceInCalendarDays, addMonths) count days, not 24-hour periods, so a clock change in
 * March or October never moves a bail date or shortens a review cadence.
 */
import {addDays as fnsAddDays, addMonths as fnsAddMonths, addYears as fnsAddYears, differenceInCalendarDays, format, isValid, parse} from 'date-fns';

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30, 2025-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
	if (typeof s !== 'string') return false;
	const m = ISO.exec(s);
	if (!m) return false;
	const d = toDate(s);
	return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/** Local midnight of an ISO date. Callers must pass a valid date (see isIsoDate). */
export function toDate(s: IsoDate): Date {
	const m = ISO.exec(s);
	if (!m) return new Date(Number.NaN);
	return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function fromDate(d: Date): IsoDate {
	return format(d, 'yyyy-MM-dd');
}

/** Today's date on this machine's calendar, the default for `--today`. */
export function localToday(now = new Date()): IsoDate {
	return fromDate(now);
}

export function addDays(s: IsoDate, n: number): IsoDate {
	return fromDate(fnsAddDays(toDate(s), n));
}

/** Calendar months; 31 Jan + 1 month = 28/29 Feb, as date-fns and the courts count it. */
export function addMonths(s: IsoDate, n: number): IsoDate {
	return fromDate(fnsAddMonths(toDate(s), n));
}

export function addYears(s: IsoDate, n: number): IsoDate {
	return fromDate(fnsAddYears(toDate(s), n));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return differenceInCalendarDays(toDate(to), toDate(from));
}

// ISO strings compare correctly as strings; these read better at call sites.
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** "02 Dec" for messages; the year is added when it is not `today`'s year. */
export function shortDate(s: IsoDate, today?: IsoDate): string {
	const d = toDate(s);
	if (today && s.slice(0, 4) !== today.slice(0, 4)) return format(d, 'dd MMM yyyy');
	return format(d, 'dd MMM');
}

/** Parses a user-typed date: ISO, or UK `dd/MM/yyyy`. Returns null when it is not a real date. */
export function parseUserDate(input: string, formats: readonly string[] = ['yyyy-MM-dd', 'dd/MM/yyyy']): IsoDate | null {
	const s = input.trim();
	for (const f of formats) {
		const d = parse(s, f, new Date(2000, 0, 1));
		if (isValid(d) && format(d, f) === s) return fromDate(d);
	}
	return null;
}
