/**
 * A case as fortnight first records it: no bail, RUI or victim yet, no updates, forensics or actions,
 * MG3 not started. The importer and the generator both start from this, so a new field of Case gets
 * its starting value in one place.
 */
import type {Case} from './model.js';

export type NewCaseFields = Pick<Case, 'ref' | 'offence' | 'offenceShort' | 'risk' | 'status' | 'oicId' | 'opened' | 'nextReviewDue' | 'allocatedOn'> & Partial<Case>;

export function newCaseRecord(fields: NewCaseFields): Case {
	const {ref, offence, offenceShort, risk, status, oicId, opened, nextReviewDue, allocatedOn, ...rest} = fields;
	// Every key in the store's order, then the caller's other values over them (spreading keeps the order).
	return {
		ref,
		offence,
		offenceShort,
		risk,
		status,
		oicId,
		opened,
		closedOn: null,
		arrestDate: null,
		bail: null,
		bailEvents: [],
		rui: null,
		victim: null,
		updates: [],
		forensics: [],
		cps: {mg3Status: 'not-started', mg3Since: null, cpsDueDate: null, courtDate: null},
		materialLocations: [],
		actions: [],
		nextReviewDue,
		allocatedOn,
		...rest,
	};
}
