/**
 * What a rule declares about itself (docs/rules.md "How the rules work"): the check that finds its
 * problems and, for each kind of problem it raises, the kind's label, the groups it belongs to and the
 * ways to clear it. Each rule file exports one declaration; rules/registry.ts lists them, and the list
 * of kinds, the labels, the badge and report groups and `resolve` are all read from there (rules/index.ts),
 * so adding a rule touches its own file and one line of the registry (docs/architecture.md "Adding a rule").
 */
import type {Problem} from '../problem.js';
import type {ResolveFor} from '../resolve.js';
import type {RuleContext} from './context.js';

/** Runs a rule on the rules' view of a snapshot: pure, reads thresholds from ctx.settings. */
export type Check = (ctx: RuleContext) => Problem[];

/** The desk's case badge whose colour a kind's worst severity sets (README "The review desk"). */
export type BadgeGroup = 'review' | 'bail';

/** The list of the inspector's exception report a kind goes in (README "The review log"). */
export type ReportList = 'overdueNow' | 'noCover' | 'bail' | 'stalledActions' | 'forensicWaits' | 'spanOfControl';

export interface KindDeclaration {
	/** Short label for headings and narrow columns: `fortnight problems`, the desk's problem detail. */
	label: string;
	/** The case badge it colours, if any. */
	badge?: BadgeGroup;
	/** The exception report's list it goes in, if any: only rules with such a kind run for the report. */
	report?: ReportList;
	/** The ways to clear one of these problems (README "Acting on a problem"). */
	resolve: ResolveFor;
}

/** A kind's declarations by kind, for the kinds a rule raises (every one, and no other). */
export type KindTable<K extends string> = {readonly [k in K]: KindDeclaration};

export interface RuleDeclaration<K extends string = string> {
	/** The rule's name, as docs/rules.md heads its section. */
	name: string;
	kinds: KindTable<K>;
	check: Check;
}

/** The kinds a declaration raises; of a union of declarations, every kind any of them raises. */
export type KindsOf<R extends RuleDeclaration> = R extends RuleDeclaration ? keyof R['kinds'] & string : never;
