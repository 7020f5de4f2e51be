/**
 * The desk's Log view (key 4) as a reducer: the period, the filters (sergeant, officer, late only), the
 * chart's chosen week and the cursor. The desk's keymap (source/ui/keymap.ts) maps keys to these actions; nothing here reads
 * the keyboard or the disk.
 */
import {follow, moveBy} from '../../list/list-window.js';
import {addDays, daysBetween, type IsoDate} from '../../../domain/dates.js';
import {defaultPeriod, DEFAULT_PERIOD_DAYS, type Period} from '../../../domain/review-log/period.js';
import {defaultTrendPeriod, weeksOf} from '../../../domain/supervision-trends/weeks.js';

export interface LogViewState {
	period: Period;
	/** null = every sergeant. */
	sergeantId: string | null;
	/** null = every officer. */
	officerId: string | null;
	lateOnly: boolean;
	/** Index of the selected row in the filtered list. */
	cursor: number;
	/** Index of the first row drawn. */
	scroll: number;
	/** The chart's chosen week (0 = oldest of its 13), whose rows alone are listed; null = the whole period. */
	week: number | null;
	/** The weekly chart pane is shown (c hides it, for a short terminal). */
	chart: boolean;
}

export type LogViewAction =
	| {type: 'move'; delta: number; rowCount: number; visible: number}
	/** The rows or the window changed size (a resize, a reload): keep the cursor shown and the window full. */
	| {type: 'clamp'; rowCount: number; visible: number}
	| {type: 'cycle-sergeant'; sergeantIds: readonly string[]}
	| {type: 'cycle-officer'; officerIds: readonly string[]}
	| {type: 'toggle-late'}
	/** Moves the whole period back (negative) or forward by whole periods of its own length. */
	| {type: 'shift-period'; periods: number}
	| {type: 'set-period'; period: Period}
	/** Chooses the week before (-1) or after (+1) the chosen one in the chart (from none: the latest). */
	| {type: 'step-week'; delta: number; weekCount: number}
	/** Back to the whole period. */
	| {type: 'clear-week'}
	| {type: 'toggle-chart'};

export function initialLogViewState(today: IsoDate): LogViewState {
	return {period: defaultPeriod(today), sergeantId: null, officerId: null, lateOnly: false, cursor: 0, scroll: 0, week: null, chart: true};
}

/**
 * The view on a new day (the desk follows the calendar past midnight without --today): a period still the
 * default for the day it was opened on moves to the new day's default; one the user moved stays.
 */
export function logViewOnDay(state: LogViewState, was: IsoDate, today: IsoDate): LogViewState {
	if (was === today) return state;
	const old = defaultPeriod(was);
	if (state.period.from !== old.from || state.period.to !== old.to) return state;
	return {...state, period: defaultPeriod(today), week: null, cursor: 0, scroll: 0};
}

/** null -> first -> second -> ... -> last -> null. */
function cycle(current: string | null, ids: readonly string[]): string | null {
	if (ids.length === 0) return null;
	if (current === null) return ids[0]!;
	const i = ids.indexOf(current);
	return i === -1 || i === ids.length - 1 ? null : ids[i + 1]!;
}

const reset = (s: LogViewState): LogViewState => ({...s, cursor: 0, scroll: 0});

export function logViewReducer(state: LogViewState, action: LogViewAction): LogViewState {
	switch (action.type) {
		// The rows are a list like any other: the shared list window moves and clamps them (list/list-window.ts),
		// which also fills the window (no blank rows below the last while rows above are hidden).
		case 'move': {
			const w = moveBy(state, action.delta, action.rowCount, action.visible);
			return w === state ? state : {...state, cursor: w.cursor, scroll: w.scroll};
		}
		case 'clamp': {
			const w = follow(state, action.rowCount, action.visible);
			return w === state ? state : {...state, cursor: w.cursor, scroll: w.scroll};
		}
		case 'cycle-sergeant':
			return reset({...state, sergeantId: cycle(state.sergeantId, action.sergeantIds)});
		case 'cycle-officer':
			return reset({...state, officerId: cycle(state.officerId, action.officerIds)});
		case 'toggle-late':
			return reset({...state, lateOnly: !state.lateOnly});
		case 'shift-period': {
			const length = periodLength(state.period);
			const days = length * action.periods;
			return reset({...state, period: {from: addDays(state.period.from, days), to: addDays(state.period.to, days)}, week: null});
		}
		case 'set-period':
			return reset({...state, period: action.period, week: null});
		case 'step-week': {
			if (action.weekCount <= 0) return state;
			const week = state.week === null ? action.weekCount - 1 : Math.max(0, Math.min(action.weekCount - 1, state.week + action.delta));
			return week === state.week ? state : reset({...state, week});
		}
		case 'clear-week':
			return state.week === null ? state : reset({...state, week: null});
		case 'toggle-chart':
			return {...state, chart: !state.chart};
	}
}

function periodLength(p: Period): number {
	return daysBetween(p.from, p.to) + 1 || DEFAULT_PERIOD_DAYS;
}

/** The 13 weeks the chart draws: those ending on the period's last day. */
export function chartWeeks(s: LogViewState): Period[] {
	return weeksOf(defaultTrendPeriod(s.period.to));
}

/** The dates the rows are listed for: the chosen week, else the period. */
export function rowsPeriod(s: LogViewState): Period {
	return s.week === null ? s.period : (chartWeeks(s)[s.week] ?? s.period);
}

/** The export's file name says what it holds: "review-log-2026-11-03-to-2026-11-30-officer-o0003-late.csv". */
export function logExportFileName(s: LogViewState): string {
	const part = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
	const filters = `${s.sergeantId ? `-sergeant-${part(s.sergeantId)}` : ''}${s.officerId ? `-officer-${part(s.officerId)}` : ''}${s.lateOnly ? '-late' : ''}`;
	const p = rowsPeriod(s);
	return `review-log-${p.from}-to-${p.to}${filters}.csv`;
}
