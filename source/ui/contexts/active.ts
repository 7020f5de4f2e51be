/**
 * Which input context has the keys: the one place that reads the desk's view, focus and overlays to decide
 * it. The reducer applies a key in this context, the status bar hints it, and takesText asks it.
 */
import type {DeskState} from '../desk/desk-state.js';
import {reviewHasKeys} from '../desk/desk-navigation.js';

export type ContextId =
	| 'too-small'
	| 'review'
	| 'palette'
	| 'help'
	| 'absence-form'
	| 'end-confirm'
	| 'decision-form'
	| 'reallocate-form'
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
	if (s.focus === 'problems') return s.problems.filtering ? 'problems-filter' : 'problems';
	if (s.focus === 'editor') return 'editor';
	if (s.view === 'cases') return s.explorer.filtering ? 'explorer-filter' : 'explorer';
	if (s.view === 'handover' && s.handover.editing) return 'handover-field';
	return s.view;
}
