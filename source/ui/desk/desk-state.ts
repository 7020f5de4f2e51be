/**
 * The desk's whole interactive state and its one reducer. Key presses arrive raw ({input, key}) and
 * are interpreted here against the current state, so a burst of keys typed faster than Ink renders
 * is applied in order to fresh state, never to a stale closure. Which input context has the keys is
 * contexts/active.ts's answer; each context's handlers live in their own module (docs/architecture.md
 * "Input contexts").
 */
import type {DeskModel} from '../model/desk-model.js';
import {DEFAULT_KEYMAP, commandFor, type Keymap} from '../contexts/registry.js';
import {NO_KEY, type KeyInfo} from '../contexts/key-names.js';
import {activeContext, takesText} from '../contexts/active.js';
export {isTyping, takesText} from '../contexts/active.js';
import {EMPTY_LIST, type FilterListState} from '../list/filter-list.js';
import {START, type ListWindow} from '../list/list-window.js';
import {activeTab, closeActive, NO_TABS, type Tabs} from '../editor/tabs.js';
import {initialLogViewState, logViewOnDay, type LogViewState} from '../views/log/log-view-state.js';
import {layoutFor, type Layout, type Size} from './layout.js';
import type {AbsenceFormState} from '../team/absence-form-state.js';
import {applyChunk} from '../input/split-keys.js';
import {NOTHING_TAKES_PASTE, pastedLine} from '../input/paste.js';
import {handoverOnDay, handoverReducer, initialHandoverState, type HandoverState} from '../views/handover/handover-state.js';
import type {TriggerDecisionInput} from '../../domain/escalated-triggers.js';
import type {DecisionFormState} from '../team/decision-form-state.js';
import type {DeskActor} from './desk-actor.js';
import {decisionWritten, onDecisionFormInput} from './desk-decisions.js';
import {initialCalendarState, type CalendarState} from '../views/calendar/calendar-state.js';
import type {ReallocationRequest} from '../../domain/reallocate.js';
import type {ReallocateFormState} from '../reallocate/reallocate-form-state.js';
import {onReallocateFormInput, reallocateWritten} from './desk-acting.js';
import {absenceWritten, onAbsenceFormInput, onEndConfirmInput} from './desk-absences.js';
import {calendarCommand} from './desk-calendar.js';
import {runCommand} from './desk-commands.js';
import {onHandoverField} from './desk-handover.js';
import {onHelpCommand} from './desk-help.js';
import {clampAll, explorerDo, onFilterInput, problemsDo} from './desk-navigation.js';
import {onPaletteInput} from './desk-palette.js';
import type {RecordFormState} from '../record/record-form-state.js';
import {onRecordFormInput, recordWritten, type RecordWrite} from './desk-records.js';
import {lockWelfareNote} from '../record/welfare-form.js';
import {effectsTaken, withEffects, type QueuedEffect} from '../effects/desk-effect.js';

export type {AbsenceWrite, DeskAction, ReviewKey} from './desk-actions.js';
import type {AbsenceWrite, DeskAction, ReviewKey} from './desk-actions.js';

// The modules the desk's views read their derived values from, named here as before the split.
export {
	currentExplorerRows,
	explorerVisible,
	problemsVisible,
	reviewHasKeys,
	caseInFocus,
	openCase,
	showOfficer,
} from './desk-navigation.js';
export {deskHelpLines, helpHeight, helpText, helpWidth} from './desk-help.js';
export {currentLogModel} from './desk-log.js';
export {currentHandover} from './desk-handover.js';
export {currentCalendar} from './desk-calendar.js';
export {selectedTeamOfficer} from './desk-absences.js';

export type View = 'cases' | 'team' | 'handover' | 'log' | 'calendar';
export type Pane = 'explorer' | 'editor' | 'problems';

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
	/** `E` asked to end an absence: y ends it, n or Esc does not. */
	endConfirm: {absenceId: string; question: string; cancel?: boolean} | null;
	/** An absence change in flight (an effect makes it: effects/store-writes.ts); numbered so its answer finds it. */
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
	/**
	 * The last notice, kept after the next key clears it: the status bar cuts a long one at its width, and
	 * help (`?`) shows it whole at its top (QA 6 R4: "It goes to DI Okafor (the team's inspect…" was all one could read).
	 */
	lastNotice: string | null;
	/** What a save is waiting for (another process holds the store's lock): on the status bar until the wait ends. */
	lockWait: string | null;
	/** The store file changed on disk since this desk read it. */
	diskChanged: boolean;
	/** Incremented when the user asks to reload; a reload effect is queued for it (effects/desk-effect.ts). */
	reloadRequests: number;
	/** Incremented when the user asks to export the Log view's rows; an export effect is queued for it. */
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
	/** A decision the shell is to record (an effect: effects/store-writes.ts); numbered so its answer finds it. */
	decisionWrite: {seq: number; input: TriggerDecisionInput} | null;
	/** How many decisions this desk has asked to record (numbers the next one). */
	decisionWrites: number;
	/** The reallocation form over the editor area, while open (it takes every key: desk-acting.ts). */
	reallocateForm: ReallocateFormState | null;
	/** A reallocation the shell is to make (an effect: effects/store-writes.ts); numbered so its answer finds it. */
	reallocateWrite: {seq: number; request: Omit<ReallocationRequest, 'recordedAt'>} | null;
	/** How many reallocations this desk has asked for (numbers the next one). */
	reallocateWrites: number;
	/** A bail or welfare form over the main area, while open (it takes every key: desk-records.ts). */
	recordForm: RecordFormState | null;
	/** A bail or welfare event the shell is to record (an effect: effects/store-writes.ts). */
	recordWrite: RecordWrite | null;
	/** How many records this desk has asked for (numbers the next one). */
	recordWrites: number;
	/** The key bindings in force: the registry's defaults with the user's remapping (README "Settings"). */
	keymap: Keymap;
	/** What the reducer asked of the outside world, not yet taken by the effect runner (effects/desk-effect.ts). */
	effects: readonly QueuedEffect[];
	/** How many effects this desk has asked for (numbers the next one). */
	effectsAsked: number;
}

/** Keys kept for the review: far more than can arrive between two renders. */
const REVIEW_INPUT_KEPT = 256;

export function initialState(model: DeskModel, size: Size, actor: DeskActor | null = null, keymap: Keymap = DEFAULT_KEYMAP): DeskState {
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
		lastNotice: null,
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
		keymap,
		effects: [],
		effectsAsked: 0,
	};
}

/** The desk's reducer: the next state, with the effects it asks for on its queue (effects/desk-effect.ts). */
export function deskReducer(s: DeskState, a: DeskAction): DeskState {
	return keepNotice(withEffects(s, step(s, a)));
}

/** A new notice is kept as the last one too, whichever handler set it (see DeskState.lastNotice). */
function keepNotice(s: DeskState): DeskState {
	return s.notice !== null && s.notice !== s.lastNotice ? {...s, lastNotice: s.notice} : s;
}

function step(s: DeskState, a: DeskAction): DeskState {
	switch (a.type) {
		case 'resize':
			return clampAll({...s, size: a.size, layout: layoutFor(a.size)});
		case 'model':
			// The day may have moved on (past midnight without --today): a default Handover window and Log period move with it.
			return clampAll({
				...s,
				model: a.model,
				diskChanged: false,
				handover: handoverOnDay(s.handover, s.model.today, a.model.today),
				log: logViewOnDay(s.log, s.model.today, a.model.today),
			});
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
			return recordWritten(s, a.seq, a.error, a.notice, a.noteFor);
		case 'welfare-locked':
			return s.recordForm?.kind === 'welfare' && s.recordForm.subject === a.subject
				? {...s, recordForm: lockWelfareNote(s.recordForm, a.reason)}
				: s;
		case 'effects-taken':
			return effectsTaken(s, a.through);
		case 'handover-message':
			return {...s, handover: handoverReducer(s.handover, {type: 'message', text: a.text, error: a.error})};
		case 'input':
			// A chunk may hold several keys ("jjj", five backspaces, Tab Tab): each is applied in turn.
			return applyChunk(s.notice === null ? s : {...s, notice: null}, a.input, a.key, onInput, takesText);
	}
}

function onInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	// Ctrl+C quits from anywhere, a text field and the review included, in its place among the keys of a
	// burst ("abc" then Ctrl+C in one read): what was typed before it is saved on the way out (run-desk.tsx).
	if (key.ctrl && input === 'c') return {...s, quit: true};
	const context = activeContext(s);
	if (context === 'review') {
		const n = (s.reviewInput.at(-1)?.n ?? 0) + 1;
		return {...s, reviewInput: [...s.reviewInput.slice(-(REVIEW_INPUT_KEPT - 1)), {n, input, key}]};
	}
	if (key.paste && context !== 'too-small') return onPaste(s, input);
	const command = () => commandFor(input, key, s.view, s.keymap);
	switch (context) {
		case 'too-small':
			return command() === 'quit' ? {...s, quit: true} : s;
		case 'palette':
			return onPaletteInput(s, input, key);
		case 'absence-form':
			return onAbsenceFormInput(s, s.absenceForm!, input, key);
		case 'end-confirm':
			return onEndConfirmInput(s, s.endConfirm!, input, key);
		case 'decision-form':
			return onDecisionFormInput(s, input, key);
		case 'reallocate-form':
			return onReallocateFormInput(s, input, key);
		case 'record-form':
			return onRecordFormInput(s, input, key);
		case 'help':
			return onHelpCommand(s, command());
		case 'handover-field':
			return onHandoverField(s, input, key);
		case 'explorer-filter':
			return onFilterInput(s, explorerDo, input, key);
		case 'problems-filter':
			return onFilterInput(s, problemsDo, input, key);
		case 'calendar': {
			const c = command();
			const moved = c ? calendarCommand(s, c) : undefined;
			if (moved) return moved;
			break;
		}
	}
	const c = command();
	return c ? runCommand(s, c) : s;
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
