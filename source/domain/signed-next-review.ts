/**
 * The next review date a case's signed records set (REVIEW-9 D6; docs/rules.md "Reviews due"): its last
 * signed review's `nextReviewDue`, or the latest signed amendment of that review correcting it (amend.ts
 * lets only the case's last review's date be amended). The case record keeps a copy of the date where
 * the rules read it, and a copy can be changed by a file edit or a row UPDATE that leaves no entry; the
 * signed date is the record. A case never reviewed has no signed date: its date was set when the case
 * was made (new-case.ts, the import), and the review cap from its allocation bounds it.
 *
 * Fed one chain entry at a time, in chain order, so the rules (the state's working set, which keeps each
 * case's last review and every amendment: chain-working-set.ts) and `verify` (the whole chain, streamed)
 * read the same answer from the same code.
 */
import type {IsoDate} from './dates.js';
import type {ChainEntry} from './model.js';

/** A case's signed next review date and the entry that set it. */
export interface SignedNextReview {
	date: IsoDate;
	/** The review's sequence number. */
	reviewSeq: number;
	/** The amendment that set the date, or null when the review's own date stands. */
	amendmentSeq: number | null;
}

export class SignedNextReviews {
	private readonly byCase = new Map<string, SignedNextReview>();
	/** The case each review in the map belongs to, by its sequence: an amendment names only the review. */
	private readonly caseOfReview = new Map<number, string>();

	/** Reads one entry (chain order); entries other than reviews and amendments are ignored. */
	add(e: ChainEntry): void {
		if (e.kind === 'review') {
			const before = this.byCase.get(e.data.caseRef);
			if (before) this.caseOfReview.delete(before.reviewSeq);
			this.byCase.set(e.data.caseRef, {date: e.data.nextReviewDue, reviewSeq: e.seq, amendmentSeq: null});
			this.caseOfReview.set(e.seq, e.data.caseRef);
		} else if (e.kind === 'amendment') {
			const date = e.data.corrections['nextReviewDue'];
			const ref = this.caseOfReview.get(e.data.amends);
			// An amendment of an earlier review cannot set the date (amend.ts); only the last review's counts.
			if (date === undefined || ref === undefined) return;
			this.byCase.set(ref, {date, reviewSeq: e.data.amends, amendmentSeq: e.seq});
		}
	}

	/** The case's signed next review date, or undefined when it has no signed review. */
	get(caseRef: string): SignedNextReview | undefined {
		return this.byCase.get(caseRef);
	}

	static of(chain: readonly ChainEntry[]): SignedNextReviews {
		const out = new SignedNextReviews();
		for (const e of chain) out.add(e);
		return out;
	}
}

/** "entry 577" or "entry 590 (amending entry 577)": the signed record that set the date. */
export function signedNextReviewSource(s: SignedNextReview): string {
	return s.amendmentSeq === null ? `entry ${s.reviewSeq}` : `entry ${s.amendmentSeq} (amending entry ${s.reviewSeq})`;
}

/**
 * When the case record's date is later than the signed one (the unsafe way: a review seems due later than
 * it is), the signed record; otherwise null. A copy earlier than the signed date only brings the review
 * forward, so the rules' earlier-of answer is already safe.
 */
export function nextReviewMovedLater(stored: IsoDate, signed: SignedNextReview | undefined): SignedNextReview | null {
	return signed !== undefined && stored > signed.date ? signed : null;
}
