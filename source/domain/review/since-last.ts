/**
 * Step 1, "Since last review": generated, read-only. What has happened on the case since it was last
 * reviewed, so the sergeant reviews the record and not their memory of it. Text fields here are store
 * text: the UI must pass them through safeText/safeMultiline before drawing them.
 */
import {bailClock, type BailClock} from '../bail.js';
import {daysBetween, type IsoDate} from '../dates.js';
import type {CrimeUpdate, Forensic, Mg3Status, Victim} from '../model.js';
import type {Problem} from '../problem.js';
import type {ReviewContext} from './context.js';

export interface SinceLastReview {
	/** Date of the previous signed review, or null when this is the first. */
	previousReviewDate: IsoDate | null;
	/** Days since the previous review (or since allocation for a first review). */
	daysSince: number;
	/** The date the window starts from (previous review, or allocation). */
	since: IsoDate;
	/** The date this review was due, and how late it is today (0 when not late). */
	dueDate: IsoDate;
	daysLate: number;
	/** Crime-report updates after `since`, oldest first, with their full text. */
	updates: CrimeUpdate[];
	/** Days since the latest update (from the case's opening when there is none). */
	daysSinceUpdate: number;
	bail: BailClock | null;
	rui: {since: IsoDate; lastSuspectUpdate: IsoDate | null; daysSinceSuspectUpdate: number} | null;
	victim: {
		serviceLevel: Victim['serviceLevel'];
		lastUpdate: IsoDate | null;
		daysSinceUpdate: number | null;
		overdue: Problem | null;
	} | null;
	forensics: {waiting: (Forensic & {ageDays: number})[]; resultsSince: Forensic[]};
	mg3: {status: Mg3Status; since: IsoDate | null; days: number | null};
	/** This case's problems from the rules engine, most urgent first. */
	problems: Problem[];
}

export function sinceLastReview(ctx: ReviewContext): SinceLastReview {
	const c = ctx.case;
	const today = ctx.today;
	const previousReviewDate = ctx.previousReview?.data.date ?? null;
	const since = previousReviewDate ?? c.allocatedOn;
	const updates = c.updates.filter(u => u.date > since).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	let lastUpdate: IsoDate | null = null;
	for (const u of c.updates) if (lastUpdate === null || u.date > lastUpdate) lastUpdate = u.date;
	const victimLast = c.victim?.updates.reduce<IsoDate | null>((m, d) => (m === null || d > m ? d : m), null) ?? null;
	return {
		previousReviewDate,
		since,
		daysSince: daysBetween(since, today),
		dueDate: c.nextReviewDue,
		daysLate: Math.max(0, daysBetween(c.nextReviewDue, today)),
		updates,
		daysSinceUpdate: daysBetween(lastUpdate ?? c.opened, today),
		bail: c.bail && c.bail.endedOn === null ? bailClock(c.bail, today) : null,
		rui:
			c.rui && c.rui.endedOn === null
				? {
						since: c.rui.since,
						lastSuspectUpdate: c.rui.lastSuspectUpdate,
						daysSinceSuspectUpdate: daysBetween(c.rui.lastSuspectUpdate ?? c.rui.since, today),
					}
				: null,
		victim: c.victim
			? {
					serviceLevel: c.victim.serviceLevel,
					lastUpdate: victimLast,
					daysSinceUpdate: victimLast === null ? null : daysBetween(victimLast, today),
					overdue: ctx.caseProblems.find(p => p.kind === 'victim-update-overdue') ?? null,
				}
			: null,
		forensics: {
			waiting: c.forensics.filter(f => f.resultOn === null).map(f => ({...f, ageDays: daysBetween(f.submitted, today)})),
			resultsSince: c.forensics.filter(f => f.resultOn !== null && f.resultOn > since),
		},
		mg3: {status: c.cps.mg3Status, since: c.cps.mg3Since, days: c.cps.mg3Since ? daysBetween(c.cps.mg3Since, today) : null},
		problems: ctx.caseProblems,
	};
}
