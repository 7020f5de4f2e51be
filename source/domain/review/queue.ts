/**
 * The review queue (`R` in the desk): every live case whose review is due today or overdue, most
 * overdue first, so the sergeant works through them with `n` for the next. Given who is reviewing,
 * only the cases they may review that day (permissions.ts mayReview): a cover's own cases are not in
 * their queue but in the inspector's (README "The guided 14-day review", no one supervises themselves).
 */
import {isLive} from '../case-facts.js';
import {daysBetween, type IsoDate} from '../dates.js';
import type {Risk, StoreData} from '../model.js';
import {mayReviewCase} from '../permissions.js';

export interface QueueItem {
	ref: string;
	oicId: string;
	risk: Risk;
	due: IsoDate;
	/** 0 when due today. */
	daysOverdue: number;
	hasDraft: boolean;
}

const RISK_ORDER: Record<Risk, number> = {high: 0, medium: 1, low: 2};

export function reviewQueue(data: StoreData, today: IsoDate, reviewerId: string | null = null): QueueItem[] {
	const drafts = new Set(data.drafts.map(d => d.caseRef));
	const items: QueueItem[] = [];
	for (const c of data.cases) {
		if (!isLive(c) || c.nextReviewDue > today) continue;
		if (reviewerId !== null && !mayReviewCase(data, reviewerId, c, today).ok) continue;
		items.push({
			ref: c.ref,
			oicId: c.oicId,
			risk: c.risk,
			due: c.nextReviewDue,
			daysOverdue: daysBetween(c.nextReviewDue, today),
			hasDraft: drafts.has(c.ref),
		});
	}
	// Most overdue first; on the same day higher risk first; then by reference so the order is stable.
	return items.sort((a, b) =>
		a.due !== b.due ? (a.due < b.due ? -1 : 1) : RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
	);
}

/**
 * The next case to review after `currentRef` (skipping it, since it may still be due when the sergeant
 * moves on without signing). Null when the queue is empty.
 */
export function nextInQueue(
	data: StoreData,
	today: IsoDate,
	currentRef: string | null = null,
	reviewerId: string | null = null,
): QueueItem | null {
	const q = reviewQueue(data, today, reviewerId);
	const i = currentRef === null ? -1 : q.findIndex(x => x.ref === currentRef);
	// After the current case first; then wrap round, since cases before it may still be due too.
	return q.slice(i + 1).find(x => x.ref !== currentRef) ?? q.find(x => x.ref !== currentRef) ?? null;
}
