/**
 * What the Handover view shows for the window, cover and width in its state, prepared by the person at
 * the desk: the handover document
 * (the same object `fortnight handover` renders) and its preview lines wrapped to the view's width,
 * so a critical line and its "What to do" are read in full, never cut. The desk's reducer scrolls by
 * these lines, so both ask here and it is worked out once per change, not per key.
 */
import type {IsoDate} from '../../../domain/dates.js';
import {buildHandover, handoverCovers} from '../../../domain/handover/build.js';
import type {Handover} from '../../../domain/handover/schema.js';
import type {StoreData} from '../../../domain/model.js';
import {listOfficers, matchOfficer} from '../../../domain/officer-match.js';
import {fullName} from '../../../domain/people.js';
import {chainHead, formatHead} from '../../../store/index.js';
import {wrapIndented} from '../../review/wrap-lines.js';
import {handoverLines, type PreviewLine} from './handover-lines.js';
import type {HandoverState} from './handover-state.js';

export interface HandoverPreview {
	/** generatedAt is left empty: the export stamps the time it is written. */
	handover: Handover;
	cover: {name: string; officerId: string | null} | null;
	/** Why the typed cover was read as it was (ambiguous, or not in the team), if it needs saying. */
	note: string | null;
	/** The preview, each line at most `width` columns. */
	lines: PreviewLine[];
}

/** Rows of preview between the header line and a one-row status (a longer status takes rows from it). */
export function handoverBodyHeight(height: number): number {
	// The pane's two borders and title, and at least one status line.
	return Math.max(1, height - 4);
}

/**
 * Resolves the typed cover as the command does: a team member by name or id, else free text; nothing
 * typed, null (the handover then names the covers recorded for the window: handoverCovers).
 */
export function resolveHandoverCover(
	data: StoreData,
	typed: string,
): {cover: {name: string; officerId: string | null} | null; note: string | null} {
	if (typed === '') return {cover: null, note: null};
	const m = matchOfficer(data.officers, typed);
	if (m.kind === 'found') return {cover: {name: fullName(m.officer), officerId: m.officer.id}, note: null};
	if (m.kind === 'ambiguous') return {cover: null, note: `"${typed}" matches ${listOfficers(m.candidates)}: type the id.`};
	return {
		cover: {name: typed, officerId: null},
		note: m.near.length ? `"${typed}" is not in the team (did you mean ${listOfficers(m.near)}?); shown as written.` : null,
	};
}

/** Wraps each preview line to `width`, continuation lines indented under their first (same tone). */
export function wrapPreview(lines: readonly PreviewLine[], width: number): PreviewLine[] {
	const out: PreviewLine[] = [];
	for (const l of lines) {
		if (l.text.length <= width) out.push(l);
		// What Enter opens stays on the item's first line only (QA 5 R7).
		else
			for (const [i, text] of wrapIndented(l.text, width).entries())
				out.push(i === 0 && l.open ? {text, tone: l.tone, open: l.open} : {text, tone: l.tone});
	}
	return out;
}

/**
 * The item Enter opens: the first item whose first line is in view (at or below the top line `scroll`,
 * within `rows`), or null when none is. The view marks it (›) so the key says what it acts on.
 */
export function itemInView(lines: readonly PreviewLine[], scroll: number, rows: number): number | null {
	for (let i = Math.max(0, scroll); i < Math.min(lines.length, scroll + rows); i++) if (lines[i]!.open) return i;
	return null;
}

let last: {data: StoreData; key: string; preview: HandoverPreview} | undefined;

export function handoverPreview(
	data: StoreData,
	today: IsoDate,
	state: Pick<HandoverState, 'from' | 'to' | 'cover'>,
	width: number,
	preparedBy: string,
): HandoverPreview {
	const key = `${today}|${state.from}|${state.to}|${state.cover}|${width}|${preparedBy}`;
	if (last && last.data === data && last.key === key) return last.preview;
	const {cover: named, note} = resolveHandoverCover(data, state.cover);
	const covers = handoverCovers(data, state.from, state.to, named, today);
	const cover = covers.cover;
	const handover = buildHandover({
		data,
		from: state.from,
		to: state.to,
		today,
		generatedAt: '',
		chainHead: formatHead(chainHead(data.chain)),
		...covers,
		preparedBy,
	});
	const preview = {handover, cover, note, lines: wrapPreview(handoverLines(handover), Math.max(10, width))};
	last = {data, key, preview};
	return preview;
}
