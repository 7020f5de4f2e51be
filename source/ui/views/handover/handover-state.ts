/**
 * The Handover view's state: the window, the cover as typed, which field is being edited, the scroll
 * position and the last export's outcome. A reducer with a union of actions (as ink-ui's use-*-state),
 * so key handling never reads a stale closure.
 */
import {addDays, type IsoDate} from '../../../domain/dates.js';
import {parseUserDate} from '../../../domain/dates.js';

export type Field = 'from' | 'to' | 'cover';

export interface HandoverState {
	from: IsoDate;
	to: IsoDate;
	/** Cover as typed; '' = use the cover recorded for the sergeant's absence, if any. */
	cover: string;
	editing: Field | null;
	draft: string;
	scroll: number;
	/** One line for the status row: an export's result or why an edit was refused. */
	message: {text: string; error: boolean} | null;
	/** Bumped by the export key; the view runs the export when it changes (side effects stay out of here). */
	exportSeq: number;
}

/** The parts of Ink's key object the view reacts to. */
export interface KeyPress {
	input: string;
	up: boolean;
	down: boolean;
	pageUp: boolean;
	pageDown: boolean;
	enter: boolean;
	escape: boolean;
	backspace: boolean;
	ctrl: boolean;
	meta: boolean;
}

export type HandoverAction =
	/** A key, decided here on the latest state (a handler's closure can be a render behind fast typing). */
	| {type: 'key'; key: KeyPress; page: number; max: number}
	| {type: 'scroll'; by: number; max: number}
	| {type: 'edit'; field: Field}
	| {type: 'type'; text: string}
	| {type: 'backspace'}
	| {type: 'commit'}
	| {type: 'cancel'}
	| {type: 'message'; text: string; error: boolean};

export function initialHandoverState(today: IsoDate): HandoverState {
	return {from: today, to: addDays(today, 13), cover: '', editing: null, draft: '', scroll: 0, message: null, exportSeq: 0};
}

export function handoverReducer(state: HandoverState, action: HandoverAction): HandoverState {
	switch (action.type) {
		case 'key':
			return onKey(state, action.key, action.page, action.max);
		case 'scroll':
			return {...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.by))};
		case 'edit':
			return {...state, editing: action.field, draft: action.field === 'cover' ? state.cover : state[action.field], message: null};
		case 'type':
			// Control characters never enter a field (a paste can carry them).
			return state.editing ? {...state, draft: (state.draft + action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')).slice(0, 120)} : state;
		case 'backspace':
			return state.editing ? {...state, draft: state.draft.slice(0, -1)} : state;
		case 'cancel':
			return {...state, editing: null, draft: '', message: null};
		case 'message':
			return {...state, message: {text: action.text, error: action.error}};
		case 'commit':
			return commit(state);
	}
}

function onKey(state: HandoverState, key: KeyPress, page: number, max: number): HandoverState {
	const r = (a: HandoverAction) => handoverReducer(state, a);
	if (state.editing) {
		if (key.escape) return r({type: 'cancel'});
		if (key.enter) return r({type: 'commit'});
		if (key.backspace) return r({type: 'backspace'});
		if (key.input && !key.ctrl && !key.meta) return r({type: 'type', text: key.input});
		return state;
	}
	if (key.down || key.input === 'j') return r({type: 'scroll', by: 1, max});
	if (key.up || key.input === 'k') return r({type: 'scroll', by: -1, max});
	if (key.pageDown || key.input === ' ') return r({type: 'scroll', by: page, max});
	if (key.pageUp || key.input === 'b') return r({type: 'scroll', by: -page, max});
	if (key.input === 'f') return r({type: 'edit', field: 'from'});
	if (key.input === 't') return r({type: 'edit', field: 'to'});
	if (key.input === 'c') return r({type: 'edit', field: 'cover'});
	if (key.input === 'e') return {...state, exportSeq: state.exportSeq + 1, message: {text: 'Exporting...', error: false}};
	return state;
}

function commit(state: HandoverState): HandoverState {
	const field = state.editing;
	if (!field) return state;
	if (field === 'cover') return {...state, cover: state.draft.trim(), editing: null, draft: '', scroll: 0, message: null};
	const date = parseUserDate(state.draft);
	if (!date) return {...state, message: {text: `"${state.draft}" is not a real date: type YYYY-MM-DD or DD/MM/YYYY.`, error: true}};
	const from = field === 'from' ? date : state.from;
	const to = field === 'to' ? date : state.to;
	if (to < from) return {...state, message: {text: `The window would end (${to}) before it starts (${from}).`, error: true}};
	return {...state, from, to, editing: null, draft: '', scroll: 0, message: null};
}
