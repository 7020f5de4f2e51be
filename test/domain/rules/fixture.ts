/**
 * Small hand-built stores for rule tests: one sergeant, one inspector and a few detectives, with
 * nothing due unless a test adds it (so a test can look at one rule's output without noise).
 */
import {newCaseRecord} from '../../../source/domain/new-case.js';
import {addDays, type IsoDate} from '../../../source/domain/dates.js';
import {
	SCHEMA_VERSION,
	type Absence,
	type Case,
	type ChainEntry,
	type Officer,
	type PerformanceDecisionData,
	type ReviewData,
	type StoreData,
} from '../../../source/domain/model.js';
import type {Problem, ProblemKind} from '../../../source/domain/problem.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {signer} from '../../../source/store/chain.js';

export function officer(id: string, over: Partial<Officer> = {}): Officer {
	return {
		id,
		collarNumber: id,
		name: `Alex ${id.toUpperCase()}`,
		rank: 'DC',
		role: 'investigator',
		hoursPerWeek: 40,
		joinedUnit: '2025-06-01',
		imageExposed: false,
		mentorId: null,
		supervisorId: 's1',
		leftUnit: null,
		...over,
	};
}

export function kase(ref: string, over: Partial<Case> = {}): Case {
	return newCaseRecord({
		ref,
		offence: 'Distribution of indecent images of children',
		offenceShort: 'IIOC distribution',
		risk: 'medium',
		status: 'investigation',
		oicId: 'o1',
		opened: '2025-07-01',
		nextReviewDue: '2099-01-01',
		allocatedOn: '2025-07-01',
		...over,
	});
}

export function absence(id: string, officerId: string, from: IsoDate, to: IsoDate | null, over: Partial<Absence> = {}): Absence {
	return {id, officerId, from, to, reason: 'sick', coverOfficerId: null, recordedAt: `${from}T08:00:00.000Z`, recordedBy: 's1', ...over};
}

/** A store with a sergeant (s1), an inspector (i1) and detective o1, plus whatever the test adds. */
export function store(over: Partial<StoreData> = {}): StoreData {
	return {
		schemaVersion: SCHEMA_VERSION,
		revision: 0,
		updatedAt: '2026-01-01T00:00:00.000Z',
		referenceDate: null,
		team: {id: 't', name: 'Test team', unit: 'POLIT', force: 'Test', sergeantId: 's1', inspectorId: 'i1', supervision: []},
		settings: structuredClone(DEFAULT_SETTINGS),
		officers: [
			officer('i1', {rank: 'DI', role: 'inspector', name: 'Ruth Inspector', supervisorId: null}),
			officer('s1', {rank: 'DS', role: 'sergeant', name: 'Sam Sergeant', supervisorId: 'i1'}),
			officer('o1', {name: 'Dan Dean'}),
		],
		absences: [],
		cases: [],
		welfareEvents: [],
		concerns: [],
		actionPlans: [],
		chain: [],
		drafts: [],
		...over,
	};
}

/** Chain entries signed in order (reviews and decisions). */
export function chainOf(
	items: ({kind: 'review'; data: ReviewData} | {kind: 'performance-decision'; data: PerformanceDecisionData})[],
): ChainEntry[] {
	const chain: ChainEntry[] = [];
	for (const it of items) chain.push(signer(chain, it.kind, it.data, `${it.data.date}T10:00:00.000Z`));
	return chain;
}

export function review(
	caseRef: string,
	date: IsoDate,
	nextReviewDue: IsoDate,
	over: Partial<ReviewData> = {},
): {kind: 'review'; data: ReviewData} {
	return {
		kind: 'review',
		data: {
			caseRef,
			date,
			reviewerId: 's1',
			oicId: 'o1',
			dueDate: date,
			previousReviewDate: null,
			riskBefore: 'medium',
			riskAfter: 'medium',
			riskRationale: null,
			actionOutcomes: [],
			newActions: [],
			noActionReason: null,
			triggerFired: false,
			triggerDecision: null,
			concernRecorded: false,
			welfareCheckIn: false,
			nextReviewDue,
			summary: 'Reviewed.',
			...over,
		},
	};
}

export function decision(
	officerId: string,
	date: IsoDate,
	kind: PerformanceDecisionData['decision'],
): {kind: 'performance-decision'; data: PerformanceDecisionData} {
	return {
		kind: 'performance-decision',
		data: {
			officerId,
			date,
			by: 's1',
			decision: kind,
			reason: kind === 'not-now' ? 'Officer is improving.' : null,
			evidence: [],
			caseRef: null,
		},
	};
}

export function ofKind(data: StoreData, today: IsoDate, kind: ProblemKind): Problem[] {
	return findProblems(data, today).filter(p => p.kind === kind);
}

/** The one problem with this id on `today`, or undefined. */
export function problem(data: StoreData, today: IsoDate, id: string): Problem | undefined {
	return findProblems(data, today).find(p => p.id === id);
}

/** Severity of the problem with this id on each day from..to (undefined when it does not fire). */
export function severities(
	data: StoreData | ((day: IsoDate) => StoreData),
	id: string,
	from: IsoDate,
	to: IsoDate,
): Record<IsoDate, string | undefined> {
	const out: Record<IsoDate, string | undefined> = {};
	for (let d = from; d <= to; d = addDays(d, 1)) {
		const s = typeof data === 'function' ? data(d) : data;
		out[d] = problem(s, d, id)?.severity;
	}
	return out;
}
