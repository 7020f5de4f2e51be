/**
 * Which of the Team view's absence keys the person at the desk may not use on an officer's row (README
 * "Who may change absences and cover": the keys offered follow what the person may do). The answers are
 * the domain's (permissions.ts), on the absence each key would act on, as the keys themselves ask them
 * (desk-absences.ts, desk-records.ts): a key refused here is not offered on the row or in the status bar,
 * and still says why if it is pressed anyway. A key with nothing to act on (no absence to end or cancel)
 * is not refused here: pressing it says there is nothing.
 */
import {absenceOn} from '../../domain/people.js';
import {mayActOnAbsence, mayChangeAbsence} from '../../domain/permissions.js';
import type {IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';

export type AbsenceKey = 'absence-add' | 'absence-change' | 'absence-cancel' | 'absence-end';

/** The absence keys `actorId` may not use on `officerId`'s row on `today` (none when nobody is named). */
export function refusedOnRow(data: StoreData, actorId: string | null, officerId: string, today: IsoDate): ReadonlySet<AbsenceKey> {
	const refused = new Set<AbsenceKey>();
	if (actorId === null) return refused;
	if (!mayChangeAbsence(data, actorId, 'add', null, {officerId, coverOfficerId: null}, today).ok) refused.add('absence-add');
	for (const [key, act, id] of absenceActs(data, officerId, today))
		if (id !== undefined && !mayActOnAbsence(data, actorId, act, id, today).ok) refused.add(key);
	return refused;
}

/**
 * The absence each key acts on: E the current one, C the next not started, c the current or else the next
 * (undefined when there is none).
 */
function absenceActs(data: StoreData, officerId: string, today: IsoDate): [AbsenceKey, 'end' | 'cancel' | 'change', string | undefined][] {
	const current = absenceOn(data.absences, officerId, today);
	// A later part of an absence under way (absence-cover.ts, partOf) is not an absence to come.
	const next = data.absences
		.filter(a => a.officerId === officerId && a.from > today && a.partOf === undefined)
		.sort((a, b) => a.from.localeCompare(b.from))[0];
	return [
		['absence-end', 'end', current?.id],
		['absence-cancel', 'cancel', next?.id],
		['absence-change', 'change', (current ?? next)?.id],
	];
}

/** The keys among change and cancel that have an absence to act on, on `officerId`'s row (QA 8 R10: the row offers them). */
export function actionableOnRow(data: StoreData, officerId: string, today: IsoDate): ReadonlySet<AbsenceKey> {
	return new Set(absenceActs(data, officerId, today).flatMap(([key, , id]) => (id !== undefined && key !== 'absence-end' ? [key] : [])));
}
