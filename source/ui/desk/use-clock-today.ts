/**
 * The desk's day when it was opened without `--today` (README "Command line": the local date is the
 * default): it follows the machine's calendar while the desk stays open, so a review signed or a check-in
 * recorded after midnight on a late turn is dated the day it was done, and every badge and rule moves on
 * to the new day. With `--today` (or FORTNIGHT_TODAY) the day is fixed, as every test and the bench want.
 */
import {useEffect, useState} from 'react';
import {localToday, type IsoDate} from '../../domain/dates.js';

/** How often the calendar is looked at: a clock set forward, a suspended laptop or midnight are all seen within this. */
export const CLOCK_CHECK_MS = 15_000;

const realClock = (): Date => new Date();

export function useClockToday(start: IsoDate, follow: boolean, now: () => Date = realClock, everyMs = CLOCK_CHECK_MS): IsoDate {
	const [today, setToday] = useState(start);
	useEffect(() => {
		if (!follow) return;
		const look = () => {
			const day = localToday(now());
			setToday(current => (current === day ? current : day));
		};
		const timer = setInterval(look, everyMs);
		// The check never keeps the process alive on its own (the desk's input does).
		timer.unref?.();
		return () => clearInterval(timer);
	}, [follow, now, everyMs]);
	return today;
}
