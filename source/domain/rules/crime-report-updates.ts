/**
 * Crime reports not updated: source case, 4 to 6 months at a time without an entry. Amber at
 * settings.updateAmberDays (14) without one, red at settings.updateRedDays (28).
 */
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Case} from '../model.js';
import type {Problem} from '../problem.js';
import {importWay, sameWays} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, type RuleContext} from './context.js';

/** Latest update on or before today (a store replayed to an earlier day ignores later entries). */
export function lastUpdateOnOrBefore(c: Case, today: IsoDate): IsoDate | null {
	// Index loops: run once per command, mostly before the engine optimises them, a for-of allocates per
	// step (issue 18). Updates dated in order (the usual list) take one comparison each, not two: the
	// latest up to today is then the last of those up to today.
	const updates = c.updates;
	let inOrder = 1;
	while (inOrder < updates.length && updates[inOrder - 1]!.date <= updates[inOrder]!.date) inOrder++;
	if (inOrder >= updates.length) {
		let k = updates.length;
		while (k > 0 && updates[k - 1]!.date > today) k--;
		return k > 0 ? updates[k - 1]!.date : null;
	}
	let last: IsoDate | null = null;
	for (let i = 0; i < updates.length; i++) {
		const date = updates[i]!.date;
		if (date <= today && (last === null || date > last)) last = date;
	}
	return last;
}

// Each case's latest update on or before the context's today, found once: this rule and the performance
// trigger both ask it of every live case, each a walk over the case's updates (issue 18). A context's
// store snapshot never changes (context.ts), so neither does the answer.
const lastUpdates = new WeakMap<RuleContext, Map<Case, IsoDate | null>>();

/** lastUpdateOnOrBefore(c, ctx.today), worked out once per case and context. */
export function lastUpdateToday(ctx: RuleContext, c: Case): IsoDate | null {
	let byCase = lastUpdates.get(ctx);
	if (!byCase) lastUpdates.set(ctx, (byCase = new Map()));
	let last = byCase.get(c);
	if (last === undefined) byCase.set(c, (last = lastUpdateOnOrBefore(c, ctx.today)));
	return last;
}

/** The first day the case counts as red for updates (used by the performance trigger too). */
export function redForUpdatesSince(c: Case, redDays: number, today: IsoDate): IsoDate | null {
	return redFrom(lastUpdateOnOrBefore(c, today) ?? c.opened, redDays, today);
}

/** redForUpdatesSince(c, redDays, ctx.today), from the case's latest update as found once (lastUpdateToday). */
export function redForUpdatesToday(ctx: RuleContext, c: Case, redDays: number): IsoDate | null {
	return redFrom(lastUpdateToday(ctx, c) ?? c.opened, redDays, ctx.today);
}

/** The latest last update that is red on `today` with `redDays`, for the last pair asked (one pair per run of the rules). */
let redBy: {today: IsoDate; redDays: number; last: IsoDate} = {today: '', redDays: Number.NaN, last: ''};

function redFrom(last: IsoDate, redDays: number, today: IsoDate): IsoDate | null {
	// Red when last + redDays <= today, that is when last is on or before today - redDays: found by comparing
	// ISO dates as strings, and the day arithmetic done only for the cases that are red. The performance
	// trigger asks it of every live case, most of them not red (issue 18).
	if (redBy.today !== today || redBy.redDays !== redDays) redBy = {today, redDays, last: addDays(today, -redDays)};
	return last <= redBy.last ? addDays(last, redDays) : null;
}

export function crimeReportProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'crime-report', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		// The last day a case can have been updated and be amber today: a later one is under updateAmberDays
		// old, found by comparing the ISO dates as strings, without the day arithmetic for each case (issue 18).
		const amberBy = addDays(today, -s.updateAmberDays);
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			if (c.opened > today) continue;
			const last = lastUpdateToday(ctx, c);
			const from = last ?? c.opened;
			if (from > amberBy) continue;
			const gap = daysBetween(from, today);
			if (gap < s.updateAmberDays) continue;
			out.push({
				id: `crime-report-not-updated:${c.ref}`,
				kind: 'crime-report-not-updated',
				severity: gap >= s.updateRedDays ? 'red' : 'amber',
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message: last
					? `Crime report not updated for ${days(gap)}: last entry ${shortDate(last, today)} (amber at ${s.updateAmberDays}, red at ${s.updateRedDays})`
					: `Crime report has no update since the case was opened ${shortDate(c.opened, today)}, ${days(gap)} ago`,
				action: 'Ask the OIC to update the crime report with what has been done and what is next.',
				evidence: [
					{
						type: 'update',
						caseRef: c.ref,
						id: last ? String(c.updates.findIndex(u => u.date === last)) : undefined,
						date: from,
						detail: last ? `last update ${shortDate(last, today)}` : `opened ${shortDate(c.opened, today)}, no updates`,
					},
				],
				since: addDays(from, s.updateAmberDays),
			});
		}
		return out;
	});
}

/** How it clears (README "Acting on a problem"): the crime report is the records system's; its new entry arrives by import. */
export const CRIME_REPORT_RULE: RuleDeclaration<'crime-report-not-updated'> = {
	name: 'Crime-report updates',
	check: crimeReportProblems,
	kinds: {
		'crime-report-not-updated': {
			label: 'Crime report not updated',
			resolve: sameWays(importWay(['Last update date', 'Last update'], 'Have the OIC update the crime report in the records system')),
		},
	},
};
