/**
 * The store as the handover reads it on the day asked: its absences as the rules know them that day
 * (docs/rules.md "Reviews while the supervisor is away": "read on a day before a cover change, its later
 * parts (recorded since) are its days as they stood, with the cover of the part before"; README "a replay
 * with --today before that day still does not see it"). QA 8 D9: the handover replayed on 12 Dec named the
 * cover recorded on 14 Dec from 14 Dec, while `problems` and `whoami` on 12 Dec did not.
 */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {absencesAsKnown, knownFrom} from '../rules/context.js';

/**
 * `data` with its absences as known on `today`: a part of an absence recorded after `today` read as the
 * part before it (rules/context.ts absencesAsKnown), and an absence recorded after `today` left out (a rule
 * finds no absence not known that day: knownFrom). The same object when nothing changes, the usual case,
 * so the rules' context made for it is reused.
 */
export function knownOn(data: StoreData, today: IsoDate): StoreData {
	const read = absencesAsKnown(data.absences, today, new Map());
	const known = read.filter(a => knownFrom(a) <= today);
	return known.length === data.absences.length && read === data.absences ? data : {...data, absences: known};
}
