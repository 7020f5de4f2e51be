/**
 * Step 7's summary of everything answered, in words, and the summary text stored with the signed
 * review when the sergeant writes none. Never includes the private welfare note.
 */
import {shortDate} from '../dates.js';
import {shortName} from '../people.js';
import {safeText} from '../safe-text.js';
import {WELFARE_FLAG_WORDS, type ReviewAnswers} from './answers.js';
import type {ReviewContext} from './context.js';
import {nextReviewDate, riskAfter} from './validate.js';

/** `s` cut to `max` characters with "…" when cut, never mid-character (a cut summary says it is cut). */
function clip(s: string, max: number): string {
	const chars = [...s];
	return chars.length <= max
		? s
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}

/** `s` ending as a sentence does (every other summary line ends with a full stop). */
const sentence = (s: string): string => (/[.!?…]$/.test(s) ? s : `${s}.`);

export const DECISION_WORDS = {
	'action-plan': 'start an action plan',
	'not-now': 'considered, not needed now',
	escalate: 'escalate to the inspector',
} as const;

/**
 * One line per step, for the sign-off screen (already safe to draw). `forRecord` leaves out what the
 * signed record must not hold: welfare flags (health-related) and any mention of the private note.
 */
export function summaryLines(ctx: ReviewContext, a: ReviewAnswers, forRecord = false): string[] {
	const lines: string[] = [];
	const counts = {done: 0, carried: 0, dropped: 0};
	for (const x of ctx.openActions) {
		const o = a.outcomes[x.id]?.outcome;
		if (o) counts[o]++;
	}
	lines.push(
		ctx.openActions.length === 0
			? 'Previous actions: none were open.'
			: `Previous actions: ${counts.done} done, ${counts.carried} carried over, ${counts.dropped} dropped (of ${ctx.openActions.length}).`,
	);
	const after = riskAfter(ctx, a);
	lines.push(after === ctx.case.risk ? `Risk: kept at ${after}.` : `Risk: changed from ${ctx.case.risk} to ${after}.`);
	lines.push(
		a.actions.length > 0
			? `New actions: ${a.actions.map(x => `${clip(safeText(x.text.trim()), 60)} (${shortName(ctx.officers.get(x.ownerId))})`).join('; ')}.`
			: `New actions: none. Reason: ${sentence(clip(safeText(a.noActionReason.trim()), 120))}`,
	);
	const p = a.performance;
	if (p.decision) lines.push(`Performance: ${DECISION_WORDS[p.decision]}${ctx.trigger.fired ? '' : ' (trigger not fired)'}.`);
	else if (ctx.triggerWithInspector !== null) lines.push("Performance: on the inspector's exception list; the inspector decides it.");
	else lines.push(ctx.trigger.fired ? 'Performance: trigger fired; decision already on record.' : 'Performance: no trigger.');
	if (p.concern.trim() !== '') lines.push('Concern: recorded.');
	const w = a.welfare;
	lines.push(
		w.checkIn === true
			? `Welfare: check-in done${w.flags.length && !forRecord ? `; flags: ${w.flags.map(f => WELFARE_FLAG_WORDS[f]).join(', ')}` : ''}.`
			: ctx.welfareCheckInDue
				? 'Welfare: check-in due, not done.'
				: 'Welfare: no check-in recorded.',
	);
	if (w.note.trim() !== '' && !forRecord) lines.push('Welfare note: kept apart, with the private welfare notes only.');
	lines.push(`Next review: ${shortDate(nextReviewDate(ctx, a), ctx.today)}.`);
	return lines;
}

/**
 * Every sentence `summaryLines(…, forRecord = true)` can write about the OIC's performance, a concern
 * about them, or their welfare check-in: personal data about that officer (README "Who may read what").
 * A reader who may not see it about this officer (domain/read-scope.ts) gets the stored summary without
 * these sentences (`withoutPersonalSentences`). Kept next to the lines that write them so the two cannot
 * drift; test/domain/review-summary-personal.test.ts checks every line written is listed.
 */
export const PERSONAL_SUMMARY_SENTENCES: readonly string[] = [
	...Object.values(DECISION_WORDS).flatMap(w => [`Performance: ${w}.`, `Performance: ${w} (trigger not fired).`]),
	"Performance: on the inspector's exception list; the inspector decides it.",
	'Performance: trigger fired; decision already on record.',
	'Performance: no trigger.',
	'Concern: recorded.',
	'Welfare: check-in done.',
	'Welfare: check-in due, not done.',
	'Welfare: no check-in recorded.',
];

/**
 * `summary` without the sentences about the OIC's performance, concern or welfare (whole sentences only,
 * as summaryText joins them: a sergeant's own words are kept unless they repeat one exactly).
 */
export function withoutPersonalSentences(summary: string): string {
	let out = summary;
	for (const s of PERSONAL_SUMMARY_SENTENCES) out = out.split(s).join('');
	return out === summary ? summary : out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** What is stored as the review's summary: the sergeant's words, or a summary written from the answers. */
export function summaryText(ctx: ReviewContext, a: ReviewAnswers): string {
	const own = a.signOff.summary.trim();
	if (own !== '') return own;
	return summaryLines(ctx, a, true).join(' ').slice(0, 4000);
}
