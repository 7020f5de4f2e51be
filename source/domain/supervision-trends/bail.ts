/**
 * Bail figures by week, from each case's bail record: extensions authorised, bail ended in time
 * (met), and bail that lapsed. Lapsed is the bail rule's own test (bailClock: the period ended, or the
 * return date passed, with bail still recorded as running), taken on the bail as it stood on the day:
 * only the extensions authorised by then count.
 */
import {bailClockAsOf} from '../bail.js';
import {addDays, minDate, type IsoDate} from '../dates.js';
import {safeText} from '../safe-text.js';
import type {TrendContext} from './context.js';

export function bailFigures(ctx: TrendContext): void {
	for (const c of ctx.data.cases) {
		const bail = c.bail;
		if (!bail) continue;
		const sergeantId = ctx.sergeantOf(c.oicId);
		const ref = (date: IsoDate) => ({kind: 'bail' as const, seq: null, caseRef: safeText(c.ref), officerId: c.oicId, date});
		for (const x of bail.extensions) ctx.flow(sergeantId, x.date, w => w.bailExtended, ref(x.date));
		// Bail runs until it is recorded as ended (or the case closed), and is judged no later than today.
		const until = bail.endedOn ?? c.closedOn;
		const day = until === null ? ctx.today : minDate(until, ctx.today);
		if (day < bail.bailedOn) continue;
		const clock = bailClockAsOf(bail, day);
		if (clock.lapsed || clock.returnMissed) {
			// The day after the period ended (or the return date passed): the bail-lapsed problem's own date.
			const lapsed = addDays(clock.lapsed ? clock.periodEnd : clock.returnDate, 1);
			if (lapsed <= day) ctx.flow(sergeantId, lapsed, w => w.bailLapsed, ref(lapsed));
		} else if (bail.endedOn !== null && bail.endedOn <= ctx.today) {
			ctx.flow(sergeantId, bail.endedOn, w => w.bailMet, ref(bail.endedOn));
		}
	}
}
