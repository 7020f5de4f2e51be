/**
 * The handover summary: everything a cover supervisor who has never seen these cases needs to run the
 * team for a window, from one store snapshot. Pure: (store data, window, cover, today, generatedAt,
 * chain head) -> Handover. The Markdown and JSON exports and the desk's Handover view all render this.
 *
 * Linear in the store: one pass over the chain for last reviews, one over cases (grouped by OIC), one
 * over absences, welfare events and action plans; the rules engine runs once (findProblems).
 */
import {bailClock, AUTHORITY_NAMES} from '../bail.js';
import {daysSinceUpdate, isLive, lastUpdateDate, openActions} from '../case-facts.js';
import {addDays, daysBetween, maxDate, type IsoDate} from '../dates.js';
import type {Absence, Case, Officer, StoreData} from '../model.js';
import {RISKS} from '../model-values.js';
import {ABSENCE_WORDS, absenceLookup, coverAwayDuring, coverRuns, fullName, shortName, type CoverRun} from '../people.js';
import {ruleContext} from '../rules/context.js';
import {inspectorOn} from '../team-history.js';
import {nextRuiUpdate} from '../rules/rui.js';
import {findProblems} from '../rules/index.js';
import {workloadIn} from '../rules/workload.js';
import {authorityWords, checkInDueByOfficer, datedItems, welfareScope, type Inspector} from './dated-items.js';
import {datedMessage} from './dated-words.js';
import {markCoverCannot} from './cover-cannot.js';
import {coverOwnProblems} from './cover-own-problems.js';
import type {CaseSection, Decision, Handover, HandoverCover, HandoverUncovered, OfficerSection, ReviewDraftNote} from './schema.js';
import {HANDOVER_SCHEMA_ID} from './schema-values.js';
import {recordDay} from '../worked-day.js';
import {knownOn} from './known-absences.js';

/** Welfare notes as the builder needs them (the store's welfare file has this shape). */
export interface WelfareNoteIn {
	officerId: string;
	date: IsoDate;
	by: string;
	text: string;
}

/** How far back welfare notes go when they are asked for: recent enough to matter for the window. */
export const WELFARE_NOTE_LOOKBACK_DAYS = 90;

export interface HandoverInput {
	data: StoreData;
	from: IsoDate;
	to: IsoDate;
	today: IsoDate;
	/** ISO instant, passed in so the document is reproducible (the builder never reads the clock). */
	generatedAt: string;
	/** formatHead(chainHead(data.chain)). */
	chainHead: string;
	/** Who covers (the first cover of `covers`); null = nobody named. */
	cover: {name: string; officerId: string | null} | null;
	/** Each cover over the window with their dates (handoverCovers); default: `cover` for the whole window. */
	covers?: HandoverCover[];
	/** The days nobody covers because the named cover is away too (handoverCovers); default: none. */
	uncovered?: HandoverUncovered[];
	/**
	 * Name of the person preparing it: the one at the keyboard (DOMAIN "People and permissions": every
	 * record says who made it, never inferred), so the caller always says who.
	 */
	preparedBy: string;
	/** Only when the user asked for welfare notes (and confirmed). */
	welfareNotes?: readonly WelfareNoteIn[] | null;
}

/**
 * The covers recorded for the sergeant's own absences over the window, earliest first, each with the days
 * of the window they cover: the handover's default cover (README "Absences") when none is named. Two
 * absences with different covers in one window give two covers, each with their dates. Who covers a day
 * is awayOn's answer (coverRuns): a named cover away on some of those days covers none of them, so
 * they are left out here and given by recordedGaps (one cover's absence splits their entry in two).
 */
export function recordedCovers(data: StoreData, from: IsoDate, to: IsoDate): HandoverCover[] {
	const covers: HandoverCover[] = [];
	for (const r of sergeantRuns(data, from, to)) {
		const officer = r.coverId === null ? undefined : data.officers.find(o => o.id === r.coverId);
		if (officer) covers.push({name: fullName(officer), officerId: officer.id, from: r.from, to: r.to});
	}
	return covers;
}

/** The days of the window on which the sergeant is away and their named cover is away too: nobody covers. */
export function recordedGaps(data: StoreData, from: IsoDate, to: IsoDate): HandoverUncovered[] {
	const gaps: HandoverUncovered[] = [];
	for (const r of sergeantRuns(data, from, to)) {
		const named = r.absence.coverOfficerId;
		if (r.coverAway === null || named === null) continue;
		const officer = data.officers.find(o => o.id === named);
		gaps.push({
			from: r.from,
			to: r.to,
			coverName: fullName(officer),
			coverOfficerId: named,
			coverAwayWords: ABSENCE_WORDS[r.coverAway.reason],
		});
	}
	return gaps;
}

function sergeantRuns(data: StoreData, from: IsoDate, to: IsoDate): CoverRun[] {
	return coverRuns(absenceLookup(data.absences), data.team.sergeantId, from, to);
}

/**
 * The handover's cover, covers and the days nobody covers: the one named (--cover, or typed in the desk)
 * covers the whole window (a named cover away on any day of it is refused: absences.ts coverAwayProblem);
 * none named, the recorded covers (recordedCovers), the first of them as `cover`, and their gaps.
 */
export function handoverCovers(
	store: StoreData,
	from: IsoDate,
	to: IsoDate,
	named: {name: string; officerId: string | null} | null,
	today: IsoDate,
): Pick<HandoverInput, 'cover' | 'covers' | 'uncovered'> {
	// The covers as recorded by `today`: a cover change recorded later is not yet seen (QA 8 D9).
	const data = knownOn(store, today);
	const covers = named ? [{...named, from, to}] : recordedCovers(data, from, to);
	const first = covers[0];
	return {
		cover: first ? {name: first.name, officerId: first.officerId} : null,
		covers,
		uncovered: named ? [] : recordedGaps(data, from, to),
	};
}

export function buildHandover(input: HandoverInput): Handover {
	const {from, to, today} = input;
	// The absences as they stood on the day of writing, as the rules read them (QA 8 D9; known-absences.ts).
	const data = knownOn(input.data, today);
	const officers = new Map(data.officers.map(o => [o.id, o]));
	const name = (id: string) => fullName(officers.get(id));
	// The rules' own index of this snapshot (cached: findProblems below reuses it, so this costs nothing
	// extra), so last reviews, welfare dates and workload are counted exactly as the rules count them.
	const rules = ruleContext(data, today);
	const checkInDue = checkInDueByOfficer(rules);
	// The inspector on the day of writing (the team's supervision history), who decides what a cover cannot.
	const inspectorId = inspectorOn(data.team, today);
	const inspectorOfficer = inspectorId ? officers.get(inspectorId) : undefined;
	const inspector: Inspector | null = inspectorOfficer ? {name: fullName(inspectorOfficer), officerId: inspectorOfficer.id} : null;
	const dated = datedItems(data, from, to, today, checkInDue, inspector);
	const covers = input.covers ?? (input.cover ? [{...input.cover, from, to}] : []);
	// What the cover may not do in their window (their own cases' reviews...), marked with who does (QA 6 D1).
	const alreadyDue = markCoverCannot(data, dated.alreadyDue, covers, from, today);
	const dueBeforeWindow = markCoverCannot(data, dated.dueBeforeWindow, covers, from, today);
	const inWindow = markCoverCannot(data, dated.inWindow, covers, from, today);

	const problems = findProblems(data, today);
	// The rest of what the cover may not do about themselves: their screening, trigger, workload... (cover-own-problems.ts).
	const coverOwn = coverOwnProblems(data, problems, covers, [...alreadyDue, ...dueBeforeWindow, ...inWindow]);
	const decisions: Decision[] = [];
	for (const p of problems) {
		if (p.severity !== 'critical' && p.severity !== 'red') continue;
		const said = `${p.message} ${p.action}`;
		// The rules say "an inspector" or "tell the inspector": the cover needs to know who that is.
		const needsInspector = inspector !== null && /\binspector\b/i.test(said) && !said.includes(shortName(inspectorOfficer));
		decisions.push({
			// The problem's own id (problems --json prints it): the desk opens the decision's problem by it.
			problemId: p.id,
			severity: p.severity,
			kind: p.kind,
			caseRef: p.subject.type === 'case' ? p.subject.ref : null,
			officerId: p.subject.officerId,
			officerName: name(p.subject.officerId),
			// Dates, not "2 days" from the day of writing: the renderers give the distance from the window.
			message: datedMessage(p.message),
			action: datedMessage(p.action),
			due: p.due ?? null,
			inspectorName: needsInspector ? inspector.name : null,
			resolve: (p.resolve ?? []).map(r => ({
				way: r.way,
				label: datedMessage(r.label),
				// The default key, as `problems` gives it: the handover is read by the whole team (resolve.ts).
				desk: r.desk ? {key: r.desk.key, where: r.desk.where} : null,
				command: r.command,
			})),
		});
	}

	const liveRefs = new Map(data.cases.filter(isLive).map(c => [c.ref, c]));
	const reviewDrafts: ReviewDraftNote[] = data.drafts
		.filter(d => liveRefs.has(d.caseRef))
		.map(d => {
			const oic = liveRefs.get(d.caseRef)!.oicId;
			return {
				caseRef: d.caseRef,
				officerId: oic,
				officerName: name(oic),
				startedById: d.reviewerId,
				startedByName: name(d.reviewerId),
				// The days the desk worked as, not the clock's when they differed (worked-day.ts).
				startedOn: recordDay(d.startedAt, d.startedOn),
				lastSavedOn: recordDay(d.updatedAt, d.savedOn),
			};
		})
		.sort((a, b) => cmp(a.startedOn, b.startedOn) || cmp(a.caseRef, b.caseRef));
	const draftByCase = new Map<string, ReviewDraftNote>();
	for (const d of reviewDrafts)
		if (!draftByCase.has(d.caseRef) || draftByCase.get(d.caseRef)!.lastSavedOn <= d.lastSavedOn) draftByCase.set(d.caseRef, d);

	const lastReviews = rules.reviewsByCase;
	const casesByOic = rules.liveByOic;
	const absencesInWindow = new Map<string, Absence[]>();
	// Every part of an absence kept in parts (absence-cover.ts) that touches the window, so the officer
	// section reads the absence whole, to its real last day (absence-runs.ts; QA 7 D7).
	const whole = new Map<string, {from: IsoDate; to: IsoDate | null}>();
	for (const a of data.absences) {
		const root = a.partOf ?? a.id;
		const w = whole.get(root);
		if (!w) whole.set(root, {from: a.from, to: a.to});
		else whole.set(root, {from: a.from < w.from ? a.from : w.from, to: w.to === null || a.to === null ? null : a.to > w.to ? a.to : w.to});
	}
	for (const a of data.absences) {
		const w = whole.get(a.partOf ?? a.id)!;
		if (w.from > to || (w.to !== null && w.to < from)) continue;
		const list = absencesInWindow.get(a.officerId);
		if (list) list.push(a);
		else absencesInWindow.set(a.officerId, [a]);
	}
	const plans = new Map<string, IsoDate>();
	for (const p of data.actionPlans) if (p.endedOn === null && p.started <= today) plans.set(p.officerId, p.reviewDate);
	const notesByOfficer = groupNotes(input.welfareNotes ?? null, today, to);

	const caseSection = (c: Case): CaseSection => {
		const clock = bailClock(c.bail, today);
		const review = lastReviews.get(c.ref)?.at(-1);
		const draft = draftByCase.get(c.ref);
		return {
			ref: c.ref,
			offence: c.offence,
			risk: c.risk,
			status: c.status,
			bail:
				clock && c.bail
					? {
							suspect: c.bail.suspect,
							returnDate: clock.returnDate,
							periodEnd: clock.periodEnd,
							nextAuthority: AUTHORITY_NAMES[clock.nextAuthority],
							nextAuthorityName: authorityWords(clock.nextAuthority, inspector).name,
							nextAuthorityBy: clock.periodEnd,
							daysToReturn: clock.daysToReturn,
							lapsed: clock.lapsed,
						}
					: null,
			rui:
				c.rui && c.rui.endedOn === null
					? {
							suspect: c.rui.suspect,
							since: c.rui.since,
							lastSuspectUpdate: c.rui.lastSuspectUpdate,
							nextUpdateDue: nextRuiUpdate(c, data.settings)!,
						}
					: null,
			lastReview: review ? {date: review.data.date, byId: review.data.reviewerId, byName: name(review.data.reviewerId)} : null,
			nextReviewDue: c.nextReviewDue,
			openActions: openActions(c).map(a => ({text: a.text, ownerId: a.ownerId, ownerName: name(a.ownerId), due: a.due, status: a.status})),
			materialLocations: [...c.materialLocations],
			lastUpdate: lastUpdateDate(c),
			daysSinceUpdate: daysSinceUpdate(c, today),
			reviewDraft: draft
				? {startedById: draft.startedById, startedByName: draft.startedByName, startedOn: draft.startedOn, lastSavedOn: draft.lastSavedOn}
				: null,
		};
	};

	const riskRank = (c: Case) => RISKS.indexOf(c.risk);
	/** `o` is undefined for an OIC id missing from the officer list: their cases are handed over all the same. */
	const officerSection = (id: string, o: Officer | undefined): OfficerSection => {
		const load = workloadIn(rules, id);
		const cases = (casesByOic.get(id) ?? [])
			.slice()
			.sort((a, b) => riskRank(a) - riskRank(b) || cmp(a.nextReviewDue, b.nextReviewDue) || cmp(a.ref, b.ref));
		const section: OfficerSection = {
			officerId: id,
			name: o ? fullName(o) : `unknown officer (${id})`,
			role: o?.role ?? 'unknown',
			hoursPerWeek: o?.hoursPerWeek ?? 0,
			absences: (absencesInWindow.get(id) ?? [])
				.slice()
				.sort((a, b) => cmp(a.from, b.from))
				.map(a => ({
					id: a.id,
					from: a.from,
					to: a.to,
					reason: a.reason,
					reasonWords: ABSENCE_WORDS[a.reason],
					coverName: a.coverOfficerId ? name(a.coverOfficerId) : null,
					// The days the named cover is away too: nobody covers them (the Calendar view's bar shows the gap).
					coverAway: a.coverOfficerId
						? coverAwayDuring(data.absences, a.coverOfficerId, a).map(c => ({
								from: maxDate(c.from, a.from),
								to: c.to === null ? a.to : a.to === null || c.to < a.to ? c.to : a.to,
								reasonWords: ABSENCE_WORDS[c.reason],
							}))
						: [],
				})),
			liveCases: cases.length,
			workloadPoints: load.points,
			workloadPercent: Math.round(load.percent),
			workloadExcessive: load.excessive,
			actionPlan: {inPlace: plans.has(id), reviewDate: plans.get(id) ?? null},
			welfareCheckInDue: o && welfareScope(o, today) ? (checkInDue.get(id) ?? null) : null,
			cases: cases.map(caseSection),
		};
		if (notesByOfficer) section.welfareNotes = notesByOfficer.get(id)?.map(n => ({date: n.date, byName: name(n.by), text: n.text})) ?? [];
		return section;
	};

	// Everyone the sergeant supervises or covers for: officers in post (not inspectors), and anyone
	// still holding live cases after leaving, so no live case is left out of the handover.
	const people = data.officers.filter(o => welfareScope(o, today) || casesByOic.has(o.id));
	const orphans = [...casesByOic.keys()].filter(id => !officers.has(id));

	return {
		schema: HANDOVER_SCHEMA_ID,
		marking: notesByOfficer ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
		team: {id: data.team.id, name: data.team.name, unit: data.team.unit, force: data.team.force},
		period: {from, to, days: daysBetween(from, to) + 1},
		today,
		preparedBy: input.preparedBy,
		cover: input.cover,
		covers,
		uncovered: input.uncovered ?? [],
		inspector,
		generatedAt: input.generatedAt,
		chainHead: input.chainHead,
		includesWelfare: notesByOfficer !== null,
		alreadyDue,
		dueBeforeWindow,
		reviewDrafts,
		inWindow,
		decisions,
		coverOwnProblems: coverOwn,
		officers: [...people.map(o => officerSection(o.id, o)), ...orphans.map(id => officerSection(id, undefined))],
	};
}

/** The notes a handover up to `to` prepared on `today` would show: the last WELFARE_NOTE_LOOKBACK_DAYS days. */
export function welfareNotesShown<N extends {date: IsoDate}>(notes: readonly N[], today: IsoDate, to: IsoDate): N[] {
	const {since, until} = welfareNoteWindow(today, to);
	return notes.filter(n => n.date >= since && n.date <= until);
}

/** The dates of the notes welfareNotesShown keeps, both ends included (what a store is asked to count). */
export function welfareNoteWindow(today: IsoDate, to: IsoDate): {since: IsoDate; until: IsoDate} {
	return {since: addDays(today, -WELFARE_NOTE_LOOKBACK_DAYS), until: maxDate(today, to)};
}

function groupNotes(notes: readonly WelfareNoteIn[] | null, today: IsoDate, to: IsoDate): Map<string, WelfareNoteIn[]> | null {
	if (!notes) return null;
	const m = new Map<string, WelfareNoteIn[]>();
	for (const n of welfareNotesShown(notes, today, to)) {
		const list = m.get(n.officerId);
		if (list) list.push(n);
		else m.set(n.officerId, [n]);
	}
	for (const list of m.values()) list.sort((a, b) => cmp(b.date, a.date));
	return m;
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
