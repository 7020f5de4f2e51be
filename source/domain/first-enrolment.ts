/**
 * A store whose first key enrolment was made by someone other than the team's sergeant or inspector
 * (README "Signatures"): `keys init` now refuses it (permissions.ts mayEnrolFirst), but a store written
 * before that rule may hold one, and `verify` says so. The first enrolment's owner is the store's creator,
 * and every later enrolment must be signed by an enrolled key of the team's inspector or sergeant: when
 * the creator was neither, no one entitled to enrol ever has a key in that chain, so from that entry on
 * the sergeant and the inspector cannot sign (the lock-out mayEnrolFirst prevents).
 */
import type {EnrolmentEntry, StoreData} from './model.js';
import {mayEnrolFirst} from './permissions.js';
import {fullName} from './people.js';
import {safeText} from './safe-text.js';
import {inspectorOn, sergeantOn} from './team-history.js';

/**
 * Why `first` (the chain's first enrolment) should not stand, or null: its owner was not the team's
 * sergeant or inspector on the day it was made (the team's supervision history), and is not one now.
 */
export function firstEnrolmentProblem(data: Pick<StoreData, 'team' | 'officers'>, first: EnrolmentEntry): string | null {
	const owner = first.data.officerId;
	const on = first.data.date;
	if (sergeantOn(data.team, on) === owner || inspectorOn(data.team, on) === owner) return null;
	if (mayEnrolFirst(data as StoreData, owner).ok) return null;
	const name = (id: string | null) => {
		const o = id === null ? undefined : data.officers.find(x => x.id === id);
		return o ? `${safeText(fullName(o))} (${safeText(o.id)})` : safeText(id ?? 'nobody');
	};
	const entitled = [data.team.inspectorId, data.team.sergeantId].filter((id): id is string => id !== null).map(name);
	const who = entitled.length > 0 ? entitled.join(' or ') : "the team's inspector or sergeant";
	return (
		`the store's first key enrolment (entry ${first.seq}, ${on}) was made by ${name(owner)}, who was not the team's sergeant or ` +
		`inspector. Only they may make it: its owner becomes the store's creator, and every later enrolment must be signed by the ` +
		`team's inspector or sergeant, who have no enrolled key in this chain and cannot get one, so from entry ${first.seq} on they ` +
		`cannot sign. To put it right, restore the store from a backup made before entry ${first.seq} (check it with "fortnight ` +
		`verify --head" and the head of the last review log exported before then), then have ${who} run "fortnight keys init" first`
	);
}
