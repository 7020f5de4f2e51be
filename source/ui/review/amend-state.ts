/**
 * The amendment form: a signed review is never edited; a correction is a new chain entry naming the
 * field, the corrected value and why. Same field model and keys as the review steps.
 */
import {AMENDABLE_FIELDS, type AmendableField, type FieldError} from '../../domain/review/index.js';
import type {ReviewData, ReviewEntry} from '../../domain/model.js';
import {safeTyped} from '../../domain/safe-text.js';
import {applyChunk} from '../input/split-keys.js';
import {textAreaActionFor, type KeyPress} from '../text-area/text-area-keys.js';
import {onFirstLine, onLastLine, textAreaReducer} from '../text-area/text-area-state.js';
import type {Field} from './review-fields.js';
import {reviewCommands, reviewKey} from './review-keymap.js';
import {confirmAnswer} from '../contexts/form-keys.js';
import {DEFAULT_KEYMAP} from '../contexts/registry.js';
import type {ReviewKeys} from './review-state.js';

export const AMEND_WORDS: Record<AmendableField, string> = {
	summary: 'summary',
	riskRationale: 'risk rationale',
	noActionReason: 'no-action reason',
	nextReviewDue: 'next review date',
};

export interface AmendUiState {
	entry: ReviewEntry;
	/** The review as it now reads (earlier amendments applied). */
	current: ReviewData;
	target: AmendableField | null;
	value: string;
	reason: string;
	field: number;
	cursor: number;
	errors: readonly {field: string; message: string}[];
	confirm: boolean;
	phase: 'editing' | 'signing' | 'signed';
	notice: string | null;
	/** `check`: run the domain's own checks on the amendment before asking to record it. */
	request: null | 'check' | 'sign' | 'exit';
	signedSeq: number | null;
}

export type AmendAction =
	/** `keys`: the review's keys in force (the amendment reads the review's bindings, README "Settings"). */
	| {type: 'key'; input: string; key: KeyPress; keys?: ReviewKeys}
	| {type: 'request-done'}
	| {type: 'failed'; message: string; errors?: readonly FieldError[]}
	| {type: 'checked'; errors: readonly FieldError[]}
	| {type: 'signed'; seq: number};

export function initialAmendState(entry: ReviewEntry, current: ReviewData): AmendUiState {
	return {
		entry,
		current,
		target: null,
		value: '',
		reason: '',
		field: 0,
		cursor: 0,
		errors: [],
		confirm: false,
		phase: 'editing',
		notice: null,
		request: null,
		signedSeq: null,
	};
}

/** The form field a domain error is about (the domain names the amended field; the form has one value). */
const formField = (field: string): string => (field === 'reason' ? 'reason' : field === 'corrections' ? 'field' : 'value');

// The signed text is store text: the field holds it as typing would have (safe-text.ts), to draw and edit.
const currentText = (d: ReviewData, f: AmendableField): string => safeTyped((d[f] as string | null) ?? '', true);

export function amendFields(s: AmendUiState): Field[] {
	const fields: Field[] = [
		{
			kind: 'choice',
			id: 'field',
			label: 'Field to correct',
			options: (Object.keys(AMENDABLE_FIELDS) as AmendableField[]).map(f => ({value: f, label: AMEND_WORDS[f]})),
			value: s.target ?? '',
			set: a => a,
		},
	];
	if (s.target) {
		const date = AMENDABLE_FIELDS[s.target].kind === 'date';
		fields.push({
			kind: 'text',
			id: 'value',
			label: `Corrected ${AMEND_WORDS[s.target]}`,
			value: s.value,
			multiline: !date,
			maxLength: AMENDABLE_FIELDS[s.target].max,
			set: a => a,
		});
	}
	fields.push({
		kind: 'text',
		id: 'reason',
		label: 'Why it is being corrected (required)',
		value: s.reason,
		multiline: true,
		maxLength: 4000,
		set: a => a,
	});
	fields.push({kind: 'button', id: 'sign', label: 'Sign the amendment', press: 'sign'});
	return fields;
}

function focus(s: AmendUiState, i: number): AmendUiState {
	const fields = amendFields(s);
	const field = Math.max(0, Math.min(i, fields.length - 1));
	const f = fields[field];
	return {...s, field, cursor: f?.kind === 'text' ? f.value.length : 0};
}

function setTarget(s: AmendUiState, target: AmendableField): AmendUiState {
	// Start from the value as it now reads, so a small correction is a small edit.
	return {...s, target, value: currentText(s.current, target), errors: [], notice: null};
}

export function amendReducer(s: AmendUiState, a: AmendAction): AmendUiState {
	switch (a.type) {
		case 'request-done':
			return {...s, request: null};
		case 'failed': {
			const errors = (a.errors ?? []).map(e => ({field: formField(e.field), message: e.message}));
			return {...s, phase: 'editing', errors, notice: a.message};
		}
		case 'checked': {
			// Validated first: the question is asked only about an amendment that can be recorded.
			if (a.errors.length === 0) return {...s, errors: [], notice: null, confirm: true};
			return {
				...s,
				errors: a.errors.map(e => ({field: formField(e.field), message: e.message})),
				notice: 'The amendment needs attention before it can be recorded.',
			};
		}
		case 'signed':
			return {...s, phase: 'signed', signedSeq: a.seq, confirm: false};
		case 'key':
			// Several keys in one read are applied one by one; a run of text into a text field stays one insert.
			return applyChunk(
				s,
				a.input,
				a.key,
				(st, input, key) => onAmendKey(st, input, key, a.keys),
				t => t.phase === 'editing' && !t.confirm && amendFields(t)[t.field]?.kind === 'text',
			);
	}
}

/** The notice a first leave key gives when something typed would be lost: the same key again leaves. */
export const leaveAgain = (keys: ReviewKeys = DEFAULT_KEYMAP): string =>
	`${reviewKey('back', keys.review)} again to leave without recording the amendment.`;

function onAmendKey(s: AmendUiState, input: string, key: KeyPress, keys: ReviewKeys = DEFAULT_KEYMAP): AmendUiState {
	if (s.request || s.phase === 'signing') return s;
	const fields = amendFields(s);
	const f = fields[s.field]!;
	// The review's bindings, looked up the same way (review-keymap.ts): a printable key is text in a text field.
	const c = reviewCommands(input, key, s.phase === 'editing' && !s.confirm && f.kind === 'text', keys.review);
	if (s.phase === 'signed') return c.has('back') || c.has('leave') ? {...s, request: 'exit'} : s;
	if (s.confirm) {
		const answer = confirmAnswer(keys, input, key);
		if (answer === 'yes') return {...s, confirm: false, phase: 'signing', request: 'sign', notice: 'Signing...'};
		if (answer === 'no') return {...s, confirm: false, notice: 'Cancelled: nothing was recorded.'};
		return s;
	}
	const again = leaveAgain(keys);
	if (c.has('back')) {
		// Leaving drops what was typed here: ask, unless there is nothing.
		if ((s.value !== (s.target ? currentText(s.current, s.target) : '') || s.reason.trim() !== '') && s.notice !== again) {
			return {...s, notice: again};
		}
		return {...s, request: 'exit'};
	}
	const to = (i: number) => focus({...s, notice: s.notice === again ? null : s.notice}, i);
	if (c.has('prev-field')) return to(s.field - 1);
	if (c.has('next-field')) return to(s.field + 1);
	if (f.kind === 'text') {
		const st = {value: f.value, cursor: s.cursor};
		if (c.has('up') && (!f.multiline || onFirstLine(st))) return to(s.field - 1);
		if (c.has('down') && (!f.multiline || onLastLine(st))) return to(s.field + 1);
		if (c.has('press') && !(f.multiline && key.return)) return to(s.field + 1);
		const action = textAreaActionFor(input, key, f.multiline);
		if (!action) return s;
		const next = textAreaReducer(st, action, {multiline: f.multiline, maxLength: f.maxLength});
		return f.id === 'value' ? {...s, value: next.value, cursor: next.cursor} : {...s, reason: next.value, cursor: next.cursor};
	}
	if (c.has('up')) return to(s.field - 1);
	if (c.has('down')) return to(s.field + 1);
	if (f.kind === 'choice') {
		const opts = f.options;
		const i = opts.findIndex(o => o.value === f.value);
		let pick: string | null = null;
		if (c.has('choose-prev')) pick = opts[(i - 1 + opts.length) % opts.length]!.value;
		else if (c.has('choose-next')) pick = opts[(i + 1) % opts.length]!.value;
		else if (/^[1-9]$/.test(input) && !key.ctrl && Number(input) <= opts.length) pick = opts[Number(input) - 1]!.value;
		else if (c.has('press')) return to(s.field + 1);
		return pick ? setTarget(s, pick as AmendableField) : s;
	}
	if (f.kind === 'button' && c.has('press')) {
		const errors: {field: string; message: string}[] = [];
		if (!s.target) errors.push({field: 'field', message: 'Choose the field to correct.'});
		else if (s.value.trim() === currentText(s.current, s.target).trim())
			errors.push({field: 'value', message: 'The corrected value is the same as the signed one.'});
		if (s.reason.trim() === '') errors.push({field: 'reason', message: 'Say why the review is being corrected.'});
		if (errors.length) return {...s, errors, notice: 'The amendment needs attention before it can be signed.'};
		return {...s, errors: [], request: 'check'};
	}
	return s;
}
