import {describe, expect, it} from 'vitest';
import type {Absence, StoreData} from '../../../source/domain/model.js';
import {nextInQueue, reviewQueue, saveDraft, openDraft, signReview} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from './fixtures.js';

describe('review queue', () => {
	it('lists every live case due today or overdue, most overdue first', () => {
		const data = loadDemo();
		const q = reviewQueue(data, TODAY);
		expect(q.map(x => [x.ref, x.due, x.daysOverdue])).toEqual([
			['CR/88397/26', '2026-11-19', 11],
			['CR/25310/26', '2026-11-20', 10],
			['CR/81908/26', '2026-11-21', 9],
			// Same day: higher risk first, then by reference.
			['CR/64148/26', '2026-11-25', 5],
			['CR/87204/26', '2026-11-25', 5],
			['CR/90868/26', '2026-11-27', 3],
			['CR/52809/26', '2026-11-30', 0],
		]);
		const expected = data.cases.filter(c => c.status !== 'closed' && c.nextReviewDue <= TODAY).length;
		expect(q.length).toBe(expected);
	});

	it("given who is reviewing, only the cases they may review: the cover's own are the inspector's, a peer has none", () => {
		const data = loadDemo();
		const away: Absence = {
			id: 'abQ',
			officerId: SERGEANT,
			from: TODAY,
			to: '2026-12-05',
			reason: 'sick',
			coverOfficerId: 'o0011',
			recordedAt: `${TODAY}T08:00:00.000Z`,
			recordedBy: SERGEANT,
		};
		const covered: StoreData = {...data, absences: [...data.absences, away]};
		const all = reviewQueue(covered, TODAY).map(x => x.ref);
		const doyles = reviewQueue(covered, TODAY)
			.filter(x => x.oicId === 'o0011')
			.map(x => x.ref);
		expect(doyles).toContain(OVERDUE_REF);
		// DC Doyle, covering: every case due but his own (DC Ashworth's, whose sergeant he covers, included).
		expect(reviewQueue(covered, TODAY, 'o0011').map(x => x.ref)).toEqual(all.filter(r => !doyles.includes(r)));
		expect(nextInQueue(covered, TODAY, null, 'o0011')?.ref).not.toBe(OVERDUE_REF);
		// The inspector's queue holds them all; a peer who covers nobody has none.
		expect(reviewQueue(covered, TODAY, 'o0001').map(x => x.ref)).toEqual(all);
		expect(reviewQueue(covered, TODAY, 'o0006')).toEqual([]);
		expect(reviewQueue(data, TODAY, SERGEANT).map(x => x.ref)).toEqual(reviewQueue(data, TODAY).map(x => x.ref));
	});

	it('leaves out closed cases and shows drafts', () => {
		const data = loadDemo();
		data.cases = data.cases.map(c => (c.ref === 'CR/25310/26' ? {...c, status: 'closed' as const, closedOn: TODAY} : c));
		const withDraft = saveDraft(data, openDraft(data, OVERDUE_REF, SERGEANT, SIGNED_AT).draft, SIGNED_AT);
		const q = reviewQueue(withDraft, TODAY);
		expect(q.some(x => x.ref === 'CR/25310/26')).toBe(false);
		expect(q[0]).toMatchObject({ref: OVERDUE_REF, hasDraft: true});
		expect(q[1]!.hasDraft).toBe(false);
	});

	it('moves to the next due case after signing, and past one skipped without signing', () => {
		const data = loadDemo();
		expect(nextInQueue(data, TODAY)?.ref).toBe(OVERDUE_REF);
		expect(nextInQueue(data, TODAY, OVERDUE_REF)?.ref).toBe('CR/25310/26');
		expect(nextInQueue(data, TODAY, 'CR/52809/26')?.ref).toBe(OVERDUE_REF);
		const {next} = signReview(
			data,
			{caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(data))},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
		);
		expect(reviewQueue(next, TODAY).map(x => x.ref)).not.toContain(OVERDUE_REF);
		expect(nextInQueue(next, TODAY, OVERDUE_REF)?.ref).toBe('CR/25310/26');
		const one = {...data, cases: data.cases.filter(c => c.ref === OVERDUE_REF)};
		expect(nextInQueue(one, TODAY, OVERDUE_REF)).toBeNull();
	});
});
