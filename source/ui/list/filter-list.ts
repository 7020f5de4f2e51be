/**
 * State of a filterable, windowed list (the explorer and the Problems panel share it): the window,
 * the filter text, and whether the filter is being typed. A reducer with a union of actions, so
 * fast key presses never act on a stale copy.
 */
import {follow, moveBy, moveTo, START, type ListWindow} from './list-window.js';
import {appendTyped, editLine} from '../input/text-field.js';
import type {TextEditCommand} from '../contexts/modes.js';

export interface FilterListState {
	win: ListWindow;
	/** Text the list is filtered by ('' = everything). */
	filter: string;
	/** True while the filter line has the keyboard. */
	filtering: boolean;
}

export const EMPTY_LIST: FilterListState = {win: START, filter: '', filtering: false};

export type FilterListAction =
	| {type: 'move'; delta: number}
	| {type: 'move-to'; index: number}
	| {type: 'start-filter'}
	| {type: 'type'; text: string}
	/** Backspace, Ctrl+W, Ctrl+U (contexts/modes.ts TEXT_EDIT_BINDINGS). */
	| {type: 'erase'; edit: TextEditCommand}
	/** Enter: stop typing, keep the filter. */
	| {type: 'keep-filter'}
	/** Esc: stop typing and clear the filter. */
	| {type: 'clear-filter'}
	| {type: 'clamp'};

/** `length` and `visible` are the list's current row count and window height. */
export function filterListReducer(s: FilterListState, a: FilterListAction, length: number, visible: number): FilterListState {
	switch (a.type) {
		case 'move':
			return withWin(s, moveBy(s.win, a.delta, length, visible));
		case 'move-to':
			return withWin(s, moveTo(s.win, a.index, length, visible));
		case 'start-filter':
			return {...s, filtering: true};
		case 'type':
			return {...s, filter: appendTyped(s.filter, a.text), win: START};
		case 'erase':
			return {...s, filter: editLine(s.filter, a.edit), win: START};
		case 'keep-filter':
			return {...s, filtering: false};
		case 'clear-filter':
			return {...s, filter: '', filtering: false, win: START};
		case 'clamp':
			return withWin(s, follow(s.win, length, visible));
	}
}

function withWin(s: FilterListState, win: ListWindow): FilterListState {
	return win === s.win ? s : {...s, win};
}

/** True when a filter line is drawn above the list (it takes one row). */
export function showsFilterLine(s: FilterListState): boolean {
	return s.filtering || s.filter !== '';
}

/** Lower-cased "does `haystack` contain every word of `filter`" match. */
export function matchesFilter(filterWords: readonly string[], haystack: string): boolean {
	const h = haystack.toLowerCase();
	return filterWords.every(w => h.includes(w));
}

export function filterWords(filter: string): string[] {
	return filter.toLowerCase().split(/\s+/).filter(Boolean);
}
