/**
 * Victims' Code updates, as forces apply it: standard service first update within 5 days of the
 * report, then every 28 days; enhanced service within 1 day, again by day 10, then every 28 days.
 * Overdue is amber; a whole interval (28 days) past due is red.
 */
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Settings, Victim} from '../model.js';
import type {Problem} from '../problem.js';
import {importWay, sameWays} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';

/** The date the next victim update is due, counting only updates given on or before `today`. */
export function nextVictimUpdate(v: Victim, s: Settings, today: IsoDate): IsoDate {
	let given = 0;
	let last: IsoDate | null = null;
	// Index loops: they run over every victim update of every live case, mostly before the engine
	// optimises them, where a for-of allocates at each step (issue 18). Dates recorded in order (the usual
	// list) are counted with one comparison each, not two: those up to today are the first ones.
	const updates = v.updates;
	let inOrder = 1;
	while (inOrder < updates.length && updates[inOrder - 1]! <= updates[inOrder]!) inOrder++;
	if (inOrder >= updates.length) {
		given = updates.length;
		while (given > 0 && updates[given - 1]! > today) given--;
		last = given > 0 ? updates[given - 1]! : null;
	} else {
		for (let i = 0; i < updates.length; i++) {
			const d = updates[i]!;
			if (d > today) continue;
			given++;
			if (last === null || d > last) last = d;
		}
	}
	if (v.serviceLevel === 'enhanced') {
		if (given === 0) return addDays(v.reportedOn, s.victimEnhancedFirstDays);
		if (given === 1)
			return addDays(v.reportedOn, s.victimEnhancedSecondDays) > last!
				? addDays(v.reportedOn, s.victimEnhancedSecondDays)
				: addDays(last!, s.victimIntervalDays);
		return addDays(last!, s.victimIntervalDays);
	}
	if (given === 0) return addDays(v.reportedOn, s.victimStandardFirstDays);
	return addDays(last!, s.victimIntervalDays);
}

export function victimUpdateProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'victim', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const v = c.victim;
			if (!v || v.reportedOn > today) continue;
			const due = nextVictimUpdate(v, s, today);
			if (due >= today) continue; // not yet late (ISO dates compare as strings)
			const late = daysBetween(due, today);
			if (late < 1) continue;
			const last = v.updates.filter(d => d <= today).at(-1);
			out.push({
				id: `victim-update-overdue:${c.ref}`,
				kind: 'victim-update-overdue',
				severity: late >= s.victimIntervalDays ? 'red' : 'amber',
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message:
					`Victim ${safeText(v.initials)} (${v.serviceLevel} service) update due ${shortDate(due, today)}: ${days(late)} overdue; ` +
					`${last ? `last updated ${shortDate(last, today)}` : `no update since the report on ${shortDate(v.reportedOn, today)}`}`,
				action: 'Update the victim and record the date.',
				evidence: [
					{
						type: 'victim',
						caseRef: c.ref,
						date: last ?? v.reportedOn,
						detail: last ? `last victim update ${shortDate(last, today)}` : `reported ${shortDate(v.reportedOn, today)}, no update`,
					},
				],
				since: addDays(due, 1),
				due,
			});
		}
		return out;
	});
}

/** How it clears (README "Acting on a problem"): the victim update, recorded in the records system and imported. */
export const VICTIM_UPDATE_RULE: RuleDeclaration<'victim-update-overdue'> = {
	name: 'Victim updates',
	check: victimUpdateProblems,
	kinds: {
		'victim-update-overdue': {
			label: 'Victim update overdue',
			resolve: sameWays(importWay(['Last victim update'], 'Update the victim, record it in the records system')),
		},
	},
};
