/**
 * The rules engine: every rule in docs/rules.md, each a pure function of a store snapshot and `today`
 * that reads its thresholds from data.settings. One rule per file, each declaring its check and, for
 * every kind of problem it raises, the kind's label, groups and ways to clear it (rule.ts). This module
 * runs them all, puts the most urgent first, and derives from the registry (registry.ts) every list
 * the other layers read: the kinds, their labels, the badge and report groups, the ways to clear them.
 */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {SEVERITY_RANK, type Problem} from '../problem.js';
import type {Resolve, ResolveFor} from '../resolve.js';
import {commandsTheReaderCanRun} from '../printed-as.js';
import {ruleContext} from './context.js';
import {RULES} from './registry.js';
import type {BadgeGroup, KindDeclaration, KindsOf, ReportList, RuleDeclaration} from './rule.js';

export {RULES};
export type Rule = RuleDeclaration;

/** Every kind of problem the rules raise, as the registry's rules declare them. */
export type ProblemKind = KindsOf<(typeof RULES)[number]>;

/** Each kind's declaration, from the rule that declares it; a kind declared twice is a mistake caught on load. */
const KINDS = new Map<string, KindDeclaration>();
for (const rule of RULES as readonly Rule[]) {
	for (const [kind, declared] of Object.entries(rule.kinds)) {
		if (KINDS.has(kind)) throw new Error(`Problem kind "${kind}" is declared twice (the second time by "${rule.name}")`);
		KINDS.set(kind, declared);
	}
}

/** Every kind, in the registry's order (the JSON Schema of `problems --json` lists them). */
export const PROBLEM_KINDS: readonly ProblemKind[] = [...KINDS.keys()] as ProblemKind[];

function byKind<T>(pick: (k: KindDeclaration) => T): Readonly<Record<ProblemKind, T>> {
	return Object.fromEntries([...KINDS].map(([kind, k]) => [kind, pick(k)])) as Record<ProblemKind, T>;
}

/** Short labels for each kind of problem, for headings and narrow columns. */
export const KIND_LABELS = byKind(k => k.label);

/** Each kind's ways to clear it, as its rule declares them (README "Acting on a problem"). */
export const RESOLVE: Readonly<Record<ProblemKind, ResolveFor>> = byKind(k => k.resolve);

/** The kinds whose worst severity colours a case badge (the desk's review and bail badges). */
export function kindsInBadge(group: BadgeGroup): ProblemKind[] {
	return PROBLEM_KINDS.filter(kind => KINDS.get(kind)!.badge === group);
}

/** The list of the inspector's exception report a kind goes in, or null for none. */
export function reportListOf(kind: ProblemKind): ReportList | null {
	return KINDS.get(kind)?.report ?? null;
}

/**
 * The rules whose findings the inspector's exception report lists (README, "The review log"): those
 * declaring a kind with a report list. An export runs only these (its performance triggers come from
 * triggerFor), not the whole engine.
 */
export const REPORT_RULES: readonly Rule[] = (RULES as readonly Rule[]).filter(r => Object.values(r.kinds).some(k => k.report));

/** Most urgent first: severity, then the oldest problem, then id so the order is stable. */
export function compareProblems(a: Problem, b: Problem): number {
	return (
		SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
		(a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/**
 * The problems `rules` (every rule unless told) find today, most urgent first, each with its ways to
 * clear it (`resolve`) as the rule that raised it declares them.
 */
export function findProblems(data: StoreData, today: IsoDate, rules: readonly Rule[] = RULES): Problem[] {
	const ctx = ruleContext(data, today);
	const all: Problem[] = [];
	// Index loops: this runs once per command over every problem, mostly before the engine optimises it,
	// and there each for-of step allocates (issue 18).
	for (let r = 0; r < rules.length; r++) {
		const rule = rules[r]!;
		const found = rule.check(ctx);
		for (let i = 0; i < found.length; i++) {
			const p = found[i]!;
			const declared = rule.kinds[p.kind];
			if (!declared) throw new Error(`Rule "${rule.name}" raised a problem of kind "${p.kind}" it does not declare`);
			const resolve = commandsTheReaderCanRun(ctx, p, declared.resolve(p, ctx));
			flattenText(p, resolve);
			all.push(withResolve(p, resolve));
		}
	}
	return all.sort(compareProblems);
}

/**
 * The problem with its ways to clear it, every field written out in the order Problem declares them. Not
 * `{...p, resolve}`: once a spread has seen the shapes of several rules' problems, the engine gave each
 * copy a hidden class of its own (648 among the 4,951 problems of a 5,000-case store), so every later
 * read of a problem's fields (the sort, the renderers, the desk) was a slow lookup (issue 18). `due` is
 * always present, undefined when the problem has no deadline.
 */
function withResolve(p: Problem, resolve: readonly Resolve[]): Problem {
	return {
		id: p.id,
		kind: p.kind,
		severity: p.severity,
		subject: p.subject,
		message: p.message,
		action: p.action,
		evidence: p.evidence,
		since: p.since,
		due: p.due,
		resolve,
	};
}

/**
 * The problem's words each made one string in place. A message written piece by piece is held by V8 as a
 * tree of the pieces, which every consumer reads to the end (the JSON and text renderers join each one);
 * joined here, the trees are garbage before they are copied from one heap space to another, and the
 * renderers find them joined (issue 18: a tenth less rendering time for `problems --json` at 5,000 cases).
 * Number() of a string joins it first (V8's StringToNumber flattens); the number itself is not wanted.
 */
function flattenText(p: Problem, resolve: readonly Resolve[]): void {
	Number(p.message);
	Number(p.action);
	const evidence = p.evidence;
	for (let i = 0; i < evidence.length; i++) Number(evidence[i]!.detail);
	for (let i = 0; i < resolve.length; i++) Number(resolve[i]!.label);
}

export {cadenceDays, caseReviewDue, reviewOverdueDays} from './review-due.js';
export {workloadFor, type Workload} from './workload.js';
export {triggerFor, type TriggerState} from './performance.js';
