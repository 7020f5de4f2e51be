/**
 * Crime reports not updated: source case, 4 to 6 months at a time without an entry. Amber at
 * settings.updateAmberDays (14) without one, red at settings.updateRedDays (28).
 */
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Case} from '../model.js';
import type {Problem} from '../problem.js';
import {importWay} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, type RuleContext} from './context.js';

/** Latest update on or before today (a store replayed to an earlier day ignores later entries). */
export function lastUpdateOnOrBefore(c: Case, today: IsoDate): IsoDate | null {
	let last: IsoDate | null = null;
	for (const u of c.updates) if (u.date <= today && (last === null || u.date > last)) last = u.date;
	return last;
}

/** The first day the case counts as red for updates (used by the performance trigger too). */
export function redForUpdatesSince(c: Case, redDays: number, today: IsoDate): IsoDate | null {
	const since = addDays(lastUpdateOnOrBefore(c, today) ?? c.opened, redDays);
	return since <= today ? since : null;
}

export function crimeReportProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'crime-report', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (const c of ctx.live) {
			if (c.opened > today) continue;
			const last = lastUpdateOnOrBefore(c, today);
			const from = last ?? c.opened;
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
						detail: last ? `last update ${last}` : `opened ${c.opened}, no updates`,
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
			resolve: () => [importWay(['Last update date', 'Last update'], 'Have the OIC update the crime report in the records system')],
		},
	},
};
