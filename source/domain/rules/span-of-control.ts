/**
 * Span of control. Source case: a sergeant managed 22 staff where 6 is usual. Warn (amber) above
 * settings.spanOfControlWarn (8) direct reports in post. Counted as the team is supervised today: the
 * officers of a supervisor away today count for whoever covers them (QA 9 R20: a sergeant covering another
 * sergeant's team supervises both for those weeks, the source case's failure), and not for the one away.
 */
import type {IsoDate} from '../dates.js';
import type {Problem} from '../problem.js';
import type {RuleDeclaration} from './rule.js';
import {awayOnDate, memo, nameOf, type RuleContext} from './context.js';

export function spanOfControlProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'span', () => {
		const s = ctx.settings;
		const reports = new Map<string, {id: string; joined: IsoDate; coveringFor: string | null}[]>();
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			if (!o.supervisorId) continue;
			// A supervisor away today with a cover at work: the officer is the cover's to supervise today.
			const away = awayOnDate(ctx, o.supervisorId, ctx.today);
			const cover = away?.coverId ?? null;
			const supId = cover !== null && cover !== o.id ? cover : o.supervisorId;
			const list = reports.get(supId) ?? [];
			list.push({id: o.id, joined: o.joinedUnit, coveringFor: supId === o.supervisorId ? null : o.supervisorId});
			reports.set(supId, list);
		}
		const out: Problem[] = [];
		for (const [supId, list] of reports) {
			if (list.length <= s.spanOfControlWarn) continue;
			const sup = ctx.officers.get(supId);
			if (!sup || sup.role === 'inspector') continue; // an inspector's span is sergeants across teams: a different measure
			list.sort((a, b) => (a.joined < b.joined ? -1 : a.joined > b.joined ? 1 : 0));
			// The day the (warn + 1)th current report joined: the count has been over since (as far as the store shows).
			const crossed = list[s.spanOfControlWarn]!.joined;
			let since = crossed < sup.joinedUnit ? sup.joinedUnit : crossed;
			// Over only because of a cover: since the cover began (as far as today's absence says).
			const covered = [...new Set(list.flatMap(r => (r.coveringFor ? [r.coveringFor] : [])))];
			const own = list.length - list.filter(r => r.coveringFor).length;
			if (covered.length > 0 && own <= s.spanOfControlWarn) {
				const started = covered.map(id => awayOnDate(ctx, id, ctx.today)!.absence.from).sort()[0]!;
				if (started > since) since = started;
			}
			const coverWords = covered.length
				? ` today: ${own} of their own and ${list.length - own} of ${covered.map(id => nameOf(ctx, id)).join(' and ')}, whom they cover`
				: '';
			out.push({
				id: `span-of-control:${supId}`,
				kind: 'span-of-control',
				severity: 'amber',
				subject: {type: 'supervisor', officerId: supId},
				message:
					`${nameOf(ctx, supId)} supervises ${list.length} officers directly${coverWords} ` +
					`(warning above ${s.spanOfControlWarn}; ${s.spanOfControlUsual} is usual)`,
				action: 'Raise with the inspector: move officers to another sergeant or add an acting supervisor.',
				evidence: list.map(r => ({
					type: 'case' as const,
					id: r.id,
					date: r.joined,
					detail: r.coveringFor
						? `${nameOf(ctx, r.id)} reports to ${nameOf(ctx, r.coveringFor)}, covered by ${nameOf(ctx, supId)}`
						: `${nameOf(ctx, r.id)} reports to ${nameOf(ctx, supId)}`,
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
