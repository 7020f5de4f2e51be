/**
 * The supervisory records a change makes, and verify's comparison of the state with them (README,
 * "Signed records"; source/domain/supervisory-records.ts, record-check.ts), in the domain alone.
 */
import {describe, expect, it} from 'vitest';
import {cancelAbsence, changeAbsence, endAbsence} from '../../source/domain/absences.js';
import type {RecordEntry, StoreData} from '../../source/domain/model.js';
import {heldAs, reallocateCase} from '../../source/domain/reallocate.js';
import {checkRecords} from '../../source/domain/record-check.js';
import {SignedNextReviews} from '../../source/domain/signed-next-review.js';
import {recordsOfChange, signRecords} from '../../source/domain/supervisory-records.js';
import {recordWelfareEvent} from '../../source/domain/welfare-record.js';
import {signer} from '../../source/store/chain.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const AT = '2026-11-30T09:00:00.000Z';
const recordsIn = (d: StoreData) => d.chain.filter((e): e is RecordEntry => e.kind === 'record');
const evidence = (d: StoreData, signaturesFrom: string | null = null) => ({
	records: recordsIn(d),
	checkInReviews: new Map(d.chain.flatMap(e => (e.kind === 'review' && e.data.welfareCheckIn ? [[e.seq, e.data] as const] : []))),
	nextReviews: SignedNextReviews.of(d.chain),
	signaturesFrom,
});

describe('recordsOfChange', () => {
	it('tells an absence ended (last day set or brought forward) from one changed, and a cancellation keeps the absence as it was', () => {
		const data = demoData();
		// DC Ashworth's sick leave (from 28 Nov, no end date) ends today.
		const ended = endAbsence(data, 'ab0003', DEMO_TODAY);
		expect(recordsOfChange(data, ended, 'o0002')).toEqual([
			{record: 'absence', by: 'o0002', action: 'ended', absence: ended.absences.find(a => a.id === 'ab0003')},
		]);
		const changed = changeAbsence(data, 'ab0003', {coverOfficerId: 'o0006'}).data;
		expect(recordsOfChange(data, changed, 'o0002').map(r => r.record === 'absence' && r.action)).toEqual(['changed']);
		const cancelled = cancelAbsence(data, 'ab0004', DEMO_TODAY);
		expect(recordsOfChange(data, cancelled.data, 'o0002')).toEqual([
			{record: 'absence', by: 'o0002', action: 'cancelled', absence: cancelled.cancelled},
		]);
	});

	it('a reallocation names who held the case before; a new case and an unchanged store make none', () => {
		const data = demoData();
		const ref = 'CR/87204/26';
		const moved = reallocateCase(data, {
			ref,
			held: heldAs(data, ref),
			toOfficerId: 'o0006',
			on: DEMO_TODAY,
			today: DEMO_TODAY,
			by: 'o0002',
			reason: 'OIC on sick leave',
			recordedAt: AT,
			confirmAway: true,
		}).data;
		const [r, ...more] = recordsOfChange(data, moved, 'o0002');
		expect(more).toEqual([]);
		expect(r).toMatchObject({record: 'reallocation', caseRef: ref, fromOfficerId: 'o0003', allocation: {officerId: 'o0006', by: 'o0002'}});
		expect(r?.record === 'reallocation' && 'to' in r.allocation).toBe(false);
		const added = {...data, cases: [...data.cases, {...data.cases[0]!, ref: 'CR/99999/26'}]};
		expect(recordsOfChange(data, added, 'o0002')).toEqual([]);
		expect(signRecords(data, data, 'o0002', signer, AT)).toBe(data);
	});
});

describe('checkRecords', () => {
	it('counts the records a hashed entry holds, those made before signatures, and skips a review’s own check-in', () => {
		const data = demoData();
		const before = checkRecords(data, evidence(data));
		expect(before.problem).toBeNull();
		expect(before.signed + before.hashedOnly).toBe(0);
		expect(before.beforeSignatures).toBeGreaterThan(0);
		const welfare = recordWelfareEvent(data, {officerId: 'o0003', kind: 'check-in', date: DEMO_TODAY, by: 'o0002'}, DEMO_TODAY);
		const next = signRecords(data, welfare.data, 'o0002', signer, AT);
		const after = checkRecords(next, evidence(next));
		expect(after).toEqual({signed: 0, hashedOnly: 1, beforeSignatures: before.beforeSignatures, problem: null});
	});

	it('a record dated after records began with no entry, or an absence unlike its last record, is a problem', () => {
		const data = demoData();
		const changed = signRecords(data, changeAbsence(data, 'ab0003', {coverOfficerId: 'o0006'}).data, 'o0002', signer, AT);
		expect(checkRecords(changed, evidence(changed)).problem).toBeNull();
		const edited = {...changed, absences: changed.absences.map(a => (a.id === 'ab0003' ? {...a, coverOfficerId: null} : a))};
		expect(checkRecords(edited, evidence(edited)).problem).toMatch(/Absence ab0003 differs from its last signed record/);
		const later = {...data.welfareEvents[0]!, id: 'w-late', date: '2026-12-01'};
		const forged = {...changed, welfareEvents: [...changed.welfareEvents, later]};
		expect(checkRecords(forged, evidence(forged)).problem).toMatch(/Welfare event w-late, recorded 2026-12-01, is not in the chain/);
		// With no record entry and no key enrolled, the same event is only counted.
		const unsigned = {...data, welfareEvents: [...data.welfareEvents, later]};
		expect(checkRecords(unsigned, evidence(unsigned)).problem).toBeNull();
	});
});
