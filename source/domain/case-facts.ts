/** Small facts about a case that many rules and views need, computed one way only. */
import {daysBetween, type IsoDate} from './dates.js';
import type {Case, ChainEntry, ReviewEntry, StoreData} from './model.js';
import {LIVE_STATUSES} from './model-values.js';

export function isLive(c: Case): boolean {
	return LIVE_STATUSES.includes(c.status);
}

export function liveCases(data: StoreData): Case[] {
	return data.cases.filter(isLive);
}

/** Date of the latest crime-report update, or null when there is none. */
export function lastUpdateDate(c: Case): IsoDate | null {
	let last: IsoDate | null = null;
	for (const u of c.updates) if (last === null || u.date > last) last = u.date;
	return last;
}

/** Days since the latest update (or since the case was opened when it has none). */
export function daysSinceUpdate(c: Case, today: IsoDate): number {
	return daysBetween(lastUpdateDate(c) ?? c.opened, today);
}

/** Signed reviews grouped by case reference, oldest first. One pass over the chain. */
export function reviewsByCase(chain: readonly ChainEntry[]): Map<string, ReviewEntry[]> {
	const m = new Map<string, ReviewEntry[]>();
	for (const e of chain) {
		if (e.kind !== 'review') continue;
		const list = m.get(e.data.caseRef);
		if (list) list.push(e);
		else m.set(e.data.caseRef, [e]);
	}
	return m;
}

export function caseByRef(data: StoreData, ref: string): Case | undefined {
	return data.cases.find(c => c.ref === ref);
}

/** Open actions (not done, not dropped). */
export function openActions(c: Case): Case['actions'] {
	return c.actions.filter(isOpen);
}

/** An action not done and not dropped. */
export function isOpen(a: Case['actions'][number]): boolean {
	return a.status === 'open' || a.status === 'in-progress';
}
