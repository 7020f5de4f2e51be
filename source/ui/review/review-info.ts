/**
 * The read-only lines each step shows above its fields: step 1's "since last review" in full, the
 * trigger evidence at step 5, the check-in prompt at step 6, the summary at step 7. Every piece of
 * store text goes through safeText/safeMultiline here; the view only wraps and windows the lines.
 */
import {AUTHORITY_NAMES, suspectWords} from '../../domain/bail.js';
import {shortDate} from '../../domain/dates.js';
import {shortName} from '../../domain/people.js';
import {safeText} from '../../domain/safe-text.js';
import {performanceDecisionWords} from '../../domain/status-words.js';
import {updateByline} from '../../domain/update-author.js';
import {capLines, storeLines} from '../store-lines.js';
import {
	actionOwnerWarnings,
	summaryLines,
	type FieldError,
	type ReviewAnswers,
	type ReviewContext,
	type SinceLastReview,
	type StepId,
} from '../../domain/review/index.js';

/** Lines of one update step 1 shows (each wraps to the width; the step scrolls). */
const TEXT_LINES = 12;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function sinceLines(ctx: ReviewContext, s: SinceLastReview): string[] {
	const t = ctx.today;
	const out: string[] = [];
	const prev = ctx.previousReview;
	out.push(
		prev
			? `Last review ${shortDate(prev.data.date, t)} by ${shortName(ctx.officers.get(prev.data.reviewerId))}: ${days(s.daysSince)} ago.`
			: `First review: allocated to ${shortName(ctx.oic)} on ${shortDate(s.since, t)}, ${days(s.daysSince)} ago.`,
	);
	out.push(
		s.daysLate > 0
			? `This review was due ${shortDate(s.dueDate, t)}: ${days(s.daysLate)} late.`
			: `This review is due ${shortDate(s.dueDate, t)}.`,
	);
	out.push('');
	out.push(
		`Crime-report updates since ${shortDate(s.since, t)}: ${s.updates.length === 0 ? 'none' : s.updates.length} (latest update ${days(s.daysSinceUpdate)} ago).`,
	);
	for (const u of s.updates) {
		const more = (n: number) => `… ${n} more lines (the case's tab shows the update; fortnight case show prints it whole)`;
		const text = capLines(storeLines(u.text), TEXT_LINES, more);
		// An imported update is the records system's, not its OIC's words (QA 8 R6).
		const by = updateByline(u, id => shortName(ctx.officers.get(id)));
		out.push(`  ${shortDate(u.date, t)} ${by}: ${text[0] ?? ''}`);
		for (const more of text.slice(1)) out.push(`    ${more}`);
	}
	out.push('');
	if (s.bail) {
		const b = s.bail;
		out.push(
			b.lapsed
				? `Bail: LAPSED - the period ended ${shortDate(b.periodEnd, t)} and can no longer be extended.`
				: `Bail (${safeText(suspectWords(ctx.case.bail?.suspect ?? ''))}): return ${shortDate(b.returnDate, t)} (${days(b.daysToReturn)}); ` +
						`period ends ${shortDate(b.periodEnd, t)} (${days(b.daysToPeriodEnd)}); next extension by ${AUTHORITY_NAMES[b.nextAuthority]}.`,
		);
	} else if (s.rui)
		out.push(
			`Released under investigation since ${shortDate(s.rui.since, t)}; suspect last updated ${days(s.rui.daysSinceSuspectUpdate)} ago.`,
		);
	else out.push('Bail: none running.');
	if (s.victim) {
		const v = s.victim;
		out.push(
			`Victim (${v.serviceLevel} service): ` +
				(v.lastUpdate ? `last updated ${shortDate(v.lastUpdate, t)}, ${days(v.daysSinceUpdate!)} ago` : 'never updated') +
				`${v.overdue ? ` - OVERDUE: ${safeText(v.overdue.message)}` : ''}.`,
		);
	} else out.push('Victim: none recorded.');
	if (s.forensics.waiting.length === 0) out.push('Forensics: nothing waiting.');
	for (const f of s.forensics.waiting)
		out.push(
			`Forensics waiting: ${safeText(f.item)}, submitted ${shortDate(f.submitted, t)} ` +
				`(${days(f.ageDays)})${f.expected ? `, expected ${shortDate(f.expected, t)}` : ''}.`,
		);
	for (const f of s.forensics.resultsSince) out.push(`Forensic result back: ${safeText(f.item)} on ${shortDate(f.resultOn!, t)}.`);
	out.push(`MG3: ${s.mg3.status.replace(/-/g, ' ')}${s.mg3.since ? ` since ${shortDate(s.mg3.since, t)} (${days(s.mg3.days!)})` : ''}.`);
	out.push('');
	out.push(s.problems.length === 0 ? 'Problems on this case: none.' : `Problems on this case (${s.problems.length}):`);
	for (const p of s.problems) out.push(`  ${p.severity.toUpperCase()}: ${safeText(p.message)}`);
	return out;
}

/**
 * `errors`: the problems shown on this step. A next review date being refused is not shown in the
 * summary as if it were accepted (summaryLines falls back only for dates that do not parse).
 */
export function stepInfoLines(
	ctx: ReviewContext,
	since: SinceLastReview,
	a: ReviewAnswers,
	step: StepId,
	errors: readonly FieldError[] = [],
): string[] {
	switch (step) {
		case 'since':
			return sinceLines(ctx, since);
		case 'previous-actions':
			return ctx.openActions.length === 0
				? ['No actions were open: nothing to mark; go on to the next step.']
				: [
						`${ctx.openActions.length} open action${ctx.openActions.length === 1 ? '' : 's'}: mark each done, carried over (with a reason) or dropped (with ` +
							`a reason).`,
					];
		case 'risk':
			return [];
		case 'action-plan':
			return [
				'The plan for the next period: at least one action, or a recorded reason why none. Due dates default to the next review date.',
				...actionOwnerWarnings(ctx, a).map(w => `Warning (action ${a.actions.findIndex(x => x.key === w.key) + 1}): ${w.message}`),
			];
		case 'performance': {
			const tr = ctx.trigger;
			const who = shortName(ctx.oic);
			const out: string[] = [];
			if (!tr.fired) out.push(`${who}'s performance trigger has not fired.`);
			else
				out.push(
					`${who}'s performance trigger has fired${tr.firstFired ? ` (since ${shortDate(tr.firstFired, ctx.today)})` : ''}` +
						`${tr.escalated ? "; it is on the inspector's exception list" : ''}:`,
				);
			for (const e of tr.evidence.slice(0, 12)) out.push(`  - ${safeText(e.detail)}${e.caseRef ? ` (${safeText(e.caseRef)})` : ''}`);
			if (tr.evidence.length > 12) out.push(`  ... and ${tr.evidence.length - 12} more`);
			// In the decision's words, as the evidence line above says it ("not needed now", never the stored "not-now": QA 4 R-c).
			if (tr.lastDecision)
				out.push(
					`Last decision: "${performanceDecisionWords(tr.lastDecision.decision)}" on ${shortDate(tr.lastDecision.date, ctx.today)}.`,
				);
			if (tr.activePlan) out.push(`On an action plan until ${shortDate(tr.activePlan.expires, ctx.today)}.`);
			if (ctx.triggerWithInspector) {
				out.push(`${ctx.triggerWithInspector} This review records no decision on it (d in the Team view is the inspector's queue).`);
			}
			return out;
		}
		case 'welfare':
			return [
				ctx.welfareCheckInDue
					? `A welfare check-in with ${shortName(ctx.oic)} is due (last ${ctx.lastCheckIn ? shortDate(ctx.lastCheckIn, ctx.today) : 'never'}): has one happened?`
					: `Last welfare check-in with ${shortName(ctx.oic)}: ${ctx.lastCheckIn ? shortDate(ctx.lastCheckIn, ctx.today) : 'never'}.`,
				'The review records only that a check-in happened and its flags; the note is kept apart, with the private welfare notes.',
			];
		case 'sign-off': {
			const lines = summaryLines(ctx, a);
			if (!errors.some(e => e.field === 'signOff.nextReviewDue')) return lines;
			return lines.map(l =>
				l.startsWith('Next review:')
					? `Next review: not set yet: "${safeText(a.signOff.nextReviewDue.trim())}" is not accepted (see below).`
					: l,
			);
		}
	}
}
