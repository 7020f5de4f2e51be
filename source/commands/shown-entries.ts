/**
 * Every export that prints chain entries (the log in each format, `case show`, the handover's last
 * reviews) re-checks those entries' hashes and signatures as `fortnight verify` does (store/chain-verify.ts
 * shownEntriesProblem) before it writes anything: a document must never put a signer's name to an entry
 * altered since it was signed (README "Where the store lives"). Only the printed entries are hashed, so a
 * big log costs what it prints.
 */
import type {ChainEntry, StoreData} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {shownEntriesProblem} from '../store/index.js';
import {say} from './command.js';
import type {Context} from './context.js';

/** Exit code of an export refused for an altered entry: the same as `verify` finding it. */
export const ALTERED_EXIT = 1;

/**
 * Says on standard error why the export is refused and returns true when one of the shown entries fails
 * (the caller then writes nothing and exits ALTERED_EXIT); false when every one checks out. `refused` says
 * what is not done ("The review log was not written", "Case CR/54818/26 is not shown").
 */
export function refuseAlteredEntries(
	ctx: Context,
	data: Pick<StoreData, 'team' | 'officers'>,
	chain: readonly ChainEntry[],
	shows: (e: ChainEntry) => boolean,
	refused: string,
): boolean {
	const problem = shownEntriesProblem(data, chain, shows);
	if (!problem) return false;
	say(
		ctx,
		`${refused}: ${safeText(problem.message)}, so who signed it cannot be trusted. ` +
			`Run "fortnight verify --store ${ctx.storePath}" and restore the store from a backup.\n`,
	);
	return true;
}
