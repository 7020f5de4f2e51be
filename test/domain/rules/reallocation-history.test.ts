/**
 * Issue 16's scenario: two stale cases move from DC Dean (o1) to DC Baker (o2). Before the case
 * history, Baker's performance trigger appeared backdated months, already on the DI's exception list,
 * for evidence from before Baker had the cases (including an action Dean owned), and Dean's escalated
 * trigger, never decided, vanished. Now evidence belongs to whoever held the case when it arose.
 */
import {describe, expect, it} from 'vitest';
import {addDays, type IsoDate} from '../../../source/domain/dates.js';
import type {Action, StoreData} from '../../../source/domain/model.js';
import {heldAs, reallocateCase} from '../../../source/domain/reallocate.js';
import {findProblems, triggerFor, workloadFor} from '../../../source/domain/rules/index.js';
import {buildLogDocument} from '../../../source/domain/review-log/document.js';
import {defaultPeriod} from '../../../source/domain/review-log/period.js';
import {chainOf, decision, kase, officer, problem, store} from './fixture.js';

const MOVED_ON = '2026-06-01';

/** An action owned by Dean, carried at three reviews in April and May: stalled from 29 Apr. */
function carriedAction(): Action {
	const carried = (date: IsoDate) => ({date, event: 'carried' as const, reviewSeq: null, reason: 'Not started.', by: 's1'});
	return {
		id: 'CR/1/26-a1',
		text: 'Complete the MG3',
		ownerId: 'o1',
		due: '2026-05-13',
		status: 'open',
		createdOn: '2026-03-18',
		startedOn: null,
		carriedCount: 3,
		history: [
			{date: '2026-03-18', event: 'created', reviewSeq: null, reason: null, by: 's1'},
			carried('2026-04-01'),
			carried('2026-04-15'),
			carried('2026-04-29'),
		],
	};
}

const since5Jan = {opened: '2026-01-05', allocatedOn: '2026-01-05'};
const update = (text: string) => ({date: '2026-03-01', authorId: 'o1', text});

/** Dean holds two cases with no crime-report update since 1 Mar (red from 29 Mar) and the stalled action. */
function before(): StoreData {
	return store({
		officers: [
			officer('i1', {rank: 'DI', role: 'inspector', name: 'Ruth Inspector', supervisorId: null}),
			officer('s1', {rank: 'DS', role: 'sergeant', name: 'Sam Sergeant', supervisorId: 'i1'}),
			officer('o1', {name: 'Dan Dean'}),
			officer('o2', {name: 'Bea Baker'}),
		],
		cases: [
			kase('CR/1/26', {
				...since5Jan,
				updates: [update('Statement taken from the witness at her home address.')],
				actions: [carriedAction()],
			}),
			kase('CR/2/26', {...since5Jan, updates: [update('Seized phone booked in to the digital forensics unit.')]}),
		],
	});
}

function moved(data = before()): StoreData {
	let next = data;
	for (const ref of ['CR/1/26', 'CR/2/26']) {
		const recordedAt = `${MOVED_ON}T09:00:00.000Z`;
		const reason = 'Dean moved to the fraud team';
		next = reallocateCase(next, {
			ref,
			held: heldAs(next, ref),
			toOfficerId: 'o2',
			on: MOVED_ON,
			today: MOVED_ON,
			by: 's1',
			reason,
			recordedAt,
		}).data;
	}
	return next;
}

function onDiList(data: StoreData, today: IsoDate): string[] {
	const rules = {problems: findProblems(data, today), trigger: (id: string) => triggerFor(data, id, today)};
	const doc = buildLogDocument(data, {period: defaultPeriod(today), today}, rules);
	return doc.report.sergeants.flatMap(s => s.unresolvedTriggers.filter(t => t.escalated).map(t => t.officerId));
}

describe('reallocation keeps performance-trigger evidence with the officer who held the case', () => {
	it("before the move, Dean's trigger fired on 29 Mar and went to the inspector undecided", () => {
		const p = problem(before(), '2026-05-31', 'performance-trigger:o1')!;
		expect(p.severity).toBe('red');
		expect(p.message).toContain('since 29 Mar');
		expect(p.message).toContain("On DI Inspector's exception list: no decision recorded in 14 days");
		expect(onDiList(before(), '2026-05-31')).toEqual(['o1']);
	});

	it("after the move, Baker has no trigger and is not on the DI's list for evidence from before he had the cases", () => {
		const data = moved();
		for (const day of [MOVED_ON, '2026-06-10', '2026-06-28']) {
			expect(triggerFor(data, 'o2', day).fired, day).toBe(false);
			expect(problem(data, day, 'performance-trigger:o2'), day).toBeUndefined();
			expect(onDiList(data, day), day).not.toContain('o2');
		}
		// The stalled action Dean owned went with the case, but its carries were Dean's.
		const action = data.cases[0]!.actions[0]!;
		expect(action.ownerId).toBe('o2');
		expect(action.history.at(-1)).toMatchObject({event: 'edited', date: MOVED_ON, by: 's1'});
		expect(triggerFor(data, 'o2', '2026-06-10').evidence.some(e => e.type === 'action')).toBe(false);
	});

	it("Baker's own evidence counts from the day he had the cases: red from 29 Jun, not backdated to March", () => {
		const data = moved();
		const t = triggerFor(data, 'o2', '2026-07-05');
		expect(t.fired).toBe(true);
		expect(t.firstFired).toBe(addDays(MOVED_ON, 28));
		expect(t.escalated).toBe(false);
		const p = problem(data, '2026-07-05', 'performance-trigger:o2')!;
		expect(p.severity).toBe('amber');
		expect(p.message).toContain('since 29 Jun');
		expect(onDiList(data, '2026-07-05')).not.toContain('o2');
	});

	it("Dean's escalated trigger stays on the DI's list, with the evidence from his time, until someone decides it", () => {
		const data = moved();
		for (const day of [MOVED_ON, '2026-06-10', '2026-09-01']) {
			const p = problem(data, day, 'performance-trigger:o1')!;
			expect(p.severity, day).toBe('red');
			expect(p.message, day).toContain('since 29 Mar');
			expect(p.evidence.filter(e => e.type === 'case').map(e => e.detail)).toEqual([
				'red for updates since 29 Mar: no crime-report update in the 28 days before, while DC Dean held it (reallocated 01 Jun)',
				'red for updates since 29 Mar: no crime-report update in the 28 days before, while DC Dean held it (reallocated 01 Jun)',
			]);
			expect(p.evidence.some(e => e.type === 'action' && e.detail.includes('Complete the MG3'))).toBe(true);
			expect(onDiList(data, day), day).toContain('o1');
		}
		// The inspector decides on 15 Jun: the matter leaves the list.
		const notNow = decision('o1', '2026-06-15', 'not-now');
		const decided = {...data, chain: chainOf([{...notNow, data: {...notNow.data, by: 'i1'}}])};
		expect(problem(decided, '2026-06-14', 'performance-trigger:o1')?.severity).toBe('red');
		expect(problem(decided, '2026-06-16', 'performance-trigger:o1')).toBeUndefined();
		expect(onDiList(decided, '2026-06-16')).not.toContain('o1');
	});

	it('an explicit escalation stays until decided even when the evidence itself has gone', () => {
		// Dean escalated on 20 May, then brought both cases up to date (no evidence left), and nobody decided.
		const data = before();
		const fresh = (ref: string) => ({date: '2026-05-25', authorId: 'o1', text: `Fresh enquiries on ${ref}.`});
		const cases = data.cases.map(c => ({...c, updates: [...c.updates, fresh(c.ref)], actions: []}));
		const escalate = decision('o1', '2026-05-20', 'escalate');
		const evidence = ['CR/1/26: no update since 2026-03-01'];
		const escalated = {...data, cases, chain: chainOf([{...escalate, data: {...escalate.data, evidence}}])};
		const p = problem(escalated, '2026-06-10', 'performance-trigger:o1')!;
		expect(p.severity).toBe('red');
		expect(p.message).toContain('escalated 20 May and not decided since');
		expect(p.evidence.map(e => e.detail)).toContain('as recorded when escalated: CR/1/26: no update since 2026-03-01');
	});

	it('workload counts the current allocation only', () => {
		const data = moved();
		expect(workloadFor(data, 'o2').liveCases).toBe(2);
		expect(workloadFor(data, 'o1').liveCases).toBe(0);
	});
});

describe('the new-starter rule dates old cases from the day they were allocated to the officer', () => {
	it('flags an old case moved to a new starter from the day of the move, not from when it was first allocated', () => {
		const data = store({
			officers: [
				officer('i1', {rank: 'DI', role: 'inspector', name: 'Ruth Inspector', supervisorId: null}),
				officer('s1', {rank: 'DS', role: 'sergeant', name: 'Sam Sergeant', supervisorId: 'i1'}),
				officer('o1', {name: 'Dan Dean'}),
				officer('n1', {name: 'Nia New', joinedUnit: '2026-05-01', mentorId: 'o1'}),
			],
			cases: [
				kase('CR/9/24', {opened: '2024-03-01', allocatedOn: '2024-03-01', updates: [{...update('Up to date.'), date: '2026-06-20'}]}),
			],
		});
		expect(problem(data, '2026-06-25', 'new-starter-old-cases:n1')).toBeUndefined();
		const move = {ref: 'CR/9/24', toOfficerId: 'n1', on: '2026-06-22', today: '2026-06-25', by: 's1', reason: 'Caseload balance'};
		const next = reallocateCase(data, {...move, held: heldAs(data, move.ref), recordedAt: '2026-06-25T09:00:00.000Z'}).data;
		const p = problem(next, '2026-06-25', 'new-starter-old-cases:n1')!;
		expect(p.since).toBe('2026-06-22');
		expect(p.evidence[0]!.detail).toBe('opened 01 Mar 2024, allocated 22 Jun');
	});
});
