/**
 * A case as fortnight first records it: no bail, RUI or victim yet, no updates, forensics or actions,
 * MG3 not started. The importer and the generator both start from this, so a new field of Case gets
 * its starting value in one place. Its history starts with the officer from allocatedOn and the risk
 * from the day it opened, unless the caller gives its own (the importer says who and why).
 */
import {seedAllocations, seedRiskHistory} from './history-seed.js';
import type {Case} from './model.js';

export type NewCaseFields = Pick<
	Case,
	'ref' | 'offence' | 'offenceShort' | 'risk' | 'status' | 'oicId' | 'opened' | 'nextReviewDue' | 'allocatedOn'
> &
	Partial<Case>;

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
		allocations: seedAllocations({oicId, allocatedOn}),
		riskHistory: seedRiskHistory({risk, opened}, []),
		...rest,
	};
}
