/**
 * Which input context has the keys: the one place that reads the desk's view, focus and overlays to decide
 * it. The reducer applies a key in this context, the status bar hints it, and takesText asks it.
 */
import type {DeskState, Pane, View} from '../desk/desk-state.js';
import {activeTab} from '../editor/tabs.js';
import {decisionFormTakesText} from '../team/decision-form-state.js';
import {reallocateTakesText} from '../reallocate/reallocate-form-state.js';
import {recordTakesText} from '../record/record-form-state.js';
import {fieldsFor} from '../record/record-form.js';
import {offeredKeymap, type Keymap} from './registry.js';

/** The keys offered to whoever is at the desk (registry.ts offeredKeymap): what hints, help and the palette show. */
export function deskKeymap(s: DeskState): Keymap {
	return offeredKeymap(s.keymap, s.model.scope);
}

export type ContextId =
	| 'too-small'
	| 'review'
	| 'palette'
	| 'help'
	| 'absence-form'
	| 'end-confirm'
	| 'decision-form'
	| 'reallocate-form'
	| 'record-form'
	| 'handover-field'
	| 'explorer-filter'
	| 'problems-filter'
	| 'calendar'
	| 'team'
	| 'handover'
	| 'log'
	| 'explorer'
	| 'problems'
	| 'editor';

/** The panes and views that can have the focus, named by what they show (views 2-5 show their own list). */
export type PaneId = 'explorer' | 'editor' | 'problems' | 'team' | 'handover' | 'log' | 'calendar';

/** Which pane has the focus (under any overlay or form): the editor, the Problems panel, or the view's main pane. */
export function focusedPane(s: DeskState): PaneId {
	if (s.focus === 'problems' || s.focus === 'editor') return s.focus;
	return s.view === 'cases' ? 'explorer' : s.view;
}

/** True when `pane` has the focus (under any overlay or form): the handlers ask this, never the view or focus. */
export function inFocus(s: DeskState, pane: PaneId): boolean {
	return focusedPane(s) === pane;
}

/** True when `view` is the one shown (whichever of its panes has the focus). */
export function viewShown(s: DeskState, view: View): boolean {
	return s.view === view;
}

/** The panes Tab cycles through in each view: the editor only where cases open in it. */
const PANES: Record<View, readonly Pane[]> = {
	cases: ['explorer', 'editor', 'problems'],
	team: ['explorer', 'problems'],
	handover: ['explorer', 'problems'],
	log: ['explorer', 'problems'],
	calendar: ['explorer', 'problems'],
};

export function panesFor(view: View): readonly Pane[] {
	return PANES[view];
}

/**
 * True when the guided review (or an amendment, or the review queue) in the active tab has the keyboard:
 * it takes every key, text included, so the desk's own keys stand aside until it is left (Esc).
 */
export function reviewHasKeys(s: DeskState): boolean {
	if (s.overlay !== null || focusedPane(s) !== 'editor' || s.layout.tooSmall) return false;
	const tab = activeTab(s.tabs);
	return tab !== undefined && tab.kind !== 'case' && tab.kind !== 'problem';
}

/** What takes the main area: an open bail or welfare form (whatever the view), an overlay, or the view. */
export type MainArea = 'record-form' | 'help' | 'palette' | View;

export function mainArea(s: DeskState): MainArea {
	if (s.recordForm && s.overlay === null) return 'record-form';
	return s.overlay ?? s.view;
}

/**
 * Whether a pane is drawn as focused: the focused pane, unless something over it has the keys (the
 * palette or help over the Handover view and the Problems panel, the reallocation form over the explorer,
 * a form over the Problems panel). The frame draws what this says (desk.tsx).
 */
export function drawnFocused(s: DeskState, pane: PaneId): boolean {
	if (!inFocus(s, pane)) return false;
	if (pane === 'handover') return s.overlay === null;
	if (pane === 'explorer') return !s.reallocateForm;
	if (pane === 'problems') return s.overlay === null && !s.reallocateForm && !s.recordForm;
	return true;
}

/** True while the help overlay takes the frame (the Problems panel gives it its rows). */
export function helpShown(s: DeskState): boolean {
	return s.overlay === 'help';
}

/** Modal contexts first (each takes every key while up), then the focused pane of the view. */
export function activeContext(s: DeskState): ContextId {
	if (s.layout.tooSmall) return 'too-small';
	if (reviewHasKeys(s)) return 'review';
	if (s.overlay !== null) return s.overlay;
	// The forms and the end question take every key while they are up (team/, reallocate/).
	if (s.absenceForm) return 'absence-form';
	if (s.endConfirm) return 'end-confirm';
	if (s.decisionForm) return 'decision-form';
	if (s.reallocateForm) return 'reallocate-form';
	if (s.recordForm) return 'record-form';
	const pane = focusedPane(s);
	if (pane === 'problems') return s.problems.filtering ? 'problems-filter' : 'problems';
	if (pane === 'explorer') return s.explorer.filtering ? 'explorer-filter' : 'explorer';
	if (pane === 'handover' && s.handover.editing) return 'handover-field';
	return pane;
}

/**
 * True when typed text goes into a field as text (a paste is one insert): the review, the palette's
 * query, a filter line, a text field of a form, or a Handover view field being edited.
 * Otherwise each character of a chunk is a key of its own.
 */
export function takesText(s: DeskState): boolean {
	switch (activeContext(s)) {
		case 'review':
		case 'palette':
		case 'explorer-filter':
		case 'problems-filter':
		case 'handover-field':
			return true;
		case 'absence-form':
			return !s.absenceForm!.confirmDiscard && !s.absenceForm!.saving && s.absenceForm!.field !== 'reason';
		case 'decision-form':
			return decisionFormTakesText(s.decisionForm!);
		case 'reallocate-form':
			return reallocateTakesText(s.reallocateForm!);
		case 'record-form':
			return recordTakesText(s.recordForm!, fieldsFor(s.recordForm!));
		default:
			return false;
	}
}

/**
 * True while something is being typed or answered (a review with the keys, the palette, a filter, a form,
 * a question, a Handover field): the store is then not reloaded under it (use-store-watch.ts).
 */
export function isTyping(s: DeskState): boolean {
	if (activeContext(s) === 'review' || s.overlay === 'palette' || s.explorer.filtering || s.problems.filtering) return true;
	// The reallocation form too: a reload under it would re-sort its list of officers under the cursor.
	return (
		s.absenceForm !== null || s.endConfirm !== null || s.handover.editing !== null || s.recordForm !== null || s.reallocateForm !== null
	);
}
