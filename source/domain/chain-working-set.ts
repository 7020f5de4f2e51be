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
 * every other entry) and entries appended after it, without indexing the whole working set: a signing
 * adds one review, so the case's previous review is found by one pass from the end and left out.
 */
export function workingSetWith(workingSet: readonly ChainEntry[], added: readonly ChainEntry[]): ChainEntry[] {
	if (added.length === 0) return workingSet as ChainEntry[];
	const newest = chainWorkingSet(added);
	const reviewed = new Set<string>();
	for (const e of newest) if (e.kind === 'review') reviewed.add(e.data.caseRef);
	if (reviewed.size === 0) return [...workingSet, ...newest];
	const out: ChainEntry[] = [];
	for (const e of workingSet) if (e.kind !== 'review' || !reviewed.has(e.data.caseRef)) out.push(e);
	for (const e of newest) out.push(e);
	return out;
}
