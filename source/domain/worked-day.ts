/**
 * The one rule for dating what is written (README "Dates and the clock"): a stored instant
 * (`recordedAt`, `startedAt`, `updatedAt`, `signedAt`) is always this machine's clock, so instants stay
 * real and in the order things happened, whatever day a session works as. The day a record belongs to is
 * the day the command or desk works as (`--today`, FORTNIGHT_TODAY, or the desk's calendar day): when
 * that is not the clock's own day of the instant, it is stored beside it (`recordedOn`, `startedOn`,
 * `savedOn`), and readers show that day, naming the clock's day and time apart when they show a time. So a
 * record never claims a real time on a day the clock did not say, and a demo run with `--today` is
 * dated on its own day.
 */
import type {IsoDate} from './dates.js';

/** The worked day to store beside `instant`: `today` when it is not the instant's own (UTC) day, else undefined. */
export function workedDayApart(today: IsoDate, instant: string): IsoDate | undefined {
	return instant.slice(0, 10) === today ? undefined : today;
}

/** The day a record made at `instant` belongs to: its stored worked day, else the instant's own day. */
export function recordDay(instant: string, workedDay: IsoDate | undefined): IsoDate {
	return workedDay ?? instant.slice(0, 10);
}
