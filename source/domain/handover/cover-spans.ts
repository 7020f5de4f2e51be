/** The handover header's covers, in words every renderer shares (README: "a sergeant's recorded cover is the handover's default cover"). */
import type {IsoDate} from '../dates.js';
import type {AbsenceInWindow, Handover} from './schema.js';

/**
 * Each cover as the header names them, earliest first: their name, whether they are outside the team,
 * and their dates when they cover less than the whole window (null: the whole window); and between
 * them each run of days on which the named cover is away too (`nobody`), which the header says nobody
 * covers, never "covered by" (README "`fortnight handover` and `fortnight absence`"). Every renderer
 * reads this, so the Markdown, JSON, calendar and the desk's Handover view name the same covers.
 */
export function coverSpans(h: Pick<Handover, 'covers' | 'period'> & Partial<Pick<Handover, 'uncovered'>>): CoverSpan[] {
	const covers: CoverSpan[] = h.covers.map(c => ({
		name: c.name,
		outside: c.officerId === null,
		dates: c.from === h.period.from && c.to === h.period.to ? null : {from: c.from, to: c.to},
		nobody: null,
	}));
	const gaps: CoverSpan[] = (h.uncovered ?? []).map(u => ({
		name: u.coverName,
		outside: false,
		dates: {from: u.from, to: u.to},
		nobody: {coverAwayWords: u.coverAwayWords},
	}));
	return [...covers, ...gaps].sort((a, b) => cmp(a.dates?.from ?? h.period.from, b.dates?.from ?? h.period.from));
}

export interface CoverSpan {
	/** Who covers; for a `nobody` span, the named cover who is away. */
	name: string;
	outside: boolean;
	/** Null when they cover the whole window. */
	dates: {from: IsoDate; to: IsoDate} | null;
	/** Set when nobody covers these days: the named cover (`name`) is away too, "on annual leave". */
	nobody: {coverAwayWords: string} | null;
}

/** "nobody covers (DC Helen Marsh, the named cover, is on annual leave)" before or after the dates, as each renderer places them. */
export function nobodyWords(span: CoverSpan, name: string): string {
	return `${name}, the named cover, is ${span.nobody?.coverAwayWords ?? 'away'}`;
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ", except 20 Dec to 27 Dec (on annual leave), when the cover is away too: nobody covers" for an absence whose named cover is
 * away on some of its days (AbsenceInWindow.coverAway), "" when they are not: the officer sections and
 * the calendar's absence events say it after "X covers their work", in each renderer's dates.
 */
export function coverAwayWords(a: Pick<AbsenceInWindow, 'coverAway'>, date: (d: IsoDate) => string, nobody = 'nobody covers'): string {
	if (a.coverAway.length === 0) return '';
	const spans = a.coverAway.map(c => `${c.to === null ? `from ${date(c.from)}` : `${date(c.from)} to ${date(c.to)}`} (${c.reasonWords})`);
	return `, except ${spans.join(' and ')}, when the cover is away too: ${nobody}`;
}
