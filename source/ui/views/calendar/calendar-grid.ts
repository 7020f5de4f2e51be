/**
 * What the Calendar view (desk key 5) draws: the next 14 or 28 days as a grid, one row per officer
 * (the sergeant's own first), each day's dated items as marks and absences as bars. Built from the
 * same Handover document as `fortnight handover` and `fortnight calendar`, for the window from today,
 * so the three never disagree. Pure: (store data, today, days) -> grid.
 */
import {absenceSpan} from '../../../domain/absence-words.js';
import {addDays, type IsoDate} from '../../../domain/dates.js';
import {buildHandover} from '../../../domain/handover/build.js';
import type {Handover, WindowItem, WindowKind} from '../../../domain/handover/schema.js';
import type {StoreData} from '../../../domain/model.js';
import {safeText} from '../../../domain/safe-text.js';

export type MarkKind = 'bail' | 'court' | 'cps' | 'review' | 'update';

/** One letter each, most urgent first; the legend spells them out. */
export const MARK_LETTERS: Record<MarkKind, string> = {bail: 'B', court: 'C', cps: 'P', review: 'R', update: 'U'};
export const MARK_WORDS: Record<MarkKind, string> = {bail: 'bail', court: 'court', cps: 'CPS', review: 'review', update: 'victim/RUI'};
const MARK_ORDER: readonly MarkKind[] = ['bail', 'court', 'cps', 'review', 'update'];

const KIND_MARK: Partial<Record<WindowKind, MarkKind>> = {
	'bail-return': 'bail',
	'bail-period-end': 'bail',
	'court-date': 'court',
	'cps-due': 'cps',
	'review-due': 'review',
	'victim-update-due': 'update',
	'rui-update-due': 'update',
};

export interface Mark {
	kind: MarkKind;
	caseRef: string;
	/** "Bail return CR/87204/26 (OIC away, nobody covers)". */
	words: string;
	/** A bail date or court date while the OIC is away and nobody covers. */
	critical: boolean;
}

export interface AbsenceBar {
	/** Indexes into the grid's days, inclusive. */
	first: number;
	last: number;
	/** "sick, no cover", "annual leave, DC Shah covers". */
	words: string;
	uncovered: boolean;
}

export interface CalendarRow {
	officerId: string;
	/** "DS Brennan". */
	label: string;
	/** Marks per day, most urgent first. */
	marks: Mark[][];
	bars: AbsenceBar[];
}

export interface CalendarGrid {
	days: IsoDate[];
	rows: CalendarRow[];
	/** Per day: what makes it stand out, in words (empty when nothing does). */
	alerts: string[][];
}

const t = (s: string | null | undefined) => safeText(s ?? '');

/** "DC Ashworth" for "DC Sam Ashworth". */
export function rankAndSurname(name: string): string {
	const words = name.trim().split(/\s+/);
	return words.length > 2 ? `${words[0]} ${words.at(-1)}` : name;
}

const REASON: Record<string, string> = {
	sick: 'sick',
	'annual-leave': 'annual leave',
	training: 'training',
	'restricted-duties': 'restricted duties',
	other: 'away',
};

function mark(i: WindowItem): Mark | null {
	const kind = KIND_MARK[i.kind];
	if (!kind || !i.caseRef) return null;
	const nobody = i.away !== null && i.awayCover === null;
	const cover = i.away ? (i.awayCover ? ` (OIC away, ${rankAndSurname(t(i.awayCover))} covers)` : ' (OIC away, nobody covers)') : '';
	return {kind, caseRef: i.caseRef, words: `${i.label} ${t(i.caseRef)}${cover}`, critical: nobody && (kind === 'bail' || kind === 'court')};
}

export function gridFromHandover(h: Handover, sergeantId: string): CalendarGrid {
	const days: IsoDate[] = [];
	for (let d = h.period.from; d <= h.period.to; d = addDays(d, 1)) days.push(d);
	const index = new Map(days.map((d, i) => [d, i]));
	const alerts: string[][] = days.map(() => []);
	// The sergeant's own row first: their absence is the one the cover is there for.
	const officers = [...h.officers].sort((a, b) => Number(b.officerId === sergeantId) - Number(a.officerId === sergeantId));
	const rows: CalendarRow[] = officers.map(o => ({
		officerId: o.officerId,
		label: rankAndSurname(t(o.name)),
		marks: days.map(() => []),
		bars: [],
	}));
	const rowOf = new Map(rows.map(r => [r.officerId, r]));
	for (const i of h.inWindow) {
		const m = mark(i);
		const at = index.get(i.date);
		const row = i.officerId ? rowOf.get(i.officerId) : undefined;
		if (!m || at === undefined || !row) continue;
		row.marks[at]!.push(m);
		if (m.critical) alerts[at]!.push(`CRITICAL: ${m.words}`);
	}
	for (const row of rows)
		for (const cell of row.marks)
			cell.sort((a, b) => MARK_ORDER.indexOf(a.kind) - MARK_ORDER.indexOf(b.kind) || (a.caseRef < b.caseRef ? -1 : 1));
	for (const o of officers) {
		const row = rowOf.get(o.officerId)!;
		// Each bar's own days, for its words when the row has more than one (below).
		const spans: {from: IsoDate; to: IsoDate | null}[] = [];
		const said: {reason: string; cover: string}[] = [];
		for (const a of o.absences) {
			const first = a.from <= h.period.from ? 0 : index.get(a.from)!;
			const last = a.to === null || a.to >= h.period.to ? days.length - 1 : index.get(a.to)!;
			const reason = REASON[a.reason] ?? 'away';
			// The days the named cover is away too are a bar of their own: nobody covers them (README
			// "`fortnight handover` and `fortnight absence`": never "covered by").
			const coverAway = (d: number) => (a.coverAway ?? []).some(c => c.from <= days[d]! && (c.to === null || days[d]! <= c.to));
			for (let start = first; start <= last;) {
				const gap = a.coverName !== null && coverAway(start);
				let end = start;
				while (end < last && a.coverName !== null && coverAway(end + 1) === gap) end++;
				if (a.coverName === null) end = last;
				const cover = a.coverName === null ? null : rankAndSurname(t(a.coverName));
				const uncovered = cover === null || gap;
				const coverSaid = cover === null ? 'no cover' : gap ? `no cover (${cover} away too)` : `${cover} covers`;
				row.bars.push({first: start, last: end, words: `${reason}, ${coverSaid}`, uncovered});
				// The bar's days as they are, not cut to the window: its first part began before it, its last may run on.
				spans.push({
					from: start === first && a.from < days[0]! ? a.from : days[start]!,
					to: end === last && (a.to === null || a.to > days.at(-1)!) ? a.to : days[end]!,
				});
				said.push({reason, cover: coverSaid});
				for (let d = start; d <= end && uncovered; d++)
					alerts[d]!.push(
						cover === null
							? `NO COVER: ${row.label} away (${reason}), nobody named`
							: `NO COVER: ${row.label} away (${reason}), and ${cover}, the named cover, is away too`,
					);
				start = end + 1;
			}
		}
		// Several bars on one row (an absence kept in parts, a cover away for some days, two absences): each
		// says its own days, so a label placed beside or under another bar is never read as that bar's cover
		// (QA 7 R14: "sick, DC Carter covers" at the start of a bar whose first days DC Shah covers).
		if (row.bars.length > 1)
			row.bars.forEach((b, i) => (b.words = `${said[i]!.reason} ${absenceSpan(spans[i]!, days[0]!)}, ${said[i]!.cover}`));
	}
	return {days, rows, alerts};
}

let last: {data: StoreData; key: string; grid: CalendarGrid} | undefined;

/** The grid for `dayCount` days from today (cached per snapshot, day and length: a key press redraws it). */
export function calendarGrid(data: StoreData, today: IsoDate, dayCount: number): CalendarGrid {
	const key = `${today}|${dayCount}`;
	if (last && last.data === data && last.key === key) return last.grid;
	// The grid takes the dated items only, never the header that names who prepared a handover.
	const to = addDays(today, dayCount - 1);
	const h = buildHandover({data, from: today, to, today, generatedAt: '', chainHead: 'empty', cover: null, preparedBy: ''});
	const grid = gridFromHandover(h, data.team.sergeantId);
	last = {data, key, grid};
	return grid;
}
