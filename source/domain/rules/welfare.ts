/**
 * Welfare on a schedule, not on self-referral. Source case: an officer struggled with sleep and stress
 * for months and his self-assessment did not flag it. Every officer in post gets a check-in at least
 * every settings.welfareCheckInDays (28; a new starter's one-to-one counts too): due is amber, a
 * whole further interval missed is red. The annual wellbeing questionnaire
 * (settings.wellbeingQuestionnaireDays) is flagged the same way.
 *
 * Only dates are read: welfare notes live in their own file and never reach a rule or a message.
 */
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Officer, WelfareEvent} from '../model.js';
import type {Problem} from '../problem.js';
import {nextUpFor, nextUpWords} from '../independence.js';
import {officerWord, reviewWay, welfareWay, type Resolve} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {coveringOwnSergeant, days, memo, nameOf, supervisorOf, type RuleContext} from './context.js';

/** Latest event of the given kinds on or before today. */
export function lastWelfare(
	events: readonly WelfareEvent[] | undefined,
	kinds: readonly WelfareEvent['kind'][],
	today: IsoDate,
): WelfareEvent | undefined {
	let last: WelfareEvent | undefined;
	for (const e of events ?? []) if (kinds.includes(e.kind) && e.date <= today && (!last || e.date > last.date)) last = e;
	return last;
}

/** What counts as a welfare check-in (a new starter's one-to-one does too). */
export const CHECK_IN_KINDS: readonly WelfareEvent['kind'][] = ['check-in', 'one-to-one'];

/**
 * When the next event of `kinds` is due for the officer: `interval` days after the last one on or
 * before today, or after joining the unit. Due on or before today means it is owed. The one
 * definition for the rule below and the inspector's weekly trends (officers without a check-in).
 */
export function welfareDueOn(
	o: Officer,
	events: readonly WelfareEvent[] | undefined,
	kinds: readonly WelfareEvent['kind'][],
	interval: number,
	today: IsoDate,
): {due: IsoDate; last: WelfareEvent | undefined} {
	const last = lastWelfare(events, kinds, today);
	return {due: addDays(last?.date ?? o.joinedUnit, interval), last};
}

function welfareDue(
	ctx: RuleContext,
	o: Officer,
	kinds: readonly WelfareEvent['kind'][],
	interval: number,
	what: string,
	idPart: string,
): Problem | null {
	const today = ctx.today;
	const {due, last} = welfareDueOn(o, ctx.welfareByOfficer.get(o.id), kinds, interval, today);
	const from = last?.date ?? o.joinedUnit;
	if (due > today) return null;
	const late = daysBetween(due, today);
	return {
		id: `welfare-check-in-due:${o.id}${idPart}`,
		kind: 'welfare-check-in-due',
		severity: late >= interval ? 'red' : 'amber',
		subject: {type: 'officer', officerId: o.id},
		message:
			`${what} for ${nameOf(ctx, o.id)} due ${shortDate(due, today)}${late > 0 ? `, ${days(late)} overdue` : ', today'}; ` +
			`${last ? `last ${shortDate(last.date, today)}` : `none since joining the unit ${shortDate(o.joinedUnit, today)}`} (every ${days(interval)})`,
		action: whoHolds(ctx, o, what, idPart),
		evidence: [
			{
				type: 'welfare',
				id: last?.id,
				date: from,
				detail: last ? `last ${last.kind} ${shortDate(last.date, today)}` : `joined unit ${shortDate(o.joinedUnit, today)}`,
			},
		],
		since: due,
		due,
	};
}

/** Who holds it: while the officer covers their own sergeant, the next person up (no one records their own). */
function whoHolds(ctx: RuleContext, o: Officer, what: string, idPart: string): string {
	const plain = `Book the ${what.toLowerCase()} with the officer and record that it happened (never what was said).`;
	const covering = idPart === '' ? coveringOwnSergeant(ctx, o.id, ctx.today) : undefined;
	if (!covering) return plain;
	const who = nameOf(ctx, o.id);
	return (
		`${nextUpWords(ctx.data, o.id)} holds the ${what.toLowerCase()} with ${who} and records it: ${who} is covering ` +
		`${nameOf(ctx, covering.sergeant.id)}, and no one records their own.`
	);
}

export function welfareProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'welfare', () => ctx.activeOfficers.flatMap(o => officerWelfareProblems(ctx, o)));
}

/** One officer's welfare findings (the officer must be in post: ctx.activeOfficers). */
export function officerWelfareProblems(ctx: RuleContext, o: Officer): Problem[] {
	const s = ctx.settings;
	if (o.role === 'inspector') return []; // the inspector's own welfare is their line manager's, outside this store
	const out: Problem[] = [];
	const checkIn = welfareDue(ctx, o, CHECK_IN_KINDS, s.welfareCheckInDays, 'Welfare check-in', '');
	if (checkIn) out.push(checkIn);
	const questionnaire = welfareDue(
		ctx,
		o,
		['wellbeing-questionnaire'],
		s.wellbeingQuestionnaireDays,
		'Wellbeing questionnaire',
		':questionnaire',
	);
	if (questionnaire) out.push(questionnaire);
	return out;
}

/**
 * How it clears (README "Acting on a problem"): the check-in or questionnaire, recorded when it has
 * happened (never what was said). For an officer with live cases, the guided review's welfare step
 * (step 6) records the check-in too.
 */
export const WELFARE_RULE: RuleDeclaration<'welfare-check-in-due'> = {
	name: 'Welfare check-ins',
	check: welfareProblems,
	kinds: {
		'welfare-check-in-due': {
			label: 'Welfare due',
			resolve: (p, ctx) => {
				const id = p.subject.officerId;
				if (p.id.endsWith(':questionnaire')) {
					return [
						welfareWay(ctx.data.officers, id, 'questionnaire', 'Have the officer complete the wellbeing questionnaire, then record it'),
					];
				}
				// No one records their own: a sergeant's check-in is their line manager's (the inspector's) to hold and record.
				const manager = ctx.officers.get(id)?.role === 'investigator' ? undefined : supervisorOf(ctx, id);
				const who = nameOf(ctx, id);
				// So is the check-in of an officer covering their own sergeant: the next person up holds it (and no review of theirs is).
				const covering = coveringOwnSergeant(ctx, id, ctx.today);
				const up = covering ? nextUpFor(ctx.data, id) : undefined;
				if (covering && up) {
					const label = `${nameOf(ctx, up.id)} holds the check-in with ${who} and records it (${who} is covering ${nameOf(ctx, covering.sergeant.id)})`;
					const record = welfareWay(ctx.data.officers, id, 'check-in', label);
					return [{...record, command: `${record.command} --as ${officerWord(ctx.data.officers, up.id)}`}];
				}
				const label = manager
					? `${nameOf(ctx, manager.id)} holds the check-in with ${who} and records it`
					: `Hold the check-in with ${who}, then record that it happened`;
				const record = welfareWay(ctx.data.officers, id, 'check-in', label);
				if (!ctx.liveByOic.get(id)?.length) return [record];
				const inReview: Resolve = reviewWay(
					"Or record the check-in in a guided review of one of the officer's cases (step 6)",
					"one of the officer's cases",
				);
				return [record, inReview];
			},
		},
	},
};
