/**
 * The next review date. It comes from the risk after this review (high 7 days, medium and low 14 by
 * default) and is never later than that: the sergeant may bring it forward, never push it back. The
 * cadence is itself capped at settings.reviewCapDays (28), so no setting can stretch a review gap
 * beyond the cap the domain fixes.
 */
import {addDays, isIsoDate, parseUserDate, type IsoDate} from '../dates.js';
import type {Risk, Settings} from '../model.js';
import {cadenceDays} from '../rules/review-due.js';

export interface ReviewWindow {
	/** Days the risk cadence sets, after the cap. */
	days: number;
	/** The date the cadence sets: the default, and the latest allowed. */
	latest: IsoDate;
	/** The earliest allowed (tomorrow: a review signed today cannot be due again today). */
	earliest: IsoDate;
}

export function reviewWindow(risk: Risk, settings: Settings, today: IsoDate): ReviewWindow {
	const days = Math.max(1, Math.min(cadenceDays(risk, settings), settings.reviewCapDays));
	return {days, latest: addDays(today, days), earliest: addDays(today, 1)};
}

/** A typed date (ISO or dd/MM/yyyy), or null when it is not a real date. */
export function parseTypedDate(text: string): IsoDate | null {
	const s = text.trim();
	if (isIsoDate(s)) return s;
	return parseUserDate(s);
}
