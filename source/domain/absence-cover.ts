/**
 * Changing who covers an absence for some of its days (README "Absences"; DOMAIN.md "History, not just
 * the present"): who supervised the team on a date is a fact, so a cover named on an absence that has
 * started takes effect from the day of the change (or a later first day), and the days before keep the
 * cover they had. The absence is kept as consecutive
 * records ("parts", linked by `partOf` to the first), each with one cover, so every reader of the cover of
 * a date (people.ts awayOn, and the PostgreSQL functions that read an absence's `coverOfficerId` and
 * dates) gives the same answer without a second way to ask.
 */
import {addDays, shortDate, type IsoDate} from './dates.js';
import {coverActsOn} from './cover-acts.js';
import type {Absence, StoreData} from './model.js';
import {shortName} from './people.js';

/**
 * Why a cover's days were refused, as facts, for a reader who names the two days otherwise than the command
 * line's --from and --to (the desk's form: its Cover from and Cover to; ui/team/absence-refusal-words.ts).
 */
export type CoverDaysRefusal =
	| {kind: 'cover-days'; problem: CoverDaysProblem}
	/** The outgoing cover has acted as cover today (QA 8 D6): `todayOnly`, the change was of today alone; else a first day of today was typed. */
	| {kind: 'today-kept'; who: string; acts: string[]; tomorrow: IsoDate; todayOnly: boolean};

/**
 * Thrown with a sentence for the user, in the command line's words; absences.ts re-throws it as its
 * AbsenceError. `refusal`: the same as facts, where the sentence names a flag, for the desk to word.
 */
export class CoverDaysError extends Error {
	override readonly name = 'CoverDaysError';
	constructor(
		message: string,
		readonly refusal?: CoverDaysRefusal,
	) {
		super(message);
	}
}

/** The days a new cover covers: from `from` (default: the absence's first day, or today once it has started) to `to` (default its last). */
export interface CoverDays {
	from?: IsoDate;
	to?: IsoDate;
}

/** Who records the parts a change adds, as every absence record is (README "Who you are"). */
export interface CoverRecording {
	by: string;
	/** ISO instant. */
	at: string;
	/** The session's day when before the clock's (absences.ts recordedOnFor). */
	recordedOn?: IsoDate;
}

const lastDay = (to: IsoDate | null): IsoDate => to ?? '9999-12-31';

/** The records of the absence `id` belongs to, first day first (one record for an absence never split). */
export function absenceParts(absences: readonly Absence[], id: string): Absence[] {
	const a = absences.find(x => x.id === id);
	if (!a) return [];
	const root = a.partOf ?? a.id;
	return absences.filter(x => x.id === root || x.partOf === root).sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
}

/**
 * The id an absence is known by: its first part's (the record the others are `partOf`), whichever part
 * `id` names, so a confirmation names the absence the row, the list and the change form name (QA 7 R5,
 * R9, R16); `id` itself when no record has it.
 */
export function absenceIdOf(absences: readonly Absence[], id: string): string {
	const a = absences.find(x => x.id === id);
	return a ? (a.partOf ?? a.id) : id;
}

/**
 * The days of the absence `a` belongs to, whole: from its first part's first day to its last part's last
 * (`a`'s own days for an absence never split). What "away until" and "ends today" mean to a reader.
 */
export function wholeSpan(absences: readonly Absence[], a: Absence): {from: IsoDate; to: IsoDate | null} {
	if (a.partOf === undefined && !absences.some(x => x.partOf === a.id)) return {from: a.from, to: a.to};
	const parts = absenceParts(absences, a.id);
	return parts.length === 0 ? {from: a.from, to: a.to} : {from: parts[0]!.from, to: parts.at(-1)!.to};
}

/**
 * Orders absences as a list reads them (QA 7 R10): by the first day of the absence each belongs to, then
 * its first part's id (two absences starting the same day stay apart), then part by part, so one absence's
 * parts are listed together and in order, never split by another officer's absence starting in between.
 */
export function byAbsenceThenPart(absences: readonly Absence[]): (a: Absence, b: Absence) => number {
	const rootOf = (a: Absence) => a.partOf ?? a.id;
	const firstDay = new Map<string, IsoDate>();
	for (const a of absences) {
		const root = rootOf(a);
		const seen = firstDay.get(root);
		if (seen === undefined || a.from < seen) firstDay.set(root, a.from);
	}
	const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
	return (a, b) =>
		cmp(firstDay.get(rootOf(a)) ?? a.from, firstDay.get(rootOf(b)) ?? b.from) ||
		rootOf(a).localeCompare(rootOf(b)) ||
		cmp(a.from, b.from) ||
		a.id.localeCompare(b.id);
}

interface Piece {
	/** The record this piece keeps (its first piece), or null for a new part. */
	keeps: Absence | null;
	from: IsoDate;
	to: IsoDate | null;
	coverOfficerId: string | null;
	/** The record it was cut from (for its reason). */
	of: Absence;
}

/** `parts` cut at the edges of `span`, the days inside it given `cover`. */
function cut(parts: readonly Absence[], span: {from: IsoDate; to: IsoDate | null}, cover: string | null): Piece[] {
	const pieces: Piece[] = [];
	for (const p of parts) {
		const add = (from: IsoDate, to: IsoDate | null, coverOfficerId: string | null) =>
			pieces.push({keeps: from === p.from ? p : null, from, to, coverOfficerId, of: p});
		const inFrom = p.from > span.from ? p.from : span.from;
		const inTo = span.to === null ? p.to : p.to !== null && p.to < span.to ? p.to : span.to;
		const overlaps = inFrom <= lastDay(inTo);
		if (!overlaps) {
			add(p.from, p.to, p.coverOfficerId);
			continue;
		}
		if (p.from < inFrom) add(p.from, addDays(inFrom, -1), p.coverOfficerId);
		add(inFrom, inTo, cover);
		if (inTo !== null && lastDay(p.to) > inTo) add(addDays(inTo, 1), p.to, p.coverOfficerId);
	}
	return pieces;
}

/**
 * Consecutive pieces with the same cover become one, so a change back to a cover does not leave needless
 * parts. A piece that has started (from on or before `today`) and is a record already is never folded
 * into the one before: its record, and who made it, stay on file.
 */
function joined(pieces: Piece[], today: IsoDate): Piece[] {
	const out: Piece[] = [];
	for (const p of pieces) {
		const last = out.at(-1);
		if (last && last.coverOfficerId === p.coverOfficerId && (p.keeps === null || p.from > today)) last.to = p.to;
		else out.push({...p});
	}
	return out;
}

/**
 * What is wrong with the days a new cover is asked for, said as facts: the form and the command line each
 * word it in their own names for the two days (the desk's "Cover from"/"Cover to", the command line's
 * --from/--to), so one rule decides for both (absence-form-state.ts, coverForDays below). `given`: which
 * days were typed; a blank one reads as the command line's default, as coverForDays reads it.
 */
export type CoverDaysProblem =
	/** The absence ended before today: every day it ran keeps the cover it had. */
	| {kind: 'ran'; absenceId: string; first: IsoDate; last: IsoDate}
	/** The cover's first day is before the absence's first day. */
	| {kind: 'before-first'; day: 'from'; date: IsoDate; first: IsoDate; last: IsoDate | null; absenceId: string}
	/** One of the cover's days is after the absence's last day. */
	| {kind: 'after-last'; day: 'from' | 'to'; date: IsoDate; first: IsoDate; last: IsoDate; absenceId: string}
	/** The cover's last day is before its first (`fromGiven`: the first was typed, not the default). */
	| {kind: 'backwards'; from: IsoDate; to: IsoDate; fromGiven: boolean}
	/** The absence has started and the cover's first day is before today: the days gone by keep their cover. */
	| {kind: 'before-today'; absenceId: string; first: IsoDate; date: IsoDate; today: IsoDate};

/**
 * The days a cover named on an absence running `whole` covers: those in `days`, a blank first day being
 * today on an absence that has started (else its first day), a blank last day its last.
 */
export function coverSpan(
	whole: {from: IsoDate; to: IsoDate | null},
	days: CoverDays,
	today: IsoDate,
): {from: IsoDate; to: IsoDate | null} {
	return {from: days.from ?? (whole.from <= today ? today : whole.from), to: days.to ?? whole.to};
}

/**
 * Why a cover cannot be named for `days` of the absence `absenceId` running `whole` (its first part's first
 * day to its last part's last, as the change will save them) on `today`, or null when it can (README
 * "Absences": who covered a day gone by stays on record). Pure.
 */
export function coverDaysProblem(
	absenceId: string,
	whole: {from: IsoDate; to: IsoDate | null},
	days: CoverDays,
	today: IsoDate,
): CoverDaysProblem | null {
	const first = whole.from;
	const last = whole.to;
	const {from, to} = coverSpan(whole, days, today);
	if (last !== null && last < today) return {kind: 'ran', absenceId, first, last};
	if (from < first) return {kind: 'before-first', day: 'from', date: from, first, last, absenceId};
	if (last !== null && from > last) return {kind: 'after-last', day: 'from', date: from, first, last, absenceId};
	if (last !== null && to !== null && to > last) return {kind: 'after-last', day: 'to', date: to, first, last, absenceId};
	if (to !== null && to < from) return {kind: 'backwards', from, to, fromGiven: days.from !== undefined};
	if (from < today) return {kind: 'before-today', absenceId, first, date: from, today};
	return null;
}

/** A CoverDaysProblem in the command line's words: its --from and --to (absence change --cover NAME --from D --to D). */
function commandLineWords(p: CoverDaysProblem, today: IsoDate): string {
	const words = (d: IsoDate) => shortDate(d, today);
	const whole = (first: IsoDate, last: IsoDate | null) => `${words(first)} to ${last === null ? 'no end date' : words(last)}`;
	switch (p.kind) {
		case 'ran':
			return `${p.absenceId} ran ${whole(p.first, p.last)}: the days it ran keep the cover they had, so its cover cannot be changed now.`;
		case 'before-first':
			return `The cover's days must lie within ${p.absenceId} (${whole(p.first, p.last)}): --from ${words(p.date)} is before its first day.`;
		case 'after-last':
			return `The cover's days must lie within ${p.absenceId} (${whole(p.first, p.last)}): --${p.day} ${words(p.date)} is after its last day.`;
		case 'backwards':
			return `The cover's last day ${words(p.to)} is before their first day ${words(p.from)}.`;
		case 'before-today':
			return (
				`${p.absenceId} started ${words(p.first)}: the days before today keep the cover they had. ` +
				`Name the new cover from today: --from ${p.today} or later.`
			);
	}
}

/**
 * The absence `absenceId` belongs to with `cover` (null: nobody) for `days`: days before today on an
 * absence that has started are refused (they keep their cover), as are days outside the absence
 * (coverDaysProblem, in the command line's words). Returns the new data, the span changed, the covers
 * it had, the parts added and the later parts whose cover changed. The caller checks the new cover (absences.ts).
 */
export function coverForDays(
	data: StoreData,
	absenceId: string,
	cover: string | null,
	days: CoverDays,
	today: IsoDate,
	recording: CoverRecording,
	nextId: (data: StoreData) => string,
): {
	data: StoreData;
	span: {from: IsoDate; to: IsoDate | null};
	before: (string | null)[];
	added: string[];
	changed: string[];
	/** Why the new cover starts tomorrow, not today (todayKept), for the confirmation; undefined when it starts as asked. */
	todayKept?: string;
} {
	const parts = absenceParts(data.absences, absenceId);
	const first = parts[0]!;
	const end = parts.at(-1)!.to;
	const whole = {from: first.from, to: end};
	const problem = coverDaysProblem(first.id, whole, days, today);
	if (problem) throw new CoverDaysError(commandLineWords(problem, today), {kind: 'cover-days', problem});
	const kept = todayKept(data, parts, cover, coverSpan(whole, days, today), days, today);
	const {from, to} = coverSpan(whole, kept ? {...days, from: addDays(today, 1)} : days, today);
	const span = {from, to};
	const before = [...new Set(parts.filter(p => p.from <= lastDay(to) && from <= lastDay(p.to)).map(p => p.coverOfficerId))];
	if (before.length === 1 && before[0] === cover) {
		throw new CoverDaysError(`${first.id} already has that cover on those days: nothing to change.`);
	}
	const pieces = joined(cut(parts, span, cover), today);
	let next: StoreData = {...data, absences: data.absences.filter(a => !parts.includes(a))};
	const records: Absence[] = [];
	const added: string[] = [];
	// A later part whose cover changed in place (QA 7 R5): the confirmation says it, as it says the parts added.
	const changed: string[] = [];
	for (const p of pieces) {
		if (p.keeps) {
			if (p.keeps !== first && p.keeps.coverOfficerId !== p.coverOfficerId) changed.push(p.keeps.id);
			records.push({...p.keeps, to: p.to, coverOfficerId: p.coverOfficerId});
			continue;
		}
		const id = nextId({...next, absences: [...next.absences, ...records]});
		added.push(id);
		records.push({
			id,
			officerId: first.officerId,
			from: p.from,
			to: p.to,
			reason: p.of.reason,
			coverOfficerId: p.coverOfficerId,
			recordedAt: recording.at,
			...(recording.recordedOn ? {recordedOn: recording.recordedOn} : {}),
			recordedBy: recording.by,
			partOf: first.id,
		});
	}
	// The records stay where the first part was, so the file's order reads as before.
	const at = data.absences.slice(0, data.absences.indexOf(first)).filter(a => !parts.includes(a)).length;
	const absences = next.absences.slice();
	absences.splice(at, 0, ...records);
	next = {...next, absences};
	return {data: next, span, before, added, changed, ...(kept ? {todayKept: kept} : {})};
}

/**
 * Whether today stays with the outgoing cover (QA 8 D6): a cover who has already acted as the team's
 * supervisor today (cover-acts.ts) keeps today, so what they did rests on their cover (README "Absences").
 * A blank first day then starts the new cover tomorrow, and the words returned say why; a first day of
 * today typed, or a change of today only, is refused naming the records and the way to start tomorrow.
 */
function todayKept(
	data: StoreData,
	parts: readonly Absence[],
	cover: string | null,
	span: {from: IsoDate; to: IsoDate | null},
	days: CoverDays,
	today: IsoDate,
): string | undefined {
	if (span.from !== today) return undefined;
	const keeper = keepsToday(data, parts, cover, today);
	if (!keeper) return undefined;
	const {who, acts} = keeper;
	const tomorrow = addDays(today, 1);
	const did = `${who} has acted as cover today (${acts.join(', ')})`;
	const kept = (todayOnly: boolean): CoverDaysRefusal => ({kind: 'today-kept', who, acts, tomorrow, todayOnly});
	if (span.to !== null && span.to < tomorrow) {
		throw new CoverDaysError(`${did}: those records rest on their cover, so today's cover cannot change.`, kept(true));
	}
	if (days.from !== undefined) {
		throw new CoverDaysError(
			`${did}: those records rest on their cover, so today stays theirs. ` +
				`Name the new cover from tomorrow: --from ${tomorrow}, or leave --from blank.`,
			kept(false),
		);
	}
	return `today stays ${who}'s, who has acted as cover today (${acts.join(', ')})`;
}

/** Who keeps today when `cover` is named from today on the absence in `parts` (QA 8 D6): its cover today, when they have acted as cover today. */
function keepsToday(
	data: StoreData,
	parts: readonly Absence[],
	cover: string | null,
	today: IsoDate,
): {officerId: string; who: string; acts: string[]} | undefined {
	const todays = parts.find(p => p.from <= today && today <= lastDay(p.to));
	const outgoing = todays?.coverOfficerId ?? null;
	if (outgoing === null || outgoing === cover) return undefined;
	const acts = coverActsOn(data, outgoing, today);
	if (acts.length === 0) return undefined;
	return {officerId: outgoing, who: shortName(data.officers.find(o => o.id === outgoing)), acts};
}

/** Where a cover named with no first day starts (blankCoverFrom), and why when it is not the day asked. */
export interface BlankCoverFrom {
	/** The first day the new cover would cover. */
	from: IsoDate;
	/** Why: the absence's first day (it has not started), today, or tomorrow because today stays with `keptBy`. */
	because: 'first-day' | 'today' | 'today-kept';
	/** The outgoing cover who keeps today, and what they did as cover today (cover-acts.ts), when `because` is today-kept. */
	keptBy?: {officerId: string; who: string; acts: string[]};
}

/**
 * The first day a cover named on the absence `absenceId` belongs to covers when none is given (the desk's
 * blank Cover from, the command line's change without --from): as coverForDays decides it, so the form's
 * words say what saving will do (README "Absences"). Its first day before it starts, else today, or
 * tomorrow when the cover it has today has already acted as cover today and `cover` (null: nobody) is
 * someone else (QA 8 D6). `whole`: the absence's first and last day, when the change moves them too.
 */
export function blankCoverFrom(
	data: StoreData,
	absenceId: string,
	cover: string | null,
	today: IsoDate,
	whole?: {from: IsoDate; to: IsoDate | null},
): BlankCoverFrom {
	const parts = absenceParts(data.absences, absenceId);
	const span = whole ?? (parts.length > 0 ? {from: parts[0]!.from, to: parts.at(-1)!.to} : {from: today, to: null});
	const from = coverSpan(span, {}, today).from;
	if (from !== today) return {from, because: 'first-day'};
	const keptBy = keepsToday(data, parts, cover, today);
	return keptBy ? {from: addDays(today, 1), because: 'today-kept', keptBy} : {from, because: 'today'};
}

/**
 * The days of absence `absenceId` on which `coverAway` (its named cover's own absence) leaves it with
 * nobody, from today on: what a problem's way names, so a cover is named for those days only and the
 * first cover keeps the rest (README "Absences"). Undefined when none of those days is still to come.
 */
export function daysCoverAway(
	absences: readonly Absence[],
	absenceId: string,
	coverAway: Pick<Absence, 'from' | 'to'>,
	today: IsoDate,
): {from: IsoDate; to: IsoDate | null} | undefined {
	const parts = absenceParts(absences, absenceId);
	if (parts.length === 0) return undefined;
	const start = [parts[0]!.from, coverAway.from, today].reduce((a, b) => (a > b ? a : b));
	const ends = [parts.at(-1)!.to, coverAway.to].filter((d): d is IsoDate => d !== null);
	const to = ends.length === 0 ? null : ends.reduce((a, b) => (a < b ? a : b));
	return to !== null && to < start ? undefined : {from: start, to};
}
