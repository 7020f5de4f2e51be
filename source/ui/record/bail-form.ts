/**
 * The desk's bail form (`b`, README "Acting on a problem"): what happened to the case's bail, on which
 * day, the new return date (extended, re-bailed), and for an extension who authorised it and their
 * rank (a court also sets the period's new end). Checked with recordBailEvent, the command line's own
 * function, so an extension by too low a rank for the stage, a return date in the past or an extension
 * after the period has ended is refused here in the same sentence `fortnight bail record` gives; an
 * extension after a missed return date asks for the new return date on its field.
 */
import {
	BAIL_EVENT_KINDS,
	EXTENSION_RANKS,
	recordBailEvent,
	returnPassed,
	BailRecordError,
	type BailRecordInput,
	type ExtensionRank,
} from '../../domain/bail-record.js';
import {parseUserDate, shortDate, type IsoDate} from '../../domain/dates.js';
import type {BailEventKind, Case, StoreData} from '../../domain/model.js';
import {bailClock} from '../../domain/bail.js';
import {openRecordForm, refused, type FieldSpec, type FieldsOf, type RecordFormState} from './record-form-state.js';

const DATE_HINT = 'YYYY-MM-DD or DD/MM/YYYY';
const FROM_NAME = '';

const EVENT_FIELD: FieldSpec = {
	id: 'event',
	label: 'Event',
	options: BAIL_EVENT_KINDS.map(k => ({value: k, label: k})),
	hint: '',
	max: 20,
};
const ON_FIELD: FieldSpec = {id: 'on', label: 'On', hint: `the day it happened (${DATE_HINT})`, max: 20};
const RETURN_FIELD: FieldSpec = {id: 'returnDate', label: 'Return', hint: `the new return date (${DATE_HINT})`, max: 20};
const BY_FIELD: FieldSpec = {id: 'authorisedBy', label: 'Authorised', hint: 'who authorised it ("DI Okafor" gives the rank)', max: 80};
const RANK_FIELD: FieldSpec = {
	id: 'rank',
	label: 'Rank',
	options: [{value: FROM_NAME, label: 'from the name'}, ...EXTENSION_RANKS.map(r => ({value: r, label: r}))],
	hint: '',
	max: 40,
};
const PERIOD_FIELD: FieldSpec = {id: 'periodEnd', label: 'Period end', hint: `the end the court set (${DATE_HINT})`, max: 20};

/** The fields for the event chosen: a re-bail asks for the return date; an extension for who and what rank. */
export const bailFields: FieldsOf = f => {
	const event = f.values['event'] as BailEventKind;
	if (event === 're-bailed') return [EVENT_FIELD, ON_FIELD, RETURN_FIELD];
	if (event !== 'extended') return [EVENT_FIELD, ON_FIELD];
	const court = f.values['rank'] === "magistrates' court";
	return [EVENT_FIELD, ON_FIELD, RETURN_FIELD, BY_FIELD, RANK_FIELD, ...(court ? [PERIOD_FIELD] : [])];
};

/**
 * The event the form starts on for a case, wherever `b` is pressed (its problem, its tab, its row): one
 * decision, so the paths cannot differ (QA pass 3, R13). Bail past its return date or its period (the
 * bail-lapsed problem's own condition, domain/rules/bail.ts) starts on how it ended, since a lapsed bail
 * can no longer be extended (README "Acting on a problem"); bail running, on an extension; no bail, on RUI.
 */
export function initialBailEvent(c: Pick<Case, 'bail'>, today: IsoDate): BailEventKind {
	const clock = bailClock(c.bail, today);
	if (!clock) return 'rui';
	return clock.lapsed || clock.returnMissed ? 'charged' : 'extended';
}

export function openBailForm(ref: string, today: IsoDate, event: BailEventKind = 'extended'): RecordFormState {
	return openRecordForm('bail', ref, {event, on: today, returnDate: '', authorisedBy: '', rank: FROM_NAME, periodEnd: ''}, bailFields);
}

/** What the shell records (recordedAt is the moment it saves). */
export interface BailWrite {
	ref: string;
	input: Omit<BailRecordInput, 'recordedAt'>;
}

/**
 * Enter on the last field: the typed dates read as dates, then the domain's own check on the store as
 * it is (the shell checks again under the lock). A refusal stays on the form with what was typed.
 */
export function checkBailForm(
	f: RecordFormState,
	data: StoreData,
	today: IsoDate,
	by: string,
): {ok: true; write: BailWrite} | {ok: false; form: RecordFormState} {
	const v = f.values;
	const event = v['event'] as BailEventKind;
	const shown = new Set(bailFields(f).map(x => x.id));
	const date = (id: string, blank: 'required' | 'optional'): IsoDate | null | undefined => {
		const text = (v[id] ?? '').trim();
		if (!shown.has(id) || (text === '' && blank === 'optional')) return null;
		return parseUserDate(text) ?? undefined;
	};
	const on = date('on', 'required');
	if (!on) return {ok: false, form: refused(f, 'on', `"${v['on'] ?? ''}" is not a real date: type ${DATE_HINT}.`)};
	// An extension after a missed return date needs a new one, as `bail record` asks for --return (bail-record.ts returnPassed).
	const bail = data.cases.find(c => c.ref === f.subject)?.bail;
	const passed = event === 'extended' && bail && bail.endedOn === null && returnPassed(bail, on) ? bail.returnDate : null;
	const returnDate = date('returnDate', event === 're-bailed' || passed ? 'required' : 'optional');
	if (returnDate === undefined) {
		const blank = (v['returnDate'] ?? '').trim() === '';
		const what = !blank
			? `"${v['returnDate']}" is not a real date: type`
			: passed
				? `The return date ${shortDate(passed, today)} has passed, so an extension needs a new one: type the new return date`
				: 'Type the new return date';
		return {ok: false, form: refused(f, 'returnDate', `${what} (${DATE_HINT}).`)};
	}
	const periodEnd = date('periodEnd', 'required');
	if (shown.has('periodEnd') && !periodEnd) {
		return {ok: false, form: refused(f, 'periodEnd', `Type the period's new end the court set (${DATE_HINT}).`)};
	}
	// A team officer's rank is the store's (recordBailEvent matches the name, as the command line does).
	const rank: ExtensionRank | null = event === 'extended' && v['rank'] ? (v['rank'] as ExtensionRank) : null;
	const authorisedBy = event === 'extended' && (v['authorisedBy'] ?? '').trim() !== '' ? v['authorisedBy']! : null;
	const input = {event, on, returnDate, authorisedBy, rank, periodEnd: periodEnd ?? null, recordedBy: by};
	try {
		recordBailEvent(data, f.subject, {...input, recordedAt: ''}, today);
	} catch (err) {
		if (err instanceof BailRecordError) return {ok: false, form: refused(f, null, err.message)};
		throw err;
	}
	return {ok: true, write: {ref: f.subject, input}};
}
