/**
 * Who supervises the team's reviews on a day: the team's sergeant, or, while the sergeant is away with
 * a cover named, the cover (the source case: nobody took the absent sergeant's reviews on). Used to
 * choose who can act (a new action's default owner), never to say who did something: records carry
 * the person at the keyboard (README "Who you are").
 */
import type {IsoDate} from '../dates.js';
import type {StoreData} from '../model.js';
import {absenceOn, awayOn} from '../people.js';
import {sergeantOn} from '../team-history.js';

/** A named cover who is away that day covers nobody (awayOn): the review is then the sergeant's own. */
export function reviewerFor(data: StoreData, today: IsoDate): string {
	// The sergeant of that day (README "Case history"), else the present one.
	const sergeant = sergeantOn(data.team, today) ?? data.team.sergeantId;
	const away = awayOn((id, date) => absenceOn(data.absences, id, date), sergeant, today);
	return away?.coverId ?? sergeant;
}
