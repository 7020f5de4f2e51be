/** The reporting period of the log: inclusive date-only bounds, 28 days up to today by default. */
import {addDays, parseUserDate, typedDateRefusal, type IsoDate} from '../dates.js';

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
 * Fills in a missing bound and checks both. With only --from, the period runs to today; a --from after
 * today is refused there, not turned into a one-day period nobody asked for (README "The review log":
 * nothing is signed after today). With only --to, it is the 28 days (or `days`) up to --to.
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
		if (d === null) return {ok: false, error: typedDateRefusal(name, value ?? '')};
		parsed.push(d);
	}
	const [from, to] = parsed;
	if (from !== undefined && to === undefined && from > today) {
		return {
			ok: false,
			error:
				`--from (${from}) is after today (${today}), and with no --to the period runs from --from to today. ` +
				'Give an earlier --from, or --to as well for a period ahead (nothing is signed there yet).',
		};
	}
	const end = to ?? today;
	const start = from ?? addDays(end, -(days - 1));
	if (start > end) return {ok: false, error: `--from (${start}) is after --to (${end}).`};
	return {ok: true, period: {from: start, to: end}};
}

export const inPeriod = (date: IsoDate, p: Period): boolean => date >= p.from && date <= p.to;
