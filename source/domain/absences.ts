/**
 * Recording absences: pure changes for Store.apply, so the same validation runs from the command line
 * and the desk. An absence holds a reason category only, never health detail (see model.ts).
 *
 * Every change either returns new StoreData or throws AbsenceError with a sentence a sergeant can act
 * on; the store is never half-changed because apply only writes what a change returns.
 */
import {isIsoDate, type IsoDate} from './dates.js';
import {ABSENCE_REASONS, type Absence, type AbsenceReason, type Officer, type StoreData} from './model.js';
import {absenceSpan, REASON_WORDS} from './absence-words.js';
import {coverAwayDuring, fullName, shortName} from './people.js';

export class AbsenceError extends Error {
	override readonly name = 'AbsenceError';
}

export interface NewAbsence {
	officerId: string;
	from: IsoDate;
	/** Last day away; null while open-ended. */
	to: IsoDate | null;
	reason: AbsenceReason;
	coverOfficerId: string | null;
	recordedBy: string;
	/** ISO instant. */
	recordedAt: string;
}

/** The last day of an absence for overlap checks: an open-ended absence runs on indefinitely. */
const lastDay = (a: {to: IsoDate | null}): IsoDate => a.to ?? '9999-12-31';

function overlaps(a: {from: IsoDate; to: IsoDate | null}, b: {from: IsoDate; to: IsoDate | null}): boolean {
	return a.from <= lastDay(b) && b.from <= lastDay(a);
}

function describe(a: Absence): string {
	return `${a.id} (${a.reason}, ${a.from} to ${a.to ?? 'no end date'})`;
}

/** "ab0005": one more than the highest numbered id, so ids stay unique after deletions elsewhere. */
export function nextAbsenceId(data: StoreData): string {
	let max = 0;
	for (const a of data.absences) {
		const m = /^ab(\d+)$/.exec(a.id);
		if (m) max = Math.max(max, Number(m[1]));
	}
	return `ab${String(max + 1).padStart(4, '0')}`;
}

function checkDates(from: IsoDate, to: IsoDate | null): void {
	if (!isIsoDate(from)) throw new AbsenceError(`The first day "${from}" is not a real date as YYYY-MM-DD.`);
	if (to !== null && !isIsoDate(to)) throw new AbsenceError(`The last day "${to}" is not a real date as YYYY-MM-DD.`);
	if (to !== null && to < from) throw new AbsenceError(`The last day ${to} is before the first day ${from}.`);
}

function checkOverlap(data: StoreData, officerId: string, span: {from: IsoDate; to: IsoDate | null}, ignoreId?: string): void {
	const clash = data.absences.find(a => a.officerId === officerId && a.id !== ignoreId && overlaps(a, span));
	if (clash) {
		const who = fullName(data.officers.find(o => o.id === officerId));
		throw new AbsenceError(`${who} already has an absence that overlaps: ${describe(clash)}. End or change that one first.`);
	}
}

/**
 * Why the named cover cannot cover this absence, or null when they are at work throughout. A cover
 * away for even one day of it leaves that day with nobody (the source case: a bail date passed while
 * both were away), so the sergeant is told plainly and shown how to go on.
 */
export function coverAwayProblem(data: {officers: readonly Officer[]; absences: readonly Absence[]}, coverId: string, span: {from: IsoDate; to: IsoDate | null}): string | null {
	const clash = coverAwayDuring(data.absences, coverId, span)[0];
	if (!clash) return null;
	const cover = data.officers.find(o => o.id === coverId);
	const words = clash.reason === 'other' ? 'other absence' : REASON_WORDS[clash.reason];
	return (
		`${shortName(cover)} is away ${absenceSpan(clash, span.from)} (${words}), during this absence: name another cover, ` +
		`or record the absence in parts so ${shortName(cover)} covers only days they are at work.`
	);
}

/**
 * Absences of other officers that name `officerId` as cover and overlap `span`: recording this officer
 * away leaves those days with nobody (never refused, an officer's absence is a fact; the caller warns).
 */
export function coverLeftWithout(data: {officers: readonly Officer[]; absences: readonly Absence[]}, officerId: string, span: {from: IsoDate; to: IsoDate | null}): string[] {
	return data.absences
		.filter(a => a.coverOfficerId === officerId && a.officerId !== officerId && overlaps(a, span))
		.map(a => {
			const who = shortName(data.officers.find(o => o.id === a.officerId));
			return `${shortName(data.officers.find(o => o.id === officerId))} is named as cover for ${who} (${absenceSpan(a, span.from)}): name another cover for ${who} on the days both are away.`;
		});
}

/** Adds an absence; returns the new data and the id it was given. */
export function addAbsence(data: StoreData, input: NewAbsence): {data: StoreData; id: string} {
	const officer = data.officers.find(o => o.id === input.officerId);
	if (!officer) throw new AbsenceError(`No officer with id "${input.officerId}" in this team.`);
	if (!ABSENCE_REASONS.includes(input.reason)) {
		throw new AbsenceError(`The reason must be one of ${ABSENCE_REASONS.join(', ')} (a category only, never health detail).`);
	}
	checkDates(input.from, input.to);
	if (input.coverOfficerId !== null) {
		if (input.coverOfficerId === input.officerId) throw new AbsenceError('An officer cannot cover their own absence.');
		if (!data.officers.some(o => o.id === input.coverOfficerId)) throw new AbsenceError(`No officer with id "${input.coverOfficerId}" to name as cover.`);
		const away = coverAwayProblem(data, input.coverOfficerId, input);
		if (away) throw new AbsenceError(away);
	}
	if (!data.officers.some(o => o.id === input.recordedBy)) throw new AbsenceError(`No officer with id "${input.recordedBy}" to record this as.`);
	checkOverlap(data, input.officerId, input);
	const id = nextAbsenceId(data);
	const absence: Absence = {id, ...input};
	return {data: {...data, absences: [...data.absences, absence]}, id};
}

/**
 * Ends an absence: sets its last day. The last day may not be before its first day, and moving it
 * later may not run into another absence of the same officer.
 */
export function endAbsence(data: StoreData, absenceId: string, last: IsoDate): StoreData {
	const index = data.absences.findIndex(a => a.id === absenceId);
	if (index === -1) throw new AbsenceError(`No absence with id "${absenceId}". "fortnight absence list" shows them.`);
	const current = data.absences[index]!;
	checkDates(current.from, last);
	checkOverlap(data, current.officerId, {from: current.from, to: last}, current.id);
	const absences = data.absences.slice();
	absences[index] = {...current, to: last};
	return {...data, absences};
}
