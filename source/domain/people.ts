/** Officers and absences: names for messages, who is away on a date, who covers. */
import {addDays, type IsoDate} from './dates.js';
import type {Absence, Officer, Settings, StoreData} from './model.js';

/** "DC Ashworth": how officers are named in messages and narrow columns. */
export function shortName(o: Officer | undefined): string {
	if (!o) return 'unknown officer';
	const last = o.name.trim().split(/\s+/).at(-1) ?? o.name;
	return `${o.rank} ${last}`;
}

/** "DC Sam Ashworth". */
export function fullName(o: Officer | undefined): string {
	return o ? `${o.rank} ${o.name}` : 'unknown officer';
}

export function officerIndex(data: StoreData): Map<string, Officer> {
	return new Map(data.officers.map(o => [o.id, o]));
}

export function fte(o: Officer, settings: Settings): number {
	return o.hoursPerWeek / settings.fullTimeHours;
}

/** True when `a` covers `date` (an open-ended absence covers every day from its start). */
export function absenceCovers(a: Absence, date: IsoDate): boolean {
	return a.from <= date && (a.to === null || date <= a.to);
}

/** The absence that has `officerId` away on `date`, if any. */
export function absenceOn(absences: readonly Absence[], officerId: string, date: IsoDate): Absence | undefined {
	return absences.find(a => a.officerId === officerId && absenceCovers(a, date));
}

/** Absences by officer, for rules that look up many dates. */
export function absencesByOfficer(absences: readonly Absence[]): Map<string, Absence[]> {
	const m = new Map<string, Absence[]>();
	for (const a of absences) {
		const list = m.get(a.officerId);
		if (list) list.push(a);
		else m.set(a.officerId, [a]);
	}
	return m;
}

/** Finds an officer's absence on a date (rules pass one that ignores absences not yet known on `today`). */
export type AbsenceLookup = (officerId: string, date: IsoDate) => Absence | undefined;

/** A lookup over a list of absences, indexed once (for callers that ask about many dates). */
export function absenceLookup(absences: readonly Absence[]): AbsenceLookup {
	const hit = lookups.get(absences);
	if (hit && hit.length === absences.length) return hit.lookup;
	const byOfficer = absencesByOfficer(absences);
	const lookup: AbsenceLookup = (officerId, date) => byOfficer.get(officerId)?.find(a => absenceCovers(a, date));
	lookups.set(absences, {length: absences.length, lookup});
	return lookup;
}

// Indexed once per list of absences: each permission check asks for a lookup (who supervises, who covers),
// and `problems` checks one for most of the 337 welfare problems at 5,000 cases, where indexing all the
// absences again for each was 8 KB of garbage a problem (issue 18). A store snapshot's lists are never
// changed in place (rules/context.ts caches on the same assumption); the length check is a cheap guard all the same.
const lookups = new WeakMap<readonly Absence[], {length: number; lookup: AbsenceLookup}>();

/** An officer away on a date, and who actually does their work that day. */
export interface AwayOnDate {
	/** The officer's own absence on the date. */
	absence: Absence;
	/** The officer covering that day: the named cover when they are at work, else null (nobody). */
	coverId: string | null;
	/** The named cover's own absence on the date, when the named cover is away too. */
	coverAway: Absence | null;
}

/**
 * Who actually covers `officerId` on `date`: undefined when the officer is at work. A cover who is
 * away that day covers nobody (source case: the bail date passed while the people responsible were
 * away), so rules, the handover and the absence form all ask here rather than read coverOfficerId.
 * The cover's own cover is not followed: that officer was named for the cover's work, not this.
 */
export function awayOn(lookup: AbsenceLookup, officerId: string, date: IsoDate): AwayOnDate | undefined {
	const absence = lookup(officerId, date);
	if (!absence) return undefined;
	const named = absence.coverOfficerId;
	const coverAway = named === null ? null : (lookup(named, date) ?? null);
	return {absence, coverId: coverAway ? null : named, coverAway};
}

/** Consecutive days of one absence on which awayOn gives the same answer (coverRuns). */
export interface CoverRun {
	from: IsoDate;
	to: IsoDate;
	absence: Absence;
	/** Who covers these days: the named cover at work, else null (nobody). */
	coverId: string | null;
	/** The named cover's own absence over these days, when they are away too. */
	coverAway: Absence | null;
}

/**
 * The days from `from` to `to` on which `officerId` is away, in runs of the same answer from awayOn:
 * who actually covers, or nobody while the named cover is away too (README "`fortnight handover` and
 * `fortnight absence`": such a day is flagged as nobody covering, never "covered by"). Days at work are
 * left out. The handover's covers, and their gaps, are these runs.
 */
export function coverRuns(lookup: AbsenceLookup, officerId: string, from: IsoDate, to: IsoDate): CoverRun[] {
	const runs: CoverRun[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) {
		const away = awayOn(lookup, officerId, d);
		if (!away) continue;
		const last = runs.at(-1);
		if (
			last &&
			last.to === addDays(d, -1) &&
			sameAbsence(last.absence, away.absence) &&
			last.coverId === away.coverId &&
			last.coverAway === away.coverAway
		)
			last.to = d;
		else runs.push({from: d, to: d, absence: away.absence, coverId: away.coverId, coverAway: away.coverAway});
	}
	return runs;
}

/** The same absence, or two parts of one kept in parts (absence-cover.ts: a cover changed for some days). */
function sameAbsence(a: Absence, b: Absence): boolean {
	return a === b || (a.partOf ?? a.id) === (b.partOf ?? b.id);
}

/**
 * The named cover's absences that overlap the span of the absence they would cover (for the absence
 * form and "absence add": a cover who is away during it cannot be relied on).
 */
export function coverAwayDuring(absences: readonly Absence[], coverId: string, span: {from: IsoDate; to: IsoDate | null}): Absence[] {
	return absences
		.filter(a => a.officerId === coverId && a.from <= (span.to ?? '9999-12-31') && span.from <= (a.to ?? '9999-12-31'))
		.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export const ABSENCE_WORDS: Record<Absence['reason'], string> = {
	sick: 'on sick leave',
	'annual-leave': 'on annual leave',
	training: 'on training',
	'restricted-duties': 'on restricted duties',
	other: 'away',
};
