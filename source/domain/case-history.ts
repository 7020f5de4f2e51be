/**
 * A case's history: who held it on a day, its risk on a day, and when an officer's responsibility for
 * it began (README "Case history"). Rules judge a day, and trigger evidence belongs to the officer who
 * held the case when it arose, so a reallocation never moves the past onto the new officer.
 *
 * `oicId` and `allocatedOn` stay the authority for the present (the store refuses data where the last
 * allocation disagrees with them, store/validate-history.ts); the history adds the past. A case built
 * by hand whose history lags its oicId (a test fixture) reads as held by oicId from allocatedOn.
 */
import type {IsoDate} from './dates.js';
import type {Allocation, Case, Risk, RiskChange} from './model.js';

/** Why an allocation or a risk level has no recorded author: it was on record before the history was kept. */
export const BEFORE_HISTORY = {
	allocation: 'allocation on record before fortnight kept case history',
	risk: 'risk on record before fortnight kept case history',
	team: 'on record before fortnight kept team history',
} as const;

/** The reason recorded when an import changes the officer or the risk (README "fortnight import"). */
export const IMPORT_REASON = 'records-system import';

const lagging = new WeakMap<Case, readonly Allocation[]>();

/** Every allocation of the case, oldest first; the last is the current one (oicId from allocatedOn). */
export function allocationsOf(c: Case): readonly Allocation[] {
	const list = c.allocations;
	const last = list.at(-1);
	if (last && last.officerId === c.oicId && last.from === c.allocatedOn && last.to === null) return list;
	// A history that does not end in the present (only a hand-built case: the store refuses one) says
	// nothing reliable about the past: read it as the present allocation alone.
	let fixed = lagging.get(c);
	if (!fixed) {
		fixed = [{officerId: c.oicId, from: c.allocatedOn, to: null, by: null, reason: BEFORE_HISTORY.allocation, recordedAt: null}];
		lagging.set(c, fixed);
	}
	return fixed;
}

export function currentAllocation(c: Case): Allocation {
	return allocationsOf(c).at(-1)!;
}

/**
 * The officer who held the case on `date`, or null before its first recorded allocation. On the day
 * of a reallocation the case is the new officer's.
 */
export function holderOn(c: Case, date: IsoDate): string | null {
	const list = allocationsOf(c);
	for (let i = list.length - 1; i >= 0; i--) {
		const a = list[i]!;
		if (a.from <= date && (a.to === null || date < a.to)) return a.officerId;
	}
	return null;
}

/**
 * The first day an officer answers for how the case is run in this allocation: its first day; null for
 * the case's first recorded allocation, whose officer answers for everything before it too (nobody
 * else is on record as holding the case, and a first import records the allocation on the import day).
 */
export function responsibleFrom(c: Case, allocation: Allocation): IsoDate | null {
	const first = allocationsOf(c)[0];
	const isFirst = first === allocation || (first?.from === allocation.from && first.officerId === allocation.officerId);
	return isFirst ? null : allocation.from;
}

/** Allocations that have ended (the case passed to someone else), oldest first. */
export function pastAllocations(c: Case): Allocation[] {
	return allocationsOf(c).filter(a => a.to !== null);
}

/** The risk levels of the case, oldest first; the last is the current risk. */
export function riskHistoryOf(c: Case): readonly RiskChange[] {
	const list = c.riskHistory;
	const last = list.at(-1);
	if (last && last.risk === c.risk) return list;
	return [...list, {risk: c.risk, from: last?.from ?? c.opened, by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null}];
}

/** The case's risk on `date`, or null before its first recorded level. */
export function riskOn(c: Case, date: IsoDate): Risk | null {
	const list = riskHistoryOf(c);
	for (let i = list.length - 1; i >= 0; i--) if (list[i]!.from <= date) return list[i]!.risk;
	return null;
}

/** The case with its risk set to `risk` from `from`, the change recorded (unchanged when it is already that risk). */
export function withRisk(c: Case, risk: Risk, change: Omit<RiskChange, 'risk'>): Case {
	if (c.risk === risk) return c;
	return {...c, risk, riskHistory: [...riskHistoryOf(c), {risk, ...change}]};
}

/**
 * The case held by `officerId` from `from`: the current allocation ends that day and a new one begins.
 * Callers validate first (reallocate.ts); this only records.
 */
export function withAllocation(c: Case, next: Omit<Allocation, 'to'>): Case {
	const list = allocationsOf(c);
	const ended = list.map((a, i) => (i === list.length - 1 ? {...a, to: next.from} : a));
	return {...c, oicId: next.officerId, allocatedOn: next.from, allocations: [...ended, {...next, to: null}]};
}
