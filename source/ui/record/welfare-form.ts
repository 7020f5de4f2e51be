/**
 * The desk's welfare form (`w`, README "Acting on a problem"): that a check-in, psychological
 * screening, tenure review, one-to-one or wellbeing questionnaire happened, on which day, and an
 * optional private note. Checked with recordWelfareEvent, the command line's own function (no one
 * records their own; the sergeant's check-in is the inspector's). The note is health information
 * (README "Welfare notes"): it goes to the welfare file as a review's note does, never into the case
 * store, a notice, an error or an export; the command line takes none.
 */
import {parseUserDate, type IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {
	recordWelfareEvent,
	WELFARE_RECORD_KINDS,
	WelfareRecordError,
	type WelfareRecordInput,
	type WelfareRecordKind,
} from '../../domain/welfare-record.js';
import {dateFieldRefusal} from './date-field.js';
import {openRecordForm, refused, type FieldSpec, type FieldsOf, type NoteFiling, type RecordFormState} from './record-form-state.js';

const KINDS = Object.keys(WELFARE_RECORD_KINDS) as WelfareRecordKind[];

/** Longest note the form keeps (the welfare file's limit is larger; a desk note is a line or two). */
export const NOTE_MAX = 2000;

const FIELDS: readonly FieldSpec[] = [
	{id: 'kind', label: 'Kind', options: KINDS.map(k => ({value: k, label: k})), hint: '', max: 20},
	// Checked on leaving, and quoted only as far as it is date-like: a note typed here by mistake is never echoed (QA 6 R2).
	{id: 'on', label: 'On', hint: 'the day it happened (YYYY-MM-DD or DD/MM/YYYY)', max: 20, check: dateFieldRefusal},
	{id: 'note', label: 'Note', hint: 'optional, private: kept in the welfare file only', max: NOTE_MAX},
];

/** The note is left out while it cannot be kept (RecordFormState.locked): the event can still be recorded. */
const WITHOUT_NOTE = FIELDS.filter(f => f.id !== 'note');
/** Once the event is recorded and only its note waits (RecordFormState.noteFor), the note alone. */
const NOTE_ONLY = FIELDS.filter(f => f.id === 'note');
export const welfareFields: FieldsOf = f => (f.noteFor ? NOTE_ONLY : f.locked?.['note'] ? WITHOUT_NOTE : FIELDS);

/**
 * The welfare file does not open (a wrong or missing passphrase): the note is locked, with why, if none
 * has been typed yet; a note already typed stays, and the save says why it cannot be kept (nothing lost).
 */
export function lockWelfareNote(f: RecordFormState, reason: string): RecordFormState {
	if (f.kind !== 'welfare' || (f.values['note'] ?? '') !== '') return f;
	const locked = {...f.locked, note: reason};
	return {...f, locked, field: f.field === 'note' ? 'on' : f.field};
}

/**
 * `kind` as a way names it (`--kind screening`), else a check-in. A problem that names the kind has
 * answered the first field, so the form starts on the day it happened (README "Acting on a problem").
 */
export function openWelfareForm(officerId: string, today: IsoDate, kind: string | null = null): RecordFormState {
	const named = KINDS.find(k => k === kind);
	const form = openRecordForm('welfare', officerId, {kind: named ?? 'check-in', on: today, note: ''}, welfareFields);
	return named ? {...form, field: 'on'} : form;
}

/** What the shell records; `note` goes to the welfare file only, after the event is saved. */
export interface WelfareWrite {
	input: WelfareRecordInput;
	note: string;
}

/** A note filed again on its own: its event was recorded when it was first saved. */
export interface NoteWrite {
	filing: NoteFiling;
	note: string;
}

export function checkWelfareForm(
	f: RecordFormState,
	data: StoreData,
	today: IsoDate,
	by: string,
): {ok: true; write: WelfareWrite} | {ok: false; form: RecordFormState} {
	const v = f.values;
	const on = parseUserDate((v['on'] ?? '').trim());
	if (!on) return {ok: false, form: refused(f, 'on', dateFieldRefusal(v['on'] ?? '') ?? 'That is not a date.')};
	const input: WelfareRecordInput = {officerId: f.subject, kind: WELFARE_RECORD_KINDS[v['kind'] as WelfareRecordKind], date: on, by};
	try {
		recordWelfareEvent(data, input, today);
	} catch (err) {
		// The domain's sentences name the officer and the kind, never the note (it never sees it).
		if (err instanceof WelfareRecordError) return {ok: false, form: refused(f, null, err.message)};
		throw err;
	}
	return {ok: true, write: {input, note: f.locked?.['note'] ? '' : (v['note'] ?? '').trim()}};
}
