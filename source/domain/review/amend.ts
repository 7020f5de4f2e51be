/**
 * A signed review is immutable: a later correction is an amendment, a new chain entry that names the
 * entry it corrects, the fields it corrects and why. The original stays exactly as signed (and still
 * verifies); readers see the corrected values through `effectiveReview`.
 */
import {shortDate, type IsoDate} from '../dates.js';
import type {AmendmentData, AmendmentEntry, ChainEntry, ReviewData, ReviewEntry, StoreData} from '../model.js';
import {selfSupervisionRefusal} from '../independence.js';
import {mayReview} from '../permissions.js';
import {ReviewError, type FieldError} from './errors.js';
import {parseTypedDate, reviewWindow} from './next-review.js';
import {cleanInput, type Signer} from './sign.js';
import {LIMITS} from './validate.js';

/** Fields a correction may change, with how their text is read. Structured outcomes are not amendable: review again instead. */
export const AMENDABLE_FIELDS = {
	summary: {kind: 'text', max: LIMITS.summary},
	riskRationale: {kind: 'text', max: LIMITS.rationale},
	noActionReason: {kind: 'text', max: LIMITS.reason},
	nextReviewDue: {kind: 'date', max: 10},
} as const;
export type AmendableField = keyof typeof AMENDABLE_FIELDS;

export interface AmendOptions {
	today: IsoDate;
	signedAt: string;
	/** Officer id of whoever makes the correction. */
	by: string;
	sign: Signer;
}

const isAmendable = (k: string): k is AmendableField => Object.hasOwn(AMENDABLE_FIELDS, k);

/**
 * Appends an amendment to review entry `seq`. A corrected next review date also moves the case's
 * next review, but only while this is the case's latest review (a later review has set its own).
 * Throws ReviewError (with field errors) when the correction cannot be made.
 */
export function amendReview(
	data: StoreData,
	seq: number,
	corrections: Record<string, string>,
	reason: string,
	options: AmendOptions,
): {next: StoreData; amendment: AmendmentEntry} {
	const target = data.chain.find(e => e.seq === seq);
	if (!target) throw new ReviewError(`There is no chain entry ${seq} to amend.`);
	if (target.kind !== 'review') throw new ReviewError(`Chain entry ${seq} is a ${target.kind}, not a review; only reviews are amended.`);
	if (!data.officers.some(o => o.id === options.by)) throw new ReviewError(`${options.by} is not an officer in this store.`);
	const kase = data.cases.find(c => c.ref === target.data.caseRef);
	// Who may amend is who may review the case that day (README "Who you are"); no one their own case.
	const may = kase ? mayReview(data, options.by, kase.ref, options.today) : null;
	if (may && !may.ok) throw new ReviewError(may.reason);
	const self = selfSupervisionRefusal(
		data,
		options.by,
		kase?.oicId ?? target.data.oicId,
		'review',
		target.data.caseRef,
		undefined,
		options.today,
	);
	if (self) throw new ReviewError(self);
	const errors: FieldError[] = [];
	const err = (field: string, message: string) => errors.push({step: 'sign-off', field, message});
	const clean: Record<string, string> = {};
	const entries = Object.entries(corrections);
	if (entries.length === 0) err('corrections', 'Correct at least one field.');
	const review = target.data;
	let newNextDue: IsoDate | null = null;
	for (const [field, value] of entries) {
		if (!isAmendable(field)) {
			err(field, `${field} cannot be amended; only ${Object.keys(AMENDABLE_FIELDS).join(', ')} can.`);
			continue;
		}
		const spec = AMENDABLE_FIELDS[field];
		if (spec.kind === 'date') {
			const d = parseTypedDate(value);
			const w = reviewWindow(review.riskAfter, data.settings, review.date);
			if (!d) err(field, 'Not a date; type YYYY-MM-DD or DD/MM/YYYY.');
			else if (d < w.earliest || d > w.latest)
				err(
					field,
					`The next review must fall after ${shortDate(review.date)} and no later than ${shortDate(w.latest)} (${review.riskAfter} risk, every ${w.days} days).`,
				);
			else {
				clean[field] = d;
				newNextDue = d;
			}
		} else {
			const text = cleanInput(value);
			if (text.length > spec.max) err(field, `The correction is ${text.length} characters; the limit is ${spec.max}.`);
			else clean[field] = text;
		}
	}
	const why = cleanInput(reason);
	if (why === '') err('reason', 'Say why the review is being amended.');
	else if (why.length > 4000) err('reason', `The reason is ${why.length} characters; the limit is 4000.`);
	let cases = data.cases;
	if (newNextDue !== null) {
		const latest = latestReviewSeq(data.chain, review.caseRef);
		if (latest !== seq)
			err('nextReviewDue', `A later review (entry ${latest}) has set ${review.caseRef}'s next review since; amend that one instead.`);
		else cases = data.cases.map(c => (c.ref === review.caseRef ? {...c, nextReviewDue: newNextDue!} : c));
	}
	if (errors.length > 0) throw new ReviewError(`The amendment to review ${seq} (${review.caseRef}) cannot be made.`, errors);

	const amendmentData: AmendmentData = {amends: seq, date: options.today, by: options.by, reason: why, corrections: clean};
	const amendment = options.sign(data.chain, 'amendment', amendmentData, options.signedAt) as AmendmentEntry;
	return {next: {...data, cases, chain: [...data.chain, amendment]}, amendment};
}

function latestReviewSeq(chain: readonly ChainEntry[], caseRef: string): number | null {
	for (let i = chain.length - 1; i >= 0; i--) {
		const e = chain[i]!;
		if (e.kind === 'review' && e.data.caseRef === caseRef) return e.seq;
	}
	return null;
}

/** Amendments to entry `seq`, oldest first. */
export function amendmentsOf(chain: readonly ChainEntry[], seq: number): AmendmentEntry[] {
	return chain.filter((e): e is AmendmentEntry => e.kind === 'amendment' && e.data.amends === seq);
}

/**
 * A review as it now reads: the signed data with every amendment's corrections applied in order, plus
 * the amendments themselves (so a reader can show "amended on ... because ...").
 */
export function effectiveReview(
	chain: readonly ChainEntry[],
	seq: number,
): {entry: ReviewEntry; data: ReviewData; amendments: AmendmentEntry[]} | null {
	const entry = chain.find((e): e is ReviewEntry => e.seq === seq && e.kind === 'review');
	if (!entry) return null;
	const amendments = amendmentsOf(chain, seq);
	let data: ReviewData = entry.data;
	for (const a of amendments) {
		const patch: Partial<ReviewData> = {};
		for (const [k, v] of Object.entries(a.data.corrections)) {
			if (isAmendable(k)) (patch as Record<string, string>)[k] = v;
		}
		data = {...data, ...patch};
	}
	return {entry, data, amendments};
}
