/**
 * A new starter's old cases and the support agreed for them (docs/rules.md "New starters"). Source case:
 * a new detective inherited old cases with no training and a mentor who had a full caseload of their own.
 * The problem `new-starter-old-cases` offers two ways: reallocate the cases, or agree support for them
 * with the officer and mentor and record it. The agreement is a welfare event of kind
 * `new-starter-support` (welfare-record.ts): recorded, signed and checked by `verify` as a one-to-one is,
 * by whoever may record the officer's one-to-one (permissions.ts mayRecordWelfare). Before it could be
 * recorded the first way was words only, and an alarm nobody can clear teaches people to ignore the list
 * (DOMAIN "Acting on a problem"; QA 8 R5).
 *
 * Pure: the rule (rules/new-starter.ts) and the record (welfare-record.ts) both read these, so the cases
 * an agreement names are exactly the ones the rule would have named that day.
 */
import {isLive} from './case-facts.js';
import {currentAllocation, holderOn} from './case-history.js';
import {addMonths, type IsoDate} from './dates.js';
import type {Case, Officer, WelfareEvent} from './model.js';

/** The welfare event kind that records a support agreement. */
export const SUPPORT_KIND = 'new-starter-support' satisfies WelfareEvent['kind'];

export function isNewStarter(o: Officer, newStarterMonths: number, today: IsoDate): boolean {
	return o.joinedUnit <= today && addMonths(o.joinedUnit, newStarterMonths) > today;
}

/**
 * The day the case became an old case in this officer's hands: the latest of the day it aged past
 * `oldCaseMonths`, the day of its current allocation to them (README "Case history") and the day they
 * joined the unit. The problem runs from the earliest such day of its cases.
 */
export function oldCaseFrom(c: Case, o: Officer, oldCaseMonths: number): IsoDate {
	const aged = addMonths(c.opened, oldCaseMonths);
	const allocated = currentAllocation(c).from;
	let d = aged > allocated ? aged : allocated;
	if (d < o.joinedUnit) d = o.joinedUnit;
	return d;
}

/**
 * The old cases `o` held on `date`: live that day (not closed on or before it), held by them (holderOn)
 * and opened `oldCaseMonths` or more before it, in store order. What a support agreement of that day covers.
 */
export function oldCasesHeldOn(cases: readonly Case[], o: Officer, date: IsoDate, oldCaseMonths: number): Case[] {
	return cases.filter(
		c =>
			(isLive(c) || (c.closedOn !== null && c.closedOn > date)) && addMonths(c.opened, oldCaseMonths) <= date && holderOn(c, date) === o.id,
	);
}

/**
 * The support agreement that covers old case `c` of `o` on `today`, or undefined. One covers it when it
 * names the case, was recorded on or after the day the case became old in the officer's hands
 * (oldCaseFrom: a case allocated again, or first aged past the line, after the agreement is not covered)
 * and its mentor, if it named one, is still the officer's mentor (the support was agreed with that
 * mentor). It lasts the rest of the new-starter period: the monthly one-to-one is where it is revisited.
 */
export function supportCovering(
	events: readonly WelfareEvent[] | undefined,
	c: Case,
	o: Officer,
	oldCaseMonths: number,
	today: IsoDate,
): WelfareEvent | undefined {
	if (!events) return undefined;
	let from: IsoDate | undefined;
	for (const e of events) {
		if (e.kind !== SUPPORT_KIND || e.date > today || !e.caseRefs?.includes(c.ref)) continue;
		if (e.mentorId !== undefined && e.mentorId !== o.mentorId) continue;
		from ??= oldCaseFrom(c, o, oldCaseMonths);
		if (e.date >= from) return e;
	}
	return undefined;
}
