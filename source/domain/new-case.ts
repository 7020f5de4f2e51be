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
	const f = fields;
	// Every key in the store's order, each the caller's value or its starting one. Written out key by key
	// rather than spread over defaults: an import makes 50,000 of these, and a spread copies each case twice.
	// `satisfies Required<Case>`: every key of Case is written here, so nothing the caller gives is left out.
	return {
		ref: f.ref,
		offence: f.offence,
		offenceShort: f.offenceShort,
		risk: f.risk,
		status: f.status,
		oicId: f.oicId,
		opened: f.opened,
		closedOn: f.closedOn ?? null,
		arrestDate: f.arrestDate ?? null,
		bail: f.bail ?? null,
		bailEvents: f.bailEvents ?? [],
		rui: f.rui ?? null,
		victim: f.victim ?? null,
		updates: f.updates ?? [],
		forensics: f.forensics ?? [],
		cps: f.cps ?? {mg3Status: 'not-started', mg3Since: null, cpsDueDate: null, courtDate: null},
		materialLocations: f.materialLocations ?? [],
		actions: f.actions ?? [],
		nextReviewDue: f.nextReviewDue,
		allocatedOn: f.allocatedOn,
		allocations: f.allocations ?? seedAllocations(f),
		riskHistory: f.riskHistory ?? seedRiskHistory(f, []),
	} satisfies Required<Case>;
}
