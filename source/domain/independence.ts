/**
 * No one supervises themselves (README "The guided 14-day review"; docs/rules.md "Reviews the cover
 * cannot do"): nobody reviews a case they hold, decides a performance trigger about themselves, or
 * records their own welfare check-in. The usual way it happens is an investigator named as cover for
 * the sergeant: while acting up, their own cases go to the next person up, the team's inspector, and
 * stay a problem until that person has done it.
 */
import type {IsoDate} from './dates.js';
import type {Officer, StoreData} from './model.js';
import {absenceLookup, awayOn, shortName} from './people.js';
// permissions.ts imports this file too: only functions cross, called after both have loaded.
import {lineManagerOf} from './permissions.js';
import {safeText} from './safe-text.js';

/**
 * Who supervises `officerId`'s work when the supervisor on the day cannot: the team's inspector, else the
 * sergeant's line manager; for an inspector, their own line manager when the store records one.
 */
export function nextUpFor(data: StoreData, officerId: string): Officer | undefined {
	const byId = (id: string | null | undefined) => (id ? data.officers.find(o => o.id === id) : undefined);
	const candidates = [data.team.inspectorId, byId(data.team.sergeantId)?.supervisorId];
	const self = byId(officerId);
	if (self?.role === 'inspector') candidates.push(self.supervisorId);
	for (const id of candidates) {
		const o = byId(id);
		if (o && o.id !== officerId) return o;
	}
	return undefined;
}

/**
 * "DI Okafor (the team's inspector)", or a sentence asking for one when the store names nobody. When
 * the officer is the team's inspector and nobody above them is recorded, it says so: never that the
 * store names no inspector when it does.
 */
export function nextUpWords(data: StoreData, officerId: string): string {
	const up = nextUpFor(data, officerId);
	if (!up) {
		const inspector = data.officers.find(o => o.id === data.team.inspectorId);
		if (inspector) {
			return `an independent supervisor above ${safeText(shortName(inspector))} (the store records nobody above the team's inspector)`;
		}
		return 'an independent supervisor (the store names no inspector for this team: add one)';
	}
	return `${safeText(shortName(up))}${up.id === data.team.inspectorId ? " (the team's inspector)" : ''}`;
}

/**
 * Whether anyone in the store can supervise `officerId`'s own cases: their line manager, or the next
 * person up. A case moved to an officer nobody supervises (the team's inspector when no one above them
 * is recorded) could never be reviewed (docs/rules.md "Reviews the cover cannot do": a review is a
 * second pair of eyes), so reallocation refuses it (permissions.ts mayReallocate).
 */
export function hasSupervisor(data: StoreData, officerId: string): boolean {
	return lineManagerOf(data, officerId) !== undefined || nextUpFor(data, officerId) !== undefined;
}

/**
 * Who an officer's own case or welfare goes to on `date` (DOMAIN "People and permissions", README "Who
 * you are"): their line manager; on the manager's days away, the cover named for them (unless that is the
 * officer, acting up: then the next person up); with nobody covering, the next person up. Without a date,
 * the manager "or the cover named while they are away", as the bail refusal says.
 */
export function ownWorkGoesTo(data: StoreData, officerId: string, date?: IsoDate): string {
	const manager = lineManagerOf(data, officerId);
	if (!manager) return nextUpWords(data, officerId);
	const managerName = safeText(shortName(manager)) + (manager.id === data.team.inspectorId ? " (the team's inspector)" : '');
	if (date === undefined) return `${managerName} (or the cover named while they are away)`;
	const away = awayOn(absenceLookup(data.absences), manager.id, date);
	if (!away) return managerName;
	if (away.coverId !== null && away.coverId !== officerId) {
		return `${safeText(shortName(data.officers.find(o => o.id === away.coverId)))} (covering ${managerName})`;
	}
	return nextUpWords(data, officerId);
}

export type SelfSupervision = 'review' | 'decide' | 'welfare';

/**
 * One sentence refusing `actorId` to supervise `subjectId` when they are the same person, naming who
 * does it instead (who supervises them on `date`: ownWorkGoesTo); null when the two differ. `caseRef` names the case for a review; `welfareWhat` the
 * welfare event ("welfare check-in", "psychological screening", ...).
 */
export function selfSupervisionRefusal(
	data: StoreData,
	actorId: string,
	subjectId: string,
	what: SelfSupervision,
	caseRef?: string,
	welfareWhat = 'welfare check-in',
	date?: IsoDate,
): string | null {
	if (actorId !== subjectId) return null;
	const who = safeText(shortName(data.officers.find(o => o.id === actorId)));
	const up = ownWorkGoesTo(data, actorId, date);
	switch (what) {
		case 'review':
			return `${who} holds ${safeText(caseRef ?? 'this case')}, so cannot review it: no one supervises their own cases. The review goes to ${up}.`;
		case 'decide':
			return `${who} cannot decide a performance trigger about themselves. The decision goes to ${up}.`;
		case 'welfare':
			return `${who} cannot record their own ${welfareWhat}. It goes to ${up}.`;
	}
}
