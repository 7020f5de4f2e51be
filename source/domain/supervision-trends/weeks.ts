/**
 * The weeks of a trend period: seven days each, ending on the period's last day, so the latest week
 * always ends on the day asked about (today by default); the first week is cut short at the period's
 * first day when the period is not a whole number of weeks.
 */
import {addDays, toDayNumber, type IsoDate} from '../dates.js';
import type {Period} from '../review-log/period.js';

/** Weeks in the default trend period (a quarter: enough to see a slide begin). */
export const TREND_WEEKS = 13;
export const TREND_DAYS = TREND_WEEKS * 7;

export function defaultTrendPeriod(today: IsoDate): Period {
	return {from: addDays(today, -(TREND_DAYS - 1)), to: today};
}

/** Oldest first. */
export function weeksOf(period: Period): Period[] {
	const out: Period[] = [];
	for (let to = period.to; to >= period.from; to = addDays(to, -7)) {
		const from = addDays(to, -6);
		out.push({from: from < period.from ? period.from : from, to});
	}
	return out.reverse();
}

/** Index into weeksOf(period) of the week holding `date`, or -1 outside the period. */
export function weekIndexOf(period: Period, weekCount: number, date: IsoDate): number {
	if (date < period.from || date > period.to) return -1;
	return weekCount - 1 - Math.floor((toDayNumber(period.to) - toDayNumber(date)) / 7);
}
