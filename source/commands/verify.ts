import {formatHead, chainHead, hashEntry, verifyChain, readStoreFile, type ChainHead} from '../store/index.js';
import {safeText} from '../domain/safe-text.js';
import type {ChainEntry} from '../domain/model.js';
import type {Command} from './command.js';
import {UsageError} from './context.js';
import {plural} from '../domain/plural.js';

const command: Command = {
	name: 'verify',
	summary: "check the store's schema and the review chain's hashes",
	help: `Usage: fortnight verify [--store PATH] [--head SEQ:HASH]

Checks that the store file is valid and walks the chain of signed reviews, amendments and
performance decisions, checking every hash and link. Reports the first broken entry.

Options
  --head SEQ:HASH   also confirm that the store still holds that entry unchanged, with the chain
                    intact up to it: the head printed by "fortnight log" (or by an earlier verify)
                    when a review log was exported. Entries added since are fine.

Exit codes: 0 all good; 1 the chain is broken or the head is not there unchanged; 2 a malformed
--head; 3 the file cannot be read or is invalid.`,
	flags: {head: {type: 'string'}},
	async run(ctx, _input, flags) {
		const given = flags['head'] as string | undefined;
		const head = given === undefined ? null : parseHead(given);
		const {data} = await readStoreFile(ctx.storePath);
		const problem = verifyChain(data.chain);
		if (problem) {
			ctx.stdout.write(`BROKEN: ${ctx.storePath}: entry ${problem.index}: ${problem.message}.\n`);
			return 1;
		}
		if (head) {
			const missing = headProblem(data.chain, head);
			if (missing) {
				ctx.stdout.write(`BROKEN: ${ctx.storePath}: entry ${head.seq}: ${missing}.\n`);
				return 1;
			}
		}
		const current = formatHead(chainHead(data.chain));
		const confirmed = head ? ` Entry ${head.seq} matches the recorded head ${formatHead(head)}${head.seq === data.chain.length - 1 ? '' : ` (${plural(data.chain.length - 1 - head.seq, 'entry', 'entries')} added since)`}.` : '';
		ctx.stdout.write(`OK: ${ctx.storePath} is valid; ${plural(data.cases.length, 'case')}; chain of ${plural(data.chain.length, 'entry', 'entries')} intact, head ${current}.${confirmed}\n`);
		return 0;
	},
};
export default command;

/** "605:3fa2..." (a 64-character lowercase SHA-256 in hex). */
export function parseHead(text: string): ChainHead {
	const m = /^(\d{1,12}):([0-9a-fA-F]{64})$/.exec(text.trim());
	if (!m) throw new UsageError(`--head must be SEQ:HASH, the sequence number and 64-character hash printed by "fortnight log" (got "${safeText(text).slice(0, 100)}").`);
	return {seq: Number(m[1]), hash: m[2]!.toLowerCase()};
}

/**
 * Why the store does not hold `head`, or null when it does. Called after verifyChain passed, so
 * every entry's position equals its sequence and every link holds: if entry `seq` still has the
 * recorded hash, the whole chain up to it is exactly what was exported.
 */
export function headProblem(chain: readonly ChainEntry[], head: ChainHead): string | null {
	const entry = chain[head.seq];
	if (!entry) return `the recorded head is missing: the chain has only ${plural(chain.length, 'entry', 'entries')} (entries were deleted since the export)`;
	if (entry.hash !== head.hash || hashEntry(entry) !== head.hash) {
		return `differs from the recorded head ${formatHead(head)}: this entry, or one before it, was changed or replaced since the export (its hash is now ${entry.hash})`;
	}
	return null;
}
