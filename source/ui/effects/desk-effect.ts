/**
 * What the desk's reducer asks of the outside world, as descriptions (docs/architecture.md "The path of a
 * key press"): the reducer records a write in flight (state.absenceWrite and its kin) or counts a request
 * (reload, an export), and `withEffects` turns each new one into an effect on the state's queue, in the
 * order the keys asked for them. One hook (use-desk-effects.ts) runs the queue; nothing else does I/O.
 */
import type {Handover} from '../../domain/handover/schema.js';
import {rowEntrySeqs} from '../../domain/shown-entries.js';
import type {AbsenceWrite, DeskState} from '../desk/desk-state.js';
import type {RecordWrite} from '../desk/desk-records.js';
import {currentLogModel} from '../desk/desk-log.js';
import {currentHandover} from '../desk/desk-handover.js';
import {logViewCsv} from '../views/log/log-view-model.js';
import {logExportFileName} from '../views/log/log-view-state.js';
import type {ExportFormat} from '../views/handover/handover-state.js';

export type DeskEffect =
	| {type: 'absence'; write: AbsenceWrite}
	| {type: 'decision'; write: NonNullable<DeskState['decisionWrite']>}
	| {type: 'reallocate'; write: NonNullable<DeskState['reallocateWrite']>}
	| {type: 'record'; write: RecordWrite}
	/** The welfare form just opened: does the welfare file open with the passphrase in force (for its note)? */
	| {type: 'welfare-check'; subject: string}
	| {type: 'reload'}
	/** The Log view's rows as CSV, a new file beside the store; `seqs` the entries they read (shown-entries.ts rowEntrySeqs). */
	| {type: 'log-export'; name: string; text: string; seqs: readonly number[]}
	/** The previewed handover (stamped with the time when written) as Markdown or a calendar. */
	| {type: 'handover-export'; handover: Handover; format: ExportFormat};

/** An effect on the queue, numbered in the order asked for. */
export interface QueuedEffect {
	id: number;
	effect: DeskEffect;
}

/** The effects a step of the reducer asked for (none when nothing new is in flight), appended to the queue. */
export function withEffects(prev: DeskState, next: DeskState): DeskState {
	if (next === prev) return next;
	const asked: DeskEffect[] = [];
	// Writes in the order a key can leave them (one key starts at most one).
	if (next.absenceWrite && next.absenceWrite !== prev.absenceWrite) asked.push({type: 'absence', write: next.absenceWrite});
	if (next.decisionWrite && next.decisionWrite !== prev.decisionWrite) asked.push({type: 'decision', write: next.decisionWrite});
	if (next.reallocateWrite && next.reallocateWrite !== prev.reallocateWrite) asked.push({type: 'reallocate', write: next.reallocateWrite});
	if (next.recordWrite && next.recordWrite !== prev.recordWrite) asked.push({type: 'record', write: next.recordWrite});
	if (next.recordForm?.kind === 'welfare' && prev.recordForm?.kind !== 'welfare') {
		asked.push({type: 'welfare-check', subject: next.recordForm.subject});
	}
	for (let n = prev.reloadRequests; n < next.reloadRequests; n++) asked.push({type: 'reload'});
	for (let n = prev.exportRequests; n < next.exportRequests; n++) {
		const model = currentLogModel(next);
		asked.push({type: 'log-export', text: logViewCsv(model), name: logExportFileName(next.log), seqs: rowEntrySeqs(model.rows)});
	}
	if (next.handover.exportSeq !== prev.handover.exportSeq) {
		asked.push({type: 'handover-export', handover: currentHandover(next).handover, format: next.handover.exportFormat});
	}
	if (asked.length === 0) return next;
	const effects = asked.map((effect, i) => ({id: next.effectsAsked + i + 1, effect}));
	return {...next, effects: [...next.effects, ...effects], effectsAsked: next.effectsAsked + effects.length};
}

/** The queue without the effects the runner has taken (up to and including `through`). */
export function effectsTaken(s: DeskState, through: number): DeskState {
	return s.effects.some(e => e.id <= through) ? {...s, effects: s.effects.filter(e => e.id > through)} : s;
}
