import {describe, expect, it} from 'vitest';
import {allocationsOf, BEFORE_HISTORY, holderOn, responsibleFrom, riskOn} from '../../source/domain/case-history.js';
import {withAllocation, withRisk} from '../../source/domain/case-history.js';
import {seedRiskHistory, type ReviewRisk} from '../../source/domain/history-seed.js';
import type {Team} from '../../source/domain/model.js';
import {inspectorOn, sergeantOn} from '../../source/domain/team-history.js';
import {kase} from './rules/fixture.js';

const moveTo = (officerId: string, from: string) => ({officerId, from, by: 's1', reason: 'Caseload balance', recordedAt: null});

describe('who held a case on a day', () => {
	const first = kase('CR/1/26', {oicId: 'o1', opened: '2026-01-05', allocatedOn: '2026-01-05'});
	const c = withAllocation(withAllocation(first, moveTo('o2', '2026-03-01')), moveTo('o3', '2026-05-10'));

	it('answers from the allocations, the new officer holding it from the day of the move', () => {
		expect(holderOn(c, '2026-01-04')).toBeNull();
		expect(holderOn(c, '2026-01-05')).toBe('o1');
		expect(holderOn(c, '2026-02-28')).toBe('o1');
		expect(holderOn(c, '2026-03-01')).toBe('o2');
		expect(holderOn(c, '2026-05-09')).toBe('o2');
		expect(holderOn(c, '2026-05-10')).toBe('o3');
		expect(holderOn(c, '2027-01-01')).toBe('o3');
		expect(c.oicId).toBe('o3');
		expect(c.allocatedOn).toBe('2026-05-10');
		expect(c.allocations.map(a => [a.officerId, a.from, a.to])).toEqual([
			['o1', '2026-01-05', '2026-03-01'],
			['o2', '2026-03-01', '2026-05-10'],
			['o3', '2026-05-10', null],
		]);
	});

	it('makes the first recorded holder answer for everything before, later holders from their first day', () => {
		const [first, second, third] = allocationsOf(c);
		expect(responsibleFrom(c, first!)).toBeNull();
		expect(responsibleFrom(c, second!)).toBe('2026-03-01');
		expect(responsibleFrom(c, third!)).toBe('2026-05-10');
	});

	it('reads a hand-built case whose history lags its oicId as held by oicId from allocatedOn, inventing no past', () => {
		const lagging = {...kase('CR/2/26', {oicId: 'o1', allocatedOn: '2026-01-05'}), oicId: 'o9', allocatedOn: '2026-04-01'};
		expect(allocationsOf(lagging).map(a => [a.officerId, a.from, a.to])).toEqual([['o9', '2026-04-01', null]]);
		expect(holderOn(lagging, '2026-02-01')).toBeNull();
	});
});

describe('risk over time', () => {
	it('records a change with who and why, and answers the risk on a day', () => {
		const c = kase('CR/1/26', {risk: 'low', opened: '2026-01-05'});
		const higher = withRisk(c, 'high', {from: '2026-02-10', by: 's1', reason: 'Suspect has access to children', reviewSeq: 4});
		expect(withRisk(higher, 'high', {from: '2026-03-01', by: 's1', reason: 'same', reviewSeq: null})).toBe(higher);
		expect(higher.riskHistory).toEqual([
			{risk: 'low', from: '2026-01-05', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null},
			{risk: 'high', from: '2026-02-10', by: 's1', reason: 'Suspect has access to children', reviewSeq: 4},
		]);
		expect(riskOn(higher, '2026-01-04')).toBeNull();
		expect(riskOn(higher, '2026-02-09')).toBe('low');
		expect(riskOn(higher, '2026-02-10')).toBe('high');
	});

	it('is seeded from the signed reviews: each change with its reviewer, a change outside a review dated by the review that found it', () => {
		type R = ReviewRisk['riskBefore'];
		const r = (seq: number, date: string, riskBefore: R, riskAfter: R, riskRationale: string | null = null): ReviewRisk => ({
			seq,
			date,
			reviewerId: 's1',
			riskBefore,
			riskAfter,
			riskRationale,
		});
		const reviews = [
			r(1, '2026-01-19', 'medium', 'medium'),
			r(5, '2026-02-02', 'medium', 'high', 'Disclosure of contact offending'),
			r(9, '2026-02-09', 'low', 'low'),
			r(12, '2026-02-23', 'low', 'low'),
		];
		const found = (d: string) => `found changed outside a review at the review of ${d} (the day it changed was not recorded)`;
		const after = (d: string) => `changed outside a review after the review of ${d} (the day it changed was not recorded)`;
		expect(seedRiskHistory({risk: 'medium', opened: '2026-01-05'}, reviews)).toEqual([
			{risk: 'medium', from: '2026-01-05', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null},
			{risk: 'high', from: '2026-02-02', by: 's1', reason: 'Disclosure of contact offending', reviewSeq: 5},
			{risk: 'low', from: '2026-02-09', by: null, reason: found('2026-02-09'), reviewSeq: null},
			{risk: 'medium', from: '2026-02-23', by: null, reason: after('2026-02-23'), reviewSeq: null},
		]);
		const only = {risk: 'low', from: '2026-01-05', by: null, reason: BEFORE_HISTORY.risk, reviewSeq: null};
		expect(seedRiskHistory({risk: 'low', opened: '2026-01-05'}, [])).toEqual([only]);
	});
});

describe("the team's sergeant and inspector on a day", () => {
	const team: Team = {
		id: 't',
		name: 'T',
		unit: 'U',
		force: 'F',
		sergeantId: 's2',
		inspectorId: 'i1',
		supervision: [
			{role: 'sergeant', officerId: 's1', from: null, to: '2026-04-01', by: null, reason: BEFORE_HISTORY.team},
			{role: 'sergeant', officerId: 's2', from: '2026-04-01', to: null, by: 'i1', reason: 'Promotion board'},
			{role: 'inspector', officerId: 'i1', from: null, to: null, by: null, reason: BEFORE_HISTORY.team},
		],
	};
	it('names who held the role that day', () => {
		expect(sergeantOn(team, '2025-12-01')).toBe('s1');
		expect(sergeantOn(team, '2026-03-31')).toBe('s1');
		expect(sergeantOn(team, '2026-04-01')).toBe('s2');
		expect(inspectorOn(team, '2020-01-01')).toBe('i1');
	});
	it('falls back to the present holder only when no period of that role is on record', () => {
		expect(sergeantOn({...team, supervision: []}, '2020-01-01')).toBe('s2');
		expect(inspectorOn({...team, inspectorId: null, supervision: []}, '2026-01-01')).toBeNull();
	});
});
