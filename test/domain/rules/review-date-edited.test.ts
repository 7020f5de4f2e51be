/**
 * REVIEW-9 D6: a case's next review date is set by a signed review or amendment; the case record's copy
 * moved later outside fortnight (a file edit, a row UPDATE) must not hide an overdue review. The rules judge
 * by the signed date and raise a critical `review-date-edited` naming the case and both dates
 * (source/domain/signed-next-review.ts, rules/review-due.ts; docs/rules.md "Reviews due").
 */
import {describe, expect, it} from 'vitest';
import {addDays} from '../../../source/domain/dates.js';
import type {StoreData} from '../../../source/domain/model.js';
import {amendReview, signReview} from '../../../source/domain/review/index.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {generateStore} from '../../../source/generate/generate.js';
import {chainWorkingSet} from '../../../source/domain/chain-working-set.js';
import {signer} from '../../../source/store/chain.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, sign, SIGNED_AT, TODAY} from '../review/fixtures.js';

const moved = (data: StoreData, ref: string, to: string): StoreData => ({
	...data,
	cases: data.cases.map(c => (c.ref === ref ? {...c, nextReviewDue: to} : c)),
});
const of = (data: StoreData, kind: string, ref: string, today = TODAY) =>
	findProblems(data, today).filter(p => p.kind === kind && p.subject.type === 'case' && p.subject.ref === ref);

describe('a next review date moved outside fortnight (REVIEW-9 D6)', () => {
	it('the demo as shipped raises none', () => {
		expect(findProblems(loadDemo(), TODAY).filter(p => p.kind === 'review-date-edited')).toEqual([]);
	});

	it('a generated store (whole chain and working set) raises none, and the edit is found in its working set', () => {
		const {data} = generateStore({cases: 300, seed: 'd6', referenceDate: TODAY}, signer);
		const split = {...data, chain: chainWorkingSet(data.chain)};
		expect(findProblems(data, TODAY).filter(p => p.kind === 'review-date-edited')).toEqual([]);
		expect(findProblems(split, TODAY).filter(p => p.kind === 'review-date-edited')).toEqual([]);
		const reviewed = data.cases.find(c => c.status !== 'closed' && data.chain.some(e => e.kind === 'review' && e.data.caseRef === c.ref))!;
		const later = moved(split, reviewed.ref, addDays(reviewed.nextReviewDue, 20));
		const [p] = of(later, 'review-date-edited', reviewed.ref);
		expect(p?.severity).toBe('critical');
	});

	it('the overdue review stays, judged by the signed date, and a critical problem names the case and both dates', () => {
		const demo = loadDemo();
		const before = of(demo, 'review-overdue', OVERDUE_REF);
		expect(before).toHaveLength(1);
		const edited = moved(demo, OVERDUE_REF, addDays(TODAY, 30));
		const after = of(edited, 'review-overdue', OVERDUE_REF);
		expect(after.map(p => [p.due, p.severity, p.message])).toEqual(before.map(p => [p.due, p.severity, p.message]));
		const [p, ...more] = of(edited, 'review-date-edited', OVERDUE_REF);
		expect(more).toEqual([]);
		expect(p!.severity).toBe('critical');
		const signedDue = demo.cases.find(c => c.ref === OVERDUE_REF)!.nextReviewDue;
		expect(p!.message).toContain('Next review date changed outside fortnight');
		expect(p!.message).toContain(OVERDUE_REF);
		expect(p!.message).toContain('30 Dec'); // the record's date
		expect(p!.message).toContain(`set ${signedDue.slice(8)} `); // the signed one, e.g. "19 Nov"
		expect(p!.resolve?.map(r => r.way)).toEqual(['review']);
		// Moved earlier, the case is only reviewed sooner: no such problem.
		expect(of(moved(demo, OVERDUE_REF, addDays(signedDue, -3)), 'review-date-edited', OVERDUE_REF)).toEqual([]);
	});

	it('a signed amendment sets the date: following it is no problem, moving past it is, and a new review clears it', () => {
		const {next: signed, review} = signReview(
			loadDemo(),
			{caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(loadDemo()))},
			{today: TODAY, signedAt: SIGNED_AT, reviewerId: SERGEANT, sign},
		);
		const opts = {today: '2026-12-01', signedAt: '2026-12-01T09:00:00.000Z', by: SERGEANT, sign};
		const {next: amended, amendment} = amendReview(signed, review.seq, {nextReviewDue: '2026-12-09'}, 'Set a day late in error.', opts);
		const day = '2026-12-11';
		expect(of(amended, 'review-date-edited', OVERDUE_REF, day)).toEqual([]);
		expect(of(amended, 'review-overdue', OVERDUE_REF, day).map(p => p.due)).toEqual(['2026-12-09']);
		const edited = moved(amended, OVERDUE_REF, '2026-12-13');
		expect(of(edited, 'review-overdue', OVERDUE_REF, day).map(p => p.due)).toEqual(['2026-12-09']);
		const [p] = of(edited, 'review-date-edited', OVERDUE_REF, day);
		expect(p!.message).toContain(`entry ${amendment.seq} (amending entry ${review.seq})`);
		expect(p!.message).toContain('13 Dec');
		expect(p!.message).toContain('09 Dec');
		// A review signed on the edited store sets both dates again.
		const again = signReview(
			edited,
			{caseRef: OVERDUE_REF, answers: completeAnswers(contextFor(edited))},
			{today: TODAY, signedAt: '2026-12-11T09:00:00.000Z', reviewerId: SERGEANT, sign},
		).next;
		expect(of(again, 'review-date-edited', OVERDUE_REF, day)).toEqual([]);
	});

	it('a case never reviewed has no signed date: the cap from its allocation still bounds a moved date', () => {
		const demo = loadDemo();
		const never = demo.cases.find(c => c.status !== 'closed' && !demo.chain.some(e => e.kind === 'review' && e.data.caseRef === c.ref));
		expect(never?.ref).toBe('CR/32829/26');
		const edited = moved(demo, never!.ref, addDays(TODAY, 200));
		expect(of(edited, 'review-date-edited', never!.ref)).toEqual([]);
		const capped = addDays(never!.allocatedOn, 28);
		expect(of(edited, 'review-overdue', never!.ref, addDays(capped, 1)).map(p => p.due)).toEqual([capped]);
	});
});
