/**
 * The guided review screen's state and reducer. Every key press arrives as one action and is applied
 * to the state it finds (no stale closures); what must happen outside (save the draft, sign, discard,
 * leave, go to the next case) is asked for through counters and `request`, which the component turns
 * into store calls. Nothing the sergeant typed is ever dropped by a key: Esc goes back a step with
 * the answers kept, removing a written action and discarding a draft both ask first.
 */
import {fromDate, daysBetween, addDays, shortDate, type IsoDate} from '../../domain/dates.js';
import {
	REVIEW_STEPS,
	parseTypedDate,
	STEP_COUNT,
	firstIncompleteStep,
	stepIndex,
	validateReview,
	validateStep,
	type FieldError,
	type ReviewContext,
	type SinceLastReview,
	type StepId,
	type WorkingDraft,
} from '../../domain/review/index.js';
import {safeTyped} from '../../domain/safe-text.js';
import {applyChunk} from '../input/split-keys.js';
import {PLAIN, pastedLine} from '../input/paste.js';
import {textAreaActionFor, type KeyPress} from '../text-area/text-area-keys.js';
import {onFirstLine, onLastLine, textAreaReducer} from '../text-area/text-area-state.js';
import {addAction, removeAction, stepFields, type Field, type NoteField} from './review-fields.js';
import {REVIEW_KEYMAP, reviewCommands, type ReviewCommand} from './review-keymap.js';
import {confirmAnswer} from '../contexts/form-keys.js';
import {DEFAULT_KEYMAP, type Keymap} from '../contexts/registry.js';

/** The tables the review reads: its own keys and the y/n question's (contexts/registry.ts). */
export type ReviewKeys = Pick<Keymap, 'review' | 'confirm'>;

export type Confirm = {kind: 'discard'} | {kind: 'sign'} | {kind: 'remove-action'; key: string};

export interface ReviewUiState {
	ctx: ReviewContext;
	since: SinceLastReview;
	draft: WorkingDraft;
	/** Focused field on the current step. */
	field: number;
	/** Cursor in the focused text field. */
	cursor: number;
	/** Scroll of the read-only lines (step 1 can be long). */
	infoScroll: number;
	/** Steps whose errors are shown: after the sergeant tried to leave them forward, or tried to sign. */
	showErrors: readonly StepId[];
	confirm: Confirm | null;
	phase: 'editing' | 'signing' | 'signed';
	/** One line for the sergeant (what just happened, or why not). */
	notice: string | null;
	/** Bumped whenever the answers change: the component saves after a pause. */
	edits: number;
	/** Bumped when the draft should be saved now (a step or field was left). */
	saveNow: number;
	/** An effect the component must carry out, then clear with {type: 'request-done'}. */
	request: null | 'sign' | 'discard' | 'exit' | 'next-case';
	/** Field errors from a failed sign (against the freshest data). */
	signErrors: readonly FieldError[];
	signed: {seq: number; nextReviewDue: string} | null;
	/** The review's key list over the step (`?` / Ctrl+G); closing it leaves every answer as it was. */
	help: {scroll: number} | null;
	/** Whether a welfare note can be typed (and kept), and what a restored one is. */
	noteField: NoteField;
	/** What discarding this review leaves waiting (a note put back in the field from before), said in its confirmation. */
	discardKeeps?: string | null;
	/** The digits just typed on a choice, so "1" then "2" in quick succession picks option 12. */
	digits: {field: string; text: string; at: number} | null;
	/** Set once the desk's day moved on while the review was open: one line saying the day it is dated. */
	dayMoved: string | null;
}

/** A text field holds at most this many times its limit (the limit itself is a validation error, not a cut). */
const TEXT_CEILING = 4;

/** Two digits typed within this many ms are one option number (10 and above); later, a new number. */
export const DIGIT_GAP_MS = 1000;

/** Until the welfare file has been opened with the passphrase, a note typed could not be known to be kept. */
export const NOTE_CHECKING = 'The welfare file is being checked; the note takes typing in a moment.';

export type ReviewAction =
	/** `at`: when the key arrived (ms), for two-digit option numbers; keys without it count as arriving together. */
	/** `keys`: the review's keys in force (the user's remapping, README "Settings"); default the registry's. */
	| {type: 'key'; input: string; key: KeyPress; at?: number; keys?: ReviewKeys}
	/**
	 * The welfare file was opened: `lock` says why no note can be kept (null: one can), `note` is the
	 * reviewer's own pending note to put back, `words` what it is (a note not filed before), `keeps` what
	 * discarding this review leaves waiting.
	 */
	| {type: 'welfare-opened'; lock: string | null; note: string | null; words: string | null; keeps?: string | null}
	| {type: 'request-done'}
	| {type: 'sign-failed'; message: string; errors?: readonly FieldError[]}
	/** The store changed under the review: show it as it is now (the answers are kept). */
	| {type: 'context-refreshed'; ctx: ReviewContext; since: SinceLastReview}
	/** The desk's day moved on (past midnight): the review is worked out, signed and dated on the new day. */
	| {type: 'day-moved'; ctx: ReviewContext; since: SinceLastReview; line: string}
	| {type: 'signed'; seq: number; nextReviewDue: string}
	| {type: 'notice'; message: string};

/**
 * "started today", "started yesterday", "started 3 days ago (27 Nov)". A draft's startedAt is a real
 * instant (this machine's clock), but every day the desk shows is relative to its `today` (--today):
 * the draft's age in this machine's days is counted back from the desk's today, so "2 days ago" is
 * true whatever --today says, and with no --today the date is exactly the day it was started.
 */
export function draftStartedWords(startedAt: string, now: Date, today: IsoDate): string {
	const started = new Date(startedAt);
	if (Number.isNaN(started.getTime())) return 'started earlier';
	const age = Math.max(0, daysBetween(fromDate(started), fromDate(now)));
	if (age === 0) return 'started today';
	if (age === 1) return 'started yesterday';
	return `started ${age} days ago (${shortDate(addDays(today, -age), today)})`;
}

export function initialReviewState(
	ctx: ReviewContext,
	since: SinceLastReview,
	draft: WorkingDraft,
	resumed: boolean,
	now: Date = new Date(),
	noteLock: string | null = null,
): ReviewUiState {
	const s: ReviewUiState = {
		ctx,
		since,
		draft,
		field: 0,
		cursor: 0,
		infoScroll: 0,
		showErrors: [],
		confirm: null,
		phase: 'editing',
		notice: resumed ? `Resumed the draft ${draftStartedWords(draft.startedAt, now, ctx.today)}, at step ${draft.step + 1}.` : null,
		edits: 0,
		saveNow: 0,
		request: null,
		signErrors: [],
		signed: null,
		help: null,
		noteField: {lock: noteLock, words: null},
		digits: null,
		dayMoved: null,
	};
	return focusField(s, 0);
}

export const currentStep = (s: ReviewUiState): StepId => REVIEW_STEPS[s.draft.step]!.id;
export const fieldsOf = (s: ReviewUiState): Field[] => stepFields(s.ctx, s.draft.answers, currentStep(s), s.noteField);

/**
 * Errors to show on the current step: all of them live once shown (after trying to move on or sign),
 * before that only a typed date's, as soon as it is a whole date or the field is left (so a refused
 * next review date is said at once, not after the summary has shown it); plus any from a failed sign.
 */
export function visibleErrors(s: ReviewUiState): FieldError[] {
	const step = currentStep(s);
	const all = validateStep(s.ctx, s.draft.answers, step);
	const fields = fieldsOf(s);
	const typedDate = (e: FieldError): boolean => {
		const i = fields.findIndex(f => f.id === e.field);
		const f = fields[i];
		if (f?.kind !== 'text' || !f.date || f.value.trim() === '') return false;
		return i !== s.field || parseTypedDate(f.value) !== null || f.value.trim().length >= 10;
	};
	// Text over its field's limit is said at once, before any save or sign: nothing typed is cut to fit.
	const overLimit = (e: FieldError): boolean => {
		const f = fields.find(x => x.id === e.field);
		return f?.kind === 'text' && f.maxLength !== undefined && f.value.trim().length > f.maxLength;
	};
	const live = s.showErrors.includes(step) ? all : all.filter(e => typedDate(e) || overLimit(e));
	// A welfare note that could not be kept stops mattering once it is cleared.
	const cleared = (e: FieldError) => e.field === 'welfare.note' && s.draft.answers.welfare.note.trim() === '';
	const fromSign = s.signErrors.filter(e => e.step === step && !live.some(l => l.field === e.field) && !cleared(e));
	return [...live, ...fromSign];
}

function focusField(s: ReviewUiState, i: number): ReviewUiState {
	const fields = fieldsOf(s);
	const field = Math.max(0, Math.min(i, fields.length - 1));
	const f = fields[field];
	return {...s, field, cursor: f?.kind === 'text' ? f.value.length : 0};
}

function goToStep(s: ReviewUiState, step: number, fieldId?: string): ReviewUiState {
	const next = {...s, draft: {...s.draft, step}, infoScroll: 0, confirm: null, saveNow: s.saveNow + 1};
	const fields = fieldsOf(next);
	const i = fieldId
		? Math.max(
				0,
				fields.findIndex(f => f.id === fieldId || f.id.startsWith(`${fieldId}.`)),
			)
		: 0;
	return focusField(next, i);
}

function setAnswers(s: ReviewUiState, answers: WorkingDraft['answers'], cursor = s.cursor): ReviewUiState {
	return {...s, draft: {...s.draft, answers}, cursor, edits: s.edits + 1, notice: null};
}

/** Forward from the current step, only when it is complete; otherwise its errors show and focus moves to the first. */
function nextStep(s: ReviewUiState): ReviewUiState {
	const step = currentStep(s);
	const errors = validateStep(s.ctx, s.draft.answers, step);
	if (errors.length > 0) {
		const shown = s.showErrors.includes(step) ? s.showErrors : [...s.showErrors, step];
		const fields = fieldsOf(s);
		const i = fields.findIndex(f => errors.some(e => f.id === e.field || f.id.startsWith(`${e.field}.`)));
		const moved = focusField({...s, showErrors: shown}, i < 0 ? s.field : i);
		return {
			...moved,
			notice: `${errors.length} answer${errors.length === 1 ? '' : 's'} on this step need${errors.length === 1 ? 's' : ''} attention before moving on.`,
		};
	}
	if (s.draft.step >= STEP_COUNT - 1) return s;
	return goToStep(s, s.draft.step + 1);
}

function press(s: ReviewUiState, f: Field): ReviewUiState {
	if (f.kind !== 'button') return s;
	if (f.press === 'add-action') {
		const {answers, key} = addAction(s.ctx, s.draft.answers);
		const next = setAnswers(s, answers);
		return focusField(
			next,
			fieldsOf(next).findIndex(x => x.id === `actions.${key}.text`),
		);
	}
	if (f.press === 'remove-action') {
		const action = s.draft.answers.actions.find(x => x.key === f.actionKey);
		if (!action) return s;
		// A written action is never thrown away on one key: ask first.
		if (action.text.trim() !== '' || action.due.trim() !== '') return {...s, confirm: {kind: 'remove-action', key: action.key}};
		return focusField(setAnswers(s, removeAction(s.draft.answers, action.key)), s.field - 3);
	}
	// Sign: every step must be complete; otherwise go to the first incomplete one with its errors shown.
	const errors = validateReview(s.ctx, s.draft.answers);
	if (errors.length > 0) {
		const step = firstIncompleteStep(s.ctx, s.draft.answers)!;
		const moved = goToStep(
			{...s, showErrors: [...new Set([...s.showErrors, ...errors.map(e => e.step)])]},
			stepIndex(step),
			errors.find(e => e.step === step)?.field,
		);
		return {
			...moved,
			notice: `Not ready to sign: ${errors.length} answer${errors.length === 1 ? ' needs' : 's need'} attention, starting with step ${stepIndex(step) + 1}.`,
		};
	}
	const unkept = unkeptNote(s);
	if (unkept.length > 0) {
		const moved = goToStep({...s, signErrors: unkept}, stepIndex('welfare'), 'welfare.note');
		return {...moved, notice: 'Not signed: the welfare note cannot be kept (see step 6); nothing recorded, answers kept.'};
	}
	return {...s, confirm: {kind: 'sign'}};
}

/** A note that cannot be kept is never signed away: signing waits until it can be filed or is cleared. */
function unkeptNote(s: ReviewUiState): FieldError[] {
	const lock = s.noteField.lock;
	if (lock === null || s.draft.answers.welfare.note.trim() === '') return [];
	const message = `${lock} Clear the note to sign without it; every answer and the draft are kept.`;
	return [{step: 'welfare', field: 'welfare.note', message}];
}

function onConfirm(s: ReviewUiState, input: string, key: KeyPress, keys: ReviewKeys): ReviewUiState {
	const c = s.confirm!;
	const answer = confirmAnswer(keys, input, key);
	if (answer === 'yes') {
		if (c.kind === 'discard') return {...s, confirm: null, request: 'discard'};
		if (c.kind === 'sign') return {...s, confirm: null, phase: 'signing', request: 'sign', notice: 'Signing...'};
		const fields = fieldsOf(s);
		const i = fields.findIndex(f => f.id === `actions.${c.key}.text`);
		return focusField({...setAnswers(s, removeAction(s.draft.answers, c.key)), confirm: null}, Math.max(0, i - 1));
	}
	if (answer === 'no') return {...s, confirm: null, notice: 'Cancelled: nothing was changed.'};
	return s;
}

/** While the key list is up: it scrolls, and the help, back or leave keys close it; nothing else is taken. */
function onHelpKey(s: ReviewUiState, help: {scroll: number}, c: Set<ReviewCommand>): ReviewUiState {
	if (c.has('help') || c.has('back') || c.has('leave')) return {...s, help: null};
	// Bounded by the key list's length (its wrapped lines can only be more; the view clamps the rest).
	const most = REVIEW_KEYMAP.length * 2;
	if (c.has('down') || c.has('help-down')) return {...s, help: {scroll: Math.min(help.scroll + 1, most)}};
	if (c.has('up') || c.has('help-up')) return {...s, help: {scroll: Math.max(0, help.scroll - 1)}};
	if (c.has('page-down')) return {...s, help: {scroll: Math.min(help.scroll + 10, most)}};
	if (c.has('page-up')) return {...s, help: {scroll: Math.max(0, help.scroll - 10)}};
	return s;
}

/**
 * A bracketed paste (input/paste.ts) is one insert into the focused text field: a multi-line field takes
 * it whole, line breaks included; a one-line field (a date) takes its first line and says what it left
 * out. Its line breaks never act as Enter, so nothing spills into the next field or answers a question.
 */
function onPaste(s: ReviewUiState, text: string): ReviewUiState {
	const f = fieldsOf(s)[s.field];
	if (s.confirm || s.help || f?.kind !== 'text') return {...s, notice: 'Nothing pasted: a paste goes into a text field (move to one).'};
	if (f.multiline) return onKey(s, text, PLAIN);
	const {line, dropped} = pastedLine(text);
	const next = line === '' ? s : onKey(s, line, PLAIN);
	return dropped ? {...next, notice: dropped} : next;
}

/**
 * A digit on a choice picks the option with that number; a second digit typed straight after (within
 * DIGIT_GAP_MS, or in the same read) makes a two-digit number when there is such an option, so an owner
 * list of 22 can be chosen from by number ("1" then "2" is option 12; with 9 or fewer options nothing changes).
 */
function chooseByNumber(s: ReviewUiState, f: Extract<Field, {kind: 'choice'}>, digit: string, at: number): ReviewUiState {
	const prev = s.digits;
	const joined = prev && prev.field === f.id && prev.text.length === 1 && at - prev.at <= DIGIT_GAP_MS ? prev.text + digit : null;
	const text = joined !== null && Number(joined) <= f.options.length ? joined : digit;
	const n = Number(text);
	if (n < 1 || n > f.options.length) return {...s, digits: null, notice: `There is no option ${text} here: 1 to ${f.options.length}.`};
	return {...setAnswers(s, f.set(s.draft.answers, f.options[n - 1]!.value)), digits: {field: f.id, text, at}};
}

function cycle(f: Extract<Field, {kind: 'choice'}>, dir: 1 | -1): string {
	const i = f.options.findIndex(o => o.value === f.value);
	const n = f.options.length;
	return f.options[i < 0 ? (dir > 0 ? 0 : n - 1) : (i + dir + n) % n]!.value;
}

export function reviewReducer(s: ReviewUiState, a: ReviewAction): ReviewUiState {
	switch (a.type) {
		case 'welfare-opened': {
			const noteField = {lock: a.lock, words: a.words};
			const empty = s.draft.answers.welfare.note === '';
			// Put back only into an empty field: a note in it is this session's newer text.
			const answers =
				a.note !== null && empty
					? {...s.draft.answers, welfare: {...s.draft.answers.welfare, note: safeTyped(a.note, true)}}
					: s.draft.answers;
			return {...s, noteField, draft: {...s.draft, answers}, notice: a.words ?? s.notice, discardKeeps: a.keeps ?? null};
		}
		case 'request-done':
			return {...s, request: null};
		case 'notice':
			return {...s, notice: a.message};
		case 'sign-failed': {
			const errors = a.errors ?? [];
			const step = errors[0]?.step;
			const back = {...s, phase: 'editing' as const, signErrors: errors, notice: a.message};
			return step ? goToStep(back, stepIndex(step), errors[0]!.field) : back;
		}
		case 'context-refreshed':
			return focusField({...s, ctx: a.ctx, since: a.since, infoScroll: 0}, s.field);
		case 'day-moved':
			// Signed already: the entry keeps the day it was signed on.
			if (s.phase === 'signed') return s;
			return focusField({...s, ctx: a.ctx, since: a.since, dayMoved: a.line}, s.field);
		case 'signed':
			return {...s, phase: 'signed', signed: {seq: a.seq, nextReviewDue: a.nextReviewDue}, notice: null, confirm: null};
		case 'key':
			// Several keys in one read ("23" on a choice, two spaces on a tick box) are applied one by one;
			// a run of text into a text field stays one insert (a paste).
			return applyChunk(s, a.input, a.key, (st, input, key) => onKey(st, input, key, a.at ?? 0, a.keys), takesText);
	}
}

/** True while a text field of the review has the keys (not under a question or the help). */
function takesText(s: ReviewUiState): boolean {
	return s.phase === 'editing' && !s.confirm && !s.help && fieldsOf(s)[s.field]?.kind === 'text';
}

function onKey(s: ReviewUiState, input: string, key: KeyPress, at = 0, keys: ReviewKeys = DEFAULT_KEYMAP): ReviewUiState {
	if (s.request !== null || s.phase === 'signing') return s;
	const fields = fieldsOf(s);
	const f = s.phase === 'editing' && !s.confirm && !s.help ? fields[s.field] : undefined;
	// Every command is looked up in the table in force; in a text field a printable key is text (README "Settings").
	const c = reviewCommands(input, key, f?.kind === 'text', keys.review);
	if (s.phase === 'signed') {
		if (c.has('next-case')) return {...s, request: 'next-case'};
		if (c.has('back') || c.has('leave')) return {...s, request: 'exit'};
		return s;
	}
	if (key.paste) return onPaste(s, input);
	if (s.confirm) return onConfirm(s, input, key, keys);
	if (s.help) return onHelpKey(s, s.help, c);
	if (c.has('help')) return {...s, help: {scroll: 0}};
	if (c.has('discard')) return {...s, confirm: {kind: 'discard'}};
	if (c.has('next-step')) return nextStep(s);
	if (c.has('back')) {
		// Back a step with every answer kept; from the first step, leave (the draft stays saved).
		if (s.draft.step === 0) return {...s, request: 'exit', saveNow: s.saveNow + 1};
		return goToStep(s, s.draft.step - 1);
	}
	if (!f) {
		// A step with nothing to fill in (step 1): scroll, and Enter (press) moves on.
		if (c.has('up')) return {...s, infoScroll: Math.max(0, s.infoScroll - 1)};
		if (c.has('down')) return {...s, infoScroll: s.infoScroll + 1};
		if (c.has('page-up')) return {...s, infoScroll: Math.max(0, s.infoScroll - 10)};
		if (c.has('page-down')) return {...s, infoScroll: s.infoScroll + 10};
		if (c.has('press')) return nextStep(s);
		return s;
	}
	const toField = (i: number) => ({...focusField(s, i), saveNow: s.saveNow + 1});
	const last = s.field === fields.length - 1;
	const onward = () => (last ? nextStep(s) : toField(s.field + 1));
	const up = () => (s.field > 0 ? toField(s.field - 1) : {...s, infoScroll: Math.max(0, s.infoScroll - 1)});
	const down = () => (last ? s : toField(s.field + 1));
	if (c.has('prev-field')) return toField(Math.max(0, s.field - 1));
	if (c.has('next-field')) return onward();
	if (f.kind === 'text') {
		const state = {value: f.value, cursor: s.cursor};
		if (c.has('up') && (!f.multiline || onFirstLine(state))) return up();
		if (c.has('down') && (!f.multiline || onLastLine(state))) return down();
		// Enter in a long text is a new line (text editing); in a one-line field it goes on.
		if (c.has('press') && !(f.multiline && key.return)) return onward();
		const action = textAreaActionFor(input, key, f.multiline);
		if (!action) return s;
		// The field's limit is checked, not enforced by cutting (a 2,199-character paste used to lose its last
		// 199 silently): the text is kept whole and visibleErrors says how far over it is. The ceiling only
		// bounds what one field can hold.
		const ceiling = f.maxLength === undefined ? undefined : f.maxLength * TEXT_CEILING;
		const next = textAreaReducer(state, action, {multiline: f.multiline, maxLength: ceiling});
		if (next.value === f.value) return next.cursor === s.cursor ? s : {...s, cursor: next.cursor};
		// A field that cannot be kept takes no new text, but what is in it can still be deleted.
		if (f.refused !== undefined && next.value.length >= f.value.length) return {...s, notice: f.refused};
		const changed = setAnswers(s, f.set(s.draft.answers, next.value), next.cursor);
		// What a restored note was stops being said once it is edited.
		return f.remark !== undefined ? {...changed, noteField: {...s.noteField, words: null}} : changed;
	}
	if (c.has('up')) return up();
	if (c.has('down')) return down();
	if (f.kind === 'choice') {
		if (c.has('choose-prev') || c.has('choose-next')) return setAnswers(s, f.set(s.draft.answers, cycle(f, c.has('choose-prev') ? -1 : 1)));
		if (/^[0-9]$/.test(input) && !key.ctrl && !key.meta) return chooseByNumber(s, f, input, at);
		if (c.has('press')) return onward();
		return s;
	}
	if (f.kind === 'toggle') {
		if (c.has('toggle')) return setAnswers(s, f.set(s.draft.answers, !f.value));
		if (c.has('press')) return onward();
		return s;
	}
	if (c.has('press')) return press(s, f);
	return s;
}
