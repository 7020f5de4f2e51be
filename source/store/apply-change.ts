/**
 * What every store does with a change before writing it (store README, "The Store interface"): re-run it
 * on the freshest data when another user saved since the snapshot (unless both touched the same field),
 * give it the next revision, validate it, and refuse one that alters signed entries, links to a stale
 * head or carries an entry nobody could verify. The file store and the PostgreSQL store both call this
 * under their own lock (a lock file; the team's row), then write the candidate their own way.
 */
import type {StoreData} from '../domain/model.js';
import {SCHEMA_VERSION} from '../domain/model.js';
import {safeText} from '../domain/safe-text.js';
import {entryFieldProblem, hashEntry, verifyAppended} from './chain.js';
import {describeChanges, diffStores, findClash, type ClashSurface} from './conflict.js';
import {StoreError} from './errors.js';
import {verifySignatures} from './signatures.js';
import {sharedHead, validateStore} from './validate.js';

export interface Prepared {
	candidate: StoreData;
	merged: boolean;
	othersChanged?: string[];
}

/**
 * The data to write for `change`, made on `fresh` (the store as it is now, validated) for a user who saw
 * `mine`. Throws StoreError 'conflict', 'invalid' or 'key'; nothing is written either way.
 */
export function prepareChange(
	mine: StoreData,
	fresh: StoreData,
	change: (data: StoreData) => StoreData,
	options: {surface: ClashSurface; where: string; now: () => Date},
): Prepared {
	const {surface, where} = options;
	let merged = false;
	let othersChanged: string[] | undefined;
	let next: StoreData | undefined;
	// `fresh` is the very object the user sees unless the store changed since the snapshot was taken
	// (including a change first noticed by an earlier apply that then failed with a conflict).
	if (fresh !== mine) {
		// Another user saved since the snapshot was taken: an instance holding an older version never
		// overwrites newer data. The change is pure, so it is re-run on their data, unless both
		// edited the same field, which only a person can resolve.
		const theirs = diffStores(mine, fresh);
		if (theirs.size > 0) {
			let ours: ReturnType<typeof diffStores>;
			try {
				ours = diffStores(mine, change(mine));
			} catch {
				ours = new Map(); // the change only makes sense on the fresh data; let that run decide
			}
			const rerun = () => diffStores(fresh, (next ??= change(fresh)));
			const clash = findClash(theirs, ours, surface, rerun);
			if (clash) throw new StoreError('conflict', clash.message, where);
			merged = true;
			othersChanged = describeChanges(theirs);
		}
	}
	next ??= change(fresh);
	const candidate: StoreData = {
		...next,
		schemaVersion: SCHEMA_VERSION,
		revision: fresh.revision + 1,
		updatedAt: options.now().toISOString(),
	};
	// `fresh` was validated when read or written: only the records the change adds or replaces are checked again.
	const problem = validateStore(candidate, fresh);
	if (problem) {
		throw new StoreError(
			'invalid',
			`That change would make ${where} invalid (at ${safeText(problem.path)}, ${safeText(problem.message)}), so it was not saved.`,
			where,
		);
	}
	// Signed entries are append-only: a change may add entries, never alter or remove one.
	if (!keepsSignedEntries(fresh.chain, candidate.chain)) {
		throw new StoreError(
			'invalid',
			`That change would alter or remove signed entries in the review chain of ${where}; ` +
				'signed reviews can only be amended by a new entry, so it was not saved.',
			where,
		);
	}
	// Entries made against stale data would not link to the entries already saved.
	const broken = verifyAppended(candidate.chain, fresh.chain.length);
	if (broken) {
		const again = surface === 'desk' ? 'Reload and sign again.' : 'Run the command again.';
		const why = `so this entry no longer links (${broken.message}); it was not saved. ${again}`;
		throw new StoreError('conflict', `Another user signed an entry in the review chain at the same moment, ${why}`, where);
	}
	// Once the store has enrolled keys, an entry nobody could verify is never written (README, "Signatures").
	const unsigned = candidate.chain.length > fresh.chain.length ? verifySignatures(candidate, fresh.chain.length).problem : null;
	if (unsigned) {
		throw new StoreError(
			'key',
			`${unsigned.message[0]!.toUpperCase()}${unsigned.message.slice(1)}, so nothing was saved to ${where}. ` +
				`Sign with your own enrolled key ("fortnight keys init", then have it enrolled).`,
			where,
		);
	}
	return {candidate, merged, ...(othersChanged ? {othersChanged} : {})};
}

/** True when `next` starts with every entry of `chain` unchanged (same object, or same content, fields and hash). */
function keepsSignedEntries(chain: StoreData['chain'], next: StoreData['chain']): boolean {
	if (next.length < chain.length) return false;
	for (let i = sharedHead(next, chain); i < chain.length; i++) {
		const a = chain[i]!;
		const b = next[i]!;
		if (a !== b && (a.hash !== b.hash || entryFieldProblem(b) !== null || hashEntry(b) !== b.hash)) return false;
	}
	return true;
}
