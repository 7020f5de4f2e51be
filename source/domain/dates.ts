/**
 * Date-only arithmetic. Every date in fortnight is a calendar day (`YYYY-MM-DD`) with no time zone.
 *
 * Arithmetic is done on whole days since 1970-01-01 computed with Date.UTC, never on local Dates: a
 * day count cannot move at a clock change (there is no 23- or 25-hour day in it), and it is far
 * faster than local-time Date handling under a named zone such as Europe/London, which matters when
 * the rules walk 20,000 cases. date-fns does the parsing and formatting of user-typed dates and
 * month arithmetic's end-of-month rule is the same as date-fns's addMonths (31 Jan + 1 month = 28/29 Feb).
 */
// Per-function entry points: the package index loads every date-fns module, which every command would pay for at start.
import {format} from 'date-fns/format';
import {isValid} from 'date-fns/isValid';
import {parse} from 'date-fns/parse';

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(s: IsoDate): [number, number, number] {
	return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: the loader checks every date in a 20,000-case store with this. */
function daysInMonth(y: number, m: number): number {
	if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
	return MONTH_DAYS[m - 1] ?? 0;
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30, 2025-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
	if (typeof s !== 'string' || s.length !== 10 || !ISO_SHAPE.test(s)) return false;
	const [y, m, d] = parts(s);
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Whole days since 1970-01-01 for a calendar date. */
export function toDayNumber(s: IsoDate): number {
	const [y, m, d] = parts(s);
	return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
	return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Local midnight of an ISO date, for date-fns formatting. */
export function toDate(s: IsoDate): Date {
	const [y, m, d] = parts(s);
	return new Date(y, m - 1, d);
}

export function fromDate(d: Date): IsoDate {
	return format(d, 'yyyy-MM-dd');
}

/** Today's date on this machine's calendar (local time), the default for `--today`. */
export function localToday(now = new Date()): IsoDate {
	return fromDate(now);
}

export function addDays(s: IsoDate, n: number): IsoDate {
	return fromDayNumber(toDayNumber(s) + n);
}

/** Calendar months, clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb. */
export function addMonths(s: IsoDate, n: number): IsoDate {
	const [y, m, d] = parts(s);
	const total = y * 12 + (m - 1) + n;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	const nd = Math.min(d, daysInMonth(ny, nm));
	return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(s: IsoDate, n: number): IsoDate {
	return addMonths(s, n * 12);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return toDayNumber(to) - toDayNumber(from);
}

// ISO strings compare correctly as strings; these read better at call sites.
export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** "02 Dec" for messages; the year is added when it is not `today`'s year. */
export function shortDate(s: IsoDate, today?: IsoDate): string {
	const text = `${s.slice(8, 10)} ${MONTHS[Number(s.slice(5, 7)) - 1] ?? '???'}`;
	return today && s.slice(0, 4) !== today.slice(0, 4) ? `${text} ${s.slice(0, 4)}` : text;
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
