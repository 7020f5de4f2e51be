/**
 * The history's references and order (schema 2, README "Case history"): every officer named exists,
 * periods follow one another without gaps or overlaps, and the last allocation, risk level and open
 * team periods agree with the case's oicId, allocatedOn and risk and the team's sergeantId and
 * inspectorId. A writer that changes the present without recording it (a silent overwrite) is refused.
 */
import type {StoreData, TeamRole} from '../domain/model.js';
import type {ValidationProblem} from './validate.js';

export function checkHistory(data: StoreData, officers: ReadonlySet<string>): ValidationProblem | null {
	const unknown = (id: string | null) => id !== null && !officers.has(id);
	const team = data.team;
	for (const [i, p] of team.supervision.entries()) {
		const at = `/team/supervision/${i}`;
		if (unknown(p.officerId)) return {path: `${at}/officerId`, message: `${p.role} "${p.officerId}" is not an officer in this store`};
		if (unknown(p.by)) return {path: `${at}/by`, message: `"${p.by}" (who recorded it) is not an officer in this store`};
		if (p.from !== null && p.to !== null && p.to < p.from) return {path: `${at}/to`, message: `the period ends (${p.to}) before it starts (${p.from})`};
	}
	for (const role of ['sergeant', 'inspector'] as TeamRole[]) {
		const open = team.supervision.filter(p => p.role === role && p.to === null);
		const present = role === 'sergeant' ? team.sergeantId : team.inspectorId;
		if (open.length > 1) return {path: '/team/supervision', message: `${open.length} ${role} periods are open (no end); only the present one may be`};
		const anyRecorded = team.supervision.some(p => p.role === role);
		if (anyRecorded && (open[0]?.officerId ?? null) !== present) {
			return {path: '/team/supervision', message: `the open ${role} period names ${open[0]?.officerId ?? 'nobody'} but the team's ${role} is ${present ?? 'nobody'}`};
		}
	}
	for (const [i, c] of data.cases.entries()) {
		const at = `/cases/${i}`;
		const list = c.allocations;
		if (list.length === 0) return {path: `${at}/allocations`, message: 'a case needs at least its current allocation'};
		for (const [j, a] of list.entries()) {
			if (unknown(a.officerId)) return {path: `${at}/allocations/${j}/officerId`, message: `officer "${a.officerId}" is not an officer in this store`};
			if (unknown(a.by)) return {path: `${at}/allocations/${j}/by`, message: `"${a.by}" (who allocated it) is not an officer in this store`};
			const next = list[j + 1];
			if (next && a.to !== next.from) return {path: `${at}/allocations/${j}/to`, message: `the allocation ends ${a.to ?? 'never'} but the next one starts ${next.from}`};
			if (a.to !== null && a.to < a.from) return {path: `${at}/allocations/${j}/to`, message: `the allocation ends (${a.to}) before it starts (${a.from})`};
		}
		const last = list.at(-1)!;
		if (last.to !== null || last.officerId !== c.oicId || last.from !== c.allocatedOn) {
			return {path: `${at}/allocations`, message: `the last allocation (${last.officerId} from ${last.from}) is not the case's officer ${c.oicId} from ${c.allocatedOn}: record a reallocation, not a new oicId`};
		}
		const risks = c.riskHistory;
		if (risks.length === 0) return {path: `${at}/riskHistory`, message: 'a case needs at least its current risk'};
		for (const [j, r] of risks.entries()) {
			if (unknown(r.by)) return {path: `${at}/riskHistory/${j}/by`, message: `"${r.by}" (who set the risk) is not an officer in this store`};
			if (j > 0 && r.from < risks[j - 1]!.from) return {path: `${at}/riskHistory/${j}/from`, message: `risk levels must be in date order (${r.from} is before ${risks[j - 1]!.from})`};
		}
		if (risks.at(-1)!.risk !== c.risk) {
			return {path: `${at}/riskHistory`, message: `the last risk level (${risks.at(-1)!.risk}) is not the case's risk (${c.risk}): record the change, not a new risk`};
		}
	}
	return null;
}
