/**
 * The desk's other actions on a problem (README "Acting on a problem"), besides reallocating
 * (desk-acting.ts): `b` records a bail event on the case in hand, `w` a welfare event for an officer,
 * `c` changes an absence (its cover, dates or reason) and `C` cancels one not yet started. Each opens
 * from a problem's detail, the case or the Team view's officer, or the palette; each is checked with
 * the domain's own function, as the person at the keyboard, and saved by the shell
 * (an effect: effects/store-writes.ts), which checks again under the lock.
 */
import {notYoursToRead} from '../../domain/not-yours.js';
import {isLive} from '../../domain/case-facts.js';
import {absenceWords} from '../../domain/absence-words.js';
import {absenceOn, shortName} from '../../domain/people.js';
import {mayActOnAbsence, mayNameCover} from '../../domain/permissions.js';
import {absenceOfWay, coverDaysOfWay, welfareKindOfWay} from '../../domain/resolve.js';
import {absenceParts} from '../../domain/absence-cover.js';
import {safeText} from '../../domain/safe-text.js';
import {activeTab} from '../editor/tabs.js';
import type {KeyInfo} from '../keymap.js';
import {moveTo} from '../list/list-window.js';
import type {Problem} from '../../domain/problem.js';
import {problemById} from '../problem-detail/problem-lines.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {inFocus} from '../contexts/active.js';
import {checkBailForm, initialBailEvent, openBailForm, type BailWrite} from '../record/bail-form.js';
import {fieldsFor} from '../record/record-form.js';
import {recordFormKey, refused, type NoteFiling} from '../record/record-form-state.js';
import {yesNo} from '../contexts/form-keys.js';
import {hintKeyFor, hintLine, keysFor} from '../contexts/registry.js';
import {checkWelfareForm, openWelfareForm, type NoteWrite, type WelfareWrite} from '../record/welfare-form.js';
import {WELFARE_RECORD_KINDS, welfareRecordRefusal, type WelfareRecordKind} from '../../domain/welfare-record.js';
import {openChangeAbsenceForm} from '../team/absence-form-state.js';
import {teamRows, teamVisible} from '../team/team-rows.js';
import {caseInFocus, selectedTeamOfficer, type DeskState} from './desk-state.js';

/** A record the shell is to save; numbered so its answer finds it. */
export type RecordWrite =
	| {seq: number; kind: 'bail'; write: BailWrite}
	| {seq: number; kind: 'welfare'; write: WelfareWrite}
	| {seq: number; kind: 'note'; write: NoteWrite};

const BUSY = 'A change is still being saved: try again in a moment.';

/** A note whose event is recorded, emptied before filing it again: Esc leaves it. */
const NOTE_EMPTIED = 'The note is empty: type it again to file it, or Esc to leave it unsaved.';

function busy(s: DeskState): boolean {
	return s.recordWrite !== null || s.absenceWrite !== null || s.reallocateWrite !== null;
}

const nameOf = (s: DeskState, id: string) => safeText(shortName(s.model.officerById.get(id)));

/** "Choose the officer (j/k), then press w to ...", in the keys in force (README "Settings"). */
const chooseThen = (s: DeskState, command: Parameters<typeof hintKeyFor>[0], what: string) =>
	`Choose the officer (${hintLine(s.keymap, [[['down', 'up'], '']]).trim()}), then press ${hintKeyFor(command, s.keymap)} to ${what}.`;

/** The problem in hand: the Problems panel's row under the cursor, or the detail in the active tab. */
function problemInFocus(s: DeskState): {officerId: string; problem: Problem | undefined} | undefined {
	if (inFocus(s, 'problems')) {
		const p = problemRows(s.model, s.problems.filter)[s.problems.win.cursor];
		return p ? {officerId: p.subject.officerId, problem: p} : undefined;
	}
	const tab = inFocus(s, 'editor') ? activeTab(s.tabs) : undefined;
	// A cleared problem's tab still knows its officer (the problem itself is gone).
	return tab?.kind === 'problem' ? {officerId: tab.officerId, problem: problemById(s.model, tab.id)} : undefined;
}

/** `b`: the bail form for the case in hand (a problem's detail, the case, its row, a problem's row). */
export function openBail(s: DeskState): DeskState {
	if (s.cannotWrite) return {...s, notice: `Bail events cannot be recorded: ${s.cannotWrite}`};
	if (busy(s)) return {...s, notice: BUSY};
	const ref = caseInFocus(s);
	if (!ref)
		return {
			...s,
			notice: `Select a case first: ${hintKeyFor('bail-record', s.keymap)} records a bail event on the case under the cursor, in the editor or in a problem's detail.`,
		};
	const c = s.model.caseByRef.get(ref);
	// Still in the store but no longer the reader's (QA 8 D7: domain/not-yours.ts) is said so, not "gone".
	if (!c) {
		const notYours = notYoursToRead(s.model.data, s.model.scope, {ref, officerId: ''}, s.model.today);
		return {...s, notice: notYours ?? `${safeText(ref)} is no longer in the store.`};
	}
	if (!isLive(c)) return {...s, notice: `${safeText(ref)} is closed: its bail is not recorded here.`};
	// From the problem or the case alike: a lapsed bail starts on how it ended (README "Acting on a problem").
	return {...s, recordForm: openBailForm(ref, s.model.today, initialBailEvent(c, s.model.today))};
}

/** The officer `w` is about: a problem's, the Team view's selected one, or an officer row in the explorer. */
function welfareSubject(s: DeskState): {officerId: string; kind: string | null} | undefined {
	const here = problemInFocus(s);
	if (here) {
		const kind = here.problem?.resolve?.map(welfareKindOfWay).find(k => k !== null) ?? null;
		return {officerId: here.officerId, kind};
	}
	if (inFocus(s, 'team')) {
		const id = selectedTeamOfficer(s);
		return id ? {officerId: id, kind: null} : undefined;
	}
	return undefined;
}

/** `w`: the welfare form for the officer in hand, or the Team view to choose one. */
export function openWelfare(s: DeskState): DeskState {
	if (s.cannotWrite) return {...s, notice: `Welfare events cannot be recorded: ${s.cannotWrite}`};
	if (busy(s)) return {...s, notice: BUSY};
	const subject = welfareSubject(s);
	if (!subject) return {...s, view: 'team', focus: 'explorer', notice: chooseThen(s, 'welfare-record', 'record a welfare event')};
	const form = openWelfareForm(subject.officerId, s.model.today, subject.kind);
	// Whose it is to record is said now, before a note is typed (the save would refuse it anyway).
	const refusal = welfareRefusal(s, subject.officerId, form.values['kind'] as WelfareRecordKind);
	if (refusal) return {...s, notice: `${refusal} Nothing was opened.`};
	return {...s, recordForm: form};
}

/** Null without a known actor (a desk state made in memory): the save's own check then says who may. */
function welfareRefusal(s: DeskState, officerId: string, kind: WelfareRecordKind = 'check-in'): string | null {
	if (!s.actor) return null;
	return welfareRecordRefusal(s.model.data, s.actor.officerId, officerId, WELFARE_RECORD_KINDS[kind], s.model.today);
}

/** False when `w` would be refused for the officer in hand (the sergeant's own row): its hint is left out then. */
export function welfareOpens(s: DeskState): boolean {
	const subject = welfareSubject(s);
	return subject === undefined || welfareRefusal(s, subject.officerId) === null;
}

/** Moves the Team view's selection onto `officerId`. */
function selectInTeam(s: DeskState, officerId: string): DeskState {
	const rows = teamRows(s.model);
	const at = rows.findIndex(r => r.officer.id === officerId);
	const team = at < 0 ? s.team : moveTo(s.team, at, rows.length, teamVisible(s.layout.mainHeight));
	return {...s, view: 'team', focus: 'explorer', team};
}

/** The selected officer's absence today, else their next one. */
function absenceOfSelected(s: DeskState, notStartedOnly: boolean) {
	const id = selectedTeamOfficer(s);
	if (!id) return {id};
	const {absences} = s.model.data;
	const today = s.model.today;
	const current = notStartedOnly ? undefined : absenceOn(absences, id, today);
	// A later part of an absence under way (absence-cover.ts, partOf) is not an absence to come.
	const next = absences
		.filter(a => a.officerId === id && a.from > today && a.partOf === undefined)
		.sort((a, b) => a.from.localeCompare(b.from))[0];
	return {id, absence: current ?? next};
}

/** Why the person at the keyboard may not `act` on absence `id`, said when the form or question would open; null when they may. */
function absenceRefusal(s: DeskState, act: 'change' | 'cancel', id: string): string | null {
	if (!s.actor) return null;
	const may = mayActOnAbsence(s.model.data, s.actor.officerId, act, id, s.model.today);
	return may.ok ? null : may.reason;
}

/** `c`: the absence form on a recorded absence (a problem's cover way, or the Team view's officer's). */
export function openAbsenceChange(s: DeskState): DeskState {
	if (s.cannotWrite) return {...s, notice: `Absences cannot be changed: ${s.cannotWrite}`};
	if (busy(s)) return {...s, notice: BUSY};
	const here = problemInFocus(s);
	if (here) {
		const way = here.problem?.resolve?.find(w => absenceOfWay(w) !== null);
		const id = way ? absenceOfWay(way) : undefined;
		const named = id ? s.model.data.absences.find(a => a.id === id) : undefined;
		// Kept in parts: the form shows the cover of the part under way today, or the next (absence-cover.ts).
		const absence = named && (absenceParts(s.model.data.absences, named.id).find(p => p.to === null || p.to >= s.model.today) ?? named);
		if (!absence)
			return {
				...s,
				notice: `This problem names no absence to change: ${hintKeyFor('absence-change', s.keymap)} works on a problem whose way is to name a cover.`,
			};
		// A cover problem's way is to name a cover: refused now for someone who may not name it.
		const may = s.actor ? mayNameCover(s.model.data, s.actor.officerId, absence.id, s.model.today) : null;
		if (may && !may.ok) return {...s, notice: may.reason};
		// The cover is what the problem asks for: the form starts there (README "Acting on a problem").
		return {
			...selectInTeam(s, absence.officerId),
			absenceForm: openChangeAbsenceForm(absence, s.model.data.officers, 'cover', s.model.data.absences, way && coverDaysOfWay(way)),
		};
	}
	if (!inFocus(s, 'team')) {
		return {...s, view: 'team', focus: 'explorer', notice: chooseThen(s, 'absence-change', 'change their absence')};
	}
	const {id, absence} = absenceOfSelected(s, false);
	if (!id) return {...s, notice: 'No officer is selected.'};
	if (!absence)
		return {
			...s,
			notice: `${nameOf(s, id)} has no current or future absence to change: ${hintKeyFor('absence-add', s.keymap)} records one.`,
		};
	const refused = absenceRefusal(s, 'change', absence.id);
	if (refused) return {...s, notice: refused};
	return {...s, absenceForm: openChangeAbsenceForm(absence, s.model.data.officers, 'from', s.model.data.absences)};
}

/** `C`: asks to cancel the selected officer's next absence that has not started. */
export function askToCancel(s: DeskState): DeskState {
	if (!inFocus(s, 'team')) {
		return {
			...s,
			view: 'team',
			focus: 'explorer',
			notice: chooseThen(s, 'absence-cancel', 'cancel their absence that has not started'),
		};
	}
	if (s.cannotWrite) return {...s, notice: `Absences cannot be changed: ${s.cannotWrite}`};
	if (busy(s)) return {...s, notice: BUSY};
	const {id, absence} = absenceOfSelected(s, true);
	if (!id) return {...s, notice: 'No officer is selected.'};
	if (!absence) {
		const now = absenceOn(s.model.data.absences, id, s.model.today);
		const why = now
			? `their absence ${safeText(now.partOf ?? now.id)} has started: ${keysFor('absence-end', s.keymap)} ends it, ${keysFor('absence-change', s.keymap)} changes it`
			: 'they have no absence to come';
		return {...s, notice: `Nothing to cancel for ${nameOf(s, id)}: ${why}.`};
	}
	const refused = absenceRefusal(s, 'cancel', absence.id);
	if (refused) return {...s, notice: refused};
	const words = absenceWords(absence, s.model.data.officers, s.model.today, s.model.data.absences);
	return {
		...s,
		endConfirm: {
			absenceId: absence.id,
			cancel: true,
			// Keys first, then what it does, then the detail: the line is cut at 80 columns (QA 3 R17).
			question: `${yesNo(s.keymap)}  Cancel ${nameOf(s, id)}'s absence ${absence.id} as if never recorded? ${words}`,
		},
	};
}

/** Keys while a record form is open: it takes every key. */
export function onRecordFormInput(s: DeskState, input: string, key: KeyInfo): DeskState {
	const form = s.recordForm!;
	const out = recordFormKey(form, input, key, fieldsFor(form), s.keymap);
	if (out.type === 'close') return {...s, recordForm: null, notice: 'Nothing recorded.'};
	if (out.type === 'stay') return out.form === form ? s : {...s, recordForm: out.form};
	const by = s.actor?.officerId ?? '';
	const seq = s.recordWrites + 1;
	if (out.form.kind === 'bail') {
		const checked = checkBailForm(out.form, s.model.data, s.model.today, by);
		if (!checked.ok) return {...s, recordForm: checked.form};
		return {
			...s,
			recordForm: {...out.form, saving: true, error: null},
			recordWrites: seq,
			recordWrite: {seq, kind: 'bail', write: checked.write},
		};
	}
	if (out.form.noteFor) {
		const note = (out.form.values['note'] ?? '').trim();
		if (note === '') return {...s, recordForm: refused(out.form, 'note', NOTE_EMPTIED)};
		return {
			...s,
			recordForm: {...out.form, saving: true, error: null},
			recordWrites: seq,
			recordWrite: {seq, kind: 'note', write: {filing: out.form.noteFor, note}},
		};
	}
	const checked = checkWelfareForm(out.form, s.model.data, s.model.today, by);
	if (!checked.ok) return {...s, recordForm: checked.form};
	return {
		...s,
		recordForm: {...out.form, saving: true, error: null},
		recordWrites: seq,
		recordWrite: {seq, kind: 'welfare', write: checked.write},
	};
}

/**
 * The shell saved (error null) or refused the record numbered `seq`: a refusal keeps the form and what was
 * typed. With `noteFor`, the event was recorded and only its note was refused: the form stays on the note
 * alone, so Enter files it again and Esc is asked before it is thrown away (nothing typed is lost unasked).
 */
export function recordWritten(s: DeskState, seq: number, error: string | null, notice: string, noteFor?: NoteFiling): DeskState {
	const w = s.recordWrite;
	if (!w || w.seq !== seq) return s;
	if (error && s.recordForm) {
		const form = noteFor ? {...s.recordForm, noteFor, field: 'note', initial: {}} : s.recordForm;
		return {...s, recordWrite: null, recordForm: {...form, saving: false, error: {field: null, text: error}}};
	}
	return {...s, recordWrite: null, recordForm: null, notice: error ?? notice};
}
