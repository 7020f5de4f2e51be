/**
 * The shapes of the inspector's weekly figures. Every figure is a count AND the list of what it
 * counted (a chain entry by its sequence, or a case, bail record or officer on a date), so any number
 * on a chart or in the report can be traced back to the log entries behind it.
 */
import type {IsoDate} from '../dates.js';
import type {PerformanceDecisionKind} from '../model.js';

export interface TraceRef {
	/**
	 * What was counted: a signed review or a performance decision (chain entries: `seq` is set), a case
	 * whose review was due, a trigger (an officer's), a bail record (a case's) or an officer.
	 */
	kind: 'review' | 'decision' | 'case' | 'trigger' | 'bail' | 'officer';
	/** Chain sequence: the entry itself, or for a case the last review signed before the date; null when none. */
	seq: number | null;
	/** Crime reference (made safe), when the thing counted is about a case. */
	caseRef: string | null;
	/** The officer concerned (the officer in the case, the officer with the trigger). */
	officerId: string | null;
	/** The date that put it in its week: signed, due, decided, first fired, extended, lapsed, last check-in. */
	date: IsoDate;
	/** Days late, for a late review. */
	days?: number;
}

export interface Figure {
	count: number;
	refs: TraceRef[];
}

export const DECISION_KINDS: readonly PerformanceDecisionKind[] = ['action-plan', 'not-now', 'escalate'];

/** One week's figures (or the whole period's: flows added up, stocks as at its end). */
export interface WeekFigures {
	from: IsoDate;
	to: IsoDate;
	/** Signed reviews plus cases that missed their review (the exception report's "reviews due"). */
	reviewsDue: Figure;
	/** Reviews signed in the week (log rows of kind "review"). */
	reviewsDone: Figure;
	onTime: Figure;
	/** Signed after their due date; each ref carries its days late. */
	late: Figure;
	/** Median days late of the late reviews; null when none was late. */
	medianDaysLate: number | null;
	/** Cases whose review fell due by the week's end and was not done by then (the report's "not reviewed", for the week). */
	missed: Figure;
	/** Reviews overdue at the end of the week (or today), as the desk's status bar counts them. */
	overdueAtEnd: Figure;
	/** Performance triggers that first fired in the week. */
	triggersRaised: Figure;
	/** Performance decisions recorded in the week, by kind. */
	decided: Record<PerformanceDecisionKind, Figure>;
	/** Triggers that went to the inspector in the week (escalated, "not now" in a row, or no decision in time). */
	escalated: Figure;
	/** Triggers firing with no decision at the week's end. */
	undecidedAtEnd: Figure;
	/** Bail that ended in the week before it lapsed. */
	bailMet: Figure;
	/** Bail extensions authorised in the week. */
	bailExtended: Figure;
	/** Bail whose period ended, or whose return date passed, in the week with bail still running. */
	bailLapsed: Figure;
	/** Officers with no welfare check-in for the check-in interval (28 days) at the week's end: a count, never what was said. */
	withoutCheckIn: Figure;
}

/** The figures that count things happening in a week (they add up over the weeks to the period's). */
export const FLOW_FIGURES = [
	'reviewsDone',
	'onTime',
	'late',
	'triggersRaised',
	'escalated',
	'bailMet',
	'bailExtended',
	'bailLapsed',
] as const;
/** The figures that count what stood at the week's end (the period's is its last week's). */
export const STOCK_FIGURES = ['overdueAtEnd', 'undecidedAtEnd', 'withoutCheckIn'] as const;
export type FigureName = (typeof FLOW_FIGURES)[number] | (typeof STOCK_FIGURES)[number] | 'missed' | 'reviewsDue';

export function emptyFigure(): Figure {
	return {count: 0, refs: []};
}

export function emptyWeek(from: IsoDate, to: IsoDate): WeekFigures {
	return {
		from,
		to,
		reviewsDue: emptyFigure(),
		reviewsDone: emptyFigure(),
		onTime: emptyFigure(),
		late: emptyFigure(),
		medianDaysLate: null,
		missed: emptyFigure(),
		overdueAtEnd: emptyFigure(),
		triggersRaised: emptyFigure(),
		decided: {'action-plan': emptyFigure(), 'not-now': emptyFigure(), escalate: emptyFigure()},
		escalated: emptyFigure(),
		undecidedAtEnd: emptyFigure(),
		bailMet: emptyFigure(),
		bailExtended: emptyFigure(),
		bailLapsed: emptyFigure(),
		withoutCheckIn: emptyFigure(),
	};
}

export function addRef(f: Figure, ref: TraceRef): void {
	f.refs.push(ref);
	f.count++;
}

/** Decisions of every kind in the week. */
export function decidedCount(w: WeekFigures): number {
	let n = 0;
	for (const k of DECISION_KINDS) n += w.decided[k].count;
	return n;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
