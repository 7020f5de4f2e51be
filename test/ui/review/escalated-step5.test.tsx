/**
 * Step 5 of a review of a case whose officer's trigger is on the inspector's exception list (the demo's
 * DC Doyle: no decision in 14 days): the sergeant is told the inspector decides it and is offered no
 * decision. A decision kept from before (an old draft) is refused at the step, naming the inspector,
 * until "no decision" is chosen; the review then signs without one.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {saveDraft} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF, SERGEANT, TODAY} from '../../domain/review/fixtures.js';
import {frame, KEYS, press, ready, until} from './ink-keys.js';
import {renderReview} from '../../helpers/review-screen.js';

afterEach(() => cleanup());

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe("step 5 when the officer's trigger is the inspector's", () => {
	it('says the inspector decides it, offers no decision, and refuses one kept in an old draft until it is cleared', async () => {
		const demo = loadDemo();
		const answers = completeAnswers(contextFor(demo));
		// As the desk allowed before: "not now" on DC Doyle's escalated trigger.
		answers.performance = {decision: 'not-now', reason: 'Off sick; revisit on return.', planReviewDate: '', concern: ''};
		const data = saveDraft(
			demo,
			{caseRef: OVERDUE_REF, reviewerId: SERGEANT, startedAt: `${TODAY}T09:00:00.000Z`, step: 4, answers},
			`${TODAY}T09:00:00.000Z`,
		);
		const app = renderReview({data, caseRef: OVERDUE_REF, today: TODAY, width: 100, rows: 60});
		await ready(app);
		let f = flat(await until(app, 'step 5 of 7: Performance'));
		expect(f).toContain(
			"DC Doyle's performance trigger was escalated to the inspector: only DI Okafor can decide it. This review records no decision on it",
		);
		expect(f).toContain("Decision for DC Doyle (the inspector's: on their exception list)");
		expect(f).not.toContain('considered, not needed now');
		// Nothing to give a reason for (QA 8 R19).
		expect(f).toContain('Reason (not used: the inspector decides this one)');
		expect(f).not.toContain('required for "not needed now"');
		expect(f).not.toContain('start an action plan');
		await press(app, KEYS.ctrlN);
		f = flat(await until(app, 'Needs attention'));
		expect(f).toContain('only DI Okafor can decide it. This review records no decision on it: choose "no decision".');
		expect(frame(app)).toContain('step 5 of 7');
		// The one choice there is: no decision.
		await press(app, KEYS.right, KEYS.ctrlN);
		await until(app, 'step 6 of 7');
		await press(app, KEYS.ctrlN);
		f = flat(await until(app, 'step 7 of 7'));
		expect(f).toContain("Performance: on the inspector's exception list; the inspector decides it.");
	});
});
