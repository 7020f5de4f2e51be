/** The next review field warns (it never refuses) with the date to choose instead (issue 20 item 11). */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {saveDraft} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../../domain/review/fixtures.js';
import {frame, press, ready, until, waitFor} from './ink-keys.js';
import {renderReview} from '../../helpers/review-screen.js';

afterEach(() => cleanup());

describe('step 7\u2019s next review field', () => {
	it('warns that the review falls inside the sergeant\u2019s absence, and stops once the date it gives is typed', async () => {
		const demo = loadDemo();
		const ctx = contextFor(demo, OVERDUE_REF);
		const data = saveDraft(
			demo,
			{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 6, answers: completeAnswers(ctx)},
			`${TODAY}T09:00:00.000Z`,
		);
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 50});
		await ready(app);
		const f = await until(app, 'step 7 of 7');
		expect(f.replace(/\s+/g, ' ')).toContain(
			'Warning: DS Brennan is recorded away 10 Dec to 04 Feb 2027 (no cover is named): this review (14 Dec) falls inside it; ' +
				'choose 09 Dec, before the absence.',
		);
		await press(app, '09/12/2026');
		expect(await waitFor(() => !frame(app).includes('Warning:'))).toBe(true);
		expect(frame(app)).toContain('Next review: 09 Dec.');
	});
});
