/**
 * Performance-trigger figures by week: raised, decided (by kind), escalated, undecided at the week's
 * end. The rules cannot be re-run on a past day (they read cases as they are now), so a trigger's life
 * comes from what was recorded at the time plus the rules' view today:
 * - the log: each signed review records whether the officer's trigger had fired (`triggerFired`); a
 *   run of the officer's reviews recording it is one trigger, from the first of them until a review
 *   records it no longer firing;
 * - the rules at today (the same TriggerState the exception report lists): a trigger firing now has
 *   fired since its first-fired date; where it overlaps a run from the log they are one trigger.
 * Decisions are the chain's performance-decision entries. Whether a trigger stood decided or escalated
 * on a day is the rule's own triggerStanding, asked on each day it can change (week ends, decision
 * days, the day the decision time runs out), so nothing here defines "decided" or "escalated" again.
 */
import {isInspectorOver} from '../permissions.js';
import {addDays, type IsoDate} from '../dates.js';
import type {ActionPlan, DecisionEntry, ReviewEntry} from '../model.js';
import {activePlanOn, triggerStanding, type TriggerState} from '../rules/performance.js';
import type {TrendContext} from './context.js';
import type {TraceRef} from './figures.js';

export interface TriggerEpisode {
	officerId: string;
	/** First fired: the first review recording it, or the rules' first-fired date, whichever is earlier. */
	start: IsoDate;
	/** The day a review recorded it no longer firing; null while it still fires. */
	end: IsoDate | null;
	/** The review that first recorded it, when the log did. */
	seq: number | null;
}

function group<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const t of items) {
		const k = key(t);
		const list = m.get(k);
		if (list) list.push(t);
		else m.set(k, [t]);
	}
	return m;
}

/** Each officer's triggers, oldest first, from the log's reviews and (when given) the rules at today. */
export function triggerEpisodes(
	reviews: readonly ReviewEntry[],
	officers: readonly string[],
	trigger: ((officerId: string) => TriggerState) | undefined,
): Map<string, TriggerEpisode[]> {
	const out = new Map<string, TriggerEpisode[]>();
	// Only officers a review ever recorded a trigger for have runs in the log (most have none).
	const fired = new Set<string>();
	for (const e of reviews) if (e.data.triggerFired) fired.add(e.data.oicId);
	const byOfficer = group(
		reviews.filter(e => fired.has(e.data.oicId)),
		e => e.data.oicId,
	);
	for (const [officerId, list] of byOfficer) {
		const sorted = [...list].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.seq - b.seq));
		const episodes: TriggerEpisode[] = [];
		let open: TriggerEpisode | null = null;
		for (const e of sorted) {
			if (e.data.triggerFired && !open) episodes.push((open = {officerId, start: e.data.date, end: null, seq: e.seq}));
			else if (!e.data.triggerFired && open && e.data.date > open.start) {
				open.end = e.data.date;
				open = null;
			}
		}
		if (episodes.length) out.set(officerId, episodes);
	}
	if (trigger) {
		for (const officerId of officers) {
			const t = trigger(officerId);
			if (!t.fired || !t.firstFired) continue;
			const list = out.get(officerId) ?? [];
			// The trigger firing now runs from its first-fired date to today: one trigger with every run it overlaps.
			const overlapping = list.filter(e => e.end === null || e.end > t.firstFired!);
			const kept = list.filter(e => !overlapping.includes(e));
			const earliest = overlapping.reduce<TriggerEpisode | null>((a, e) => (a === null || e.start < a.start ? e : a), null);
			const start = earliest && earliest.start < t.firstFired ? earliest.start : t.firstFired;
			kept.push({officerId, start, end: null, seq: earliest?.seq ?? null});
			out.set(officerId, kept);
		}
	}
	return out;
}

export function triggerFigures(ctx: TrendContext, trigger: ((officerId: string) => TriggerState) | undefined): void {
	const {data, settings, today, period} = ctx;
	const reviews: ReviewEntry[] = [];
	const decisions: DecisionEntry[] = [];
	for (const e of data.chain) {
		if (e.kind === 'review') reviews.push(e);
		else if (e.kind === 'performance-decision') decisions.push(e);
	}
	for (const d of decisions) {
		ctx.flow(ctx.sergeantOf(d.data.officerId), d.data.date, w => w.decided[d.data.decision], {
			kind: 'decision',
			seq: d.seq,
			caseRef: null,
			officerId: d.data.officerId,
			date: d.data.date,
		});
	}

	// The officers the exception report asks the rules about: investigators still in the unit.
	const investigators = data.officers.filter(o => o.role === 'investigator' && o.leftUnit === null).map(o => o.id);
	const decisionsOf = group(decisions, d => d.data.officerId);
	const plansOf = group<ActionPlan>(data.actionPlans, p => p.officerId);
	for (const [officerId, episodes] of triggerEpisodes(reviews, investigators, trigger)) {
		const sergeantId = ctx.sergeantOf(officerId);
		const mine = decisionsOf.get(officerId) ?? [];
		const standingOn = (day: IsoDate, start: IsoDate) =>
			triggerStanding(
				mine.filter(d => d.data.date <= day),
				start,
				activePlanOn(plansOf.get(officerId), day),
				day,
				settings,
				id => isInspectorOver(data, id),
			);
		for (const ep of episodes) {
			const ref: TraceRef = {kind: 'trigger', seq: ep.seq, caseRef: null, officerId, date: ep.start};
			ctx.flow(sergeantId, ep.start, w => w.triggersRaised, ref);
			const live = (day: IsoDate) => day >= ep.start && (ep.end === null || day < ep.end) && day <= today;
			ctx.ends.forEach((end, i) => {
				if (end !== null && live(end) && !standingOn(end, ep.start).decisionRecorded) ctx.stock(sergeantId, i, w => w.undecidedAtEnd, ref);
			});
			// Escalation can only begin on a decision day or when the decision time runs out.
			const days = new Set<IsoDate>([addDays(ep.start, settings.triggerDecisionDays), ...mine.map(d => d.data.date)]);
			const seen = new Set<string>();
			for (const day of [...days].sort()) {
				if (!live(day) || day < period.from || day > period.to) continue;
				const e = standingOn(day, ep.start).escalation;
				if (!e || e.since !== day || seen.has(`${e.since}|${e.reason}`)) continue;
				seen.add(`${e.since}|${e.reason}`);
				const decision = mine.find(d => d.data.date === day && e.reason !== 'no-decision');
				ctx.flow(
					sergeantId,
					day,
					w => w.escalated,
					decision ? {kind: 'decision', seq: decision.seq, caseRef: null, officerId, date: day} : {...ref, date: day},
				);
			}
		}
	}
}
