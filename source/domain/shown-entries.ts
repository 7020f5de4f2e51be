/**
 * Which chain entries an export prints or reads, so it re-checks those (and only those) as `fortnight verify`
 * checks them before it writes anything (store/chain-verify.ts shownEntriesProblem; README "Where the store
 * lives"). Shared by the command line's exports and the desk's, so both vouch for the same entries.
 */
import type {ChainEntry} from './model.js';

/** The handover's: each case's last review (its "last review" line) and the chain's head. */
export function lastReviewsAndHead(chain: readonly ChainEntry[]): (e: ChainEntry) => boolean {
	const last = new Map<string, ChainEntry>();
	for (const e of chain) if (e.kind === 'review') last.set(e.data.caseRef, e);
	const shown = new Set<ChainEntry>(last.values());
	const head = chain.at(-1);
	if (head) shown.add(head);
	return e => shown.has(e);
}

/** The entries numbered `seqs` (an export's rows) and the chain's head. */
export function seqsAndHead(chain: readonly ChainEntry[], seqs: Iterable<number>): (e: ChainEntry) => boolean {
	const shown = new Set(seqs);
	const head = chain.at(-1);
	if (head) shown.add(head.seq);
	return e => shown.has(e.seq);
}

/**
 * The log's with its exception report (every format but CSV): its rows and head, each case's last review
 * (the overdue and missing-review lines) and every performance decision (the trigger lines and escalations,
 * rules/performance.ts). Decisions are few, and one review per case, so the cost stays near the rows'.
 */
export function logReportEntries(chain: readonly ChainEntry[], seqs: Iterable<number>): (e: ChainEntry) => boolean {
	const rows = seqsAndHead(chain, seqs);
	const lastReviews = lastReviewsAndHead(chain);
	return e => e.kind === 'performance-decision' || rows(e) || lastReviews(e);
}
