/**
 * Everything the desk shows that depends only on the store snapshot and today, computed once per
 * store revision (memoised on the snapshot object) and never per render or key press. The rules
 * themselves live in domain: this module only asks findProblems / bailClock and indexes the answers.
 */
import {bailClock, type BailClock} from '../../domain/bail.js';
import {isLive, reviewsByCase} from '../../domain/case-facts.js';
import {daysBetween, type IsoDate} from '../../domain/dates.js';
import type {Case, ChainEntry, Officer, ReviewEntry, StoreData} from '../../domain/model.js';
import {SEVERITY_RANK, type Problem, type Severity} from '../../domain/problem.js';
import {mayReadCase, mayReadOfficer, readableProblems, readScopeOn, type ReadScope} from '../../domain/read-scope.js';
import {caseReviewDue, findProblems, kindsInBadge, reviewOverdueDays} from '../../domain/rules/index.js';
import {SignedNextReviews} from '../../domain/signed-next-review.js';

export interface Badge {
	/** The words shown ("OVERDUE 3d", "BAIL 2d"): the state is always in the text. */
	text: string;
	/** The worst severity of the problems behind it, for colour only. */
	severity?: Severity;
}

export interface OfficerGroup {
	/** Officer id, or UNKNOWN_OFFICER for cases whose OIC is not in the team. */
	id: string;
	officer: Officer | undefined;
	/** Live cases in the order the explorer lists them (next review first). */
	cases: Case[];
	/** Every problem about this officer or one of their cases. */
	problemCount: number;
	/** Critical and red problems among them. */
	urgentCount: number;
}

export interface DeskCounts {
	cases: number;
	live: number;
	dueToday: number;
	overdue: number;
	/** Live bail whose deadline (return date or period end) is within settings.bailRedDays, or lapsed. */
	bailSoon: number;
}

/** How the desk gets its problems: the rules engine, or a stand-in in tests and benches. */
export type ProblemFinder = (data: StoreData, today: IsoDate) => Problem[];

export interface DeskModel {
	/** The whole snapshot: the rules and the records' writes need it. What is SHOWN goes by `scope`. */
	data: StoreData;
	today: IsoDate;
	/**
	 * What the person at the desk may read (README "Who may read what", domain/read-scope.ts), applied here
	 * once: the explorer's groups, `caseByRef`, the counts and the problems hold only what they may see.
	 */
	scope: ReadScope;
	/**
	 * Who is at the desk (null: nobody identified, or a model made in memory): a problem's ways are shown as
	 * they may take them where the ways are drawn (domain/ways-for-officer.ts), not here for every problem.
	 */
	readerId?: string | null;
	/**
	 * False until the rules have run. The rules take seconds on a large store, so the desk draws its
	 * first frame from the store alone and fills problems in straight after (see withProblems).
	 */
	problemsReady: boolean;
	problems: readonly Problem[];
	problemsByCase: ReadonlyMap<string, Problem[]>;
	/** Problems whose subject is the officer (officer/supervisor subjects and their cases). */
	problemsByOfficer: ReadonlyMap<string, Problem[]>;
	groups: readonly OfficerGroup[];
	/** The cases the reader may see (all of them for a sergeant, cover or inspector; an officer's own). */
	caseByRef: ReadonlyMap<string, Case>;
	officerById: ReadonlyMap<string, Officer>;
	/** Each case's signed reviews in `data.chain`: at least its last (all a badge or a review needs). */
	reviews: ReadonlyMap<string, ReviewEntry[]>;
	/**
	 * Each case's next review date as its signed review (or amendment) set it: a stored date moved later by an
	 * edit outside fortnight is judged by this one, as the rules judge it (REVIEW-9 D6, rules/review-due.ts).
	 */
	signedNext: SignedNextReviews;
	/**
	 * Every signed review per case, from the whole chain (a case's review history), and the snapshot with
	 * the whole chain (the Log view). Null while a split store's chain file is read, after the first frame
	 * (store README, "The review chain file"); `historyError` says why when it could not be.
	 */
	history: ReadonlyMap<string, ReviewEntry[]> | null;
	wholeData: StoreData | null;
	historyError?: string;
	/** Cases with a guided review in progress (a saved draft): shown as "DRAFT" until signed or discarded. */
	drafts: ReadonlySet<string>;
	counts: DeskCounts;
}

export const UNKNOWN_OFFICER = '(unknown officer)';

const cache = new WeakMap<StoreData, Map<string, DeskModel>>();
const withProblemsCache = new WeakMap<DeskModel, WeakMap<ProblemFinder, DeskModel>>();

/**
 * The desk model for a snapshot WITHOUT problems (cheap: one pass over the cases); the same object for
 * the same snapshot, date and reader (`readerId`: who is at the desk; null reads the whole team).
 */
export function deskModel(data: StoreData, today: IsoDate, readerId: string | null = null): DeskModel {
	let byDate = cache.get(data);
	if (!byDate) {
		byDate = new Map();
		cache.set(data, byDate);
	}
	const key = `${today}\u0000${readerId ?? ''}`;
	let model = byDate.get(key);
	if (!model) {
		model = buildModel(data, today, readScopeOn(data, readerId, today), readerId);
		model.problemsReady = false;
		byDate.set(key, model);
	}
	return model;
}

/** The same model with the rules' problems: computed once per store revision and finder. */
export function withProblems(base: DeskModel, find: ProblemFinder = findProblems): DeskModel {
	let byFinder = withProblemsCache.get(base);
	if (!byFinder) {
		byFinder = new WeakMap();
		withProblemsCache.set(base, byFinder);
	}
	let model = byFinder.get(find);
	if (!model) {
		model = addProblems(base, find(base.data, base.today));
		byFinder.set(find, model);
	}
	return model;
}

const foundCache = new WeakMap<DeskModel, WeakMap<readonly Problem[], DeskModel>>();

/**
 * The same model with problems the rules found elsewhere (run-desk's rules thread, off the main thread:
 * the desk keeps taking keys meanwhile), for this very snapshot and date.
 */
export function withFoundProblems(base: DeskModel, problems: readonly Problem[]): DeskModel {
	let byList = foundCache.get(base);
	if (!byList) foundCache.set(base, (byList = new WeakMap()));
	let model = byList.get(problems);
	if (!model) {
		model = addProblems(base, [...problems]);
		byList.set(problems, model);
	}
	return model;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
	const list = m.get(k);
	if (list) list.push(v);
	else m.set(k, [v]);
}

/** Each model's live cases by officer (in explorer order), so adding problems does not walk the cases again. */
const casesByOfficerOf = new WeakMap<DeskModel, Map<string, Case[]>>();

function buildModel(data: StoreData, today: IsoDate, scope: ReadScope, readerId: string | null): DeskModel {
	const officerById = new Map(data.officers.map(o => [o.id, o]));
	const cases = scope.kind === 'team' ? data.cases : data.cases.filter(c => mayReadCase(scope, c));
	const caseByRef = new Map(cases.map(c => [c.ref, c]));
	const casesByOfficer = new Map<string, Case[]>();
	const counts: DeskCounts = {cases: cases.length, live: 0, dueToday: 0, overdue: 0, bailSoon: 0};
	const reviews = reviewsByCase(data.chain);
	const signedNext = SignedNextReviews.of(data.chain);
	for (const c of cases) {
		if (!isLive(c)) continue;
		counts.live++;
		// The domain's one definition of due and overdue, so this count agrees with the problems and the log.
		const due = caseReviewDue(c, reviews.get(c.ref)?.at(-1)?.data.date ?? null, data.settings, signedNext.get(c.ref)?.date ?? null);
		if (reviewOverdueDays(due, today, data.settings) !== null) counts.overdue++;
		else if (due === today) counts.dueToday++;
		const clock = bailClock(c.bail, today);
		if (clock && clock.daysToDeadline <= data.settings.bailRedDays) counts.bailSoon++;
		push(casesByOfficer, officerById.has(c.oicId) ? c.oicId : UNKNOWN_OFFICER, c);
	}
	for (const cases of casesByOfficer.values())
		cases.sort((a, b) => (a.nextReviewDue < b.nextReviewDue ? -1 : a.nextReviewDue > b.nextReviewDue ? 1 : a.ref < b.ref ? -1 : 1));
	// A single-file store, or a snapshot holding its whole chain, has its history at once.
	const whole = !data.chainLog || data.chain.length === data.chainLog.entries;
	const history = whole ? reviews : null;
	const drafts = new Set(data.drafts.map(d => d.caseRef));
	const problemsByOfficer = new Map<string, Problem[]>();
	const groups = groupsFor(data, scope, casesByOfficer, problemsByOfficer);
	// problemsReady is true only for a model with the rules' problems (deskModel clears it; addProblems sets it).
	const model: DeskModel = {
		data,
		today,
		scope,
		readerId,
		problemsReady: true,
		problems: [],
		problemsByCase: new Map(),
		problemsByOfficer,
		groups,
		caseByRef,
		officerById,
		reviews,
		signedNext,
		history,
		wholeData: whole ? data : null,
		drafts,
		counts,
	};
	casesByOfficerOf.set(model, casesByOfficer);
	return model;
}

/** The model with these problems (those the reader may see): their indexes and the explorer's groups; the per-case work is the base's. */
function addProblems(base: DeskModel, found: Problem[]): DeskModel {
	const problems = readableProblems(base.data, base.scope, found, base.today);
	const problemsByCase = new Map<string, Problem[]>();
	const problemsByOfficer = new Map<string, Problem[]>();
	for (const p of problems) {
		if (p.subject.type === 'case') push(problemsByCase, p.subject.ref, p);
		push(problemsByOfficer, p.subject.officerId, p);
	}
	const casesByOfficer = casesByOfficerOf.get(base)!;
	const model: DeskModel = {
		...base,
		problemsReady: true,
		problems,
		problemsByCase,
		problemsByOfficer,
		groups: groupsFor(base.data, base.scope, casesByOfficer, problemsByOfficer),
	};
	casesByOfficerOf.set(model, casesByOfficer);
	return model;
}

function groupsFor(
	data: StoreData,
	scope: ReadScope,
	casesByOfficer: ReadonlyMap<string, Case[]>,
	problemsByOfficer: ReadonlyMap<string, Problem[]>,
): OfficerGroup[] {
	const groups: OfficerGroup[] = [];
	const addGroup = (id: string, officer: Officer | undefined) => {
		const ps = problemsByOfficer.get(id) ?? [];
		groups.push({
			id,
			officer,
			cases: casesByOfficer.get(id) ?? [],
			problemCount: ps.length,
			urgentCount: ps.filter(p => p.severity === 'critical' || p.severity === 'red').length,
		});
	};
	// Investigators first (the caseload), then anyone else who holds cases or has problems (the sergeant's own).
	const inPost = data.officers.filter(o => (o.leftUnit === null || casesByOfficer.has(o.id)) && mayReadOfficer(scope, o.id));
	for (const o of inPost) if (o.role === 'investigator') addGroup(o.id, o);
	for (const o of inPost) if (o.role !== 'investigator' && (casesByOfficer.has(o.id) || problemsByOfficer.has(o.id))) addGroup(o.id, o);
	if (casesByOfficer.has(UNKNOWN_OFFICER)) addGroup(UNKNOWN_OFFICER, undefined);
	return groups;
}

const historyCache = new WeakMap<DeskModel, WeakMap<readonly ChainEntry[], DeskModel>>();

/** The model with the whole chain read after the first frame (memoised per model and chain). */
export function withHistory(model: DeskModel, chain: readonly ChainEntry[]): DeskModel {
	if (model.wholeData) return model;
	let byChain = historyCache.get(model);
	if (!byChain) historyCache.set(model, (byChain = new WeakMap()));
	let out = byChain.get(chain);
	if (!out) {
		out = {...model, history: reviewsByCase(chain), wholeData: {...model.data, chain: [...chain]}};
		byChain.set(chain, out);
	}
	return out;
}

/** The model saying why the whole chain could not be read (the case view and the Log view show it). */
export function withHistoryError(model: DeskModel, message: string): DeskModel {
	return model.wholeData || model.historyError === message ? model : {...model, historyError: message};
}

/** The worst severity among problems of the given kinds. */
export function worst(problems: readonly Problem[] | undefined, kinds?: readonly Problem['kind'][]): Severity | undefined {
	let best: Severity | undefined;
	for (const p of problems ?? []) {
		if (kinds && !kinds.includes(p.kind)) continue;
		if (best === undefined || SEVERITY_RANK[p.severity] < SEVERITY_RANK[best]) best = p.severity;
	}
	return best;
}

// Which kinds colour which badge is each rule's to say (its kinds' `badge`, domain/rules/rule.ts).
const REVIEW_KINDS = kindsInBadge('review');
const BAIL_KINDS = kindsInBadge('bail');

/**
 * "OVERDUE 3d", "DUE TODAY", "due 5d" ("DUE 1d ago" while a late review is not yet overdue under the
 * settings). The domain's one definition of due and overdue (caseReviewDue, reviewOverdueDays), as
 * the status bar's count and the problems use, so an OVERDUE badge and the count never disagree.
 */
export function reviewBadge(model: DeskModel, c: Case): Badge {
	const due = caseReviewDue(
		c,
		model.reviews.get(c.ref)?.at(-1)?.data.date ?? null,
		model.data.settings,
		model.signedNext.get(c.ref)?.date ?? null,
	);
	const d = daysBetween(model.today, due);
	const overdue = reviewOverdueDays(due, model.today, model.data.settings) !== null;
	const text = overdue ? `OVERDUE ${-d}d` : d < 0 ? `DUE ${-d}d ago` : d === 0 ? 'DUE TODAY' : `due ${d}d`;
	return {text, severity: worst(model.problemsByCase.get(c.ref), REVIEW_KINDS)};
}

/** "BAIL 2d", "BAIL LAPSED", "RUI", or null when the suspect is neither bailed nor RUI. */
export function bailBadge(model: DeskModel, c: Case): Badge | null {
	const severity = worst(model.problemsByCase.get(c.ref), BAIL_KINDS);
	const clock: BailClock | null = bailClock(c.bail, model.today);
	if (clock) {
		if (clock.lapsed) return {text: 'BAIL LAPSED', severity};
		if (clock.returnMissed) return {text: 'BAIL MISSED', severity};
		return {text: `BAIL ${clock.daysToDeadline}d`, severity};
	}
	if (c.rui && c.rui.endedOn === null) return {text: 'RUI', severity};
	return null;
}
