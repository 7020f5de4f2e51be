/**
 * Bail that lapsed unattended in the log's period and was resolved since (README "fortnight log": lapsed
 * or lapsing bail). The rules judge today, so once the outcome is recorded the bail-lapsed problem is gone;
 * but DOMAIN's failure table puts "bail lapsed unnoticed" first among what the inspector must see. So a
 * lapse whose unattended days fall in the period stays in the report, with how, when and by whom it was
 * resolved. The lapse is the trends' own test (bailClockAsOf), so the report's count and the chart agree.
 */
import {bailClockAsOf} from '../bail.js';
import {BAIL_EVENT_SHORT_WORDS} from '../bail-record.js';
import {addDays, daysBetween, minDate, shortDate, type IsoDate} from '../dates.js';
import type {BailEventKind, Case} from '../model.js';
import type {Period} from './period.js';

/** How a lapsed bail was resolved: the event that ended it, when and by whom (null: ended without an event, by import). */
export interface BailResolution {
	event: BailEventKind | null;
	on: IsoDate;
	byId: string | null;
	by: string | null;
	/** Days from the last day of the bail period (or the missed return date) to the day it was resolved. */
	unattendedDays: number;
}

export interface ResolvedLapse {
	case: Case;
	/** The bail period's last day, or the return date that was missed. */
	ended: IsoDate;
	/** The first day it was lapsed: the bail-lapsed problem's own date. */
	lapsedOn: IsoDate;
	/** True when the bail period ended; false when only the return date passed. */
	periodEnded: boolean;
	resolution: BailResolution;
}

const ENDING: ReadonlySet<BailEventKind> = new Set(['charged', 'rui', 'nfa', 'released']);

/** Every ended bail that lapsed before it was ended, with unattended days in `period`, judged no later than `today`. */
export function resolvedLapses(cases: readonly Case[], period: Period, today: IsoDate, name: (id: string) => string): ResolvedLapse[] {
	const found: ResolvedLapse[] = [];
	for (const c of cases) {
		const bail = c.bail;
		if (!bail || bail.endedOn === null || bail.endedOn > today) continue;
		const resolvedOn = bail.endedOn;
		const clock = bailClockAsOf(bail, resolvedOn);
		if (!clock.lapsed && !clock.returnMissed) continue;
		const ended = clock.lapsed ? clock.periodEnd : clock.returnDate;
		const lapsedOn = addDays(ended, 1);
		// Unattended from the lapse to the outcome: shown when any of those days falls in the period.
		if (lapsedOn > minDate(resolvedOn, period.to) || resolvedOn < period.from) continue;
		const event = c.bailEvents.filter(e => e.on === resolvedOn && ENDING.has(e.event)).at(-1);
		found.push({
			case: c,
			ended,
			lapsedOn,
			periodEnded: clock.lapsed,
			resolution: {
				event: event?.event ?? null,
				on: resolvedOn,
				byId: event?.recordedBy ?? null,
				by: event ? name(event.recordedBy) : null,
				unattendedDays: daysBetween(ended, resolvedOn),
			},
		});
	}
	return found;
}

/** "Bail period ended 27 Nov and lapsed, unattended 3 days; resolved: RUI recorded 30 Nov by DS Tom Brennan." */
export function resolvedLapseWords(l: ResolvedLapse, today: IsoDate): string {
	const r = l.resolution;
	const what = l.periodEnded ? `Bail period ended ${shortDate(l.ended, today)}` : `Bail return date ${shortDate(l.ended, today)} passed`;
	const days = `${r.unattendedDays} day${r.unattendedDays === 1 ? '' : 's'}`;
	const how = r.event
		? `${BAIL_EVENT_SHORT_WORDS[r.event]} recorded ${shortDate(r.on, today)} by ${r.by}`
		: `bail recorded as ended ${shortDate(r.on, today)} (no bail event recorded)`;
	return `${what} and lapsed, unattended ${days}; resolved: ${how}.`;
}
