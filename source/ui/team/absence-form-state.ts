/**
 * The Team view's absence form: officer fixed (the selected row), first day, last day (blank = no end
 * date yet), reason category, cover typed by name; changing a recorded absence, also the days the cover
 * covers (blank: from today, or the first day before it starts, to the last: `absence change --cover NAME
 * --from D --to D`, README "Absences"). Pure: the desk's reducer routes keys here while the
 * form is open (so a key typed straight after `a` lands in the form, never in the desk), and asks the
 * shell to save when Enter is pressed on the last field. A reason category only: there is no field
 * for a diagnosis or any other health detail, by design.
 */
import {parseUserDate, shortDate, typedDateRefusal, type IsoDate} from '../../domain/dates.js';
import {coverAwayProblem} from '../../domain/absences.js';
import {
	absenceParts,
	blankCoverFrom,
	coverDaysProblem,
	coverSpan,
	type CoverDays,
	type CoverDaysProblem,
} from '../../domain/absence-cover.js';
import {startMovedAfterToday} from '../../domain/absences.js';
import type {Absence, AbsenceReason, Officer, StoreData} from '../../domain/model.js';
import {ABSENCE_REASONS} from '../../domain/model-values.js';
import {listOfficers, matchOfficer} from '../../domain/officer-match.js';
import {fullName} from '../../domain/people.js';
import type {KeyInfo} from '../keymap.js';
import {confirmAnswer, DEFAULT_FORM_KEYS, formCommands, type FormKeys} from '../contexts/form-keys.js';
import {typeIntoField} from '../input/text-field.js';

export type FormField = 'from' | 'to' | 'reason' | 'cover' | 'coverFrom' | 'coverTo';
/** A new absence's fields; Enter on Cover saves. */
export const FORM_FIELDS: readonly FormField[] = ['from', 'to', 'reason', 'cover'];
/** A recorded absence's: after Cover, the days it covers (optional, so Enter on Cover or after saves). */
export const CHANGE_FORM_FIELDS: readonly FormField[] = [...FORM_FIELDS, 'coverFrom', 'coverTo'];

/** The fields `f` shows, in order. */
export function formFields(f: Pick<AbsenceFormState, 'absenceId'>): readonly FormField[] {
	return f.absenceId === undefined ? FORM_FIELDS : CHANGE_FORM_FIELDS;
}

/** True on Cover or a field after it: Enter saves there (contexts/form-hints.ts says so). */
export function savesOn(f: Pick<AbsenceFormState, 'absenceId' | 'field'>): boolean {
	const fields = formFields(f);
	return fields.indexOf(f.field) >= fields.indexOf('cover');
}

export interface FormValues {
	from: string;
	to: string;
	reason: AbsenceReason;
	cover: string;
	/** The cover's first day, blank for the command line's default (today on an absence that has started, else its first day). */
	coverFrom: string;
	/** The cover's last day, blank for the absence's last day. */
	coverTo: string;
}

export interface AbsenceFormState {
	officerId: string;
	/** The absence being changed (`c`, README "Acting on a problem"), by its first part's id; absent when recording a new one. */
	absenceId?: string;
	values: FormValues;
	/** As opened: Esc asks before throwing away anything that differs from these. */
	initial: FormValues;
	field: FormField;
	/** Inline error: on a field, or (field null) about the whole absence (overlap, store refused). */
	error: {field: FormField | null; text: string} | null;
	/** Esc was pressed on a changed form: y discards, n or Esc goes back to it. */
	confirmDiscard: boolean;
	/** The fields edited since the form opened (input/text-field.ts typeIntoField): one not yet edited opens on its value, and a character typed replaces it. */
	typed?: readonly string[];
	/** A save is running: keys wait (the form stays on screen with what was typed). */
	saving: boolean;
}

/** What the form asks of the desk after a key. */
export type FormOutcome = {type: 'stay'; form: AbsenceFormState} | {type: 'close'} | {type: 'save'; form: AbsenceFormState};

/** Letters that pick a reason on the reason field: each category's first letter (all differ). */
const REASON_LETTERS = new Map(ABSENCE_REASONS.map(r => [r[0]!, r]));

/** Longest text a field keeps (a name or a date; a paste cannot grow it without bound). */
const MAX_FIELD = 60;

export function openAbsenceForm(officerId: string, today: IsoDate): AbsenceFormState {
	const initial: FormValues = {from: today, to: '', reason: 'sick', cover: '', coverFrom: '', coverTo: ''};
	return {officerId, values: initial, initial, field: 'from', error: null, confirmDiscard: false, saving: false};
}

/**
 * The form for changing a recorded absence: its dates, reason and cover as they stand. `field`: where the
 * focus starts; a problem's cover way opens it on the cover, the one thing that problem asks for. An
 * absence kept in parts (absence-cover.ts; `absences`: the team's) is shown whole, by its first part's id,
 * with the cover of the part `a` (the one under way today, or the next): the cover's days left blank.
 */
export function openChangeAbsenceForm(
	a: Absence,
	officers: readonly Officer[],
	field: FormField = 'from',
	absences: readonly Absence[] = [a],
	/** The days a problem's way names for the cover (resolve.ts coverDaysOfWay): filled in. */
	days?: CoverDays,
): AbsenceFormState {
	const parts = absenceParts(absences, a.id);
	const first = parts[0] ?? a;
	const last = parts.at(-1) ?? a;
	// The cover by name where the name finds them alone, else by id (both read back the same way).
	const cover = officers.find(o => o.id === a.coverOfficerId);
	const byName = cover && resolveCover(officers, fullName(cover), a.officerId).officer?.id === cover.id;
	const initial: FormValues = {
		from: first.from,
		to: last.to ?? '',
		reason: a.reason,
		cover: cover ? (byName ? fullName(cover) : cover.id) : '',
		coverFrom: days?.from ?? '',
		coverTo: days?.to ?? '',
	};
	return {
		officerId: a.officerId,
		absenceId: first.id,
		values: initial,
		initial,
		field,
		error: null,
		confirmDiscard: false,
		saving: false,
	};
}

export function formChanged(f: AbsenceFormState): boolean {
	const a = f.values;
	const b = f.initial;
	return (
		a.from !== b.from ||
		a.to !== b.to ||
		a.reason !== b.reason ||
		a.cover !== b.cover ||
		a.coverFrom !== b.coverFrom ||
		a.coverTo !== b.coverTo
	);
}

function moveField(f: AbsenceFormState, delta: number): AbsenceFormState {
	const fields = formFields(f);
	const at = fields.indexOf(f.field);
	const field = fields[Math.min(fields.length - 1, Math.max(0, at + delta))]!;
	return field === f.field ? f : {...f, field};
}

function setValue(f: AbsenceFormState, change: Partial<FormValues>): AbsenceFormState {
	// A stale error about the field being edited goes; an error elsewhere stays until that is fixed.
	const error = f.error && (f.error.field === f.field || f.error.field === null) ? null : f.error;
	return {...f, values: {...f.values, ...change}, error};
}

function cycleReason(r: AbsenceReason, delta: number): AbsenceReason {
	const at = ABSENCE_REASONS.indexOf(r);
	return ABSENCE_REASONS[(at + delta + ABSENCE_REASONS.length) % ABSENCE_REASONS.length]!;
}

/** A key in the form, as the keys in force (`keys`, contexts/form-keys.ts) say it: every action is looked up there. */
export function absenceFormKey(f: AbsenceFormState, input: string, key: KeyInfo, keys: FormKeys = DEFAULT_FORM_KEYS): FormOutcome {
	const stay = (form: AbsenceFormState): FormOutcome => ({type: 'stay', form});
	if (f.saving) return stay(f);
	if (f.confirmDiscard) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {type: 'close'};
		return answer === 'no' ? stay({...f, confirmDiscard: false}) : stay(f);
	}
	const c = formCommands(keys, input, key, f.field !== 'reason');
	if (c.has('form-cancel')) return formChanged(f) ? stay({...f, confirmDiscard: true}) : {type: 'close'};
	if (c.has('form-submit')) return savesOn(f) ? {type: 'save', form: f} : stay(moveField(f, 1));
	if (c.has('form-next-field')) return stay(moveField(f, 1));
	if (c.has('form-prev-field')) return stay(moveField(f, -1));
	if (f.field === 'reason') {
		if (c.has('form-choose-prev')) return stay(setValue(f, {reason: cycleReason(f.values.reason, -1)}));
		if (c.has('form-choose-next')) return stay(setValue(f, {reason: cycleReason(f.values.reason, 1)}));
		const picked = !key.ctrl && !key.meta ? REASON_LETTERS.get(input.toLowerCase()) : undefined;
		return picked ? stay(setValue(f, {reason: picked})) : stay(f);
	}
	const field = f.field;
	// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
	const t = typeIntoField(f.typed, field, f.values[field], input, key, MAX_FIELD);
	const g = t.typed === f.typed ? f : {...f, typed: t.typed};
	return stay(t.value === f.values[field] ? g : setValue(g, {[field]: t.value}));
}

export interface ValidAbsence {
	from: IsoDate;
	to: IsoDate | null;
	reason: AbsenceReason;
	coverOfficerId: string | null;
	/** Changing one: the days the cover covers, when typed (the command line's `--cover NAME --from D --to D`). */
	coverDays?: CoverDays;
}

/** What the cover field resolves to, for the form to show as it is typed. */
export function resolveCover(
	officers: readonly Officer[],
	typed: string,
	officerId: string,
): {officer: Officer | null; error: string | null} {
	const q = typed.trim();
	if (q === '') return {officer: null, error: null};
	const m = matchOfficer(officers, q);
	if (m.kind === 'found')
		return m.officer.id === officerId
			? {officer: null, error: 'An officer cannot cover their own absence.'}
			: {officer: m.officer, error: null};
	if (m.kind === 'ambiguous') return {officer: null, error: `"${q}" matches ${listOfficers(m.candidates)}: type the full name or the id.`};
	return {
		officer: null,
		error: `Nobody in the team is called "${q}"${m.near.length ? ` (did you mean ${listOfficers(m.near)}?)` : ''}; leave it blank for no cover.`,
	};
}

/**
 * Checks what can be checked before saving (dates typed as dates, a cover who exists and is not away
 * on the days they would cover: the same check "absence add" and "absence change" make, from the domain).
 * The cover's days are checked by the domain's rule (absence-cover.ts coverDaysProblem), said in the form's
 * words (coverDaysRefusal); the domain checks them again on saving, under the store's lock. `today`: the
 * desk's day, for the days a cover changed on an absence that has started covers (from today on).
 */
export function validateForm(
	f: AbsenceFormState,
	officers: readonly Officer[],
	absences: StoreData['absences'] = [],
	today?: IsoDate,
	/** The desk's snapshot: what a blank Cover from gives is the domain's (coverFromBlankWords), said in the refusals. */
	data?: StoreData,
): {ok: true; absence: ValidAbsence} | {ok: false; form: AbsenceFormState} {
	const fail = (field: FormField, text: string) => ({ok: false as const, form: {...f, field, error: {field, text}}});
	const v = f.values;
	if (v.from.trim() === '') return fail('from', 'Type the first day away (YYYY-MM-DD or DD/MM/YYYY).');
	const from = parseUserDate(v.from);
	if (!from) return fail('from', `"${v.from}" is not a real date: type YYYY-MM-DD or DD/MM/YYYY.`);
	let to: IsoDate | null = null;
	if (v.to.trim() !== '') {
		to = parseUserDate(v.to);
		if (!to) return fail('to', `"${v.to}" is not a real date: type YYYY-MM-DD or DD/MM/YYYY, or leave it blank for no end date.`);
	}
	// A first day moved after today on an absence that has started is refused by the domain (absences.ts
	// correctsStart); said here on the First day, in the form's words (absence-refusal-words.ts), not its flags.
	const started = f.absenceId !== undefined ? absenceParts(absences, f.absenceId)[0] : undefined;
	if (started && today !== undefined && from !== started.from && startMovedAfterToday(started.from, from, today)) {
		const r = {kind: 'start-after-today' as const, absenceId: started.id, first: started.from, date: from};
		return fail('from', startAfterTodayWords(r, today));
	}
	const cover = resolveCover(officers, v.cover, f.officerId);
	if (cover.error) return fail('cover', cover.error);
	const blank = {
		coverFrom: data && today !== undefined ? coverFromBlankWords(f, data, today) : DAYS_BLANK.coverFrom,
		coverTo: DAYS_BLANK.coverTo,
	};
	const days: CoverDays = {};
	for (const [field, key] of [
		['coverFrom', 'from'],
		['coverTo', 'to'],
	] as const) {
		if (v[field].trim() === '') continue;
		const d = parseUserDate(v[field]);
		// In the command line's words for --from/--to (dates.ts typedDateRefusal), the field named as the form shows it.
		if (!d) return fail(field, `${typedDateRefusal(DAYS_LABEL[field], v[field])} Or leave it blank (${blank[field]}).`);
		days[key] = d;
	}
	const some = days.from !== undefined || days.to !== undefined;
	// Without the desk's day (a form checked in memory) the domain decides on saving (absence-cover.ts coverForDays).
	const outside =
		some && f.absenceId !== undefined && today !== undefined
			? coverDaysRefusal(f.absenceId, {from, to}, days, today, blank.coverFrom)
			: null;
	if (outside) return fail(outside.field, outside.text);
	// The days the cover is asked for: those typed, else from today on a recorded absence under way, or tomorrow
	// when today stays the outgoing cover's (as the domain reads them: absence-cover.ts blankCoverFrom).
	const blankFrom =
		f.absenceId !== undefined && today !== undefined && data && days.from === undefined
			? blankCoverFrom(data, f.absenceId, cover.officer?.id ?? null, today, {from, to}).from
			: undefined;
	const span =
		f.absenceId !== undefined && today !== undefined
			? coverSpan({from, to}, blankFrom === undefined ? days : {...days, from: blankFrom}, today)
			: {from: days.from ?? from, to: days.to ?? to};
	const away = cover.officer ? coverAwayProblem({officers, absences}, cover.officer.id, span) : null;
	if (away) return fail(some ? 'coverFrom' : 'cover', away);
	return {ok: true, absence: {from, to, reason: v.reason, coverOfficerId: cover.officer?.id ?? null, ...(some ? {coverDays: days} : {})}};
}

/**
 * Why the cover's days typed cannot be saved (absence-cover.ts coverDaysProblem: the rule `absence change
 * --cover NAME --from D --to D` is refused by too), in the form's words: the field named as the form shows
 * it and what is wrong with it, never the command line's --from or a backwards span (QA 7 R1, R12). The
 * absence's first and last day are those the form holds: a change saves them before the cover
 * (absences.ts changeAbsence).
 */
function coverDaysRefusal(
	absenceId: string,
	whole: {from: IsoDate; to: IsoDate | null},
	days: CoverDays,
	today: IsoDate,
	/** What a blank Cover from gives, in words (coverFromBlankWords). */
	blankFrom: string,
): {field: 'coverFrom' | 'coverTo'; text: string} | null {
	const p = coverDaysProblem(absenceId, whole, days, today);
	return p ? coverDaysProblemWords(p, today, blankFrom) : null;
}

/**
 * A CoverDaysProblem (absence-cover.ts) in the form's words: the field named as the form shows it and what
 * is wrong with it. Also how the desk says the domain's refusal on saving (absence-refusal-words.ts).
 */
export function coverDaysProblemWords(
	p: CoverDaysProblem,
	today: IsoDate,
	/** What a blank Cover from gives, in words (coverFromBlankWords). */
	blankFrom: string = DAYS_BLANK.coverFrom,
): {field: 'coverFrom' | 'coverTo'; text: string} {
	const day = (d: IsoDate) => shortDate(d, today);
	const field = (d: 'from' | 'to') => (d === 'from' ? 'coverFrom' : 'coverTo');
	switch (p.kind) {
		case 'ran': {
			const span = `${day(p.first)} to ${day(p.last)}`;
			return {
				field: 'coverFrom',
				text: `${p.absenceId} ran ${span}: the days it ran keep the cover they had, so its cover cannot be changed now.`,
			};
		}
		case 'before-first':
			return {field: 'coverFrom', text: `Cover from ${day(p.date)} is before the first day ${day(p.first)}.`};
		case 'after-last':
			return {field: field(p.day), text: `${DAYS_LABEL[field(p.day)]} ${day(p.date)} is after the last day ${day(p.last)}.`};
		case 'backwards':
			return {
				field: 'coverTo',
				text: p.fromGiven
					? `Cover to ${day(p.to)} is before Cover from ${day(p.from)}.`
					: `Cover to ${day(p.to)} is before ${day(p.from)}, where a blank Cover from starts (${blankFrom}).`,
			};
		case 'before-today':
			return {
				field: 'coverFrom',
				text: `${p.absenceId} started ${day(p.first)}: the days before today keep the cover they had. Type a Cover from of ${day(p.today)} or later.`,
			};
	}
}

/** The cover's days as the form labels them (absence-form.tsx). */
export const DAYS_LABEL = {coverFrom: 'Cover from', coverTo: 'Cover to'} as const;

/**
 * What a blank cover day means, for the form's words and its refusals, when the desk's snapshot is not to
 * hand (a form checked in memory); with it, a blank Cover from is said as the domain decides it
 * (coverFromBlankWords).
 */
export const DAYS_BLANK = {coverFrom: 'from today, or its first day if later', coverTo: 'to its last day'} as const;

/**
 * What a blank Cover from gives on the change form `f`, as saving would decide it (absence-cover.ts
 * blankCoverFrom): "from today", "from its first day, 10 Dec", or, when the cover it has today has already
 * acted as cover today (QA 8 D6), "from tomorrow, 15 Dec: today stays DC Marsh's, who has acted as cover
 * today". The cover as typed (nobody while it is blank or matches no one yet), the first and last day as
 * typed when they are dates.
 */
export function coverFromBlankWords(f: AbsenceFormState, data: StoreData, today: IsoDate): string {
	if (f.absenceId === undefined) return DAYS_BLANK.coverFrom;
	const cover = resolveCover(data.officers, f.values.cover, f.officerId).officer?.id ?? null;
	// The days as typed, for an absence not started yet (its first day may move); one that has started keeps
	// its first day for this (a later one typed is refused: startAfterTodayWords), and a blank starts today.
	const first = parseUserDate(f.values.from);
	const last = f.values.to.trim() === '' ? null : parseUserDate(f.values.to);
	const started = (absenceParts(data.absences, f.absenceId)[0]?.from ?? today) <= today;
	const whole = !started && first && (last !== null || f.values.to.trim() === '') ? {from: first, to: last} : undefined;
	const b = blankCoverFrom(data, f.absenceId, cover, today, whole);
	const day = shortDate(b.from, today);
	if (b.because === 'first-day') return `from its first day, ${day}`;
	if (b.because === 'today') return `from today, ${day}`;
	return `from tomorrow, ${day}: today stays ${b.keptBy!.who}'s, who has acted as cover today`;
}

/**
 * A first day moved after today on an absence that has started (absences.ts correctsStart), in the form's
 * words: the command line says --from without --cover, --cover NAME --from D, --to D; the form has First
 * day, Cover and Cover from, Last day.
 */
export function startAfterTodayWords(r: {absenceId: string; first: IsoDate; date: IsoDate}, today: IsoDate): string {
	const day = (d: IsoDate) => shortDate(d, today);
	return (
		`${r.absenceId} started ${day(r.first)}: its First day can only be corrected to a day up to today, and ${day(r.date)} is after today. ` +
		`For a cover from that day, keep the First day and type ${day(r.date)} as Cover from; for the last day away, type it as Last day.`
	);
}
