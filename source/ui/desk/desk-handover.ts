/**
 * The Handover view's context in the desk (view 3): its commands as its reducer's actions, and the field
 * context while a window date or the cover is being typed (contexts/modes.ts FIELD_BINDINGS).
 */
import {contextCommand, keysFor, modeKey, type DeskCommand} from '../contexts/registry.js';
import type {KeyInfo} from '../contexts/key-names.js';
import {lineEditCommand} from '../input/text-field.js';
import {handoverReducer, type HandoverAction} from '../views/handover/handover-state.js';
import {handoverPreview, type HandoverPreview} from '../views/handover/handover-preview.js';
import {setView} from './desk-navigation.js';
import {fullName} from '../../domain/people.js';
import {viewShown} from '../contexts/active.js';
import type {DeskState} from './desk-state.js';

/** The Handover view's width (the whole main area) and what it shows for the current state. */
export function currentHandover(s: DeskState): HandoverPreview {
	// Inside the view's frame: two columns fewer than the main area. Prepared by the person at the keyboard
	// (DOMAIN "People and permissions"), never inferred from the team; a desk state made without one says so.
	const actor = s.actor ? s.model.data.officers.find(o => o.id === s.actor!.officerId) : undefined;
	const preparedBy = actor ? fullName(actor) : s.actor ? s.actor.officerId : 'nobody signed in';
	return handoverPreview(s.model.data, s.model.today, s.handover, s.layout.width - s.layout.activityWidth - 2, preparedBy);
}

const act = (a: HandoverAction) => (s: DeskState) => (viewShown(s, 'handover') ? {...s, handover: handoverReducer(s.handover, a)} : s);

/** The view's commands (contexts/handover.ts); its field state is its reducer's (views/handover). */
export const HANDOVER_COMMANDS: Partial<Record<DeskCommand, (s: DeskState) => DeskState>> = {
	'handover-from': act({type: 'edit', field: 'from'}),
	'handover-to': act({type: 'edit', field: 'to'}),
	'handover-cover': act({type: 'edit', field: 'cover'}),
	'handover-export': act({type: 'export'}),
	// Also a palette command: from another view it opens the Handover view, whose window it exports.
	'handover-calendar': s => ({...setView(s, 'handover'), handover: handoverReducer(s.handover, {type: 'export', format: 'ics'})}),
};

/** A key while a field is open: Esc and Enter by the field context, the editing keys (TEXT_EDIT_BINDINGS), any other plain key is text. */
export function onHandoverField(s: DeskState, input: string, key: KeyInfo): DeskState {
	const command = contextCommand(s.keymap.field, input, key, true);
	const r = (a: HandoverAction) => ({...s, handover: handoverReducer(s.handover, a)});
	if (command === 'field-cancel') return r({type: 'cancel'});
	if (command === 'field-accept') {
		const keys = {
			cancel: modeKey(s.keymap.field, 'field-cancel'),
			accept: modeKey(s.keymap.field, 'field-accept'),
			from: keysFor('handover-from', s.keymap),
			to: keysFor('handover-to', s.keymap),
		};
		return r({type: 'commit', keys, officers: s.model.data.officers, absences: s.model.data.absences});
	}
	const edit = lineEditCommand(input, key);
	if (edit) return r({type: 'erase', edit});
	if (input && !key.ctrl && !key.meta) return r({type: 'type', text: input});
	return s;
}
