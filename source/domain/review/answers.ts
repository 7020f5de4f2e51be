/**
 * What the sergeant has answered so far, step by step. Drafts are stored as free-form JSON (the
 * loader accepts any half-filled draft), so `readAnswers` rebuilds a well-typed value from whatever
 * is stored, dropping only what cannot be understood. Dates typed by the sergeant are kept as the
 * text they typed ("14/12/2026"), so a half-typed date is never lost; validation parses them.
 */
import type {Risk, WelfareFlag} from '../model.js';
import {RISKS} from '../model-values.js';
import {safeTyped} from '../safe-text.js';

export type Outcome = 'done' | 'carried' | 'dropped';
export const OUTCOMES: readonly Outcome[] = ['done', 'carried', 'dropped'];

export type PerformanceChoice = 'action-plan' | 'not-now' | 'escalate';
export const PERFORMANCE_CHOICES: readonly PerformanceChoice[] = ['action-plan', 'not-now', 'escalate'];

export const WELFARE_FLAGS: readonly WelfareFlag[] = ['oh-referral', 'stress-risk-assessment', 'phased-return', 'screening-booked'];
export const WELFARE_FLAG_WORDS: Record<WelfareFlag, string> = {
	'oh-referral': 'occupational health referral',
	'stress-risk-assessment': 'stress risk assessment',
	'phased-return': 'phased return',
	'screening-booked': 'psychological screening booked',
};

/** Step 2: what happened to one open action. */
export interface OutcomeAnswer {
	outcome: Outcome | null;
	/** Required for carried and dropped. */
	reason: string;
}

/** Step 3. */
export interface RiskAnswer {
	decision: 'keep' | 'change' | null;
	newRisk: Risk | null;
	/** Required when the risk changes. */
	rationale: string;
}

/** Step 4: one new action being written. */
export interface DraftAction {
	/** Stable key while editing ("n1", "n2"...); the signed action gets a store id at signing. */
	key: string;
	text: string;
	ownerId: string;
	/** As typed; empty means "the next review date". */
	due: string;
}

/** Step 5. */
export interface PerformanceAnswer {
	decision: PerformanceChoice | null;
	/** Required for "not now"; optional otherwise. */
	reason: string;
	/** For an action plan: when it is reviewed, as typed; empty means the default (3 months). */
	planReviewDate: string;
	/** Optional supervisor concern (feeds the performance trigger). */
	concern: string;
}

/** Step 6. The note is private: it goes only to the welfare file, never into the case store. */
export interface WelfareAnswer {
	/** Did a welfare check-in with the officer happen? null = not answered. */
	checkIn: boolean | null;
	note: string;
	flags: WelfareFlag[];
}

/** Step 7. */
export interface SignOffAnswer {
	/** As typed; empty means the date the risk cadence sets. */
	nextReviewDue: string;
	/** The sergeant's own summary; when blank a summary is written from the answers. */
	summary: string;
}

export interface ReviewAnswers {
	/** Keyed by action id. */
	outcomes: Record<string, OutcomeAnswer>;
	risk: RiskAnswer;
	actions: DraftAction[];
	/** Why no new action is needed (required when there are no actions). */
	noActionReason: string;
	performance: PerformanceAnswer;
	welfare: WelfareAnswer;
	signOff: SignOffAnswer;
}

export function emptyAnswers(): ReviewAnswers {
	return {
		outcomes: {},
		risk: {decision: null, newRisk: null, rationale: ''},
		actions: [],
		noActionReason: '',
		performance: {decision: null, reason: '', planReviewDate: '', concern: ''},
		welfare: {checkIn: null, note: '', flags: []},
		signOff: {nextReviewDue: '', summary: ''},
	};
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
// Free text comes back as the review's fields would have held it when typed (safe-text.ts): a draft in the
// store is store text like any other, and the fields draw and edit it as it is.
const text = (v: unknown): string => safeTyped(str(v), true);
const line = (v: unknown): string => safeTyped(str(v), false);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);

/** Rebuilds typed answers from a stored draft's `answers` (any shape; unknown parts become defaults). */
export function readAnswers(raw: unknown): ReviewAnswers {
	const a = emptyAnswers();
	if (!isObject(raw)) return a;
	if (isObject(raw.outcomes)) {
		for (const [id, v] of Object.entries(raw.outcomes)) {
			if (isObject(v)) a.outcomes[id] = {outcome: oneOf(v.outcome, OUTCOMES), reason: text(v.reason)};
		}
	}
	if (isObject(raw.risk)) {
		const decision = raw.risk.decision === 'keep' || raw.risk.decision === 'change' ? raw.risk.decision : null;
		a.risk = {decision, newRisk: oneOf(raw.risk.newRisk, RISKS), rationale: text(raw.risk.rationale)};
	}
	if (Array.isArray(raw.actions)) {
		const seen = new Set<string>();
		for (const [i, v] of raw.actions.entries()) {
			if (!isObject(v)) continue;
			let key = str(v.key) || `n${i + 1}`;
			while (seen.has(key)) key += '+';
			seen.add(key);
			a.actions.push({key, text: text(v.text), ownerId: str(v.ownerId), due: line(v.due)});
		}
	}
	a.noActionReason = text(raw.noActionReason);
	if (isObject(raw.performance)) {
		const p = raw.performance;
		a.performance = {
			decision: oneOf(p.decision, PERFORMANCE_CHOICES),
			reason: text(p.reason),
			planReviewDate: line(p.planReviewDate),
			concern: text(p.concern),
		};
	}
	if (isObject(raw.welfare)) {
		const w = raw.welfare;
		const flags = Array.isArray(w.flags) ? WELFARE_FLAGS.filter(f => (w.flags as unknown[]).includes(f)) : [];
		a.welfare = {checkIn: typeof w.checkIn === 'boolean' ? w.checkIn : null, note: text(w.note), flags};
	}
	if (isObject(raw.signOff)) a.signOff = {nextReviewDue: line(raw.signOff.nextReviewDue), summary: text(raw.signOff.summary)};
	return a;
}

/**
 * The answers as they may be written to the case store: the private welfare note removed. The note is
 * kept beside the welfare file instead (store/welfare-drafts.ts) until the review is signed.
 */
export function storableAnswers(a: ReviewAnswers): ReviewAnswers {
	return {...a, welfare: {...a.welfare, note: ''}};
}

/** A key for a new action that no other action in the draft uses. */
export function nextActionKey(actions: readonly DraftAction[]): string {
	let n = actions.length + 1;
	const keys = new Set(actions.map(x => x.key));
	while (keys.has(`n${n}`)) n++;
	return `n${n}`;
}
