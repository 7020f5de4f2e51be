/**
 * Date-only arithmetic. Every date in fortnight is a calendar day (`YYYY-MM-DD`) with no time zone.
 *
 * Arithmetic is done on whole days since 1970-01-01 computed with Date.UTC, never on local Dates: a
 * day count cannot move at a clock change (there is no 23- or 25-hour day in it), and it is far
 * faster than local-time Date handling under a named zone such as Europe/London, which matters when
 * the rules walk 20,000 cases. Month arithmetic's end-of-month rule is date-fns's addMonths (31 Jan +
 * 1 month = 28/29 Feb). Typed dates in the usual patterns are read by date-patterns.ts; date-fns parses
 * any other pattern an import mapping names, loaded only then.
 */
import {createRequire} from 'node:module';
import {typedInQuotes} from './safe-text.js';
import {
	compilePattern,
	daysInMonth,
	FIRST_YEAR,
	fromCompiled,
	LAST_YEAR,
	outsideYearsCompiled,
	realDay,
	type CompiledPattern,
} from './date-patterns.js';

export type IsoDate = string;

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Digits read with charCodeAt, not slice + Number: the loader and the rules call these for every date
// of every case, and the substrings and arrays were a measurable share of loading a large store.
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const yearOf = (s: IsoDate): number => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
const monthOf = (s: IsoDate): number => digit(s, 5) * 10 + digit(s, 6);
const dayOf = (s: IsoDate): number => digit(s, 8) * 10 + digit(s, 9);

function parts(s: IsoDate): [number, number, number] {
	return [yearOf(s), monthOf(s), dayOf(s)];
}

/** True when every character at `positions` of s is 0-9. */
function digitsAt(s: string, positions: readonly number[]): boolean {
	for (const i of positions) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30, 2025-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
	if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || !digitsAt(s, DIGIT_POSITIONS))
		return false;
	return realDay(yearOf(s), monthOf(s), dayOf(s));
}

/**
 * Whole days since 1970-01-01 for a calendar date: the proleptic Gregorian count by integer arithmetic
 * (days from civil), what Date.UTC gives for the years a store can hold (1900-2200) without a float
 * division and a rounding per call; the rules call it for several dates of every case (issue 18).
 */
export function toDayNumber(s: IsoDate): number {
	// The digits read here, not through yearOf, monthOf and dayOf: eleven calls fewer, and the rules call
	// this 31,600 times for a 5,000-case store, mostly before the engine optimises it, where each call
	// costs (issue 18: 12.3 -> 9.4 ms for as many calls in a fresh process, medians of 12).
	const year = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + s.charCodeAt(3) - 48;
	const month = (s.charCodeAt(5) - 48) * 10 + s.charCodeAt(6) - 48;
	return dayNumberOf(year, month, (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48);
}

/** toDayNumber of the date with these year, month (1-12) and day numbers, without writing it out. */
function dayNumberOf(year: number, m: number, d: number): number {
	// Years counted from March, so that 29 February is the last day of its year.
	const y = year - (m <= 2 ? 1 : 0);
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

// Day numbers seen so far and their dates: the trends and the rules ask for the same few thousand days
// hundreds of thousands of times over a big store (a review due date per case per week), and a Date and
// its ISO string for each were a tenth of the HTML report's time. Bounded, so a long-running desk keeps
// it small.
const isoOfDay = new Map<number, IsoDate>();
const ISO_OF_DAY_LIMIT = 50_000;

export function fromDayNumber(n: number): IsoDate {
	let iso = isoOfDay.get(n);
	if (iso === undefined) {
		if (isoOfDay.size >= ISO_OF_DAY_LIMIT) isoOfDay.clear();
		isoOfDay.set(n, (iso = new Date(n * DAY_MS).toISOString().slice(0, 10)));
	}
	return iso;
}

/** The local calendar day of a Date (what date-fns's format(d, 'yyyy-MM-dd') gives). */
export function fromDate(d: Date): IsoDate {
	return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The first instant (ms) of the last Sunday of `month` (0-based) in `year`, at 01:00 UTC: when UK clocks change. */
function lastSundayOneUtc(year: number, month: number): number {
	const lastDay = Date.UTC(year, month + 1, 0);
	return lastDay - new Date(lastDay).getUTCDay() * 86_400_000 + 3_600_000;
}

/**
 * Today's date on fortnight's calendar, Europe/London (the sergeants' calendar, and the PostgreSQL store's
 * fortnight_today(): README "PostgreSQL"), the default for `--today` and the desk's day. Not the machine's
 * own zone: a machine or container set to UTC started the day an hour late in summer, when the database
 * had already moved on (REVIEW 8 D5). British Summer Time by its rule (last Sunday of March to the last
 * Sunday of October, 01:00 UTC), worked out rather than asked of ICU, whose formatter costs ~10 ms to make.
 */
export function localToday(now = new Date()): IsoDate {
	const ms = now.getTime();
	const year = now.getUTCFullYear();
	const summer = ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9);
	return new Date(ms + (summer ? 3_600_000 : 0)).toISOString().slice(0, 10);
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

/**
 * The last day of "a period of `n` months beginning with" `start` (PACE s.47ZB: the applicable bail
 * period is "3 months beginning with the person's bail start date"; README, "Bail arithmetic"). A month
 * is a calendar month, and a period beginning with a day includes that day, so it ends the day before
 * the same day of the month `n` months on; when that month has no such day (a start on the 29th-31st),
 * it ends on that month's last day. So 1 Mar + 3 months ends 31 May, 31 Jan + 1 month ends 28/29 Feb.
 * Not addMonths(start - 1 day, n): that clamps at the wrong end (28 Feb + 3 months is 28 May, three days
 * short, the error this function replaced).
 */
export function monthsBeginningWith(start: IsoDate, n: number): IsoDate {
	const [y, m, d] = parts(start);
	const total = y * 12 + (m - 1) + n;
	const ny = Math.floor(total / 12);
	const nm = (total % 12) + 1;
	const last = daysInMonth(ny, nm);
	if (d > last) return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
	// The day before that date, counted without writing the date out and reading it back (the bail rule
	// works out two periods for every case on bail: issue 18).
	return fromDayNumber(dayNumberOf(ny, nm, d) - 1);
}

/** The last day of "a period of `n` days beginning with" `start`: the start counts as day 1. */
export function daysBeginningWith(start: IsoDate, n: number): IsoDate {
	return addDays(start, n - 1);
}

export function addYears(s: IsoDate, n: number): IsoDate {
	return addMonths(s, n * 12);
}

/**
 * Whole calendar months from `from` to `to`: the largest n with addMonths(from, n) <= to, 0 when `to`
 * is not later. Counted with addMonths's own end-of-month rule, so an age worded with it agrees with
 * a threshold the rules test with addMonths/addYears: on the 5th anniversary it is 60, never 59 (QA 6
 * D5: days divided by 365.25 and 30.44 read "4 years 11 months" the day a rule said 5 years had passed).
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
	if (to <= from) return 0;
	const n = (yearOf(to) - yearOf(from)) * 12 + (monthOf(to) - monthOf(from));
	// addMonths(from, n) falls in `to`'s month; when it is later in that month, the nth month has not passed.
	return addMonths(from, n) > to ? n - 1 : n;
}

/** Whole calendar years and the months after them from `from` to `to` (wholeMonthsBetween's count). */
export function yearsAndMonthsBetween(from: IsoDate, to: IsoDate): {years: number; months: number} {
	const total = wholeMonthsBetween(from, to);
	return {years: Math.floor(total / 12), months: total % 12};
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
	const withYear = today !== undefined && today !== '' && !sameYear(s, today);
	const made = withYear ? shortWithYear : shortWithout;
	let text = made.get(s);
	if (text === undefined) {
		if (made.size >= SHORT_DATE_LIMIT) made.clear();
		text = `${s.slice(8, 10)} ${MONTHS[monthNumber(s) - 1] ?? '???'}`;
		if (withYear) text = `${text} ${s.slice(0, 4)}`;
		made.set(s, text);
	}
	return text;
}

// Each date's words made once, by the date alone (the year's words are a second table, not a key on
// `today`): the rules write 11,900 dates into the messages of a 5,000-case store, 500 distinct, and the
// substrings and joins for each were garbage the collector copied (issue 18). Bounded, as isoOfDay is.
const shortWithout = new Map<string, string>();
const shortWithYear = new Map<string, string>();
const SHORT_DATE_LIMIT = 50_000;

/** Number(s.slice(5, 7)), without the substring when both are digits (any date). */
function monthNumber(s: string): number {
	const a = s.charCodeAt(5) - 48;
	const b = s.charCodeAt(6) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number(s.slice(5, 7));
}

/** s.slice(0, 4) === t.slice(0, 4), without the substrings (shortDate runs for most dates in most messages). */
function sameYear(s: string, t: string): boolean {
	return s.length >= 4 && t.length >= 4
		? s.charCodeAt(0) === t.charCodeAt(0) &&
				s.charCodeAt(1) === t.charCodeAt(1) &&
				s.charCodeAt(2) === t.charCodeAt(2) &&
				s.charCodeAt(3) === t.charCodeAt(3)
		: s.slice(0, 4) === t.slice(0, 4);
}

/** Patterns compiled so far (a handful: the defaults and an import mapping's), null when date-fns must parse it. */
const compiled = new Map<string, CompiledPattern | null>();

/**
 * Loaded on first use: date-fns's parser and its locale take 100-200 ms to load, which every command
 * would otherwise pay at start, and the patterns people use never need it (see date-patterns.ts).
 */
let dateFns:
	| {
			parse: typeof import('date-fns/parse').parse;
			format: typeof import('date-fns/format').format;
			isValid: typeof import('date-fns/isValid').isValid;
	  }
	| undefined;
function loadDateFns(): NonNullable<typeof dateFns> {
	if (!dateFns) {
		const require = createRequire(import.meta.url);
		dateFns = {
			parse: (require('date-fns/parse') as typeof import('date-fns/parse')).parse,
			format: (require('date-fns/format') as typeof import('date-fns/format')).format,
			isValid: (require('date-fns/isValid') as typeof import('date-fns/isValid')).isValid,
		};
	}
	return dateFns;
}

/**
 * True when `input` is a calendar day in one of `formats` but in a year outside 1900-2200: parseUserDate
 * refuses it, and the person should hear that rather than "not a real date".
 */
export function outsideYearRange(input: string, formats: readonly string[]): boolean {
	const s = input.trim();
	for (const f of formats) {
		const c = compiled.get(f) ?? compilePattern(f);
		if (c) {
			if (outsideYearsCompiled(c, s)) return true;
			continue;
		}
		const {parse, format, isValid} = loadDateFns();
		const d = parse(s, f, new Date(2000, 0, 1));
		if (isValid(d) && format(d, f) === s && (d.getFullYear() < FIRST_YEAR || d.getFullYear() > LAST_YEAR)) return true;
	}
	return false;
}

/**
 * Why a typed date (YYYY-MM-DD or DD/MM/YYYY) that parseUserDate refused cannot be used, as the end of
 * "--today must ...": a real day in a year the store cannot hold is told the years, not that it is not real.
 */
export function typedDateRefusal(flag: string, value: string): string {
	return outsideYearRange(value, ['yyyy-MM-dd', 'dd/MM/yyyy'])
		? `${flag} must be a date in the years ${FIRST_YEAR}-${LAST_YEAR} (got "${typedInQuotes(value)}").`
		: `${flag} must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "${typedInQuotes(value)}").`;
}

/** Parses a user-typed date: ISO, or UK `dd/MM/yyyy` (or the given patterns). Returns null when it is not a real date. */
export function parseUserDate(input: string, formats: readonly string[] = ['yyyy-MM-dd', 'dd/MM/yyyy']): IsoDate | null {
	const s = input.trim();
	for (const f of formats) {
		let c = compiled.get(f);
		if (c === undefined) {
			c = compilePattern(f);
			if (compiled.size < 100) compiled.set(f, c);
		}
		if (c) {
			const d = fromCompiled(c, s);
			if (d !== null) return d;
			continue;
		}
		// Any other date-fns pattern, strictly: the text must be exactly what the pattern would write.
		const {parse, format, isValid} = loadDateFns();
		const d = parse(s, f, new Date(2000, 0, 1));
		if (isValid(d) && format(d, f) === s) return fromDate(d);
	}
	return null;
}
