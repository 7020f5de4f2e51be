/**
 * Tenure and psychological screening in image-exposed roles (College of Policing ICAT guidance): a
 * tenure review at settings.tenureReviewYears (4), an expected move at settings.tenureMoveYears (5),
 * and psychological screening every settings.screeningIntervalMonths (6) after
 * settings.screeningAfterYears (4). Due is amber; past the expected move, or a screening a whole
 * interval overdue, is red. Past the expected move, a tenure review held since the move date (the
 * decision that the officer stays) clears it for a year.
 */
import {addMonths, addYears, daysBetween, shortDate, yearsAndMonthsBetween, type IsoDate} from '../dates.js';
import type {Officer} from '../model.js';
import type {Problem} from '../problem.js';
import {plural} from '../plural.js';
import {welfareWay} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, nameOf, type RuleContext} from './context.js';
import {lastWelfare} from './welfare.js';

/** A tenure review held up to this many months before the due date counts as the review. */
const TENURE_REVIEW_EARLY_MONTHS = 3;

/** "5 years 0 months": calendar years and months, counted as the thresholds below are (addYears). */
function yearsIn(from: IsoDate, today: IsoDate): string {
	const {years, months} = yearsAndMonthsBetween(from, today);
	return `${plural(years, 'year')} ${plural(months, 'month')}`;
}

function tenure(ctx: RuleContext, o: Officer): Problem | null {
	const {settings: s, today} = ctx;
	const reviewDue = addYears(o.joinedUnit, s.tenureReviewYears);
	const move = addYears(o.joinedUnit, s.tenureMoveYears);
	if (reviewDue > today) return null;
	const last = lastWelfare(ctx.welfareByOfficer.get(o.id), ['tenure-review'], today);
	const held = last && last.date >= addMonths(reviewDue, -TENURE_REVIEW_EARLY_MONTHS) ? last : undefined;
	const pastMove = move <= today;
	if (held && !pastMove) return null;
	// Past the expected move, a tenure review held on or after the move date is the record of why the
	// officer stays (README, "Acting on a problem"): it clears this for a year, then another is due.
	if (pastMove && last && last.date >= move && addYears(last.date, 1) > today) return null;
	const who = nameOf(ctx, o.id);
	const base = `${who} has been in the unit ${yearsIn(o.joinedUnit, today)} (since ${shortDate(o.joinedUnit, today)}) in an image-exposed role`;
	const message = pastMove
		? `${base}: expected move at ${s.tenureMoveYears} years was ${shortDate(move, today)}; ` +
			`${held ? `tenure review held ${shortDate(held.date, today)}` : 'no tenure review recorded'}`
		: `${base}: tenure review due at ${s.tenureReviewYears} years, ${shortDate(reviewDue, today)}, ${days(daysBetween(reviewDue, today))} ago; none recorded`;
	return {
		id: `tenure-review-due:${o.id}`,
		kind: 'tenure-review-due',
		severity: pastMove ? 'red' : 'amber',
		subject: {type: 'officer', officerId: o.id},
		message,
		action: pastMove
			? 'Agree a move date with the officer and the inspector, or record why they stay.'
			: 'Hold the tenure review with the officer and record it.',
		evidence: [
			{
				type: 'welfare',
				id: last?.id,
				date: last?.date ?? o.joinedUnit,
				detail: last ? `last tenure review ${shortDate(last.date, today)}` : `joined unit ${shortDate(o.joinedUnit, today)}`,
			},
		],
		since: pastMove ? move : reviewDue,
		due: pastMove ? move : reviewDue,
	};
}

function screening(ctx: RuleContext, o: Officer): Problem | null {
	const {settings: s, today} = ctx;
	const start = addYears(o.joinedUnit, s.screeningAfterYears);
	const last = lastWelfare(ctx.welfareByOfficer.get(o.id), ['psychological-screening'], today);
	const next = last ? addMonths(last.date, s.screeningIntervalMonths) : start;
	const due = next > start ? next : start;
	if (due > today) return null;
	const late = daysBetween(due, today);
	return {
		id: `screening-due:${o.id}`,
		kind: 'screening-due',
		severity: addMonths(due, s.screeningIntervalMonths) <= today ? 'red' : 'amber',
		subject: {type: 'officer', officerId: o.id},
		message:
			`Psychological screening for ${nameOf(ctx, o.id)} due ${shortDate(due, today)}, ${days(late)} overdue; ` +
			`${last ? `last ${shortDate(last.date, today)}` : 'none recorded'} (every ${s.screeningIntervalMonths} months after ${s.screeningAfterYears} years ` +
			`in the role)`,
		action: 'Book the screening with occupational health and record the date.',
		evidence: [
			{
				type: 'welfare',
				id: last?.id,
				date: last?.date ?? o.joinedUnit,
				detail: last ? `last screening ${shortDate(last.date, today)}` : `joined unit ${shortDate(o.joinedUnit, today)}`,
			},
		],
		since: due,
		due,
	};
}

export function tenureProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'tenure', () => {
		const out: Problem[] = [];
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			if (!o.imageExposed) continue;
			const t = tenure(ctx, o);
			if (t) out.push(t);
			const sc = screening(ctx, o);
			if (sc) out.push(sc);
		}
		return out;
	});
}

/** How these clear (README "Acting on a problem"): the tenure review or screening, recorded when it has happened. */
export const TENURE_RULE: RuleDeclaration<'tenure-review-due' | 'screening-due'> = {
	name: 'Tenure and screening',
	check: tenureProblems,
	kinds: {
		'tenure-review-due': {
			label: 'Tenure review',
			resolve: (p, ctx) => [
				welfareWay(ctx.data.officers, p.subject.officerId, 'tenure-review', 'Hold the tenure review, then record that it happened'),
			],
		},
		'screening-due': {
			label: 'Psychological screening',
			resolve: (p, ctx) => [
				welfareWay(ctx.data.officers, p.subject.officerId, 'screening', 'Book the screening with occupational health, then record it'),
			],
		},
	},
};
