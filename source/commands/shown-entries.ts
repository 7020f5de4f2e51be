/**
 * Every export that prints chain entries (the log in each format, `case show`, the handover's last
 * reviews) re-checks those entries' hashes and signatures as `fortnight verify` does (store/chain-verify.ts
 * shownEntriesProblem) before it writes anything: a document must never put a signer's name to an entry
 * altered since it was signed (README "Where the store lives"). Only the printed entries are hashed, so a
 * big log costs what it prints. The log and `case show` read the whole chain from its file; the handover
 * and the calendar read the state's copies (the working set), which are also held against the chain file
 * (refuseAlteredCopies).
 */
import type {ChainEntry, StoreData} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {chainFileCopiesProblem, shownEntriesProblem} from '../store/index.js';
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

/**
 * refuseAlteredEntries for an export built from the state's copies of the entries it shows (the handover
 * and the calendar: each case's last review and the head): the copies re-checked as `verify` checks them,
 * then the chain file's line for each, and its last line, held to be those very entries (store
 * chain-copies.ts), since `verify` reads the file. True (said on standard error) when one fails.
 */
export async function refuseAlteredCopies(
	ctx: Context,
	data: Pick<StoreData, 'team' | 'officers' | 'chain' | 'chainLog'>,
	shows: (e: ChainEntry) => boolean,
	refused: string,
): Promise<boolean> {
	if (refuseAlteredEntries(ctx, data, data.chain, shows, refused)) return true;
	const problem = await chainFileCopiesProblem(ctx.storePath, data, shows);
	if (!problem) return false;
	say(
		ctx,
		`${refused}: ${safeText(problem)}, so who signed it cannot be trusted. ` +
			`Run "fortnight verify --store ${ctx.storePath}" and restore the store from a backup.\n`,
	);
	return true;
}
