/**
 * The inspector's picture: per team and per sergeant, week by week over a period (the last 13 weeks
 * by default), the review, trigger, bail and welfare figures, each with the log entries it counts.
 * Pure: a store snapshot, the period and today in; the rules' trigger state at today is passed in by
 * the caller (as for the exception report), so this module runs no rule itself.
 */
import {reviewsByCase} from '../case-facts.js';
import {minDate, type IsoDate} from '../dates.js';
import type {ReviewEntry, StoreData} from '../model.js';
import {fullName} from '../people.js';
import type {Period} from '../review-log/period.js';
import {buildLogRows, type LogRow} from '../review-log/rows.js';
import {sergeantIndex} from '../review-log/sergeants.js';
import type {TriggerState} from '../rules/performance.js';
import {safeText} from '../safe-text.js';
import {bailFigures} from './bail.js';
import type {Pick, TrendContext} from './context.js';
import {emptyWeek, median, STOCK_FIGURES, type Figure, type WeekFigures} from './figures.js';
import {reviewFigures} from './reviews.js';
import {triggerFigures} from './triggers.js';
import {welfareFigures} from './welfare.js';
import {weekIndexOf, weeksOf} from './weeks.js';

export interface TrendSeries {
	/** The sergeant's officer id; null for the whole team. */
	sergeantId: string | null;
	/** "DS Tom Brennan", or the team's name (made safe). */
	name: string;
	/** Oldest first, one per week of the period. */
	weeks: WeekFigures[];
	/** The whole period: flows added up; "missed" the period's own; standing figures as at its end. */
	period: WeekFigures;
}

export interface SupervisionTrends {
	period: Period;
	today: IsoDate;
	weeks: Period[];
	team: TrendSeries;
	/** The team's sergeants in the exception report's order (its own sergeant first). */
	sergeants: TrendSeries[];
}

export interface TrendOptions {
	period: Period;
	today: IsoDate;
	/** The rules' trigger state at today, as the exception report takes it; without it triggers come from the log alone. */
	trigger?: (officerId: string) => TriggerState;
	/** The period's log rows, when the caller has them already (buildLogRows(data, period)). */
	rows?: readonly LogRow[];
	/** Signed reviews by case (reviewsByCase(data.chain)), when the caller has them already. */
	reviewsByCase?: ReadonlyMap<string, readonly ReviewEntry[]>;
}

export function buildSupervisionTrends(data: StoreData, options: TrendOptions): SupervisionTrends {
	const {period, today} = options;
	const weeks = weeksOf(period);
	const ends = weeks.map(w => (w.from > today ? null : minDate(w.to, today)));
	const {officers, sergeantOf, sergeants} = sergeantIndex(data);
	const series = (sergeantId: string | null, name: string): TrendSeries => ({
		sergeantId,
		name,
		weeks: weeks.map(w => emptyWeek(w.from, w.to)),
		period: emptyWeek(period.from, period.to),
	});
	const nameOf = (id: string) => safeText(officers.has(id) ? fullName(officers.get(id)) : `unknown officer ${id}`);
	const team = series(null, safeText(data.team.name));
	const bySergeant = new Map<string, TrendSeries>(sergeants.map(s => [s.id, series(s.id, nameOf(s.id))]));
	const of = (id: string): TrendSeries => {
		let s = bySergeant.get(id);
		if (!s) bySergeant.set(id, (s = series(id, nameOf(id))));
		return s;
	};
	const add = (f: Figure, ref: Parameters<TrendContext['flow']>[3]) => {
		f.refs.push(ref);
		f.count++;
	};
	const weekOf = new Map<IsoDate, number>();
	const ctx: TrendContext = {
		data,
		settings: data.settings,
		period,
		today,
		weeks,
		ends,
		reviewsByCase: options.reviewsByCase ?? reviewsByCase(data.chain),
		sergeantOf,
		flow(sergeantId, date, pick: Pick, ref) {
			// Thousands of entries share the period's few dozen dates: each date's week is worked out once.
			let i = weekOf.get(date);
			if (i === undefined) weekOf.set(date, (i = weekIndexOf(period, weeks.length, date)));
			if (i < 0) return;
			const s = of(sergeantId);
			add(pick(s.weeks[i]!), ref);
			add(pick(s.period), ref);
			add(pick(team.weeks[i]!), ref);
			add(pick(team.period), ref);
		},
		stock(sergeantId, i, pick: Pick, ref) {
			add(pick(of(sergeantId).weeks[i]!), ref);
			add(pick(team.weeks[i]!), ref);
		},
		periodOnly(sergeantId, pick: Pick, ref) {
			add(pick(of(sergeantId).period), ref);
			add(pick(team.period), ref);
		},
	};

	reviewFigures(ctx, options.rows ?? buildLogRows(data, period));
	triggerFigures(ctx, options.trigger);
	bailFigures(ctx);
	welfareFigures(ctx);

	// The period's standing figures are those at its end: the last week that has begun by today.
	let last = -1;
	ends.forEach((e, i) => {
		if (e !== null) last = i;
	});
	const all = [team, ...bySergeant.values()];
	for (const s of all) {
		if (last >= 0) for (const k of STOCK_FIGURES) s.period[k] = s.weeks[last]![k];
		for (const w of [...s.weeks, s.period]) finish(w);
	}
	return {period, today, weeks, team, sergeants: [...bySergeant.values()]};
}

function finish(w: WeekFigures): void {
	w.reviewsDue = {count: w.reviewsDone.count + w.missed.count, refs: [...w.reviewsDone.refs, ...w.missed.refs]};
	w.medianDaysLate = median(w.late.refs.map(r => r.days ?? 0));
}
