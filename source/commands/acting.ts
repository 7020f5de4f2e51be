/**
 * Who is doing what a command records. fortnight has no sign-in yet: the person at the keyboard is
 * taken to be whoever the desk signs reviews as (reviewerFor: the team's sergeant, or the named cover
 * while the sergeant is away), unless the command's --by names someone. Kept in this one function so
 * that a real identity (--as, FORTNIGHT_USER) replaces it in one place.
 */
import type {IsoDate} from '../domain/dates.js';
import type {Officer, StoreData} from '../domain/model.js';
import {reviewerFor} from '../domain/review/reviewer.js';
import {UsageError} from './context.js';
import {officerFlag} from './resolve.js';

export function actingOfficer(data: StoreData, today: IsoDate, by: unknown): Officer {
	if (by !== undefined && by !== '') return officerFlag(data.officers, String(by), '--by');
	const id = reviewerFor(data, today);
	const officer = data.officers.find(o => o.id === id);
	if (!officer) throw new UsageError("The team's sergeant is not in the officer list; say who is recording this with --by.");
	return officer;
}
