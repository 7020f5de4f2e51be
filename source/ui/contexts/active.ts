/**
 * Which input context has the keys: the one place that reads the desk's view, focus and overlays to decide
 * it. The reducer applies a key in this context, the status bar hints it, and takesText asks it.
 */
import type {DeskState} from '../desk/desk-state.js';
import {reviewHasKeys} from '../desk/desk-navigation.js';
import {decisionFormTakesText} from '../team/decision-form-state.js';
import {reallocateTakesText} from '../reallocate/reallocate-form-state.js';
import {recordTakesText} from '../record/record-form-state.js';
import {fieldsFor} from '../record/record-form.js';

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
	return s.absenceForm !== null || s.endConfirm !== null || s.handover.editing !== null || s.recordForm !== null;
}
