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
	| {type: 'key'; input: string; key: KeyPress}
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
				onAmendKey,
				t => t.phase === 'editing' && !t.confirm && amendFields(t)[t.field]?.kind === 'text',
			);
	}
}

function onAmendKey(s: AmendUiState, input: string, key: KeyPress): AmendUiState {
	if (s.request || s.phase === 'signing') return s;
	if (s.phase === 'signed') return key.escape || input === 'q' ? {...s, request: 'exit'} : s;
	if (s.confirm) {
		if (input === 'y' || input === 'Y') return {...s, confirm: false, phase: 'signing', request: 'sign', notice: 'Signing...'};
		if (input === 'n' || input === 'N' || key.escape) return {...s, confirm: false, notice: 'Cancelled: nothing was recorded.'};
		return s;
	}
	if (key.escape) {
		// Leaving drops what was typed here: ask, unless there is nothing.
		if (
			(s.value !== (s.target ? currentText(s.current, s.target) : '') || s.reason.trim() !== '') &&
			s.notice !== 'Esc again to leave without recording the amendment.'
		) {
			return {...s, notice: 'Esc again to leave without recording the amendment.'};
		}
		return {...s, request: 'exit'};
	}
	const fields = amendFields(s);
	const f = fields[s.field]!;
	const to = (i: number) => focus({...s, notice: s.notice?.startsWith('Esc again') ? null : s.notice}, i);
	if (key.tab) return to(key.shift ? s.field - 1 : s.field + 1);
	if (f.kind === 'text') {
		const st = {value: f.value, cursor: s.cursor};
		if (key.upArrow && (!f.multiline || onFirstLine(st))) return to(s.field - 1);
		if (key.downArrow && (!f.multiline || onLastLine(st))) return to(s.field + 1);
		if (key.return && !f.multiline) return to(s.field + 1);
		const action = textAreaActionFor(input, key, f.multiline);
		if (!action) return s;
		const next = textAreaReducer(st, action, {multiline: f.multiline, maxLength: f.maxLength});
		return f.id === 'value' ? {...s, value: next.value, cursor: next.cursor} : {...s, reason: next.value, cursor: next.cursor};
	}
	if (key.upArrow) return to(s.field - 1);
	if (key.downArrow) return to(s.field + 1);
	if (f.kind === 'choice') {
		const opts = f.options;
		const i = opts.findIndex(o => o.value === f.value);
		let pick: string | null = null;
		if (key.leftArrow) pick = opts[(i - 1 + opts.length) % opts.length]!.value;
		else if (key.rightArrow || input === ' ') pick = opts[(i + 1) % opts.length]!.value;
		else if (/^[1-9]$/.test(input) && Number(input) <= opts.length) pick = opts[Number(input) - 1]!.value;
		else if (key.return) return to(s.field + 1);
		return pick ? setTarget(s, pick as AmendableField) : s;
	}
	if (f.kind === 'button' && (key.return || input === ' ')) {
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
