/**
 * No one supervises themselves (docs/rules.md "Reviews the cover cannot do"). An investigator named as cover for their
 * own sergeant covers the team's reviews, but not the reviews of the cases they hold: each such review
 * falling due while they act up needs the next person up (the team's inspector), and stays a problem
 * until someone other than the holder has reviewed the case. One overdue before they act up is the
 * sergeant's until the absence starts, and the inspector's from its first day if still unsigned.
 */
import {addDays, shortDate, type IsoDate} from '../dates.js';
import {nextUpFor, nextUpWords} from '../independence.js';
import {ABSENCE_WORDS} from '../people.js';
import type {Case} from '../model.js';
import type {Problem} from '../problem.js';
import {coverWay, officerWord, reallocateWay, reviewWay, type Resolve} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {absenceSpan} from '../absence-words.js';
import {awayOnDate, coveringOwnSergeant, knownFrom, memo, nameOf, supervisorOf, type RuleContext} from './context.js';
import {cadenceDays, reviewDueDate, reviewOverdueDays} from './review-due.js';

/** Within this many days (or overdue) the need is red; further ahead, amber. */
const RED_WITHIN_DAYS = 7;

export function independentReviewProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-needs-independent-supervisor', () => {
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			// Overdue today and held by the cover of the day: the review-overdue problem says it, in these
			// words, so the case has one problem (QA 8 D1; reviewOverdueHeldByCover).
			if (overdueHeldByCover(ctx, c)) continue;
			out.push(...independentProblemsOf(ctx, c));
		}
		return out;
	});
}

/**
 * True when `c`'s review is overdue today (review-due.ts reviewOverdueDays) and its holder is the cover
 * of their own sergeant today. Then the overdue review is the inspector's (docs/rules.md "Reviews the cover
 * cannot do"), and two problems for it (a plain overdue review whose way sends the cover to review their own
 * case, beside this one saying they cannot) told the cover two things (QA 8 D1).
 */
function overdueHeldByCover(ctx: RuleContext, c: Case): boolean {
	if (reviewOverdueDays(reviewDueDate(ctx, c), ctx.today, ctx.settings) === null) return false;
	return coveringOwnSergeant(ctx, c.oicId, ctx.today) !== undefined;
}

/**
 * The review-overdue problem of a case whose holder covers their own sergeant today, in this rule's words
 * and severity (who reviews it, from when): one problem per case, still of the kind the inspector's log
 * counts as overdue now and the case's review badge reads. Undefined for every other case.
 */
export function reviewOverdueHeldByCover(ctx: RuleContext, c: Case): Problem | undefined {
	if (!overdueHeldByCover(ctx, c)) return undefined;
	const held = independentProblemsOf(ctx, c)[0];
	// Its `due` is the review's due date, as every review-overdue problem's is (QA 9 D4): the day it needed
	// an independent supervisor stays in the message ("from 10 Dec"), not in the Due column or the sort.
	return held && {...held, id: `review-overdue:${c.ref}`, kind: 'review-overdue', due: reviewDueDate(ctx, c)};
}

/** The review-needs-independent-supervisor problems of one case: one for each part of its supervisor's absences its holder covers. */
function independentProblemsOf(ctx: RuleContext, c: Case): Problem[] {
	const {settings: s, today} = ctx;
	const out: Problem[] = [];
	const sup = supervisorOf(ctx, c.oicId);
	if (!sup) return out;
	const absences = ctx.absencesByOfficer.get(sup.id);
	if (!absences) return out;
	// The supervisor's absences read in place, not filtered into a list for each of the live cases
	// (a megabyte of garbage at 5,000 cases for a rule that mostly finds nothing: issue 18).
	for (let ai = 0; ai < absences.length; ai++) {
		const a = absences[ai]!;
		// Only those the case's holder covers, current and known today.
		if (a.coverOfficerId !== c.oicId || (a.to !== null && a.to < today) || knownFrom(a) > today) continue;
		const start = a.from > today ? a.from : today;
		const end = a.to ?? addDays(start, s.reviewCapDays);
		const due = reviewDueDate(ctx, c);
		const d = independentDueDate(ctx, c, sup.id, due, a.from, start, end);
		if (d === null) continue;
		// Overdue once the absence is under way; overdue before it starts, the sergeant's to do first.
		const overdue = due < today && today >= a.from;
		const sergeants = due < today && !overdue;
		// Known from the day it was recorded, and no earlier than one review cap before it starts.
		const since = maxOf(knownFrom(a), addDays(a.from, -s.reviewCapDays));
		if (since > today) continue;
		const holder = nameOf(ctx, c.oicId);
		const up = nextUpWords(ctx.data, c.oicId);
		out.push({
			id: `review-needs-independent-supervisor:${c.ref}:${a.id}`,
			kind: 'review-needs-independent-supervisor',
			severity: d <= addDays(today, RED_WITHIN_DAYS) ? 'red' : 'amber',
			subject: {type: 'case', ref: c.ref, officerId: c.oicId},
			message:
				`Review ${overdue ? `overdue (due ${shortDate(due, today)})` : `due ${shortDate(d, today)}`} needs an independent supervisor` +
				`${overdue && d !== due ? ` from ${shortDate(d, today)}` : ''}` +
				`${sergeants ? ` (the overdue one, due ${shortDate(due, today)}, is ${nameOf(ctx, sup.id)}'s before ${shortDate(a.from, today)})` : ''}` +
				`: ${holder} holds this case ` +
				`and is covering ${nameOf(ctx, sup.id)} (${ABSENCE_WORDS[a.reason]} ${absenceSpan(a, today)})`,
			action: `Ask ${up} to review this case ${overdue ? 'now' : `by ${shortDate(d, today)}`}; ${holder} cannot review a case they hold.`,
			evidence: [
				{
					type: 'absence',
					id: a.id,
					date: a.from,
					detail: `${nameOf(ctx, sup.id)} ${ABSENCE_WORDS[a.reason]} ${absenceSpan(a, today)}, cover ${holder}`,
				},
				{
					type: 'case',
					caseRef: c.ref,
					date: d,
					detail: `review due ${overdue && d !== due ? `${shortDate(due, today)}, still unsigned on ${shortDate(d, today)}` : shortDate(d, today)}, case held by the cover`,
				},
			],
			since,
			due: d,
		});
	}
	return out;
}

/**
 * The date the holder's review needs someone else (docs/rules.md "Reviews the cover cannot do"), or null
 * when no review falls to them in the days they cover (`start`, the later of today and the absence's
 * first day `from`, to `end`):
 * - a review due before the absence starts is the sergeant's, overdue or not, while the sergeant is at
 *   work (review-overdue already gives it to them): the cover faces the next one on, due + the cadence;
 * - once the absence is under way, an overdue review waits now: due on its own date when it fell due in
 *   the absence, and from the first day the holder covers when it was overdue before (as "Reviews while
 *   the supervisor is away" counts an overdue review from the absence's first day), the same whichever
 *   day it is read.
 * Only days the holder really covers count: a cover away that day covers nobody (another rule says so).
 */
function independentDueDate(
	ctx: RuleContext,
	c: Case,
	supId: string,
	due: IsoDate,
	from: IsoDate,
	start: IsoDate,
	end: IsoDate,
): IsoDate | null {
	const covers = (day: IsoDate) => awayOnDate(ctx, supId, day)?.coverId === c.oicId;
	if (due < ctx.today && ctx.today >= from) {
		let now = start;
		while (now <= end && !covers(now)) now = addDays(now, 1);
		if (now > end) return null;
		if (due >= from) return due;
		let first = from;
		while (first < now && !covers(first)) first = addDays(first, 1);
		return first;
	}
	const step = cadenceDays(c.risk, ctx.settings);
	let d = due;
	while (d < start) d = addDays(d, step);
	while (d <= end && !covers(d)) d = addDays(d, step);
	return d > end ? null : d;
}

function maxOf(a: IsoDate, b: IsoDate): IsoDate {
	return a > b ? a : b;
}

/**
 * The ways a review only someone other than its holder may do clears: the next person up reviews it, the
 * case goes to someone else, or the absence names another cover. Also the ways of the review-overdue
 * problem of such a case (reviewOverdueHeldByCover).
 */
export function independentWays(p: Problem, ctx: RuleContext): Resolve[] {
	if (p.subject.type !== 'case') return [];
	const up = nextUpFor(ctx.data, p.subject.officerId);
	const upWords = up ? nameOf(ctx, up.id) : 'an independent supervisor';
	const absence = p.evidence.find(e => e.type === 'absence');
	const asUp = up ? ` (the desk opened as them: fortnight --as ${officerWord(ctx.data.officers, up.id)})` : '';
	const ways = [
		reviewWay(`${upWords} reviews the case${asUp}`),
		reallocateWay(p.subject.ref, `Reallocate ${p.subject.ref} to an officer who is not covering the sergeant`),
	];
	if (absence?.id) ways.push(coverWay(absence.id, `Name a cover for the absence (${absence.id}) who does not hold this case`));
	return ways;
}

/**
 * How it clears (README "Acting on a problem"): someone other than the holder reviews the case (the
 * desk opened as them, `fortnight --as NAME`), the case goes to another officer, or the absence names
 * a different cover.
 */
export const INDEPENDENT_REVIEW_RULE: RuleDeclaration<'review-needs-independent-supervisor'> = {
	name: 'Reviews the cover cannot do',
	check: independentReviewProblems,
	kinds: {
		'review-needs-independent-supervisor': {
			label: 'Review needs independent supervisor',
			resolve: independentWays,
		},
	},
};
