/**
 * Choosing by number (issue "The desk under real hands", item 3): options 10 and above are typed as two
 * digits in quick succession (or arriving together); and the owner list keeps one order for every case,
 * so a number means the same officer on the next case.
 */
import {describe, expect, it} from 'vitest';
import {emptyAnswers, sinceLastReview} from '../../../source/domain/review/index.js';
import {ownerOptions} from '../../../source/ui/review/review-fields.js';
import {DIGIT_GAP_MS, fieldsOf, initialReviewState, reviewReducer, type ReviewUiState} from '../../../source/ui/review/review-state.js';
import {contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../../domain/review/fixtures.js';
import {NO_KEYS} from '../../helpers/key-press.js';

const NO = NO_KEYS;

/** The review of the overdue case at step 4 with one new action, its owner field focused. */
function atOwner(): ReviewUiState {
	const ctx = contextFor(loadDemo());
	const answers = {...emptyAnswers(), actions: [{key: 'n1', text: 'Chase the DFU', ownerId: ctx.case.oicId, due: ''}]};
	const s = initialReviewState(
		ctx,
		sinceLastReview(ctx),
		{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 3, answers},
		true,
	);
	const field = fieldsOf(s).findIndex(f => f.id === 'actions.n1.owner');
	expect(field).toBeGreaterThanOrEqual(0);
	return {...s, field};
}

const type = (s: ReviewUiState, input: string, at: number) => reviewReducer(s, {type: 'key', input, key: NO, at});
const owner = (s: ReviewUiState) => s.draft.answers.actions[0]!.ownerId;

describe('choosing an option by number', () => {
	it('two digits typed quickly pick option 10 or 11', () => {
		const s = atOwner();
		const options = ownerOptions(s.ctx);
		expect(options.length).toBeGreaterThanOrEqual(11);
		let t = type(s, '1', 1000);
		expect(owner(t)).toBe(options[0]!.value);
		t = type(t, '1', 1200);
		expect(owner(t)).toBe(options[10]!.value);
		t = type(type(t, '1', 5000), '0', 5300);
		expect(owner(t)).toBe(options[9]!.value);
	});

	it('in one read ("10" pasted by a script) they are one number too', () => {
		const t = reviewReducer(atOwner(), {type: 'key', input: '10', key: NO, at: 1000});
		expect(owner(t)).toBe(ownerOptions(t.ctx)[9]!.value);
	});

	it('a second digit after a pause is a new number; one that makes no option starts again', () => {
		const s = atOwner();
		const options = ownerOptions(s.ctx);
		let t = type(type(s, '1', 1000), '2', 1000 + DIGIT_GAP_MS + 1);
		expect(owner(t)).toBe(options[1]!.value);
		// "2" then "5" would be 25: no such option, so it is option 5.
		t = type(type(t, '2', 9000), '5', 9100);
		expect(owner(t)).toBe(options[4]!.value);
		t = type(t, '0', 20_000);
		expect(t.notice).toMatch(/no option 0/);
	});
});

describe('the owner list', () => {
	it('has one order for every case: the OIC is marked in place, not moved first', () => {
		const data = loadDemo();
		const refs = [...new Set(data.cases.filter(c => c.closedOn === null).map(c => c.ref))];
		const orders = refs.map(ref => ownerOptions(contextFor(data, ref)).map(o => o.value));
		const oics = new Set(refs.map(ref => contextFor(data, ref).case.oicId));
		expect(oics.size).toBeGreaterThan(1);
		for (const order of orders) expect(order).toEqual(orders[0]);
		for (const ref of refs.slice(0, 10)) {
			const ctx = contextFor(data, ref);
			const marked = ownerOptions(ctx).filter(o => /\(OIC(, away)?\)$/.test(o.label));
			expect(marked.map(o => o.value)).toEqual([ctx.case.oicId]);
		}
	});
});
