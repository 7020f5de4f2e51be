/** recordWelfareEvent and the rules it answers: each kind clears its problem; nobody records their own. */
import {describe, expect, it} from 'vitest';
import type {ProblemKind} from '../../source/domain/problem.js';
import {recordWelfareEvent, WELFARE_RECORD_KINDS, WelfareRecordError} from '../../source/domain/welfare-record.js';
import {officer, ofKind, problem, store} from './rules/fixture.js';

const TODAY = '2026-11-30';

/** o1 joined 5 years 2 months ago in an image-exposed role: tenure past the expected move, screening due, check-in due. */
const veteran = () => {
	const dean = officer('o1', {name: 'Dan Dean', joinedUnit: '2021-09-01', imageExposed: true});
	return store({officers: [...store().officers.filter(o => o.id !== 'o1'), dean]});
};
/** n1 joined a month ago: a new starter with a one-to-one due. */
const starter = () => store({officers: [...store().officers, officer('n1', {name: 'Nia New', joinedUnit: '2026-10-01'})]});

describe('recordWelfareEvent', () => {
	const cases: [keyof typeof WELFARE_RECORD_KINDS, () => ReturnType<typeof store>, string, ProblemKind, string][] = [
		['check-in', veteran, 'o1', 'welfare-check-in-due', 'welfare-check-in-due:o1'],
		['screening', veteran, 'o1', 'screening-due', 'screening-due:o1'],
		['tenure-review', veteran, 'o1', 'tenure-review-due', 'tenure-review-due:o1'],
		['one-to-one', starter, 'n1', 'new-starter-one-to-one-due', 'new-starter-one-to-one-due:n1'],
		['questionnaire', veteran, 'o1', 'welfare-check-in-due', 'welfare-check-in-due:o1:questionnaire'],
	];
	for (const [word, make, who, kind, id] of cases) {
		it(`${word} clears ${id}`, () => {
			const data = make();
			expect(problem(data, TODAY, id)?.kind).toBe(kind);
			const r = recordWelfareEvent(data, {officerId: who, kind: WELFARE_RECORD_KINDS[word], date: TODAY, by: 's1'}, TODAY);
			expect(r.event).toEqual({id: 'w00001', officerId: who, date: TODAY, kind: WELFARE_RECORD_KINDS[word], by: 's1', flags: []});
			expect(problem(r.data, TODAY, id)).toBeUndefined();
		});
	}

	it('past the expected move, a tenure review held since the move date clears it for a year; one held before it does not', () => {
		const data = veteran();
		const before = recordWelfareEvent(data, {officerId: 'o1', kind: 'tenure-review', date: '2026-08-31', by: 's1'}, TODAY);
		expect(problem(before.data, TODAY, 'tenure-review-due:o1')?.message).toContain('tenure review held 31 Aug');
		const held = recordWelfareEvent(data, {officerId: 'o1', kind: 'tenure-review', date: '2026-09-02', by: 's1'}, TODAY);
		expect(ofKind(held.data, TODAY, 'tenure-review-due')).toEqual([]);
		expect(ofKind(held.data, '2027-09-01', 'tenure-review-due')).toEqual([]);
		expect(ofKind(held.data, '2027-09-02', 'tenure-review-due')[0]?.severity).toBe('red');
	});

	it('refuses the officer recording their own, naming who records it, and a date after today', () => {
		const data = store();
		expect(() => recordWelfareEvent(data, {officerId: 's1', kind: 'psychological-screening', date: TODAY, by: 's1'}, TODAY)).toThrow(
			"DS Sergeant cannot record their own psychological screening. It goes to DI Inspector (the team's inspector).",
		);
		expect(recordWelfareEvent(data, {officerId: 's1', kind: 'check-in', date: TODAY, by: 'i1'}, TODAY).event.by).toBe('i1');
		const tomorrow = {officerId: 'o1', kind: 'check-in' as const, date: '2026-12-01', by: 's1'};
		expect(() => recordWelfareEvent(data, tomorrow, TODAY)).toThrow(WelfareRecordError);
	});
});
