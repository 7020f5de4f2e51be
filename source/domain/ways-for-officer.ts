/**
 * A problem's ways as one reader may take them (README "Acting on a problem": a list of ways the reader
 * would be refused teaches them to ignore it). The rules print each way for the problem's usual reader,
 * the officer's supervisor (printed-as.ts); another reader may take fewer: an officer reading their own
 * list (`fortnight problems --as Iqbal`, their desk) not the review of their own case, its bail, its move,
 * their own welfare record, nor the cover for their sergeant (QA 4 R-l); a cover not the review of a case
 * they hold. So a reader is shown only the ways they may take; when they may take none, each way stays,
 * marked as someone else's: its command names who can with `--as`, its label says "for DS Brennan to do",
 * and its desk key is dropped (the desk does not offer it to them: ui/contexts/desk.ts). The problem keeps
 * at least one way either way, so `problems --json` keeps its shape (`resolve`, minItems 1).
 */
import {isLive} from './case-facts.js';
import type {IsoDate} from './dates.js';
import {nextUpFor} from './independence.js';
import type {Case, Officer, StoreData} from './model.js';
import {absenceLookup, awayOn, shortName} from './people.js';
import {
	lineManagerOf,
	mayActOnAbsence,
	mayDecideTrigger,
	mayReallocateCase,
	mayRecordBailCase,
	mayRecordWelfare,
	mayReviewCase,
	type Permission,
} from './permissions.js';
import type {Problem} from './problem.js';
import {officerWord, type Resolve} from './resolve.js';
import {safeText} from './safe-text.js';

/** May `actorId` take `way` for `p` today, as its command would check; null when nothing is checked (an import, the team's structure). */
function mayTake(data: StoreData, today: IsoDate, p: Problem, way: Resolve, actorId: string): Permission | null {
	const officerId = p.subject.officerId;
	// Looked up only for the ways that check a case: an officer's problem names one of their live cases.
	const caseOf = () => (p.subject.type === 'case' ? indexOf(data).byRef.get(p.subject.ref) : indexOf(data).liveByOic.get(officerId));
	switch (way.way) {
		case 'review': {
			const c = caseOf();
			return c ? mayReviewCase(data, actorId, c, today) : null;
		}
		case 'performance-decision':
			return mayDecideTrigger(data, actorId, officerId, today, false);
		case 'reallocate': {
			const c = caseOf();
			return c ? mayReallocateCase(data, actorId, c, null, today) : null;
		}
		case 'bail-record': {
			const c = caseOf();
			return c ? mayRecordBailCase(data, actorId, c, today) : null;
		}
		case 'welfare-record':
			return mayRecordWelfare(data, actorId, officerId, today);
		case 'absence-change': {
			const id = / absence change (\S+)/.exec(way.command ?? '')?.[1];
			return id ? mayActOnAbsence(data, actorId, 'change', id, today) : null;
		}
		default:
			return null;
	}
}

/** The snapshot's cases by reference, and each officer's first live case (in the store's order), made once. */
function indexOf(data: StoreData): {byRef: Map<string, Case>; liveByOic: Map<string, Case>} {
	let index = indexes.get(data);
	if (!index) {
		const byRef = new Map<string, Case>();
		const liveByOic = new Map<string, Case>();
		for (const c of data.cases) {
			if (!byRef.has(c.ref)) byRef.set(c.ref, c);
			if (isLive(c) && !liveByOic.has(c.oicId)) liveByOic.set(c.oicId, c);
		}
		indexes.set(data, (index = {byRef, liveByOic}));
	}
	return index;
}

const indexes = new WeakMap<StoreData, {byRef: Map<string, Case>; liveByOic: Map<string, Case>}>();

// Each answer found once per snapshot and reader: a team's problems ask the same few thousands of times
// (`problems --json --as` a sergeant at 5,000 cases: 4,900 problems, each permission check looking through
// the cases and officers, and a refusal's words built only to be thrown away, were a third of a second).
// The key is what the check reads: the review, bail and move of a case are decided by who holds it
// (permissions.ts mayReviewCase, mayRecordBail, mayReallocate with no officer to move it to: its OIC and
// the day), a welfare record and a trigger decision by whom they are about, an absence's cover by the
// absence; test/domain/ways-for-officer.test.ts holds the remembered answers to the checks made afresh.
const answers = new WeakMap<StoreData, Map<string, boolean>>();

/** What `way`'s check on `p` is decided by (see above), or null when nothing is checked. */
function decidedBy(data: StoreData, p: Problem, way: Resolve): string | null {
	switch (way.way) {
		case 'review':
		case 'bail-record':
		case 'reallocate': {
			if (p.subject.type !== 'case') return `officer ${p.subject.officerId}`;
			return `held by ${indexOf(data).byRef.get(p.subject.ref)?.oicId ?? `nobody: ${p.subject.ref}`}`;
		}
		case 'performance-decision':
		case 'welfare-record':
			return `about ${p.subject.officerId}`;
		case 'absence-change':
			return `absence ${way.command ?? ''}`;
		default:
			return null;
	}
}

/** mayTake, remembered: false only where the command would refuse. */
export function mayTakeOnce(data: StoreData, today: IsoDate, p: Problem, way: Resolve, actorId: string): boolean {
	const on = decidedBy(data, p, way);
	if (on === null) return true;
	let known = answers.get(data);
	if (!known) answers.set(data, (known = new Map()));
	const key = `${actorId}\u0000${today}\u0000${way.way}\u0000${on}`;
	let ok = known.get(key);
	if (ok === undefined) known.set(key, (ok = mayTake(data, today, p, way, actorId)?.ok !== false));
	return ok;
}

/** mayTake made afresh, for the test that holds mayTakeOnce to it. */
export function mayTakeNow(data: StoreData, today: IsoDate, p: Problem, way: Resolve, actorId: string): boolean {
	return mayTake(data, today, p, way, actorId)?.ok !== false;
}

/**
 * Who supervises `officerId` today, then who is above: their line manager, or the cover acting for that
 * manager today (the person above when nobody covers), then the next person up. The first who may take
 * the way is named.
 */
const supervisorsCache = new WeakMap<StoreData, Map<string, Officer[]>>();

function supervisorsOf(data: StoreData, officerId: string, today: IsoDate): Officer[] {
	let known = supervisorsCache.get(data);
	if (!known) supervisorsCache.set(data, (known = new Map()));
	const key = `${officerId}\u0000${today}`;
	let list = known.get(key);
	if (!list) known.set(key, (list = supervisorsNow(data, officerId, today)));
	return list;
}

function supervisorsNow(data: StoreData, officerId: string, today: IsoDate): Officer[] {
	const manager = lineManagerOf(data, officerId);
	if (!manager) return [];
	const away = awayOn(absenceLookup(data.absences), manager.id, today);
	const cover = away?.coverId && away.coverId !== officerId ? data.officers.find(o => o.id === away.coverId) : undefined;
	const up = nextUpFor(data, manager.id);
	return [away ? cover : manager, up, manager].filter((o): o is Officer => o !== undefined && o.id !== officerId);
}

/**
 * `p`'s ways as `readerId` may take them on `today` (see the header): only those they may take, or, when
 * they may take none, every way marked with who can. For an officer reading their own problems, any
 * identified reader of `fortnight problems --as NAME`, and the desk's problem detail and case view
 * (ui/problem-detail/problem-lines.ts, ui/editor/case-lines.ts), where a key is offered only to whoever may
 * use it (README "Hints, help and the palette offer only what you may do").
 */
export function waysForOfficer(data: StoreData, today: IsoDate, readerId: string, p: Problem): Problem {
	if (!p.resolve || p.resolve.length === 0) return p;
	const theirs = p.resolve.filter(way => mayTakeOnce(data, today, p, way, readerId));
	if (theirs.length === p.resolve.length) return p;
	if (theirs.length > 0) return {...p, resolve: theirs};
	return {...p, resolve: p.resolve.map(way => someoneElses(data, today, readerId, p, way))};
}

/** `way`, which `readerId` may not take, said as whose it is: who can, with `--as`, and no desk key. */
function someoneElses(data: StoreData, today: IsoDate, readerId: string, p: Problem, way: Resolve): Resolve {
	// A way printed for someone else already (its command has --as, its label names them: printed-as.ts; or,
	// a desk-only way, its label says the desk to open as them: "DI Okafor reviews the case (... fortnight --as")
	// keeps its words; only its desk key goes (QA 8 R1: the sergeant's own check-in offered him `w`, which was then refused).
	if (way.command?.includes(' --as ') || (way.command === null && way.label.includes(' --as ')))
		return way.desk ? {...way, desk: null} : way;
	// Whoever supervises the problem's officer that day (for an officer reading their own, their supervisors).
	const who = supervisorsOf(data, p.subject.officerId, today).find(o => o.id !== readerId && mayTakeOnce(data, today, p, way, o.id));
	const named = who ? namesOf(data, who) : null;
	return {
		...way,
		label: `${way.label} (for ${named?.short ?? 'your supervisor'} to do)`,
		desk: null,
		command: way.command && named ? `${way.command} --as ${named.word}` : way.command,
	};
}

/** An officer's short name and the word `--as` takes for them, made once per snapshot (officerWord reads every officer). */
function namesOf(data: StoreData, o: Officer): {short: string; word: string} {
	let known = names.get(data);
	if (!known) names.set(data, (known = new Map()));
	let n = known.get(o.id);
	if (!n) known.set(o.id, (n = {short: safeText(shortName(o)), word: officerWord(data.officers, o.id)}));
	return n;
}

const names = new WeakMap<StoreData, Map<string, {short: string; word: string}>>();
