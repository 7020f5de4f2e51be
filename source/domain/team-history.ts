/**
 * Who supervised the team, and who was its inspector, on a day (README "Case history"). The team's
 * `sergeantId` and `inspectorId` are the present; `supervision` keeps the past, so a rule or an export
 * judging an earlier day names the people responsible then.
 */
import type {IsoDate} from './dates.js';
import type {Team, TeamRole, TeamRolePeriod} from './model.js';

function holderOf(team: Team, role: TeamRole, date: IsoDate): string | null {
	let found: TeamRolePeriod | undefined;
	for (const p of team.supervision) {
		if (p.role !== role) continue;
		if ((p.from === null || p.from <= date) && (p.to === null || date < p.to)) found = p;
	}
	if (found) return found.officerId;
	// With no period of the role on record at all (a team built by hand), the present holder.
	if (team.supervision.some(p => p.role === role)) return null;
	return role === 'sergeant' ? team.sergeantId : team.inspectorId;
}

/** The team's sergeant on `date` (null when the records say nobody held the role that day). */
export function sergeantOn(team: Team, date: IsoDate): string | null {
	return holderOf(team, 'sergeant', date);
}

/** The team's inspector on `date`, or null. */
export function inspectorOn(team: Team, date: IsoDate): string | null {
	return holderOf(team, 'inspector', date);
}

/** The periods a team starts its history with: its present sergeant and inspector, since before records. */
export function seedSupervision(team: Pick<Team, 'sergeantId' | 'inspectorId'>, reason: string): TeamRolePeriod[] {
	const out: TeamRolePeriod[] = [{role: 'sergeant', officerId: team.sergeantId, from: null, to: null, by: null, reason}];
	if (team.inspectorId !== null) out.push({role: 'inspector', officerId: team.inspectorId, from: null, to: null, by: null, reason});
	return out;
}
