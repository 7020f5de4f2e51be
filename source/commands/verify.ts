import {formatHead, chainHead, verifyChain} from '../store/chain.js';
import {readStoreFile} from '../store/store.js';
import type {Command} from './command.js';

const command: Command = {
	name: 'verify',
	summary: "check the store's schema and the review chain's hashes",
	help: `Usage: fortnight verify [--store PATH]

Checks that the store file is valid and walks the chain of signed reviews, amendments and
performance decisions, checking every hash and link. Reports the first broken entry.

Exit codes: 0 all good; 1 the chain is broken; 3 the file cannot be read or is invalid.`,
	flags: {},
	async run(ctx) {
		const {data} = await readStoreFile(ctx.storePath);
		const problem = verifyChain(data.chain);
		if (problem) {
			ctx.stdout.write(`BROKEN: ${ctx.storePath}: ${problem.message}.\n`);
			return 1;
		}
		ctx.stdout.write(`OK: ${ctx.storePath} is valid; ${data.cases.length} cases; chain of ${data.chain.length} entries intact, head ${formatHead(chainHead(data.chain))}.\n`);
		return 0;
	},
};
export default command;
