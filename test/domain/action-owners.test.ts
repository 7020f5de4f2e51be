/** Owners who can act: the default owner is at work, an owner away before the due date warns, a later absence raises a problem. */
import {describe, expect, it} from 'vitest';
import {actionsStrandedBy, defaultActionOwner, ownerAwayWarning} from '../../source/domain/action-owners.js';
import type {Action, StoreData} from '../../source/domain/model.js';
import {actionOwnerWarnings, emptyAnswers, reviewContext} from '../../source/domain/review/index.js';
import {absence, kase, officer, ofKind, problem, store} from './rules/fixture.js';
import {loadDemo, TODAY} from './review/fixtures.js';

function action(id: string, due: string, over: Partial<Action> = {}): Action {
	return {
		id,
		text: `Do ${id}`,
		ownerId: 'o1',
		due,
		status: 'open',
		createdOn: '2026-06-01',
		startedOn: null,
		carriedCount: 0,
		history: [],
		...over,
	};
}

/** o1 holds CR/1/26 with two open actions (due 10 and 20 Jun) and one done; o2 is another detective. */
function team(over: Partial<StoreData> = {}): StoreData {
	const base = store();
	const actions = [action('a1', '2026-06-10'), action('a2', '2026-06-20'), action('a3', '2026-06-12', {status: 'done'})];
	return store({
		officers: [...base.officers, officer('o2', {name: 'Kim Second'})],
		cases: [kase('CR/1/26', {actions})],
		...over,
	});
}

describe('the default owner of a new action', () => {
	it("is the OIC at work; the OIC's cover when the OIC is away before it is due; else the reviewer", () => {
		expect(defaultActionOwner(team(), 'o1', '2026-06-15', '2026-06-01')).toBe('o1');
		const covered = team({absences: [absence('ab1', 'o1', '2026-06-05', null, {coverOfficerId: 'o2'})]});
		expect(defaultActionOwner(covered, 'o1', '2026-06-15', '2026-06-01')).toBe('o2');
		const alone = team({absences: [absence('ab1', 'o1', '2026-06-05', null)]});
		expect(defaultActionOwner(alone, 'o1', '2026-06-15', '2026-06-01')).toBe('s1');
		// Back before today: the OIC again.
		const back = team({absences: [absence('ab1', 'o1', '2026-05-01', '2026-05-20')]});
		expect(defaultActionOwner(back, 'o1', '2026-06-15', '2026-06-01')).toBe('o1');
	});

	it('in the demo, a new action on a case of DC Ashworth (sick, no cover) goes to the sergeant, and choosing Ashworth warns', () => {
		const data = loadDemo();
		const ref = data.cases.find(c => c.oicId === 'o0003' && c.status !== 'closed')!.ref;
		const ctx = reviewContext(data, ref, TODAY);
		expect(ctx.defaultOwnerId).toBe('o0002');
		const a = emptyAnswers();
		a.actions = [
			{key: 'n1', text: 'x', ownerId: 'o0003', due: ''},
			{key: 'n2', text: 'y', ownerId: 'o0002', due: ''},
		];
		const warnings = actionOwnerWarnings(ctx, a);
		expect(warnings.map(w => w.field)).toEqual(['actions.n1.owner', 'actions.n2.owner']);
		expect(warnings[0]!.message).toMatch(/^DC Ashworth is on sick leave from 28 Nov, before this action is due \(\d\d \w{3}\), /);
		expect(warnings[0]!.message).toContain('with nobody covering that day: ');
		expect(warnings[0]!.message).toContain('choose an owner who is at work');
		// The sergeant is at work today but goes sick on 10 Dec with no cover: the default, and still warned.
		expect(warnings[1]!.message).toMatch(/^DS Brennan is on sick leave 10 Dec-04 Feb 2027, before this action is due/);
		a.actions[1]!.due = '2026-12-08';
		expect(actionOwnerWarnings(ctx, a).map(w => w.key)).toEqual(['n1']);
	});
});

describe('ownerAwayWarning', () => {
	it('warns when the owner is away on any day before the due date, saying who covers', () => {
		const data = team({absences: [absence('ab1', 'o1', '2026-06-08', '2026-06-09', {reason: 'training', coverOfficerId: 'o2'})]});
		expect(ownerAwayWarning(data, 'o1', '2026-06-07', '2026-06-01')).toBeNull();
		expect(ownerAwayWarning(data, 'o1', '2026-06-09', '2026-06-01')).toBe(
			'DC Dean is on training 08-09 Jun, before this action is due (09 Jun); DC Second covers: ' +
				'choose an owner who is at work, or check DC Dean can do it.',
		);
		expect(ownerAwayWarning(data, 'o1', '2026-06-15', '2026-06-01')).toContain(
			'DC Dean is on training 08-09 Jun, before this action is ' + 'due (15 Jun): choose',
		);
	});
});

describe('action-owner-away problem', () => {
	it('fires for open actions due while the owner is away with nobody covering, from the day the absence is known', () => {
		const data = team({absences: [absence('ab1', 'o1', '2026-06-08', '2026-06-15', {recordedAt: '2026-06-03T08:00:00.000Z'})]});
		expect(problem(data, '2026-06-02', 'action-owner-away:o1:ab1')).toBeUndefined();
		const p = problem(data, '2026-06-03', 'action-owner-away:o1:ab1')!;
		expect(p.severity).toBe('amber');
		expect(p.subject).toEqual({type: 'officer', officerId: 'o1'});
		expect(p.since).toBe('2026-06-03');
		expect(p.due).toBe('2026-06-10');
		// a2 is due 20 Jun, after the absence: only a1 is stranded; the done action never is.
		expect(p.message).toBe(
			'1 open action owned by DC Dean is due while DC Dean is on sick leave 08-15 Jun ' + '(no cover named): CR/1/26 "Do a1" due 10 Jun',
		);
		expect(p.action).toBe(
			"Name a cover for DC Dean's absence ab1 (fortnight absence change ab1 --cover NAME), or give " +
				"these actions to someone at work at each case's review.",
		);
		expect(p.evidence.map(e => e.id)).toEqual(['ab1', 'a1']);
	});

	it('clears when a cover at work is named, fires again when the cover is away too, and counts an overdue action from today', () => {
		const covered = team({absences: [absence('ab1', 'o1', '2026-06-08', '2026-06-25', {coverOfficerId: 'o2'})]});
		expect(ofKind(covered, '2026-06-08', 'action-owner-away')).toEqual([]);
		const coverAbsence = absence('ab2', 'o2', '2026-06-18', '2026-06-22', {recordedAt: '2026-06-01T08:00:00.000Z'});
		const coverAway = team({absences: [absence('ab1', 'o1', '2026-06-08', '2026-06-25', {coverOfficerId: 'o2'}), coverAbsence]});
		const [p] = ofKind(coverAway, '2026-06-08', 'action-owner-away');
		expect(p!.message).toContain('(cover DC Second is away too): CR/1/26 "Do a2" due 20 Jun');
		// After its due date an open action needs its owner today.
		const overdue = team({absences: [absence('ab1', 'o1', '2026-06-21', null)]});
		expect(ofKind(overdue, '2026-06-20', 'action-owner-away')).toEqual([]);
		expect(ofKind(overdue, '2026-06-21', 'action-owner-away')[0]!.message).toContain(
			'2 open actions owned by DC Dean are due while DC Dean is on ' + 'sick leave from 21 Jun',
		);
	});

	it('recording the absence says so', () => {
		const data = team();
		expect(actionsStrandedBy(data, {officerId: 'o1', from: '2026-06-08', to: '2026-06-25', coverOfficerId: null}, '2026-06-01')).toBe(
			'DC Dean owns 2 open actions due during this absence with nobody covering (CR/1/26): ' +
				"name a cover, or give them to someone at work at each case's review.",
		);
		expect(actionsStrandedBy(data, {officerId: 'o1', from: '2026-06-08', to: '2026-06-25', coverOfficerId: 'o2'}, '2026-06-01')).toBeNull();
		expect(actionsStrandedBy(data, {officerId: 'o1', from: '2026-06-21', to: '2026-06-25', coverOfficerId: null}, '2026-06-01')).toBeNull();
	});
});
