/**
 * What `verify` says about the supervisory records in the state (README, "Signed records"): each bail
 * event, welfare event, reallocation and absence the rules read is either the one a chain entry records
 * (signed by its author once keys are enrolled), or was recorded before records were signed, which is
 * counted and reported, never silently trusted. A record dated after the store's first key enrolment
 * with no entry recording it, an absence that differs from its last signed record, or one a signed
 * record cancelled or recorded that is gone, means the file was edited outside fortnight: a problem.
 * The chain entries themselves (hash, link, signature) are checked by the store's walk first.
 */
import {canonicalJson} from './canonical-json.js';
import type {Absence, RecordEntry, ReviewData, StoreData, WelfareEvent} from './model.js';
import {bailPeriodMovedLater, lastSignedExtensions} from './signed-bail-extension.js';
import {nextReviewMovedLater, signedNextReviewSource, type SignedNextReviews} from './signed-next-review.js';
import {allocationRecord, recordKey as keyOf} from './supervisory-records.js';

export interface RecordReport {
	/** State records matching a chain entry signed by its author. */
	signed: number;
	/** State records matching a chain entry made before keys were enrolled (hashed, not signed). */
	hashedOnly: number;
	/** State records no chain entry records, made before signed records: counted, not vouched for. */
	beforeSignatures: number;
	/** The first record that contradicts the chain, in words, or null. */
	problem: string | null;
}

/** What `checkRecords` needs from the chain walk beside the state. */
export interface RecordEvidence {
	/** Every `record` entry, in chain order. */
	records: readonly RecordEntry[];
	/**
	 * Reviews that recorded a welfare check-in, by sequence: the review's own welfare event (id w-r<seq>) is
	 * the one its signed data describes (who, when, by whom: domain/review/sign.ts).
	 */
	checkInReviews: ReadonlyMap<number, CheckInReview>;
	/** Each case's signed next review date (signed-next-review.ts), read from the whole chain. */
	nextReviews: SignedNextReviews;
	/** signedAt of the first key enrolment, or null when no key is enrolled. */
	signaturesFrom: string | null;
}

/** What a review that recorded a welfare check-in signed about it. */
export type CheckInReview = Pick<ReviewData, 'oicId' | 'date' | 'reviewerId'>;

/**
 * Compares the state's supervisory records with the chain's. `recordsFrom` is when records started to
 * be signed: the first `record` entry's signedAt, or the first enrolment's when earlier (from then on
 * every record made in fortnight is in the chain).
 */
export function checkRecords(data: Pick<StoreData, 'cases' | 'welfareEvents' | 'absences'>, evidence: RecordEvidence): RecordReport {
	const report: RecordReport = {signed: 0, hashedOnly: 0, beforeSignatures: 0, problem: null};
	const bySignedKey = new Map<string, RecordEntry>();
	const lastAbsence = new Map<string, RecordEntry & {data: {record: 'absence'}}>();
	let firstRecord: string | null = null;
	for (const e of evidence.records) {
		firstRecord ??= e.signedAt;
		const d = e.data;
		if (d.record === 'absence') lastAbsence.set(d.absence.id, e as RecordEntry & {data: {record: 'absence'}});
		else bySignedKey.set(keyOf(d), e);
	}
	const from = [firstRecord, evidence.signaturesFrom].filter((x): x is string => x !== null).sort()[0] ?? null;
	const fail = (message: string) => {
		report.problem ??= message;
	};
	const tally = (entry: RecordEntry | undefined, at: string | null, what: string) => {
		if (entry) {
			if (entry.sig !== undefined) report.signed++;
			else report.hashedOnly++;
			return;
		}
		// Compared as text: an instant and a date both sort by their leading ISO date.
		if (from !== null && at !== null && at > from.slice(0, at.length))
			fail(
				`${what}, recorded ${at}, is not in the chain, though every record made since ${from} is (the store file was edited outside fortnight)`,
			);
		else report.beforeSignatures++;
	};
	for (const c of data.cases) {
		for (const event of c.bailEvents) {
			tally(
				bySignedKey.get(keyOf({record: 'bail-event', caseRef: c.ref, event})),
				event.recordedAt,
				`A bail event (${event.event}) on ${c.ref}`,
			);
		}
		// The first allocation is the case's creation, not a reallocation.
		for (let k = 1; k < c.allocations.length; k++) {
			const a = c.allocations[k]!;
			tally(
				bySignedKey.get(keyOf({record: 'reallocation', caseRef: c.ref, allocation: allocationRecord(a)})),
				a.recordedAt,
				`The reallocation of ${c.ref} to ${a.officerId} from ${a.from}`,
			);
		}
	}
	for (const event of data.welfareEvents) {
		const review = /^w-r(\d+)$/.exec(event.id);
		if (review) {
			// Part of a signed review: what the review signed must be what the event says (REVIEW-9 D2 b).
			const differs = checkInDifference(event, Number(review[1]), evidence.checkInReviews.get(Number(review[1])));
			if (differs) fail(`${differs} (the store file was edited outside fortnight)`);
			continue;
		}
		tally(bySignedKey.get(keyOf({record: 'welfare-event', event})), event.date, `Welfare event ${event.id}`);
	}
	// A next review date moved later than the signed one hides a due review (REVIEW-9 D6; docs/rules.md "Reviews due").
	for (const c of data.cases) {
		const s = nextReviewMovedLater(c.nextReviewDue, evidence.nextReviews.get(c.ref));
		if (s)
			fail(
				`${c.ref}'s next review date ${c.nextReviewDue} is later than the ${s.date} its signed record set (${signedNextReviewSource(s)}): ` +
					`the next review date was changed outside fortnight`,
			);
	}
	// A bail period end moved later than the last signed extension set: the lapse clock would run late
	// (signed-bail-extension.ts says why the return date and the bail's end are not checked).
	const lastExtension = lastSignedExtensions(evidence.records);
	for (const c of data.cases) {
		const signed = lastExtension.get(c.ref);
		const stored = bailPeriodMovedLater(c.bail, signed);
		if (stored !== null)
			fail(
				`${c.ref}'s bail period end ${stored} is later than the ${signed!.periodEnd} its last signed extension set (entry ${signed!.seq}): ` +
					`the bail period was changed outside fortnight`,
			);
	}
	const present = new Set<string>();
	for (const a of data.absences) {
		present.add(a.id);
		const entry = lastAbsence.get(a.id);
		if (!entry) {
			tally(undefined, a.recordedAt, `Absence ${a.id}`);
			continue;
		}
		if (entry.data.action === 'cancelled') fail(`Absence ${a.id} is in the store, but entry ${entry.seq} records it cancelled`);
		else if (!sameAbsence(a, entry.data.absence))
			fail(`Absence ${a.id} differs from its last signed record (entry ${entry.seq}): the store file was edited outside fortnight`);
		else tally(entry, null, '');
	}
	for (const [id, entry] of lastAbsence) {
		if (entry.data.action !== 'cancelled' && !present.has(id))
			fail(`Absence ${id} is recorded in entry ${entry.seq} but is not in the store, and no signed record cancels it`);
	}
	return report;
}

/**
 * How a review's own welfare event (w-r<seq>) differs from what review `seq` signed about its check-in,
 * in words, or null when it matches. Its flags are not in the signed data, so they are not compared.
 */
function checkInDifference(event: WelfareEvent, seq: number, review: CheckInReview | undefined): string | null {
	if (!review) return `Welfare event ${event.id} is a review's check-in, but entry ${seq} is no review recording one`;
	const wrong: string[] = [];
	if (event.kind !== 'check-in') wrong.push(`kind ${event.kind}, not check-in`);
	if (event.officerId !== review.oicId) wrong.push(`officer ${event.officerId}, not ${review.oicId}`);
	if (event.date !== review.date) wrong.push(`date ${event.date}, not ${review.date}`);
	if (event.by !== review.reviewerId) wrong.push(`by ${event.by}, not ${review.reviewerId}`);
	return wrong.length === 0 ? null : `Welfare event ${event.id} differs from the check-in review entry ${seq} signed: ${wrong.join(', ')}`;
}

function sameAbsence(a: Absence, b: Absence): boolean {
	return canonicalJson(a) === canonicalJson(b);
}
