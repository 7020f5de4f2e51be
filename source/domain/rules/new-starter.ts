/**
 * New starters. Source case: a new detective inherited old cases with no training and a mentor who had
 * a full caseload of their own. An officer is new for settings.newStarterMonths (6) after joining the
 * unit: monthly one-to-ones (every settings.newStarterOneToOneDays, 31) are flagged when due (amber),
 * and holding live cases opened over settings.oldCaseMonths (12) ago is flagged as support needed
 * (amber; red when no mentor is recorded), naming the mentor and the mentor's own workload.
 */
import {currentAllocation} from '../case-history.js';
import {addDays, addMonths, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Case, Officer} from '../model.js';
import {isNewStarter, oldCaseFrom, supportCovering} from '../new-starter-support.js';
import type {Evidence, Problem} from '../problem.js';
import {reallocateOneOf, welfareWay} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, nameOf, plural, type RuleContext} from './context.js';
import {lastWelfare} from './welfare.js';
import {workloadIn} from './workload.js';
import {safeText} from '../safe-text.js';

export {isNewStarter};

function oneToOne(ctx: RuleContext, o: Officer): Problem | null {
	const {settings: s, today} = ctx;
	const last = lastWelfare(ctx.welfareByOfficer.get(o.id), ['one-to-one'], today);
	const from = last?.date ?? o.joinedUnit;
	const due = addDays(from, s.newStarterOneToOneDays);
	if (due > today) return null;
	const late = daysBetween(due, today);
	return {
		id: `new-starter-one-to-one-due:${o.id}`,
		kind: 'new-starter-one-to-one-due',
		severity: late >= s.newStarterOneToOneDays ? 'red' : 'amber',
		subject: {type: 'officer', officerId: o.id},
		message:
			`${nameOf(ctx, o.id)} joined the unit ${shortDate(o.joinedUnit, today)} (new starter): monthly one-to-one due ` +
			`${shortDate(due, today)}${late > 0 ? `, ${days(late)} overdue` : ', today'}; ${last ? `last ${shortDate(last.date, today)}` : 'none yet'}`,
		action: 'Hold the one-to-one: training, mentor support and caseload.',
		evidence: [
			{
				type: 'welfare',
				id: last?.id,
				date: from,
				detail: last ? `last one-to-one ${shortDate(last.date, today)}` : `joined unit ${shortDate(o.joinedUnit, today)}`,
			},
		],
		since: due,
		due,
	};
}

function oldCases(ctx: RuleContext, o: Officer): Problem | null {
	const {settings: s, today} = ctx;
	const events = ctx.welfareByOfficer.get(o.id);
	// A case covered by a support agreement recorded since it became old in this officer's hands no
	// longer counts (new-starter-support.ts); one allocated or aged past the line after it does.
	const old: Case[] = [];
	const covered: Case[] = [];
	for (const c of ctx.liveByOic.get(o.id) ?? []) {
		if (addMonths(c.opened, s.oldCaseMonths) > today) continue;
		(supportCovering(events, c, o, s.oldCaseMonths, today) ? covered : old).push(c);
	}
	if (old.length === 0) return null;
	let since: IsoDate | null = null;
	const evidence: Evidence[] = [];
	for (const c of old) {
		// The day the case was allocated to this officer (its current allocation: README "Case history").
		const allocated = currentAllocation(c).from;
		const d = oldCaseFrom(c, o, s.oldCaseMonths);
		if (since === null || d < since) since = d;
		evidence.push({
			type: 'case',
			caseRef: c.ref,
			date: c.opened,
			detail: `opened ${shortDate(c.opened, today)}, allocated ${shortDate(allocated, today)}`,
		});
	}
	const mentor = o.mentorId ? ctx.officers.get(o.mentorId) : undefined;
	const mentorLoad = mentor ? workloadIn(ctx, mentor.id) : null;
	const mentorWords = mentor ? `mentor ${nameOf(ctx, mentor.id)} (own caseload ${mentorLoad!.percent}% of capacity)` : 'no mentor recorded';
	return {
		id: `new-starter-old-cases:${o.id}`,
		kind: 'new-starter-old-cases',
		severity: mentor ? 'amber' : 'red',
		subject: {type: 'officer', officerId: o.id},
		message:
			`${nameOf(ctx, o.id)}, in the unit ${days(daysBetween(o.joinedUnit, today))}, holds ${plural(old.length, 'case')} opened over ` +
			`${s.oldCaseMonths} months ago (${safeText(old.map(c => c.ref).join(', '))})` +
			// Said so the sergeant sees why a case they agreed support for is not listed (QA 8 R5).
			`${covered.length > 0 ? ` besides ${plural(covered.length, 'case')} with support agreed (${safeText(covered.map(c => c.ref).join(', '))})` : ''}` +
			`; ${mentorWords}`,
		action: mentor
			? 'Agree support for these cases with the officer and mentor and record it, or reallocate them.'
			: 'Name a mentor with capacity and agree support for these cases and record it, or reallocate them.',
		evidence,
		since: since!,
	};
}

export function newStarterProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'new-starter', () => ctx.activeOfficers.flatMap(o => officerNewStarterProblems(ctx, o)));
}

/** One officer's new-starter findings (the officer must be in post: ctx.activeOfficers). */
export function officerNewStarterProblems(ctx: RuleContext, o: Officer): Problem[] {
	if (!isNewStarter(o, ctx.settings.newStarterMonths, ctx.today)) return [];
	const out: Problem[] = [];
	const a = oneToOne(ctx, o);
	if (a) out.push(a);
	const b = oldCases(ctx, o);
	if (b) out.push(b);
	return out;
}

/**
 * How these clear (README "Acting on a problem"): the one-to-one recorded; the old cases' support agreed
 * and recorded (it names the old cases held that day), or the old cases reallocated.
 */
export const NEW_STARTER_RULE: RuleDeclaration<'new-starter-one-to-one-due' | 'new-starter-old-cases'> = {
	name: 'New starters',
	check: newStarterProblems,
	kinds: {
		'new-starter-one-to-one-due': {
			label: 'New starter one-to-one',
			resolve: (p, ctx) => [
				welfareWay(ctx.data.officers, p.subject.officerId, 'one-to-one', 'Hold the one-to-one, then record that it happened'),
			],
		},
		'new-starter-old-cases': {
			label: 'New starter, old cases',
			resolve: (p, ctx) => [
				welfareWay(
					ctx.data.officers,
					p.subject.officerId,
					'new-starter-support',
					'Agree support for the old cases with the officer and mentor, then record the agreement (it names the old cases held that day)',
				),
				reallocateOneOf(`Reallocate the old cases from ${nameOf(ctx, p.subject.officerId)} to an experienced officer`),
			],
		},
	},
};
