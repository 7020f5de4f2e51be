/**
 * The pre-charge bail clock (PACE 1984 s.47ZA onwards). Bail runs from the day after arrest; the
 * applicable bail period can only be extended while it is still running, so the clock always says
 * when it ends and who must authorise the next extension.
 *
 * - PCSC Act 2022 regime (bailed on or after 28 October 2022): 3 months (custody officer), extendable
 *   to 6 months by an inspector, 9 by a superintendent, 12 by an assistant chief constable or
 *   commander (DPP-designated exceptionally complex cases), then only by a magistrates' court.
 * - Older regime (Policing and Crime Act 2017): 28 days (inspector), 3 months by a superintendent,
 *   then a magistrates' court.
 */
import {addDays, daysBeginningWith, daysBetween, monthsBeginningWith, type IsoDate} from './dates.js';
import type {Bail, BailAuthority, BailRegime} from './model.js';

interface Rung {
	authority: BailAuthority;
	/** Length of the period, beginning with the bail start date (the day after arrest), once this rung has authorised it. */
	months?: number;
	days?: number;
}

export const BAIL_LADDER: Record<BailRegime, readonly Rung[]> = {
	'pcsc-2022': [
		{authority: 'custody-officer', months: 3},
		{authority: 'inspector', months: 6},
		{authority: 'superintendent', months: 9},
		{authority: 'assistant-chief-constable', months: 12},
		{authority: 'magistrates-court'},
	],
	'pre-2022': [{authority: 'inspector', days: 28}, {authority: 'superintendent', months: 3}, {authority: 'magistrates-court'}],
};

export const AUTHORITY_NAMES: Record<BailAuthority, string> = {
	'custody-officer': 'a custody officer',
	inspector: 'an inspector',
	superintendent: 'a superintendent',
	'assistant-chief-constable': 'an assistant chief constable or commander (exceptionally complex cases only)',
	'magistrates-court': "a magistrates' court",
};

/** Short label for narrow places: "Insp", "Supt", "ACC", "Court". */
export const AUTHORITY_SHORT: Record<BailAuthority, string> = {
	'custody-officer': 'Custody',
	inspector: 'Insp',
	superintendent: 'Supt',
	'assistant-chief-constable': 'ACC',
	'magistrates-court': 'Court',
};

export interface BailClock {
	regime: BailRegime;
	bailedOn: IsoDate;
	returnDate: IsoDate;
	/** Last day of the currently authorised bail period. */
	periodEnd: IsoDate;
	/** Who authorised the current period. */
	currentAuthority: BailAuthority;
	/** Who must authorise the next extension (before periodEnd); a court once the police limits are used. */
	nextAuthority: BailAuthority;
	/** The period end the next extension could give, when the statute fixes it (null for a court). */
	nextPeriodEnd: IsoDate | null;
	/** Days from today to the return date (negative once passed). */
	daysToReturn: number;
	/** Days from today to the period end (negative once ended). */
	daysToPeriodEnd: number;
	/** The earlier of the return date and the period end: the date someone must act by. */
	deadline: IsoDate;
	daysToDeadline: number;
	/** True once the period has ended with bail still recorded as running: it can no longer be extended. */
	lapsed: boolean;
	/** True once the return date has passed with no record of the suspect answering bail. */
	returnMissed: boolean;
}

/** The bail start date: the day after the arrest (PACE s.47ZB(4)). `bailedOn` is the day of arrest. */
export function bailStartDate(bailedOn: IsoDate): IsoDate {
	return addDays(bailedOn, 1);
}

/**
 * The last day of the period a rung authorises: "N months (or 28 days) beginning with the bail start
 * date" (README, "Bail arithmetic"); null for a court, which sets its own date.
 */
function periodFrom(bailedOn: IsoDate, rung: Rung): IsoDate | null {
	const start = bailStartDate(bailedOn);
	if (rung.months !== undefined) return monthsBeginningWith(start, rung.months);
	if (rung.days !== undefined) return daysBeginningWith(start, rung.days);
	return null;
}

/** The statutory last day of the period `authority` may authorise under `regime`, or null (a court, or not on that ladder). */
export function statutoryPeriodEnd(regime: BailRegime, bailedOn: IsoDate, authority: BailAuthority): IsoDate | null {
	const rung = BAIL_LADDER[regime].find(r => r.authority === authority);
	return rung ? periodFrom(bailedOn, rung) : null;
}

/** The clock for bail that is still running; null when the case has no running bail. */
export function bailClock(bail: Bail | null, today: IsoDate): BailClock | null {
	if (!bail || bail.endedOn !== null) return null;
	const ladder = BAIL_LADDER[bail.regime];
	const last = bail.extensions.at(-1);
	const level = last
		? Math.max(
				0,
				ladder.findIndex(r => r.authority === last.authority),
			)
		: 0;
	const current = ladder[level]!;
	const periodEnd = last ? last.periodEnd : (periodFrom(bail.bailedOn, current) ?? bail.returnDate);
	const next = ladder[Math.min(level + 1, ladder.length - 1)]!;
	const nextPeriodEnd = next.authority === 'magistrates-court' ? null : periodFrom(bail.bailedOn, next);
	const deadline = bail.returnDate < periodEnd ? bail.returnDate : periodEnd;
	return {
		regime: bail.regime,
		bailedOn: bail.bailedOn,
		returnDate: bail.returnDate,
		periodEnd,
		currentAuthority: current.authority,
		nextAuthority: next.authority,
		nextPeriodEnd,
		daysToReturn: daysBetween(today, bail.returnDate),
		daysToPeriodEnd: daysBetween(today, periodEnd),
		deadline,
		daysToDeadline: daysBetween(today, deadline),
		lapsed: periodEnd < today,
		returnMissed: bail.returnDate < today,
	};
}

/**
 * The clock of `bail` as it stood on `day`, from what had been recorded by then (only the extensions
 * authorised by that day), judged as if still running: how the trends and the inspector's report tell a
 * bail that lapsed before it was ended (README "Lapsed or lapsing bail").
 */
export function bailClockAsOf(bail: Bail, day: IsoDate): BailClock {
	return bailClock({...bail, endedOn: null, extensions: bail.extensions.filter(x => x.date <= day)}, day)!;
}

/** Which regime bail given on `bailedOn` runs under. */
export function regimeFor(bailedOn: IsoDate, changeDate: IsoDate): BailRegime {
	return bailedOn >= changeDate ? 'pcsc-2022' : 'pre-2022';
}

/**
 * "suspect LB", or "the suspect" when no initials are recorded (an imported case may have none:
 * README, "fortnight import"); `start` capitalises it for the start of a sentence. Pass the result
 * through safeText (initials are store text).
 */
export function suspectWords(initials: string, start = false): string {
	const t = initials.trim();
	if (t !== '') return `${start ? 'Suspect' : 'suspect'} ${t}`;
	return start ? 'The suspect' : 'the suspect';
}
