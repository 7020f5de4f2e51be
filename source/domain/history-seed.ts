/**
 * The history a case or team starts with when it has none yet: what the store already knows, and no
 * more (README "Case history"). Used by the schema 1 to 2 migration (store/migrate-history.ts) and the
 * generator, so a generated store and a migrated one read the same.
 *
 * - Allocation: the current officer from allocatedOn (earlier holders were not recorded).
 * - Risk: from the signed reviews in the chain (riskBefore and riskAfter of each, in chain order),
 *   starting from the day the case opened; with no review, the current risk from the day it opened.
 *   A level found changed between reviews (an import) is dated by the review that found it, since
 *   the day it changed was not recorded.
 * - Team: its present sergeant and inspector, since before the history was kept.
 */
import type {IsoDate} from './dates.js';
import type {Allocation, Case, Risk, RiskChange, StoreData} from './model.js';
import {BEFORE_HISTORY} from './case-history.js';
import {seedSupervision} from './team-history.js';

/** What the seed reads from one signed review. */
export interface ReviewRisk {
	seq: number;
	date: IsoDate;
	reviewerId: string;
	riskBefore: Risk;
	riskAfter: Risk;
	riskRationale: string | null;
}

export function seedAllocations(c: Pick<Case, 'oicId' | 'allocatedOn'>): Allocation[] {
	return [{officerId: c.oicId, from: c.allocatedOn, to: null, by: null, reason: BEFORE_HISTORY.allocation, recordedAt: null}];
}

/** The case's risk levels from its reviews (oldest first, in chain order). */
export function seedRiskHistory(c: Pick<Case, 'risk' | 'opened'>, reviews: readonly ReviewRisk[]): RiskChange[] {
	const out: RiskChange[] = [];
	let running: Risk | null = null;
	let lastDate: IsoDate = c.opened;
	for (const r of reviews) {
		if (running === null) {
			out.push({risk: r.riskBefore, from: r.date < c.opened ? r.date : c.opened, by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null});
		} else if (r.riskBefore !== running) {
			const reason = `found changed outside a review at the review of ${r.date} (the day it changed was not recorded)`;
			out.push({risk: r.riskBefore, from: r.date, by: null, reason, reviewSeq: null});
		}
		running = r.riskBefore;
		if (r.riskAfter !== running) {
			out.push({risk: r.riskAfter, from: r.date, by: r.reviewerId, reason: r.riskRationale ?? 'set at a signed review', reviewSeq: r.seq});
			running = r.riskAfter;
		}
		if (r.date > lastDate) lastDate = r.date;
	}
	if (running === null) out.push({risk: c.risk, from: c.opened, by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null});
	else if (c.risk !== running) {
		const reason = `changed outside a review after the review of ${lastDate} (the day it changed was not recorded)`;
		out.push({risk: c.risk, from: lastDate, by: null, reason, reviewSeq: null});
	}
	return out;
}

/** Signed reviews' risk facts per case reference, in chain order. */
export function reviewRisksByCase(chain: StoreData['chain']): Map<string, ReviewRisk[]> {
	const out = new Map<string, ReviewRisk[]>();
	for (const e of chain) {
		if (e.kind !== 'review') continue;
		const d = e.data;
		const r: ReviewRisk = {
			seq: e.seq,
			date: d.date,
			reviewerId: d.reviewerId,
			riskBefore: d.riskBefore,
			riskAfter: d.riskAfter,
			riskRationale: d.riskRationale,
		};
		const list = out.get(d.caseRef);
		if (list) list.push(r);
		else out.set(d.caseRef, [r]);
	}
	return out;
}

/** The store with every case's and the team's history seeded from what it already records (the generator's last step). */
export function seedStoreHistory(data: StoreData): StoreData {
	const reviews = reviewRisksByCase(data.chain);
	return {
		...data,
		team: {...data.team, supervision: seedSupervision(data.team, BEFORE_HISTORY.team)},
		cases: data.cases.map(c => ({...c, allocations: seedAllocations(c), riskHistory: seedRiskHistory(c, reviews.get(c.ref) ?? [])})),
	};
}
