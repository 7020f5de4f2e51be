/**
 * No one supervises themselves (README "The guided 14-day review"; docs/rules.md "Reviews the cover
 * cannot do"): nobody reviews a case they hold, decides a performance trigger about themselves, or
 * records their own welfare check-in. The usual way it happens is an investigator named as cover for
 * the sergeant: while acting up, their own cases go to the next person up, the team's inspector, and
 * stay a problem until that person has done it.
 */
import type {Officer, StoreData} from './model.js';
import {shortName} from './people.js';
import {safeText} from './safe-text.js';

/** Who supervises `officerId`'s work when the supervisor on the day cannot: the team's inspector, else the sergeant's line manager. */
export function nextUpFor(data: StoreData, officerId: string): Officer | undefined {
	const byId = (id: string | null | undefined) => (id ? data.officers.find(o => o.id === id) : undefined);
	const candidates = [data.team.inspectorId, byId(data.team.sergeantId)?.supervisorId];
	for (const id of candidates) {
		const o = byId(id);
		if (o && o.id !== officerId) return o;
	}
	return undefined;
}

/** "DI Okafor (the team's inspector)", or a sentence asking for one when the store names nobody. */
export function nextUpWords(data: StoreData, officerId: string): string {
	const up = nextUpFor(data, officerId);
	if (!up) return 'an independent supervisor (the store names no inspector for this team: add one)';
	return `${safeText(shortName(up))}${up.id === data.team.inspectorId ? " (the team's inspector)" : ''}`;
}

export type SelfSupervision = 'review' | 'decide' | 'welfare';

/**
 * One sentence refusing `actorId` to supervise `subjectId` when they are the same person, naming who
 * does it instead; null when the two differ. `caseRef` names the case for a review; `welfareWhat` the
 * welfare event ("welfare check-in", "psychological screening", ...).
 */
export function selfSupervisionRefusal(
	data: StoreData,
	actorId: string,
	subjectId: string,
	what: SelfSupervision,
	caseRef?: string,
	welfareWhat = 'welfare check-in',
): string | null {
	if (actorId !== subjectId) return null;
	const who = safeText(shortName(data.officers.find(o => o.id === actorId)));
	const up = nextUpWords(data, actorId);
	switch (what) {
		case 'review':
			return `${who} holds ${safeText(caseRef ?? 'this case')}, so cannot review it: no one supervises their own cases. The review goes to ${up}.`;
		case 'decide':
			return `${who} cannot decide a performance trigger about themselves. The decision goes to ${up}.`;
		case 'welfare':
			return `${who} cannot record their own ${welfareWhat}. It goes to ${up}.`;
	}
}
