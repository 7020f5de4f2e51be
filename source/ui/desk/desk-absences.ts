/**
 * The Team view's absences in the desk (README "The review desk", Team view): `a` opens the absence form,
 * `E` asks before ending the selected officer's absence today (the question context: y/n, Esc), and the
 * shell's answer to a write comes back as 'absence-written'.
 */
import {absenceWords} from '../../domain/absence-words.js';
import {shortDate} from '../../domain/dates.js';
import {absenceOn, shortName} from '../../domain/people.js';
import {wholeSpan} from '../../domain/absence-cover.js';
import {mayActOnAbsence, mayChangeAbsence} from '../../domain/permissions.js';
import {safeText} from '../../domain/safe-text.js';
import {keysFor} from '../contexts/registry.js';
import {confirmAnswer, yesNo} from '../contexts/form-keys.js';
import type {KeyInfo} from '../contexts/key-names.js';
import {absenceFormKey, openAbsenceForm, validateForm, type AbsenceFormState} from '../team/absence-form-state.js';
import {teamRows} from '../team/team-rows.js';
import {setView} from './desk-navigation.js';
import type {AbsenceWrite, DeskState} from './desk-state.js';
import {inFocus} from '../contexts/active.js';

/** The officer under the Team view's cursor. */
export function selectedTeamOfficer(s: DeskState): string | undefined {
	return teamRows(s.model)[s.team.cursor]?.officer.id;
}

/** From the palette elsewhere: go to the Team view's list so the sergeant picks whose absence it is. */
function toTeamList(s: DeskState, then: string): DeskState {
	const move = `${keysFor('down', s.keymap).split('/').at(-1)}/${keysFor('up', s.keymap).split('/').at(-1)}`;
	return {...setView(s, 'team'), focus: 'explorer', notice: `Choose the officer (${move}), then ${then}.`};
}

const onTeamList = (s: DeskState) => inFocus(s, 'team');
const key = (s: DeskState, command: 'absence-add' | 'absence-end') => keysFor(command, s.keymap);

export function openForm(s: DeskState): DeskState {
	if (!onTeamList(s)) return toTeamList(s, `press ${key(s, 'absence-add')} to record their absence`);
	if (s.cannotWrite) return {...s, notice: `Absences cannot be recorded: ${s.cannotWrite}`};
	if (s.absenceWrite) return {...s, notice: 'A change is still being saved: try again in a moment.'};
	const officerId = selectedTeamOfficer(s);
	if (!officerId) return {...s, notice: 'No officer is selected.'};
	// Refused before any typing when the person at the keyboard may not (README "Who may change absences and cover").
	const may = s.actor
		? mayChangeAbsence(s.model.data, s.actor.officerId, 'add', null, {officerId, coverOfficerId: null}, s.model.today)
		: null;
	if (may && !may.ok) return {...s, notice: may.reason};
	return {...s, absenceForm: openAbsenceForm(officerId, s.model.today)};
}

export function askToEnd(s: DeskState): DeskState {
	if (!onTeamList(s)) return toTeamList(s, `press ${key(s, 'absence-end')} to end their absence`);
	if (s.cannotWrite) return {...s, notice: `Absences cannot be changed: ${s.cannotWrite}`};
	if (s.absenceWrite) return {...s, notice: 'A change is still being saved: try again in a moment.'};
	const officerId = selectedTeamOfficer(s);
	if (!officerId) return {...s, notice: 'No officer is selected.'};
	const {data, today} = s.model;
	const who = safeText(shortName(s.model.officerById.get(officerId)));
	const current = absenceOn(data.absences, officerId, today);
	if (!current) return {...s, notice: `${who} is not away today: nothing to end.`};
	// Whole: the part under way may end today while the absence goes on (absence-cover.ts).
	if (wholeSpan(data.absences, current).to === today) return {...s, notice: `${who}'s absence already ends today.`};
	const may = s.actor ? mayActOnAbsence(data, s.actor.officerId, 'end', current.id, today) : null;
	if (may && !may.ok) return {...s, notice: may.reason};
	const words = absenceWords(current, data.officers, today, data.absences);
	return {
		...s,
		endConfirm: {
			absenceId: current.id,
			// Keys first, then what it records, then the detail: the line is cut at 80 columns (QA 3 R17).
			question: `${yesNo(s.keymap)}  End ${who}'s absence today (${shortDate(today, today)}, the last day away)? ${words}`,
		},
	};
}

export function onAbsenceFormInput(s: DeskState, form: AbsenceFormState, input: string, k: KeyInfo): DeskState {
	const out = absenceFormKey(form, input, k, s.keymap);
	if (out.type === 'close') return {...s, absenceForm: null, notice: 'Nothing recorded.'};
	if (out.type === 'stay') return out.form === form ? s : {...s, absenceForm: out.form};
	const checked = validateForm(out.form, s.model.data.officers, s.model.data.absences, s.model.today, s.model.data);
	if (!checked.ok) return {...s, absenceForm: checked.form};
	const seq = s.absenceWrites + 1;
	const saving = {...s, absenceWrites: seq, absenceForm: {...out.form, saving: true, error: null}};
	if (form.absenceId) {
		const {from, to, reason, coverOfficerId, coverDays} = checked.absence;
		// The cover as opened, with no days typed, is no cover change: on an absence kept in parts it would be
		// asked of every day (absences.ts changeAbsence), as the command line asks only with --cover.
		const sameCover = out.form.values.cover === out.form.initial.cover && !coverDays;
		const change = sameCover ? {from, to, reason} : {from, to, reason, coverOfficerId};
		return {...saving, absenceWrite: {seq, kind: 'change', absenceId: form.absenceId, change, ...(coverDays ? {coverDays} : {})}};
	}
	return {...saving, absenceWrite: {seq, kind: 'add', officerId: form.officerId, absence: checked.absence}};
}

/** The end question's keys (contexts/modes.ts CONFIRM_BINDINGS); any other key leaves it asked. */
export function onEndConfirmInput(s: DeskState, ask: {absenceId: string; cancel?: boolean}, input: string, k: KeyInfo): DeskState {
	// y and n as typed: Ctrl+Y or Ctrl+N is not an answer (the question names y, n and Esc only).
	const answer = confirmAnswer(s.keymap, input, k);
	if (answer === 'yes' && ask.cancel) {
		const seq = s.absenceWrites + 1;
		const absenceWrite: AbsenceWrite = {seq, kind: 'cancel', absenceId: ask.absenceId};
		return {...s, absenceWrites: seq, endConfirm: null, absenceWrite, notice: 'Cancelling the absence...'};
	}
	if (answer === 'yes') {
		const seq = s.absenceWrites + 1;
		const absenceWrite = {seq, kind: 'end' as const, absenceId: ask.absenceId, last: s.model.today};
		return {...s, absenceWrites: seq, endConfirm: null, absenceWrite, notice: 'Ending the absence...'};
	}
	if (answer === 'no') return {...s, endConfirm: null, notice: 'Nothing changed.'};
	return s;
}

export function absenceWritten(s: DeskState, seq: number, error: string | null, notice: string): DeskState {
	const w = s.absenceWrite;
	if (!w || w.seq !== seq) return s;
	if ((w.kind === 'add' || w.kind === 'change') && s.absenceForm) {
		// A refusal keeps the form and everything typed in it; the reason shows under the fields.
		if (error) return {...s, absenceWrite: null, absenceForm: {...s.absenceForm, saving: false, error: {field: null, text: error}}};
		return {...s, absenceWrite: null, absenceForm: null, notice};
	}
	return {...s, absenceWrite: null, notice: error ?? notice};
}
