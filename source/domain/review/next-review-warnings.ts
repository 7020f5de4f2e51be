/**
 * Warnings on the next review date (README "The guided 14-day review"): a date the rules allow can still
 * be a bad one. After the bail period ends, the review comes too late to arrange an extension, which
 * cannot be granted once the period has ended (the source case: bail lapsed two days after the officer
 * went sick). Inside the sergeant's recorded absence, the review falls to a cover, or to nobody when
 * none is named (no warning when that cover is the one signing). Each warning gives the date to choose
 * instead, never later than the risk's cadence allows (the QA pass saw "choose 09 Dec" under "no later
 * than 07 Dec"); when no date is both open and early enough, it says both limits. They warn; they never refuse.
 */
import {bailClock} from '../bail.js';
import {addDays, shortDate, type IsoDate} from '../dates.js';
import {shortName} from '../people.js';
import type {ReviewAnswers} from './answers.js';
import type {ReviewContext} from './context.js';
import {reviewWindow} from './next-review.js';
import {nextReviewDate, riskAfter} from './validate.js';

export function nextReviewWarnings(ctx: ReviewContext, a: ReviewAnswers): string[] {
	const t = ctx.today;
	const due = nextReviewDate(ctx, a);
	const risk = riskAfter(ctx, a);
	const {earliest, latest, days} = reviewWindow(risk, ctx.settings, t);
	const d = (s: IsoDate) => shortDate(s, t);
	// The day before a limit, capped at the cadence's latest (a later date would be refused), or null
	// when even the earliest open date is too late.
	const dayBefore = (limit: IsoDate): IsoDate | null => {
		const before = addDays(limit, -1);
		if (before < earliest) return null;
		return before < latest ? before : latest;
	};
	const out: string[] = [];
	const clock = bailClock(ctx.case.bail, t);
	if (clock && !clock.lapsed && due > clock.periodEnd) {
		const before = dayBefore(clock.periodEnd);
		const instead =
			before !== null
				? `choose ${d(before)} or earlier`
				: `review it before then; no review date is early enough (the earliest is ${d(earliest)})`;
		out.push(
			`The bail period ends ${d(clock.periodEnd)}, before this review (${d(due)}), and cannot be extended once it has ended: ${instead}.`,
		);
	}
	const away = ctx.sergeantAway.find(x => x.from <= due && (x.to === null || x.to >= due));
	// Who the next review falls to in the absence: its cover, unless the cover holds this case (no one reviews
	// a case they hold), then the next person up (QA 8 R8: the warning said the cover would do it).
	const holderCovers = away?.coverOfficerId != null && away.coverOfficerId === ctx.case.oicId;
	const fallsTo = holderCovers ? ctx.nextUpId : (away?.coverOfficerId ?? null);
	// The one the next review falls to signing this review: nothing to warn them of (telling them to "make
	// sure the cover has the handover" would address them as someone else).
	if (away && (ctx.reviewerId === null || fallsTo !== ctx.reviewerId)) {
		const name = (id: string) => shortName(ctx.officers.get(id));
		const who = name(away.officerId);
		const until = away.to === null ? 'with no end date' : `to ${d(away.to)}`;
		const upName = ctx.nextUpId ? name(ctx.nextUpId) : 'an independent supervisor';
		const cover = !away.coverOfficerId
			? 'no cover is named'
			: holderCovers
				? `${name(away.coverOfficerId)} covers but holds this case, so ${upName} reviews it`
				: `${name(away.coverOfficerId)} covers`;
		const handover = holderCovers ? `make sure ${upName} knows it is theirs` : 'make sure the cover has the handover';
		const before = dayBefore(away.from);
		const capped = before !== null && before === latest && before < addDays(away.from, -1);
		const instead =
			before === null
				? `no date before it is open to this review (the earliest is ${d(earliest)}); ${handover}`
				: capped
					? `choose ${d(before)} or earlier, before the absence (${risk} risk is reviewed every ${days} days)`
					: `choose ${d(before)}, before the absence`;
		out.push(`${who} is recorded away ${d(away.from)} ${until} (${cover}): this review (${d(due)}) falls inside it; ${instead}.`);
	}
	return out;
}
