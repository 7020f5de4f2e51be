/**
 * What a reader is told about a case or problem that is still in the store but no longer theirs to read
 * (QA 8 D7): a cover whose cover was changed by another user reads only their own cases from then on
 * (README "Who may read what"), and a desk that reloads must not call a live problem "cleared" or a case
 * "no longer in the store". Said with who supervises the team now and from when, so the reader knows
 * whose it is. Pure: the desk's reload path asks it (ui/editor/case-lines.ts, ui/problem-detail).
 */
import {shortDate, type IsoDate} from './dates.js';
import type {StoreData} from './model.js';
import {absenceLookup, awayOn, shortName} from './people.js';
import {mayReadCase, mayReadOfficer, type ReadScope} from './read-scope.js';
import {safeText} from './safe-text.js';

/** What the tab is about: a case (its ref), or an officer (an officer or supervisor problem). */
export interface TabSubject {
	ref: string | null;
	officerId: string;
}

/**
 * Why `subject` is not shown to a reader with `scope` although the store still holds it, or null when
 * it is readable or gone from the store (then "no longer in the store" or "cleared" is the truth).
 */
export function notYoursToRead(data: StoreData, scope: ReadScope, subject: TabSubject, today: IsoDate): string | null {
	if (scope.kind === 'team') return null;
	const c = subject.ref === null ? undefined : data.cases.find(x => x.ref === subject.ref);
	if (subject.ref !== null) {
		if (!c || mayReadCase(scope, c)) return null;
	} else if (mayReadOfficer(scope, subject.officerId) || !data.officers.some(o => o.id === subject.officerId)) return null;
	const what = subject.ref !== null ? safeText(subject.ref) : 'This problem';
	return `${what} is no longer yours to read: ${whoSupervisesNow(data, scope.officerId, today)}. You read your own cases only.`;
}

/** Who supervises the team today, said from the reader's side: the cover of the sergeant's absence and from when, else the sergeant. */
function whoSupervisesNow(data: StoreData, readerId: string, today: IsoDate): string {
	const sergeant = data.officers.find(o => o.id === data.team.sergeantId);
	const sergeantName = safeText(shortName(sergeant));
	if (!sergeant) return `you supervise nobody in the team on ${shortDate(today, today)}`;
	const lookup = absenceLookup(data.absences);
	const away = awayOn(lookup, sergeant.id, today);
	if (!away) return `${sergeantName} is back and supervises the team`;
	if (away.coverId === null) return `nobody covers ${sergeantName} on ${shortDate(today, today)} (the inspector supervises the team)`;
	if (away.coverId === readerId) return `you do not supervise the team on ${shortDate(today, today)}`;
	// From the first day of the part under way: each part of an absence has one cover (absence-cover.ts).
	const from = away.absence.from;
	return `${safeText(shortName(data.officers.find(o => o.id === away.coverId)))} covers ${sergeantName} from ${shortDate(from, today)}`;
}
