/**
 * The history's references and order (schema 2, README "Case history"): every officer named exists,
 * periods follow one another without gaps or overlaps, and the last allocation, risk level and open
 * team periods agree with the case's oicId, allocatedOn and risk and the team's sergeantId and
 * inspectorId. A writer that changes the present without recording it (a silent overwrite) is refused.
 */
import type {StoreData, TeamRole} from '../domain/model.js';
import type {ValidationProblem} from './validate.js';

const problem = (path: string, message: string): ValidationProblem => ({path, message});

function checkTeam(data: StoreData, unknown: (id: string | null) => boolean): ValidationProblem | null {
	const team = data.team;
	for (const [i, p] of team.supervision.entries()) {
		const at = `/team/supervision/${i}`;
		if (unknown(p.officerId)) return problem(`${at}/officerId`, `${p.role} "${p.officerId}" is not an officer in this store`);
		if (unknown(p.by)) return problem(`${at}/by`, `"${p.by}" (who recorded it) is not an officer in this store`);
		if (p.from !== null && p.to !== null && p.to < p.from) {
			return problem(`${at}/to`, `the period ends (${p.to}) before it starts (${p.from})`);
		}
	}
	for (const role of ['sergeant', 'inspector'] as TeamRole[]) {
		const open = team.supervision.filter(p => p.role === role && p.to === null);
		const present = role === 'sergeant' ? team.sergeantId : team.inspectorId;
		if (open.length > 1) {
			return problem('/team/supervision', `${open.length} ${role} periods are open (no end); only the present one may be`);
		}
		if (!team.supervision.some(p => p.role === role)) continue;
		const named = open[0]?.officerId ?? null;
		if (named !== present) {
			const message = `the open ${role} period names ${named ?? 'nobody'} but the team's ${role} is ${present ?? 'nobody'}`;
			return problem('/team/supervision', message);
		}
	}
	return null;
}

export function checkCase(c: StoreData['cases'][number], at: string, unknown: (id: string | null) => boolean): ValidationProblem | null {
	const list = c.allocations;
	if (list.length === 0) return problem(`${at}/allocations`, 'a case needs at least its current allocation');
	// Each record's path is written only for the problem found: a change that adds 50,000 cases checks each.
	for (let j = 0; j < list.length; j++) {
		const a = list[j]!;
		if (unknown(a.officerId))
			return problem(`${at}/allocations/${j}/officerId`, `officer "${a.officerId}" is not an officer in this store`);
		if (unknown(a.by)) return problem(`${at}/allocations/${j}/by`, `"${a.by}" (who allocated it) is not an officer in this store`);
		const next = list[j + 1];
		if (next && a.to !== next.from) {
			return problem(`${at}/allocations/${j}/to`, `the allocation ends ${a.to ?? 'never'} but the next one starts ${next.from}`);
		}
		if (a.to !== null && a.to < a.from)
			return problem(`${at}/allocations/${j}/to`, `the allocation ends (${a.to}) before it starts (${a.from})`);
	}
	const last = list.at(-1)!;
	if (last.to !== null || last.officerId !== c.oicId || last.from !== c.allocatedOn) {
		const held = `${last.officerId} from ${last.from}`;
		const present = `${c.oicId} from ${c.allocatedOn}`;
		const message = `the last allocation (${held}) is not the case's officer ${present}: record a reallocation, not a new oicId`;
		return problem(`${at}/allocations`, message);
	}
	const risks = c.riskHistory;
	if (risks.length === 0) return problem(`${at}/riskHistory`, 'a case needs at least its current risk');
	for (let j = 0; j < risks.length; j++) {
		const r = risks[j]!;
		if (unknown(r.by)) return problem(`${at}/riskHistory/${j}/by`, `"${r.by}" (who set the risk) is not an officer in this store`);
		const before = risks[j - 1];
		if (before && r.from < before.from) {
			return problem(`${at}/riskHistory/${j}/from`, `risk levels must be in date order (${r.from} is before ${before.from})`);
		}
	}
	const lastRisk = risks.at(-1)!.risk;
	if (lastRisk !== c.risk) {
		const message = `the last risk level (${lastRisk}) is not the case's risk (${c.risk}): record the change, not a new risk`;
		return problem(`${at}/riskHistory`, message);
	}
	return null;
}

export function checkHistory(data: StoreData, officers: ReadonlySet<string>): ValidationProblem | null {
	const unknown = (id: string | null) => id !== null && !officers.has(id);
	const p = checkTeam(data, unknown);
	if (p) return p;
	for (const [i, c] of data.cases.entries()) {
		const q = checkCase(c, `/cases/${i}`, unknown);
		if (q) return q;
	}
	return null;
}
