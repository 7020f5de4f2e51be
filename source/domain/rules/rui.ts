import {suspectWords} from '../bail.js';
import {addDays, daysBetween, shortDate, type IsoDate} from '../dates.js';
import type {Case, Settings} from '../model.js';
import type {Problem} from '../problem.js';
import {importWay, sameWays} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';

/**
 * When the suspect of a case released under investigation is next due an update: the last update (or
 * the release) plus settings.ruiUpdateDays; null when the case has no running RUI. The rule below and
 * the handover's dated items both count from here.
 */
export function nextRuiUpdate(c: Case, settings: Settings): IsoDate | null {
	const r = c.rui;
	if (!r || r.endedOn !== null) return null;
	return addDays(r.lastSuspectUpdate ?? r.since, settings.ruiUpdateDays);
}

/**
 * Released under investigation has no time limit, so the suspect can be forgotten: flag when the
 * suspect has not been updated for settings.ruiUpdateDays (amber), red at twice that.
 */
export function ruiProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'rui', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const r = c.rui;
			if (!r || r.endedOn !== null || r.since > today) continue;
			const last = r.lastSuspectUpdate ?? r.since;
			const since = nextRuiUpdate(c, s)!;
			if (since > today) continue;
			const ago = daysBetween(last, today);
			out.push({
				id: `rui-no-update:${c.ref}`,
				kind: 'rui-no-update',
				severity: ago >= 2 * s.ruiUpdateDays ? 'red' : 'amber',
				subject: {type: 'case', ref: c.ref, officerId: c.oicId},
				message:
					`${safeText(suspectWords(c.rui!.suspect, true))} released under investigation since ${shortDate(r.since, today)}: ` +
					(r.lastSuspectUpdate ? `last updated ${shortDate(last, today)}, ${days(ago)} ago` : `never updated, ${days(ago)}`) +
					` (due every ${days(s.ruiUpdateDays)})`,
				action: 'Update the suspect on the investigation and record it; consider whether RUI is still right.',
				evidence: [
					{
						type: 'case',
						caseRef: c.ref,
						date: last,
						detail: r.lastSuspectUpdate
							? `suspect last updated ${shortDate(last, today)}`
							: `RUI since ${shortDate(r.since, today)}, no suspect update recorded`,
					},
				],
				since,
				due: since,
			});
		}
		return out;
	});
}

/**
 * How it clears (README "Acting on a problem"): the suspect update, or the end of RUI, is recorded in
 * the records system and imported.
 */
export const RUI_RULE: RuleDeclaration<'rui-no-update'> = {
	name: 'Released under investigation',
	check: ruiProblems,
	kinds: {
		'rui-no-update': {
			label: 'RUI suspect not updated',
			badge: 'bail',
			resolve: sameWays(
				importWay(['Last suspect update'], 'Update the suspect, record it in the records system'),
				importWay(['RUI'], 'If RUI has ended (charged, no further action), record that in the records system ("no")'),
			),
		},
	},
};
