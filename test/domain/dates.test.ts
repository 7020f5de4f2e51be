import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	addDays,
	addMonths,
	daysBetween,
	fromDayNumber,
	isIsoDate,
	localToday,
	monthsBeginningWith,
	parseUserDate,
	shortDate,
	toDayNumber,
	wholeMonthsBetween,
	yearsAndMonthsBetween,
} from '../../source/domain/dates.js';

/** The obvious definition, by Date: isIsoDate reads digits by hand for speed and must agree with it. */
const byDate = (s: string): boolean => {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const [y, m, d] = s.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return y >= 1900 && y <= 2200 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

describe('dates', () => {
	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-04-31')).toBe(false);
		expect(isIsoDate('2026-1-01')).toBe(false);
		for (const bad of [
			'2026/11/30',
			'2026-11-3a',
			'20２6-11-30',
			'2026-11-30 ',
			'+026-11-30',
			'2026-00-10',
			'2026-13-01',
			'2026-11-00',
			'1899-12-31',
			'2201-01-01',
			'',
		]) {
			expect(isIsoDate(bad), bad).toBe(false);
		}
	});
	it('agrees with a Date-based check on any 10-character text and on every day from 1900 to 2200', () => {
		const chars = fc.constantFrom(...'0123456789-/ a\u0660'.split(''));
		fc.assert(
			fc.property(fc.string({unit: chars, minLength: 10, maxLength: 10}), s => isIsoDate(s) === byDate(s)),
			{numRuns: 5000},
		);
		for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2200-12-31'); n += 1) {
			const s = fromDayNumber(n);
			if (!isIsoDate(s) || toDayNumber(s) !== n) throw new Error(`day ${n} (${s}) does not round-trip`);
		}
	});
	it('counts days by arithmetic exactly as Date.UTC does, on every day from 1900 to 2200', () => {
		// toDayNumber is integer arithmetic (issue 18); Date.UTC is the definition it replaced.
		for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += 86_400_000) {
			const s = new Date(ms).toISOString().slice(0, 10);
			if (toDayNumber(s) !== ms / 86_400_000) throw new Error(`${s}: ${toDayNumber(s)}, Date.UTC ${ms / 86_400_000}`);
		}
		expect(toDayNumber('1970-01-01')).toBe(0);
		expect(toDayNumber('2000-02-29')).toBe(11_016);
		expect(toDayNumber('1900-03-01') - toDayNumber('1900-02-28')).toBe(1); // 1900 was not a leap year
		expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
		expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
	});
	it('ends a period of months beginning with a day as the date written out and read back does, for every start 2020-2030', () => {
		// The definition before issue 18 counted the day before "the same day n months on" by writing that
		// date out and reading it back; monthsBeginningWith now counts it directly.
		const pad = (n: number, w: number) => String(n).padStart(w, '0');
		const byText = (start: string, n: number): string => {
			const [y, m, d] = start.split('-').map(Number) as [number, number, number];
			const total = y * 12 + (m - 1) + n;
			const ny = Math.floor(total / 12);
			const nm = (total % 12) + 1;
			const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
			return d > last ? `${pad(ny, 4)}-${pad(nm, 2)}-${pad(last, 2)}` : addDays(`${pad(ny, 4)}-${pad(nm, 2)}-${pad(d, 2)}`, -1);
		};
		for (let day = toDayNumber('2020-01-01'); day <= toDayNumber('2030-12-31'); day++) {
			const start = fromDayNumber(day);
			for (const n of [1, 3, 6, 9, 12]) {
				if (monthsBeginningWith(start, n) !== byText(start, n)) throw new Error(`${start} + ${n} months`);
			}
		}
		expect(monthsBeginningWith('2026-03-01', 3)).toBe('2026-05-31');
		expect(monthsBeginningWith('2027-01-31', 1)).toBe('2027-02-28');
		expect(monthsBeginningWith('2026-02-28', 3)).toBe('2026-05-27');
	});
	it('writes short dates, with the year only when it is not the year of today', () => {
		expect(shortDate('2026-12-02')).toBe('02 Dec');
		expect(shortDate('2026-12-02', '2026-11-28')).toBe('02 Dec');
		expect(shortDate('2027-01-05', '2026-11-28')).toBe('05 Jan 2027');
		expect(shortDate('2025-10-31', '2026-01-01')).toBe('31 Oct 2025');
		// Not a date: the month shows as ??? (as Number(slice) gave), the text is kept.
		expect(shortDate('2026-1x-02')).toBe('02 ???');
		expect(shortDate('2026-00-02')).toBe('02 ???');
	});
	it('counts calendar days across the March and October clock changes (Europe/London)', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // clocks forward 29 Mar 2026
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // clocks back 25 Oct 2026
		expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
	});
	it('handles 29 February', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
		expect(addMonths('2027-11-29', 3)).toBe('2028-02-29');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
	});
	it('counts whole calendar months as addMonths does, so an anniversary is a whole number of years (QA 6 D5)', () => {
		// Days / 365.25 and / 30.44 read "4 years 11 months" on the 5th anniversary of 01 Jun 2021.
		expect(yearsAndMonthsBetween('2021-06-01', '2026-06-01')).toEqual({years: 5, months: 0});
		expect(yearsAndMonthsBetween('2021-06-01', '2026-05-31')).toEqual({years: 4, months: 11});
		expect(yearsAndMonthsBetween('2021-06-01', '2026-07-01')).toEqual({years: 5, months: 1});
		expect(yearsAndMonthsBetween('2021-06-01', '2026-10-01')).toEqual({years: 5, months: 4});
		expect(yearsAndMonthsBetween('2021-06-01', '2027-06-01')).toEqual({years: 6, months: 0});
		// The end-of-month rule is addMonths's: 31 Jan + 1 month is 28 Feb, so by 28 Feb a month has passed.
		expect(wholeMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
		expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
		expect(wholeMonthsBetween('2024-02-29', '2025-02-28')).toBe(12);
		expect(wholeMonthsBetween('2026-06-01', '2026-06-01')).toBe(0);
		expect(wholeMonthsBetween('2026-06-02', '2026-06-01')).toBe(0);
		// The definition: the largest n with addMonths(from, n) <= to.
		const day = fc.integer({min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31')}).map(fromDayNumber);
		fc.assert(
			fc.property(day, fc.integer({min: 0, max: 4000}), (from, span) => {
				const to = addDays(from, span);
				const n = wholeMonthsBetween(from, to);
				return addMonths(from, n) <= to && addMonths(from, n + 1) > to;
			}),
		);
	});
	it('parses UK and ISO user dates strictly', () => {
		expect(parseUserDate('02/12/2026')).toBe('2026-12-02');
		expect(parseUserDate('2026-12-02')).toBe('2026-12-02');
		expect(parseUserDate('31/02/2026')).toBeNull();
	});
});

describe('parseUserDate', () => {
	it('reads the usual patterns without date-fns exactly as date-fns strictly would', () => {
		// Each answer checked against date-fns parse + format round trip (the rule before patterns were compiled).
		const cases: [string, string | null][] = [
			['2026-11-30', '2026-11-30'],
			[' 30/11/2026 ', '2026-11-30'],
			['29/02/2028', '2028-02-29'],
			['29/02/2026', null],
			['2026-11-31', null],
			['30/11/26', null],
			['3/11/2026', null],
			['2026-1-05', null],
			['30-11-2026', null],
			['', null],
		];
		for (const [input, want] of cases) expect(parseUserDate(input), input).toBe(want);
	});

	it('hands other date-fns patterns to date-fns, strictly', () => {
		expect(parseUserDate('5 Mar 2026', ['d MMM yyyy'])).toBe('2026-03-05');
		expect(parseUserDate('5 March 2026', ['d MMM yyyy'])).toBeNull();
		expect(parseUserDate('30 Feb 2026', ['d MMM yyyy'])).toBeNull();
	});
});

// REVIEW 8 D5: the default --today was the machine's own zone, so a machine or container set to UTC began
// the day an hour late in British summer time, while the PostgreSQL store (fortnight_today) had moved on.
describe("today's date on fortnight's calendar (Europe/London), whatever the machine's zone", () => {
	it('is the London day at 00:30 in summer and at 23:30 in winter, with TZ set to UTC or elsewhere', () => {
		const was = process.env['TZ'];
		try {
			for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London']) {
				process.env['TZ'] = tz;
				expect(localToday(new Date('2026-07-01T23:30:00Z')), tz).toBe('2026-07-02');
				expect(localToday(new Date('2026-12-31T23:30:00Z')), tz).toBe('2026-12-31');
				expect(localToday(new Date('2027-01-01T00:00:00Z')), tz).toBe('2027-01-01');
				// The clock change: 01:30 UTC on 25 Oct 2026 is 01:30 GMT (02:30 BST has gone back).
				expect(localToday(new Date('2026-10-24T23:30:00Z')), tz).toBe('2026-10-25');
			}
		} finally {
			if (was === undefined) delete process.env['TZ'];
			else process.env['TZ'] = was;
		}
	});

	it("agrees with ICU's Europe/London on any instant from 2000 to 2100, clock changes included", () => {
		const london = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit'});
		const from = Date.UTC(2000, 0, 1);
		const to = Date.UTC(2100, 0, 1);
		fc.assert(
			fc.property(fc.integer({min: from, max: to}), ms => localToday(new Date(ms)) === london.format(new Date(ms))),
			{numRuns: 20_000},
		);
		// Each side of each change in 2026 and 2027, a minute apart.
		for (const iso of [
			'2026-03-29T00:59:00Z',
			'2026-03-29T01:00:00Z',
			'2026-10-25T00:59:00Z',
			'2026-10-25T01:00:00Z',
			'2027-03-28T00:59:00Z',
		]) {
			expect(localToday(new Date(iso)), iso).toBe(london.format(new Date(iso)));
		}
	});
});
