/**
 * Who is at the keyboard, for the records a command makes ("who and when": README, "Acting on a
 * problem"). fortnight has no identity system yet, so until one lands this is the desk's own answer
 * (domain/review/reviewer.ts reviewerFor: the team's sergeant, or the named cover while the sergeant is
 * away). This is the one place an identity flag (--as) replaces.
 */
import type {IsoDate} from '../domain/dates.js';
import type {Officer, StoreData} from '../domain/model.js';
import {reviewerFor} from '../domain/review/reviewer.js';
import {UsageError} from './context.js';

export function actingOfficer(data: StoreData, today: IsoDate): Officer {
	const id = reviewerFor(data, today);
	const officer = data.officers.find(o => o.id === id);
	if (!officer) {
		throw new UsageError(
			`The team's sergeant (${id}) is not in the store's officer list, so fortnight cannot say who is recording this; add the officer first.`,
		);
	}
	return officer;
}
