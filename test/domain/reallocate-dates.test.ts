/**
 * How far back a reallocation may be dated (domain/reallocate-dates.ts; QA: a back-dated `--on` was
 * accepted across signed reviews, so the history said DC Evans held CR/90868/26 from 10 Nov while the
 * review of 13 Nov named DC Iqbal as its OIC). A move may not be dated before the case's last signed
 * review, its actions' history, a bail record or an update by its holder; the refusal names the latest
 * such record and the earliest day allowed.
 */
import {describe, expect, it} from 'vitest';
import {holderOn} from '../../source/domain/case-history.js';
import type {BailEvent, Case, StoreData} from '../../source/domain/model.js';
import {heldAs, reallocateCase, reallocationRefusal, ReallocationError, type ReallocationRequest} from '../../source/domain/reallocate.js';
import {latestHoldingRecord} from '../../source/domain/reallocate-dates.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

const request = (data: StoreData, ref: string, toOfficerId: string, on: string): ReallocationRequest => ({
	ref,
	held: heldAs(data, ref),
	toOfficerId,
	on,
	today: DEMO_TODAY,
	by: 'o0002',
	reason: 'backdated move',
	recordedAt: '2026-11-30T09:00:00Z',
});

/** The refusal of the move, checked to be thrown by reallocateCase too and to be about the date. */
function refused(data: StoreData, r: ReallocationRequest): string {
	const refusal = reallocationRefusal(data, r);
	expect(refusal).not.toBeNull();
	expect(refusal!.about).toBe('on');
	expect(refusal!.confirmable).toBe(false);
	expect(() => reallocateCase(data, r)).toThrow(ReallocationError);
	return refusal!.message;
}

// DC Iqbal's (o0004) CR/78730/26: held since 01 Jan; its last signed review is of 23 Nov (entry 577), which created action a15.
const CASE = 'CR/78730/26';

/** The demo with CR/78730/26 stripped of every record that holds a move back, and `change` made to it. */
function bare(change: (c: Case) => Case = c => c): StoreData {
	const data = demoData();
	const chain = data.chain.filter(e => e.kind !== 'review' || e.data.caseRef !== CASE);
	const cases = data.cases.map(c => (c.ref === CASE ? change({...c, actions: [], bailEvents: [], updates: []}) : c));
	return {...data, chain, cases};
}

const bail = (on: string): BailEvent => ({
	event: 'extended',
	on,
	returnDateBefore: '2026-11-20',
	returnDate: '2026-12-20',
	authority: 'inspector',
	periodEnd: '2026-12-20',
	authorisedBy: 'DI Rachel Okafor',
	rank: 'DI',
	recordedBy: 'o0002',
	recordedAt: `${on}T10:00:00Z`,
});

describe('a reallocation dated in the past', () => {
	it('QA reproduction 1: CR/90868/26 to DC Evans from 10 Nov is refused, naming the latest record and the earliest day', () => {
		const data = demoData();
		// Its signed review of 13 Nov names DC Iqbal; DC Iqbal's own update of 23 Nov is later still.
		expect(refused(data, request(data, 'CR/90868/26', 'o0010', '2026-11-10'))).toBe(
			"CR/90868/26 cannot be moved from 10 Nov: DC Iqbal's update of 23 Nov was recorded while DC Iqbal held it, " +
				"and the case's history may not contradict it. The earliest date allowed is 23 Nov.",
		);
		expect(refused(data, request(data, 'CR/90868/26', 'o0010', '2026-11-22'))).toContain('The earliest date allowed is 23 Nov.');
		expect(reallocationRefusal(data, request(data, 'CR/90868/26', 'o0010', '2026-11-23'))).toBeNull();
	});

	it('QA reproduction 2: CR/78730/26 to DC Carter from 01 Nov is refused across the signed review of 23 Nov (entry 577)', () => {
		const data = demoData();
		expect(refused(data, request(data, CASE, 'o0009', '2026-11-01'))).toBe(
			'CR/78730/26 cannot be moved from 01 Nov: its signed review of 23 Nov (entry 577, OIC DC Iqbal) was recorded while ' +
				"DC Iqbal held it, and the case's history may not contradict it. The earliest date allowed is 23 Nov.",
		);
		// On the review's day the move goes through (the case passes that day, after the review), and the
		// history then never gives the case to DC Carter on a day a signed review says DC Iqbal held it.
		const {data: next} = reallocateCase(data, request(data, CASE, 'o0009', '2026-11-23'));
		const moved = next.cases.find(c => c.ref === CASE)!;
		for (const e of next.chain) {
			if (e.kind === 'review' && e.data.caseRef === CASE && e.data.date < '2026-11-23')
				expect(holderOn(moved, e.data.date)).toBe(e.data.oicId);
		}
		// Its action created at that review moves with the case the same day: its history stays in order.
		const a15 = moved.actions.find(a => a.id === 'CR/78730/26-a15')!;
		expect(a15.history.map(h => [h.date, h.event])).toEqual([
			['2026-11-23', 'created'],
			['2026-11-23', 'edited'],
		]);
	});

	it('worked as a day before its latest record (--today set back), the refusal names no earliest day the next rule refuses (REVIEW 6 D6)', () => {
		const data = demoData();
		const back = {...request(data, CASE, 'o0009', '2026-11-20'), today: '2026-11-20'};
		expect(refused(data, back)).toBe(
			'CR/78730/26 cannot be moved from 20 Nov: its signed review of 23 Nov (entry 577, OIC DC Iqbal) was recorded while ' +
				"DC Iqbal held it, and the case's history may not contradict it. It is dated after today (20 Nov), so no move of it can be recorded as of today.",
		);
	});

	it('with none of those records, a move may go back to the start of the current allocation', () => {
		const data = bare();
		expect(
			latestHoldingRecord(
				data,
				data.cases.find(c => c.ref === CASE)!,
				DEMO_TODAY,
			),
		).toBeNull();
		expect(reallocationRefusal(data, request(data, CASE, 'o0009', '2026-01-01'))).toBeNull();
		// Before it, the current allocation's own refusal, also about the date.
		const before = reallocationRefusal(data, request(data, CASE, 'o0009', '2025-12-31'))!;
		expect(before.message).toBe('CR/78730/26 has been held by DC Iqbal since 01 Jan: the move cannot be dated before that.');
		expect(before.about).toBe('on');
	});

	it('each kind of record holds the move back to its day: a review, a bail record, an action event, an update by the holder', () => {
		const review = demoData().chain.find(e => e.kind === 'review' && e.data.caseRef === CASE && e.data.date === '2026-11-23')!;
		const cases: [string, StoreData, string][] = [
			['review', {...bare(), chain: [...bare().chain, review]}, 'its signed review of 23 Nov (entry 577, OIC DC Iqbal)'],
			['bail', bare(c => ({...c, bailEvents: [bail('2026-11-19')]})), 'its bail record of 19 Nov (extension, by DS Brennan)'],
			[
				'action',
				bare(c => ({
					...c,
					actions: [
						{
							id: 'CR/78730/26-x1',
							text: 'Chase the lab',
							ownerId: 'o0004',
							due: '2026-12-01',
							status: 'done',
							createdOn: '2026-10-01',
							startedOn: null,
							carriedCount: 1,
							history: [
								{date: '2026-10-01', event: 'created', reviewSeq: null, reason: null, by: 'o0002'},
								{date: '2026-11-17', event: 'carried', reviewSeq: null, reason: 'lab slow', by: 'o0002'},
							],
						},
					],
				})),
				'its action CR/78730/26-x1 (carried over 17 Nov by DS Brennan)',
			],
			[
				'update',
				bare(c => ({...c, updates: [{date: '2026-11-12', authorId: 'o0004', text: 'Spoke to the lab.'}]})),
				"DC Iqbal's update of 12 Nov",
			],
		];
		for (const [kind, data, words] of cases) {
			const c = data.cases.find(x => x.ref === CASE)!;
			const latest = latestHoldingRecord(data, c, DEMO_TODAY)!;
			expect(latest.words, kind).toBe(words);
			expect(refused(data, request(data, CASE, 'o0009', '2026-11-01')), kind).toContain(`: ${words} was recorded while DC Iqbal held it,`);
			expect(refused(data, request(data, CASE, 'o0009', '2026-11-01')), kind).toMatch(/The earliest date allowed is \d\d Nov\.$/);
			expect(reallocationRefusal(data, request(data, CASE, 'o0009', latest.on)), kind).toBeNull();
		}
	});

	it("an update by anyone but the holder does not hold it back (the incoming officer's own work says nothing against the move)", () => {
		const data = bare(c => ({
			...c,
			updates: [
				{date: '2026-11-20', authorId: 'o0009', text: 'Took over the enquiries.'},
				{date: '2026-11-21', authorId: 'o0002', text: 'Supervisor note.'},
			],
		}));
		expect(reallocationRefusal(data, request(data, CASE, 'o0009', '2026-11-01'))).toBeNull();
	});

	it('of records on one day the signed review is named; of several reviews the latest', () => {
		const data = demoData();
		// CR/78730/26 on 23 Nov: the review (entry 577) and the action it created (a15): the review is named.
		const latest = latestHoldingRecord(
			data,
			data.cases.find(c => c.ref === CASE)!,
			DEMO_TODAY,
		)!;
		expect(latest.on).toBe('2026-11-23');
		expect(latest.words).toBe('its signed review of 23 Nov (entry 577, OIC DC Iqbal)');
		// It has earlier reviews too: the latest is the one named.
		const reviews = data.chain.filter(e => e.kind === 'review' && e.data.caseRef === CASE);
		expect(reviews.length).toBeGreaterThan(1);
	});

	it('in a year before today the date says its year', () => {
		const data = bare(c => ({...c, updates: [{date: '2026-11-12', authorId: 'o0004', text: 'Spoke to the lab.'}]}));
		const message = reallocationRefusal(data, {...request(data, CASE, 'o0009', '2026-11-01'), today: '2027-01-05'})!.message;
		expect(message).toContain("cannot be moved from 01 Nov 2026: DC Iqbal's update of 12 Nov 2026");
		expect(message).toContain('The earliest date allowed is 12 Nov 2026.');
	});
});
