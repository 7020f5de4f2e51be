/** What each family of figures (reviews, triggers, bail, welfare) needs to file what it counts. */
import type {IsoDate} from '../dates.js';
import type {ReviewEntry, Settings, StoreData} from '../model.js';
import type {Period} from '../review-log/period.js';
import type {Figure, TraceRef, WeekFigures} from './figures.js';

export type Pick = (w: WeekFigures) => Figure;

export interface TrendContext {
	data: StoreData;
	settings: Settings;
	period: Period;
	today: IsoDate;
	weeks: readonly Period[];
	/** The day each week's standing figures are read at: its last day, or today when sooner; null for a week wholly after today. */
	ends: readonly (IsoDate | null)[];
	/** Signed reviews by case reference, in chain order. */
	reviewsByCase: ReadonlyMap<string, readonly ReviewEntry[]>;
	sergeantOf(officerId: string): string;
	/** Something that happened on `date`: counted in its week and in the period (nothing outside the period). */
	flow(sergeantId: string, date: IsoDate, pick: Pick, ref: TraceRef): void;
	/** Something standing at the end of week `week`. */
	stock(sergeantId: string, week: number, pick: Pick, ref: TraceRef): void;
	/** A figure the period has its own count of (missed reviews over the whole period). */
	periodOnly(sergeantId: string, pick: Pick, ref: TraceRef): void;
}
