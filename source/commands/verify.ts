import {formatHead, hashEntry, StoreError, verifyWholeChain, wholeChainBatches, withoutReceipts} from '../store/index.js';
import type {ChainHead, ChainVerdict, SignatureReport} from '../store/index.js';
import {enrolledKeysWords, officerName, sharedKeysWords} from '../domain/enrolled-keys.js';
import {firstEnrolmentProblem} from '../domain/first-enrolment.js';
import type {RecordReport} from '../domain/record-check.js';
import {safeText} from '../domain/safe-text.js';
import type {StoreData} from '../domain/model.js';
import {out, say, type Command} from './command.js';
import {checkNamedActor, UsageError} from './context.js';
import {readForReader} from './read-scope.js';
import {plural} from '../domain/plural.js';

const command: Command = {
	name: 'verify',
	summary: "check the store's schema and the review chain's hashes",
	help: `Usage: fortnight verify [--store PATH] [--head SEQ:HASH]

Checks that the store file is valid and walks the chain of signed reviews, amendments,
performance decisions and key enrolments, checking every hash and link, then every signature
against the keys enrolled before it and who was entitled to enrol them (a second key for an
officer only by the inspector or their own old key), and whether each review, performance decision
and welfare record was its actor's to make on its date (no one supervises themselves). It checks the
store in full, never on a validation receipt's word. Entries made before the
store's first enrolled key are counted as "made before signatures" (hashed, not signed). Reports
the first broken entry. The chain is read entry by entry from its own file (team.chain.jsonl beside
team.json), and the store's copy of the entries the rules read must match it.

Options
  --head SEQ:HASH   also confirm that the store still holds that entry unchanged, with the chain
                    intact up to it: the head printed by "fortnight log" (or by an earlier verify)
                    when a review log was exported. Entries added since are fine.

When all is well it names who vouched for each enrolled key, prints the store creator's whole
fingerprint (compare it out of band), and points out an officer with more than one enrolled key.

One key (fingerprint) enrolled for more than one officer is reported as a PROBLEM naming the entry that
enrolled it for the second: whoever holds it signs as any of them ("keys enrol" refuses it).

A store whose first key enrolment was made by someone who was not the team's sergeant or inspector
(possible before "keys init" refused it) is reported as a PROBLEM: from that entry on, the sergeant and
inspector cannot sign; the message says what to do.

Exit codes: 0 all good; 1 the chain is broken (or its file, or the journal team.journal.jsonl, was
altered: its text does not match its hashes), the head is not there unchanged, or the first key
enrolment is not the sergeant's or inspector's, or a key is enrolled for several officers; 2 a malformed --head; 3 the file cannot be read or is
invalid.`,
	takesWords: false,
	flags: {head: {type: 'string'}},
	async run(ctx, _input, flags) {
		const given = flags['head'] as string | undefined;
		const head = given === undefined ? null : parseHead(given);
		let verdict: ChainVerdict;
		let data: StoreData;
		try {
			// The audit checks in full: it never vouches for a store on a validation receipt's word (REVIEW-9 N6).
			const read = await withoutReceipts(() => readForReader(ctx, {verifying: true}));
			data = read.data;
			checkNamedActor(ctx, data);
			for (const warning of read.warnings) say(ctx, `${warning}\n`);
			// A split store's chain is streamed from its file, entry by entry (store README, "The review chain file").
			verdict = await verifyWholeChain(wholeChainBatches(ctx.storePath, data), data, head?.seq ?? null);
		} catch (err) {
			// The chain file does not hold what the store records (missing, cut short, an entry that cannot be
			// read: chain-walk.ts names it), or the journal's text does not match its hashes (altered after it
			// was written): the store is broken, which is what verify is for (exit 1). A store that cannot be
			// read at all (the state file) stays exit 3.
			if (err instanceof StoreError && (err.code === 'chain' || err.code === 'journal')) {
				await out(ctx, `BROKEN: ${ctx.storePath}: ${safeText(err.message)}\n`);
				return 1;
			}
			throw err;
		}
		const problem = verdict.problem;
		if (problem) {
			await out(ctx, `BROKEN: ${ctx.storePath}: entry ${problem.index}: ${safeText(problem.message)}.\n`);
			return 1;
		}
		const sigs = verdict.signatures;
		if (sigs.problem) {
			await out(ctx, `BROKEN: ${ctx.storePath}: entry ${sigs.problem.index}: ${safeText(sigs.problem.message)}.\n`);
			return 1;
		}
		// An act its actor could not take (REVIEW-9 D4), in the same "entry N: <reason>" form.
		if (verdict.authority) {
			await out(ctx, `BROKEN: ${ctx.storePath}: entry ${verdict.authority.index}: ${safeText(verdict.authority.message)}.\n`);
			return 1;
		}
		if (verdict.records.problem) {
			await out(ctx, `BROKEN: ${ctx.storePath}: ${safeText(verdict.records.problem)}.\n`);
			return 1;
		}
		if (head) {
			const missing = headProblem(verdict, head);
			if (missing) {
				await out(ctx, `BROKEN: ${ctx.storePath}: entry ${head.seq}: ${missing}.\n`);
				return 1;
			}
		}
		const count = verdict.entries;
		const current = formatHead(verdict.head);
		// A first enrolment an officer made (before keys init refused it) locks the sergeant and inspector out of signing.
		const creator = verdict.firstEnrolment && firstEnrolmentProblem(data, verdict.firstEnrolment);
		if (creator) {
			await out(ctx, `PROBLEM: ${ctx.storePath}: ${creator}.\n`);
			await out(ctx, `The chain itself is intact: ${plural(count, 'entry', 'entries')}, head ${current}.\n`);
			return 1;
		}
		// One key enrolled for several officers (QA 9 D5): its holder signs as any of them, so the signatures
		// that follow prove no one's authorship; keys enrol refuses it now, a chain written before may hold one.
		const shared = sharedKeysWords(sigs.vouched, officerName(data.officers));
		if (shared.length > 0) {
			for (const {seq, words} of shared) await out(ctx, `PROBLEM: ${ctx.storePath}: entry ${seq}: ${words}.\n`);
			await out(ctx, `The chain itself is intact: ${plural(count, 'entry', 'entries')}, head ${current}.\n`);
			for (const line of enrolledKeysWords(sigs.vouched, officerName(data.officers))) await out(ctx, line + '\n');
			return 1;
		}
		// Rows of a PostgreSQL team set aside as unreadable (source/store/validate-records.ts): the team read, but
		// not all of it is valid, which verify must not call valid (docs/rules.md "Records set aside").
		const aside = data.setAside ?? [];
		if (aside.length > 0) {
			const rows = aside.map(r => `${r.table} row ${safeText(r.key)} (${safeText(r.problem)})`).join('; ');
			await out(
				ctx,
				`PROBLEM: ${ctx.storePath}: ${plural(aside.length, 'record')} cannot be read and ${aside.length === 1 ? 'is' : 'are'} set aside: ${rows}.\n`,
			);
			await out(
				ctx,
				`The database owner corrects or restores those rows. The chain itself is intact: ${plural(count, 'entry', 'entries')}, head ${current}.\n`,
			);
			return 1;
		}
		const confirmed = head
			? ` Entry ${head.seq} matches the recorded head ${formatHead(head)}` +
				`${head.seq === count - 1 ? '' : ` (${plural(count - 1 - head.seq, 'entry', 'entries')} added since)`}.`
			: '';
		await out(
			ctx,
			`OK: ${ctx.storePath} is valid; ${plural(data.cases.length, 'case')}; chain of ${plural(count, 'entry', 'entries')} intact, head ${current}.${confirmed}\n`,
		);
		await out(ctx, signatureWords(sigs) + '\n');
		await out(ctx, recordWords(verdict.records) + '\n');
		// Who vouched for each key, the creator's whole fingerprint, an officer with several keys (REVIEW-9 D1, N7).
		for (const line of enrolledKeysWords(sigs.vouched, officerName(data.officers))) await out(ctx, line + '\n');
		return 0;
	},
};
export default command;

/** "Signatures: 3 entries signed by 2 enrolled keys; 605 entries signed before signatures (hashed only)." */
export function signatureWords(r: SignatureReport): string {
	const parts: string[] = [];
	if (r.signed > 0)
		parts.push(`${plural(r.signed, 'entry', 'entries')} signed by enrolled keys (${plural(r.enrolled, 'officer')} enrolled)`);
	if (r.beforeSignatures > 0)
		parts.push(
			`${plural(r.beforeSignatures, 'entry', 'entries')} made before signatures (hashed only, not signed: their authors are not proven)`,
		);
	if (parts.length === 0) return 'Signatures: the chain is empty.';
	return `Signatures: ${parts.join('; ')}.${r.enrolled === 0 ? ' No key is enrolled: "fortnight keys init" starts signing.' : ''}`;
}

/**
 * "Supervisory records: 3 signed by their authors; 40 recorded before signatures (not in the chain: who
 * recorded them is not proven)." (README, "Signed records".)
 */
export function recordWords(r: RecordReport): string {
	const parts: string[] = [];
	if (r.signed > 0) parts.push(`${plural(r.signed, 'record')} signed by ${r.signed === 1 ? 'its author' : 'their authors'}`);
	if (r.hashedOnly > 0) parts.push(`${plural(r.hashedOnly, 'record')} in the chain, hashed only (made before keys were enrolled)`);
	if (r.beforeSignatures > 0)
		parts.push(
			`${plural(r.beforeSignatures, 'record')} recorded before signatures ` +
				`(not in the chain: who recorded ${r.beforeSignatures === 1 ? 'it' : 'them'} is not proven)`,
		);
	if (parts.length === 0) return 'Supervisory records (bail events, welfare events, reallocations, absences): none.';
	return `Supervisory records (bail events, welfare events, reallocations, absences): ${parts.join('; ')}.`;
}

/** "605:3fa2..." (a 64-character lowercase SHA-256 in hex). */
export function parseHead(text: string): ChainHead {
	const m = /^(\d{1,12}):([0-9a-fA-F]{64})$/.exec(text.trim());
	if (!m)
		throw new UsageError(
			`--head must be SEQ:HASH, the sequence number and 64-character hash printed by "fortnight log" (got "${safeText(text).slice(0, 100)}").`,
		);
	return {seq: Number(m[1]), hash: m[2]!.toLowerCase()};
}

/**
 * Why the store does not hold `head`, or null when it does. Called after the walk found every entry's
 * position equal to its sequence and every link intact: if entry `seq` still has the recorded hash, the
 * whole chain up to it is exactly what was exported.
 */
export function headProblem(verdict: Pick<ChainVerdict, 'entries' | 'at'>, head: ChainHead): string | null {
	const entry = verdict.at;
	if (!entry)
		return `the recorded head is missing: the chain has only ${plural(verdict.entries, 'entry', 'entries')} (entries were deleted since the export)`;
	if (entry.hash !== head.hash || hashEntry(entry) !== head.hash) {
		return (
			`differs from the recorded head ${formatHead(head)}: this entry, or one before it, was changed or replaced since the export (its hash is now ` +
			`${entry.hash})`
		);
	}
	return null;
}
