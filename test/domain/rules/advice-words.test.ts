/**
 * What the rules advise reads true (QA items on the advice): after a "not now" the way says what happens
 * next, not "record a decision"; a date due before the problem began reads in order; the workload advice
 * names only what fortnight records; the inspector reviews an escalated trigger with whoever is there.
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {whenWords} from '../../../source/export/problems-text.js';
import {loadDemo, TODAY} from '../review/fixtures.js';
import {chainOf, decision, problem, store} from './fixture.js';

const concern = (date: string) => ({id: `c-${date}`, officerId: 'o1', date, by: 's1', text: 'Missed a deadline.', caseRef: null});

describe('advice on a trigger answered "not now"', () => {
	it('INFO says nothing more is to be recorded now, when it comes back and who decides then', () => {
		const once = store({
			concerns: [concern('2026-03-01'), concern('2026-04-20')],
			chain: chainOf([decision('o1', '2026-04-25', 'not-now')]),
		});
		const p = problem(once, '2026-05-10', 'performance-trigger:o1')!;
		expect(p.severity).toBe('info');
		expect(p.resolve!.map(w => w.label)).toEqual([
			'Nothing more to record now ("not now" on 25 Apr): DS Sergeant (or their cover) keeps it under review at DC Dean\'s next ' +
				'supervision and records a new decision when it fires again; another "not now" in a row goes to DI Inspector',
		]);
		expect(p.resolve![0]!.label).not.toMatch(/^Record a decision/);
	});
});

describe('when a problem began and fell due, in date order', () => {
	it('"Due 20 Nov; lapsed since 28 Nov." for lapsed bail; "Since ...; due ..." when due comes later', () => {
		const lapsed = findProblems(loadDemo(), TODAY).find(p => p.id === 'bail-lapsed:CR/54818/26')!;
		expect(whenWords(lapsed, TODAY)).toBe('Due 20 Nov; lapsed since 28 Nov.');
		expect(whenWords({kind: 'review-overdue', since: '2026-11-20', due: '2026-11-19'}, TODAY)).toBe('Due 19 Nov; overdue since 20 Nov.');
		expect(whenWords({kind: 'bail-due', since: '2026-11-21', due: '2026-12-05'}, TODAY)).toBe('Since 21 Nov; due 05 Dec.');
		expect(whenWords({kind: 'workload', since: '2026-07-07', due: undefined}, TODAY)).toBe('Since 07 Jul.');
	});
});

describe('workload advice', () => {
	it('names only what fortnight records (no "record why this load is safe")', () => {
		const p = findProblems(loadDemo(), TODAY).find(x => x.kind === 'workload')!;
		expect(p.action).toBe('Rebalance the caseload: reallocate cases to officers with room until the load is at or under 110%.');
		expect(p.resolve!.map(w => w.way)).toEqual(['reallocate']);
	});
});

describe("the inspector's advice on an escalated trigger", () => {
	it('names the sergeant at work, else the cover acting for them, and never the officer themselves', () => {
		const demo = loadDemo();
		const doyle = findProblems(demo, TODAY).find(p => p.id === 'performance-trigger:o0011')!;
		expect(doyle.action).toBe(
			'DI Okafor: review the evidence with DS Brennan and record a decision (action plan or a reasoned "not now").',
		);
		// DS Brennan away 01-04 Dec with DC Carter covering: Carter's own trigger goes to the inspector, with nobody named beside them.
		const covered = {
			...demo,
			absences: [
				...demo.absences,
				{
					...demo.absences[1]!,
					id: 'ab0005',
					from: '2026-12-01',
					to: '2026-12-04',
					reason: 'annual-leave' as const,
					coverOfficerId: 'o0009',
				},
			],
		};
		const on = '2026-12-01';
		const carter = findProblems(covered, on).find(p => p.id === 'performance-trigger:o0009')!;
		expect(carter.action).toBe('DI Okafor: review the evidence and record a decision (action plan or a reasoned "not now").');
		const ashworth = findProblems(covered, on).find(p => p.id === 'performance-trigger:o0003')!;
		expect(ashworth.action).toContain('review the evidence with DC Carter and');
		expect(ashworth.action).not.toContain('DS Brennan');
	});
});
