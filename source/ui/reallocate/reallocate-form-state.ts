/**
 * The desk's reallocation form (README "Acting on a problem"): which officer takes the case (a list of
 * everyone who could, each with their workload after the move, narrowed by typing), from which day
 * (today unless changed) and why. Pure: the desk's reducer routes every key here while the form is
 * open and, on Enter in the reason field, checks the move with the domain's own refusals
 * (reallocationRefusal) before asking the shell to save it through store.apply. A move to someone away
 * with nobody covering, or away that day though covered (domain/away-on-move.ts), asks y/n first, in the domain's words.
 */
import {parseUserDate, type IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import {
	REASON_MAX,
	reallocationChoices,
	reallocationRefusal,
	type HeldAs,
	type ReallocationChoice,
	type ReallocationRequest,
} from '../../domain/reallocate.js';
import type {KeyInfo} from '../keymap.js';
import {confirmAnswer, DEFAULT_FORM_KEYS, formCommands, type FormKeys} from '../contexts/form-keys.js';
import {typeIntoField} from '../input/text-field.js';

export type ReallocateField = 'officer' | 'on' | 'reason';
export const REALLOCATE_FIELDS: readonly ReallocateField[] = ['officer', 'on', 'reason'];

export interface ReallocateFormState {
	ref: string;
	/** The case's holder when the form opened: the save is refused if another user moves it meanwhile (domain/reallocate.ts HeldAs). */
	held: HeldAs | null;
	field: ReallocateField;
	/** Typed on the officer field: narrows the list to names containing every word. */
	query: string;
	/** The chosen row among the officers the query leaves. */
	cursor: number;
	/** The first day with the new officer, as typed (today when the form opens). */
	on: string;
	reason: string;
	/** The fields edited since the form opened (input/text-field.ts typeIntoField): one not yet edited opens on its value, and a character typed replaces it. */
	typed?: readonly string[];
	/** A refusal: under a field, or (field null) about the whole move, in the domain's words. */
	error: {field: ReallocateField | null; text: string} | null;
	/** The domain's sentence about moving it to someone away with nobody covering: y moves it anyway. */
	confirmAway: string | null;
	/** Esc on a form with typing in it: y discards, n goes back. */
	confirmDiscard: boolean;
	/** The shell is saving: keys wait. */
	saving: boolean;
}

/** What the form asks of the desk after a key. */
export type ReallocateOutcome =
	| {type: 'stay'; form: ReallocateFormState}
	| {type: 'close'}
	| {type: 'save'; form: ReallocateFormState; request: Omit<ReallocationRequest, 'recordedAt'>};

/** Longest date text kept (a paste cannot grow it without bound). */
const MAX_DATE = 20;

export function openReallocateForm(ref: string, today: IsoDate, held: HeldAs | null): ReallocateFormState {
	return {
		ref,
		held,
		field: 'officer',
		query: '',
		cursor: 0,
		on: today,
		reason: '',
		error: null,
		confirmAway: null,
		confirmDiscard: false,
		saving: false,
	};
}

/** The day the form is about: the typed date when it is one, else today (the list is worked out for it). */
export function formDay(f: ReallocateFormState, today: IsoDate): IsoDate {
	const d = parseUserDate(f.on.trim());
	return d !== null && d <= today ? d : today;
}

/** The officers the form lists for its query: every word typed appears in the name (any case). */
export function formChoices(data: StoreData, f: ReallocateFormState, today: IsoDate): ReallocationChoice[] {
	const all = cachedChoices(data, f.ref, formDay(f, today), today);
	const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
	return words.length === 0 ? all : all.filter(c => words.every(w => c.name.toLowerCase().includes(w)));
}

let last: {data: StoreData; key: string; choices: ReallocationChoice[]} | undefined;

/** Workloads for every officer cost a pass over the cases: once per store revision, case and day, not per key. */
function cachedChoices(data: StoreData, ref: string, on: IsoDate, today: IsoDate): ReallocationChoice[] {
	const key = `${ref}\u0000${on}\u0000${today}`;
	if (last && last.data === data && last.key === key) return last.choices;
	const role = new Map(data.officers.map(o => [o.id, o.role]));
	// Most likely first: investigators at work with the most room after the move; supervisors, then anyone
	// away (that day, covered or not: README "those at work with the most room first", QA 8 R2; or on a
	// date the case needs its OIC), last.
	const rank = (c: ReallocationChoice) =>
		(c.away || c.awayOverDates || c.absent ? 2 : 0) + (role.get(c.officerId) === 'investigator' ? 0 : 1);
	const choices = reallocationChoices(data, ref, on, today).sort(
		(a, b) => rank(a) - rank(b) || a.after.percent - b.after.percent || a.name.localeCompare(b.name),
	);
	last = {data, key, choices};
	return choices;
}

/** The officer the form has chosen, if any. */
export function chosen(data: StoreData, f: ReallocateFormState, today: IsoDate): ReallocationChoice | undefined {
	return formChoices(data, f, today)[f.cursor];
}

function changed(f: ReallocateFormState, today: IsoDate): boolean {
	return f.query !== '' || f.cursor !== 0 || f.on !== today || f.reason !== '';
}

function moveField(f: ReallocateFormState, delta: number): ReallocateFormState {
	const at = REALLOCATE_FIELDS.indexOf(f.field);
	const field = REALLOCATE_FIELDS[Math.min(REALLOCATE_FIELDS.length - 1, Math.max(0, at + delta))]!;
	return field === f.field ? f : {...f, field};
}

/** An edit clears an error about the field edited, or about the whole move. */
function edited(f: ReallocateFormState, change: Partial<ReallocateFormState>): ReallocateFormState {
	const error = f.error && (f.error.field === f.field || f.error.field === null) ? null : f.error;
	return {...f, ...change, error};
}

/** True when typed text goes into the form as text (a paste is one insert), not as keys. */
export function reallocateTakesText(f: ReallocateFormState): boolean {
	return !f.saving && !f.confirmAway && !f.confirmDiscard;
}

/** What the form checks a move against: the store, the desk's day, and the person at the keyboard. */
export interface FormContext {
	data: StoreData;
	today: IsoDate;
	/** Officer id of whoever is moving the case. */
	by: string;
}

/** A key in the form, looked up in the keys in force (`keys`, contexts/form-keys.ts). */
export function reallocateFormKey(
	f: ReallocateFormState,
	input: string,
	key: KeyInfo,
	ctx: FormContext,
	keys: FormKeys = DEFAULT_FORM_KEYS,
): ReallocateOutcome {
	const {data, today} = ctx;
	const stay = (form: ReallocateFormState): ReallocateOutcome => ({type: 'stay', form});
	if (f.saving) return stay(f);
	if (f.confirmDiscard) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {type: 'close'};
		return answer === 'no' ? stay({...f, confirmDiscard: false}) : stay(f);
	}
	if (f.confirmAway) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return submit({...f, confirmAway: null}, ctx, true);
		return answer === 'no' ? stay({...f, confirmAway: null, field: 'officer'}) : stay(f);
	}
	// Every field takes typing (the officer field narrows the list), so printable keys are always text here.
	const c = formCommands(keys, input, key, true);
	if (c.has('form-cancel')) return changed(f, today) ? stay({...f, confirmDiscard: true}) : {type: 'close'};
	if (c.has('form-submit')) return f.field === 'reason' ? submit(f, ctx, false) : stay(moveField(f, 1));
	const pick = c.has('form-pick-prev') ? -1 : c.has('form-pick-next') ? 1 : 0;
	if (f.field === 'officer' && pick !== 0) {
		const n = formChoices(data, f, today).length;
		const cursor = Math.max(0, Math.min(n - 1, f.cursor + pick));
		return stay(cursor === f.cursor ? f : edited(f, {cursor}));
	}
	if (c.has('form-next-field')) return stay(moveField(f, 1));
	if (c.has('form-prev-field')) return stay(moveField(f, -1));
	const field = f.field === 'officer' ? 'query' : f.field;
	// A paste's escape sequences never enter a field; its other control characters are shown (safe-text.ts).
	const t = typeIntoField(f.typed, field, f[field], input, key, field === 'reason' ? REASON_MAX : MAX_DATE);
	const g = t.typed === f.typed ? f : {...f, typed: t.typed};
	if (t.value === f[field]) return stay(g);
	return stay(edited(g, {[field]: t.value, ...(field === 'query' ? {cursor: 0} : {})}));
}

/**
 * Enter on the reason: what can be checked is checked here, with the domain's refusals (the same the
 * command line gives), so a wrong move never reaches the store; the shell checks again under the lock.
 */
function submit(f: ReallocateFormState, ctx: FormContext, confirmAway: boolean): ReallocateOutcome {
	const {data, today, by} = ctx;
	const fail = (field: ReallocateField | null, text: string): ReallocateOutcome => ({
		type: 'stay',
		form: {...f, ...(field ? {field} : {}), error: {field, text}},
	});
	const choice = chosen(data, f, today);
	if (!choice)
		return fail(
			'officer',
			f.query ? `Nobody in the team matches "${f.query}": change what you typed.` : 'Choose the officer who takes the case.',
		);
	const on = parseUserDate(f.on.trim());
	if (on === null) return fail('on', `"${f.on}" is not a real date: type YYYY-MM-DD or DD/MM/YYYY.`);
	if (f.reason.trim() === '') return fail('reason', 'Say why the case is moving (the reason is kept in its history).');
	const request = {ref: f.ref, held: f.held, toOfficerId: choice.officerId, on, today, reason: f.reason, confirmAway};
	const refusal = reallocationRefusal(data, {...request, by, recordedAt: ''});
	if (refusal?.confirmable) return {type: 'stay', form: {...f, confirmAway: refusal.message}};
	// Away that day but covered is no refusal, yet the case would wait for them: never moved there on Enter alone (QA 8 R2).
	if (!refusal && !confirmAway && choice.absent) return {type: 'stay', form: {...f, confirmAway: choice.absent.words}};
	// A refusal about the date (before the current allocation or a later record of the case, after today) is said at the date field.
	if (refusal) return fail(refusal.about, refusal.message);
	return {type: 'save', form: {...f, saving: true, error: null}, request: {...request, by}};
}
