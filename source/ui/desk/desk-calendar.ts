/**
 * The Calendar view's context in the desk (view 5): the general moving keys move its cursor (← and → a
 * day, PgUp/PgDn a week, g/G the first and last day) and Enter opens the case under it.
 */
import {keysFor, type DeskCommand} from '../contexts/registry.js';
import {calendarGrid, type CalendarGrid} from '../views/calendar/calendar-grid.js';
import {calendarInnerWidth, calendarShape} from '../views/calendar/calendar-lines.js';
import {calendarMove} from '../views/calendar/calendar-state.js';
import {openCase} from './desk-navigation.js';
import type {DeskState} from './desk-state.js';

/** The Calendar view's grid: 14 days from today, 28 when the main area is wide enough. */
export function currentCalendar(s: DeskState): CalendarGrid {
	return calendarGrid(s.model.data, s.model.today, calendarShape(calendarInnerWidth(s.layout.width - s.layout.activityWidth)).days);
}

/** A desk command in the Calendar view; undefined when it is not the view's (the desk's own then applies). */
export function calendarCommand(s: DeskState, command: DeskCommand): DeskState | undefined {
	const r = calendarMove(s.calendar, currentCalendar(s), command, keysFor('open', s.keymap));
	if (!r.handled) return undefined;
	if (r.open) return openCase({...s, calendar: r.state}, r.open);
	return {...s, calendar: r.state, notice: r.notice ?? null};
}
