import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {
	heldAs,
	reallocateCase,
	reallocationChoices,
	reallocationRefusal,
	ReallocationError,
	type ReallocationRequest,
} from '../../source/domain/reallocate.js';
import type {Absence} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {validateStore} from '../../source/store/validate.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {demoData} from '../helpers/demo.js';

// CR/87204/26: DC Ashworth (o0003, on sick leave from 28 Nov with no cover), bail return 02 Dec.
const REF = 'CR/87204/26';
const request = (over: Partial<ReallocationRequest> = {}): ReallocationRequest => ({
	ref: REF,
	held: heldAs(demoData(), over.ref ?? REF),
	toOfficerId: 'o0006',
	on: DEMO_TODAY,
	today: DEMO_TODAY,
	by: 'o0002',
	reason: 'OIC on sick leave; bail due 02 Dec',
	recordedAt: '2026-11-30T09:00:00Z',
	...over,
});

function refusal(data: StoreData, over: Partial<ReallocationRequest>): ReallocationError {
	const r = reallocationRefusal(data, request(over));
	expect(r).not.toBeNull();
	expect(() => reallocateCase(data, request(over))).toThrow(ReallocationError);
	return r!;
}

describe('reallocating a case', () => {
	it("records the move with who, when and why, moves the outgoing officer's open actions, and clears the no-cover bail alarm", () => {
		const data = demoData();
		const alarm = `bail-officer-absent:${REF}`;
		expect(findProblems(data, DEMO_TODAY).some(p => p.id === alarm)).toBe(true);
		const before = data.cases.find(c => c.ref === REF)!;
		const {data: next, fromOfficerId, movedActions} = reallocateCase(data, request());
		const after = next.cases.find(c => c.ref === REF)!;
		expect(fromOfficerId).toBe('o0003');
		expect(after.oicId).toBe('o0006');
		expect(after.allocatedOn).toBe(DEMO_TODAY);
		expect(after.allocations).toEqual([
			{...before.allocations[0], to: DEMO_TODAY},
			{officerId: 'o0006', from: DEMO_TODAY, to: null, by: 'o0002', reason: request().reason, recordedAt: request().recordedAt},
		]);
		const open = before.actions.filter(a => a.ownerId === 'o0003' && (a.status === 'open' || a.status === 'in-progress')).map(a => a.id);
		expect(open.length).toBeGreaterThan(0);
		expect(movedActions).toEqual(open);
		for (const a of after.actions.filter(x => open.includes(x.id))) {
			expect(a.ownerId).toBe('o0006');
			const reason = 'moved with the case (reallocated: OIC on sick leave; bail due 02 Dec)';
			expect(a.history.at(-1)).toEqual({date: DEMO_TODAY, event: 'edited', reviewSeq: null, reason, by: 'o0002'});
		}
		expect(validateStore(next)).toBeNull();
		expect(data.cases.find(c => c.ref === REF)).toBe(before); // the input is never changed
		expect(findProblems(next, DEMO_TODAY).some(p => p.id === alarm)).toBe(false);
	});

	it("accepts an earlier day back to the case's latest record of its holder at work, and an officer away whose cover is at work", () => {
		const data = demoData();
		// Its last signed review, 11 Nov (reallocate-dates.test.ts has the rule): that day, not the day before.
		expect(reallocationRefusal(data, request({on: '2026-11-11'}))).toBeNull();
		expect(reallocationRefusal(data, request({on: '2026-11-10'}))?.about).toBe('on');
		// DC Grant (o0007) is on annual leave 03-12 Dec with DC Shah covering.
		expect(reallocationRefusal(data, request({toOfficerId: 'o0007', on: '2026-12-05', today: '2026-12-05'}))).toBeNull();
	});

	it('refuses each wrong request with a sentence saying why', () => {
		const data = demoData();
		const check = 'Check the crime reference ("fortnight problems" lists them).';
		expect(refusal(data, {ref: 'CR/00000/26'}).message).toBe(`There is no case CR/00000/26 in this store. ${check}`);
		const closed = {...data, cases: data.cases.map(c => (c.ref === REF ? {...c, status: 'closed' as const, closedOn: '2026-11-20'} : c))};
		expect(refusal(closed, {}).message).toBe('CR/87204/26 is closed (20 Nov), so it is not reallocated; its history stays as it was.');
		const held = 'CR/87204/26 is already held by DC Ashworth (since 14 Jan); choose another officer.';
		expect(refusal(data, {toOfficerId: 'o0003'}).message).toBe(held);
		expect(refusal(data, {toOfficerId: 'nobody'}).message).toBe('No officer with id "nobody" in this team.');
		expect(refusal(data, {by: 'nobody'}).message).toBe('No officer with id "nobody" to record this as.');
		expect(refusal(data, {reason: '   '}).message).toBe('Say why the case is moving (the reason is kept in its history).');
		expect(refusal(data, {reason: 'x'.repeat(2001)}).message).toBe('The reason is 2001 characters; the limit is 2000.');
		const early = 'CR/87204/26 has been held by DC Ashworth since 14 Jan: the move cannot be dated before that.';
		expect(refusal(data, {on: '2026-01-13'}).message).toBe(early);
		const later = 'The move is dated 01 Dec, after today (30 Nov): record it on the day it happens.';
		expect(refusal(data, {on: '2026-12-01'}).message).toBe(later);
		const left = {...data, officers: data.officers.map(o => (o.id === 'o0006' ? {...o, leftUnit: '2026-11-01'} : o))};
		expect(refusal(left, {}).message).toBe('DC Marsh left the unit on 01 Nov.');
		const joining = {...data, officers: data.officers.map(o => (o.id === 'o0006' ? {...o, joinedUnit: '2026-12-01'} : o))};
		expect(refusal(joining, {}).message).toBe('DC Marsh joins the unit on 01 Dec, after 30 Nov.');
	});

	it('asks for confirmation before moving a case to someone away with nobody covering, and moves it once confirmed', () => {
		const data = demoData();
		// DC Marsh's case to DC Ashworth, who is on sick leave from 28 Nov with no cover named.
		const move = {ref: 'CR/62757/26', toOfficerId: 'o0003'};
		const r = refusal(data, move);
		expect(r.confirmable).toBe(true);
		const away = 'DC Ashworth is on sick leave from 28 Nov and no cover is named on 30 Nov: the case would sit with nobody to act on it.';
		expect(r.message).toBe(away);
		// Not confirmable when something else is wrong too: the other refusal comes first.
		expect(refusal(data, {...move, reason: ''}).confirmable).toBe(false);
		const {data: next} = reallocateCase(data, request({...move, confirmAway: true}));
		expect(next.cases.find(c => c.ref === 'CR/62757/26')!.oicId).toBe('o0003');
		// Away on the day of the move though back today is refused the same way.
		const back = {...data, absences: data.absences.map(a => (a.officerId === 'o0003' ? {...a, to: '2026-11-29'} : a))};
		expect(refusal(back, {...move, on: '2026-11-28'}).message).toContain('no cover is named on 28 Nov');
		expect(reallocationRefusal(back, request({...move, on: '2026-11-30'}))).toBeNull();
	});

	describe('to an officer away on a date the case needs its OIC (QA 6 D2)', () => {
		// CR/67540/25: DC Ashworth off sick with nobody covering, bail return 30 Dec ("Bail due, OIC away", critical).
		const BAIL = 'CR/67540/25';
		const TODAY = '2026-12-04';
		const leave: Absence = {
			id: 'ab9001',
			officerId: 'o0008',
			from: '2026-12-28',
			to: '2027-01-02',
			reason: 'annual-leave',
			coverOfficerId: 'o0005',
			recordedAt: '2026-12-01T09:00:00.000Z',
			recordedBy: 'o0002',
		};
		const withLeave = (): StoreData => {
			const data = demoData();
			return {...data, absences: [...data.absences, leave]};
		};
		const move = (data: StoreData, toOfficerId: string, confirmAway = false): ReallocationRequest => ({
			ref: BAIL,
			held: heldAs(data, BAIL),
			toOfficerId,
			on: TODAY,
			today: TODAY,
			by: 'o0002',
			reason: 'OIC off sick over the bail date',
			recordedAt: '2026-12-04T09:00:00Z',
			confirmAway,
		});
		const alarm = `bail-officer-absent:${BAIL}`;

		it('asks before moving it to an officer on leave over the bail date, covered or not, since the critical problem would stay', () => {
			const data = withLeave();
			expect(findProblems(data, TODAY).find(p => p.id === alarm)?.severity).toBe('critical');
			// DC Shah: at work today, on annual leave 28 Dec-02 Jan with TDC Whitlock covering: the bail date falls in it.
			const r = reallocationRefusal(data, move(data, 'o0008'));
			expect(r?.confirmable).toBe(true);
			expect(r?.message).toBe(
				"DC Shah is on annual leave 28 Dec-02 Jan 2027 (TDC Whitlock covering on 30 Dec), over CR/67540/25's bail return date, " +
					'30 Dec: with DC Shah as OIC it stays a critical "Bail due, OIC away" (a cover does not clear it).',
			);
			expect(() => reallocateCase(data, move(data, 'o0008'))).toThrow(ReallocationError);
			// Confirmed, it moves, and the problem is (as the sentence said) still there, now on DC Shah.
			const {data: moved} = reallocateCase(data, move(data, 'o0008', true));
			const still = findProblems(moved, TODAY).find(p => p.id === alarm);
			expect(still?.severity).toBe('critical');
			expect(still?.subject.officerId).toBe('o0008');
			// DS Brennan, at work today but on sick leave 10 Dec-04 Feb with nobody covering: asked too.
			expect(reallocationRefusal(data, move(data, 'o0002'))?.message).toContain(
				"DS Brennan is on sick leave 10 Dec-04 Feb 2027 (nobody covering on 30 Dec), over CR/67540/25's bail return date",
			);
			// An officer at work on the bail date: no question, and the move clears the problem.
			expect(reallocationRefusal(data, move(data, 'o0010'))).toBeNull();
			const {data: cleared} = reallocateCase(data, move(data, 'o0010'));
			expect(findProblems(cleared, TODAY).some(p => p.id === alarm)).toBe(false);
		});

		it("marks those officers in the form's choices, with the reason, and leaves the others unmarked", () => {
			const data = withLeave();
			const choices = reallocationChoices(data, BAIL, TODAY, TODAY);
			const of = (id: string) => choices.find(c => c.officerId === id);
			expect(of('o0008')?.away).toBeNull();
			expect(of('o0008')?.awayOverDates?.mark).toBe('AWAY on bail date');
			expect(of('o0008')?.awayOverDates?.words).toContain("over CR/67540/25's bail return date, 30 Dec");
			expect(of('o0002')?.awayOverDates?.mark).toBe('AWAY on bail date');
			expect(of('o0010')?.awayOverDates).toBeNull();
		});

		it('asks before giving an action that moves with the case to an officer away with nobody covering on its due date', () => {
			const data = demoData();
			const c = data.cases.find(x => x.ref === BAIL)!;
			const action = c.actions.find(a => a.ownerId === c.oicId && (a.status === 'open' || a.status === 'in-progress'));
			expect(action).toBeDefined();
			// No bail on the case, so only the action's due date is in question; DC Evans away then, with nobody covering.
			const due = action!.due < TODAY ? TODAY : action!.due;
			const off: Absence = {...leave, officerId: 'o0010', from: due, to: due, coverOfficerId: null};
			const unbailed = {...data, cases: data.cases.map(x => (x === c ? {...c, bail: null} : x)), absences: [...data.absences, off]};
			const r = reallocationRefusal(unbailed, move(unbailed, 'o0010'));
			expect(r?.confirmable).toBe(true);
			expect(r?.message).toContain(`DC Evans is on annual leave`);
			expect(r?.message).toContain(`when action ${action!.id} (due`);
			expect(reallocationChoices(unbailed, BAIL, TODAY, TODAY).find(x => x.officerId === 'o0010')?.awayOverDates?.mark).toBe(
				'AWAY when action due',
			);
			// Covered that day: the action-owner rule has no problem with it, nor does the move.
			const covered = {...unbailed, absences: [...data.absences, {...off, coverOfficerId: 'o0009'}]};
			expect(reallocationRefusal(covered, move(covered, 'o0010'))).toBeNull();
		});
	});
});
