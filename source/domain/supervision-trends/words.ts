/**
 * The weekly figures in words, one way for every place that shows them (the desk's chart pane reads
 * them beside the bars; the HTML report's charts carry them in their descriptions), so a chart is
 * never the only way to get a number.
 */
import {shortDate, type IsoDate} from '../dates.js';
import {days, plural} from '../plural.js';
import {decidedCount, type WeekFigures} from './figures.js';

/** "24 Nov-30 Nov" (a year is added when it is not today's). */
export function weekSpan(w: {from: IsoDate; to: IsoDate}, today: IsoDate): string {
	return `${shortDate(w.from, today)}-${shortDate(w.to, today)}`;
}

/** "33 reviews due: 27 done (5 on time, 22 late, median 2 days late), 6 missed; 6 overdue at the week's end". */
export function reviewWords(w: WeekFigures, end = "the week's end"): string {
	const late = w.late.count === 0 ? '0 late' : `${w.late.count} late, median ${days(w.medianDaysLate!)} late`;
	return (
		`${plural(w.reviewsDue.count, 'review')} due: ${w.reviewsDone.count} done (${w.onTime.count} on time, ${late}), ${w.missed.count} missed; ` +
		`${w.overdueAtEnd.count} overdue at ${end}`
	);
}

/** "triggers: 1 raised, 2 decided (1 action plan, 1 not now), 1 escalated, 3 undecided at the week's end". */
export function triggerWords(w: WeekFigures, end = "the week's end"): string {
	const kinds = [
		[w.decided['action-plan'].count, 'action plan'],
		[w.decided['not-now'].count, 'not now'],
		[w.decided.escalate.count, 'escalate'],
	]
		.filter(([n]) => n !== 0)
		.map(([n, k]) => `${n} ${k}`);
	const decided = decidedCount(w);
	return (
		`triggers: ${w.triggersRaised.count} raised, ${decided} decided${kinds.length ? ` (${kinds.join(', ')})` : ''}, ${w.escalated.count} ` +
		`escalated, ${w.undecidedAtEnd.count} undecided at ${end}`
	);
}

/** "bail: 0 dates met, 1 extended, 1 lapsed". */
export function bailWords(w: WeekFigures): string {
	return `bail: ${w.bailMet.count} met, ${w.bailExtended.count} extended, ${w.bailLapsed.count} lapsed`;
}

/** "2 officers without a welfare check-in in 28 days" (a count: never who said what). */
export function checkInWords(w: WeekFigures, intervalDays: number): string {
	return `${plural(w.withoutCheckIn.count, 'officer')} without a welfare check-in in ${intervalDays} days`;
}
