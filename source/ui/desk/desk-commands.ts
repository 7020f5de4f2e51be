/**
 * What each desk command does (the handlers of the registry's bindings, contexts/registry.ts), and why
 * it does nothing where it cannot act: `unavailable` gives the status bar's reason, in the keys in force.
 */
import {ownWorkGoesTo} from '../../domain/independence.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {activeTab, closeActive, cycle} from '../editor/tabs.js';
import {setAsideRefusal} from '../model/case-set-aside.js';
import {keysFor, type DeskCommand} from '../contexts/registry.js';
import {handoverBodyHeight} from '../views/handover/handover-preview.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {askToEnd, openForm} from './desk-absences.js';
import {openHandoverItem, openProblemDetail, openProblemSubject, openReallocate} from './desk-acting.js';
import {openDecision} from './desk-decisions.js';
import {askToCancel, openAbsenceChange, openBail, openWelfare} from './desk-records.js';
import {HANDOVER_COMMANDS} from './desk-handover.js';
import {LOG_COMMANDS, openLogEntry} from './desk-log.js';
import * as nav from './desk-navigation.js';
import type {DeskState} from './desk-state.js';
import {focusedPane, inFocus, panesFor, type PaneId} from '../contexts/active.js';

interface Action {
	run(s: DeskState): DeskState;
	/** Why the command cannot act here (said on the status bar), or null when it can. */
	unavailable?(s: DeskState): string | null;
}

// What the commands that act on whatever has the focus do in each pane (as lazygit's per-context
// controllers): looked up by the registry's focused pane (contexts/active.ts), never worked out here.

/** One page of each pane. */
const PAGE: Record<PaneId, (s: DeskState) => number> = {
	problems: nav.problemsVisible,
	editor: s => s.layout.editorRows,
	handover: s => handoverBodyHeight(s.layout.mainHeight),
	explorer: nav.explorerVisible,
	team: nav.explorerVisible,
	log: nav.explorerVisible,
	calendar: nav.explorerVisible,
};
const page = (s: DeskState): number => PAGE[focusedPane(s)](s);

/** Esc (back): a filter is cleared first; the editor and the panel give the focus back; a view goes back to the cases. */
const toCases = (s: DeskState) => nav.setView(s, 'cases');
const BACK: Record<PaneId, (s: DeskState) => DeskState> = {
	problems: s => (s.problems.filter !== '' ? nav.problemsDo(s, {type: 'clear-filter'}) : {...s, focus: 'explorer'}),
	editor: s => ({...s, focus: 'explorer'}),
	explorer: s => (s.explorer.filter !== '' ? nav.explorerDo(s, {type: 'clear-filter'}) : s),
	team: toCases,
	handover: toCases,
	log: toCases,
	calendar: toCases,
};

/** Enter (open): what is under the cursor, or the subject of the problem in hand. */
const subjectOr = (s: DeskState, otherwise: (s: DeskState) => DeskState = x => x) => openProblemSubject(s) ?? otherwise(s);
const OPEN: Record<PaneId, (s: DeskState) => DeskState> = {
	log: openLogEntry,
	problems: s => {
		const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
		// Its detail (README "Acting on a problem"); Enter there goes on to the case or officer.
		return p ? openProblemDetail(s, p) : s;
	},
	explorer: s =>
		subjectOr(s, () => {
			const row = nav.selectedExplorerRow(s);
			if (!row) return s;
			if (row.kind === 'officer') return s.explorer.filter !== '' ? s : nav.toggleFold(s, row.group.id, undefined);
			return nav.openCase(s, row.c.ref);
		}),
	editor: subjectOr,
	team: subjectOr,
	handover: openHandoverItem,
	calendar: subjectOr,
};

/** The case of the problem whose detail is the editor's tab, if it is a case's problem. */
function problemTabCase(s: DeskState): string | null {
	const tab = activeTab(s.tabs);
	return tab?.kind === 'problem' ? tab.ref : null;
}

/** The lists a filter line narrows: the explorer and the Problems panel. */
const FILTERED: Partial<Record<PaneId, typeof nav.explorerDo>> = {explorer: nav.explorerDo, problems: nav.problemsDo};

const move = (delta: (s: DeskState) => nav.Delta): Action => ({run: s => nav.moveFocused(s, delta(s))});
const fold = (collapse: boolean): Action => ({
	run: s => {
		if (!inFocus(s, 'explorer') || s.explorer.filter !== '') return s;
		const row = nav.selectedExplorerRow(s);
		if (!row) return s;
		return nav.toggleFold(s, row.kind === 'officer' ? row.group.id : row.officerId, collapse);
	},
});
const pane = (step: 1 | -1): Action => ({
	run: s => {
		const panes = panesFor(s.view);
		const at = Math.max(0, panes.indexOf(s.focus));
		return {...s, focus: panes[(at + panes.length + step) % panes.length]!};
	},
});
const view = (v: DeskState['view']): Action => ({run: s => nav.setView(s, v)});
const tabStep = (step: 1 | -1): Action => ({
	run: s => ({...s, view: 'cases', tabs: cycle(s.tabs, step)}),
	unavailable: s => (s.tabs.tabs.length === 0 ? `No case is open: ${keysFor('open', s.keymap)} on a case opens it.` : null),
});
const fromTable = (table: Partial<Record<DeskCommand, (s: DeskState) => DeskState>>, command: DeskCommand): Action => ({
	run: table[command]!,
});

const ACTIONS: Record<DeskCommand, Action> = {
	up: move(() => -1),
	down: move(() => 1),
	'page-up': move(s => -page(s)),
	'page-down': move(s => page(s)),
	'handover-page-up': move(s => -page(s)),
	'handover-page-down': move(s => page(s)),
	first: move(() => 'first'),
	last: move(() => 'last'),
	collapse: fold(true),
	expand: fold(false),
	'next-pane': pane(1),
	'prev-pane': pane(-1),
	'view-cases': view('cases'),
	'view-team': view('team'),
	'view-handover': view('handover'),
	'view-log': view('log'),
	'view-calendar': view('calendar'),
	'handover-from': fromTable(HANDOVER_COMMANDS, 'handover-from'),
	'handover-to': fromTable(HANDOVER_COMMANDS, 'handover-to'),
	'handover-cover': fromTable(HANDOVER_COMMANDS, 'handover-cover'),
	'handover-export': fromTable(HANDOVER_COMMANDS, 'handover-export'),
	'handover-calendar': fromTable(HANDOVER_COMMANDS, 'handover-calendar'),
	'absence-add': {run: openForm},
	'absence-end': {run: askToEnd},
	'trigger-decide': {run: openDecision},
	// A case set aside by the store has no case keys: said why (model/case-set-aside.ts).
	reallocate: {run: openReallocate, unavailable: s => setAsideRefusal(s.model, nav.caseInFocus(s))},
	'bail-record': {run: openBail, unavailable: s => setAsideRefusal(s.model, nav.caseInFocus(s))},
	'welfare-record': {run: openWelfare},
	'absence-change': {run: openAbsenceChange},
	'absence-cancel': {run: askToCancel},
	filter: {
		run: s => FILTERED[focusedPane(s)]!(s, {type: 'start-filter'}),
		unavailable: s =>
			FILTERED[focusedPane(s)] ? null : `Filter (${keysFor('filter', s.keymap)}) works in the explorer and the Problems panel.`,
	},
	open: {
		run: s => OPEN[focusedPane(s)](s),
		unavailable: s => (focusedPane(s) === 'editor' ? setAsideRefusal(s.model, problemTabCase(s)) : null),
	},
	back: {run: s => BACK[focusedPane(s)](s)},
	'prev-tab': tabStep(-1),
	'next-tab': tabStep(1),
	'close-tab': {
		run: s => {
			const tabs = closeActive(s.tabs);
			return {...s, tabs, focus: tabs.active < 0 && inFocus(s, 'editor') ? 'explorer' : s.focus};
		},
		unavailable: s => (s.tabs.active < 0 ? 'No tab to close.' : null),
	},
	palette: {run: s => ({...s, overlay: 'palette', palette: {query: '', cursor: 0}})},
	help: {run: s => ({...s, overlay: 'help', helpScroll: 0})},
	review: {
		run: s => nav.openTabAndFocus(s, {kind: 'review', ref: nav.caseInFocus(s)!}),
		unavailable: s =>
			nav.caseInFocus(s)
				? setAsideRefusal(s.model, nav.caseInFocus(s))
				: `Select a case first: ${keysFor('review', s.keymap)} reviews the case under the cursor or in the editor.`,
	},
	'review-queue': {run: s => nav.openTabAndFocus(s, {kind: 'review-queue'}), unavailable: reviewQueueRefusal},
	amend: {
		run: s => nav.openTabAndFocus(s, {kind: 'amend', ref: nav.caseInFocus(s)!}),
		unavailable: s => {
			const ref = nav.caseInFocus(s);
			if (!ref) return `Select a case first: ${keysFor('amend', s.keymap)} amends the last signed review of the case under the cursor.`;
			return s.model.reviews.get(ref)?.length ? null : `${ref} has no signed review to amend.`;
		},
	},
	reload: {run: s => ({...s, reloadRequests: s.reloadRequests + 1, notice: 'Reloading the store...'})},
	quit: {run: s => ({...s, quit: true})},
	'log-sergeant': fromTable(LOG_COMMANDS, 'log-sergeant'),
	'log-officer': fromTable(LOG_COMMANDS, 'log-officer'),
	'log-late': fromTable(LOG_COMMANDS, 'log-late'),
	'log-earlier': fromTable(LOG_COMMANDS, 'log-earlier'),
	'log-later': fromTable(LOG_COMMANDS, 'log-later'),
	'log-export': fromTable(LOG_COMMANDS, 'log-export'),
	'log-week-earlier': fromTable(LOG_COMMANDS, 'log-week-earlier'),
	'log-week-later': fromTable(LOG_COMMANDS, 'log-week-later'),
	'log-all-weeks': fromTable(LOG_COMMANDS, 'log-all-weeks'),
	'log-chart': fromTable(LOG_COMMANDS, 'log-chart'),
};

/**
 * `R` for someone who reviews no one that day (read scope `own`: an officer, a cover outside their days):
 * refused, naming who reviews their cases, as `r` is (QA 4 R-h), never an empty queue that reads as
 * nothing due while their own cases are overdue.
 */
function reviewQueueRefusal(s: DeskState): string | null {
	const {scope, data, today} = s.model;
	if (scope.kind !== 'own') return null;
	// Decided on the day (ownWorkGoesTo): their sergeant, or the cover named while the sergeant is away.
	const who = safeText(shortName(s.model.officerById.get(scope.officerId)));
	// Short enough for the status bar at 80 columns, who reviews before any cut (as QA 4 R-k asks of refusals).
	return `${who} has no review queue: their reviews go to ${ownWorkGoesTo(data, scope.officerId, today)}.`;
}

/** Why `command` cannot act in `s` (null: it can). The palette shows it beside the command. */
export function unavailable(s: DeskState, command: DeskCommand): string | null {
	return documentRefusal(s, command) ?? ACTIONS[command].unavailable?.(s) ?? null;
}

/** A view's commands, and the keys that open it, say why when the reader may not see that view (desk-navigation.ts viewRefusal). */
function documentRefusal(s: DeskState, command: DeskCommand): string | null {
	const [head] = command.split('-');
	const view = command.startsWith('view-') ? command.slice(5) : head === 'handover' || head === 'log' ? head : null;
	return view === 'handover' || view === 'log' || view === 'calendar' ? nav.viewRefusal(s, view) : null;
}

export function runCommand(s: DeskState, command: DeskCommand): DeskState {
	const why = unavailable(s, command);
	return why ? {...s, notice: why} : ACTIONS[command].run(s);
}
