/**
 * `fortnight verify` over a chain of any length (source/store/README.md, "The review chain file"): the
 * entries come in batches, streamed from a split store's chain file or taken from a single file's list,
 * and are checked one at a time as verifyChain and verifySignatures do. Only the enrolled keys are kept,
 * and, for a split store, what its working set must hold: the state's copy of each case's last review and
 * of every other entry must be the chain file's, since the rules read the copies.
 */
import type {ChainEntry, EnrolmentEntry, RecordEntry, StoreData} from '../domain/model.js';
import {AuthorityWalk, type AuthorityProblem} from '../domain/authority-check.js';
import {checkRecords, type CheckInReview, type RecordReport} from '../domain/record-check.js';
import {SignedNextReviews} from '../domain/signed-next-review.js';
import {entryContentProblem, entryFieldProblem, entryProblem, GENESIS_HASH, hashEntry, type ChainHead, type ChainProblem} from './chain.js';
import {SignatureWalk, type SignatureReport} from './signatures.js';

export interface ChainVerdict {
	/** Entries walked (all of them unless a broken link stopped the walk). */
	entries: number;
	head: ChainHead | null;
	/** The first broken link, hash or field (verifyChain's words), or the working set's disagreement. */
	problem: ChainProblem | null;
	/** The first signature problem, and the counts (SignatureWalk). */
	signatures: SignatureReport;
	/** The entry at the sequence asked for (`verify --head`), or null when the chain is shorter. */
	at: ChainEntry | null;
	/** The state's supervisory records against the chain's signed copies (domain/record-check.ts). */
	records: RecordReport;
	/** The chain's first key enrolment, or null (verify checks who made it: domain/first-enrolment.ts). */
	firstEnrolment: EnrolmentEntry | null;
	/** The first review, decision or welfare record its actor could not make (domain/authority-check.ts), or null. */
	authority: AuthorityProblem | null;
}

/** What a working-set entry must match in the chain file: its place, hash and signature. */
interface Mark {
	seq: number;
	hash: string;
	sig: string | undefined;
}

export async function verifyWholeChain(
	batches: AsyncIterable<readonly ChainEntry[]>,
	data: StoreData,
	atSeq: number | null = null,
): Promise<ChainVerdict> {
	const walk = new SignatureWalk(data);
	let signatureProblem: SignatureReport['problem'] = null;
	// Authority as well as authorship (REVIEW-9 D4): the first act its actor could not take.
	const authorityWalk = new AuthorityWalk(data);
	let authority: AuthorityProblem | null = null;
	let problem: ChainProblem | null = null;
	let prev = GENESIS_HASH;
	let i = 0;
	let at: ChainEntry | null = null;
	let last: ChainEntry | undefined;
	const split = data.chainLog !== undefined;
	const lastReview = new Map<string, Mark>();
	const others: Mark[] = [];
	// What the state's supervisory records are checked against (README, "Signed records").
	const records: RecordEntry[] = [];
	const checkInReviews = new Map<number, CheckInReview>();
	const nextReviews = new SignedNextReviews();
	let signaturesFrom: string | null = null;
	let firstEnrolment: EnrolmentEntry | null = null;
	walking: for await (const batch of batches) {
		for (const e of batch) {
			problem = entryProblem(e, i, prev);
			if (problem) break walking;
			// The first signature problem is kept and the walk goes on: a broken hash anywhere is reported first.
			if (!signatureProblem) signatureProblem = walk.check(e, i);
			if (!authority) authority = authorityWalk.check(e, i);
			if (i === atSeq) at = e;
			nextReviews.add(e);
			if (e.kind === 'record') records.push(e);
			else if (e.kind === 'review' && e.data.welfareCheckIn) checkInReviews.set(e.seq, e.data);
			else if (e.kind === 'enrolment') {
				signaturesFrom ??= e.signedAt;
				firstEnrolment ??= e;
			}
			if (split) {
				const mark = {seq: e.seq, hash: e.hash, sig: e.sig};
				if (e.kind === 'review') lastReview.set(e.data.caseRef, mark);
				else others.push(mark);
			}
			prev = e.hash;
			last = e;
			i++;
		}
	}
	if (!problem && split) problem = workingSetMismatch(data.chain, lastReview, others);
	return {
		entries: i,
		head: last ? {seq: last.seq, hash: last.hash} : null,
		problem,
		signatures: walk.report(signatureProblem),
		at,
		records: checkRecords(data, {records, checkInReviews, nextReviews, signaturesFrom}),
		firstEnrolment,
		authority,
	};
}

/**
 * Where the state's working set differs from the one the chain file gives (chainWorkingSet of it), or
 * null (the same choice as chainWorkingSet in domain/chain-working-set.ts). Each copy must be the chain's entry itself: same place, hash and ' +
 	'signature, its content matching
 * its hash, and no field beside its own.
 */
function workingSetMismatch(held: readonly ChainEntry[], lastReview: Map<string, Mark>, others: Mark[]): ChainProblem | null {
	const expected = [...others, ...lastReview.values()].sort((a, b) => a.seq - b.seq);
	for (let k = 0; k < Math.max(expected.length, held.length); k++) {
		const want = expected[k];
		const copy = held[k];
		const seq = copy?.seq ?? want?.seq ?? 0;
		const differs = (what: string): ChainProblem => ({
			index: seq,
			seq,
			message: `the store's own copy of the chain (the entries the rules read) ${what}; the chain file is the record: restore the store file from a backup`,
		});
		if (!want) return differs(`holds entry ${seq}, which it should not`);
		if (!copy) return differs(`lacks entry ${want.seq}`);
		if (copy.seq !== want.seq)
			return differs(copy.seq < want.seq ? `holds entry ${copy.seq}, which it should not` : `lacks entry ${want.seq}`);
		if (copy.hash !== want.hash || copy.sig !== want.sig || entryFieldProblem(copy) !== null || hashEntry(copy) !== copy.hash) {
			return differs(`differs from the chain file at entry ${copy.seq}`);
		}
	}
	return null;
}

/**
 * The first of the entries an export prints (`shows`) whose fields, hash or signature fail, or null: what
 * `verify` checks of those entries (entryContentProblem, SignatureWalk), so a document never vouches for
 * an entry altered since it was signed (README "Where the store lives"). Only the printed entries are
 * hashed; the others are only read for the keys they enrol, which the signatures are checked against.
 * The links between entries are checked on every load (read.ts), so they are not walked again here.
 */
export function shownEntriesProblem(
	data: Pick<StoreData, 'team' | 'officers'>,
	chain: readonly ChainEntry[],
	shows: (e: ChainEntry) => boolean,
): ChainProblem | null {
	const walk = new SignatureWalk(data);
	for (let i = 0; i < chain.length; i++) {
		const e = chain[i]!;
		if (!shows(e)) {
			walk.learn(e);
			continue;
		}
		const problem = entryContentProblem(e, i) ?? walk.check(e, i);
		if (problem) return problem;
	}
	return null;
}

/**
 * One entry checked as `verify` checks it (its content against its hash, then its signature against the
 * keys enrolled before it), for a reader that shows entries one at a time and out of order: the desk's
 * case history, Log view and problem detail (ui/model/altered-entry.ts). A hash anyone can recompute is
 * not enough: an entry altered and hashed again is found by its signature. `enrolments`: the chain's
 * enrolment entries, oldest first (the working set keeps them all: domain/chain-working-set.ts); they
 * are taken as enrolled, as the links and the desk's walk of the whole chain check them.
 */
export function entryTrustProblem(
	data: Pick<StoreData, 'team' | 'officers'>,
	enrolments: readonly ChainEntry[],
	e: ChainEntry,
): ChainProblem | null {
	const content = entryContentProblem(e, e.seq);
	if (content) return content;
	const walk = new SignatureWalk(data);
	for (const k of enrolments) {
		if (k.seq >= e.seq) break;
		walk.learn(k);
	}
	return walk.check(e, e.seq);
}

/**
 * `verifyWholeChain`'s first problem (a broken link, hash or field, a signature, the working set, the
 * supervisory records), in `verify`'s words, or null. `pause` runs between slices of `slice` entries, so a
 * desk keeps taking keys while its store is checked (store.ts checkChain).
 */
export async function wholeChainProblem(
	batches: Iterable<readonly ChainEntry[]> | AsyncIterable<readonly ChainEntry[]>,
	data: StoreData,
	slice: number,
	pause: () => Promise<void>,
): Promise<string | null> {
	async function* sliced(): AsyncGenerator<readonly ChainEntry[]> {
		for await (const batch of batches) {
			for (let from = 0; from < batch.length; from += slice) {
				yield batch.slice(from, from + slice);
				await pause();
			}
		}
	}
	const verdict = await verifyWholeChain(sliced(), data);
	const problem = verdict.problem ?? verdict.signatures.problem;
	if (problem) return problem.message;
	return verdict.records.problem;
}

/**
 * The first of the state's copies `shows` picks (its working set: each case's last review, the head) that
 * is not the same entry in `whole`, the chain as read from the chain file, or null: an entry re-hashed in
 * the file after an edit carries another hash than the state's copy, which the document prints (README
 * "Where the store lives"; the command line's handover holds the copies against the file the same way,
 * chain-copies.ts). `whole` is indexed by sequence (its entries are checked to be in place on load).
 */
export function copiesProblem(
	copies: readonly ChainEntry[],
	whole: readonly ChainEntry[],
	shows: (e: ChainEntry) => boolean,
): string | null {
	if (copies === whole) return null;
	for (const copy of copies) {
		if (!shows(copy)) continue;
		const e = whole[copy.seq];
		if (!e || e.seq !== copy.seq || e.hash !== copy.hash || e.sig !== copy.sig)
			return `entry ${copy.seq} (${copy.kind}) of the chain file is not the entry the store holds (another hash or signature): the chain file was replaced or edited`;
	}
	const head = copies.at(-1);
	if (head && whole.length !== head.seq + 1) return `the chain file does not end with entry ${head.seq}, the head the store records`;
	return null;
}
