import {describe, expect, it} from 'vitest';
import {buildExceptionReport, hasExceptions} from '../../../source/domain/review-log/exceptions.js';
import {buildLogRows} from '../../../source/domain/review-log/rows.js';
import {awayStore, AWAY_PERIOD, AWAY_TODAY, quietTrigger} from './away-store.js';
import {loadDemo} from './hostile-store.js';

// QA 8 D4: the inspector's log never said that the sergeant was away or who acted.
describe('exception report: the sergeant away and who acted', () => {
	const {data, coverSeq} = awayStore();
	const report = buildExceptionReport(data, buildLogRows(data, AWAY_PERIOD), AWAY_PERIOD, AWAY_TODAY, {
		problems: [],
		trigger: quietTrigger,
	});
	const brennan = report.sergeants.find(s => s.sergeantId === 'o0002')!;

	it('lists an absence kept in parts as one absence, with who covered which days of the period, or nobody', () => {
		expect(brennan.absences).toEqual([
			{
				absenceId: 'ab0002',
				from: '2026-12-10',
				to: '2027-02-04',
				reason: 'sick',
				covers: [
					{from: '2026-12-10', to: '2026-12-11', coverId: 'o0006', cover: 'DC Helen Marsh'},
					{from: '2026-12-12', to: '2026-12-12', coverId: null, cover: null},
					{from: '2026-12-13', to: '2026-12-14', coverId: 'o0008', cover: 'DC Amira Shah'},
				],
			},
		]);
		expect(hasExceptions(brennan)).toBe(true);
	});

	it('names who signed each late review, and who covered the day it fell due', () => {
		const late = brennan.lateReviews.find(r => r.seq === coverSeq)!;
		expect(late).toMatchObject({dueDate: '2026-12-10', date: '2026-12-13', lateDays: 3, reviewerId: 'o0008', reviewer: 'DC Amira Shah'});
		expect(late.dueWhileAway).toEqual({coverId: 'o0006', cover: 'DC Helen Marsh'});
		const others = brennan.lateReviews.filter(r => r.seq !== coverSeq);
		expect(others.length).toBeGreaterThan(0);
		for (const r of others) expect([r.reviewer, r.dueWhileAway]).toEqual(['DS Tom Brennan', null]);
	});

	it("marks each missed review with the cover of the day it fell due, 'no cover' as null, and none on the sergeant's days at work", () => {
		const byDue = (due: string) => brennan.notReviewed.filter(m => m.dueDate === due);
		expect(byDue('2026-12-10').length).toBeGreaterThan(0);
		expect(byDue('2026-12-12').length).toBeGreaterThan(0);
		for (const m of brennan.notReviewed) {
			const expected =
				m.dueDate < '2026-12-10'
					? null
					: m.dueDate <= '2026-12-11'
						? {coverId: 'o0006', cover: 'DC Helen Marsh'}
						: m.dueDate === '2026-12-12'
							? {coverId: null, cover: null}
							: {coverId: 'o0008', cover: 'DC Amira Shah'};
			expect(m.dueWhileAway).toEqual(expected);
		}
	});

	it('says nothing of absences on a sergeant at work all period', () => {
		const demo = loadDemo();
		const period = {from: '2026-11-03', to: '2026-11-30'};
		const r = buildExceptionReport(demo, buildLogRows(demo, period), period, '2026-11-30', {problems: [], trigger: quietTrigger});
		expect(r.sergeants[0]!.absences).toEqual([]);
		expect(r.sergeants[0]!.notReviewed.every(m => m.dueWhileAway === null)).toBe(true);
	});
});
