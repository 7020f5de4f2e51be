import {describe, expect, it} from 'vitest';
import {addDays, addMonths, daysBetween, isIsoDate, parseUserDate} from '../../source/domain/dates.js';

describe('dates', () => {
	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2026-02-29')).toBe(false);
		expect(isIsoDate('2026-04-31')).toBe(false);
		expect(isIsoDate('2026-1-01')).toBe(false);
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
	it('parses UK and ISO user dates strictly', () => {
		expect(parseUserDate('02/12/2026')).toBe('2026-12-02');
		expect(parseUserDate('2026-12-02')).toBe('2026-12-02');
		expect(parseUserDate('31/02/2026')).toBeNull();
	});
});
