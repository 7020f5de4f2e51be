/**
 * Supervisory reviews: every live case is reviewed at least every 14 days (high risk 7), never longer
 * than the cap (28). Source case: the sergeant was off sick two months, "no one undertook his
 * responsibilities" and no reviews happened, so reviews falling due while a supervisor is away with
 * nobody named as cover are critical.
 */
import {addDays, daysBetween, minDate, shortDate, type IsoDate} from '../dates.js';
import type {Absence, Case, Risk, Settings} from '../model.js';
import {ABSENCE_WORDS} from '../people.js';
import type {Problem, Severity} from '../problem.js';
import {absenceOnDate, days, knownFrom, memo, nameOf, plural, supervisorOf, type RuleContext} from './context.js';

/** Days between reviews for a risk level, from settings, never longer than the cap. */
export function cadenceDays(risk: Risk, settings: Settings): number {
	return Math.max(1, Math.min(settings.reviewCadenceDays[risk], settings.reviewCapDays));
}

/** The date the case's next review is due: the date set at sign-off, pulled in to the cap if it was set too far out. */
export function reviewDueDate(ctx: RuleContext, c: Case): IsoDate {
	const last = ctx.reviewsByCase.get(c.ref)?.at(-1)?.data.date ?? c.allocatedOn;
	return minDate(c.nextReviewDue, addDays(last, ctx.settings.reviewCapDays));
}

/** An uncovered absence of `officerId` on `date` (an absence with cover named is handled). */
function uncoveredAbsence(ctx: RuleContext, officerId: string, date: IsoDate): Absence | undefined {
	const a = absenceOnDate(ctx, officerId, date);
	return a && a.coverOfficerId === null ? a : undefined;
}

export function reviewOverdue(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-overdue', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (const c of ctx.live) {
			const due = reviewDueDate(ctx, c);
			const late = daysBetween(due, today);
			if (late < s.reviewOverdueAmberDays) continue;
			const sup = supervisorOf(ctx, c.oicId);
			const away = sup ? uncoveredAbsence(ctx, sup.id, today) : undefined;
			const severity: Severity = away ? 'critical' : late >= s.reviewOverdueRedDays ? 'red' : 'amber';
			const last = ctx.reviewsByCase.get(c.ref)?.at(-1);
			let message = `Review due ${shortDate(due, today)}: ${days(late)} overdue (${c.risk} risk, every ${days(cadenceDays(c.risk, s))})`;
			message += last ? `; last review ${shortDate(last.data.date, today)} by ${nameOf(ctx, last.data.reviewerId)}` : '; never reviewed';
			if (away && sup) message += `; ${nameOf(ctx, sup.id)} is ${ABSENCE_WORDS[away.reason]} with no cover named`;
			out.push({
				id: `review-overdue:${c.ref}`,
				kind: 'review-overdue',
				severity,
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message,
				action: away ? 'Name a cover supervisor for the absence and review this case now.' : 'Review the case and set the plan for the next 14 days.',
				evidence: [
					{type: 'case', caseRef: c.ref, date: due, detail: `next review was due ${due}`},
					...(last ? [{type: 'review' as const, caseRef: c.ref, id: String(last.seq), date: last.data.date, detail: `last review, seq ${last.seq}`}] : []),
					...(away ? [{type: 'absence' as const, id: away.id, date: away.from, detail: `supervisor ${ABSENCE_WORDS[away.reason]} from ${away.from}, no cover`}] : []),
				],
				since: addDays(due, s.reviewOverdueAmberDays),
				due,
			});
		}
		return out;
	});
}

/**
 * One problem per supervisor absence with no cover named that is under way or starts within the
 * review cap (28 days: every case has at least one review due in any 28 days), listing the cases
 * whose reviews fall due in it. Fires from the day the absence is known, or cap days before it starts.
 */
export function reviewsDueInSupervisorAbsence(ctx: RuleContext): Problem[] {
	return memo(ctx, 'review-due-supervisor-absent', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		let bySupervisor: Map<string, Case[]> | null = null;
		for (const [officerId, absences] of ctx.absencesByOfficer) {
			const supervised = absences.filter(a => a.coverOfficerId === null && (a.to === null || a.to >= today) && knownFrom(a) <= today);
			if (supervised.length === 0) continue;
			bySupervisor ??= casesBySupervisor(ctx);
			const cases = bySupervisor.get(officerId);
			if (!cases) continue;
			for (const a of supervised) {
				const since = maxOf(knownFrom(a), addDays(a.from, -s.reviewCapDays));
				if (since > today) continue;
				const start = a.from > today ? a.from : today;
				// Open-ended: look one review cap ahead from the later of its start and today.
				const end = a.to ?? addDays(start, s.reviewCapDays);
				const dueIn: {ref: string; date: IsoDate; oicId: string}[] = [];
				for (const c of cases) {
					let d = reviewDueDate(ctx, c);
					if (d < today) d = today; // an overdue review is due now
					const step = cadenceDays(c.risk, s);
					while (d < start) d = addDays(d, step);
					if (d <= end) dueIn.push({ref: c.ref, date: d, oicId: c.oicId});
				}
				if (dueIn.length === 0) continue;
				dueIn.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.ref < y.ref ? -1 : 1));
				const who = nameOf(ctx, officerId);
				const span = a.to ? `${shortDate(a.from, today)} to ${shortDate(a.to, today)}` : `from ${shortDate(a.from, today)}, no return date`;
				out.push({
					id: `review-due-supervisor-absent:${officerId}:${a.id}`,
					kind: 'review-due-supervisor-absent',
					severity: 'critical',
					subject: {type: 'supervisor', officerId},
					message: `${who} is ${ABSENCE_WORDS[a.reason]} ${span} with no cover named: ${plural(dueIn.length, 'case review')} fall due in that time, the first ${shortDate(dueIn[0]!.date, today)}`,
					action: `Name a cover supervisor for ${who}'s absence and give them the handover summary.`,
					evidence: [
						{type: 'absence', id: a.id, date: a.from, detail: `${ABSENCE_WORDS[a.reason]} ${a.from} to ${a.to ?? 'open'}, no cover`},
						...dueIn.map(x => ({type: 'case' as const, caseRef: x.ref, date: x.date, detail: `review due ${x.date} (OIC ${nameOf(ctx, x.oicId)})`})),
					],
					since,
					due: dueIn[0]!.date,
				});
			}
		}
		return out;
	});
}

function casesBySupervisor(ctx: RuleContext): Map<string, Case[]> {
	const m = new Map<string, Case[]>();
	for (const c of ctx.live) {
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
