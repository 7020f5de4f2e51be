/**
 * The inspector's working queue in the desk (README "The review desk", Team view): `d` on an officer
 * whose performance trigger is on the exception list opens the decision form; on anyone else it moves
 * the selection to the next one waiting. The form is refused, with the reason and who can, to anyone
 * but an inspector over the team, and to an inspector who could not sign it. The reducer's side only:
 * the shell records the decision (an effect: effects/store-writes.ts) and answers with 'decision-written'.
 */
import {
	escalatedDecisionRefusal,
	escalatedTriggers,
	validateTriggerDecision,
	type DecisionFieldError,
	type EscalatedTrigger,
} from '../../domain/escalated-triggers.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import type {KeyInfo} from '../keymap.js';
import {moveTo} from '../list/list-window.js';
import {mayReadOfficer} from '../../domain/read-scope.js';
import type {DeskModel} from '../model/desk-model.js';
import {checkedForm, decisionFormKey, decisionInput, openDecisionForm} from '../team/decision-form-state.js';
import {teamRows, teamVisible} from '../team/team-rows.js';
import {actorSigningRefusal} from './desk-actor.js';
import type {DeskState} from './desk-state.js';
import {inFocus} from '../contexts/active.js';
import {hintKeyFor} from '../contexts/registry.js';

const queues = new WeakMap<DeskModel, EscalatedTrigger[]>();

/** The escalated triggers on the model's day, longest waiting first (worked out once per model). */
export function decisionQueue(model: DeskModel): EscalatedTrigger[] {
	let q = queues.get(model);
	// Only those about officers the reader may see (desk-model.ts `scope`): an officer's own, at most.
	if (!q) queues.set(model, (q = escalatedTriggers(model.data, model.today).filter(t => mayReadOfficer(model.scope, t.officerId))));
	return q;
}

const nameOf = (s: DeskState, id: string) => safeText(shortName(s.model.officerById.get(id)));

/** Moves the Team view's selection onto `officerId` (when listed). */
function selectOfficer(s: DeskState, officerId: string): DeskState {
	const rows = teamRows(s.model);
	const at = rows.findIndex(r => r.officer.id === officerId);
	return at < 0 ? s : {...s, team: moveTo(s.team, at, rows.length, teamVisible(s.layout.mainHeight))};
}

/** The next escalated trigger after the selected row (wrapping), skipping `except`. */
function nextInQueue(s: DeskState, except?: string): EscalatedTrigger | undefined {
	const queue = decisionQueue(s.model).filter(t => t.officerId !== except);
	if (queue.length === 0) return undefined;
	const rows = teamRows(s.model);
	const order = new Map(rows.map((r, i) => [r.officer.id, i]));
	const after = queue.filter(t => (order.get(t.officerId) ?? -1) > s.team.cursor);
	return [...after, ...queue][0];
}

const waiting = (n: number) => (n === 1 ? '1 escalated trigger waits' : `${n} escalated triggers wait`);

/** `d`: the form for the selected officer's escalated trigger, or the next one in the queue. */
export function openDecision(s: DeskState): DeskState {
	const inTeam = inFocus(s, 'team');
	const base: DeskState = inTeam ? s : {...s, view: 'team', focus: 'explorer'};
	if (s.decisionWrite) return {...base, notice: 'A decision is still being recorded: try again in a moment.'};
	const queue = decisionQueue(s.model);
	const selected = teamRows(s.model)[s.team.cursor]?.officer.id;
	const here = inTeam ? queue.find(t => t.officerId === selected) : undefined;
	if (!here) {
		const next = nextInQueue(base);
		if (!next) return {...base, notice: "No performance trigger is on the inspector's exception list: nothing to decide."};
		const moved = selectOfficer(base, next.officerId);
		return {
			...moved,
			notice: `${nameOf(s, next.officerId)}'s trigger is on the exception list (${safeText(next.why)}): ${hintKeyFor('trigger-decide', s.keymap)} decides it. ${waiting(queue.length)}.`,
		};
	}
	if (!s.actor)
		return {
			...base,
			decisionForm: openDecisionForm(
				here.officerId,
				'The desk does not know who you are, so it cannot record a decision: start it with --as NAME.',
			),
		};
	if (s.cannotWrite) return {...base, decisionForm: openDecisionForm(here.officerId, `Nothing can be recorded: ${s.cannotWrite}`)};
	// Who may decide it first (it says who can), then whether they could sign it: both before any typing.
	const refusal =
		escalatedDecisionRefusal(s.model.data, s.actor.officerId, here.officerId, s.model.today) ??
		actorSigningRefusal(s.actor, s.model.data, 'decision', s.model.today);
	return {...base, decisionForm: openDecisionForm(here.officerId, refusal)};
}

/** Keys while the form is up: it takes every key. */
export function onDecisionFormInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	const form = s.decisionForm!;
	const out = decisionFormKey(form, input, key, s.keymap);
	if (out.type === 'close') return {...s, decisionForm: null, notice: form.refusal === null ? 'Nothing recorded.' : null};
	if (out.type === 'stay') return out.form === form ? s : {...s, decisionForm: out.form};
	if (out.type === 'check')
		return {...s, decisionForm: checkedForm(out.form, validateTriggerDecision(s.model.data, s.model.today, decisionInput(out.form)))};
	const seq = s.decisionWrites + 1;
	return {
		...s,
		decisionWrites: seq,
		decisionForm: {...out.form, saving: true, error: null},
		decisionWrite: {seq, input: decisionInput(out.form)},
	};
}

/** The shell recorded the decision numbered `seq` (error null) or could not. */
export function decisionWritten(
	s: DeskState,
	seq: number,
	error: string | null,
	errors: readonly DecisionFieldError[],
	notice: string,
): DeskState {
	const w = s.decisionWrite;
	if (!w || w.seq !== seq) return s;
	if (error !== null && s.decisionForm) {
		// A refusal keeps the form and what was typed; the reasons show under the fields.
		const form = {...s.decisionForm, saving: false};
		return {...s, decisionWrite: null, decisionForm: errors.length > 0 ? checkedForm(form, errors) : {...form, error}};
	}
	if (error !== null) return {...s, decisionWrite: null, notice: error};
	// The queue moves on: the selection goes to the next trigger waiting, if any.
	const next = nextInQueue(s, w.input.officerId);
	const left = decisionQueue(s.model).filter(t => t.officerId !== w.input.officerId).length;
	const done = {...s, decisionWrite: null, decisionForm: null};
	if (!next) return {...done, notice: `${notice} No other trigger is on the exception list.`};
	return {...selectOfficer(done, next.officerId), notice: `${notice} Next: ${nameOf(s, next.officerId)} (d); ${left} waiting.`};
}
