/**
 * Span of control. Source case: a sergeant managed 22 staff where 6 is usual. Warn (amber) above
 * settings.spanOfControlWarn (8) direct reports in post.
 */
import type {IsoDate} from '../dates.js';
import type {Problem} from '../problem.js';
import type {RuleDeclaration} from './rule.js';
import {memo, nameOf, type RuleContext} from './context.js';

export function spanOfControlProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'span', () => {
		const s = ctx.settings;
		const reports = new Map<string, {id: string; joined: IsoDate}[]>();
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			if (!o.supervisorId) continue;
			const list = reports.get(o.supervisorId) ?? [];
			list.push({id: o.id, joined: o.joinedUnit});
			reports.set(o.supervisorId, list);
		}
		const out: Problem[] = [];
		for (const [supId, list] of reports) {
			if (list.length <= s.spanOfControlWarn) continue;
			const sup = ctx.officers.get(supId);
			if (!sup || sup.role === 'inspector') continue; // an inspector's span is sergeants across teams: a different measure
			list.sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : 0));
			// The day the (warn + 1)th current report joined: the count has been over since (as far as the store shows).
			const crossed = list[s.spanOfControlWarn]!.joined;
			const since = crossed < sup.joinedUnit ? sup.joinedUnit : crossed;
			out.push({
				id: `span-of-control:${supId}`,
				kind: 'span-of-control',
				severity: 'amber',
				subject: {type: 'supervisor', officerId: supId},
				message: `${nameOf(ctx, supId)} supervises ${list.length} officers directly (warning above ${s.spanOfControlWarn}; ${s.spanOfControlUsual} is usual)`,
				action: 'Raise with the inspector: move officers to another sergeant or add an acting supervisor.',
				evidence: list.map(r => ({
					type: 'case' as const,
					id: r.id,
					date: r.joined,
					detail: `${nameOf(ctx, r.id)} reports to ${nameOf(ctx, supId)}`,
				})),
				since,
			});
		}
		return out;
	});
}

/**
 * How it clears: officers moved to another sergeant, or an acting supervisor added. Who reports to whom
 * is set where the team's officers are set up (README "Acting on a problem"): fortnight records no
 * change of line manager yet, so this way names the person and the step, with neither a key nor a command.
 */
export const SPAN_OF_CONTROL_RULE: RuleDeclaration<'span-of-control'> = {
	name: 'Span of control',
	check: spanOfControlProblems,
	kinds: {
		'span-of-control': {
			label: 'Span of control',
			report: 'spanOfControl',
			resolve: (p, ctx) => [
				{
					way: 'team-structure',
					label:
						`Raise it with the inspector: move some of ${nameOf(ctx, p.subject.officerId)}'s officers to another sergeant ` +
						'or add an acting supervisor',
					desk: null,
					command: null,
				},
			],
		},
	},
};
