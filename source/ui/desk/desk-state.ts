/**
 * The desk's whole interactive state and its one reducer. Key presses arrive raw ({input, key}) and
 * are interpreted here against the current state, so a burst of keys typed faster than Ink renders
 * is applied in order to fresh state, never to a stale closure.
 */
import type {DeskModel} from '../model/desk-model.js';
import type {IsoDate} from '../../domain/dates.js';
import {commandFor, KEYMAP, NO_KEY, type DeskCommand, type KeyInfo} from '../keymap.js';
import {explorerRows, rowIndexOf, type ExplorerRow} from '../explorer/explorer-rows.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {EMPTY_LIST, filterListReducer, showsFilterLine, type FilterListAction, type FilterListState} from '../list/filter-list.js';
import {follow, moveBy, scrollBy, START, type ListWindow} from '../list/list-window.js';
import {activeTab, closeActive, cycle, NO_TABS, openTab, updateActive, type Tab, type Tabs} from '../editor/tabs.js';
import {caseLines} from '../editor/case-lines.js';
import {paletteMatches, type PaletteTarget} from '../palette/palette-items.js';
import {helpLines} from '../keymap.js';
import {reviewHelpLines} from '../review/review-keymap.js';
import {teamRows, teamVisible} from '../team/team-rows.js';
import {chartWeeks, initialLogViewState, logViewReducer, type LogViewAction, type LogViewState} from '../views/log/log-view-state.js';
import {logViewModel, readingLogModel, type LogViewModel} from '../views/log/log-view-model.js';
import {logVisibleRows} from '../views/log/log-view.js';
import {layoutFor, type Layout, type Size} from './layout.js';
import {absenceFormKey, openAbsenceForm, validateForm, type AbsenceFormState, type ValidAbsence} from '../team/absence-form-state.js';
import {absenceWords} from '../../domain/absence-words.js';
import {absenceOn, shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {wrap} from '../text.js';
import {applyChunk, isPlainText} from '../input/split-keys.js';
import {NOTHING_TAKES_PASTE, pastedLine} from '../input/paste.js';
import {handoverKeyPress, handoverReducer, handoverTakesText, initialHandoverState, type HandoverAction, type HandoverState} from '../views/handover/handover-state.js';
import {handoverBodyHeight, handoverPreview, type HandoverPreview} from '../views/handover/handover-preview.js';
import type {DecisionFieldError, TriggerDecisionInput} from '../../domain/escalated-triggers.js';
import {decisionFormTakesText, type DecisionFormState} from '../team/decision-form-state.js';
import type {DeskActor} from './desk-actor.js';
import {decisionWritten, onDecisionFormInput, openDecision} from './desk-decisions.js';
import {calendarGrid, type CalendarGrid} from '../views/calendar/calendar-grid.js';
import {calendarShape} from '../views/calendar/calendar-lines.js';
import {calendarKey, initialCalendarState, type CalendarState} from '../views/calendar/calendar-state.js';
import type {ReallocationRequest} from '../../domain/reallocate.js';
import {reallocateTakesText, type ReallocateFormState} from '../reallocate/reallocate-form-state.js';
import {problemLines} from '../problem-detail/problem-lines.js';
import {onReallocateFormInput, openProblemDetail, openProblemSubject, openReallocate, reallocateWritten} from './desk-acting.js';
import type {AbsenceChange} from '../../domain/absences.js';
import {recordTakesText, type RecordFormState} from '../record/record-form-state.js';
import {fieldsFor} from '../record/record-form.js';
import {askToCancel, onRecordFormInput, openAbsenceChange, openBail, openWelfare, recordWritten, type RecordWrite} from './desk-records.js';

export type View = 'cases' | 'team' | 'handover' | 'log' | 'calendar';
export type Pane = 'explorer' | 'editor' | 'problems';

/** Rows the palette lists under its query line. */
export const PALETTE_ROWS = 10;

export interface DeskState {
	model: DeskModel;
	size: Size;
	layout: Layout;
	view: View;
	focus: Pane;
	overlay: null | 'help' | 'palette';
	explorer: FilterListState;
	/** Officer ids whose cases are folded away. */
	folded: ReadonlySet<string>;
	problems: FilterListState;
	tabs: Tabs;
	palette: {query: string; cursor: number};
	helpScroll: number;
	/** The Team view's selected officer and first row shown. */
	team: ListWindow;
	/** The absence form over the Team view, while open (it takes every key). */
	absenceForm: AbsenceFormState | null;
	/** `E` asked to end an absence (or `C` to cancel one not yet started): y does it, n or Esc does not. */
	endConfirm: {absenceId: string; question: string; cancel?: boolean} | null;
	/** A change to the store the shell is to make (store.apply); numbered so its answer finds it. */
	absenceWrite: AbsenceWrite | null;
	/** How many absence writes this desk has asked for (numbers the next one). */
	absenceWrites: number;
	/** Why the store cannot be written (read-only, no store), or null when it can. */
	cannotWrite: string | null;
	/** The Log view's period, filters and cursor. */
	log: LogViewState;
	/** The Handover view's window, cover, open field and scroll (its keys are applied here, in order). */
	handover: HandoverState;
	/** The Calendar view's cursor (an officer's row and a day). */
	calendar: CalendarState;
	/** A one-line notice for the status bar, cleared by the next key. */
	notice: string | null;
	/** What a save is waiting for (another process holds the store's lock): on the status bar until the wait ends. */
	lockWait: string | null;
	/** The store file changed on disk since this desk read it. */
	diskChanged: boolean;
	/** Incremented when the user asks to reload; the shell performs the reload. */
	reloadRequests: number;
	/** Incremented when the user asks to export the Log view's rows; the shell writes the file. */
	exportRequests: number;
	quit: boolean;
	/**
	 * Keys for the guided review while it has the keyboard, numbered in arrival order. The desk's one
	 * input hook receives every key, so a key typed straight after `r` (before the review screen has
	 * wired anything) is queued here, never lost; the review consumes them by number.
	 */
	reviewInput: readonly ReviewKey[];
	/** Who is at the keyboard (README "Who you are"); null only where a test builds the state without one. */
	actor: DeskActor | null;
	/** The decision form for an escalated trigger, over the Team view, while open (it takes every key). */
	decisionForm: DecisionFormState | null;
	/** A decision the shell is to record (use-decision-writes.ts); numbered so its answer finds it. */
	decisionWrite: {seq: number; input: TriggerDecisionInput} | null;
	/** How many decisions this desk has asked to record (numbers the next one). */
	decisionWrites: number;
	/** The reallocation form over the editor area, while open (it takes every key: desk-acting.ts). */
	reallocateForm: ReallocateFormState | null;
	/** A reallocation the shell is to make (use-reallocate-writes.ts); numbered so its answer finds it. */
	reallocateWrite: {seq: number; request: Omit<ReallocationRequest, 'recordedAt'>} | null;
	/** How many reallocations this desk has asked for (numbers the next one). */
	reallocateWrites: number;
	/** A bail or welfare form over the main area, while open (it takes every key: desk-records.ts). */
	recordForm: RecordFormState | null;
	/** A bail or welfare event the shell is to record (use-record-writes.ts). */
	recordWrite: RecordWrite | null;
	/** How many records this desk has asked for (numbers the next one). */
	recordWrites: number;
}

export type AbsenceWrite =
	| {seq: number; kind: 'add'; officerId: string; absence: ValidAbsence}
	| {seq: number; kind: 'end'; absenceId: string; last: IsoDate}
	| {seq: number; kind: 'change'; absenceId: string; change: AbsenceChange}
	| {seq: number; kind: 'cancel'; absenceId: string};

export interface ReviewKey {
	n: number;
	input: string;
	key: KeyInfo;
}

/** Keys kept for the review: far more than can arrive between two renders. */
const REVIEW_INPUT_KEPT = 256;

export type DeskAction =
	| {type: 'input'; input: string; key: KeyInfo}
	| {type: 'resize'; size: Size}
	| {type: 'model'; model: DeskModel}
	| {type: 'disk-changed'; changed: boolean}
	| {type: 'notice'; text: string | null}
	/** A save started or stopped waiting for the store's lock (Store.onLockWait). */
	| {type: 'lock-wait'; text: string | null}
	/** The Handover view's export finished (or failed): shown on the view's status lines. */
	| {type: 'handover-message'; text: string; error: boolean}
	/** The guided review (or amendment) in the active tab was left: close its tab, back to the explorer. */
	| {type: 'review-exit'}
	/** Whether the store can be written (null) or why not: the absence keys say so instead of opening. */
	| {type: 'can-write'; reason: string | null}
	/** The shell made (error null) or failed to make the absence write numbered `seq`. */
	| {type: 'absence-written'; seq: number; error: string | null; notice: string}
	/** The shell recorded (error null) or could not record the decision numbered `seq`; `errors` go under the form's fields. */
	| {type: 'decision-written'; seq: number; error: string | null; errors?: readonly DecisionFieldError[]; notice: string}
	/** The shell made (error null) or refused the reallocation numbered `seq`. */
	| {type: 'reallocate-written'; seq: number; error: string | null; notice: string}
	/** The shell recorded (error null) or refused the bail or welfare event numbered `seq`. */
	| {type: 'record-written'; seq: number; error: string | null; notice: string};

export function initialState(model: DeskModel, size: Size, actor: DeskActor | null = null): DeskState {
	return {
		model,
		size,
		layout: layoutFor(size),
		view: 'cases',
		focus: 'explorer',
		overlay: null,
		explorer: EMPTY_LIST,
		folded: new Set(),
		problems: EMPTY_LIST,
		tabs: NO_TABS,
		palette: {query: '', cursor: 0},
		helpScroll: 0,
		team: START,
		absenceForm: null,
		endConfirm: null,
		absenceWrite: null,
		absenceWrites: 0,
		cannotWrite: null,
		log: initialLogViewState(model.today),
		handover: initialHandoverState(model.today),
		calendar: initialCalendarState(),
		notice: null,
		lockWait: null,
		diskChanged: false,
		reloadRequests: 0,
		exportRequests: 0,
		quit: false,
		reviewInput: [],
		actor,
		decisionForm: null,
		decisionWrite: null,
		decisionWrites: 0,
		reallocateForm: null,
		reallocateWrite: null,
		reallocateWrites: 0,
		recordForm: null,
		recordWrite: null,
		recordWrites: 0,
	};
}

// ---- derived values the views share with the reducer ----

export function currentExplorerRows(s: DeskState): ExplorerRow[] {
	return explorerRows(s.model, s.folded, s.explorer.filter);
}

export function explorerVisible(s: DeskState): number {
	return Math.max(1, s.layout.explorerRows - (showsFilterLine(s.explorer) ? 1 : 0));
}

export function problemsVisible(s: DeskState): number {
	return Math.max(1, s.layout.problemRows - (showsFilterLine(s.problems) ? 1 : 0));
}

/** Help takes the editor row and the Problems panel's space. */
export function helpHeight(l: Layout): number {
	return l.mainHeight + l.panelHeight;
}

/** Columns inside the help pane's border. */
export function helpWidth(l: Layout): number {
	return Math.max(20, l.width - l.activityWidth - 2);
}

let lastHelp: {width: number; lines: string[]} | undefined;

/** The help, wrapped to `width`: a long line continues under its description, keys column kept clear. */
export function helpText(width = 1000): string[] {
	if (lastHelp?.width === width) return lastHelp.lines;
	const raw = ['Keys (this list is generated from the keymaps that drive them). Esc closes.', '', ...helpLines(), '', 'In the guided review (r, R):', ...reviewHelpLines()];
	const lines = raw.flatMap(l => wrapHelpLine(l, width));
	lastHelp = {width, lines};
	return lines;
}

function wrapHelpLine(line: string, width: number): string[] {
	const keys = /^\S.*?\s{2,}/.exec(line)?.[0] ?? '';
	if (keys === '' || keys.length <= width / 2) {
		if (line.length <= width) return [line];
		if (keys === '') return wrap(line, width);
		// "keys  what it does (where)": continuation lines start under "what it does".
		return wrap(line.slice(keys.length), width - keys.length).map((b, i) => (i === 0 ? keys : ' '.repeat(keys.length)) + b);
	}
	// A keys column too wide to keep at this width: the keys, then the words, continuing four columns in.
	const [first = '', ...rest] = wrap(`${keys.trimEnd()}  ${line.slice(keys.length)}`, width);
	return [first, ...(rest.length ? wrap(rest.join(' '), width - 4).map(b => `    ${b}`) : [])];
}

let lastLog: {data: unknown; key: string; model: LogViewModel} | undefined;

/** The Log view's rows for the current filters: rebuilt when the store or a filter changes, not per key. */
export function currentLogModel(s: DeskState): LogViewModel {
	const l = s.log;
	const key = `${l.period.from}|${l.period.to}|${l.sergeantId}|${l.officerId}|${l.lateOnly}|${l.week}|${l.chart}|${s.model.today}`;
	// The log lists every review: it waits for the whole chain (read after the first frame for a split store).
	const data = s.model.wholeData;
	if (!data) return readingLogModel(s.model, l);
	if (lastLog && lastLog.data === data && lastLog.key === key) return lastLog.model;
	const model = logViewModel(data, l, s.model.today);
	lastLog = {data, key, model};
	return model;
}

function logDo(s: DeskState, a: LogViewAction): DeskState {
	return {...s, log: logViewReducer(s.log, a)};
}

/** The Log view's list rows under its chart at the current size. */
function logRows(s: DeskState): number {
	return logVisibleRows(s.layout.mainHeight, currentLogModel(s));
}

/** A chart key: the state changes, then the list is refitted (the chart's height or the rows may change). */
function logChartDo(s: DeskState, a: LogViewAction): DeskState {
	const next = logDo(s, a);
	return logDo(next, {type: 'clamp', rowCount: currentLogModel(next).rows.length, visible: logRows(next)});
}

// ---- the reducer ----

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
	switch (a.type) {
		case 'resize': {
			const next = {...s, size: a.size, layout: layoutFor(a.size)};
			return clampAll(next);
		}
		case 'model':
			return clampAll({...s, model: a.model, diskChanged: false});
		case 'disk-changed':
			return a.changed === s.diskChanged ? s : {...s, diskChanged: a.changed};
		case 'notice':
			return {...s, notice: a.text};
		case 'lock-wait':
			return {...s, lockWait: a.text};
		case 'review-exit': {
			const tab = activeTab(s.tabs);
			const tabs = tab && tab.kind !== 'case' ? closeActive(s.tabs) : s.tabs;
			return {...s, tabs, focus: 'explorer'};
		}
		case 'can-write':
			return a.reason === s.cannotWrite ? s : {...s, cannotWrite: a.reason};
		case 'absence-written':
			return absenceWritten(s, a.seq, a.error, a.notice);
		case 'decision-written':
			return decisionWritten(s, a.seq, a.error, a.errors ?? [], a.notice);
		case 'reallocate-written':
			return reallocateWritten(s, a.seq, a.error, a.notice);
		case 'record-written':
			return recordWritten(s, a.seq, a.error, a.notice);
		case 'handover-message':
			return {...s, handover: handoverReducer(s.handover, {type: 'message', text: a.text, error: a.error})};
		case 'input':
			// A chunk may hold several keys ("jjj", five backspaces, Tab Tab): each is applied in turn.
			return applyChunk(s.notice === null ? s : {...s, notice: null}, a.input, a.key, onInput, takesText);
	}
}

/**
 * True when typed text goes into a field as text (a paste is one insert): the review, the palette's
 * query, a filter line, a text field of the absence form, or a Handover view field being edited.
 * Otherwise each character of a chunk is a key of its own.
 */
export function takesText(s: DeskState): boolean {
	if (s.layout.tooSmall) return false;
	if (reviewHasKeys(s) || s.overlay === 'palette') return true;
	if (s.overlay === 'help' || s.endConfirm) return false;
	if (s.absenceForm) return !s.absenceForm.confirmDiscard && !s.absenceForm.saving && s.absenceForm.field !== 'reason';
	if (s.decisionForm) return decisionFormTakesText(s.decisionForm);
	if (s.reallocateForm) return reallocateTakesText(s.reallocateForm);
	if (s.recordForm) return recordTakesText(s.recordForm, fieldsFor(s.recordForm));
	if (handoverHasKeys(s)) return handoverTakesText(s.handover);
	return (s.focus === 'explorer' && s.view === 'cases' && s.explorer.filtering) || (s.focus === 'problems' && s.problems.filtering);
}

/**
 * True while something is being typed or answered (a review with the keys, the palette, a filter, a form,
 * a question, a Handover field): the store is then not reloaded under it (use-store-watch.ts).
 */
export function isTyping(s: DeskState): boolean {
	if (reviewHasKeys(s) || s.overlay === 'palette' || s.explorer.filtering || s.problems.filtering) return true;
	return s.absenceForm !== null || s.endConfirm !== null || s.handover.editing !== null || s.recordForm !== null;
}

/** The Handover view is on screen with the focus: its keys (and a field being edited) come first. */
function handoverHasKeys(s: DeskState): boolean {
	return s.view === 'handover' && s.focus === 'explorer' && s.overlay === null;
}

/** The Calendar view's grid: 14 days from today, 28 when the main area is wide enough. */
export function currentCalendar(s: DeskState): CalendarGrid {
	return calendarGrid(s.model.data, s.model.today, calendarShape(s.layout.width - s.layout.activityWidth).days);
}

/** The Handover view's width (the whole main area) and what it shows for the current state. */
export function currentHandover(s: DeskState): HandoverPreview {
	// Inside the view's frame: two columns fewer than the main area.
	return handoverPreview(s.model.data, s.model.today, s.handover, s.layout.width - s.layout.activityWidth - 2);
}

/** The Handover view's commands in the keymap, as its reducer's actions. */
const HANDOVER_ACTIONS: Record<'handover-from' | 'handover-to' | 'handover-cover' | 'handover-export' | 'handover-calendar', HandoverAction> = {
	'handover-from': {type: 'edit', field: 'from'},
	'handover-to': {type: 'edit', field: 'to'},
	'handover-cover': {type: 'edit', field: 'cover'},
	'handover-export': {type: 'export'},
	'handover-calendar': {type: 'export', format: 'ics'},
};

/** Applies a key to the Handover view; undefined when the view has no use for it (the desk's keys then apply). */
function onHandoverInput(s: DeskState, input: string, key: KeyInfo): DeskState | undefined {
	const page = handoverBodyHeight(s.layout.mainHeight);
	const max = Math.max(0, currentHandover(s).lines.length - page);
	const handover = handoverReducer(s.handover, {type: 'key', key: handoverKeyPress(input, key), page, max});
	if (handover !== s.handover || s.handover.editing) return {...s, handover};
	return undefined;
}

function clampAll(s: DeskState): DeskState {
	return {
		...s,
		// Only while the Log view shows (its rows cost a filter pass); setView clamps on the way in.
		log: s.view === 'log' ? logViewReducer(s.log, {type: 'clamp', rowCount: currentLogModel(s).rows.length, visible: logRows(s)}) : s.log,
		explorer: filterListReducer(s.explorer, {type: 'clamp'}, currentExplorerRows(s).length, explorerVisible(s)),
		problems: filterListReducer(s.problems, {type: 'clamp'}, problemRows(s.model, s.problems.filter).length, problemsVisible(s)),
		// Only while the Team view shows: its rows cost workload and trigger sums (memoised per model).
		team: s.view === 'team' ? follow(s.team, teamRows(s.model).length, teamVisible(s.layout.mainHeight)) : s.team,
	};
}

function explorerDo(s: DeskState, a: FilterListAction): DeskState {
	const explorer = filterListReducer(s.explorer, a, currentExplorerRows(s).length, explorerVisible(s));
	return explorer === s.explorer ? s : clampAll({...s, explorer});
}

function problemsDo(s: DeskState, a: FilterListAction): DeskState {
	const problems = filterListReducer(s.problems, a, problemRows(s.model, s.problems.filter).length, problemsVisible(s));
	return problems === s.problems ? s : clampAll({...s, problems});
}

function onInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	// Ctrl+C quits from anywhere, a text field and the review included, in its place among the keys of a
	// burst ("abc" then Ctrl+C in one read): what was typed before it is saved on the way out (run-desk.tsx).
	if (key.ctrl && input === 'c') return {...s, quit: true};
	if (s.layout.tooSmall) return commandFor(input, key, s.view) === 'quit' ? {...s, quit: true} : s;
	if (reviewHasKeys(s)) {
		const n = (s.reviewInput.at(-1)?.n ?? 0) + 1;
		return {...s, reviewInput: [...s.reviewInput.slice(-(REVIEW_INPUT_KEPT - 1)), {n, input, key}]};
	}
	if (key.paste) return onPaste(s, input);
	if (s.overlay === 'palette') return onPaletteInput(s, input, key);
	// The absence form and the end question take every key while they are up (see absence-form-state.ts).
	if (s.absenceForm) return onAbsenceFormInput(s, s.absenceForm, input, key);
	if (s.endConfirm) return onEndConfirmInput(s, s.endConfirm, input, key);
	if (s.decisionForm) return onDecisionFormInput(s, input, key);
	if (s.reallocateForm) return onReallocateFormInput(s, input, key);
	if (s.recordForm) return onRecordFormInput(s, input, key);
	if (s.overlay === 'help') {
		const command = commandFor(input, key, s.view);
		if (command === 'back' || command === 'help') return {...s, overlay: null};
		if (command === 'quit') return {...s, quit: true};
		const lines = helpText(helpWidth(s.layout)).length;
		const visible = Math.max(1, helpHeight(s.layout) - 3);
		const by = command === 'down' ? 1 : command === 'up' ? -1 : command === 'page-down' ? visible : command === 'page-up' ? -visible : command === 'last' ? lines : command === 'first' ? -lines : 0;
		return by === 0 ? s : {...s, helpScroll: scrollBy(s.helpScroll, by, lines, visible)};
	}
	if (handoverHasKeys(s)) {
		const handled = onHandoverInput(s, input, key);
		if (handled) return handled;
	}
	if (s.view === 'calendar' && s.focus === 'explorer' && s.overlay === null) {
		const r = calendarKey(s.calendar, currentCalendar(s), input, key);
		if (r.open) return openCase({...s, calendar: r.state}, r.open);
		if (r.handled) return {...s, calendar: r.state, notice: r.notice ?? null};
	}
	// Typing a filter: text goes to the filter line; arrows still move; Enter keeps, Esc clears.
	const typing = s.focus === 'explorer' && s.view === 'cases' && s.explorer.filtering ? explorerDo : s.focus === 'problems' && s.problems.filtering ? problemsDo : null;
	if (typing) {
		if (key.escape) return typing(s, {type: 'clear-filter'});
		if (key.return) return typing(s, {type: 'keep-filter'});
		if (key.upArrow) return typing(s, {type: 'move', delta: -1});
		if (key.downArrow) return typing(s, {type: 'move', delta: 1});
		if (key.backspace || key.delete) return typing(s, {type: 'erase'});
		if (isPlainText(input, key)) return typing(s, {type: 'type', text: input});
		return s;
	}
	const command = commandFor(input, key, s.view);
	return command ? runCommand(s, command) : s;
}

/**
 * A bracketed paste outside the review: every field the desk itself has (a filter, the palette, the
 * absence form, the Handover view's window and cover) takes one line, so the first line goes in as typed
 * text and the rest is said, never applied as keys; with no field open nothing happens (input/paste.ts).
 */
function onPaste(s: DeskState, text: string): DeskState {
	if (!takesText(s)) return {...s, notice: NOTHING_TAKES_PASTE};
	const {line, dropped} = pastedLine(text);
	const next = line === '' ? s : onInput(s, line, NO_KEY);
	return dropped ? {...next, notice: dropped} : next;
}

function onPaletteInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	const p = s.palette;
	if (key.escape || (key.ctrl && input === 'p')) return {...s, overlay: null};
	if (key.upArrow) return {...s, palette: {...p, cursor: Math.max(0, p.cursor - 1)}};
	if (key.downArrow) return {...s, palette: {...p, cursor: Math.min(paletteMatches(s.model, p.query, PALETTE_ROWS).length - 1, p.cursor + 1)}};
	if (key.backspace || key.delete) return {...s, palette: {query: p.query.slice(0, -1), cursor: 0}};
	if (key.return) {
		const item = paletteMatches(s.model, p.query, PALETTE_ROWS)[p.cursor];
		const closed: DeskState = {...s, overlay: null, palette: {query: '', cursor: 0}};
		return item ? runTarget(closed, item.target) : {...closed, notice: `Nothing matches "${p.query}".`};
	}
	if (isPlainText(input, key)) return {...s, palette: {query: p.query + input, cursor: 0}};
	return s;
}

/** Palette commands of the Log and Handover views go to their view first, where their result is seen. */
const COMMAND_VIEW: Partial<Record<DeskCommand, View>> = Object.fromEntries(
	KEYMAP.filter(b => b.palette && b.views?.length === 1 && (b.views[0] === 'log' || b.views[0] === 'handover')).map(b => [
		b.command,
		b.views![0]!,
	]),
);

function runTarget(s: DeskState, t: PaletteTarget): DeskState {
	if (t.type === 'command') {
		const view = COMMAND_VIEW[t.command];
		return runCommand(view ? {...setView(s, view), focus: 'explorer'} : s, t.command);
	}
	if (t.type === 'case') return openCase(s, t.ref);
	return showOfficer(s, t.officerId);
}

/** Opens a case's tab, focuses the editor, and moves the explorer cursor onto it when it is listed. */
export function openCase(s: DeskState, ref: string): DeskState {
	let next: DeskState = {...s, view: 'cases', focus: 'editor', tabs: openTab(s.tabs, {kind: 'case', ref, scroll: 0})};
	const c = s.model.caseByRef.get(ref);
	if (c && next.folded.has(c.oicId)) {
		const folded = new Set(next.folded);
		folded.delete(c.oicId);
		next = {...next, folded};
	}
	const at = rowIndexOf(currentExplorerRows(next), {ref});
	if (at !== -1) next = explorerDo(next, {type: 'move-to', index: at});
	return next;
}

export function showOfficer(s: DeskState, officerId: string): DeskState {
	let next: DeskState = {...s, view: 'cases', focus: 'explorer'};
	let at = rowIndexOf(currentExplorerRows(next), {officerId});
	if (at === -1 && next.explorer.filter !== '') {
		next = explorerDo(next, {type: 'clear-filter'});
		at = rowIndexOf(currentExplorerRows(next), {officerId});
	}
	if (at === -1) {
		const o = s.model.officerById.get(officerId);
		return {...next, notice: `${o ? o.name : officerId} holds no live cases; see the Team view (2).`};
	}
	return explorerDo(next, {type: 'move-to', index: at});
}

function panesFor(s: DeskState): Pane[] {
	return s.view === 'cases' ? ['explorer', 'editor', 'problems'] : ['explorer', 'problems'];
}

function selectedExplorerRow(s: DeskState): ExplorerRow | undefined {
	return currentExplorerRows(s)[s.explorer.win.cursor];
}

/**
 * True when the guided review (or an amendment, or the review queue) in the active tab has the keyboard:
 * it takes every key, text included, so the desk's own keys stand aside until it is left (Esc).
 */
export function reviewHasKeys(s: DeskState): boolean {
	if (s.overlay !== null || s.view !== 'cases' || s.focus !== 'editor' || s.layout.tooSmall) return false;
	const tab = activeTab(s.tabs);
	return tab !== undefined && tab.kind !== 'case' && tab.kind !== 'problem';
}

/** The case the user is pointing at in the focused pane, if any. */
export function caseInFocus(s: DeskState): string | undefined {
	if (s.focus === 'editor') {
		const tab = activeTab(s.tabs);
		return tab && tab.kind !== 'review-queue' ? (tab.ref ?? undefined) : undefined;
	}
	if (s.focus === 'problems') {
		const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
		return p && p.subject.type === 'case' ? p.subject.ref : undefined;
	}
	if (s.view !== 'cases') return undefined;
	const row = selectedExplorerRow(s);
	return row && row.kind === 'case' ? row.c.ref : undefined;
}

function toggleFold(s: DeskState, officerId: string, fold: boolean | undefined): DeskState {
	const isFolded = s.folded.has(officerId);
	const want = fold ?? !isFolded;
	if (want === isFolded) return s;
	const folded = new Set(s.folded);
	if (want) folded.add(officerId);
	else folded.delete(officerId);
	const next = {...s, folded};
	return explorerDo(next, {type: 'move-to', index: rowIndexOf(currentExplorerRows(next), {officerId})});
}

function moveFocused(s: DeskState, delta: number | 'first' | 'last'): DeskState {
	if (s.focus === 'editor' && s.view === 'cases') {
		const tab = activeTab(s.tabs);
		if (!tab || (tab.kind !== 'case' && tab.kind !== 'problem')) return s;
		const width = s.layout.editorInner;
		const length = tab.kind === 'case' ? caseLines(s.model, tab.ref, width).length : problemLines(s.model, tab, width).length;
		const visible = s.layout.editorRows;
		const target = delta === 'first' ? -Infinity : delta === 'last' ? Infinity : delta;
		const scroll = Number.isFinite(target) ? scrollBy(tab.scroll, target, length, visible) : target < 0 ? 0 : Math.max(0, length - visible);
		return {...s, tabs: updateActive(s.tabs, t => ((t.kind === 'case' || t.kind === 'problem') && t.scroll !== scroll ? {...t, scroll} : t))};
	}
	if (s.view === 'team' && s.focus === 'explorer') {
		const length = teamRows(s.model).length;
		const visible = teamVisible(s.layout.mainHeight);
		const step = delta === 'first' ? -length : delta === 'last' ? length : delta;
		return {...s, team: moveBy(s.team, step, length, visible)};
	}
	if (s.view === 'handover' && s.focus === 'explorer') {
		// Ctrl+D, Ctrl+U, PgDn... from the keymap: the view's own keys (j/k, Space/b, g/G) are applied before.
		const max = Math.max(0, currentHandover(s).lines.length - handoverBodyHeight(s.layout.mainHeight));
		const by = delta === 'first' ? -Infinity : delta === 'last' ? Infinity : delta;
		return {...s, handover: handoverReducer(s.handover, {type: 'scroll', by, max})};
	}
	if (s.view === 'log' && s.focus === 'explorer') {
		const rowCount = currentLogModel(s).rows.length;
		const step = delta === 'first' ? -rowCount : delta === 'last' ? rowCount : delta;
		return logDo(s, {type: 'move', delta: step, rowCount, visible: logRows(s)});
	}
	const list = s.focus === 'problems' ? problemsDo : s.view === 'cases' ? explorerDo : null;
	if (!list) return s;
	if (delta === 'first') return list(s, {type: 'move-to', index: 0});
	if (delta === 'last') return list(s, {type: 'move-to', index: Number.MAX_SAFE_INTEGER});
	return list(s, {type: 'move', delta});
}

function setView(s: DeskState, view: View): DeskState {
	const next = {...s, view, focus: view !== 'cases' && s.focus === 'editor' ? ('explorer' as const) : s.focus};
	if (view === s.view) return next;
	if (view === 'team') return {...next, team: follow(s.team, teamRows(s.model).length, teamVisible(s.layout.mainHeight))};
	// Resized or reloaded while another view showed: the Log view's window is refitted on the way in.
	if (view === 'log') return logDo(next, {type: 'clamp', rowCount: currentLogModel(next).rows.length, visible: logRows(next)});
	return next;
}

export function runCommand(s: DeskState, command: DeskCommand): DeskState {
	const list = s.view === 'handover' ? handoverBodyHeight(s.layout.mainHeight) : explorerVisible(s);
	const page = s.focus === 'problems' ? problemsVisible(s) : s.focus === 'editor' ? s.layout.editorRows : list;
	switch (command) {
		case 'up':
			return moveFocused(s, -1);
		case 'down':
			return moveFocused(s, 1);
		case 'page-up':
		case 'handover-page-up':
			return moveFocused(s, -page);
		case 'page-down':
		case 'handover-page-down':
			return moveFocused(s, page);
		case 'first':
			return moveFocused(s, 'first');
		case 'last':
			return moveFocused(s, 'last');
		case 'collapse':
		case 'expand': {
			if (s.focus !== 'explorer' || s.view !== 'cases' || s.explorer.filter !== '') return s;
			const row = selectedExplorerRow(s);
			if (!row) return s;
			return toggleFold(s, row.kind === 'officer' ? row.group.id : row.officerId, command === 'collapse');
		}
		case 'next-pane':
		case 'prev-pane': {
			const panes = panesFor(s);
			const at = Math.max(0, panes.indexOf(s.focus));
			return {...s, focus: panes[(at + (command === 'next-pane' ? 1 : panes.length - 1)) % panes.length]!};
		}
		case 'view-cases':
			return setView(s, 'cases');
		case 'view-team':
			return setView(s, 'team');
		case 'view-handover':
			return setView(s, 'handover');
		case 'view-calendar':
			return setView(s, 'calendar');
		case 'view-log':
			return setView(s, 'log');
		case 'handover-from':
		case 'handover-to':
		case 'handover-cover':
		case 'handover-export':
			// The view's field state is its reducer's (source/ui/views/handover); the keys are the keymap's.
			return s.view === 'handover' ? {...s, handover: handoverReducer(s.handover, HANDOVER_ACTIONS[command])} : s;
		case 'handover-calendar':
			// Also a palette command: from another view it opens the Handover view, whose window it exports.
			return {...setView(s, 'handover'), handover: handoverReducer(s.handover, HANDOVER_ACTIONS[command])};
		case 'absence-add':
			return openForm(s);
		case 'absence-end':
			return askToEnd(s);
		case 'trigger-decide':
			return openDecision(s);
		case 'reallocate':
			return openReallocate(s);
		case 'bail-record':
			return openBail(s);
		case 'welfare-record':
			return openWelfare(s);
		case 'absence-change':
			return openAbsenceChange(s);
		case 'absence-cancel':
			return askToCancel(s);
		case 'filter':
			if (s.focus === 'problems') return problemsDo(s, {type: 'start-filter'});
			if (s.focus === 'explorer' && s.view === 'cases') return explorerDo(s, {type: 'start-filter'});
			return {...s, notice: 'Filter (/) works in the explorer and the Problems panel.'};
		case 'open':
			return openFocused(s);
		case 'back':
			if (s.focus === 'problems' && s.problems.filter !== '') return problemsDo(s, {type: 'clear-filter'});
			if (s.focus !== 'explorer') return {...s, focus: 'explorer'};
			if (s.view !== 'cases') return setView(s, 'cases');
			if (s.explorer.filter !== '') return explorerDo(s, {type: 'clear-filter'});
			return s;
		case 'prev-tab':
		case 'next-tab':
			if (s.tabs.tabs.length === 0) return {...s, notice: 'No case is open: Enter on a case opens it.'};
			return {...s, view: 'cases', tabs: cycle(s.tabs, command === 'next-tab' ? 1 : -1)};
		case 'close-tab': {
			if (s.tabs.active < 0) return {...s, notice: 'No tab to close.'};
			const tabs = closeActive(s.tabs);
			return {...s, tabs, focus: tabs.active < 0 && s.focus === 'editor' ? 'explorer' : s.focus};
		}
		case 'palette':
			return {...s, overlay: 'palette', palette: {query: '', cursor: 0}};
		case 'help':
			return {...s, overlay: 'help', helpScroll: 0};
		case 'review': {
			const ref = caseInFocus(s);
			if (!ref) return {...s, notice: 'Select a case first: r reviews the case under the cursor or in the editor.'};
			return openTabAndFocus(s, {kind: 'review', ref});
		}
		case 'review-queue':
			return openTabAndFocus(s, {kind: 'review-queue'});
		case 'amend': {
			const ref = caseInFocus(s);
			if (!ref) return {...s, notice: 'Select a case first: A amends the last signed review of the case under the cursor.'};
			if (!(s.model.reviews.get(ref)?.length)) return {...s, notice: `${ref} has no signed review to amend.`};
			return openTabAndFocus(s, {kind: 'amend', ref});
		}
		case 'reload':
			return {...s, reloadRequests: s.reloadRequests + 1, notice: 'Reloading the store...'};
		case 'quit':
			return {...s, quit: true};
		case 'log-sergeant':
			return logDo(s, {type: 'cycle-sergeant', sergeantIds: currentLogModel(s).sergeantIds});
		case 'log-officer':
			return logDo(s, {type: 'cycle-officer', officerIds: currentLogModel(s).officerIds});
		case 'log-late':
			return logDo(s, {type: 'toggle-late'});
		case 'log-earlier':
		case 'log-later':
			return logDo(s, {type: 'shift-period', periods: command === 'log-later' ? 1 : -1});
		case 'log-export':
			return {...s, exportRequests: s.exportRequests + 1, notice: 'Exporting the review log...'};
		case 'log-week-earlier':
		case 'log-week-later':
			return logChartDo(s, {type: 'step-week', delta: command === 'log-week-later' ? 1 : -1, weekCount: chartWeeks(s.log).length});
		case 'log-all-weeks':
			return logChartDo(s, {type: 'clear-week'});
		case 'log-chart':
			return logChartDo(s, {type: 'toggle-chart'});
	}
}

function openTabAndFocus(s: DeskState, tab: Tab): DeskState {
	return {...s, view: 'cases', focus: 'editor', tabs: openTab(s.tabs, tab)};
}

/**
 * Enter in the Log view: its columns are cut at 80, so the entry opens whole in its case's tab, scrolled
 * to the review history, where the entry (#seq) is written out in full.
 */
function openLogEntry(s: DeskState): DeskState {
	const row = currentLogModel(s).rows[s.log.cursor];
	if (!row) return {...s, notice: 'No entry in this period with these filters.'};
	if (!s.model.caseByRef.has(row.caseRef)) return {...s, notice: `${safeText(row.caseRef)} is no longer in the store.`};
	const opened = openCase(s, row.caseRef);
	const lines = caseLines(opened.model, row.caseRef, opened.layout.editorInner);
	const at = lines.findIndex(l => l.text.includes(`(#${row.amends ?? row.seq}`));
	const scroll = Math.max(0, Math.min(at, lines.length - opened.layout.editorRows));
	const tabs = updateActive(opened.tabs, t => (t.kind === 'case' ? {...t, scroll} : t));
	const what = row.kind === 'amendment' ? `amendment #${row.seq} to entry #${row.amends}` : `entry #${row.seq}`;
	return {...opened, tabs, notice: `The log's ${what}: under REVIEW HISTORY (Esc back; 4 returns to the log).`};
}

function openFocused(s: DeskState): DeskState {
	if (s.view === 'log' && s.focus === 'explorer') return openLogEntry(s);
	if (s.focus === 'problems') {
		const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
		// Its detail (README "Acting on a problem"); Enter there goes on to the case or officer.
		return p ? openProblemDetail(s, p) : s;
	}
	const subject = openProblemSubject(s);
	if (subject) return subject;
	if (s.focus === 'explorer' && s.view === 'cases') {
		const row = selectedExplorerRow(s);
		if (!row) return s;
		if (row.kind === 'officer') return s.explorer.filter !== '' ? s : toggleFold(s, row.group.id, undefined);
		return openCase(s, row.c.ref);
	}
	return s;
}

// ---- absences (Team view) ----

/** The officer under the Team view's cursor. */
export function selectedTeamOfficer(s: DeskState): string | undefined {
	return teamRows(s.model)[s.team.cursor]?.officer.id;
}

/** From the palette elsewhere: go to the Team view's list so the sergeant picks whose absence it is. */
function toTeamList(s: DeskState, then: string): DeskState {
	return {...setView(s, 'team'), focus: 'explorer', notice: `Choose the officer (j/k), then ${then}.`};
}

function openForm(s: DeskState): DeskState {
	if (s.view !== 'team' || s.focus !== 'explorer') return toTeamList(s, 'press a to record their absence');
	if (s.cannotWrite) return {...s, notice: `Absences cannot be recorded: ${s.cannotWrite}`};
	if (s.absenceWrite) return {...s, notice: 'A change is still being saved: try again in a moment.'};
	const officerId = selectedTeamOfficer(s);
	if (!officerId) return {...s, notice: 'No officer is selected.'};
	return {...s, absenceForm: openAbsenceForm(officerId, s.model.today)};
}

function askToEnd(s: DeskState): DeskState {
	if (s.view !== 'team' || s.focus !== 'explorer') return toTeamList(s, 'press E to end their absence');
	if (s.cannotWrite) return {...s, notice: `Absences cannot be changed: ${s.cannotWrite}`};
	if (s.absenceWrite) return {...s, notice: 'A change is still being saved: try again in a moment.'};
	const officerId = selectedTeamOfficer(s);
	if (!officerId) return {...s, notice: 'No officer is selected.'};
	const {data, today} = s.model;
	const who = safeText(shortName(s.model.officerById.get(officerId)));
	const current = absenceOn(data.absences, officerId, today);
	if (!current) return {...s, notice: `${who} is not away today: nothing to end.`};
	if (current.to === today) return {...s, notice: `${who}'s absence already ends today.`};
	return {...s, endConfirm: {absenceId: current.id, question: `End ${who}'s absence (${absenceWords(current, data.officers, today, data.absences)}) with today, ${today}, as the last day away? y/n`}};
}

function onAbsenceFormInput(s: DeskState, form: AbsenceFormState, input: string, key: KeyInfo): DeskState {
	const out = absenceFormKey(form, input, key);
	if (out.type === 'close') return {...s, absenceForm: null, notice: 'Nothing recorded.'};
	if (out.type === 'stay') return out.form === form ? s : {...s, absenceForm: out.form};
	const checked = validateForm(out.form, s.model.data.officers, s.model.data.absences);
	if (!checked.ok) return {...s, absenceForm: checked.form};
	const seq = s.absenceWrites + 1;
	const saving = {...s, absenceWrites: seq, absenceForm: {...out.form, saving: true, error: null}};
	if (form.absenceId) {
		const {from, to, reason, coverOfficerId} = checked.absence;
		return {...saving, absenceWrite: {seq, kind: 'change', absenceId: form.absenceId, change: {from, to, reason, coverOfficerId}}};
	}
	return {...saving, absenceWrite: {seq, kind: 'add', officerId: form.officerId, absence: checked.absence}};
}

function onEndConfirmInput(s: DeskState, ask: {absenceId: string; cancel?: boolean}, input: string, key: KeyInfo): DeskState {
	// y and n as typed: Ctrl+Y or Ctrl+N is not an answer (the question names y, n and Esc only).
	if (key.ctrl || (key.meta && !key.escape)) return s;
	if ((input === 'y' || input === 'Y') && ask.cancel) {
		const seq = s.absenceWrites + 1;
		const absenceWrite: AbsenceWrite = {seq, kind: 'cancel', absenceId: ask.absenceId};
		return {...s, absenceWrites: seq, endConfirm: null, absenceWrite, notice: 'Cancelling the absence...'};
	}
	if (input === 'y' || input === 'Y') {
		const seq = s.absenceWrites + 1;
		return {...s, absenceWrites: seq, endConfirm: null, absenceWrite: {seq, kind: 'end', absenceId: ask.absenceId, last: s.model.today}, notice: 'Ending the absence...'};
	}
	if (input === 'n' || input === 'N' || key.escape) return {...s, endConfirm: null, notice: 'Nothing changed.'};
	return s;
}

function absenceWritten(s: DeskState, seq: number, error: string | null, notice: string): DeskState {
	const w = s.absenceWrite;
	if (!w || w.seq !== seq) return s;
	if ((w.kind === 'add' || w.kind === 'change') && s.absenceForm) {
		// A refusal keeps the form and everything typed in it; the reason shows under the fields.
		if (error) return {...s, absenceWrite: null, absenceForm: {...s.absenceForm, saving: false, error: {field: null, text: error}}};
		return {...s, absenceWrite: null, absenceForm: null, notice};
	}
	return {...s, absenceWrite: null, notice: error ?? notice};
}
