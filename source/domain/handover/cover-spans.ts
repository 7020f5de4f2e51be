/** The handover header's covers, in words every renderer shares (README: "a sergeant's recorded cover is the handover's default cover"). */
import type {IsoDate} from '../dates.js';
import type {Handover} from './schema.js';

/**
 * Each cover as the header names them: their name, whether they are outside the team, and their dates
 * when they cover less than the whole window (null: the whole window). Every renderer reads this, so the
 * Markdown, JSON, calendar and the desk's Handover view name the same covers.
 */
export function coverSpans(h: Pick<Handover, 'covers' | 'period'>): CoverSpan[] {
	return h.covers.map(c => ({
		name: c.name,
		outside: c.officerId === null,
		dates: c.from === h.period.from && c.to === h.period.to ? null : {from: c.from, to: c.to},
	}));
}

export interface CoverSpan {
	name: string;
	outside: boolean;
	/** Null when they cover the whole window. */
	dates: {from: IsoDate; to: IsoDate} | null;
}
