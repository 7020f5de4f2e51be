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
import type {Case, StoreData} from '../model.js';
import {comparedAfter} from './identical-updates.js';

export function officerSlice(data: StoreData, officerId: string, today: IsoDate): StoreData {
	const after = comparedAfter(data.settings, today);
	const wrote = (c: Case): boolean => {
		for (const u of c.updates) if (u.authorId === officerId && u.date > after && u.date <= today) return true;
		return false;
	};
	// Cases they passed on: trigger evidence from while they held them stays theirs (README "Case history").
	const heldBefore = (c: Case): boolean => c.allocations.some(a => a.officerId === officerId && a.to !== null);
	return {
		...data,
		cases: data.cases.filter(c => c.oicId === officerId || heldBefore(c) || wrote(c)),
		chain: data.chain.filter(e => e.kind === 'performance-decision' && e.data.officerId === officerId),
		concerns: data.concerns.filter(c => c.officerId === officerId),
		welfareEvents: data.welfareEvents.filter(w => w.officerId === officerId),
		actionPlans: data.actionPlans.filter(p => p.officerId === officerId),
	};
}
