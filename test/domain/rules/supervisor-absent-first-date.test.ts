/**
 * Reviews while the supervisor is away (docs/rules.md): a review already overdue before the absence
 * begins counts as due on its first day, so the first date the problem names stays put from day to day.
 * Counting from today plus the case's cadence walked it forward a day each day (the pattern QA found in
 * the independent review, D-A).
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {demoData} from '../../helpers/demo.js';

/** The demo with DS Brennan's sick leave (ab0002, no cover) starting on 20 Dec instead of 10 Dec. */
function absenceFrom20Dec(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, from: '2026-12-20'} : a))};
}

function supervisorAbsent(data: StoreData, today: string) {
	return findProblems(data, today).find(p => p.kind === 'review-due-supervisor-absent' && p.subject.officerId === 'o0002');
}

describe('reviews due while the supervisor is away, with reviews already overdue', () => {
	it('names the same first date, the absence’s first day, on each day before it starts', () => {
		const data = absenceFrom20Dec();
		const seen = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'].map(today => {
			const p = supervisorAbsent(data, today);
			expect(p, today).toBeDefined();
			return {due: p!.due, first: /the first (\d\d \w{3})/.exec(p!.message)?.[1]};
		});
		expect(
			seen.every(s => s.due === '2026-12-20' && s.first === '20 Dec'),
			JSON.stringify(seen),
		).toBe(true);
	});

	it('once the absence is under way, an overdue review is due that day', () => {
		const p = supervisorAbsent(absenceFrom20Dec(), '2026-12-22');
		expect(p?.due).toBe('2026-12-22');
	});
});
