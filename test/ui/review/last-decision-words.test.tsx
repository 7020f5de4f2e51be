/**
 * Step 5 says an officer's last performance decision in its words, the words the evidence line above it
 * and every sentence use (domain/status-words.ts performanceDecisionWords), never the stored value
 * (QA pass 4 R-c: "Last decision: action-plan on 22 Aug.", "Last decision: not-now on 10 Nov.").
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {saveDraft} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, SERGEANT, TODAY} from '../../domain/review/fixtures.js';
import {ready, until} from './ink-keys.js';
import {renderReview} from '../../helpers/review-screen.js';

afterEach(() => cleanup());

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Step 5 of a review of `ref`, reached from a draft left at step 4. */
async function stepFive(ref: string): Promise<string> {
	const demo = loadDemo();
	const answers = completeAnswers(contextFor(demo, ref));
	const data = saveDraft(
		demo,
		{caseRef: ref, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 4, answers},
		`${TODAY}T09:00:00.000Z`,
	);
	const app = renderReview({data, caseRef: ref, today: TODAY, width: 120, rows: 60});
	await ready(app);
	return flat(await until(app, 'step 5 of 7: Performance'));
}

describe("step 5's last decision in words", () => {
	it('DC Evans (CR/25114/25): "start an action plan", as the line above says it', async () => {
		const f = await stepFive('CR/25114/25');
		expect(f).toContain('Last decision: "start an action plan" on 22 Aug.');
		expect(f).not.toMatch(/Last decision: action-plan/);
	});

	it('DC Ashworth (CR/32449/23): "not needed now", never "not-now"', async () => {
		const f = await stepFive('CR/32449/23');
		expect(f).toContain('Last decision: "not needed now" on 10 Nov.');
		expect(f).not.toContain('not-now');
	});
});
