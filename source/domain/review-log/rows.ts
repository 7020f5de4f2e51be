/**
 * The review log: one row per signed review in the period, read straight from the hash chain, with
 * what an inspector scans for (late by how much, risk change, actions, trigger, welfare check-in yes/no)
 * and the entry's hash so any row can be checked against the store later.
 *
 * Amendments: the chain is append-only, so a correction is its own entry. The log does not rewrite the
 * signed review; it shows the amendment as a row of kind "amendment" that names the entry it amends,
 * and the amended review's row lists the amendments (amendedBy). The reader sees both what was signed
 * and what was corrected, and every row's hash still matches the store.
 *
 * Text from the store (names, references, amendment reasons) goes through safeText/safeMultiline here,
 * once, so every renderer gets safe text. Welfare: only whether a check-in happened, never its content.
 */
import {daysBetween, type IsoDate} from '../dates.js';
import type {AmendmentEntry, ChainEntry, Risk, PerformanceDecisionKind} from '../model.js';
import type {StoreData} from '../model.js';
import {fullName} from '../people.js';
import {safeMultiline, safeText} from '../safe-text.js';
import {inPeriod, type Period} from './period.js';
import {sergeantIndex} from './sergeants.js';

export interface LogRow {
	kind: 'review' | 'amendment';
	/** Chain sequence of this entry. */
	seq: number;
	/** SHA-256 of this entry, as stored in the chain. */
	hash: string;
	/** Date of the review, or of the amendment. */
	date: IsoDate;
	caseRef: string;
	/** Officer in the case (for an amendment: of the amended entry). */
	officerId: string;
	/** "DC Sam Ashworth". */
	officer: string;
	/** The sergeant who signed (for an amendment: who amended). */
	reviewerId: string;
	reviewer: string;
	/** The sergeant responsible for the officer (line manager), for grouping and --sergeant. */
	sergeantId: string;
	riskBefore: Risk | null;
	riskAfter: Risk | null;
	/** Days since the previous signed review of the case; null for a first review. */
	daysSincePrevious: number | null;
	/** The date the review was due, fixed at signing. */
	dueDate: IsoDate | null;
	/** 0 when signed on or before its due date, else days late. Null for amendments. */
	lateDays: number | null;
	actionsSet: number | null;
	actionsCompleted: number | null;
	actionsCarried: number | null;
	actionsDropped: number | null;
	triggerFired: boolean | null;
	triggerDecision: PerformanceDecisionKind | null;
	/** Only whether a welfare check-in was done at the review. */
	welfareCheckIn: boolean | null;
	nextReviewDue: IsoDate | null;
	/** For an amendment row: the sequence of the entry it corrects. */
	amends: number | null;
	/** For a review row: sequences of amendments to it (anywhere in the chain). */
	amendedBy: number[];
	/** For an amendment row: its reason (line breaks kept) and corrections as "field: value" lines. */
	amendment: {reason: string; corrections: Array<{field: string; value: string}>} | null;
	/**
	 * Who signed the entry with their key (README "Signatures"): its author's id and name; null for an
	 * entry made before signatures (hashed, not signed). `fortnight verify` checks each signature.
	 */
	signedById: string | null;
	signedBy: string | null;
}

/** The row's signer, as the entry records it. */
function signerOf(e: ChainEntry, name: (id: string) => string): Pick<LogRow, 'signedById' | 'signedBy'> {
	return e.author !== undefined && e.sig !== undefined
		? {signedById: e.author, signedBy: name(e.author)}
		: {signedById: null, signedBy: null};
}

export interface LogOptions {
	/** Keep only rows whose officer answers to this sergeant, or which this sergeant signed. */
	sergeantId?: string;
	officerId?: string;
	lateOnly?: boolean;
}

/** One pass over the chain (plus one for amendments), so a 50,000-review log stays linear. */
export function buildLogRows(data: StoreData, period: Period): LogRow[] {
	const chain = data.chain;
	const {officers, sergeantOf} = sergeantIndex(data);
	const names = new Map<string, string>();
	const name = (id: string): string => {
		let n = names.get(id);
		if (n === undefined) {
			const o = officers.get(id);
			n = o ? safeText(fullName(o)) : `unknown officer ${safeText(id)}`;
			names.set(id, n);
		}
		return n;
	};

	// Each case has many reviews: make its reference safe once.
	const refs = new Map<string, string>();
	const ref = (r: string): string => {
		let safe = refs.get(r);
		if (safe === undefined) refs.set(r, (safe = safeText(r)));
		return safe;
	};

	const amendedBy = new Map<number, number[]>();
	const amendments: AmendmentEntry[] = [];
	for (const e of chain) {
		if (e.kind !== 'amendment') continue;
		amendments.push(e);
		const list = amendedBy.get(e.data.amends);
		if (list) list.push(e.seq);
		else amendedBy.set(e.data.amends, [e.seq]);
	}

	const rows: LogRow[] = [];
	for (const e of chain) {
		if (e.kind === 'review') {
			const d = e.data;
			if (!inPeriod(d.date, period)) continue;
			let done = 0,
				carried = 0,
				dropped = 0;
			for (const a of d.actionOutcomes) {
				if (a.outcome === 'done') done++;
				else if (a.outcome === 'carried') carried++;
				else dropped++;
			}
			rows.push({
				kind: 'review',
				seq: e.seq,
				hash: e.hash,
				date: d.date,
				caseRef: ref(d.caseRef),
				officerId: d.oicId,
				officer: name(d.oicId),
				reviewerId: d.reviewerId,
				reviewer: name(d.reviewerId),
				sergeantId: sergeantOf(d.oicId),
				riskBefore: d.riskBefore,
				riskAfter: d.riskAfter,
				daysSincePrevious: d.previousReviewDate ? daysBetween(d.previousReviewDate, d.date) : null,
				dueDate: d.dueDate,
				lateDays: Math.max(0, daysBetween(d.dueDate, d.date)),
				actionsSet: d.newActions.length,
				actionsCompleted: done,
				actionsCarried: carried,
				actionsDropped: dropped,
				triggerFired: d.triggerFired,
				triggerDecision: d.triggerDecision,
				welfareCheckIn: d.welfareCheckIn,
				nextReviewDue: d.nextReviewDue,
				amends: null,
				amendedBy: amendedBy.get(e.seq) ?? [],
				amendment: null,
				...signerOf(e, name),
			});
		} else if (e.kind === 'amendment' && inPeriod(e.data.date, period)) {
			rows.push(amendmentRow(e, chain, name, sergeantOf));
		}
	}
	return rows;
}

function amendmentRow(
	e: AmendmentEntry,
	chain: readonly ChainEntry[],
	name: (id: string) => string,
	sergeantOf: (id: string) => string,
): LogRow {
	// In an intact chain an entry's sequence is its position; look there, and only search if it is not.
	const target = chain[e.data.amends]?.seq === e.data.amends ? chain[e.data.amends] : chain.find(x => x.seq === e.data.amends);
	let caseRef = '';
	let officerId = '';
	if (target?.kind === 'review') {
		caseRef = target.data.caseRef;
		officerId = target.data.oicId;
	} else if (target?.kind === 'performance-decision') {
		caseRef = target.data.caseRef ?? '';
		officerId = target.data.officerId;
	}
	return {
		kind: 'amendment',
		seq: e.seq,
		hash: e.hash,
		date: e.data.date,
		caseRef: safeText(caseRef),
		officerId,
		officer: officerId ? name(officerId) : '',
		reviewerId: e.data.by,
		reviewer: name(e.data.by),
		sergeantId: officerId ? sergeantOf(officerId) : sergeantOf(e.data.by),
		riskBefore: null,
		riskAfter: null,
		daysSincePrevious: null,
		dueDate: null,
		lateDays: null,
		actionsSet: null,
		actionsCompleted: null,
		actionsCarried: null,
		actionsDropped: null,
		triggerFired: null,
		triggerDecision: null,
		welfareCheckIn: null,
		nextReviewDue: null,
		amends: e.data.amends,
		amendedBy: [],
		amendment: {
			reason: safeMultiline(e.data.reason),
			corrections: Object.keys(e.data.corrections)
				.sort()
				.map(field => ({field: safeText(field), value: safeMultiline(e.data.corrections[field]!)})),
		},
		...signerOf(e, name),
	};
}

/** An amendable field (review/amend.ts AMENDABLE_FIELDS) in words, for the log and `case show`. */
export const AMENDED_FIELD_WORDS: Record<string, string> = {
	summary: 'summary',
	riskRationale: 'risk rationale',
	noActionReason: 'no-action reason',
	nextReviewDue: 'next review',
};

/**
 * What an amendment row changed, in a few words for one line: "next review to 2026-12-08; summary
 * corrected". Dates are shown; text corrections are named, not quoted (they can be long).
 */
export function amendmentWords(r: Pick<LogRow, 'amendment'>): string {
	if (!r.amendment || r.amendment.corrections.length === 0) return '';
	return r.amendment.corrections
		.map(({field, value}) => {
			const words = AMENDED_FIELD_WORDS[field] ?? field;
			return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${words} to ${value}` : `${words} corrected`;
		})
		.join('; ');
}

/** The desk's Log view filters: by sergeant, by officer, late only (amendment rows are never "late"). */
export function filterLogRows(rows: readonly LogRow[], options: LogOptions): LogRow[] {
	return rows.filter(
		r =>
			(options.sergeantId === undefined || r.sergeantId === options.sergeantId || r.reviewerId === options.sergeantId) &&
			(options.officerId === undefined || r.officerId === options.officerId) &&
			(!options.lateOnly || (r.lateDays ?? 0) > 0),
	);
}

/** "on time" or "late by 3 days". */
export function timeliness(r: LogRow): string {
	if (r.lateDays === null) return '';
	return r.lateDays === 0 ? 'on time' : `late by ${r.lateDays} day${r.lateDays === 1 ? '' : 's'}`;
}
