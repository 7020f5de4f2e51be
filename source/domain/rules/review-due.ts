/**
 * Supervisory reviews: every live case is reviewed at least every 14 days (high risk 7), never longer
 * than the cap (28). Source case: the sergeant was off sick two months, "no one undertook his
 * responsibilities" and no reviews happened, so reviews falling due while a supervisor is away with
 * nobody named as cover are critical.
 */
import {addDays, daysBetween, minDate, shortDate, type IsoDate} from '../dates.js';
import type {Absence, Case, Risk, Settings} from '../model.js';
import {absenceSpan} from '../absence-words.js';
import {ABSENCE_WORDS, type AwayOnDate} from '../people.js';
import type {Problem, Severity} from '../problem.js';
import {reviewWay} from '../resolve.js';
import {safeText} from '../safe-text.js';
import {nextReviewMovedLater, SignedNextReviews, signedNextReviewSource} from '../signed-next-review.js';
import type {RuleDeclaration} from './rule.js';
import {independentWays, reviewOverdueHeldByCover} from './independent-review.js';
import {
	awayOnDate,
	coveringOwnSergeant,
	days,
	knownFrom,
	memo,
	nameOf,
	plural,
	supervisorCoverWay,
	supervisorOf,
	wholeAbsence,
	type RuleContext,
} from './context.js';

/** Days between reviews for a risk level, from settings, never longer than the cap. */
export function cadenceDays(risk: Risk, settings: Settings): number {
	return Math.max(1, Math.min(settings.reviewCadenceDays[risk], settings.reviewCapDays));
}

/**
 * The date the case's next review is due: the date set at sign-off, pulled in to the cap if it was set too
 * far out. The signed date (the last review's, or its amendment's) is the record: a case record moved later
 * than it, outside fortnight, is judged by the signed date (REVIEW-9 D6; reviewDateEdited says so).
 */
export function reviewDueDate(ctx: RuleContext, c: Case): IsoDate {
	let byCase = dueDates.get(ctx);
	if (!byCase) dueDates.set(ctx, (byCase = new Map()));
	let due = byCase.get(c);
	if (due === undefined) {
		const reviews = ctx.reviewsByCase.get(c.ref);
		const last = reviews && reviews.length > 0 ? reviews[reviews.length - 1]!.data.date : null;
		due = caseReviewDue(c, last, ctx.settings, signedNextReviews(ctx).get(c.ref)?.date ?? null);
		byCase.set(c, due);
	}
	return due;
}

// Each case's due date worked out once per context: the overdue list, the absences' look ahead and the
// independence rule each ask it of every case (issue 18). The context's snapshot never changes (context.ts).
const dueDates = new WeakMap<RuleContext, Map<Case, IsoDate>>();

/** Each case's signed next review date, read once per context from its chain (every review and amendment it holds). */
export function signedNextReviews(ctx: RuleContext): SignedNextReviews {
	let signed = signedDates.get(ctx);
	if (!signed) signedDates.set(ctx, (signed = SignedNextReviews.of(ctx.data.chain)));
	return signed;
}

const signedDates = new WeakMap<RuleContext, SignedNextReviews>();

/**
 * reviewDueDate from the last signed review's date (null: never reviewed) and the date the signed records
 * set (signed-next-review.ts; null: none, or not looked up), for callers without a RuleContext. The earlier
 * of the case's date and the signed one: a copy moved later outside fortnight does not move the review.
 */
export function caseReviewDue(c: Case, lastReviewDate: IsoDate | null, settings: Settings, signedDue: IsoDate | null = null): IsoDate {
	const due = minDate(c.nextReviewDue, addDays(lastReviewDate ?? c.allocatedOn, settings.reviewCapDays));
	return signedDue !== null && signedDue < due ? signedDue : due;
}

/**
 * Days a review due on `due` is overdue on `today`, or null when it does not count as overdue yet.
 * The one definition of "overdue": the review-overdue problem, the desk's status-bar count and the
 * log's "Reviews overdue now" all use it, so they agree.
 */
export function reviewOverdueDays(due: IsoDate, today: IsoDate, settings: Settings): number | null {
	// Not due before today: not late (ISO dates compare as strings). Most cases, each command, without the day arithmetic (issue 18).
	if (due >= today && settings.reviewOverdueAmberDays > 0) return null;
	const late = daysBetween(due, today);
	return late >= settings.reviewOverdueAmberDays ? late : null;
}

/** `officerId` away on `date` with nobody covering: no cover named, or the named cover away that day too. */
function uncoveredAbsence(ctx: RuleContext, officerId: string, date: IsoDate): AwayOnDate | undefined {
	const a = awayOnDate(ctx, officerId, date);
	return a && a.coverId === null ? a : undefined;
}

/** "with no cover named", "and the named cover DI Okafor is on training 01-05 Dec too". */
function nobodyWords(ctx: RuleContext, away: AwayOnDate): string {
	const c = away.coverAway;
	return c
		? `and the named cover ${nameOf(ctx, c.officerId)} is ${ABSENCE_WORDS[c.reason]} ${absenceSpan(c, ctx.today)} too`
		: 'with no cover named';
}

/**
 * A case record whose next review date is later than the one its signed records set (REVIEW-9 D6): the
 * date was moved outside fortnight (a file edit, a row UPDATE), which no review, amendment or change row
 * records. Critical, whatever the date: someone hid when a review is due. The review rules judge the case
 * by the signed date meanwhile (reviewDueDate); a signed review sets both dates again and clears it.
 */
export function reviewDateEdited(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-date-edited', () => {
		const {today} = ctx;
		const signed = signedNextReviews(ctx);
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const s = nextReviewMovedLater(c.nextReviewDue, signed.get(c.ref));
			if (!s) continue;
			const source = signedNextReviewSource(s);
			out.push({
				id: `review-date-edited:${c.ref}`,
				kind: 'review-date-edited',
				severity: 'critical',
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message:
					`Next review date changed outside fortnight: ${safeText(c.ref)}'s record says ${shortDate(c.nextReviewDue, today)}, ` +
					`but its signed ${s.amendmentSeq === null ? 'review' : 'amendment'} (${source}) set ${shortDate(s.date, today)}; ` +
					`it is judged by ${shortDate(s.date, today)}`,
				action:
					'Ask who changed the case record (fortnight verify names the case), and review the case: a signed review sets the date again.',
				evidence: [
					{type: 'case', caseRef: c.ref, date: c.nextReviewDue, detail: `case record's next review ${c.nextReviewDue}`},
					{
						type: 'review',
						caseRef: c.ref,
						id: String(s.amendmentSeq ?? s.reviewSeq),
						date: s.date,
						detail: `signed next review ${s.date}, ${source}`,
					},
				],
				// When the copy was changed is not known: the problem holds from the signed date it hides.
				since: s.date < today ? s.date : today,
				due: s.date,
			});
		}
		return out;
	});
}

export function reviewOverdue(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-overdue', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const due = reviewDueDate(ctx, c);
			const late = reviewOverdueDays(due, today, s);
			if (late === null) continue;
			// Held by the cover of their own sergeant today: the inspector's to do, said once, with who does it
			// (docs/rules.md "Reviews the cover cannot do"; QA 8 D1: was a way sending the cover to review it).
			const held = reviewOverdueHeldByCover(ctx, c);
			if (held) {
				out.push(held);
				continue;
			}
			const sup = supervisorOf(ctx, c.oicId);
			const nobody = sup ? uncoveredAbsence(ctx, sup.id, today) : undefined;
			const away = nobody?.absence;
			const severity: Severity = away ? 'critical' : late >= s.reviewOverdueRedDays ? 'red' : 'amber';
			const last = ctx.reviewsByCase.get(c.ref)?.at(-1);
			let message = `Review due ${shortDate(due, today)}: ${days(late)} overdue (${c.risk} risk, every ${days(cadenceDays(c.risk, s))})`;
			message += last ? `; last review ${shortDate(last.data.date, today)} by ${nameOf(ctx, last.data.reviewerId)}` : '; never reviewed';
			if (nobody && sup) message += `; ${nameOf(ctx, sup.id)} is ${ABSENCE_WORDS[nobody.absence.reason]} ${nobodyWords(ctx, nobody)}`;
			out.push({
				id: `review-overdue:${c.ref}`,
				kind: 'review-overdue',
				severity,
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message,
				action: nobody?.coverAway
					? `Name another cover supervisor (${nameOf(ctx, nobody.coverAway.officerId)} is away too) and review this case now.`
					: away
						? 'Name a cover supervisor for the absence and review this case now.'
						: 'Review the case and set the plan for the next 14 days.',
				evidence: [
					{type: 'case', caseRef: c.ref, date: due, detail: `next review was due ${shortDate(due, today)}`},
					...(last
						? [
								{
									type: 'review' as const,
									caseRef: c.ref,
									id: String(last.seq),
									date: last.data.date,
									detail: `last review, seq ${last.seq}`,
								},
							]
						: []),
					...(away
						? [
								{
									type: 'absence' as const,
									id: away.id,
									date: away.from,
									detail:
										`supervisor ${ABSENCE_WORDS[away.reason]} from ${shortDate(away.from, today)}, ` +
										`${nobody?.coverAway ? `named cover away too (${nobody.coverAway.id})` : 'no cover'}`,
								},
							]
						: []),
				],
				since: addDays(due, s.reviewOverdueAmberDays),
				due,
			});
		}
		return out;
	});
}

/**
 * One problem per supervisor absence with nobody covering that is under way or starts within the
 * review cap (28 days: every case has at least one review due in any 28 days), listing the cases
 * whose reviews fall due in it. Fires from the day the absence is known, or cap days before it starts.
 * "Nobody covering" is no cover named, or a named cover who is away on the review date too (then only
 * the reviews due while both are away are listed, and the sergeant is asked to name another cover).
 */
export function reviewsDueInSupervisorAbsence(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-due-supervisor-absent', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		let bySupervisor: Map<string, Case[]> | null = null;
		for (const [officerId, absences] of ctx.absencesByOfficer) {
			const current = absences.filter(a => (a.to === null || a.to >= today) && knownFrom(a) <= today);
			if (current.length === 0) continue;
			bySupervisor ??= casesBySupervisor(ctx);
			const cases = bySupervisor.get(officerId);
			if (!cases) continue;
			// One problem per absence, whole: the parts of one kept in parts (its cover changed for some days) go together.
			for (const [whole, parts] of byWhole(ctx, current)) {
				const a = whole;
				let since = maxOf(knownFrom(a), addDays(a.from, -s.reviewCapDays));
				if (since > today) continue;
				const start = a.from > today ? a.from : today;
				// Open-ended: look one review cap ahead from the later of its start and today.
				const end = a.to ?? addDays(start, s.reviewCapDays);
				// With a cover named, a date counts only when the cover is away that day too: skip the case
				// scan when every cover has no known absence in the span (keeps the rule linear in the store).
				if (parts.every(p => p.coverOfficerId !== null && !coverAwayIn(ctx, p.coverOfficerId, start, end))) continue;
				const nobodyOn = (d: IsoDate): AwayOnDate | undefined => {
					const away = awayOnDate(ctx, officerId, d);
					return away?.absence.id === a.id && away.coverId === null ? away : undefined;
				};
				// The first day from `start` with nobody covering, worked out once (it does not depend on the case).
				let firstNobody: IsoDate | null | undefined;
				const firstUncovered = (): IsoDate | null => {
					if (firstNobody !== undefined) return firstNobody;
					firstNobody = null;
					for (let d = start; d <= end; d = addDays(d, 1)) {
						if (nobodyOn(d)) {
							firstNobody = d;
							break;
						}
					}
					return firstNobody;
				};
				const dueIn: {ref: string; date: IsoDate; oicId: string; coverAway: AwayOnDate['coverAway']}[] = [];
				for (const c of cases) {
					let d = reviewDueDate(ctx, c);
					// An overdue review is owed from the first day away (today once the absence is under way) until it
					// is done, so it counts on the first day from then with nobody covering: a date that stays put day
					// to day. Counting it from today plus the cadence walked that date forward every day, and past a
					// named cover's days away (QA 7 D6; docs/rules.md "Reviews while the supervisor is away").
					if (d < today) {
						const owed = firstUncovered();
						if (owed !== null) dueIn.push({ref: c.ref, date: owed, oicId: c.oicId, coverAway: nobodyOn(owed)!.coverAway});
						continue;
					}
					const step = cadenceDays(c.risk, s);
					while (d < start) d = addDays(d, step);
					for (; d <= end; d = addDays(d, step)) {
						const nobody = nobodyOn(d);
						if (!nobody) continue;
						dueIn.push({ref: c.ref, date: d, oicId: c.oicId, coverAway: nobody.coverAway});
						break;
					}
				}
				if (dueIn.length === 0) continue;
				dueIn.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.ref < y.ref ? -1 : 1));
				const first = dueIn[0]!;
				const who = nameOf(ctx, officerId);
				const span = a.to ? `${shortDate(a.from, today)} to ${shortDate(a.to, today)}` : `from ${shortDate(a.from, today)}, no return date`;
				// Kept in parts, some of its days covered: the days with no cover named are said.
				const unnamed = parts.length > 1 ? parts.filter(p => p.coverOfficerId === null) : [];
				const noCover =
					unnamed.length > 0 && unnamed.length < parts.length
						? `with no cover named ${unnamed.map(p => absenceSpan(p, today)).join(', ')}`
						: 'with no cover named';
				const coverAway = first.coverAway;
				if (coverAway) since = maxOf(since, knownFrom(coverAway));
				if (since > today) continue;
				const reviews = plural(dueIn.length, 'case review');
				out.push({
					id: `review-due-supervisor-absent:${officerId}:${a.id}`,
					kind: 'review-due-supervisor-absent',
					severity: 'critical',
					subject: {type: 'supervisor', officerId},
					message: coverAway
						? `${who} is ${ABSENCE_WORDS[a.reason]} ${span} and the named cover ${nameOf(ctx, coverAway.officerId)} is ${ABSENCE_WORDS[coverAway.reason]} ` +
							`${absenceSpan(coverAway, today)}: ${reviews} fall due while both are away, the first ${shortDate(first.date, today)}`
						: `${who} is ${ABSENCE_WORDS[a.reason]} ${span} ${noCover}: ${reviews} fall due in that time, the first ${shortDate(first.date, today)}`,
					action: coverAway
						? `Name another cover for ${who}'s reviews before ${shortDate(first.date, today)} and give them the handover summary.`
						: `Name a cover supervisor for ${who}'s absence and give them the handover summary.`,
					evidence: [
						{
							type: 'absence',
							id: a.id,
							date: a.from,
							detail: `${ABSENCE_WORDS[a.reason]} ${absenceSpan(a, today)}, ${coverAway ? `cover ${nameOf(ctx, coverAway.officerId)} away too` : 'no cover'}`,
						},
						...(coverAway
							? [
									{
										type: 'absence' as const,
										id: coverAway.id,
										date: coverAway.from,
										detail: `named cover ${ABSENCE_WORDS[coverAway.reason]} ${absenceSpan(coverAway, today)}`,
									},
								]
							: []),
						...dueIn.map(x => ({
							type: 'case' as const,
							caseRef: x.ref,
							date: x.date,
							detail: `review due ${shortDate(x.date, today)} (OIC ${nameOf(ctx, x.oicId)})`,
						})),
					],
					since,
					due: first.date,
				});
			}
		}
		return out;
	});
}

/** `absences` (known, current) by the absence whole each belongs to (context.ts wholeAbsence), in order. */
function byWhole(ctx: RuleContext, absences: readonly Absence[]): Map<Absence, Absence[]> {
	const out = new Map<Absence, Absence[]>();
	const byId = new Map<string, Absence>();
	for (const p of absences) {
		const w = wholeAbsence(ctx, p);
		const seen = byId.get(w.id);
		if (seen) out.get(seen)!.push(p);
		else {
			byId.set(w.id, w);
			out.set(w, [p]);
		}
	}
	return out;
}

function coverAwayIn(ctx: RuleContext, coverId: string, from: IsoDate, to: IsoDate): boolean {
	return (ctx.absencesByOfficer.get(coverId) ?? []).some(x => knownFrom(x) <= ctx.today && x.from <= to && (x.to === null || x.to >= from));
}

function casesBySupervisor(ctx: RuleContext): Map<string, Case[]> {
	const m = new Map<string, Case[]>();
	for (let ci = 0; ci < ctx.live.length; ci++) {
		const c = ctx.live[ci]!;
		const sup = supervisorOf(ctx, c.oicId);
		if (!sup) continue;
		const list = m.get(sup.id);
		if (list) list.push(c);
		else m.set(sup.id, [c]);
	}
	return m;
}

function maxOf(a: IsoDate, b: IsoDate): IsoDate {
	return a > b ? a : b;
}

/**
 * How these clear (README "Acting on a problem"): a signed review moves the due date on; reviews due
 * while the supervisor is away with nobody covering need a cover named on the absence first.
 */
export const REVIEW_DUE_RULE: RuleDeclaration<'review-overdue' | 'review-due-supervisor-absent' | 'review-date-edited'> = {
	name: 'Reviews due',
	check: ctx => [...reviewOverdue(ctx), ...reviewsDueInSupervisorAbsence(ctx), ...reviewDateEdited(ctx)],
	kinds: {
		'review-overdue': {
			label: 'Review overdue',
			badge: 'review',
			report: 'overdueNow',
			resolve: (p, ctx) => {
				// Its holder covers their own sergeant today (reviewOverdueHeldByCover): someone else reviews it.
				if (p.subject.type === 'case' && coveringOwnSergeant(ctx, p.subject.officerId, ctx.today)) return independentWays(p, ctx);
				const away = p.evidence.find(e => e.type === 'absence');
				const ways = [reviewWay()];
				if (away?.id)
					ways.push(
						supervisorCoverWay(
							ctx,
							away.id,
							ctx.today,
							`Name a cover supervisor for the absence (${away.id}) so someone reviews while they are away`,
						),
					);
				return ways;
			},
		},
		'review-due-supervisor-absent': {
			label: 'Reviews due, supervisor away',
			badge: 'review',
			report: 'noCover',
			resolve: (p, ctx) => {
				const [absence] = p.evidence;
				const who = nameOf(ctx, p.subject.officerId);
				if (!absence?.id) return [];
				return [
					supervisorCoverWay(
						ctx,
						absence.id,
						p.due,
						`Name a cover supervisor for ${who}'s absence (${absence.id}) and give them the handover`,
					),
				];
			},
		},
		'review-date-edited': {
			label: 'Review date edited',
			badge: 'review',
			resolve: () => [reviewWay('Review the case: the signed review sets its next review date again (guided review)')],
		},
	},
};
