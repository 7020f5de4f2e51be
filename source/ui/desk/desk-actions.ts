/** What the desk's reducer is told (desk-state.ts): key presses, and the shell's answers and news. */
import type {CoverDays} from '../../domain/absence-cover.js';
import type {IsoDate} from '../../domain/dates.js';
import type {AbsenceChange} from '../../domain/absences.js';
import type {DecisionFieldError} from '../../domain/escalated-triggers.js';
import type {KeyInfo} from '../contexts/key-names.js';
import type {DeskModel} from '../model/desk-model.js';
import type {ValidAbsence} from '../team/absence-form-state.js';
import type {Size} from './layout.js';
import type {NoteFiling} from '../record/record-form-state.js';

export type AbsenceWrite =
	| {seq: number; kind: 'add'; officerId: string; absence: ValidAbsence}
	| {seq: number; kind: 'end'; absenceId: string; last: IsoDate}
	/** `coverDays`: the days the new cover covers (the form's Cover from/to), else from today on one under way. */
	| {seq: number; kind: 'change'; absenceId: string; change: AbsenceChange; coverDays?: CoverDays}
	| {seq: number; kind: 'cancel'; absenceId: string};

export interface ReviewKey {
	n: number;
	input: string;
	key: KeyInfo;
}

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
	| {type: 'record-written'; seq: number; error: string | null; notice: string; noteFor?: NoteFiling}
	/** The welfare file did not open as the welfare form opened: its note is locked, with why. */
	| {type: 'welfare-locked'; subject: string; reason: string}
	/** The effect runner has taken the queue's effects up to `through` (effects/effect-runner.ts). */
	| {type: 'effects-taken'; through: number};
