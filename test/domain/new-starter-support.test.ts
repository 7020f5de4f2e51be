/**
 * QA 8 R5: "New starter, old cases" said "Agree support for these cases with the officer and mentor, or
 * reallocate them", but only reallocation could be recorded. A support agreement (a welfare event of kind
 * new-starter-support, docs/rules.md "New starters") names the old cases held that day and the mentor;
 * those cases stop counting, a later one fires again, and only who may record the one-to-one records it.
 */
import {describe, expect, it} from 'vitest';
import {withAllocation} from '../../source/domain/case-history.js';
import type {StoreData} from '../../source/domain/model.js';
import {officerIndex} from '../../source/domain/people.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {whatClearedOfficer} from '../../source/domain/what-cleared.js';
import {recordWelfareEvent, WelfareRecordError, welfareRecordRefusal} from '../../source/domain/welfare-record.js';
import {absence, kase, officer, problem, store} from './rules/fixture.js';

const ID = 'new-starter-old-cases:o1';
const starter = officer('o1', {rank: 'TDC', joinedUnit: '2026-03-01', mentorId: 'm1', name: 'Tia New'});
const mentor = officer('m1', {name: 'Mo Mentor', joinedUnit: '2020-01-01'});
const peer = officer('c1', {name: 'Cal Cover', joinedUnit: '2019-01-01'});
const team = [...store().officers.filter(o => o.id !== 'o1'), starter, mentor, peer];
/** Old from 15 Apr (opened 15 Apr 2025, allocated 10 Mar); CR/30/25 is not old until 01 May. */
const base = (over: Partial<StoreData> = {}) =>
	store({
		officers: team,
		cases: [
			kase('CR/11/25', {opened: '2025-04-15', allocatedOn: '2026-03-10'}),
			kase('CR/30/25', {opened: '2025-05-01', allocatedOn: '2026-03-10'}),
			kase('CR/40/26', {oicId: 'm1', opened: '2026-01-01', allocatedOn: '2026-01-01'}),
		],
		...over,
	});
const agree = (data: StoreData, date: string, by = 's1', today = date) =>
	recordWelfareEvent(data, {officerId: 'o1', kind: 'new-starter-support', date, by}, today);

describe('support agreed for a new starter’s old cases', () => {
	it('fires, is cleared by the agreement for the rest of the new-starter period, and offers both ways', () => {
		const data = base();
		const before = problem(data, '2026-04-16', ID)!;
		expect(before.resolve?.map(w => [w.way, w.command])).toEqual([
			['welfare-record', 'fortnight welfare record "TDC New" --kind new-starter-support'],
			['reallocate', 'fortnight case reallocate REF --to OFFICER --reason TEXT'],
		]);
		const r = agree(data, '2026-04-16');
		expect(r.event).toEqual({
			id: 'w00001',
			officerId: 'o1',
			date: '2026-04-16',
			kind: 'new-starter-support',
			by: 's1',
			caseRefs: ['CR/11/25'],
			mentorId: 'm1',
			flags: [],
		});
		expect(r.summary).toBe(
			'Recorded w00001: new-starter support agreement for TDC New on 16 Apr, by DS Sergeant, covering CR/11/25 (mentor DC Mentor).',
		);
		expect(problem(r.data, '2026-04-16', ID)).toBeUndefined();
		expect(problem(r.data, '2026-04-30', ID)).toBeUndefined();
		// A welfare check-in is not what it is: the check-in rule does not count it.
		expect(findProblems(r.data, '2026-04-16').some(p => p.id === 'welfare-check-in-due:o1')).toBe(
			findProblems(data, '2026-04-16').some(p => p.id === 'welfare-check-in-due:o1'),
		);
		// What cleared it says the agreement, its cases, its mentor and who recorded it.
		expect(whatClearedOfficer({problemId: ID, officerId: 'o1', data: r.data, officerById: officerIndex(r.data), today: '2026-04-20'})).toBe(
			"Support agreed for TDC New's old cases CR/11/25 on 16 Apr (mentor DC Mentor), recorded by DS Sergeant.",
		);
	});

	it('fires again for a case that ages past the line after the agreement, naming only that one', () => {
		const r = agree(base(), '2026-04-16');
		const later = problem(r.data, '2026-05-01', ID)!;
		expect(later.since).toBe('2026-05-01');
		expect(later.evidence.map(e => e.caseRef)).toEqual(['CR/30/25']);
		expect(later.message).toContain(
			'holds 1 case opened over 12 months ago (CR/30/25) besides 1 case with support agreed (CR/11/25); mentor DC Mentor',
		);
		// A second agreement covers it; the first still covers CR/11/25.
		const again = agree(r.data, '2026-05-01');
		expect(again.event.caseRefs).toEqual(['CR/11/25', 'CR/30/25']);
		expect(problem(again.data, '2026-05-02', ID)).toBeUndefined();
	});

	it('fires again for an old case allocated after the agreement, and for one moved away and back', () => {
		const r = agree(base(), '2026-04-16');
		const moved = {
			...r.data,
			cases: [
				...r.data.cases,
				withAllocation(kase('CR/20/24', {oicId: 'm1', opened: '2024-01-01', allocatedOn: '2024-01-01'}), {
					officerId: 'o1',
					from: '2026-04-18',
					by: 's1',
					reason: 'Reallocated',
					recordedAt: '2026-04-18T09:00:00.000Z',
				}),
			],
		};
		expect(problem(moved, '2026-04-18', ID)?.evidence.map(e => e.caseRef)).toEqual(['CR/20/24']);
		// CR/11/25 away to the mentor and back on 20 Apr: a new allocation the agreement did not cover.
		const away = (c: (typeof r.data.cases)[number]) =>
			withAllocation(withAllocation(c, {officerId: 'm1', from: '2026-04-19', by: 's1', reason: 'Cover', recordedAt: null}), {
				officerId: 'o1',
				from: '2026-04-20',
				by: 's1',
				reason: 'Back',
				recordedAt: null,
			});
		const back = {...r.data, cases: r.data.cases.map(c => (c.ref === 'CR/11/25' ? away(c) : c))};
		expect(problem(back, '2026-04-20', ID)?.evidence.map(e => e.caseRef)).toEqual(['CR/11/25']);
	});

	it('an agreement that named a mentor stops covering when the mentor changes; one with no mentor is not undone by naming one', () => {
		const r = agree(base(), '2026-04-16');
		const changed = {...r.data, officers: r.data.officers.map(o => (o.id === 'o1' ? {...o, mentorId: 'c1'} : o))};
		expect(problem(changed, '2026-04-20', ID)?.evidence.map(e => e.caseRef)).toEqual(['CR/11/25']);
		const without = base({officers: team.map(o => (o.id === 'o1' ? {...o, mentorId: null} : o))});
		expect(problem(without, '2026-04-16', ID)?.severity).toBe('red');
		const none = agree(without, '2026-04-16');
		expect(none.event.mentorId).toBeUndefined();
		expect(none.summary).toContain('covering CR/11/25 (no mentor recorded)');
		expect(problem(none.data, '2026-04-16', ID)).toBeUndefined();
		const named = {...none.data, officers: none.data.officers.map(o => (o.id === 'o1' ? {...o, mentorId: 'm1'} : o))};
		expect(problem(named, '2026-04-20', ID)).toBeUndefined();
	});

	it('refuses the officer themselves, a peer (the mentor too), and a cover outside the days they cover', () => {
		const covered = base({absences: [absence('ab1', 's1', '2026-04-10', '2026-04-17', {coverOfficerId: 'c1'})]});
		expect(() => agree(covered, '2026-04-16', 'o1')).toThrow(
			'TDC New cannot record their own new-starter support agreement. It goes to DC Cover (covering DS Sergeant).',
		);
		expect(() => agree(covered, '2026-04-16', 'm1')).toThrow(WelfareRecordError);
		// The cover records it on a day they cover, not the day after their cover ends.
		expect(agree(covered, '2026-04-16', 'c1', '2026-04-18').event.by).toBe('c1');
		expect(welfareRecordRefusal(covered, 'c1', 'o1', 'new-starter-support', '2026-04-18')).toMatch(
			/^DC Cover is not TDC New's line manager on 18 Apr, so cannot record their welfare/,
		);
		expect(agree(covered, '2026-04-18', 's1').event.by).toBe('s1');
	});

	it('refuses an officer who was not a new starter that day, one with no old case, and the same agreement twice', () => {
		const data = base();
		expect(() => agree(data, '2026-04-14')).toThrow(
			'TDC New held no live case opened over 12 months ago on 14 Apr: there is no old case to agree support for.',
		);
		expect(() =>
			recordWelfareEvent(data, {officerId: 'm1', kind: 'new-starter-support', date: '2026-04-16', by: 's1'}, '2026-04-16'),
		).toThrow(
			"DC Mentor is not a new starter on 16 Apr (in the unit since 01 Jan 2020; new for 6 months): a support agreement is for a new starter's old cases.",
		);
		const once = agree(data, '2026-04-16');
		expect(() => agree(once.data, '2026-04-16')).toThrow('A new-starter support agreement for TDC New on 16 Apr is already recorded.');
	});
});
