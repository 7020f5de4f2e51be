/**
 * A problem is one thing that needs a person's attention, produced by a rule from a store snapshot and
 * `today`. Every consumer (desk, `problems`, handover, log) reads these; none recomputes a rule.
 */
import type {IsoDate} from './dates.js';
import type {Resolve} from './resolve.js';
import type {ProblemKind} from './rules/index.js';

export type Severity = 'critical' | 'red' | 'amber' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'red', 'amber', 'info'];
/** Lower sorts first. */
export const SEVERITY_RANK: Record<Severity, number> = {critical: 0, red: 1, amber: 2, info: 3};

/**
 * "5 critical, 17 red, 34 amber, 1 info": every severity that occurs, most urgent first, so the
 * parts always add up to the total shown beside them (the desk's Problems header, fortnight problems).
 */
export function severityCountWords(problems: readonly {severity: Severity}[]): string {
	const n: Record<Severity, number> = {critical: 0, red: 0, amber: 0, info: 0};
	for (const p of problems) n[p.severity]++;
	return SEVERITIES.filter(s => n[s] > 0)
		.map(s => `${n[s]} ${s}`)
		.join(', ');
}

/**
 * Every kind of problem the rules raise: each rule file declares its own (rules/rule.ts), and the list
 * is read from the registry (rules/index.ts PROBLEM_KINDS). Only the type is here, so this module, which
 * every rule reads, imports nothing of the rules at run time.
 */
export type {ProblemKind};

export type Subject =
	{type: 'case'; ref: string; officerId: string} | {type: 'officer'; officerId: string} | {type: 'supervisor'; officerId: string};

/** One piece of evidence: which update, action, entry or absence made the rule fire. */
export const EVIDENCE_TYPES = [
	'update',
	'action',
	'review',
	'absence',
	'forensic',
	'bail',
	'victim',
	'case',
	'concern',
	'decision',
	'welfare',
] as const;

export interface Evidence {
	type: (typeof EVIDENCE_TYPES)[number];
	/** Case reference when the evidence belongs to a case. */
	caseRef?: string;
	/** The item's id or index (action id, update index, chain seq, absence id...). */
	id?: string;
	date?: IsoDate;
	/** A short description in words. Never welfare note text. */
	detail: string;
}

export interface Problem {
	/** Stable across runs for the same problem: kind + subject (+ item), for tests and de-duplication. */
	id: string;
	kind: ProblemKind;
	severity: Severity;
	subject: Subject;
	/** Plain English with the numbers: "Bail return 02 Dec: 4 days; OIC DC Ashworth is on sick leave ...". */
	message: string;
	/** What to do about it, in one sentence. */
	action: string;
	evidence: Evidence[];
	/** The date it became a problem (first day the rule fires). */
	since: IsoDate;
	/** A dated deadline the problem is about (bail return, review due), when there is one. */
	due?: IsoDate;
	/**
	 * The ways to clear it: desk key and command (README "Acting on a problem"). Rules leave it out;
	 * findProblems (rules/index.ts) adds it, from the rule's declaration, to every problem it returns.
	 */
	resolve?: readonly Resolve[];
}
