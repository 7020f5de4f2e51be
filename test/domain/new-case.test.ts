/**
 * newCaseRecord is where a new case gets its starting values (the importer and the generator both use
 * it). It writes each key itself rather than spreading the caller's fields over defaults (an import makes
 * 50,000 of these): these tests hold it to what the spread gave, key order included, since the store file
 * is written in that order.
 */
import {describe, expect, it} from 'vitest';
import {newCaseRecord, type NewCaseFields} from '../../source/domain/new-case.js';
import {CaseSchema, type Case} from '../../source/domain/model.js';
import {BEFORE_HISTORY} from '../../source/domain/case-history.js';

const REQUIRED: NewCaseFields = {
	ref: 'CR/00001/26',
	offence: 'Theft from the person',
	offenceShort: 'Theft from the person',
	risk: 'medium',
	status: 'investigation',
	oicId: 'o0004',
	opened: '2026-10-01',
	nextReviewDue: '2026-11-30',
	allocatedOn: '2026-10-02',
};

/** The key order of a case in the store file: the schema's order (store/migrate.ts places keys in it too). */
const STORE_ORDER = Object.keys(CaseSchema.properties);

describe('newCaseRecord', () => {
	it('gives a case with only the required fields its starting values, keys in the store order', () => {
		const c = newCaseRecord(REQUIRED);
		expect(Object.keys(c)).toEqual(STORE_ORDER);
		expect(c).toEqual({
			...REQUIRED,
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
			allocations: [{officerId: 'o0004', from: '2026-10-02', to: null, by: null, reason: BEFORE_HISTORY.allocation, recordedAt: null}],
			riskHistory: [{risk: 'medium', from: '2026-10-01', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null}],
		});
	});

	it("keeps every value the caller gives, as spreading the caller's fields over the defaults did", () => {
		const given: Case = {
			...newCaseRecord(REQUIRED),
			closedOn: '2026-11-01',
			arrestDate: '2026-10-03',
			bail: {regime: 'pcsc-2022', bailedOn: '2026-10-03', returnDate: '2026-12-20', extensions: [], endedOn: null, suspect: 'AB'},
			rui: {since: '2026-10-03', lastSuspectUpdate: null, suspect: 'AB', endedOn: '2026-10-04'},
			victim: {initials: 'CD', serviceLevel: 'enhanced', reportedOn: '2026-10-01', updates: ['2026-10-05']},
			updates: [{date: '2026-10-06', authorId: 'o0004', text: 'Statement taken'}],
			forensics: [{id: 'f1', item: 'Swab', submitted: '2026-10-07', expected: null, resultOn: null}],
			cps: {mg3Status: 'submitted', mg3Since: '2026-10-08', cpsDueDate: null, courtDate: null},
			materialLocations: ['Property store'],
			allocations: [{officerId: 'o0004', from: '2026-10-02', to: null, by: 'o0003', reason: 'records-system import', recordedAt: null}],
			riskHistory: [{risk: 'medium', from: '2026-10-01', by: 'o0003', reason: 'records-system import', reviewSeq: null}],
		};
		const {ref, offence, offenceShort, risk, status, oicId, opened, nextReviewDue, allocatedOn, ...rest} = given;
		const spread: Case = {...newCaseRecord(REQUIRED), ...rest};
		const made = newCaseRecord(given);
		expect(made).toEqual(given);
		expect(made).toEqual(spread);
		expect(Object.keys(made)).toEqual(STORE_ORDER);
		expect([ref, offence, offenceShort, risk, status, oicId, opened, nextReviewDue, allocatedOn]).toEqual([
			made.ref,
			made.offence,
			made.offenceShort,
			made.risk,
			made.status,
			made.oicId,
			made.opened,
			made.nextReviewDue,
			made.allocatedOn,
		]);
	});

	it('gives each case its own lists, never one shared between cases', () => {
		const a = newCaseRecord(REQUIRED);
		const b = newCaseRecord(REQUIRED);
		for (const key of ['bailEvents', 'updates', 'forensics', 'materialLocations', 'actions', 'allocations', 'riskHistory'] as const)
			expect(a[key]).not.toBe(b[key]);
		expect(a.cps).not.toBe(b.cps);
	});
});
