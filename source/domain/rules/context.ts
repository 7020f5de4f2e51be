/**
 * Everything the rules look up more than once, indexed in one pass over the store so that every rule
 * stays linear in the number of cases (a department store holds 5,000+ cases and 100,000+ updates).
 *
 * Store text interpolated into a message (names, action text, update quotes, refs) goes through
 * safeText here, so every consumer of Problem.message gets text that cannot drive a terminal.
 *
 * The context is cached per store snapshot and `today`: snapshots are immutable (the store's `apply`
 * returns new objects), so the same object always means the same data, and the desk can ask for
 * `triggerFor` officer after officer without re-indexing.
 */
import {isLive} from '../case-facts.js';
import {allocationsOf, responsibleFrom} from '../case-history.js';
import {addDays, type IsoDate} from '../dates.js';
import type {
	Absence,
	Allocation,
	ActionPlan,
	Case,
	Concern,
	DecisionEntry,
	Officer,
	ReviewEntry,
	Settings,
	StoreData,
	WelfareEvent,
} from '../model.js';
import {absenceCovers, awayOn, shortName, type AwayOnDate} from '../people.js';
import type {Problem} from '../problem.js';
import {safeText} from '../safe-text.js';
import {absenceSpan} from '../absence-words.js';
import {daysCoverAway} from '../absence-cover.js';
import {recordDay} from '../worked-day.js';
import {coverWay, type Resolve} from '../resolve.js';

export interface RuleContext {
	data: StoreData;
	today: IsoDate;
	settings: Settings;
	officers: Map<string, Officer>;
	/** Officers in post today (not left the unit). */
	activeOfficers: Officer[];
	/** Live cases only, in store order. */
	live: Case[];
	liveByOic: Map<string, Case[]>;
	/** Every case (live or closed) by its OIC. */
	casesByOic: Map<string, Case[]>;
	/**
	 * Cases each officer held and passed on by `today` (README "Case history"), for the trigger evidence
	 * that arose while they held them; not cases they hold again now.
	 */
	pastHoldingsByOfficer: Map<string, PastHolding[]>;
	/**
	 * Each officer's absences as known on `today` (absencesAsKnown): the records, except that a part of an
	 * absence kept in parts recorded after `today` is read as the days of the part before it, as they were.
	 */
	absencesByOfficer: Map<string, Absence[]>;
	/** For each part (above) of an absence kept in parts, the absence whole (wholeAbsence). */
	wholes: Map<Absence, Absence>;
	reviewsByCase: Map<string, ReviewEntry[]>;
	/** Performance decisions per officer, oldest first (chain order). */
	decisionsByOfficer: Map<string, DecisionEntry[]>;
	welfareByOfficer: Map<string, WelfareEvent[]>;
	concernsByOfficer: Map<string, Concern[]>;
	plansByOfficer: Map<string, ActionPlan[]>;
	/** Memo for rule results other rules reuse (the performance trigger reads several rules' findings). */
	memo: Map<string, Problem[]>;
}

/** One officer's ended time with a case. */
export interface PastHolding {
	case: Case;
	allocation: Allocation;
	/** First day they answered for the case, null when they answer for all before (case-history.ts responsibleFrom). */
	from: IsoDate | null;
	/** Last day they held it (the day before it passed on). */
	lastDay: IsoDate;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
	const list = m.get(k);
	if (list) list.push(v);
	else m.set(k, [v]);
}

const cache = new WeakMap<StoreData, Map<IsoDate, RuleContext>>();

export function ruleContext(data: StoreData, today: IsoDate): RuleContext {
	let byDay = cache.get(data);
	if (!byDay) {
		byDay = new Map();
		cache.set(data, byDay);
	}
	const hit = byDay.get(today);
	if (hit) return hit;
	const ctx = buildContext(data, today);
	byDay.set(today, ctx);
	return ctx;
}

function buildContext(data: StoreData, today: IsoDate): RuleContext {
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const live: Case[] = [];
	const liveByOic = new Map<string, Case[]>();
	const casesByOic = new Map<string, Case[]>();
	const pastHoldingsByOfficer = new Map<string, PastHolding[]>();
	// Index loops, and the allocations read in place (pastAllocations would make a list per case): this
	// runs once per command over every case, mostly before the engine optimises it (issue 18).
	const cases = data.cases;
	for (let k = 0; k < cases.length; k++) {
		const c = cases[k]!;
		push(casesByOic, c.oicId, c);
		const allocations = allocationsOf(c);
		for (let i = 0; i < allocations.length; i++) {
			const a = allocations[i]!;
			if (a.to === null || a.to > today || a.officerId === c.oicId) continue;
			push(pastHoldingsByOfficer, a.officerId, {case: c, allocation: a, from: responsibleFrom(c, a), lastDay: addDays(a.to, -1)});
		}
		if (!isLive(c)) continue;
		live.push(c);
		push(liveByOic, c.oicId, c);
	}
	const absencesByOfficer = new Map<string, Absence[]>();
	const wholes = new Map<Absence, Absence>();
	for (const a of absencesAsKnown(data.absences, today, wholes)) push(absencesByOfficer, a.officerId, a);
	const reviewsByCase = new Map<string, ReviewEntry[]>();
	const decisionsByOfficer = new Map<string, DecisionEntry[]>();
	for (const e of data.chain) {
		if (e.kind === 'review') push(reviewsByCase, e.data.caseRef, e);
		else if (e.kind === 'performance-decision') push(decisionsByOfficer, e.data.officerId, e);
	}
	const welfareByOfficer = new Map<string, WelfareEvent[]>();
	for (const w of data.welfareEvents) push(welfareByOfficer, w.officerId, w);
	const concernsByOfficer = new Map<string, Concern[]>();
	for (const c of data.concerns) push(concernsByOfficer, c.officerId, c);
	const plansByOfficer = new Map<string, ActionPlan[]>();
	for (const p of data.actionPlans) push(plansByOfficer, p.officerId, p);
	return {
		data,
		today,
		settings: data.settings,
		officers,
		activeOfficers: data.officers.filter(o => inPost(o, today)),
		live,
		liveByOic,
		casesByOic,
		pastHoldingsByOfficer,
		absencesByOfficer,
		wholes,
		reviewsByCase,
		decisionsByOfficer,
		welfareByOfficer,
		concernsByOfficer,
		plansByOfficer,
		memo: new Map(),
	};
}

/** In the unit on `today`: joined on or before it and not yet left. */
export function inPost(o: Officer, today: IsoDate): boolean {
	return o.joinedUnit <= today && (o.leftUnit === null || o.leftUnit > today);
}

/**
 * An absence is known to the rules from the day it was recorded (or its first day, if recorded
 * later): a rule must not fire on a day before anyone could have known. The day recorded is the worked
 * day (docs/rules.md "How the rules work"): `recordedOn` when the session's day was not the clock's UTC day
 * (after `--today`, or in London's hour after midnight in summer time), else `recordedAt`'s day. Taking the
 * earlier of the two made a record known a day before it was made in London (review 7 note 5).
 */
export function knownFrom(a: Absence): IsoDate {
	const recorded = recordDay(a.recordedAt, a.recordedOn);
	return recorded < a.from ? recorded : a.from;
}

/**
 * The absences as the rules read them on `today` (README "Absences"; docs/rules.md on when an absence is
 * known). An absence kept in parts (absence-cover.ts: its cover changed for some days) was one record, with
 * one cover, until the change: a part recorded after `today` is not known then, so its days are read as
 * the known part before it, with that part's cover (a replay to a day before the change sees the absence
 * to its real end, covered as it was then). Records that need nothing are returned as they are; `wholes`
 * is given, for each part known on `today`, the absence whole: its first part's record (its id and when it
 * was recorded) from the first day to the last, with that part's cover.
 */
export function absencesAsKnown(absences: readonly Absence[], today: IsoDate, wholes: Map<Absence, Absence>): readonly Absence[] {
	let groups: Map<string, Absence[]> | undefined;
	for (const a of absences) {
		if (a.partOf === undefined) continue;
		groups ??= new Map();
		const list = groups.get(a.partOf);
		if (list) list.push(a);
		else groups.set(a.partOf, [a]);
	}
	// Most stores hold no absence in parts: nothing to read again.
	if (!groups) return absences;
	const out: Absence[] = [];
	// A part whose first part is not in the list (never in a valid store: validate.ts) is read as it is.
	const roots = new Set(absences.filter(a => a.partOf === undefined).map(a => a.id));
	for (const a of absences) {
		if (a.partOf !== undefined) {
			if (!roots.has(a.partOf)) out.push(a);
			continue;
		}
		const rest = groups.get(a.id);
		if (!rest) {
			out.push(a);
			continue;
		}
		const parts = [a, ...rest].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
		const read: Absence[] = [];
		for (const p of parts) {
			const before = read.at(-1);
			if (before && knownFrom(p) > today && knownFrom(before) <= today) read[read.length - 1] = {...before, to: p.to};
			else read.push(p);
		}
		const whole = {from: a.from, to: read.at(-1)!.to};
		for (const p of read) {
			wholes.set(p, {...a, ...whole, coverOfficerId: p.coverOfficerId});
			out.push(p);
		}
	}
	return out;
}

/**
 * The absence `a` (a record of absencesByOfficer) belongs to, whole: `a` itself unless it is a part of an
 * absence kept in parts, then its first part's id, first day and record, its last part's last day, and
 * `a`'s cover. What a rule says about an absence ("until 04 Feb", the id its way names) is of the whole.
 */
export function wholeAbsence(ctx: RuleContext, a: Absence): Absence {
	return ctx.wholes.get(a) ?? a;
}

/** The officer's absence covering `date`, as known on `today` (a part of one kept in parts: wholeAbsence reads it whole). */
export function absenceOnDate(ctx: RuleContext, officerId: string, date: IsoDate): Absence | undefined {
	const list = ctx.absencesByOfficer.get(officerId);
	if (!list) return undefined;
	// An index loop, no closure: the rules ask this for thousands of cases' dates (issue 18).
	for (let i = 0; i < list.length; i++) {
		const a = list[i]!;
		if (absenceCovers(a, date) && knownFrom(a) <= ctx.today) return a;
	}
	return undefined;
}

/** The officer away on `date` and who actually covers them (a cover away too covers nobody), as known on `today`. */
export function awayOnDate(ctx: RuleContext, officerId: string, date: IsoDate): AwayOnDate | undefined {
	// Most officers have no absence recorded: they are at work, said without making a lookup (issue 18).
	if (!ctx.absencesByOfficer.has(officerId)) return undefined;
	const away = awayOn((id, d) => absenceOnDate(ctx, id, d), officerId, date);
	// Said whole (its real end, the id its way names), with the cover of `date`: absences kept in parts.
	if (!away || ctx.wholes.size === 0) return away;
	return {...away, absence: wholeAbsence(ctx, away.absence), coverAway: away.coverAway && wholeAbsence(ctx, away.coverAway)};
}

/**
 * The sergeant whose named cover `officerId` is on `date` (README "The guided 14-day review", no one
 * supervises themselves): while acting up, what is about them goes to the next person up.
 */
export function coveringOwnSergeant(ctx: RuleContext, officerId: string, date: IsoDate): {sergeant: Officer; from: IsoDate} | undefined {
	const sergeant = supervisorOf(ctx, officerId);
	const away = sergeant ? awayOnDate(ctx, sergeant.id, date) : undefined;
	return sergeant && away?.coverId === officerId ? {sergeant, from: away.absence.from} : undefined;
}

/** Who supervises this officer's cases: their line manager, else the team's sergeant. */
export function supervisorOf(ctx: RuleContext, officerId: string): Officer | undefined {
	const o = ctx.officers.get(officerId);
	const id = o?.supervisorId ?? ctx.data.team.sergeantId;
	return id === officerId ? undefined : ctx.officers.get(id);
}

/** An officer's short name, made safe: names are store text too. */
export function nameOf(ctx: RuleContext, officerId: string | null | undefined): string {
	if (!officerId) return safeText(shortName(undefined));
	let names = namesByContext.get(ctx);
	if (!names) namesByContext.set(ctx, (names = new Map()));
	let name = names.get(officerId);
	if (name === undefined) names.set(officerId, (name = safeText(shortName(ctx.officers.get(officerId)))));
	return name;
}

// Each officer's name made once per context: the rules name the same few hundred officers in thousands
// of messages, and the split and the safety check for each were a share of the rules' garbage (issue 18).
const namesByContext = new WeakMap<RuleContext, Map<string, string>>();

export function memo(ctx: RuleContext, key: string, compute: () => Problem[]): Problem[] {
	const hit = ctx.memo.get(key);
	if (hit) return hit;
	const value = compute();
	ctx.memo.set(key, value);
	return value;
}

export {days, plural} from '../plural.js';

/**
 * The way to name a cover supervisor for absence `absenceId`: when its named cover is away on `date` too,
 * for the days they are away only (absence-cover.ts daysCoverAway), so the cover who is at work keeps the
 * other days and the days gone by keep theirs (README "Absences"); else for the absence from today.
 */
export function supervisorCoverWay(ctx: RuleContext, absenceId: string, date: IsoDate | undefined, label: string): Resolve {
	const absence = ctx.data.absences.find(a => a.id === absenceId);
	const away = absence && date ? awayOnDate(ctx, absence.officerId, date) : undefined;
	// Kept in parts with no cover named for `date`'s part: name one for that part's days only, so the covers
	// named for its other days keep them (README "Absences"); a cover for the whole would replace theirs.
	const part = absence && date && away && !away.coverAway ? absenceOnDate(ctx, absence.officerId, date) : undefined;
	const whole = part && wholeAbsence(ctx, part);
	if (part && whole && (whole.from !== part.from || whole.to !== part.to) && part.coverOfficerId === null) {
		const from = part.from > ctx.today ? part.from : ctx.today;
		if (part.to === null || part.to >= from) {
			const span = absenceSpan({from, to: part.to}, ctx.today);
			return coverWay(absenceId, `${label}, for ${span}`, {from, to: part.to});
		}
	}
	const days = away?.coverAway ? daysCoverAway(ctx.data.absences, absenceId, away.coverAway, ctx.today) : undefined;
	if (!away?.coverAway || !days) return coverWay(absenceId, label);
	const span = absenceSpan(days, ctx.today);
	return coverWay(absenceId, `${label}, for ${span} while ${nameOf(ctx, away.coverAway.officerId)} is away`, days);
}
