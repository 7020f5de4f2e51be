/** The reporting period of the log: inclusive date-only bounds, 28 days up to today by default. */
import {addDays, parseUserDate, type IsoDate} from '../dates.js';

export interface Period {
	from: IsoDate;
	to: IsoDate;
}

/** Days in the default period (two 14-day review cycles). */
export const DEFAULT_PERIOD_DAYS = 28;

export function defaultPeriod(today: IsoDate): Period {
	return {from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today};
}

export type PeriodResult = {ok: true; period: Period} | {ok: false; error: string};

/**
 * Fills in a missing bound and checks both. With only --from, the period runs to today (or to --from
 * itself when that is later); with only --to, it is the 28 days (or `days`) up to --to.
 */
export function resolvePeriod(
	fromTyped: string | undefined,
	toTyped: string | undefined,
	today: IsoDate,
	days = DEFAULT_PERIOD_DAYS,
): PeriodResult {
	// One date syntax everywhere on the command line: YYYY-MM-DD or DD/MM/YYYY (README, "Command line").
	const parsed: (IsoDate | undefined)[] = [];
	for (const [name, value] of [
		['--from', fromTyped],
		['--to', toTyped],
	] as const) {
		const d = value === undefined ? undefined : parseUserDate(value);
		if (d === null) return {ok: false, error: `${name} must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "${value}").`};
		parsed.push(d);
	}
	const [from, to] = parsed;
	const end = to ?? (from !== undefined && from > today ? from : today);
	const start = from ?? addDays(end, -(days - 1));
	if (start > end) return {ok: false, error: `--from (${start}) is after --to (${end}).`};
	return {ok: true, period: {from: start, to: end}};
}

export const inPeriod = (date: IsoDate, p: Period): boolean => date >= p.from && date <= p.to;
