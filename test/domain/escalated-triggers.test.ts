/** The inspector's working queue: escalated triggers, and the decision the inspector records on one. */
import {generateKeyPairSync} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {
	decideEscalatedTrigger,
	escalatedDecisionRefusal,
	escalatedTriggers,
	TriggerDecisionError,
	validateTriggerDecision,
	type TriggerDecisionInput,
} from '../../source/domain/escalated-triggers.js';
import type {Absence, EnrolmentData, PerformanceDecisionData, StoreData} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {triggerFor} from '../../source/domain/rules/performance.js';
import {fingerprintOf, keySigner, makeEntry, verifyChain, verifySignatures} from '../../source/store/index.js';
import {loadDemo, sign, SIGNED_AT, TODAY} from './review/fixtures.js';

const DI = 'o0001';
const DS = 'o0002';
const ASHWORTH = 'o0003';
const MARSH = 'o0006';
const SHAH = 'o0008';
const DOYLE = 'o0011';

const notNow = (officerId: string, reason = 'Evidence reviewed with DS Brennan; workload cut this week.'): TriggerDecisionInput => ({
	officerId,
	decision: 'not-now',
	reason,
	planReviewDate: '',
});
const asDi = {today: TODAY, signedAt: SIGNED_AT, by: DI, sign};
const problemOf = (data: StoreData, officerId: string) => findProblems(data, TODAY).find(p => p.id === `performance-trigger:${officerId}`);

describe("the inspector's queue of escalated triggers", () => {
	it("lists the demo's escalated triggers, longest waiting first, with why", () => {
		const q = escalatedTriggers(loadDemo(), TODAY);
		expect(q.map(t => t.officerId)).toEqual([ASHWORTH, DOYLE]);
		expect(q[0]!.why).toMatch(/"not now" recorded twice in a row/);
		expect(q[1]!.why).toBe('no decision recorded in 14 days');
		expect(q[0]!.since <= q[1]!.since).toBe(true);
	});

	it('the inspector\'s "not now" takes a "not now twice" trigger off the list; two more from the sergeant put it back', () => {
		const data = loadDemo();
		const {next, entry, plan} = decideEscalatedTrigger(data, notNow(ASHWORTH), asDi);
		expect(plan).toBeNull();
		expect(entry.kind).toBe('performance-decision');
		expect(entry.data).toMatchObject({
			officerId: ASHWORTH,
			by: DI,
			decision: 'not-now',
			date: TODAY,
			caseRef: null,
			reason: 'Evidence reviewed with DS Brennan; workload cut this week.',
		});
		expect(entry.data.evidence.length).toBeGreaterThan(0);
		expect(verifyChain(next.chain)).toBeNull();
		const t = triggerFor(next, ASHWORTH, TODAY);
		expect(t).toMatchObject({fired: true, decisionRecorded: true, escalated: false});
		expect(escalatedTriggers(next, TODAY).map(x => x.officerId)).toEqual([DOYLE]);
		expect(problemOf(next, ASHWORTH)?.severity).toBe('info');
		// The run of "not now" starts again after the inspector's decision.
		const later = (d: StoreData, date: string): StoreData => {
			const data: PerformanceDecisionData = {
				officerId: ASHWORTH,
				date,
				by: DS,
				decision: 'not-now',
				reason: 'Again not now.',
				evidence: [],
				caseRef: null,
			};
			return {...d, chain: [...d.chain, sign(d.chain, 'performance-decision', data, `${date}T10:00:00.000Z`)]};
		};
		const once = later(next, '2026-12-10');
		expect(triggerFor(once, ASHWORTH, '2026-12-10').escalated).toBe(false);
		expect(triggerFor(later(once, '2026-12-20'), ASHWORTH, '2026-12-20').escalated).toBe(true);
	});

	it('an action plan from the inspector starts the plan with its review date (three months when none is typed)', () => {
		const data = loadDemo();
		const typed = decideEscalatedTrigger(data, {officerId: DOYLE, decision: 'action-plan', reason: '', planReviewDate: '15/01/2027'}, asDi);
		expect(typed.plan).toMatchObject({
			officerId: DOYLE,
			started: TODAY,
			reviewDate: '2027-01-15',
			expires: '2027-11-30',
			decisionSeq: typed.entry.seq,
			endedOn: null,
		});
		expect(typed.next.actionPlans.at(-1)).toEqual(typed.plan);
		expect(triggerFor(typed.next, DOYLE, TODAY)).toMatchObject({escalated: false, decisionRecorded: true});
		expect(
			decideEscalatedTrigger(data, {officerId: DOYLE, decision: 'action-plan', reason: '', planReviewDate: ''}, asDi).plan?.reviewDate,
		).toBe('2027-02-28');
	});

	it('checks each answer, field by field', () => {
		const data = loadDemo();
		expect(
			validateTriggerDecision(data, TODAY, {officerId: DOYLE, decision: null, reason: '', planReviewDate: ''}).map(e => e.field),
		).toEqual(['decision']);
		expect(validateTriggerDecision(data, TODAY, notNow(DOYLE, '  '))).toEqual([
			{field: 'reason', message: 'Say why an action plan is not needed now.'},
		]);
		const dates = (d: string) =>
			validateTriggerDecision(data, TODAY, {officerId: DOYLE, decision: 'action-plan', reason: '', planReviewDate: d});
		expect(dates('soon')[0]).toMatchObject({field: 'planReviewDate'});
		expect(dates('2026-11-30')[0]?.message).toMatch(/after today and no later than 30 Nov 2027/);
		expect(dates('2026-12-31')).toEqual([]);
		expect(() => decideEscalatedTrigger(data, notNow(DOYLE, ''), asDi)).toThrow(TriggerDecisionError);
	});

	it('only an inspector over the team decides it; anyone else is refused with who can', () => {
		const data = loadDemo();
		expect(escalatedDecisionRefusal(data, DI, ASHWORTH, TODAY)).toBeNull();
		expect(escalatedDecisionRefusal(data, DS, ASHWORTH, TODAY)).toBe(
			"DC Ashworth's performance trigger was escalated to the inspector: only DI Okafor can decide it.",
		);
		expect(escalatedDecisionRefusal(data, MARSH, DOYLE, TODAY)).toMatch(/only DI Okafor can decide it/);
		let thrown: unknown;
		try {
			decideEscalatedTrigger(data, notNow(ASHWORTH), {...asDi, by: DS});
		} catch (err) {
			thrown = err;
		}
		expect(thrown).toBeInstanceOf(TriggerDecisionError);
		expect((thrown as Error).message).toMatch(/only DI Okafor can decide it/);
	});

	it("a trigger that is not escalated is not the queue's: it is the sergeant's, in a review", () => {
		const data = loadDemo();
		expect(triggerFor(data, SHAH, TODAY)).toMatchObject({fired: true, escalated: false});
		expect(escalatedDecisionRefusal(data, DI, SHAH, TODAY)).toMatch(
			/DC Shah's performance trigger is not on the inspector's exception list.*their sergeant records the decision in a review/,
		);
		// Decided meanwhile: the second decision is refused, nothing written.
		const {next} = decideEscalatedTrigger(data, notNow(DOYLE), asDi);
		expect(() => decideEscalatedTrigger(next, notNow(DOYLE), asDi)).toThrow(
			/DC Doyle's performance trigger is not on the inspector's exception list/,
		);
	});

	it("the cover's own undecided trigger goes to the inspector's queue while she covers, and is decided there", () => {
		// DC Shah's trigger fired on 21 Nov with no decision yet: her sergeant's to decide, until she covers him.
		const data = loadDemo();
		expect(triggerFor(data, SHAH, TODAY)).toMatchObject({fired: true, decisionRecorded: false, escalated: false});
		const away: Absence = {
			id: 'abS',
			officerId: DS,
			from: TODAY,
			to: '2026-12-05',
			reason: 'annual-leave',
			coverOfficerId: SHAH,
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: DS,
		};
		const covered: StoreData = {...data, absences: [...data.absences, away]};
		expect(triggerFor(covered, SHAH, '2026-11-29').escalated).toBe(false);
		const item = escalatedTriggers(covered, TODAY).find(t => t.officerId === SHAH);
		expect(item).toMatchObject({since: TODAY, why: 'DC Shah is covering DS Brennan, and no one decides a trigger about themselves'});
		const problem = problemOf(covered, SHAH)!;
		expect(problem.severity).toBe('red');
		expect(problem.message).toContain("On DI Okafor's exception list: DC Shah is covering DS Brennan");
		// Not hers, and not the sergeant's either while it is on the inspector's list.
		expect(escalatedDecisionRefusal(covered, SHAH, SHAH, TODAY)).toMatch(
			/DC Shah cannot decide a performance trigger about themselves\. The decision goes to DI Okafor/,
		);
		expect(escalatedDecisionRefusal(covered, DS, SHAH, TODAY)).toMatch(/only DI Okafor can decide it/);
		const {next} = decideEscalatedTrigger(covered, notNow(SHAH), asDi);
		expect(triggerFor(next, SHAH, TODAY)).toMatchObject({decisionRecorded: true, escalated: false});
		expect(escalatedTriggers(next, TODAY).map(t => t.officerId)).not.toContain(SHAH);
	});

	it("signed with the inspector's enrolled key, the decision verifies", () => {
		const data = loadDemo();
		const {publicKey, privateKey} = generateKeyPairSync('ed25519');
		const key = {officerId: DI, privateKey};
		const e: EnrolmentData = {
			officerId: DI,
			publicKey: publicKey.export({type: 'spki', format: 'pem'}).toString(),
			fingerprint: fingerprintOf(publicKey),
			date: TODAY,
			by: DI,
			first: true,
		};
		const keyed = {...data, chain: [...data.chain, makeEntry(data.chain, 'enrolment', e, SIGNED_AT, key)]};
		const {next, entry} = decideEscalatedTrigger(keyed, notNow(ASHWORTH), {...asDi, sign: keySigner(key)});
		expect(entry.author).toBe(DI);
		expect(verifyChain(next.chain)).toBeNull();
		expect(verifySignatures(next).problem).toBeNull();
		expect(verifySignatures(next).signed).toBe(2);
	});
});
