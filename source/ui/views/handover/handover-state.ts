/**
 * The Handover view's state: the window, the cover as typed, which field is being edited, the scroll
 * position and the last export's outcome. A reducer with a union of actions (as ink-ui's use-*-state);
 * the desk turns key presses into these actions through its input contexts (desk/desk-handover.ts).
 */
import {scrollBy} from '../../list/list-window.js';
import {DEFAULT_KEYMAP, keysFor, modeKey} from '../../contexts/registry.js';
import {addDays, parseUserDate, type IsoDate} from '../../../domain/dates.js';
import {appendTyped, editLine} from '../../input/text-field.js';
import type {TextEditCommand} from '../../contexts/modes.js';
import type {Absence, Officer} from '../../../domain/model.js';
import {coverAwayProblem} from '../../../domain/absences.js';
import {listOfficers, matchOfficer} from '../../../domain/officer-match.js';

export type Field = 'from' | 'to' | 'cover';

export interface HandoverState {
	from: IsoDate;
	to: IsoDate;
	/** Cover as typed; '' = use the cover recorded for the sergeant's absence, if any. */
	cover: string;
	editing: Field | null;
	draft: string;
	/**
	 * True while the draft is the field's old value, just opened: the first character typed replaces it
	 * (as a selected field does), so a date typed after `f` is that date, not the old one with it appended
	 * (the QA pass saw "2026-10-252026-02-30"); Backspace first edits the old value instead.
	 */
	replace?: boolean;
	/** A cover name matching nobody in the team, refused once: Enter again on the same name takes it as outside. */
	outsideConfirm?: string;
	scroll: number;
	/** One line for the status row: an export's result or why an edit was refused. */
	message: {text: string; error: boolean} | null;
	/** Bumped by the export key; the view runs the export when it changes (side effects stay out of here). */
	exportSeq: number;
	/** What the last export asked for: the Markdown handover (e) or the calendar (i). */
	exportFormat: ExportFormat;
}

export type ExportFormat = 'md' | 'ics';

export type HandoverAction =
	| {type: 'scroll'; by: number; max: number}
	| {type: 'edit'; field: Field}
	/** Export what is on screen (the view writes the file; see HandoverView). */
	| {type: 'export'; format?: ExportFormat}
	| {type: 'type'; text: string}
	/** Backspace, Ctrl+W, Ctrl+U (contexts/modes.ts TEXT_EDIT_BINDINGS). */
	| {type: 'erase'; edit: TextEditCommand}
	/** `keys`: the keys in force that a refusal names (the field's cancel, the window's first and last day). */
	/**
	 * `officers`: the team, to read a typed cover as `handover --cover` does (resolve.ts coverFlag): an
	 * officer matched, or someone outside the team only when confirmed (here, Enter a second time).
	 */
	/** `absences`: the team's, to refuse a cover who is away in the window (domain/absences.ts coverAwayProblem). */
	| {type: 'commit'; keys?: FieldKeys; officers?: readonly Officer[]; absences?: readonly Absence[]}
	| {type: 'cancel'}
	| {type: 'message'; text: string; error: boolean};

/** The keys a refusal names, as the keymap in force has them (contexts/: field-cancel, handover-from, handover-to). */
export interface FieldKeys {
	cancel: string;
	/** field-accept: Enter again takes an unknown cover name as someone outside the team. */
	accept: string;
	from: string;
	to: string;
}

const DEFAULT_FIELD_KEYS: FieldKeys = {
	cancel: modeKey(DEFAULT_KEYMAP.field, 'field-cancel'),
	accept: modeKey(DEFAULT_KEYMAP.field, 'field-accept'),
	from: keysFor('handover-from'),
	to: keysFor('handover-to'),
};

export function initialHandoverState(today: IsoDate): HandoverState {
	return {
		from: today,
		to: addDays(today, 13),
		cover: '',
		editing: null,
		draft: '',
		scroll: 0,
		message: null,
		exportSeq: 0,
		exportFormat: 'md',
	};
}

/**
 * The desk's day moved on from `was` to `today` (a desk opened without --today, past midnight: README
 * "Opened without `--today`..."): a window still the default one (the fortnight from the day it was
 * opened) moves with the day, so the view and its export start today; a window the sergeant set stays.
 */
export function handoverOnDay(state: HandoverState, was: IsoDate, today: IsoDate): HandoverState {
	if (was === today) return state;
	const old = initialHandoverState(was);
	if (state.from !== old.from || state.to !== old.to) return state;
	const now = initialHandoverState(today);
	return {...state, from: now.from, to: now.to};
}

/** True while a field is open: typed text (a paste included) goes into it whole. */
export function handoverTakesText(state: HandoverState): boolean {
	return state.editing !== null;
}

export function handoverReducer(state: HandoverState, action: HandoverAction): HandoverState {
	switch (action.type) {
		case 'scroll':
			// `max` is the last scroll the preview allows (its length less the rows shown): the shared clamp.
			return {...state, scroll: scrollBy(state.scroll, action.by, action.max, 0)};
		case 'export':
			return {...state, exportSeq: state.exportSeq + 1, exportFormat: action.format ?? 'md', message: {text: 'Exporting...', error: false}};
		case 'edit': {
			const draft = action.field === 'cover' ? state.cover : state[action.field];
			return {...state, editing: action.field, draft, replace: draft !== '', outsideConfirm: undefined, message: null};
		}
		case 'type':
			// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
			return state.editing
				? {...state, draft: appendTyped(state.replace ? '' : state.draft, action.text, 120), replace: false, outsideConfirm: undefined}
				: state;
		case 'erase':
			// Backspace, Ctrl+W and Ctrl+U edit the old value (t, Backspace twice, 20: the 20th of the same month).
			return state.editing ? {...state, draft: editLine(state.draft, action.edit), replace: false, outsideConfirm: undefined} : state;
		case 'cancel':
			return {...state, editing: null, draft: '', replace: false, outsideConfirm: undefined, message: null};
		case 'message':
			return {...state, message: {text: action.text, error: action.error}};
		case 'commit':
			return commit(state, action.keys ?? DEFAULT_FIELD_KEYS, action.officers, action.absences);
	}
}

const CLOSED = {editing: null, draft: '', replace: false, outsideConfirm: undefined, scroll: 0, message: null} as const;

function commit(state: HandoverState, keys: FieldKeys, officers?: readonly Officer[], absences?: readonly Absence[]): HandoverState {
	const field = state.editing;
	if (!field) return state;
	if (field === 'cover') return commitCover(state, keys, officers, absences);
	const date = parseUserDate(state.draft);
	if (!date) return {...state, message: {text: whyNotADate(state.draft.trim(), keys.cancel), error: true}};
	const from = field === 'from' ? date : state.from;
	const to = field === 'to' ? date : state.to;
	if (to < from) {
		const text =
			field === 'from'
				? `The first day (${from}) is after the last day (${to}): type an earlier date, or ${keys.cancel} and change the last day (${keys.to}) first.`
				: `The last day (${to}) is before the first day (${from}): type a later date, or ${keys.cancel} and change the first day (${keys.from}) first.`;
		return {...state, message: {text, error: true}};
	}
	// A window the named cover is away in is refused as the cover would be (coverAway).
	const away = coverAway(state.cover, {from, to}, officers, absences);
	if (away) return {...state, message: {text: `${away} (${keys.cancel} keeps the window as it was.)`, error: true}};
	return {...state, from, to, ...CLOSED};
}

/**
 * Why the typed cover, a team member, cannot cover the window: away on a day of it. The rule and words
 * `handover --cover` and `absence change --cover` use (domain/absences.ts coverAwayProblem); nothing is
 * taken, so the preview and its export never name as cover someone who is not there.
 */
function coverAway(
	typed: string,
	window: {from: IsoDate; to: IsoDate},
	officers?: readonly Officer[],
	absences?: readonly Absence[],
): string | null {
	if (typed.trim() === '' || !officers || !absences) return null;
	const m = matchOfficer(officers, typed.trim());
	return m.kind === 'found' ? coverAwayProblem({officers, absences}, m.officer.id, window, 'handover') : null;
}

/**
 * The cover as `handover --cover` reads it (README "fortnight handover and fortnight absence"): empty is
 * the cover recorded for the window; an officer matched by id, collar number or name; more than one
 * match is refused with the candidates; a name matching nobody is refused with the near matches, never
 * quietly taken as free text (the desk once took "Marsch" as someone outside the team), unless Enter is
 * pressed again on the same name, the desk's `--cover-outside`.
 */
function commitCover(state: HandoverState, keys: FieldKeys, officers?: readonly Officer[], absences?: readonly Absence[]): HandoverState {
	const typed = state.draft.trim();
	const taken = {...state, cover: typed, ...CLOSED};
	if (typed === '' || officers === undefined) return taken;
	const m = matchOfficer(officers, typed);
	if (m.kind === 'found') {
		const away = coverAway(typed, state, officers, absences);
		return away ? {...state, message: {text: `${away} (${keys.cancel} keeps the cover as it was.)`, error: true}} : taken;
	}
	const shown = `"${typed.slice(0, 40)}"`;
	if (m.kind === 'ambiguous') {
		return {...state, message: {text: `${shown} matches more than one officer: ${listOfficers(m.candidates)}. Type the id.`, error: true}};
	}
	if (state.outsideConfirm === typed) return taken;
	const near = m.near.length ? ` Did you mean ${listOfficers(m.near)}?` : '';
	const text = `No officer in this team matches ${shown}.${near} ${keys.accept} again to name ${shown} as someone outside the team, or ${keys.cancel} to keep the cover as it was.`;
	return {...state, outsideConfirm: typed, message: {text, error: true}};
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a typed date was refused, in words: the shape, the month, or the day that does not exist. */
export function whyNotADate(typed: string, cancelKey = DEFAULT_FIELD_KEYS.cancel): string {
	const shown = `"${typed.slice(0, 30)}"`;
	if (typed === '') return `Type a date: YYYY-MM-DD or DD/MM/YYYY (${cancelKey} keeps the old one).`;
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
	const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(typed);
	if (!iso && !uk) return `${shown} is not a date in a form this reads: type YYYY-MM-DD or DD/MM/YYYY.`;
	const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(uk![3]), Number(uk![2]), Number(uk![1])];
	if (month < 1 || month > 12) return `${shown} has no month ${month}: months run 01 to 12.`;
	// Day 0 of the next month is the last day of this one (UTC: no clock change moves it).
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > days) return `${shown} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days.`;
	return `${shown} is not a date this reads: type YYYY-MM-DD or DD/MM/YYYY.`;
}
