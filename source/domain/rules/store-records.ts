/**
 * Records set aside. A PostgreSQL row that fails its schema or its references (written by a login through
 * psql, where the database does not check a record's shape) is left out by the loader rather than refusing
 * the whole team for everyone (source/store/README.md "A record that cannot be read"); each such row, and
 * each row set aside with it because it depends on it, is a CRITICAL problem here, so a case never drops
 * off the list without a word. Only the database owner can mend the row, so the way to clear it names them
 * (docs/rules.md "Records set aside"). The row's text is never quoted: a login may have written anything.
 */
import {isIsoDate, shortDate} from '../dates.js';
import type {Evidence, Problem, Subject} from '../problem.js';
import type {SetAsideList, SetAsideRecord} from '../set-aside.js';
import {safeText} from '../safe-text.js';
import type {RuleDeclaration} from './rule.js';
import {nameOf, type RuleContext} from './context.js';

/** What one record of each list is called in a sentence. */
const RECORD_WORDS: Readonly<Record<SetAsideList, string>> = {
	officers: 'officer',
	absences: 'absence',
	cases: 'case',
	welfareEvents: 'welfare event',
	concerns: 'supervisor concern',
	actionPlans: 'action plan',
	drafts: 'review draft',
};

/** The evidence type closest to each list (problem.ts EVIDENCE_TYPES has no "officer": a person's record is a case of it). */
const EVIDENCE_OF: Readonly<Record<SetAsideList, Evidence['type']>> = {
	officers: 'case',
	absences: 'absence',
	cases: 'case',
	welfareEvents: 'welfare',
	concerns: 'concern',
	actionPlans: 'decision',
	drafts: 'case',
};

/** The record as a sergeant names it: "case CR/1/26 (row CR/1/26 of fortnight_cases)". */
function recordWords(r: SetAsideRecord): string {
	const what = RECORD_WORDS[r.list];
	const named = r.caseRef !== null && (r.list === 'cases' || r.list === 'drafts') ? ` of ${safeText(r.caseRef)}` : '';
	return `${what}${named} (row ${safeText(r.key)} of ${r.table})`;
}

/** Who fortnight last recorded changing the row, in words, or that nobody is known to have. */
function lastChangeWords(ctx: RuleContext, r: SetAsideRecord): string {
	const c = r.lastChange;
	if (!c) return 'Who last changed it is not known: a change made through psql records nothing.';
	const who =
		c.officerId && ctx.officers.has(c.officerId) ? `${nameOf(ctx, c.officerId)} (login ${safeText(c.role)})` : `login ${safeText(c.role)}`;
	const day = c.at.slice(0, 10);
	const when = isIsoDate(day) ? ` on ${shortDate(day, ctx.today)}` : '';
	return `The last change fortnight recorded to it was by ${who}${when} (revision ${c.revision}); a change made since through psql records nothing.`;
}

/** The case the problem is about when its crime reference can be read, else the officer, else the team's sergeant. */
function subjectOf(ctx: RuleContext, r: SetAsideRecord): Subject {
	const officer = r.officerId !== null && ctx.officers.has(r.officerId) ? r.officerId : null;
	if (r.caseRef !== null) return {type: 'case', ref: r.caseRef, officerId: officer ?? ctx.data.team.sergeantId};
	if (officer) return {type: 'officer', officerId: officer};
	return {type: 'supervisor', officerId: ctx.data.team.sergeantId};
}

export function storeRecordProblems(ctx: RuleContext): Problem[] {
	const records = ctx.data.setAside ?? [];
	const out: Problem[] = [];
	for (const r of records) {
		const because = r.dependsOn
			? `It is set aside with ${RECORD_WORDS[r.dependsOn.list]} row ${safeText(r.dependsOn.key)} of ${r.dependsOn.table}, which cannot be read and which it depends on (${safeText(r.problem)}).`
			: `What is wrong: ${safeText(r.problem)}.`;
		const changed = r.lastChange?.at.slice(0, 10);
		out.push({
			id: `store-record-unreadable:${r.table}:${r.key}`,
			kind: 'store-record-unreadable',
			severity: 'critical',
			subject: subjectOf(ctx, r),
			message:
				`The ${recordWords(r)} in the database cannot be read, so fortnight has set it aside: it is not shown, ` +
				`counted or changed until it is mended. ${because} ${lastChangeWords(ctx, r)}`,
			action:
				`Ask the database owner to correct row ${safeText(r.key)} of ${r.table}, or restore that one row from a backup (pg_dump); ` +
				'everything else in the team reads and saves as usual meanwhile.',
			evidence: [
				{
					type: EVIDENCE_OF[r.list],
					id: r.key,
					...(r.caseRef !== null ? {caseRef: r.caseRef} : {}),
					detail: `${r.table} row ${safeText(r.key)}: ${safeText(r.problem)}`,
				},
			],
			since: changed && isIsoDate(changed) && changed <= ctx.today ? changed : ctx.today,
		});
	}
	return out;
}

/** "row KEY of TABLE" from a problem id made above (a table's name holds no colon; a key may). */
function rowOfId(id: string): string {
	const [, table, ...key] = id.split(':');
	return `row ${safeText(key.join(':'))} of ${table ?? 'its table'}`;
}

/**
 * How it clears: the database owner corrects or restores that one row (fortnight cannot: the row may be
 * anything, and guessing what was meant would put words in a record nobody wrote). Neither a key nor a command.
 */
export const STORE_RECORD_RULE: RuleDeclaration<'store-record-unreadable'> = {
	name: 'Records set aside',
	check: storeRecordProblems,
	kinds: {
		'store-record-unreadable': {
			label: 'Record set aside',
			resolve: p => [
				{
					way: 'database-owner',
					label: `Ask the database owner to correct or restore ${rowOfId(p.id)}, only that row`,
					desk: null,
					command: null,
				},
			],
		},
	},
};
