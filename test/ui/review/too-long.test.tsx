/**
 * A too-long answer is said before saving, not cut (issue "The desk under real hands", item 13): a
 * 2,199-character action used to be cut to 2,000 as it was pasted, silently; now it is kept whole and
 * the field says at once that it is over the limit, and the step cannot be left until it is shortened.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {emptyAnswers, saveDraft} from '../../../source/domain/review/index.js';
import {contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../../domain/review/fixtures.js';
import {frame, KEYS, press, ready, until} from './ink-keys.js';
import {renderReview} from '../../helpers/review-screen.js';

afterEach(() => cleanup());

describe('a 2,199-character action', () => {
	it('is kept whole, and the field says it is over the limit before anything is saved or signed', async () => {
		const demo = loadDemo();
		const ctx = contextFor(demo);
		const answers = {...emptyAnswers(), actions: [{key: 'n1', text: '', ownerId: ctx.case.oicId, due: ''}]};
		const data = saveDraft(
			demo,
			{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 3, answers},
			`${TODAY}T09:00:00.000Z`,
		);
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 60});
		await ready(app);
		await until(app, 'step 4 of 7');
		const text = `${'Chase the DFU. '.repeat(146)}End here.`;
		expect(text.length).toBe(2199);
		app.stdin.write(`\u001b[200~${text}\u001b[201~`);
		const f = await until(app, 'Needs attention');
		expect(f.replace(/\s+/g, ' ')).toContain('The action is 2199 characters; the limit is 2000. Shorten it.');
		// Not cut: the end of what was pasted is there.
		await press(app, KEYS.ctrlN);
		expect(frame(app)).toContain('step 4 of 7');
		expect(frame(app)).toContain('End here.');
	});
});
