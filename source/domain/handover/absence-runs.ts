/**
 * An officer section's absences read whole (QA 7 D7): an absence whose cover changed part-way is kept
 * in the store as consecutive parts, one cover each (absence-cover.ts), and the handover lists each part
 * with its own cover. A reader must see one absence, from its first day to its last, with the cover
 * changes said as cover changes, never "away 10 Dec to 13 Dec ... and 14 Dec to 19 Dec". build.ts lists
 * every part of an absence that touches the window, so a run here is the whole absence.
 */
import {addDays, type IsoDate} from '../dates.js';
import type {AbsenceInWindow} from './schema.js';
import {coverAwayWords} from './cover-spans.js';

export interface AbsenceRun {
	/** The first part's id: the absence's id as the Team view and `absence list` name it. */
	id: string;
	from: IsoDate;
	to: IsoDate | null;
	reasonWords: string;
	/** The parts, first day first (one for an absence never split). */
	parts: AbsenceInWindow[];
}

/** `absences` (one officer's, as OfficerSection.absences) joined where a part follows the one before on the next day for the same reason. */
export function absenceRuns(absences: readonly AbsenceInWindow[]): AbsenceRun[] {
	const runs: AbsenceRun[] = [];
	for (const a of [...absences].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))) {
		const last = runs.at(-1);
		if (last && last.to !== null && last.reasonWords === a.reasonWords && addDays(last.to, 1) === a.from) {
			last.to = a.to;
			last.parts.push(a);
		} else runs.push({id: a.id, from: a.from, to: a.to, reasonWords: a.reasonWords, parts: [a]});
	}
	return runs;
}

/**
 * "DC Helen Marsh covers their work" for one cover; for several, each with its days: "10 Dec to 13 Dec:
 * DC Helen Marsh covers their work; 14 Dec to 19 Dec: DC Ben Carter covers their work; ...", each with the days their cover is away too. `name` escapes a
 * name for the renderer, `none` is its words for nobody named.
 */
export function runCoverWords(
	run: AbsenceRun,
	date: (d: IsoDate) => string,
	name: (s: string) => string,
	none: string,
	nobody?: string,
): string {
	const one = (p: AbsenceInWindow) => (p.coverName ? `${name(p.coverName)} covers their work${coverAwayWords(p, date, nobody)}` : none);
	if (run.parts.length === 1) return one(run.parts[0]!);
	return run.parts.map(p => `${p.to === null ? `from ${date(p.from)}` : `${date(p.from)} to ${date(p.to)}`}: ${one(p)}`).join('; ');
}
