/**
 * Recording absences: pure changes for Store.apply, so the same validation runs from the command line
 * and the desk. An absence holds a reason category only, never health detail (see model.ts).
 *
 * Every change either returns new StoreData or throws AbsenceError with a sentence a sergeant can act
 * on; the store is never half-changed because apply only writes what a change returns.
 */
import {addDays, isIsoDate, shortDate, type IsoDate} from './dates.js';
import {coverActsLeftBare} from './cover-acts.js';
import type {Absence, AbsenceReason, Officer, StoreData} from './model.js';
import {ABSENCE_REASONS} from './model-values.js';
import {absenceSpan, REASON_WORDS} from './absence-words.js';
import {coverAwayDuring, fullName, shortName} from './people.js';
import {
	absenceParts,
	coverForDays,
	wholeSpan,
	CoverDaysError,
	type CoverDays,
	type CoverDaysRefusal,
	type CoverRecording,
} from './absence-cover.js';
import {safeText, typedInQuotes} from './safe-text.js';
import {workedDayApart} from './worked-day.js';

/**
 * A refusal whose command-line sentence names flags (--from, --cover, --to), as facts, so the desk can say
 * it in its form's fields (ui/team/absence-refusal-words.ts; README "Absences"): the command line keeps
 * the message, the desk words `refusal`.
 */
export type AbsenceRefusal =
	| CoverDaysRefusal
	/** A first day moved after today on an absence that has started (correctsStart). */
	| {kind: 'start-after-today'; absenceId: string; first: IsoDate; date: IsoDate}
	/** A change that would leave records a cover made as cover outside her cover days (guardCoverActs, QA 9 D1). */
	| CoverActsRefusal;

/**
 * Records a cover made as cover that a change would leave resting on nothing (cover-acts.ts coverActsLeftBare), as
 * facts. `way`: what would have to move, `last` (the absence's last day, kept on or after `day`), `first` (its first
 * day, kept on or before `day`) or `away` (the cover herself recorded away: only from `day`, the day after her last act).
 */
export interface CoverActsRefusal {
	kind: 'cover-acts';
	absenceId: string;
	who: string;
	covered: string;
	/** Each record in words with its date ("check-in for Iqbal (w00024) on 13 Dec"): ids and dates, never a note. */
	acts: string[];
	way: 'last' | 'first' | 'away';
	/** For `away`: the cover's absence was on record already (a change or end of it), not being added. */
	changed?: boolean;
	day: IsoDate;
}

export class AbsenceError extends Error {
	override readonly name = 'AbsenceError';
	constructor(
		message: string,
		/** The same refusal as facts, when the message names the command line's flags. */
		readonly refusal?: AbsenceRefusal,
	) {
		super(message);
	}
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
	/** The session's day when not recordedAt's (recordedOnFor). */
	recordedOn?: IsoDate;
}

/**
 * `{recordedOn: today}` when the session's today (`--today`) is not the clock's day of `recordedAt`
 * (worked-day.ts, the one rule for dating records), else nothing: a record made in a session is known on
 * that session's today, while a replay to a day before the record was made still does not see it
 * (rules/context.ts knownFrom takes the earlier of the two; README "`fortnight handover` and `fortnight absence`").
 */
export function recordedOnFor(today: IsoDate, recordedAt: string): {recordedOn?: IsoDate} {
	const on = workedDayApart(today, recordedAt);
	return on === undefined ? {} : {recordedOn: on};
}

/** The last day of an absence for overlap checks: an open-ended absence runs on indefinitely. */
const lastDay = (a: {to: IsoDate | null}): IsoDate => a.to ?? '9999-12-31';

function overlaps(a: {from: IsoDate; to: IsoDate | null}, b: {from: IsoDate; to: IsoDate | null}): boolean {
	return a.from <= lastDay(b) && b.from <= lastDay(a);
}

function describe(a: Absence): string {
	return `${a.id} (${a.reason}, ${a.from} to ${a.to ?? 'no end date'})`;
}

/**
 * "ab0005": one more than the highest numbered id the store has ever held, so ids stay unique after
 * deletions elsewhere and after a cancellation: a cancelled absence is gone from the list but its signed
 * record is in the chain (README "Signed records"), and a calendar that imported it knows its UID
 * (export/calendar-events.ts), so a new absence must not take its id and read there as its update.
 */
export function nextAbsenceId(data: StoreData): string {
	let max = 0;
	const see = (id: string) => {
		const m = /^ab(\d+)$/.exec(id);
		if (m) max = Math.max(max, Number(m[1]));
	};
	for (const a of data.absences) see(a.id);
	for (const e of data.chain) if (e.kind === 'record' && e.data.record === 'absence') see(e.data.absence.id);
	return `ab${String(max + 1).padStart(4, '0')}`;
}

/**
 * An absence starts no earlier than the officer joined the unit: the same bound a welfare record has
 * (welfare-record.ts), so a typo'd year is refused rather than landing in the distant past.
 */
function checkJoined(officer: Officer, from: IsoDate): void {
	if (from < officer.joinedUnit) {
		throw new AbsenceError(`${safeText(shortName(officer))} joined the unit on ${officer.joinedUnit}, after ${from}: check the date.`);
	}
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

/** What a cover is named for: an absence ("absence add/change", the Team view's form) or a handover's window. */
export type CoverDuty = 'absence' | 'handover';

/**
 * Why the named cover cannot cover this absence (or this handover's window), or null when they are at
 * work throughout. A cover away for even one day of it leaves that day with nobody (the source case: a
 * bail date passed while both were away), so the sergeant is told plainly and shown how to go on. The one
 * rule for every path that names a cover (README "`fortnight handover` and `fortnight absence`": "A cover
 * who is away on any day of the absence is refused"), so each refuses with the same words.
 */
export function coverAwayProblem(
	data: {officers: readonly Officer[]; absences: readonly Absence[]},
	coverId: string,
	span: {from: IsoDate; to: IsoDate | null},
	duty: CoverDuty = 'absence',
): string | null {
	const clash = coverAwayDuring(data.absences, coverId, span)[0];
	if (!clash) return null;
	const cover = shortName(data.officers.find(o => o.id === coverId));
	const words = clash.reason === 'other' ? 'other absence' : REASON_WORDS[clash.reason];
	const during = duty === 'absence' ? 'this absence' : `this handover (${absenceSpan(span, span.from)})`;
	const parts =
		duty === 'absence'
			? `record the absence in parts so ${cover} covers only days they are at work.`
			: `write the handover for days ${cover} is at work.`;
	// The cover's absence said whole, first day to last, though only one of its parts clashes (QA 8 R16:
	// "away from 04 Dec" for an absence since 28 Nov kept in parts from 04 Dec).
	return `${cover} is away ${absenceSpan(wholeSpan(data.absences, clash), span.from)} (${words}), during ${during}: name another cover, or ${parts}`;
}

/**
 * Absences of other officers that name `officerId` as cover and overlap `span`: recording this officer
 * away leaves those days with nobody (never refused, an officer's absence is a fact; the caller warns).
 */
export function coverLeftWithout(
	data: {officers: readonly Officer[]; absences: readonly Absence[]},
	officerId: string,
	span: {from: IsoDate; to: IsoDate | null},
): string[] {
	return data.absences
		.filter(a => a.coverOfficerId === officerId && a.officerId !== officerId && overlaps(a, span))
		.map(a => {
			const who = shortName(data.officers.find(o => o.id === a.officerId));
			return (
				`${shortName(data.officers.find(o => o.id === officerId))} is named as cover for ${who} (${absenceSpan(a, span.from)}): name another cover ` +
				`for ${who} on the days both are away.`
			);
		});
}

/**
 * Refuses a change of absences (`before` to `after`) that would leave records a cover made as cover outside
 * her cover days (QA 9 D1; README "Absences": what a cover did on the days they covered rests on it). Ending
 * or shortening the absence she covered before her last act, moving its first day after her first, or recording
 * her away on a day she acted would each make `verify` judge those records as taken without authority. The
 * absence changed is `absenceId` (for the cover's own absence, the `away` way); `today` only words the dates.
 */
function guardCoverActs(before: StoreData, after: StoreData, absenceId: string, today?: IsoDate): void {
	const bare = coverActsLeftBare(before, after);
	if (bare.length === 0) return;
	const touched = after.absences.find(a => a.id === absenceId) ?? before.absences.find(a => a.id === absenceId);
	const root = touched ? (absenceParts(after.absences, touched.id)[0] ?? touched) : undefined;
	const name = (id: string) => shortName(before.officers.find(o => o.id === id));
	const first = bare[0]!;
	const last = bare.at(-1)!;
	const way: CoverActsRefusal['way'] =
		root?.officerId === first.coverId ? 'away' : root !== undefined && first.day < root.from ? 'first' : 'last';
	const day = way === 'first' ? first.day : way === 'last' ? last.day : addDays(last.day, 1);
	const id = root?.partOf ?? root?.id ?? absenceId;
	const who = name(first.coverId);
	const covered = name(first.coveredId);
	const acts = bare.map(a => `${a.words} on ${shortDate(a.day, today)}`);
	const rest = `${who} acted as cover for ${covered} (${acts.join(', ')}): those records rest on that cover`;
	const d = shortDate(day, today);
	// The cover's own absence already on record (a change or end of it) is kept off those days; a new one starts after them.
	const changed = way === 'away' && before.absences.some(a => a.id === id);
	const message =
		way === 'last'
			? `${rest}, so ${id} cannot end before ${d}. Give a last day of ${d} or later: --to ${day}.`
			: way === 'first'
				? `${rest}, so ${id} cannot begin after ${d}. Give a first day of ${d} or earlier: --from ${day}.`
				: changed
					? `${rest}, so ${who} cannot be recorded away on those days: keep ${id} off them (its days before ${shortDate(first.day, today)} or from ${d}).`
					: `${rest}, so ${who} cannot be recorded away on those days. Record ${who} away from ${d}: --from ${day}.`;
	throw new AbsenceError(message, {kind: 'cover-acts', absenceId: id, who, covered, acts, way, day, ...(changed ? {changed} : {})});
}

/** Adds an absence; returns the new data and the id it was given. */
export function addAbsence(data: StoreData, input: NewAbsence): {data: StoreData; id: string} {
	const officer = data.officers.find(o => o.id === input.officerId);
	if (!officer) throw new AbsenceError(`No officer with id "${input.officerId}" in this team.`);
	if (!ABSENCE_REASONS.includes(input.reason)) {
		throw new AbsenceError(`The reason must be one of ${ABSENCE_REASONS.join(', ')} (a category only, never health detail).`);
	}
	checkDates(input.from, input.to);
	checkJoined(officer, input.from);
	if (input.coverOfficerId !== null) {
		if (input.coverOfficerId === input.officerId) throw new AbsenceError('An officer cannot cover their own absence.');
		if (!data.officers.some(o => o.id === input.coverOfficerId))
			throw new AbsenceError(`No officer with id "${input.coverOfficerId}" to name as cover.`);
		const away = coverAwayProblem(data, input.coverOfficerId, input);
		if (away) throw new AbsenceError(away);
	}
	if (!data.officers.some(o => o.id === input.recordedBy))
		throw new AbsenceError(`No officer with id "${input.recordedBy}" to record this as.`);
	checkOverlap(data, input.officerId, input);
	const id = nextAbsenceId(data);
	const absence: Absence = {id, ...input};
	const next = {...data, absences: [...data.absences, absence]};
	guardCoverActs(data, next, id, input.recordedOn);
	return {data: next, id};
}

function findAbsence(data: StoreData, absenceId: string): number {
	const index = data.absences.findIndex(a => a.id === absenceId);
	if (index === -1) throw new AbsenceError(`No absence with id "${typedInQuotes(absenceId)}". "fortnight absence list" shows them.`);
	return index;
}

/**
 * Ends an absence: sets its last day. The last day may not be before its first day, and moving it
 * later may not run into another absence of the same officer. With `today`, an absence that has not
 * started yet and would end before it starts is refused with what to do instead (cancel or change it).
 */
export function endAbsence(data: StoreData, absenceId: string, last: IsoDate, today?: IsoDate): StoreData {
	const index = findAbsence(data, absenceId);
	const part = data.absences[index]!;
	// An absence kept in parts (absence-cover.ts) is ended whole, from its first part.
	const current = part.partOf ? (data.absences.find(a => a.id === part.partOf) ?? part) : part;
	if (today !== undefined && current.from > today && last < current.from) {
		throw new AbsenceError(
			`${current.id} has not started (it starts ${current.from}), so it cannot be ended. ` +
				`To call it off: fortnight absence cancel ${current.id}; ` +
				`to move or shorten it: fortnight absence change ${current.id} --from D --to D.`,
		);
	}
	checkDates(current.from, last);
	const parts = absenceParts(data.absences, absenceId);
	if (parts.length > 1) {
		const ended = endParts(data, parts, last, today);
		guardCoverActs(data, ended, current.id, today);
		return ended;
	}
	checkOverlap(data, current.officerId, {from: current.from, to: last}, current.id);
	const absences = data.absences.slice();
	absences[index] = {...part, to: last};
	guardCoverActs(data, {...data, absences}, current.id, today);
	return {...data, absences};
}

/**
 * Ends an absence kept in parts (absence-cover.ts): the part running on `last` ends then, and the parts
 * after it, none of which has started, are dropped. A part that has started is a fact and is not dropped.
 */
function endParts(data: StoreData, parts: Absence[], last: IsoDate, today?: IsoDate): StoreData {
	const first = parts[0]!;
	if (last < first.from) throw new AbsenceError(`The last day ${last} is before the first day ${first.from} of ${first.id}.`);
	const dropped = parts.filter(p => p.from > last);
	const begun = dropped.find(p => today !== undefined && p.from <= today);
	if (begun) {
		throw new AbsenceError(
			`${begun.id} (part of ${first.id}) started ${begun.from}, after ${last}: a part that has started keeps its days. End it on ${begun.from} or later.`,
		);
	}
	const ends = parts.filter(p => p.from <= last).at(-1)!;
	const ids = new Set(parts.map(p => p.id));
	const clash = data.absences.find(a => a.officerId === first.officerId && !ids.has(a.id) && overlaps(a, {from: first.from, to: last}));
	if (clash) {
		const who = fullName(data.officers.find(o => o.id === first.officerId));
		throw new AbsenceError(`${who} already has an absence that overlaps: ${describe(clash)}. End or change that one first.`);
	}
	return {
		...data,
		absences: data.absences.filter(a => !dropped.includes(a)).map(a => (a === ends ? {...a, to: last} : a)),
	};
}

/** What `changeAbsence` changes; a field left out stays as it is. */
export interface AbsenceChange {
	from?: IsoDate;
	/** Last day away; null makes it open-ended. */
	to?: IsoDate | null;
	/** The cover; null names nobody. */
	coverOfficerId?: string | null;
	reason?: AbsenceReason;
}

/** How a cover change is made on an absence that has started, or for some of its days (absence-cover.ts). */
export interface CoverChangeOptions {
	/** The days the new cover covers; left out: from today (or the first day) to the last. */
	days?: CoverDays;
	/** Who records the parts the change adds. */
	recording: CoverRecording;
}

/**
 * Changes an absence's dates, cover or reason with the same checks as adding one (dates, overlap with
 * the officer's other absences, a cover who exists, is not the officer and is at work throughout).
 * Returns the new data and, in words, what changed.
 *
 * A cover changed on an absence that has started, or for some of its days (`cover.days`), takes effect
 * from today (or the days given) only: the days before keep the cover they had (README "Absences"), the
 * absence then kept in parts (absence-cover.ts). Before it starts, a cover for all of it replaces the cover.
 */
export function changeAbsence(
	data: StoreData,
	absenceId: string,
	change: AbsenceChange,
	today?: IsoDate,
	cover?: CoverChangeOptions,
): {data: StoreData; changes: string[]} {
	const index = findAbsence(data, absenceId);
	const current = data.absences[index]!;
	const newCover = change.coverOfficerId;
	const parts = absenceParts(data.absences, absenceId);
	const started = today !== undefined && parts[0]!.from < today;
	// Kept in parts, the absence is one to its dates and reason: its first day is the first part's, its last the last part's.
	const whole: Absence = parts.length > 1 ? {...parts[0]!, to: parts.at(-1)!.to} : current;
	const cutCover =
		cover?.days !== undefined || (started && newCover !== current.coverOfficerId) || current.partOf !== undefined || parts.length > 1;
	if (newCover !== undefined && cutCover) {
		if (today === undefined || !cover) throw new AbsenceError('A cover for some days of an absence needs the day and who records it.');
		const {coverOfficerId: _cover, ...rest} = change;
		const same = (Object.keys(rest) as (keyof typeof rest)[]).every(k => rest[k] === undefined || rest[k] === whole[k]);
		const first = same ? {data, changes: []} : datesChange(data, absenceId, rest, today);
		const covered = coverChange(first.data, absenceId, newCover, today, cover);
		return {data: covered.data, changes: [...first.changes, ...covered.changes]};
	}
	return datesChange(data, absenceId, change, today);
}

/** How a first day moved on an absence that has started is said among its changes (README "Absences"). */
export const START_CORRECTION = 'a correction of when it began';

/** A change to the dates or reason (and, on an absence in one record, the cover) of the absence `absenceId` belongs to. */
function datesChange(data: StoreData, absenceId: string, change: AbsenceChange, today?: IsoDate): {data: StoreData; changes: string[]} {
	const parts = absenceParts(data.absences, absenceId);
	correctsStart(parts[0]!, change, today);
	const result = parts.length > 1 ? partsChange(data, parts, change, today) : wholeChange(data, absenceId, change, today);
	guardCoverActs(data, result.data, parts[0]!.id, today);
	// A first day moved on an absence that has started corrects when it began: said as one (README "Absences").
	const first = parts[0]!;
	// Said without the command line's flags: the desk shows these words too (commands/absence.ts adds its own).
	const said = result.changes.map(c =>
		today !== undefined && first.from <= today && c.startsWith('first day ') ? `${c} (${START_CORRECTION})` : c,
	);
	return {data: result.data, changes: said};
}

/**
 * The first day of an absence that has started is a fact: it may be corrected to a day up to today, not
 * moved after it (that would unsay days away on record, and who covered them). A sergeant who meant a
 * cover from that day, or the return, is told which flag says it.
 */
function correctsStart(first: Absence, change: AbsenceChange, today?: IsoDate): void {
	if (today === undefined || change.from === undefined || !startMovedAfterToday(first.from, change.from, today)) return;
	throw new AbsenceError(
		`${first.id} started ${shortDate(first.from, today)}: --from without --cover corrects its first day, to a day up to today, ` +
			`and ${shortDate(change.from, today)} is after today. For a cover from that day: --cover NAME --from ${change.from}; ` +
			`for the last day away: --to D (or fortnight absence end ${first.id} --to D).`,
		{kind: 'start-after-today', absenceId: first.id, first: first.from, date: change.from},
	);
}

/** True when a first day `from` is asked of an absence that started `started` (on or before `today`) and is after today: refused (correctsStart). */
export function startMovedAfterToday(started: IsoDate, from: IsoDate, today: IsoDate): boolean {
	return started <= today && from > today;
}

/**
 * Dates or reason of an absence kept in parts (absence-cover.ts), as of one absence: the first day is its
 * first part's, the last day its last part's (a last day within an earlier part drops the parts after,
 * as ending it does: endParts), the reason every part's. Each part keeps its cover and its record.
 */
function partsChange(data: StoreData, parts: Absence[], change: AbsenceChange, today?: IsoDate): {data: StoreData; changes: string[]} {
	const first = parts[0]!;
	const last = parts.at(-1)!;
	const day = (d: IsoDate | null) => (d === null ? 'none' : shortDate(d, today));
	const changes: string[] = [];
	let next = data;
	const replace = (was: Absence, now: Absence) => {
		next = {...next, absences: next.absences.map(a => (a.id === was.id ? now : a))};
	};
	if (change.from !== undefined && change.from !== first.from) {
		checkDates(change.from, null);
		if (first.to !== null && change.from > first.to) {
			throw new AbsenceError(
				`${first.id} is kept in parts (its cover changed for some days) and its first part ends ${shortDate(first.to, today)}: ` +
					`a first day after that would unsay days whose cover is on record. Correct it to ${shortDate(first.to, today)} at the latest.`,
			);
		}
		const officer = data.officers.find(o => o.id === first.officerId);
		if (officer) checkJoined(officer, change.from);
		const moved = {...first, from: change.from};
		checkPartCover(data, moved);
		replace(first, moved);
		changes.push(`first day ${day(first.from)} -> ${day(change.from)}`);
	}
	if (change.to !== undefined && change.to !== last.to) {
		const now = absenceParts(next.absences, first.id);
		if (change.to !== null && change.to < now.at(-1)!.from) {
			next = endParts(next, now, change.to, today);
		} else {
			const moved = {...now.at(-1)!, to: change.to};
			checkPartCover(next, moved);
			replace(now.at(-1)!, moved);
		}
		changes.push(`last day ${day(last.to)} -> ${day(change.to)}`);
	}
	if (change.reason !== undefined && change.reason !== first.reason) {
		if (!ABSENCE_REASONS.includes(change.reason)) {
			throw new AbsenceError(`The reason must be one of ${ABSENCE_REASONS.join(', ')} (a category only, never health detail).`);
		}
		const reason = change.reason;
		next = {...next, absences: next.absences.map(a => (a.id === first.id || a.partOf === first.id ? {...a, reason} : a))};
		changes.push(`reason ${REASON_WORDS[first.reason]} -> ${REASON_WORDS[reason]}`);
	}
	if (change.coverOfficerId !== undefined) throw new AbsenceError('A cover for an absence kept in parts is named for its days.');
	if (changes.length === 0) throw new AbsenceError(`${first.id} is already ${describe({...first, to: last.to})}: nothing to change.`);
	const ids = new Set(absenceParts(next.absences, first.id).map(a => a.id));
	const span = {from: absenceParts(next.absences, first.id)[0]!.from, to: absenceParts(next.absences, first.id).at(-1)!.to};
	const clash = next.absences.find(a => a.officerId === first.officerId && !ids.has(a.id) && overlaps(a, span));
	if (clash) {
		const who = fullName(data.officers.find(o => o.id === first.officerId));
		throw new AbsenceError(`${who} already has an absence that overlaps: ${describe(clash)}. End or change that one first.`);
	}
	return {data: next, changes};
}

/** A part whose days grew keeps a cover who is at work on all of them (the check every named cover has). */
function checkPartCover(data: StoreData, part: Absence): void {
	if (part.coverOfficerId === null) return;
	const away = coverAwayProblem(data, part.coverOfficerId, part);
	if (away) throw new AbsenceError(away);
}

/** The new cover for some days, checked as any named cover is (addAbsence), with the change in words. */
function coverChange(
	data: StoreData,
	absenceId: string,
	coverId: string | null,
	today: IsoDate,
	options: CoverChangeOptions,
): {data: StoreData; changes: string[]} {
	const officerId = data.absences.find(a => a.id === absenceId)!.officerId;
	let result: ReturnType<typeof coverForDays>;
	try {
		result = coverForDays(data, absenceId, coverId, options.days ?? {}, today, options.recording, nextAbsenceId);
	} catch (err) {
		if (err instanceof CoverDaysError) throw new AbsenceError(err.message, err.refusal);
		throw err;
	}
	if (coverId !== null) {
		if (coverId === officerId) throw new AbsenceError('An officer cannot cover their own absence.');
		if (!data.officers.some(o => o.id === coverId)) throw new AbsenceError(`No officer with id "${coverId}" to name as cover.`);
		const away = coverAwayProblem(data, coverId, result.span);
		if (away) throw new AbsenceError(away);
	}
	const name = (id: string | null) => (id === null ? 'nobody' : shortName(data.officers.find(o => o.id === id)));
	const {from, to} = result.span;
	const days =
		to === null
			? `from ${shortDate(from, today)}, no end date`
			: from === to
				? `on ${shortDate(from, today)}`
				: `from ${shortDate(from, today)} to ${shortDate(to, today)}`;
	const parts = absenceParts(data.absences, absenceId);
	// A cover for some days leaves the days before them, and after them, with the cover they had: said as such.
	const end = parts.at(-1)!.to;
	const before = parts[0]!.from < from;
	const after = to !== null && (end === null || to < end);
	const earlier =
		before || after ? `; the days ${before && after ? 'before and after' : before ? 'before' : 'after'} keep the cover they had` : '';
	// Which records changed, when not only the first (QA 7 R5: a later part changed in place is named, not just the absence).
	const changed = result.changed.length > 0 ? [`its part${result.changed.length > 1 ? 's' : ''} ${result.changed.join(', ')} changed`] : [];
	const added = result.added.length > 0 ? [`${result.added.join(', ')} added as part of ${parts[0]!.id}`] : [];
	const records = [...changed, ...added];
	// The outgoing cover keeps today when they have acted as cover today (absence-cover.ts todayKept, QA 8 D6): said, never silent.
	const today_ = result.todayKept ? `; ${result.todayKept}` : '';
	const kept = `${earlier}${records.length > 0 ? ` (${records.join('; ')})` : ''}${today_}`;
	return {data: result.data, changes: [`cover ${result.before.map(name).join(', ')} -> ${name(coverId)} ${days}${kept}`]};
}

function wholeChange(data: StoreData, absenceId: string, change: AbsenceChange, today?: IsoDate): {data: StoreData; changes: string[]} {
	const index = findAbsence(data, absenceId);
	const current = data.absences[index]!;
	const next: Absence = {...current};
	if (change.from !== undefined) next.from = change.from;
	if (change.to !== undefined) next.to = change.to;
	if (change.coverOfficerId !== undefined) next.coverOfficerId = change.coverOfficerId;
	if (change.reason !== undefined) {
		if (!ABSENCE_REASONS.includes(change.reason)) {
			throw new AbsenceError(`The reason must be one of ${ABSENCE_REASONS.join(', ')} (a category only, never health detail).`);
		}
		next.reason = change.reason;
	}
	const name = (id: string | null) => (id === null ? 'nobody' : shortName(data.officers.find(o => o.id === id)));
	// In the desk's words and dates (QA 4 R-e): "last day 18 Dec -> 19 Dec", "reason annual leave -> training".
	const day = (d: IsoDate | null) => (d === null ? 'none' : shortDate(d, today));
	const changes: string[] = [];
	if (next.from !== current.from) changes.push(`first day ${day(current.from)} -> ${day(next.from)}`);
	if (next.to !== current.to) changes.push(`last day ${day(current.to)} -> ${day(next.to)}`);
	if (next.reason !== current.reason) changes.push(`reason ${REASON_WORDS[current.reason]} -> ${REASON_WORDS[next.reason]}`);
	if (next.coverOfficerId !== current.coverOfficerId) changes.push(`cover ${name(current.coverOfficerId)} -> ${name(next.coverOfficerId)}`);
	if (changes.length === 0) {
		throw new AbsenceError(`${current.id} is already ${describe(current)} with cover ${name(current.coverOfficerId)}: nothing to change.`);
	}
	checkDates(next.from, next.to);
	if (next.from !== current.from) {
		const officer = data.officers.find(o => o.id === next.officerId);
		if (officer) checkJoined(officer, next.from);
	}
	const coverOrDatesChanged = next.coverOfficerId !== current.coverOfficerId || next.from !== current.from || next.to !== current.to;
	if (next.coverOfficerId !== null && coverOrDatesChanged) {
		if (next.coverOfficerId === next.officerId) throw new AbsenceError('An officer cannot cover their own absence.');
		if (!data.officers.some(o => o.id === next.coverOfficerId)) {
			throw new AbsenceError(`No officer with id "${next.coverOfficerId}" to name as cover.`);
		}
		const away = coverAwayProblem(data, next.coverOfficerId, next);
		if (away) throw new AbsenceError(away);
	}
	checkOverlap(data, next.officerId, next, next.id);
	const absences = data.absences.slice();
	absences[index] = next;
	return {data: {...data, absences}, changes};
}

/**
 * Cancels an absence that has not started (its first day is after `today`): it is removed, as if never
 * recorded. One that has started is a fact: set its last day with endAbsence instead.
 */
export function cancelAbsence(data: StoreData, absenceId: string, today: IsoDate): {data: StoreData; cancelled: Absence} {
	const index = findAbsence(data, absenceId);
	const current = data.absences[index]!;
	if (current.partOf) {
		throw new AbsenceError(
			`${current.id} is part of absence ${current.partOf} (its cover for some days): name who covers those days with ` +
				`fortnight absence change ${current.partOf} --cover NAME --from D --to D, or cancel ${current.partOf} itself.`,
		);
	}
	if (current.from <= today) {
		const when = current.to !== null && current.to < today ? `ran ${current.from} to ${current.to}` : `started ${current.from}`;
		throw new AbsenceError(
			`${current.id} ${when}, so it cannot be cancelled: only an absence that has not started can be. ` +
				`Set its last day with fortnight absence end ${current.id} --to D (or correct it with fortnight absence change).`,
		);
	}
	// An absence kept in parts goes whole: none of its parts has started, as its first has not.
	const parts = absenceParts(data.absences, current.id);
	return {data: {...data, absences: data.absences.filter(a => !parts.includes(a))}, cancelled: {...current, to: parts.at(-1)!.to}};
}
