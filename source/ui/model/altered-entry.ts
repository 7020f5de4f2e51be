/**
 * Whether a chain entry the desk prints still matches its hash: the check `verify` makes of each entry's
 * content (README "Where the store lives"). The desk's walk of the whole chain turns the store read-only
 * once it finds an altered entry, but only after the desk has settled, and it then says so on the status
 * bar only; a case's review history and the Log view print entries before and after that, so what they
 * print is checked as it is shown (once per entry: the snapshot's entries do not change in place).
 */
import type {ChainEntry} from '../../domain/model.js';
import {entryContentProblem} from '../../store/index.js';

const checked = new WeakMap<ChainEntry, string | null>();

/** Why `e` cannot be shown as signed (verify's words), or null when its content matches its hash. */
export function alteredEntryWords(e: ChainEntry): string | null {
	let words = checked.get(e);
	if (words === undefined) {
		words = entryContentProblem(e, e.seq)?.message ?? null;
		checked.set(e, words);
	}
	return words;
}

/** The line a desk prints in place of an altered entry: which entry, and what to do. */
export function alteredEntryLine(words: string): string {
	return `NOT SHOWN: ${words}, so who signed it cannot be trusted. Run "fortnight verify" and restore the store from a backup.`;
}
