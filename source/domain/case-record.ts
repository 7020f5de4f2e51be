/**
 * One case with its whole history, for `fortnight case show` (README "Case history"): so a person can
 * see what the records said and when. Who held it, its risk over time, bail as it stands, every signed
 * review from the chain as corrected by its amendments, and the actions with their own history.
 * Names are resolved here; text is left as stored (the renderers in source/export make it safe).
 */
import {allocationsOf, riskHistoryOf} from './case-history.js';
import {bailClock, type BailClock} from './bail.js';
import {daysBetween, type IsoDate} from './dates.js';
import type {Action, Bail, BailEvent, Case, Officer, RecordEntry, Risk, Rui, StoreData} from './model.js';
import {allocationRecord, recordKey} from './supervisory-records.js';
import {fullName} from './people.js';
import {reviewSummaryFor, reviewWithheld, WHOLE_TEAM, type ReadScope} from './read-scope.js';
import {effectiveReview} from './review/amend.js';
import {recordDay} from './worked-day.js';
import {updateAuthorId} from './update-author.js';
import {nextReviewMovedLater, SignedNextReviews, signedNextReviewSource} from './signed-next-review.js';

export interface NamedOfficer {
	id: string;
	/** "DC Sam Ashworth"; "unknown officer" for an id the store does not hold. */
	name: string;
}

/** How a supervisory record is vouched for (README "Signed records"). */
export interface RecordSignature {
	/** The chain entry that records it, or null: recorded before signatures (or a case's first allocation). */
	seq: number | null;
	/** Who signed that entry with their enrolled key; null when it is hashed only or not in the chain. */
	signedBy: NamedOfficer | null;
}

export interface BailEventView {
	event: BailEvent['event'];
	on: IsoDate;
	returnDate: IsoDate | null;
	periodEnd: IsoDate | null;
	authorisedBy: string | null;
	rank: string | null;
	recordedBy: NamedOfficer;
	recordedAt: string;
	signature: RecordSignature;
}

export interface AllocationView {
	officer: NamedOfficer;
	from: IsoDate;
	/** The day it passed to the next officer; null while held. */
	to: IsoDate | null;
	by: NamedOfficer | null;
	reason: string;
	recordedAt: string | null;
	/** The day it was recorded as: the day the command or desk worked as (worked-day.ts); null when not recorded. */
	recordedOn: IsoDate | null;
	signature: RecordSignature;
}

export interface RiskView {
	risk: Risk;
	from: IsoDate;
	by: NamedOfficer | null;
	reason: string;
	reviewSeq: number | null;
}

export interface ReviewView {
	seq: number;
	date: IsoDate;
	reviewer: NamedOfficer;
	/** The officer in the case when it was reviewed. */
	oic: NamedOfficer;
	dueDate: IsoDate;
	/** Days after the due date it was signed (0 when on time). */
	lateDays: number;
	riskBefore: Risk;
	riskAfter: Risk;
	riskRationale: string | null;
	nextReviewDue: IsoDate;
	summary: string;
	/** Null also when withheld (below). */
	triggerDecision: string | null;
	/** Only that a welfare check-in happened, never what was said; null when withheld. */
	welfareCheckIn: boolean | null;
	/**
	 * Why the OIC's performance decision, concern and welfare check-in are left out (the fields above null,
	 * the summary's sentences about them dropped), or null: shown. An officer reading a case they now hold
	 * does not read about the previous holder (README "Who may read what", domain/read-scope.ts).
	 */
	withheld: string | null;
	/** Who signed the entry with their enrolled key (README "Signatures"); null: made before signatures. */
	signedBy: NamedOfficer | null;
	amendments: {
		seq: number;
		date: IsoDate;
		by: NamedOfficer;
		reason: string;
		corrections: Record<string, string>;
		signedBy: NamedOfficer | null;
	}[];
}

export interface ActionView {
	id: string;
	text: string;
	owner: NamedOfficer;
	status: Action['status'];
	due: IsoDate;
	createdOn: IsoDate;
	startedOn: IsoDate | null;
	carriedCount: number;
	history: {date: IsoDate; event: string; by: NamedOfficer; reason: string | null; reviewSeq: number | null}[];
}

export interface CaseRecord {
	ref: string;
	offence: string;
	status: Case['status'];
	risk: Risk;
	opened: IsoDate;
	closedOn: IsoDate | null;
	oic: NamedOfficer;
	allocatedOn: IsoDate;
	/** The next review date the rules judge by: the signed one when the case record's copy was moved later (REVIEW-9 D6). */
	nextReviewDue: IsoDate;
	/**
	 * The case record's copy of the date when it was moved later than its signed review's outside fortnight
	 * (a file edit or a row UPDATE: QA 9 D7), with the entry that set the date; null when they agree.
	 */
	nextReviewEdited: {recorded: IsoDate; signedIn: string} | null;
	allocations: AllocationView[];
	riskHistory: RiskView[];
	/** Bail as it stands, with its clock while it runs. */
	bail: (Bail & {clock: BailClock | null}) | null;
	/** Every bail event recorded in fortnight, oldest first, with who signed it. */
	bailEvents: BailEventView[];
	rui: Rui | null;
	reviews: ReviewView[];
	actions: ActionView[];
	/**
	 * The crime-report updates as imported, oldest first, each whole: the desk's case tab shows a long one
	 * cut and points here (QA 6 D3: `case show` had none, so the rest could be read nowhere).
	 */
	updates: UpdateView[];
}

export interface UpdateView {
	date: IsoDate;
	/** Who wrote it; null for the records system's (an imported update: its export names no author, update-author.ts). */
	author: NamedOfficer | null;
	/** 'import' when it came from `fortnight import` (QA 8 R6), else null. */
	source: 'import' | null;
	text: string;
}

/** `scope`: who reads it (domain/read-scope.ts); a review about another officer is shown without their personal part. */
export function caseRecord(data: StoreData, ref: string, today: IsoDate, scope: ReadScope = WHOLE_TEAM): CaseRecord | null {
	const c = data.cases.find(x => x.ref === ref);
	if (!c) return null;
	const officers = new Map<string, Officer>(data.officers.map(o => [o.id, o]));
	const named = (id: string): NamedOfficer => ({id, name: fullName(officers.get(id))});
	const maybe = (id: string | null): NamedOfficer | null => (id === null ? null : named(id));
	const signerOf = (e: {author?: string; sig?: string}): NamedOfficer | null =>
		e.author !== undefined && e.sig !== undefined ? named(e.author) : null;
	const records = new Map<string, RecordEntry>();
	for (const e of data.chain) if (e.kind === 'record' && e.data.record !== 'absence') records.set(recordKey(e.data), e);
	const signatureOf = (record: {record: string; [k: string]: unknown} | null): RecordSignature => {
		const e = record ? records.get(recordKey(record)) : undefined;
		return {seq: e?.seq ?? null, signedBy: e ? signerOf(e) : null};
	};
	// The date as the rules judge it (rules/review-due.ts): a copy moved later than the signed one is not believed.
	const moved = nextReviewMovedLater(c.nextReviewDue, SignedNextReviews.of(data.chain).get(c.ref));
	const reviews: ReviewView[] = [];
	for (const e of data.chain) {
		if (e.kind !== 'review' || e.data.caseRef !== ref) continue;
		const read = effectiveReview(data.chain, e.seq);
		if (!read) continue;
		const d = read.data;
		const withheld = reviewWithheld(scope, d.oicId);
		const summaryOf = (text: string) => reviewSummaryFor(scope, d.oicId, text);
		reviews.push({
			seq: e.seq,
			date: d.date,
			reviewer: named(d.reviewerId),
			oic: named(d.oicId),
			dueDate: d.dueDate,
			lateDays: Math.max(0, daysBetween(d.dueDate, d.date)),
			riskBefore: d.riskBefore,
			riskAfter: d.riskAfter,
			riskRationale: d.riskRationale,
			nextReviewDue: d.nextReviewDue,
			summary: summaryOf(d.summary),
			triggerDecision: withheld ? null : d.triggerDecision,
			welfareCheckIn: withheld ? null : d.welfareCheckIn,
			withheld,
			signedBy: signerOf(e),
			amendments: read.amendments.map(a => ({
				seq: a.seq,
				date: a.data.date,
				by: named(a.data.by),
				reason: a.data.reason,
				// A corrected summary is the summary: the same sentences are left out of it.
				corrections: Object.fromEntries(Object.entries(a.data.corrections).map(([k, v]) => [k, k === 'summary' ? summaryOf(v) : v])),
				signedBy: signerOf(a),
			})),
		});
	}
	return {
		ref: c.ref,
		offence: c.offence,
		status: c.status,
		risk: c.risk,
		opened: c.opened,
		closedOn: c.closedOn,
		oic: named(c.oicId),
		allocatedOn: c.allocatedOn,
		nextReviewDue: moved ? moved.date : c.nextReviewDue,
		nextReviewEdited: moved ? {recorded: c.nextReviewDue, signedIn: signedNextReviewSource(moved)} : null,
		allocations: allocationsOf(c).map((a, i) => ({
			officer: named(a.officerId),
			from: a.from,
			to: a.to,
			by: maybe(a.by),
			reason: a.reason,
			recordedAt: a.recordedAt,
			recordedOn: a.recordedAt === null ? null : recordDay(a.recordedAt, a.recordedOn),
			// The first allocation is the case's creation, not a signed reallocation.
			signature: signatureOf(i === 0 ? null : {record: 'reallocation', caseRef: c.ref, allocation: allocationRecord(a)}),
		})),
		riskHistory: riskHistoryOf(c).map(r => ({risk: r.risk, from: r.from, by: maybe(r.by), reason: r.reason, reviewSeq: r.reviewSeq})),
		bail: c.bail ? {...c.bail, clock: bailClock(c.bail, today)} : null,
		rui: c.rui,
		bailEvents: c.bailEvents.map(event => ({
			event: event.event,
			on: event.on,
			returnDate: event.returnDate,
			periodEnd: event.periodEnd,
			authorisedBy: event.authorisedBy,
			rank: event.rank,
			recordedBy: named(event.recordedBy),
			recordedAt: event.recordedAt,
			signature: signatureOf({record: 'bail-event', caseRef: c.ref, event}),
		})),
		reviews,
		actions: c.actions.map(a => ({
			id: a.id,
			text: a.text,
			owner: named(a.ownerId),
			status: a.status,
			due: a.due,
			createdOn: a.createdOn,
			startedOn: a.startedOn,
			carriedCount: a.carriedCount,
			history: a.history.map(h => ({date: h.date, event: h.event, by: named(h.by), reason: h.reason, reviewSeq: h.reviewSeq})),
		})),
		// Stable by date: updates of one day keep the order the records system gave them.
		updates: c.updates
			.map((u, i) => ({u, i}))
			.sort((a, b) => (a.u.date < b.u.date ? -1 : a.u.date > b.u.date ? 1 : a.i - b.i))
			.map(({u}) => ({date: u.date, author: maybe(updateAuthorId(u)), source: u.source ?? null, text: u.text})),
	};
}
