/**
 * Workload per FTE. Source case: a part-time detective carried a full-time caseload. Each live case
 * scores settings.workloadPoints by risk (high 3, medium 2, low 1); the total is divided by the
 * officer's FTE (hours / settings.fullTimeHours) and compared with the team's capacity per FTE
 * (settings.capacityPointsPerFte = 100%). Above settings.workloadExcessivePercent (110%, the probation
 * service's "excessive") is flagged.
 */
import {shortDate, type IsoDate} from '../dates.js';
import {isLive} from '../case-facts.js';
import type {Case, Officer, Settings, StoreData} from '../model.js';
import type {Problem} from '../problem.js';
import {reallocateOneOf} from '../resolve.js';
import type {RuleDeclaration} from './rule.js';
import {memo, nameOf, plural, type RuleContext} from './context.js';

export interface Workload {
	officerId: string;
	liveCases: number;
	points: number;
	fte: number;
	/** Points per FTE as a percentage of the team's capacity per FTE, rounded to a whole number. */
	percent: number;
	excessive: boolean;
}

function computeWorkload(
	settings: Settings,
	officer: Officer | undefined,
	officerId: string,
	cases: readonly {risk: keyof Settings['workloadPoints']}[],
): Workload {
	let points = 0;
	for (const c of cases) points += settings.workloadPoints[c.risk];
	const fte = officer ? officer.hoursPerWeek / settings.fullTimeHours : 1;
	// Rounded to 1e-9 so that exactly 110% (11 points on 0.5 FTE) is not pushed over by floating point.
	const exact = fte > 0 ? Math.round((points / fte / settings.capacityPointsPerFte) * 100 * 1e9) / 1e9 : 0;
	return {
		officerId,
		liveCases: cases.length,
		points,
		fte,
		percent: Math.round(exact),
		excessive: exact > settings.workloadExcessivePercent,
	};
}

/** Live cases by OIC per snapshot: the team view asks officer after officer, so index once (snapshots are immutable). */
const liveIndex = new WeakMap<StoreData, {officers: Map<string, Officer>; live: Map<string, Case[]>}>();

export function workloadFor(data: StoreData, officerId: string): Workload {
	let index = liveIndex.get(data);
	if (!index) {
		const live = new Map<string, Case[]>();
		for (const c of data.cases) {
			if (!isLive(c)) continue;
			const list = live.get(c.oicId);
			if (list) list.push(c);
			else live.set(c.oicId, [c]);
		}
		index = {officers: new Map(data.officers.map(o => [o.id, o])), live};
		liveIndex.set(data, index);
	}
	return computeWorkload(data.settings, index.officers.get(officerId), officerId, index.live.get(officerId) ?? []);
}

/** The officer's workload if they also held `extra` (a case about to move to them), counted as workloadFor counts it. */
export function workloadWith(data: StoreData, officerId: string, extra: Case): Workload {
	workloadFor(data, officerId);
	const index = liveIndex.get(data)!;
	const held = index.live.get(officerId) ?? [];
	const cases = isLive(extra) && !held.includes(extra) ? [...held, extra] : held;
	return computeWorkload(data.settings, index.officers.get(officerId), officerId, cases);
}

/** The same figures from the rule context's index (no scan of every case). */
export function workloadIn(ctx: RuleContext, officerId: string): Workload {
	return computeWorkload(ctx.settings, ctx.officers.get(officerId), officerId, ctx.liveByOic.get(officerId) ?? []);
}

/**
 * The day the officer's load last rose above the limit, replaying the allocations (case history: the
 * cases they hold, and those they held and passed on) and closures (closedOn), at today's risk levels.
 */
function excessiveSince(ctx: RuleContext, o: Officer): IsoDate {
	const s = ctx.settings;
	const limit = (s.workloadExcessivePercent / 100) * s.capacityPointsPerFte * (o.hoursPerWeek / s.fullTimeHours);
	const events: [IsoDate, number][] = [];
	for (const c of ctx.casesByOic.get(o.id) ?? []) {
		const p = s.workloadPoints[c.risk];
		if (isLive(c)) events.push([c.allocatedOn, p]);
		else if (c.closedOn !== null && c.closedOn > c.allocatedOn) {
			events.push([c.allocatedOn, p]);
			events.push([c.closedOn, -p]);
		}
	}
	for (const h of ctx.pastHoldingsByOfficer.get(o.id) ?? []) {
		const p = s.workloadPoints[h.case.risk];
		const end = h.case.closedOn !== null && h.case.closedOn < h.allocation.to! ? h.case.closedOn : h.allocation.to!;
		if (end <= h.allocation.from) continue;
		events.push([h.allocation.from, p]);
		events.push([end, -p]);
	}
	events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
	let points = 0;
	let since: IsoDate = ctx.today;
	for (const [date, p] of events) {
		if (date > ctx.today) break;
		const before = points > limit;
		points += p;
		if (!before && points > limit) since = date;
	}
	return since < o.joinedUnit ? o.joinedUnit : since;
}

export function workloadProblems(ctx: RuleContext): Problem[] {
	return memo(ctx, 'workload', () => {
		const s = ctx.settings;
		const out: Problem[] = [];
		for (let oi = 0; oi < ctx.activeOfficers.length; oi++) {
			const o = ctx.activeOfficers[oi]!;
			const cases = ctx.liveByOic.get(o.id) ?? [];
			if (cases.length === 0) continue;
			const w = computeWorkload(s, o, o.id, cases);
			if (!w.excessive) continue;
			const since = excessiveSince(ctx, o);
			const byRisk = (['high', 'medium', 'low'] as const).map(r => `${cases.filter(c => c.risk === r).length} ${r}`).join(', ');
			out.push({
				id: `workload:${o.id}`,
				kind: 'workload',
				severity: 'amber',
				subject: {type: 'officer', officerId: o.id},
				message:
					`${nameOf(ctx, o.id)} carries ${plural(w.liveCases, 'live case')} (${byRisk}) = ${plural(w.points, 'point')} on ${o.hoursPerWeek}h a ` +
					`week (${w.fte.toFixed(2)} FTE): ${w.percent}% of capacity (flag above ${s.workloadExcessivePercent}%); over since ${shortDate(since, ctx.today)}`,
				// Only what fortnight records clears it (DOMAIN "every alarm needs a way to clear it"): there is no "safe for now" record.
				action: `Rebalance the caseload: reallocate cases to officers with room until the load is at or under ${s.workloadExcessivePercent}%.`,
				evidence: cases.map(c => ({
					type: 'case' as const,
					caseRef: c.ref,
					date: c.allocatedOn,
					detail: `${c.risk} risk, ${plural(s.workloadPoints[c.risk], 'point')}`,
				})),
				since,
			});
		}
		return out;
	});
}

/** How it clears (README "Acting on a problem"): cases reallocated until the load is under the flag. */
export const WORKLOAD_RULE: RuleDeclaration<'workload'> = {
	name: 'Workload',
	check: workloadProblems,
	kinds: {
		workload: {
			label: 'Workload',
			resolve: (p, ctx) => [reallocateOneOf(`Reallocate some of ${nameOf(ctx, p.subject.officerId)}'s cases to officers with capacity`)],
		},
	},
};
