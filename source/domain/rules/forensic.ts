/**
 * Forensic waits. Source case: devices waited 2 to 4+ months for extraction. A submission with no
 * result is amber at settings.forensicAmberDays (60) and red at settings.forensicRedDays (120).
 */
import {addDays, daysBetween, shortDate} from '../dates.js';
import type {Problem} from '../problem.js';
import {importWay, sameWays} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {days, memo, type RuleContext} from './context.js';
import {safeText} from '../safe-text.js';

export function forensicProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'forensic', () => {
		const {settings: s, today} = ctx;
		const out: Problem[] = [];
		// The last submission day that is amber today: a later one has waited under forensicAmberDays (ISO
		// dates compare as strings; no day arithmetic for each submission: issue 18).
		const amberBy = addDays(today, -s.forensicAmberDays);
		for (let ci = 0; ci < ctx.live.length; ci++) {
			const c = ctx.live[ci]!;
			const forensics = c.forensics;
			for (let fi = 0; fi < forensics.length; fi++) {
				const f = forensics[fi]!;
				if ((f.resultOn !== null && f.resultOn <= today) || f.submitted > today || f.submitted > amberBy) continue;
				const age = daysBetween(f.submitted, today);
				if (age < s.forensicAmberDays) continue;
				const expected = f.expected ? `; lab expects a result ${shortDate(f.expected, today)}` : '; no date from the lab';
				out.push({
					id: `forensic-wait:${c.ref}:${f.id}`,
					kind: 'forensic-wait',
					severity: age >= s.forensicRedDays ? 'red' : 'amber',
					subject: {type: 'case', ref: c.ref, officerId: c.oicId},
					message:
						`Forensic submission "${safeText(f.item)}" waiting ${days(age)} since ${shortDate(f.submitted, today)}${expected} (amber at ` +
						`${s.forensicAmberDays}, red at ${s.forensicRedDays})`,
					action: 'Chase the lab for a date; consider prioritisation or an outside provider, and tell the victim and suspect of any delay.',
					evidence: [
						{type: 'forensic', caseRef: c.ref, id: f.id, date: f.submitted, detail: `${f.item} submitted ${shortDate(f.submitted, today)}`},
					],
					since: addDays(f.submitted, s.forensicAmberDays),
					...(f.expected ? {due: f.expected} : {}),
				});
			}
		}
		return out;
	});
}

/** How it clears (README "Acting on a problem"): the lab's result, recorded in the records system and imported. */
export const FORENSIC_RULE: RuleDeclaration<'forensic-wait'> = {
	name: 'Forensic waits',
	check: forensicProblems,
	kinds: {
		'forensic-wait': {
			label: 'Forensic wait',
			report: 'forensicWaits',
			resolve: sameWays(importWay(['Forensic result'], 'Chase the lab; when the result is back, record it in the records system')),
		},
	},
};
