import {describe, expect, it} from 'vitest';
import {AbsenceError, addAbsence, changeAbsence, endAbsence, nextAbsenceId, type NewAbsence} from '../../source/domain/absences.js';
import {demoData} from './handover/fixtures.js';
import {absenceLookup, awayOn, coverAwayDuring} from '../../source/domain/people.js';
import {absenceWords, parseAbsenceReason, REASON_FLAG_WORDS, REASON_WORDS} from '../../source/domain/absence-words.js';

const base: NewAbsence = {
	officerId: 'o0006',
	from: '2026-12-14',
	to: '2026-12-18',
	reason: 'training',
	coverOfficerId: 'o0008',
	recordedBy: 'o0002',
	recordedAt: '2026-11-30T09:00:00.000Z',
};

describe('addAbsence', () => {
	it('adds a new absence with the next id and leaves the input data untouched', () => {
		const data = demoData();
		const before = JSON.stringify(data);
		const {data: next, id} = addAbsence(data, base);
		expect(id).toBe('ab0005');
		expect(next.absences.at(-1)).toEqual({id: 'ab0005', ...base});
		expect(next.absences.length).toBe(data.absences.length + 1);
		expect(JSON.stringify(data)).toBe(before);
	});

	it('refuses an unknown officer, cover or recorder', () => {
		const data = demoData();
		expect(() => addAbsence(data, {...base, officerId: 'o9999'})).toThrow(/No officer with id "o9999"/);
		expect(() => addAbsence(data, {...base, coverOfficerId: 'o9999'})).toThrow(AbsenceError);
		expect(() => addAbsence(data, {...base, coverOfficerId: 'o0006'})).toThrow(/cannot cover their own/);
		expect(() => addAbsence(data, {...base, recordedBy: 'nobody'})).toThrow(AbsenceError);
	});

	it('refuses a first day before the officer joined the unit, as a welfare record does (QA 3 R18); changing it too', () => {
		const data = demoData();
		const iqbal = {...base, officerId: 'o0004', coverOfficerId: null};
		expect(() => addAbsence(data, {...iqbal, from: '1990-01-01', to: '1990-01-02'})).toThrow(
			'DC Iqbal joined the unit on 2024-07-11, after 1990-01-01: check the date.',
		);
		expect(() => addAbsence(data, {...base, officerId: 'o0005', coverOfficerId: null, from: '2020-01-01', to: '2020-01-05'})).toThrow(
			/TDC Whitlock joined the unit on 2026-10-03, after 2020-01-01/,
		);
		expect(addAbsence(data, {...iqbal, from: '2024-07-11', to: '2024-07-12'}).id).toBe('ab0005');
		expect(() => changeAbsence(data, 'ab0003', {from: '2001-01-01'})).toThrow(/DC Ashworth joined the unit on .*, after 2001-01-01/);
	});

	it('refuses impossible dates and a last day before the first', () => {
		const data = demoData();
		expect(() => addAbsence(data, {...base, from: '2026-02-30'})).toThrow(/not a real date/);
		expect(() => addAbsence(data, {...base, to: '2026-13-01'})).toThrow(/not a real date/);
		expect(() => addAbsence(data, {...base, to: '2026-12-13'})).toThrow(/before the first day/);
		expect(addAbsence(data, {...base, to: '2026-12-14'}).data.absences.at(-1)?.to).toBe('2026-12-14');
	});

	it('refuses an absence overlapping another of the same officer, including open-ended ones', () => {
		const data = demoData();
		// DC Lewis Grant (o0007) is on leave 03 to 12 Dec.
		expect(() => addAbsence(data, {...base, officerId: 'o0007', from: '2026-12-12', to: '2026-12-20'})).toThrow(/overlaps: ab0004/);
		expect(() => addAbsence(data, {...base, officerId: 'o0007', from: '2026-11-01', to: null})).toThrow(/overlaps/);
		expect(addAbsence(data, {...base, officerId: 'o0007', from: '2026-12-13', to: '2026-12-20'}).id).toBe('ab0005');
		// DC Ashworth (o0003) is off sick from 28 Nov with no end date: anything later overlaps.
		expect(() => addAbsence(data, {...base, officerId: 'o0003', from: '2027-06-01', to: '2027-06-02'})).toThrow(/overlaps: ab0003/);
		// A different officer on the same days is fine.
		expect(addAbsence(data, {...base, officerId: 'o0009', from: '2026-12-03', to: '2026-12-12'}).id).toBe('ab0005');
	});
});

describe('endAbsence', () => {
	it('sets the last day of an open-ended absence', () => {
		const data = demoData();
		const next = endAbsence(data, 'ab0003', '2026-12-04');
		expect(next.absences.find(a => a.id === 'ab0003')?.to).toBe('2026-12-04');
		expect(data.absences.find(a => a.id === 'ab0003')?.to).toBeNull();
	});

	it('refuses an unknown id, a day before the start, or running into the next absence', () => {
		const data = demoData();
		expect(() => endAbsence(data, 'ab9999', '2026-12-04')).toThrow(/No absence with id/);
		expect(() => endAbsence(data, 'ab0003', '2026-11-27')).toThrow(/before the first day/);
		expect(() => endAbsence(data, 'ab0003', '2026-11-31')).toThrow(/not a real date/);
		// Brennan's May-July absence cannot be stretched into his December one.
		expect(() => endAbsence(data, 'ab0001', '2026-12-15')).toThrow(/overlaps: ab0002/);
	});

	it('numbers ids past the highest one', () => {
		const data = demoData();
		expect(nextAbsenceId({...data, absences: [...data.absences, {...data.absences[0]!, id: 'ab0042'}]})).toBe('ab0043');
	});

	it('never reuses the id of a cancelled absence whose record is in the chain (a calendar may hold its UID)', () => {
		const data = demoData();
		const cancelled = {...data.absences[0]!, id: 'ab0077'};
		const entry = {
			seq: data.chain.length,
			prevHash: '0'.repeat(64),
			hash: '1'.repeat(64),
			signedAt: '2026-11-30T09:00:00.000Z',
			kind: 'record' as const,
			data: {record: 'absence' as const, by: 'o0002', action: 'cancelled' as const, absence: cancelled},
		};
		expect(nextAbsenceId({...data, chain: [...data.chain, entry]})).toBe('ab0078');
		expect(nextAbsenceId(data)).not.toBe('ab0078');
	});
});

describe('a named cover who is away (QA P1-1)', () => {
	// DC Lewis Grant (o0007) is on annual leave 03-12 Dec; DC Marsh (o0006) answers bail on 09 Dec.
	const marsh: NewAbsence = {...base, from: '2026-11-30', to: '2026-12-10', reason: 'annual-leave', coverOfficerId: 'o0007'};

	it('addAbsence refuses a cover away on any day of the absence, saying when and how to go on', () => {
		const data = demoData();
		expect(() => addAbsence(data, marsh)).toThrow(AbsenceError);
		expect(() => addAbsence(data, marsh)).toThrow(
			'DC Grant is away 03-12 Dec (annual leave), during this absence: name another cover, or record the absence in parts so DC Grant covers only days ' +
				'they are at work.',
		);
		// One day of overlap is enough; the days before his leave are fine.
		expect(() => addAbsence(data, {...marsh, to: '2026-12-03'})).toThrow(/DC Grant is away/);
		expect(addAbsence(data, {...marsh, to: '2026-12-02'}).id).toBe('ab0005');
		// Open-ended absences overlap every later absence of the cover.
		expect(() => addAbsence(data, {...marsh, to: null})).toThrow(/DC Grant is away/);
	});

	it('awayOn: who actually covers on a date is nobody while the named cover is away too', () => {
		const data = demoData();
		data.absences.push({id: 'ab0005', ...marsh});
		const lookup = absenceLookup(data.absences);
		expect(awayOn(lookup, 'o0006', '2026-11-29')).toBeUndefined();
		expect(awayOn(lookup, 'o0006', '2026-12-02')).toMatchObject({coverId: 'o0007', coverAway: null});
		const both = awayOn(lookup, 'o0006', '2026-12-09')!;
		expect(both.coverId).toBeNull();
		expect(both.absence.id).toBe('ab0005');
		expect(both.coverAway?.id).toBe('ab0004');
		// No cover named: nobody, and no cover absence to report.
		expect(awayOn(lookup, 'o0003', '2026-12-09')).toMatchObject({coverId: null, coverAway: null});
		expect(coverAwayDuring(data.absences, 'o0007', {from: '2026-11-30', to: '2026-12-10'}).map(a => a.id)).toEqual(['ab0004']);
		expect(coverAwayDuring(data.absences, 'o0008', {from: '2026-11-30', to: '2026-12-10'})).toEqual([]);
	});
});

describe('absence reason words (QA P3-9)', () => {
	it('one list for the desk and the command line; the old desk word still works', () => {
		expect(REASON_FLAG_WORDS).toEqual(['sick', 'annual-leave', 'training', 'restricted-duties', 'other']);
		expect(Object.values(REASON_WORDS)).toEqual(['sick', 'annual leave', 'training', 'restricted duties', 'other']);
		expect(parseAbsenceReason('Annual leave')).toBe('annual-leave');
		expect(parseAbsenceReason('annual-leave')).toBe('annual-leave');
		expect(parseAbsenceReason('restricted duties')).toBe('restricted-duties');
		expect(parseAbsenceReason('other')).toBe('other');
		expect(parseAbsenceReason('away')).toBe('other');
		expect(parseAbsenceReason('flu')).toBeNull();
	});
});

describe('absence words with a cover who is away too', () => {
	it('says the cover is also away when the cover\u2019s absence was recorded afterwards', () => {
		const data = demoData();
		// DC Grant (o0007) is on annual leave 03-12 Dec; DC Marsh (o0006) is away 30 Nov-10 Dec naming him.
		const marsh = {
			id: 'abX',
			officerId: 'o0006',
			from: '2026-11-30',
			to: '2026-12-10',
			reason: 'annual-leave',
			coverOfficerId: 'o0007',
			recordedBy: 'o0002',
			recordedAt: '2026-11-30T09:00:00.000Z',
		} as const;
		const absences = [...data.absences, marsh];
		expect(absenceWords(marsh, data.officers, '2026-11-30', absences)).toBe(
			'annual leave 30 Nov-10 Dec, cover DC Grant (also away 03-12 Dec)',
		);
		// Without the team's absences (or with a cover at work) it reads as before.
		expect(absenceWords(marsh, data.officers, '2026-11-30')).toBe('annual leave 30 Nov-10 Dec, cover DC Grant');
		expect(absenceWords({...marsh, coverOfficerId: 'o0008'}, data.officers, '2026-11-30', absences)).toBe(
			'annual leave 30 Nov-10 Dec, cover DC Shah',
		);
	});
});
