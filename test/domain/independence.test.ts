/** No one supervises themselves: a cover who holds a case cannot review it, amend it, or decide its trigger. */
import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../source/domain/model.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {mayReview} from '../../source/domain/permissions.js';
import {amendReview, openDraft, ReviewError, reviewContext, signReview, StaleReviewError} from '../../source/domain/review/index.js';
import {completeAnswers, loadDemo, sign, SIGNED_AT, TODAY} from './review/fixtures.js';

const MARSH = 'o0006';
const MARSH_CASE = 'CR/61882/26'; // medium risk, next review due 01 Dec in the demo

/** DS Brennan (o0002) sick from today with DC Marsh named as cover. */
function marshCovering(): StoreData {
	const data = loadDemo();
	const absence: Absence = {
		id: 'abCOI',
		officerId: 'o0002',
		from: TODAY,
		to: '2026-12-09',
		reason: 'sick',
		coverOfficerId: MARSH,
		recordedAt: `${TODAY}T08:00:00.000Z`,
		recordedBy: 'o0002',
	};
	return {...data, absences: [...data.absences, absence]};
}

describe('no one supervises themselves', () => {
	it('the cover reviews for the sergeant, but cannot open, sign or amend a review of a case they hold', () => {
		const data = marshCovering();
		expect(mayReview(data, MARSH, 'CR/87204/26', TODAY)).toEqual({ok: true, as: 'cover'});
		expect(() => openDraft(data, MARSH_CASE, MARSH, SIGNED_AT)).toThrow(
			/DC Marsh holds CR\/61882\/26, so cannot review it.*DI Okafor \(the team's inspector\)/,
		);
		const ctx = reviewContext(data, MARSH_CASE, TODAY);
		const answers = completeAnswers(ctx);
		expect(() => signReview(data, {caseRef: MARSH_CASE, answers}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: MARSH, sign})).toThrow(
			ReviewError,
		);
		const last = [...data.chain].reverse().find(e => e.kind === 'review' && e.data.caseRef === MARSH_CASE);
		if (last)
			expect(() => amendReview(data, last.seq, {summary: 'x'}, 'typo', {today: TODAY, signedAt: SIGNED_AT, by: MARSH, sign})).toThrow(
				/cannot review it/,
			);
	});

	it('a performance decision about the cover cannot be recorded by the cover (it rides on their own case)', () => {
		const data = marshCovering();
		const ctx = reviewContext(data, MARSH_CASE, TODAY);
		const answers = {...completeAnswers(ctx), performance: {decision: 'not-now' as const, reason: 'fine', planReviewDate: '', concern: ''}};
		const before = JSON.stringify(data);
		expect(() => signReview(data, {caseRef: MARSH_CASE, answers}, {today: TODAY, signedAt: SIGNED_AT, reviewerId: MARSH, sign})).toThrow(
			/no one supervises their own cases/,
		);
		expect(JSON.stringify(data)).toBe(before);
	});

	it("the cover still reviews other officers' cases", () => {
		const data = marshCovering();
		const other = data.cases.find(c => c.oicId !== MARSH && c.status !== 'closed')!;
		expect(() => openDraft(data, other.ref, MARSH, SIGNED_AT)).not.toThrow();
	});

	it("each of the cover's cases with a review due while they act up is a problem naming the inspector, until reviewed", () => {
		const data = marshCovering();
		const mine = findProblems(data, TODAY).filter(p => p.kind === 'review-needs-independent-supervisor');
		const refs = mine.map(p => (p.subject.type === 'case' ? p.subject.ref : ''));
		expect(refs).toContain(MARSH_CASE);
		expect(mine.every(p => p.subject.officerId === MARSH)).toBe(true);
		const p = mine.find(x => x.subject.type === 'case' && x.subject.ref === MARSH_CASE)!;
		expect(p.severity).toBe('red');
		expect(p.message).toMatch(/needs an independent supervisor: DC Marsh holds this case and is covering DS Brennan/);
		expect(p.action).toMatch(/Ask DI Okafor \(the team's inspector\) to review this case/);
		// The inspector reviews it: the next review moves past the absence and the problem clears.
		const ctx = reviewContext(data, MARSH_CASE, TODAY);
		const {next} = signReview(
			data,
			{caseRef: MARSH_CASE, answers: completeAnswers(ctx)},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: 'o0001', sign},
		);
		const after = findProblems(next, TODAY).filter(
			x => x.kind === 'review-needs-independent-supervisor' && x.subject.type === 'case' && x.subject.ref === MARSH_CASE,
		);
		expect(after).toEqual([]);
	});

	it('no such problem without a cover who holds cases', () => {
		expect(findProblems(loadDemo(), TODAY).filter(p => p.kind === 'review-needs-independent-supervisor')).toEqual([]);
	});
});

describe('drafts belong to their author', () => {
	it("two people reviewing the same case each keep their own answers; signing removes only the signer's", async () => {
		const {saveDraft, findDraft, othersDrafts, discardDraft} = await import('../../source/domain/review/drafts.js');
		const data = loadDemo();
		const ref = 'CR/88397/26';
		const ds = openDraft(data, ref, 'o0002', SIGNED_AT).draft;
		const di = openDraft(data, ref, 'o0001', SIGNED_AT).draft;
		let d = saveDraft(data, {...ds, answers: {...ds.answers, noActionReason: 'from the sergeant'}}, SIGNED_AT);
		d = saveDraft(d, {...di, answers: {...di.answers, noActionReason: 'from the inspector'}}, SIGNED_AT);
		expect(d.drafts.filter(x => x.caseRef === ref)).toHaveLength(2);
		expect(openDraft(d, ref, 'o0002', SIGNED_AT)).toMatchObject({
			resumed: true,
			draft: {reviewerId: 'o0002', answers: {noActionReason: 'from the sergeant'}},
		});
		expect(openDraft(d, ref, 'o0001', SIGNED_AT)).toMatchObject({
			resumed: true,
			draft: {reviewerId: 'o0001', answers: {noActionReason: 'from the inspector'}},
		});
		expect(othersDrafts(d, ref, 'o0002').map(x => x.reviewerId)).toEqual(['o0001']);
		const ctx = reviewContext(d, ref, TODAY);
		const {next} = signReview(
			d,
			{caseRef: ref, answers: completeAnswers(ctx)},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: 'o0002', sign},
		);
		expect(findDraft(next, ref, 'o0002')).toBeUndefined();
		expect(findDraft(next, ref, 'o0001')?.answers).toMatchObject({noActionReason: 'from the inspector'});
		// The second to sign, on the review as they opened it, is refused with the reason; their draft stays theirs.
		const opened = reviewContext(d, ref, TODAY, 'o0001');
		const second = () =>
			signReview(
				next,
				{caseRef: ref, answers: completeAnswers(opened)},
				{today: TODAY, signedAt: SIGNED_AT, reviewerId: 'o0001', sign, context: opened},
			);
		expect(second).toThrow(StaleReviewError);
		expect(second).toThrow(/DS Brennan signed a review of CR\/88397\/26 on 30 Nov \(entry \d+\) after you opened yours/);
		expect(discardDraft(next, ref, 'o0001').drafts.some(x => x.caseRef === ref)).toBe(false);
	});
});

describe("the cover's own welfare check-in", () => {
	it('goes to the next person up while they cover their own sergeant: the problem and its way name the inspector', () => {
		// DC Marsh's check-in is due in the demo; her sergeant is away with her named as cover.
		const data = loadDemo();
		const before = findProblems(data, TODAY).find(p => p.id === 'welfare-check-in-due:o0006')!;
		expect(before.action).toBe('Book the welfare check-in with the officer and record that it happened (never what was said).');
		const absence: Absence = {
			id: 'abW',
			officerId: 'o0002',
			from: TODAY,
			to: '2026-12-09',
			reason: 'sick',
			coverOfficerId: MARSH,
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: 'o0002',
		};
		const covered = {...data, absences: [...data.absences, absence]};
		const p = findProblems(covered, TODAY).find(x => x.id === 'welfare-check-in-due:o0006')!;
		expect(p.action).toBe(
			"DI Okafor (the team's inspector) holds the welfare check-in with DC Marsh and records it: DC Marsh is covering DS Brennan, and no one records their own.",
		);
		expect(p.resolve).toEqual([
			{
				way: 'welfare-record',
				label: 'DI Okafor holds the check-in with DC Marsh and records it (DC Marsh is covering DS Brennan)',
				// The desk's w records as whoever runs the desk: the inspector's own desk (the domain refuses DC Marsh's).
				desk: {action: 'welfare-record', key: 'w', where: "the problem, or the officer's row in the Team view"},
				command: 'fortnight welfare record "DC Marsh" --kind check-in --as "DI Okafor"',
			},
		]);
	});
});
