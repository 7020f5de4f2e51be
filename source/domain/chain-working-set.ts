/**
 * The chain entries a store keeps at hand when the whole chain lives in its own file
 * (source/store/README.md, "The review chain file"): what the rules, a review, an amendment and signing
 * read, and nothing else. The rules read each case's last review (when the next one is due, who did
 * it) and every performance decision; a review reads the case's previous review; an amendment corrects
 * the case's last review and reads the amendments already made to it; signing links to the head and
 * checks signatures against the enrolled keys. So the working set is each case's last review and every
 * entry that is not a review (decisions, amendments and enrolments are a few hundred at 5,000 cases,
 * reviews fifty thousand). The chain's last entry is always in it, so an entry made against the working
 * set links to the real head. Reading all of a case's reviews (the case's history, the log, `verify`)
 * needs the whole chain.
 */
import {appendedTo, removedAndAppended} from './list-edits.js';
import type {ChainEntry} from './model.js';

/**
 * The working set of `chain` (the whole chain, or a working set with entries appended), oldest first.
 * Returns `chain` itself when nothing is dropped.
 */
export function chainWorkingSet(chain: readonly ChainEntry[]): ChainEntry[] {
	const seen = new Set<string>();
	const keep: boolean[] = new Array<boolean>(chain.length);
	let dropped = 0;
	for (let i = chain.length - 1; i >= 0; i--) {
		const e = chain[i]!;
		if (e.kind !== 'review') keep[i] = true;
		else if (seen.has(e.data.caseRef)) {
			keep[i] = false;
			dropped++;
		} else {
			seen.add(e.data.caseRef);
			keep[i] = true;
		}
	}
	if (dropped === 0) return chain as ChainEntry[];
	const out: ChainEntry[] = [];
	for (let i = 0; i < chain.length; i++) if (keep[i]) out.push(chain[i]!);
	return out;
}

/**
 * chainWorkingSet([...workingSet, ...added]) for a working set (already one: each case's last review and
 * every other entry) and entries appended after it, without a pass over the working set: each case's
 * review in it is kept per working set (the arrays are immutable) and handed on to the one made here, so
 * a signing finds the case's previous review at once and leaves it out (20,000 cases: a look-up, not a
 * look inside 20,000 entries). A list that is not a working set (a case with two reviews) goes the long way.
 */
export function workingSetWith(workingSet: readonly ChainEntry[], added: readonly ChainEntry[]): ChainEntry[] {
	if (added.length === 0) return workingSet as ChainEntry[];
	const byCase = reviewsByCase(workingSet);
	if (!byCase) return chainWorkingSet([...workingSet, ...added]);
	const newest = chainWorkingSet(added);
	const dropped = new Set<ChainEntry>();
	for (const e of newest) {
		if (e.kind !== 'review') continue;
		const before = byCase.get(e.data.caseRef);
		if (before) dropped.add(before);
	}
	let out: ChainEntry[];
	if (dropped.size === 0) out = appendedTo(workingSet, newest);
	else if (dropped.size === 1) {
		const i = workingSet.indexOf([...dropped][0]!);
		if (i === -1) return chainWorkingSet([...workingSet, ...added]);
		out = removedAndAppended(workingSet, i, newest);
	} else out = workingSet.filter(e => !dropped.has(e)).concat(newest);
	// Handed on: the set's reviews are the new list's, with the new ones in.
	latestReviews.delete(workingSet);
	for (const e of newest) if (e.kind === 'review') byCase.set(e.data.caseRef, e);
	latestReviews.set(out, byCase);
	return out;
}

/**
 * Each case's review in `chain`, by crime reference, when `chain` is a working set (each case's last
 * review and no other); null when a case has two reviews in it (the whole chain). Read it, never change
 * it: it is kept for the list and handed on by workingSetWith.
 */
export function reviewOfEachCase(chain: readonly ChainEntry[]): ReadonlyMap<string, ChainEntry> | null {
	return reviewsByCase(chain);
}

/** Each case's review in a working set, by crime reference (null: a case has two, so it is not one). */
const latestReviews = new WeakMap<readonly ChainEntry[], Map<string, ChainEntry> | null>();

function reviewsByCase(workingSet: readonly ChainEntry[]): Map<string, ChainEntry> | null {
	let byCase = latestReviews.get(workingSet);
	if (byCase !== undefined) return byCase;
	byCase = new Map();
	for (const e of workingSet) {
		if (e.kind !== 'review') continue;
		if (byCase.has(e.data.caseRef)) {
			byCase = null;
			break;
		}
		byCase.set(e.data.caseRef, e);
	}
	latestReviews.set(workingSet, byCase);
	return byCase;
}
