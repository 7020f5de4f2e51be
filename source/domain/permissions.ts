/**
 * Who may do what, decided from the store and the day (README, "People and permissions"): a sergeant
 * supervises their team; a cover (acting sergeant) the team of the supervisor they cover, for the days
 * of that absence and no longer; an inspector their teams (and decides escalated performance triggers);
 * an officer reads their own cases. No one supervises themselves (independence.ts). A refusal is one
 * sentence that says who can do it instead.
 */
import {shortDate, type IsoDate} from './dates.js';
import {hasSupervisor, nextUpWords, ownWorkGoesTo, selfSupervisionRefusal} from './independence.js';
import type {Case, Officer, StoreData} from './model.js';
import {absenceLookup, awayOn, shortName} from './people.js';
import {wholeSpan} from './absence-cover.js';
import {safeText, typedInQuotes} from './safe-text.js';
import {inspectorOn, sergeantOn} from './team-history.js';

export type Permission = {ok: true; as: RoleWord} | {ok: false; reason: string};

/** In what capacity an allowed action is taken: recorded in messages, never inferred for the author. */
export type RoleWord = 'sergeant' | 'cover' | 'inspector';

const name = (data: StoreData, id: string | null | undefined) => safeText(shortName(id ? officersById(data.officers).get(id) : undefined));

/** The officer's line manager: their recorded supervisor, else the team's sergeant (never themselves). */
export function lineManagerOf(data: StoreData, officerId: string): Officer | undefined {
	const byId = officersById(data.officers);
	const o = byId.get(officerId);
	// Only an investigator with no recorded line manager falls to the team's sergeant: an inspector does not.
	const id = o?.supervisorId ?? (o?.role === 'investigator' ? data.team.sergeantId : null);
	return id === null || id === officerId ? undefined : byId.get(id);
}

// Indexed once per list of officers (a snapshot's lists are never changed in place: people.ts absenceLookup
// relies on the same): who supervises whom is asked for every problem a reader's ways are checked on
// (ways-for-officer.ts), and two looks through 768 officers a time were most of that. The first officer
// with an id wins, as `find` did.
function officersById(officers: readonly Officer[]): ReadonlyMap<string, Officer> {
	let byId = byIdOf.get(officers);
	if (!byId || byIdLength.get(officers) !== officers.length) {
		const made = new Map<string, Officer>();
		for (const o of officers) if (!made.has(o.id)) made.set(o.id, o);
		byIdOf.set(officers, (byId = made));
		byIdLength.set(officers, officers.length);
	}
	return byId;
}

const byIdOf = new WeakMap<readonly Officer[], ReadonlyMap<string, Officer>>();
const byIdLength = new WeakMap<readonly Officer[], number>();

/**
 * The officer's line manager ON `date`, for welfare notes (DOMAIN "Welfare notes: readable by the officer's
 * line manager of that date"). The team's supervision history is the only record of who managed whom when
 * (team-history.ts), so an officer recorded under the team's present sergeant (or an investigator with
 * nobody recorded) had the team's sergeant of that date, one recorded under its present inspector (or a
 * sergeant with nobody recorded) its inspector of that date, and one recorded under anyone else (a second
 * sergeant, whose line has no history) that person. PostgreSQL asks the same (migration 018,
 * fortnight_line_manager_on); never the officer themselves.
 */
export function lineManagerOn(data: StoreData, officerId: string, date: IsoDate): Officer | undefined {
	const o = data.officers.find(x => x.id === officerId);
	if (!o) return undefined;
	const recorded = o.supervisorId;
	let id: string | null;
	if (recorded === data.team.sergeantId || (recorded === null && o.role === 'investigator')) id = sergeantOn(data.team, date);
	else if (recorded === data.team.inspectorId || (recorded === null && o.role === 'sergeant')) id = inspectorOn(data.team, date);
	else id = recorded;
	return id === null || id === officerId ? undefined : data.officers.find(x => x.id === id);
}

/** True when `actorId` is an inspector over this team: the team's inspector, or the sergeant's own line manager. */
export function isInspectorOver(data: StoreData, actorId: string): boolean {
	if (data.team.inspectorId === actorId) return true;
	const byId = officersById(data.officers);
	const sergeant = data.team.sergeantId === null ? undefined : byId.get(data.team.sergeantId);
	return sergeant?.supervisorId === actorId && byId.get(actorId)?.role === 'inspector';
}

/**
 * How `actorId` supervises `officerId` on `date`, or null: their line manager (sergeant), the named
 * cover acting for that line manager that day (a cover away that day covers nobody), or an inspector
 * over the team (the next person up). Self-supervision is refused separately, first.
 */
export function supervisesAs(data: StoreData, actorId: string, officerId: string, date: IsoDate): RoleWord | null {
	const manager = lineManagerOf(data, officerId);
	if (manager?.id === actorId) return manager.role === 'inspector' ? 'inspector' : 'sergeant';
	if (manager && awayOn(absenceLookup(data.absences), manager.id, date)?.coverId === actorId) return 'cover';
	if (isInspectorOver(data, actorId)) return 'inspector';
	return null;
}

/**
 * Who can do it instead, for refusals: "DS Brennan (or the cover named while they are away) or DI Okafor".
 * Never the person refused (`refusedId`): not the manager themselves, and no "cover" clause when they are
 * a named cover there (they would be told to ask themselves). On a `date` the manager is away, that day's
 * absences decide it (the QA pass saw "DS Brennan or DI Okafor can" while DS Brennan was on sick leave
 * with nobody covering): the cover who acts that day, else only the person above.
 */
function whoCan(data: StoreData, officerId: string, refusedId?: string, date?: IsoDate): string {
	const manager = lineManagerOf(data, officerId);
	const away = manager && date !== undefined ? awayOn(absenceLookup(data.absences), manager.id, date) : undefined;
	// The refused person named as cover for the manager (or for the officer, a sergeant whose manager is the inspector).
	const isTheirCover =
		manager !== undefined &&
		data.absences.some(a => (a.officerId === manager.id || a.officerId === officerId) && a.coverOfficerId === refusedId);
	const parts: string[] = [];
	if (away) {
		// Nor the officer the refusal is about, when they are the cover that day: no one supervises their own work.
		if (away.coverId && away.coverId !== refusedId && away.coverId !== officerId)
			parts.push(`${name(data, away.coverId)} (covering ${name(data, manager!.id)})`);
	} else if (manager && manager.id !== refusedId) {
		parts.push(`${name(data, manager.id)}${isTheirCover ? '' : ' (or the cover named while they are away)'}`);
	}
	if (data.team.inspectorId && data.team.inspectorId !== manager?.id && data.team.inspectorId !== refusedId)
		parts.push(name(data, data.team.inspectorId));
	if (parts.length === 0 && refusedId !== undefined) return nextUpWords(data, refusedId);
	return parts.length > 0 ? parts.join(' or ') : "the team's sergeant or inspector";
}

function unknownActor(data: StoreData, actorId: string): Permission | null {
	return officersById(data.officers).has(actorId) ? null : {ok: false, reason: `${safeText(actorId)} is not an officer in this store.`};
}

/** May `actorId` review (sign or amend a review of) the case `caseRef` on `date`? */
export function mayReview(data: StoreData, actorId: string, caseRef: string, date: IsoDate): Permission {
	const c = data.cases.find(x => x.ref === caseRef);
	if (!c) return {ok: false, reason: `There is no case ${typedInQuotes(caseRef)} in this store.`};
	return mayReviewCase(data, actorId, c, date);
}

/**
 * mayReview for a case already in hand (one of `data.cases`): the same answer, without looking through
 * every case for its crime reference. Signing holds the case (review/sign.ts: one look at each of a
 * team's cases less per signing), and the review queue asks it of every case due, which made the queue
 * quadratic in the store's cases (20,000 cases: 2.8 s, 1.1 s without the look).
 */
export function mayReviewCase(data: StoreData, actorId: string, c: Case, date: IsoDate): Permission {
	const self = selfSupervisionRefusal(data, actorId, c.oicId, 'review', c.ref, undefined, date);
	if (self) return {ok: false, reason: self};
	return supervisesOrRefused(data, actorId, c.oicId, date, `review ${safeText(c.ref)}`);
}

/** `actorId`'s standing over `oicId` on `date`, or a refusal naming who can instead (`doing`: "review CR/..."). */
function supervisesOrRefused(data: StoreData, actorId: string, oicId: string, date: IsoDate, doing: string): Permission {
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	const as = supervisesAs(data, actorId, oicId, date);
	if (as) return {ok: true, as};
	return {
		ok: false,
		reason: `${name(data, actorId)} does not supervise ${name(data, oicId)} on ${shortDate(date)}, so cannot ${doing}: ${whoCan(data, oicId, actorId, date)} can.`,
	};
}

/** May `actorId` decide a performance trigger about `officerId`? An escalated trigger is the inspector's alone. */
export function mayDecideTrigger(data: StoreData, actorId: string, officerId: string, date: IsoDate, escalated: boolean): Permission {
	const self = selfSupervisionRefusal(data, actorId, officerId, 'decide', undefined, undefined, date);
	if (self) return {ok: false, reason: self};
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	if (escalated) {
		if (isInspectorOver(data, actorId)) return {ok: true, as: 'inspector'};
		return {ok: false, reason: escalatedTriggerRefusal(data, officerId)};
	}
	const as = supervisesAs(data, actorId, officerId, date);
	if (as) return {ok: true, as};
	return {
		ok: false,
		reason:
			`${name(data, actorId)} does not supervise ${name(data, officerId)} on ${shortDate(date)}, so cannot decide their performance trigger: ` +
			`${whoCan(data, officerId, actorId, date)} can.`,
	};
}

/** Why anyone but an inspector over the team is refused a decision on `officerId`'s escalated trigger, naming who decides it. */
export function escalatedTriggerRefusal(data: StoreData, officerId: string): string {
	const inspector = data.team.inspectorId ? name(data, data.team.inspectorId) : "the team's inspector";
	return `${name(data, officerId)}'s performance trigger was escalated to the inspector: only ${inspector} can decide it.`;
}

/**
 * May `actorId` record what happened to the bail of `caseRef` (an extension, a re-bail, how it ended)?
 * The people who supervise its officer in the case that day, as for a review; never the officer who holds it.
 */
export function mayRecordBail(data: StoreData, actorId: string, caseRef: string, date: IsoDate): Permission {
	const c = data.cases.find(x => x.ref === caseRef);
	if (!c) return {ok: false, reason: `There is no case ${typedInQuotes(caseRef)} in this store.`};
	return mayRecordBailCase(data, actorId, c, date);
}

/** mayRecordBail for a case already in hand (one of `data.cases`), without looking through every case (as mayReviewCase). */
export function mayRecordBailCase(data: StoreData, actorId: string, c: Case, date: IsoDate): Permission {
	if (actorId === c.oicId) {
		return {
			ok: false,
			reason:
				`${name(data, actorId)} holds ${safeText(c.ref)}, so cannot record its bail decisions: no one supervises their own cases. ` +
				`They go to ${whoCan(data, c.oicId, actorId, date)}.`,
		};
	}
	return supervisesOrRefused(data, actorId, c.oicId, date, `record the bail of ${safeText(c.ref)}`);
}

/** May `actorId` record a welfare event (check-in, screening, tenure review, one-to-one) for `officerId`? */
export function mayRecordWelfare(data: StoreData, actorId: string, officerId: string, date: IsoDate): Permission {
	const self = selfSupervisionRefusal(data, actorId, officerId, 'welfare', undefined, undefined, date);
	if (self) return {ok: false, reason: self};
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	const as = supervisesAs(data, actorId, officerId, date);
	if (as) return {ok: true, as};
	return {
		ok: false,
		reason:
			`${name(data, actorId)} is not ${name(data, officerId)}'s line manager on ${shortDate(date)}, so cannot record their welfare: ` +
			`${whoCan(data, officerId, actorId, date)} can.`,
	};
}

/**
 * Welfare notes are read by the officer's line manager of the note's date (or the cover acting for them) and
 * the note's author; never by peers. A cover reads the notes of the days they cover only while they still
 * cover that line manager on `today`: "an officer before and after" (README "Who may read what"; REVIEW-9 D7:
 * a former cover, a peer again, read notes dated in his old window, even ones filed after it). The same rule
 * as migrations/postgres/021's fortnight_reads_welfare, so both stores agree.
 */
export function mayReadWelfareNote(
	data: StoreData,
	actorId: string,
	note: {officerId: string; by: string; date: IsoDate},
	today: IsoDate,
): boolean {
	if (note.by === actorId) return true;
	if (note.officerId === actorId) return false;
	// The line manager of the note's date, or who covered them that day and still does (awayOn: a cover away covers nobody).
	const manager = lineManagerOn(data, note.officerId, note.date);
	if (!manager) return false;
	if (manager.id === actorId) return true;
	const lookup = absenceLookup(data.absences);
	return awayOn(lookup, manager.id, note.date)?.coverId === actorId && awayOn(lookup, manager.id, today)?.coverId === actorId;
}

/** Notes the store itself kept from the reader, counted per officer (the PostgreSQL store's row-level security). */
export interface WithheldByStore {
	officerId: string;
	count: number;
}

/**
 * The welfare notes `actorId` may read (mayReadWelfareNote), for a handover with --include-welfare
 * (README "Welfare notes"): the rest are left out, counted. When there are notes and they may read none
 * of them, `refusal` says so and who can: the officers' line manager, who prepares the cover's handover.
 * `hidden`: the notes of the window the store did not hand over at all (the PostgreSQL store shows a
 * reader only the notes they may read, and says how many others there are, per officer): counted with
 * the rest, so both stores give the same answer.
 */
export function readableWelfareNotes<N extends {officerId: string; by: string; date: IsoDate}>(
	data: StoreData,
	actorId: string,
	notes: readonly N[],
	hidden: readonly WithheldByStore[],
	today: IsoDate,
): {notes: N[]; withheld: number; refusal: string | null} {
	const readable = notes.filter(n => mayReadWelfareNote(data, actorId, n, today));
	const withheld = notes.length - readable.length + hidden.reduce((sum, h) => sum + h.count, 0);
	if (readable.length > 0 || withheld === 0) return {notes: readable, withheld, refusal: null};
	const about = [...notes.map(n => n.officerId), ...hidden.filter(h => h.count > 0).map(h => h.officerId)];
	const managers = [...new Set(about.map(o => lineManagerOf(data, o)?.id).filter((id): id is string => id !== undefined))];
	const instead = askToPrepare(data, actorId, managers, today);
	return {
		notes: [],
		withheld,
		refusal:
			`${name(data, actorId)} may read none of the ${withheld === 1 ? 'welfare note' : `${withheld} welfare notes`} in this window: ` +
			`a note is read only by the officer's line manager on its date (or the cover named for that day) and by its author. ` +
			instead,
	};
}

/**
 * What to do instead of a handover with the welfare notes, on `today`: whom to ask (QA 6 R17: it said "ask
 * DS Brennan" on a day DS Brennan was on sick leave). The notes' line managers at work that day; for one
 * away, the cover named for that day, who reads the notes of the days they cover (mayReadWelfareNote);
 * with nobody else to ask, it says nobody at work that day may read them and why. Decided from the
 * absences alone, not the notes' dates: the PostgreSQL store hands over only counts of the notes a
 * reader may not read, and both stores must answer alike. Without `today`, the line managers, as before.
 */
function askToPrepare(data: StoreData, actorId: string, managers: readonly string[], today: IsoDate | undefined): string {
	const ask = (who: readonly string[]) => `Leave out --include-welfare, or ask ${who.join(' or ')} to prepare it.`;
	if (managers.length === 0) return ask(['their line manager']);
	if (today === undefined) return ask(managers.map(id => name(data, id)));
	const lookup = absenceLookup(data.absences);
	const atWork: string[] = [];
	const away: string[] = [];
	for (const id of managers) {
		const absent = awayOn(lookup, id, today);
		const cover = absent?.coverId ?? null;
		if (!absent) {
			if (id !== actorId) atWork.push(name(data, id));
		} else if (cover && cover !== actorId) {
			atWork.push(`${name(data, cover)} (covering ${name(data, id)}: the notes of the days they cover)`);
		} else {
			// Until the absence's real last day, not the end of the part with this cover (QA 8 R16: "until 13 Dec" for one to 04 Feb).
			const to = wholeSpan(data.absences, absent.absence).to;
			const until = to === null ? 'with no end date recorded' : `until ${shortDate(to, today)}`;
			const covering = cover ? `, and ${name(data, cover)}, covering, reads only the notes of the days they cover` : '';
			away.push(`${name(data, id)}, their line manager, is away ${until}${covering}`);
		}
	}
	if (atWork.length > 0) return ask([...new Set(atWork)]);
	return `Leave out --include-welfare: nobody at work on ${shortDate(today, today)} may read them (${away.join('; ')}).`;
}

/**
 * What `actorId` may do on `date`, in sentences for `fortnight whoami` and the desk's help: whom they
 * supervise and in what capacity, and what goes to someone else.
 */
export function capacitiesOn(data: StoreData, actorId: string, date: IsoDate): string[] {
	const out: string[] = [];
	const people = data.officers.filter(o => o.id !== actorId && o.leftUnit === null);
	const by = new Map<RoleWord, string[]>();
	for (const o of people) {
		const as = supervisesAs(data, actorId, o.id, date);
		if (as) by.set(as, [...(by.get(as) ?? []), name(data, o.id)]);
	}
	const list = (xs: string[]) => (xs.length > 4 ? `${xs.slice(0, 4).join(', ')} and ${xs.length - 4} more` : xs.join(', '));
	const sergeantOf = by.get('sergeant');
	if (sergeantOf) {
		out.push(
			`review the cases of, decide performance triggers for (not those on the inspector's list), and record the welfare of ${list(sergeantOf)} (their sergeant)`,
		);
	}
	const coverOf = by.get('cover');
	if (coverOf) {
		const absences = data.absences.filter(a => a.coverOfficerId === actorId && a.from <= date && (a.to === null || a.to >= date));
		const whose = absences
			.map(a => `${name(data, a.officerId)} ${a.to ? `until ${shortDate(a.to, date)}` : 'with no return date'}`)
			.join(', ');
		out.push(`as cover for ${whose}: review the cases of ${list(coverOf)}, for those days only`);
	}
	const inspectorOf = by.get('inspector');
	if (inspectorOf)
		out.push(`as inspector: review any case of the team, decide escalated performance triggers, and record the sergeant's welfare`);
	const own = data.cases.filter(c => c.oicId === actorId && c.status !== 'closed').length;
	if (own > 0)
		out.push(
			`read your own ${own === 1 ? 'case' : `${own} cases`}; their reviews, your performance trigger and your welfare check-in go to ` +
				`${reviewedBy(data, actorId, date)}`,
		);
	if (out.length === 0)
		out.push(
			`${readsTeam(data, actorId, date) ? "read the team's records" : readsOwnWords}; you supervise no one in this store on this day`,
		);
	return out;
}

// An officer reads their own record and cases only (README "Who may read what"); the same test as
// read-scope.ts readScopeOn, which imports this file.
const readsOwnWords = 'read your own record and your own cases (none live now)';
function readsTeam(data: StoreData, actorId: string, date: IsoDate): boolean {
	if (isInspectorOver(data, actorId) || data.team.sergeantId === actorId) return true;
	return data.officers.some(o => o.id !== actorId && supervisesAs(data, actorId, o.id, date) !== null);
}

/** Who supervises the actor's own work on `date`: their line manager, or, while the actor covers that manager, the next person up. */
function reviewedBy(data: StoreData, actorId: string, date: IsoDate): string {
	const manager = lineManagerOf(data, actorId);
	if (!manager) return nextUpWords(data, actorId);
	const coveringManager = awayOn(absenceLookup(data.absences), manager.id, date)?.coverId === actorId;
	if (coveringManager)
		return `${nextUpWords(data, actorId)}, because you are covering ${name(data, manager.id)} and no one supervises themselves`;
	return `${name(data, manager.id)} (or whoever covers them)`;
}

/** What is done to an absence (README "Who may change absences and cover"). */
export type AbsenceAct = 'add' | 'change' | 'end' | 'cancel';

/** The parts of an absence the rules read: whose it is, its id once recorded, and who covers. */
export interface AbsenceSides {
	id?: string;
	officerId: string;
	coverOfficerId: string | null;
}

/** The officer `actorId` covers on `date` (the absent one whose named cover they are and who is away), else undefined. */
function coveredOn(data: StoreData, actorId: string, date: IsoDate): string | undefined {
	const lookup = absenceLookup(data.absences);
	return data.absences.find(a => a.coverOfficerId === actorId && awayOn(lookup, a.officerId, date)?.coverId === actorId)?.officerId;
}

/** "DI Okafor", "DS Brennan (or the cover named while they are away) or DI Okafor": who acts above `officerId`. */
function aboveWords(data: StoreData, officerId: string, refusedId?: string, date?: IsoDate): string {
	return whoCan(data, officerId, refusedId, date);
}

/**
 * Who can name the cover of `absentId`'s absence, for a refusal of `actorId` naming themselves. A
 * supervisor's absence: they name its cover themselves (anyone but themselves), as does the person above
 * them; never the cover of that absence, who may not change it (README "Who may change absences and
 * cover"), so whoCan's "(or the cover named while they are away)" is not said (QA 6 R16). An officer's:
 * whoever supervises them that day (whoCan).
 */
function whoNamesCover(data: StoreData, absentId: string, actorId: string, today: IsoDate, supervises: boolean): string {
	if (!supervises) return `${capitalise(aboveWords(data, absentId, actorId, today))} can name the cover.`;
	const above =
		lineManagerOf(data, absentId) ?? (data.team.inspectorId ? data.officers.find(o => o.id === data.team.inspectorId) : undefined);
	const aboveName = above && above.id !== absentId && above.id !== actorId ? name(data, above.id) : null;
	if (actorId === absentId)
		return aboveName ? `Name someone else as the cover, or ${aboveName} can choose them.` : 'Name someone else as the cover.';
	return aboveName ? `${name(data, absentId)} or ${aboveName} can name the cover.` : `${name(data, absentId)} can name the cover.`;
}

/**
 * May `actorId` add, change, end or cancel an absence on `today` (README "Who may change absences and
 * cover"; DOMAIN "People and permissions")? `before` is the absence as recorded (null for an add),
 * `after` as it would be (null for a cancel; for an end, the same cover). The rules, in order:
 * - the named cover of a supervisor's absence cannot change, end or cancel it: that absence is what
 *   makes them the cover, and no one supervises themselves (it goes to the person above);
 * - nobody names themselves as a cover: the cover acts in someone's place, so someone above chooses them;
 * - an officer's absence is recorded by whoever supervises them that day (their sergeant, the cover named
 *   for the sergeant's days away, the inspector); a sergeant or inspector may record their own absence
 *   and name its cover (anyone but themselves), as may the person above them; an officer (DC) acts for nobody.
 */
export function mayChangeAbsence(
	data: StoreData,
	actorId: string,
	act: AbsenceAct,
	before: AbsenceSides | null,
	after: AbsenceSides | null,
	today: IsoDate,
): Permission {
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	const subject = (before ?? after)!;
	const absentId = subject.officerId;
	const actor = name(data, actorId);
	const absent = name(data, absentId);
	const theirs = actorId === absentId ? 'their own absence' : `${absent}'s absence`;
	const which = before?.id ? ` ${safeText(before.id)}` : '';
	const absentOfficer = data.officers.find(o => o.id === absentId);
	const supervises = absentOfficer !== undefined && absentOfficer.role !== 'investigator';
	if (before && before.coverOfficerId === actorId && supervises && act !== 'add') {
		return {
			ok: false,
			reason:
				`${actor} is the named cover for ${theirs}${which}, so cannot ${act} it: no one supervises themselves, and this absence is what ` +
				`makes them the cover. It goes to ${aboveWords(data, absentId, actorId, today)}.`,
		};
	}
	const coverBefore = before?.coverOfficerId ?? null;
	const coverChanged = after !== null && after.coverOfficerId !== coverBefore;
	if (coverChanged && after.coverOfficerId === actorId) {
		return {
			ok: false,
			reason:
				`${actor} cannot name themselves as cover for ${theirs}${which}: no one names themselves as cover (a cover acts in someone's ` +
				`place, so the person above chooses them). ${whoNamesCover(data, absentId, actorId, today, supervises)}`,
		};
	}
	const doing = act === 'add' ? `record an absence for ${absent}` : `${act} ${theirs}${which}`;
	if (actorId === absentId) {
		const me = data.officers.find(o => o.id === actorId)!;
		if (me.role === 'investigator') {
			// The reason is the absence rule, not the reading one (QA 4 R-j), and who can is read from the
			// day's absences: while this officer covers the sergeant, only the person above.
			// Said of officers (DC, TDC) only, as 008 says it: a sergeant or inspector does record their own
			// (README "Who may change absences and cover"); while covering, this one records others' but not theirs.
			const covering = coveredOn(data, actorId, today);
			const rule = covering
				? `an officer (DC, TDC) records no absence of their own, even while covering ${name(data, covering)}`
				: 'an officer (DC, TDC) records no absence, their own included';
			return {
				ok: false,
				reason:
					`${actor} cannot ${doing}: ${rule}; an officer's is recorded by whoever supervises ` +
					`them that day. ${capitalise(aboveWords(data, absentId, actorId, today))} can.`,
			};
		}
		// A sergeant arranging their own leave names who acts for them (DOMAIN "Acting on a problem": absences
		// and cover are the sergeant's to record); naming themselves is refused above, and once named, the
		// cover cannot change the absence that makes them the cover.
		return {ok: true, as: me.role === 'inspector' ? 'inspector' : 'sergeant'};
	}
	const as = supervisesAs(data, actorId, absentId, today);
	if (as) return {ok: true, as};
	return {
		ok: false,
		reason: `${actor} does not supervise ${absent} on ${shortDate(today)}, so cannot ${doing}: ${aboveWords(data, absentId, actorId, today)} can.`,
	};
}

/**
 * May `actorId` name (or change) the cover of the recorded absence `absenceId`, the way of a cover problem
 * (the desk's `c` on it): as mayActOnAbsence for a change (the cover it names is checked when it is saved).
 */
export function mayNameCover(data: StoreData, actorId: string, absenceId: string, today: IsoDate): Permission {
	return mayActOnAbsence(data, actorId, 'change', absenceId, today);
}

/**
 * mayChangeAbsence for the recorded absence `absenceId` (`cover`: a change's new cover, undefined when it
 * keeps its cover). An id the store does not hold is allowed here: the change itself says there is none.
 */
export function mayActOnAbsence(
	data: StoreData,
	actorId: string,
	act: Exclude<AbsenceAct, 'add'>,
	absenceId: string,
	today: IsoDate,
	cover?: string | null,
): Permission {
	const before = data.absences.find(a => a.id === absenceId);
	if (!before) return {ok: true, as: 'sergeant'};
	const after = act === 'cancel' ? null : {...before, coverOfficerId: cover === undefined ? before.coverOfficerId : cover};
	return mayChangeAbsence(data, actorId, act, before, after, today);
}

/**
 * May `actorId` reallocate `caseRef` to `toOfficerId` on `today` (README "Case history")? Whoever supervises
 * the officer who holds it that day (their sergeant, the cover for the sergeant's days away, the inspector);
 * nobody moves a case they hold (no one supervises their own cases), and a cover does not move a case to
 * themselves (they would choose their own work while acting for the sergeant).
 */
export function mayReallocate(data: StoreData, actorId: string, caseRef: string, toOfficerId: string | null, today: IsoDate): Permission {
	const c = data.cases.find(x => x.ref === caseRef);
	if (!c) return {ok: false, reason: `There is no case ${typedInQuotes(caseRef)} in this store.`};
	return mayReallocateCase(data, actorId, c, toOfficerId, today);
}

/** mayReallocate for a case already in hand (one of `data.cases`), without looking through every case (as mayReviewCase). */
export function mayReallocateCase(data: StoreData, actorId: string, c: Case, toOfficerId: string | null, today: IsoDate): Permission {
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	if (actorId === c.oicId) {
		return {
			ok: false,
			reason:
				`${name(data, actorId)} holds ${safeText(c.ref)}, so cannot reallocate it: no one supervises their own cases. ` +
				`It goes to ${ownWorkGoesTo(data, actorId, today)}.`,
		};
	}
	// A case goes only to an officer someone can review (independence.ts hasSupervisor): the team's
	// inspector with nobody above them recorded would hold a case no one may review (docs/rules.md
	// "Reviews the cover cannot do": a review is a second pair of eyes, never the holder's own).
	if (toOfficerId !== null && !hasSupervisor(data, toOfficerId)) {
		return {
			ok: false,
			reason:
				`${safeText(c.ref)} cannot be moved to ${name(data, toOfficerId)}: no one in this store supervises ${name(data, toOfficerId)}, ` +
				'so nobody could review it (no one supervises their own cases). Choose an officer in the team, or record who ' +
				`supervises ${name(data, toOfficerId)} first.`,
		};
	}
	const permission = supervisesOrRefused(data, actorId, c.oicId, today, `reallocate ${safeText(c.ref)}`);
	if (permission.ok && permission.as === 'cover' && toOfficerId === actorId) {
		return {
			ok: false,
			reason:
				`${name(data, actorId)} is covering for ${name(data, lineManagerOf(data, c.oicId)?.id)}, so cannot reallocate ${safeText(c.ref)} to ` +
				`themselves: a cover does not choose their own cases. It goes to ${nextUpWords(data, actorId)}.`,
		};
	}
	return permission;
}

/**
 * May `actorId` make the store's first key enrolment (README "Signatures")? Its owner becomes the store's
 * creator, whom every later enrolment goes back to, and only the team's inspector and sergeant enrol
 * keys: so only they make the first one. An officer who made it would lock them out.
 */
export function mayEnrolFirst(data: StoreData, actorId: string): Permission {
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	if (isInspectorOver(data, actorId)) return {ok: true, as: 'inspector'};
	if (data.team.sergeantId === actorId) return {ok: true, as: 'sergeant'};
	const who = [data.team.inspectorId, data.team.sergeantId].filter((id): id is string => id !== null).map(id => name(data, id));
	const can = who.length > 0 ? who.join(' or ') : "the team's inspector or sergeant";
	return {
		ok: false,
		reason:
			`${name(data, actorId)} cannot make this store's first key enrolment: its owner becomes the store's creator, and only the team's ` +
			`inspector or sergeant enrols keys. ${capitalise(can)} can (fortnight keys init as themselves); then they enrol yours.`,
	};
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * May `by` vouch for a key of `officerId`'s, who has an enrolled key already when `hasKey` (README
 * "Signatures"; REVIEW-9 D1)? The key is the only proof of who acted on a file store, where `--as` is not
 * authenticated, so nobody vouches for a key that lets them act as someone they answer to, and a
 * second key (a replacement) is never the sergeant's to give:
 * - the team's inspector (or the sergeant's own inspector) enrols anyone's key, first or replacement;
 * - an officer replaces their own key, signed with their own key already enrolled (`keys init --force`);
 * - the team's sergeant enrols only a FIRST key: of an officer he line-manages, or of the team's inspector
 *   while she has none (an enrolment is signed with a key already enrolled, so when the sergeant made the
 *   store's first key, hers can come only from him).
 */
export function mayEnrolKey(data: StoreData, by: string, officerId: string, hasKey: boolean): boolean {
	if (isInspectorOver(data, by)) return true;
	if (by === officerId) return hasKey;
	if (data.team.sergeantId !== by || hasKey) return false;
	if (isInspectorOver(data, officerId)) return true;
	return lineManagerOf(data, officerId)?.id === by;
}

/**
 * May `actorId` import the records system's export on `today`? An import changes the team's cases (who
 * holds them, bail, status), so it is a supervisor's act for the team: its sergeant, the cover named for
 * the sergeant's absence on the days it runs, or its inspector; an officer's part is their own cases,
 * read-only (DOMAIN "People and permissions"). Each changed officer is then judged as a reallocation
 * (mayReallocate), row by row.
 */
export function mayImport(data: StoreData, actorId: string, today: IsoDate): Permission {
	const unknown = unknownActor(data, actorId);
	if (unknown) return unknown;
	if (isInspectorOver(data, actorId)) return {ok: true, as: 'inspector'};
	const sergeantId = data.team.sergeantId;
	if (sergeantId === actorId) return {ok: true, as: 'sergeant'};
	if (sergeantId && awayOn(absenceLookup(data.absences), sergeantId, today)?.coverId === actorId) return {ok: true, as: 'cover'};
	const who = [
		sergeantId ? `${name(data, sergeantId)} (or the cover named while they are away)` : null,
		data.team.inspectorId && name(data, data.team.inspectorId),
	]
		.filter((x): x is string => Boolean(x))
		.join(' or ');
	return {
		ok: false,
		reason:
			`${name(data, actorId)} does not supervise this team on ${shortDate(today)}, so cannot import the records system's export: ` +
			`an import changes the team's cases. ${capitalise(who || "the team's sergeant or inspector")} can.`,
	};
}
