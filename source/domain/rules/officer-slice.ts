/**
 * One officer's part of the store: enough to work out that officer's performance trigger and welfare
 * check-in facts exactly, at a fraction of the cost of running the rules over a whole department's
 * store. Signing a review needs these facts fresh (someone else may have recorded a decision, a
 * concern or a check-in for the same officer while the review was open), inside the store's lock,
 * where running every rule over 5,000 cases and 100,000 updates would cost more than the write.
 *
 * What is kept (in the store's order, so evidence comes out in the same order):
 * - cases: those the officer holds or held and passed on (red for updates, stalled actions and
 *   deliverables), and every case carrying an update the officer wrote inside the identical-update
 *   window (that comparison buckets updates by author and day, across every case);
 * - chain: only the officer's performance decisions (the trigger reads no other entry; a department's
 *   chain holds 50,000+ reviews);
 * - concerns, welfare events and action plans: the officer's own;
 * - officers, absences, settings, team: whole (names, supervisors, mentors).
 * A slice is not a store: its chain does not verify and its other findings are not the store's.
 *
 * Exact for `triggerIn` and for the officer's welfare and new-starter one-to-one findings
 * (test/domain/rules/officer-slice.test.ts compares them with the whole store's, officer by officer).
 * Other findings on a slice (team workload, other officers' triggers) are not the store's: do not use them.
 */
import type {IsoDate} from '../dates.js';
import type {Case, ChainEntry, StoreData} from '../model.js';
import {sharedEnds, sharedStart} from '../list-edits.js';
import {comparedAfter} from './identical-updates.js';

export function officerSlice(data: StoreData, officerId: string, today: IsoDate): StoreData {
	const keep = keptCases(data, officerId, today);
	return {
		...data,
		cases: data.cases.filter((_, i) => keep[i] === 1),
		chain: [...decisionsOf(data.chain, officerId)],
		concerns: data.concerns.filter(c => c.officerId === officerId),
		welfareEvents: data.welfareEvents.filter(w => w.officerId === officerId),
		actionPlans: data.actionPlans.filter(p => p.officerId === officerId),
	};
}

/** Whether the officer's slice keeps case `c`: they hold it, held it and passed it on, or wrote an update in the window. */
function keeps(c: Case, officerId: string, after: IsoDate, today: IsoDate): boolean {
	if (c.oicId === officerId) return true;
	// Cases they passed on: trigger evidence from while they held them stays theirs (README "Case history").
	if (c.allocations.some(a => a.officerId === officerId && a.to !== null)) return true;
	// An imported update is judged as its holder's of that date (identical-updates.ts), whom the lines above keep.
	for (const u of c.updates) if (u.authorId === officerId && u.source !== 'import' && u.date > after && u.date <= today) return true;
	return false;
}

/**
 * Which cases each officer's slice keeps, for the latest list of cases seen. The store's data is immutable
 * and a signing replaces one case of 5,000, so the next signing (another officer's case, often) re-asks
 * only the cases that are not the very objects they were, instead of reading 100,000 updates again.
 */
let kept: {cases: readonly Case[]; today: IsoDate; after: IsoDate; byOfficer: Map<string, Uint8Array>} | null = null;

function keptCases(data: StoreData, officerId: string, today: IsoDate): Uint8Array {
	const after = comparedAfter(data.settings, today);
	const cases = data.cases;
	if (kept && kept.cases !== cases && kept.today === today && kept.after === after && kept.cases.length === cases.length) {
		const changed: number[] = [];
		// Only the cases between the two lists' shared ends can differ (a signing's own list says where, list-edits.ts).
		const {head, tail} = sharedEnds(cases, kept.cases);
		for (let i = head; i < cases.length - tail && changed.length <= cases.length / 8; i++) if (cases[i] !== kept.cases[i]) changed.push(i);
		if (changed.length <= cases.length / 8) {
			for (const [id, keep] of kept.byOfficer) for (const i of changed) keep[i] = keeps(cases[i]!, id, after, today) ? 1 : 0;
			kept.cases = cases;
		}
	}
	if (!kept || kept.cases !== cases || kept.today !== today || kept.after !== after) kept = {cases, today, after, byOfficer: new Map()};
	let keep = kept.byOfficer.get(officerId);
	if (!keep) {
		keep = new Uint8Array(cases.length);
		for (let i = 0; i < cases.length; i++) keep[i] = keeps(cases[i]!, officerId, after, today) ? 1 : 0;
		kept.byOfficer.set(officerId, keep);
	}
	return keep;
}

/**
 * Each officer's performance decisions in the latest chain seen, in chain order. The chain only grows
 * (its entries are immutable), so a chain that starts with the very entries of the last one seen is
 * read from where that one ended: a signing adds an entry to 50,000, and the check that the rest are the
 * same objects costs a comparison an entry, not a look inside each.
 */
let decisions: {chain: readonly ChainEntry[]; byOfficer: Map<string, ChainEntry[]>} | null = null;

function decisionsOf(chain: readonly ChainEntry[], officerId: string): readonly ChainEntry[] {
	let from = 0;
	if (decisions && decisions.chain !== chain && startsWithAll(chain, decisions.chain)) {
		from = decisions.chain.length;
		// Copied on write: a slice made from the shorter chain keeps what it was given.
		decisions = {chain, byOfficer: new Map(decisions.byOfficer)};
	} else if (!decisions || decisions.chain !== chain) decisions = {chain, byOfficer: new Map()};
	else from = chain.length;
	const byOfficer = decisions.byOfficer;
	for (let i = from; i < chain.length; i++) {
		const e = chain[i]!;
		if (e.kind !== 'performance-decision') continue;
		byOfficer.set(e.data.officerId, [...(byOfficer.get(e.data.officerId) ?? []), e]);
	}
	return byOfficer.get(officerId) ?? [];
}

/** True when `chain` starts with every entry of `before` (the very objects): at once for a chain made by appending to it (list-edits.ts). */
function startsWithAll(chain: readonly ChainEntry[], before: readonly ChainEntry[]): boolean {
	return chain.length >= before.length && sharedStart(chain, before) >= before.length;
}
