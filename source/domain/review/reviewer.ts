/**
 * Who signs a review made at this desk: the team's sergeant, or, while the sergeant is away with a
 * cover named, the cover (the source case: nobody took the absent sergeant's reviews on). The store
 * has no user accounts; the team's supervision arrangement is the identity.
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
