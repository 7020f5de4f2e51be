/**
 * Who was acting while a sergeant was away, for the inspector's exception report (QA 8 D4). DOMAIN.md:
 * the source case failed because "no one undertook his responsibilities" during a sergeant's sick leave,
 * and the inspector "scans the exported review log for exceptions"; so each sergeant's section says which
 * of the period's days the sergeant was away, for what reason category (never more: an absence holds no
 * health detail), and who covered which days or that nobody did, and each late or missed review is marked
 * with the cover of the day it fell due.
 *
 * One absence kept in parts (absence-cover.ts: its cover changed for some days) is one absence here, its
 * covers listed day range by day range. Who covers a day is people.ts awayOn's answer (a named cover who
 * is away too covers nobody), read from the absences as known on the report's day (rules/context.ts
 * absencesAsKnown), as the rules and the desk read them. Pure.
 */
import {minDate, type IsoDate} from '../dates.js';
import type {AbsenceReason, StoreData} from '../model.js';
import {absenceLookup, awayOn, coverRuns, type AbsenceLookup} from '../people.js';
import {absencesAsKnown} from '../rules/context.js';
import {wholeSpan} from '../absence-cover.js';
import {nextUpFor} from '../independence.js';
import type {Period} from './period.js';

/** Consecutive days of one absence with one answer to "who covers". */
export interface CoverSpell {
	from: IsoDate;
	to: IsoDate;
	/** The officer who covered these days, null: nobody (none named, or the named cover away too). */
	coverId: string | null;
	/** Their name ("DC Helen Marsh"), null: nobody. */
	cover: string | null;
}

/** One absence of a sergeant that has days in the period. */
export interface SergeantAbsence {
	/** The absence's id (its first part's, for one kept in parts). */
	absenceId: string;
	/** The whole absence: first day to last (null: no end date). */
	from: IsoDate;
	to: IsoDate | null;
	/** Reason category only: never a health detail. */
	reason: AbsenceReason;
	/** Its days in the period (up to the report's day), cover by cover. */
	covers: CoverSpell[];
}

/** The sergeant was away on the day a review fell due: who covered that day (null: nobody). */
export interface AwayMark {
	coverId: string | null;
	cover: string | null;
	/**
	 * Set when the cover held the case herself: nobody reviews a case they hold (docs/rules.md "Reviews the
	 * cover cannot do"), so the review was the next person up's (independence.ts nextUpFor), as problems
	 * and the handover say (QA 9 D3). Null otherwise, and when the store records nobody above the cover.
	 */
	reviewerDueId: string | null;
	/** Their name ("DI Rachel Okafor"); null as reviewerDueId. */
	reviewerDue: string | null;
	/** True when the cover held the case (the review was never the cover's, whoever reviewerDue is). */
	heldByCover: boolean;
}

export interface SergeantAway {
	/** The sergeant's absences with days in the period, first day first. */
	absences(sergeantId: string): SergeantAbsence[];
	/** Null when the sergeant was at work on `date`. `holderId`: who held the case whose review fell due then. */
	markOn(sergeantId: string, date: IsoDate, holderId: string): AwayMark | null;
}

/**
 * The absences as known on `today`; the period's days are read up to `today` (a day not yet come has
 * no cover to report, only a plan). `name` gives an officer's name as the report prints it.
 */
export function sergeantAway(data: StoreData, period: Period, today: IsoDate, name: (id: string) => string): SergeantAway {
	const known = absencesAsKnown(data.absences, today, new Map());
	const lookup: AbsenceLookup = absenceLookup(known);
	const end = minDate(period.to, today);
	return {
		absences(sergeantId) {
			if (end < period.from) return [];
			const out: SergeantAbsence[] = [];
			for (const run of coverRuns(lookup, sergeantId, period.from, end)) {
				const id = run.absence.partOf ?? run.absence.id;
				let a = out.at(-1);
				if (!a || a.absenceId !== id) {
					const whole = wholeSpan(known, run.absence);
					out.push((a = {absenceId: id, from: whole.from, to: whole.to, reason: run.absence.reason, covers: []}));
				}
				const last = a.covers.at(-1);
				// Runs split where the named cover's own absence changes; the reader needs only who covered.
				if (last && last.coverId === run.coverId) last.to = run.to;
				else a.covers.push({from: run.from, to: run.to, coverId: run.coverId, cover: run.coverId === null ? null : name(run.coverId)});
			}
			return out;
		},
		markOn(sergeantId, date, holderId) {
			const away = awayOn(lookup, sergeantId, date);
			if (!away) return null;
			const heldByCover = away.coverId !== null && away.coverId === holderId;
			const up = heldByCover ? nextUpFor(data, holderId) : undefined;
			return {
				coverId: away.coverId,
				cover: away.coverId === null ? null : name(away.coverId),
				reviewerDueId: up?.id ?? null,
				reviewerDue: up ? name(up.id) : null,
				heldByCover,
			};
		},
	};
}

/**
 * "away, cover DC Helen Marsh", "away, no cover", or, for a case the cover held, whose review it was
 * ("away; DC Helen Marsh holds it: DI Rachel Okafor's", QA 9 D3): how a late or missed review's mark
 * reads in every renderer.
 */
export function awayMarkWords(m: AwayMark | null): string {
	if (m === null) return '';
	if (m.cover === null) return 'away, no cover';
	if (m.heldByCover) return `away; ${m.cover} holds it: ${m.reviewerDue === null ? "an independent supervisor's" : `${m.reviewerDue}'s`}`;
	return `away, cover ${m.cover}`;
}
