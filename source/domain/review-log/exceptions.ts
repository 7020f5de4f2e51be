/**
 * The inspector's exception report: per sergeant, what went wrong or is about to. Two kinds of fact:
 *  - review counts for the PERIOD, read from the chain (signed reviews, on time or late, and cases
 *    with a review due in the period that got none);
 *  - open exceptions AS OF TODAY, taken from the rules engine (findProblems, triggerFor) rather than
 *    re-derived here, so the report always agrees with the desk: overdue reviews, lapsed or lapsing
 *    bail, stalled actions, long forensic waits, span of control, unresolved performance triggers;
 *  - bail that lapsed in the period and was resolved since (resolved-bail.ts), which today's rules no
 *    longer report but the inspector must still see.
 * Pure: the caller passes the problems and the trigger function in (tests pass their own).
 */
import {daysBetween, type IsoDate} from '../dates.js';
import {reviewsByCase} from '../case-facts.js';
import type {ReviewEntry, StoreData} from '../model.js';
import {fullName} from '../people.js';
import type {Problem, ProblemKind, Severity} from '../problem.js';
import {reportListOf} from '../rules/index.js';
import type {TriggerState} from '../rules/performance.js';
import type {ReportList} from '../rules/rule.js';
import {safeText} from '../safe-text.js';
import type {Period} from './period.js';
import type {LogRow} from './rows.js';
import {casesMissingReview} from './due-at.js';
import {resolvedLapses, resolvedLapseWords, type BailResolution} from './resolved-bail.js';
import {sergeantIndex} from './sergeants.js';
import {sergeantAway, type AwayMark, type SergeantAbsence} from './sergeant-away.js';

/** A problem from the rules engine, reduced to what the report prints. */
export interface ExceptionItem {
	kind: ProblemKind;
	severity: Severity;
	caseRef: string | null;
	officerId: string;
	officer: string;
	message: string;
	since: IsoDate;
	due: IsoDate | null;
	/**
	 * For bail that lapsed in the period and was resolved since (resolved-bail.ts): how, when and by whom.
	 * Null for every open exception.
	 */
	resolved: BailResolution | null;
}

export interface LateReview {
	caseRef: string;
	officerId: string;
	officer: string;
	dueDate: IsoDate;
	date: IsoDate;
	lateDays: number;
	seq: number;
	/** Who signed it: the sergeant, their cover or the inspector (QA 8 D4). */
	reviewerId: string;
	reviewer: string;
	/** The sergeant was away on the day it fell due: who covered that day (sergeant-away.ts); null: at work. */
	dueWhileAway: AwayMark | null;
}

export interface MissedCase {
	caseRef: string;
	officerId: string;
	officer: string;
	/** The review that fell due in the period and was not done. */
	dueDate: IsoDate;
	/** The last signed review before or in the period, if any. */
	lastReview: IsoDate | null;
	/** The sergeant was away on the day it fell due: who covered that day (sergeant-away.ts); null: at work. */
	dueWhileAway: AwayMark | null;
}

export interface UnresolvedTrigger {
	officerId: string;
	officer: string;
	firstFired: IsoDate | null;
	/** Days since the trigger first fired, to today. */
	days: number | null;
	/** No decision recorded yet (false: a decision exists but the matter is escalated to the inspector). */
	noDecision: boolean;
	escalated: boolean;
	lastDecision: string | null;
	evidence: string[];
}

export interface SergeantTotals {
	/** Reviews due in the period: the signed ones plus one per case that missed its review. */
	reviewsDue: number;
	reviewsDone: number;
	onTime: number;
	late: number;
	/** onTime / reviewsDue, rounded to a whole percent; null when nothing was due. */
	onTimePercent: number | null;
	notReviewed: number;
	overdueNow: number;
	/**
	 * Supervisor absences with reviews falling due and nobody covering (the Totals' definition, QA 9 D8): those
	 * with a day in the period, up to today, with nobody covering on which a review fell due (signed or
	 * missed), and those of the open problems in the noCover list (judged today, so they alone read 0 once
	 * the days had passed). One absence kept in parts counts once.
	 */
	noCover: number;
	unresolvedTriggers: number;
	bail: number;
	stalledActions: number;
	forensicWaits: number;
	spanOfControl: number;
}

export interface SergeantExceptions {
	sergeantId: string;
	sergeant: string;
	/** The sergeant's absences with days in the period, and who covered them (QA 8 D4). */
	absences: SergeantAbsence[];
	lateReviews: LateReview[];
	notReviewed: MissedCase[];
	/** Open review-overdue problems: the same count as the desk's status bar. */
	overdueNow: ExceptionItem[];
	/** Supervisor absences with nobody covering while reviews fall due. */
	noCover: ExceptionItem[];
	unresolvedTriggers: UnresolvedTrigger[];
	bail: ExceptionItem[];
	stalledActions: ExceptionItem[];
	forensicWaits: ExceptionItem[];
	spanOfControl: ExceptionItem[];
	totals: SergeantTotals;
}

export interface ExceptionReport {
	period: Period;
	today: IsoDate;
	/** Days at which a forensic wait counts here (settings.forensicRedDays). */
	forensicDays: number;
	sergeants: SergeantExceptions[];
	/** All sergeants added together. */
	totals: SergeantTotals;
}

export interface RuleResults {
	problems: readonly Problem[];
	trigger: (officerId: string) => TriggerState;
	/** Signed reviews by case (reviewsByCase of the chain), when the caller has them already (the rules' context does). */
	reviewsByCase?: ReadonlyMap<string, readonly ReviewEntry[]>;
}

export function buildExceptionReport(
	data: StoreData,
	rows: readonly LogRow[],
	period: Period,
	today: IsoDate,
	rules: RuleResults,
): ExceptionReport {
	const {officers, sergeantOf, sergeants} = sergeantIndex(data);
	const name = (id: string) => safeText(officers.has(id) ? fullName(officers.get(id)) : `unknown officer ${id}`);
	const bySergeant = new Map<string, SergeantExceptions>();
	for (const s of sergeants) bySergeant.set(s.id, emptySection(s.id, name(s.id)));
	const section = (sergeantId: string): SergeantExceptions => {
		let s = bySergeant.get(sergeantId);
		if (!s) bySergeant.set(sergeantId, (s = emptySection(sergeantId, name(sergeantId))));
		return s;
	};
	const away = sergeantAway(data, period, today, name);
	// The due dates of the period's reviews by sergeant, signed or missed, for the No cover total.
	const dueDates = new Map<string, IsoDate[]>();
	// The open problems of each sergeant's noCover list, whose absences the No cover total counts too.
	const noCoverProblems = new Map<string, Problem[]>();
	const dueOn = (sergeantId: string, d: IsoDate | null) => {
		if (d === null) return;
		const list = dueDates.get(sergeantId);
		if (list) list.push(d);
		else dueDates.set(sergeantId, [d]);
	};

	// Signed reviews in the period, from the log rows (amendments are not reviews).
	for (const r of rows) {
		if (r.kind !== 'review') continue;
		const s = section(r.sergeantId);
		dueOn(r.sergeantId, r.dueDate);
		s.totals.reviewsDone++;
		if (r.lateDays === 0) s.totals.onTime++;
		else {
			s.totals.late++;
			s.lateReviews.push({
				caseRef: r.caseRef,
				officerId: r.officerId,
				officer: r.officer,
				dueDate: r.dueDate!,
				date: r.date,
				lateDays: r.lateDays!,
				seq: r.seq,
				reviewerId: r.reviewerId,
				reviewer: r.reviewer,
				dueWhileAway: away.markOn(r.sergeantId, r.dueDate!, r.officerId),
			});
		}
	}

	// Cases that missed a review in the period (the definition is casesMissingReview's, shared with the trends).
	for (const m of casesMissingReview(data.cases, rules.reviewsByCase ?? reviewsByCase(data.chain), period, today, data.settings)) {
		const c = m.case;
		const sergeantId = sergeantOf(c.oicId);
		const s = section(sergeantId);
		dueOn(sergeantId, m.due);
		s.notReviewed.push({
			caseRef: safeText(c.ref),
			officerId: c.oicId,
			officer: name(c.oicId),
			dueDate: m.due,
			lastReview: m.last?.data.date ?? null,
			dueWhileAway: away.markOn(sergeantId, m.due, c.oicId),
		});
	}

	for (const p of rules.problems) {
		const list = pick(p);
		if (!list) continue;
		const officerId = p.subject.officerId;
		const sergeantId = p.subject.type === 'supervisor' ? officerId : sergeantOf(officerId);
		const item: ExceptionItem = {
			kind: p.kind,
			severity: p.severity,
			caseRef: p.subject.type === 'case' ? safeText(p.subject.ref) : null,
			officerId,
			officer: name(officerId),
			message: safeText(p.message),
			since: p.since,
			due: p.due ?? null,
			resolved: null,
		};
		section(sergeantId)[list].push(item);
		if (list === 'noCover') noCoverProblems.set(sergeantId, [...(noCoverProblems.get(sergeantId) ?? []), p]);
	}

	// Bail that lapsed in the period and was resolved since: the rules, judging today, no longer see it.
	for (const l of resolvedLapses(data.cases, period, today, name)) {
		const c = l.case;
		const s = section(sergeantOf(c.oicId));
		const caseRef = safeText(c.ref);
		if (s.bail.some(b => b.caseRef === caseRef)) continue;
		s.bail.push({
			kind: 'bail-lapsed',
			severity: 'critical',
			caseRef,
			officerId: c.oicId,
			officer: name(c.oicId),
			message: safeText(resolvedLapseWords(l, today)),
			since: l.lapsedOn,
			due: l.ended,
			resolved: l.resolution,
		});
	}

	for (const o of data.officers) {
		if (o.leftUnit !== null || o.role !== 'investigator') continue;
		const t = rules.trigger(o.id);
		if (!t.fired || (t.decisionRecorded && !t.escalated)) continue;
		section(sergeantOf(o.id)).unresolvedTriggers.push({
			officerId: o.id,
			officer: name(o.id),
			firstFired: t.firstFired,
			days: t.firstFired ? daysBetween(t.firstFired, today) : null,
			noDecision: !t.decisionRecorded,
			escalated: t.escalated,
			lastDecision: t.lastDecision ? t.lastDecision.decision : null,
			evidence: evidenceLines(t),
		});
	}

	const all = [...bySergeant.values()];
	for (const s of all) {
		s.absences = away.absences(s.sergeantId);
		finishTotals(s);
		s.totals.noCover = uncoveredAbsences(data, s, dueDates.get(s.sergeantId) ?? [], noCoverProblems.get(s.sergeantId) ?? []);
	}
	return {period, today, forensicDays: data.settings.forensicRedDays, sergeants: all, totals: sumTotals(all.map(s => s.totals))};
}

/** Each piece of evidence once, with its case reference when the detail does not already name it. */
function evidenceLines(t: TriggerState): string[] {
	const lines = t.evidence.map(e => safeText(e.caseRef && !e.detail.includes(e.caseRef) ? `${e.caseRef}: ${e.detail}` : e.detail));
	return [...new Set(lines)];
}

/**
 * The list a problem goes in, as its rule declares for its kind (`report`, rules/rule.ts). Only overdue
 * reviews are "overdue now": a supervisor absence with nobody covering is its own list (noCover), so that
 * count is the desk status bar's "overdue" (both from the domain's reviewOverdueDays).
 */
function pick(p: Problem): ReportList | null {
	const list = reportListOf(p.kind);
	// The rules engine turns a forensic wait red at settings.forensicRedDays (120): only those count here.
	if (list === 'forensicWaits') return p.severity === 'red' || p.severity === 'critical' ? list : null;
	return list;
}

export function emptySection(sergeantId: string, sergeant: string): SergeantExceptions {
	return {
		sergeantId,
		sergeant,
		absences: [],
		lateReviews: [],
		notReviewed: [],
		overdueNow: [],
		noCover: [],
		unresolvedTriggers: [],
		bail: [],
		stalledActions: [],
		forensicWaits: [],
		spanOfControl: [],
		totals: zeroTotals(),
	};
}

function zeroTotals(): SergeantTotals {
	return {
		reviewsDue: 0,
		reviewsDone: 0,
		onTime: 0,
		late: 0,
		onTimePercent: null,
		notReviewed: 0,
		overdueNow: 0,
		noCover: 0,
		unresolvedTriggers: 0,
		bail: 0,
		stalledActions: 0,
		forensicWaits: 0,
		spanOfControl: 0,
	};
}

function finishTotals(s: SergeantExceptions): void {
	const t = s.totals;
	t.notReviewed = s.notReviewed.length;
	t.reviewsDue = t.reviewsDone + t.notReviewed;
	t.onTimePercent = percent(t.onTime, t.reviewsDue);
	t.overdueNow = s.overdueNow.length;
	t.unresolvedTriggers = s.unresolvedTriggers.length;
	t.bail = s.bail.length;
	t.stalledActions = s.stalledActions.length;
	t.forensicWaits = s.forensicWaits.length;
	t.spanOfControl = s.spanOfControl.length;
	s.lateReviews.sort((a, b) => b.lateDays - a.lateDays || a.seq - b.seq);
	s.notReviewed.sort((a, b) =>
		a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : 0,
	);
	s.unresolvedTriggers.sort((a, b) => (b.days ?? 0) - (a.days ?? 0));
}

/**
 * How many absences had reviews falling due with nobody covering (SergeantTotals.noCover): a day in the
 * period with nobody covering on which a review fell due (the covers are read up to today, sergeant-away.ts),
 * or an open problem of the noCover list about it (its first absence evidence is the supervisor's, rules/
 * review-due.ts), each absence once, by its first part's id as sergeant-away.ts names it.
 */
function uncoveredAbsences(data: StoreData, s: SergeantExceptions, due: readonly IsoDate[], open: readonly Problem[]): number {
	const ids = new Set<string>();
	for (const a of s.absences) if (a.covers.some(c => c.coverId === null && due.some(d => d >= c.from && d <= c.to))) ids.add(a.absenceId);
	for (const p of open) {
		const id = p.evidence.find(e => e.type === 'absence')?.id;
		const part = id === undefined ? undefined : data.absences.find(a => a.id === id);
		ids.add(part?.partOf ?? id ?? p.id);
	}
	return ids.size;
}

function percent(n: number, d: number): number | null {
	return d === 0 ? null : Math.round((100 * n) / d);
}

function sumTotals(list: SergeantTotals[]): SergeantTotals {
	const t = zeroTotals();
	for (const s of list) {
		for (const k of Object.keys(t) as Array<keyof SergeantTotals>) if (k !== 'onTimePercent') t[k] += s[k] ?? 0;
	}
	t.onTimePercent = percent(t.onTime, t.reviewsDue);
	return t;
}

/**
 * True when the sergeant's section has anything an inspector must act on. An absence in the period is
 * one: who was acting then is what the inspector checks (DOMAIN.md, QA 8 D4).
 */
export function hasExceptions(s: SergeantExceptions): boolean {
	return (
		s.absences.length +
			s.lateReviews.length +
			s.notReviewed.length +
			s.overdueNow.length +
			s.noCover.length +
			s.unresolvedTriggers.length +
			s.bail.length +
			s.stalledActions.length +
			s.forensicWaits.length +
			s.spanOfControl.length >
		0
	);
}
