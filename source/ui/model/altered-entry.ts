/**
 * Whether a chain entry the desk prints can be shown as signed: the checks `verify` makes of one entry,
 * its content against its hash and its signature against the keys enrolled before it (README "Where the
 * store lives"; store/chain-verify.ts entryTrustProblem). The desk's walk of the whole chain turns the
 * store read-only once it finds an altered entry, but only after the desk has settled, and it then says
 * so on the status bar only; a case's review history, the Log view and a cleared problem's note print
 * entries before and after that, so what they print is checked as it is shown, once per entry (a
 * snapshot's entries do not change in place).
 */
import type {ChainEntry, StoreData} from '../../domain/model.js';
import {entryTrustProblem} from '../../store/index.js';

const checked = new WeakMap<ChainEntry, string | null>();
const enrolmentsOf = new WeakMap<readonly ChainEntry[], ChainEntry[]>();

/**
 * Why `e` cannot be shown as signed (verify's words), or null. `data` is the snapshot `e` was read with:
 * its officers and team (who may enrol whom), and its chain (whole, or the working set) for the keys.
 */
export function alteredEntryWords(data: Pick<StoreData, 'team' | 'officers' | 'chain'>, e: ChainEntry): string | null {
	let words = checked.get(e);
	if (words === undefined) {
		let enrolments = enrolmentsOf.get(data.chain);
		if (!enrolments) enrolmentsOf.set(data.chain, (enrolments = data.chain.filter(x => x.kind === 'enrolment')));
		words = entryTrustProblem(data, enrolments, e)?.message ?? null;
		checked.set(e, words);
	}
	return words;
}

/** The line a desk prints in place of an altered entry: which entry, and what to do. */
export function alteredEntryLine(words: string): string {
	return `NOT SHOWN: ${words}, so who signed it cannot be trusted. Run "fortnight verify" and restore the store from a backup.`;
}
