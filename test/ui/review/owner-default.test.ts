/** The review's owner field takes its default from domain (someone at work) and the step shows the away warning. */
import {describe, expect, it} from 'vitest';
import {emptyAnswers, reviewContext, sinceLastReview} from '../../../source/domain/review/index.js';
import {addAction, ownerOptions} from '../../../source/ui/review/review-fields.js';
import {stepInfoLines} from '../../../source/ui/review/review-info.js';
import {loadDemo, TODAY} from '../../domain/review/fixtures.js';

describe('owner of a new action in the review', () => {
	it('OIC off sick, no cover: the sergeant is the default, marked away from 10 Dec (not at work until the review is due) in the one order; the OIC is marked away; choosing the OIC warns', () => {
		const data = loadDemo();
		const ref = data.cases.find(c => c.oicId === 'o0003' && c.status !== 'closed')!.ref;
		const ctx = reviewContext(data, ref, TODAY);
		const options = ownerOptions(ctx);
		// One order for every case (the store's), so a number means the same officer on every case.
		expect(options.find(o => o.value === 'o0002')).toEqual({value: 'o0002', label: 'DS Brennan (away from 10 Dec)'});
		expect(options.find(o => o.value === 'o0003')).toEqual({value: 'o0003', label: 'DC Ashworth (OIC, away)'});
		const {answers} = addAction(ctx, emptyAnswers());
		expect(answers.actions[0]!.ownerId).toBe('o0002');
		const chosen = {...answers, actions: [{...answers.actions[0]!, ownerId: 'o0003', due: '2026-12-05'}]};
		const lines = stepInfoLines(ctx, sinceLastReview(ctx), chosen, 'action-plan');
		expect(
			lines.some(l => l.startsWith('Warning (action 1): DC Ashworth is on sick leave from 28 Nov, before this action is due (05 Dec)')),
		).toBe(true);
	});

	it('on a case of an OIC at work: the OIC is the default and marked, and nothing warns', () => {
		const data = loadDemo();
		const ref = data.cases.find(c => c.oicId === 'o0011' && c.status !== 'closed')!.ref;
		const ctx = reviewContext(data, ref, TODAY);
		expect(ownerOptions(ctx).find(o => o.value === 'o0011')).toEqual({value: 'o0011', label: 'DC Doyle (OIC)'});
		expect(ownerOptions(ctx).filter(o => o.label.endsWith('(at work)'))).toEqual([]);
		const {answers} = addAction(ctx, emptyAnswers());
		const short = {...answers, actions: [{...answers.actions[0]!, due: '2026-12-05'}]};
		expect(stepInfoLines(ctx, sinceLastReview(ctx), short, 'action-plan').filter(l => l.startsWith('Warning'))).toEqual([]);
	});
	it('the sergeant away before the action is due: their named cover at work is the default (CR/43392/26, 14 Dec), never someone away marked at work', () => {
		const data = loadDemo();
		const ref = 'CR/43392/26';
		// DS Brennan is on sick leave 10 Dec-04 Feb 2027; the action's time runs to 14 Dec.
		const uncovered = reviewContext(data, ref, TODAY);
		expect(ownerOptions(uncovered).find(o => o.value === 'o0002')).toEqual({value: 'o0002', label: 'DS Brennan (away from 10 Dec)'});
		expect(ownerOptions(uncovered).filter(o => o.label.endsWith('(at work)'))).toEqual([]);
		data.absences = data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: 'o0006'} : a));
		const ctx = reviewContext(data, ref, TODAY);
		expect(ctx.defaultOwnerId).toBe('o0006');
		expect(ownerOptions(ctx).filter(o => o.label.endsWith('(at work)'))).toEqual([{value: 'o0006', label: 'DC Marsh (at work)'}]);
		expect(ownerOptions(ctx).find(o => o.value === 'o0002')!.label).toBe('DS Brennan');
		expect(addAction(ctx, emptyAnswers()).answers.actions[0]!.ownerId).toBe('o0006');
	});
});
