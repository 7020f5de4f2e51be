/**
 * Which planned import changes end or start a bail or an RUI (README "fortnight import"): safety-critical
 * facts, so an import that would change them lists each as a change to confirm (`--dry-run` shows the
 * list; the import writes them only once confirmed). A case added by the import is not listed: it had no
 * bail in fortnight to change. A new return date on a running bail is not a change of state.
 */
import type {Case} from '../model.js';
import type {CaseChange} from './plan.js';

/** One change of bail or RUI state, in words (raw store text: pass through safeText before showing). */
export interface BailStateChange {
	ref: string;
	row: number;
	words: string;
}

const running = <T extends {endedOn: string | null}>(x: T | null): x is T => x !== null && x.endedOn === null;
const endedOn = (x: {endedOn: string | null} | null): string => x?.endedOn ?? '';

function describe(before: Case, after: Case): string[] {
	const out: string[] = [];
	if (running(before.bail) && !running(after.bail)) out.push(`bail (return ${before.bail.returnDate}) ends ${endedOn(after.bail)}`.trim());
	if (!running(before.bail) && running(after.bail)) {
		out.push(`${before.bail ? 'ended bail restarts' : 'bail starts'}: bailed ${after.bail.bailedOn}, return ${after.bail.returnDate}`);
	}
	if (running(before.rui) && !running(after.rui)) out.push(`RUI (since ${before.rui.since}) ends ${endedOn(after.rui)}`.trim());
	if (!running(before.rui) && running(after.rui)) out.push(`released under investigation from ${after.rui.since}`);
	return out;
}

/** The changes of bail or RUI state in a plan's changes, in file order. */
export function bailStateChanges(changes: readonly CaseChange[]): BailStateChange[] {
	const out: BailStateChange[] = [];
	for (const c of changes) {
		if (c.kind !== 'update' || !c.before) continue;
		const words = describe(c.before, c.after);
		if (words.length > 0) out.push({ref: c.ref, row: c.row, words: words.join('; ')});
	}
	return out;
}

/** A key for comparing two lists (the plan confirmed and the plan made again under the store's lock). */
export function bailStateKey(list: readonly BailStateChange[]): string {
	return list.map(x => `${x.ref}\u0000${x.words}`).join('\u0001');
}
