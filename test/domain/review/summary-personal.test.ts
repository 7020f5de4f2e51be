/**
 * The sentences a written summary holds about the OIC's performance, a concern or their welfare
 * check-in are personal data about that officer (README "Who may read what"): an officer reading a case
 * they now hold is shown the summary without them (domain/read-scope.ts reviewSummaryFor). The list
 * they are dropped by (PERSONAL_SUMMARY_SENTENCES) must hold every such sentence summary.ts can write.
 */
import {describe, expect, it} from 'vitest';
import {
	DECISION_WORDS,
	PERSONAL_SUMMARY_SENTENCES,
	summaryLines,
	summaryText,
	withoutPersonalSentences,
} from '../../../source/domain/review/summary.js';
import {WELFARE_FLAGS} from '../../../source/domain/review/answers.js';
import {completeAnswers, contextFor, loadDemo} from './fixtures.js';

const PERSONAL = /^(Performance|Concern|Welfare):/;

describe('every personal sentence summary.ts writes for the record is one the list drops', () => {
	const base = contextFor(loadDemo());
	const decisions = [null, ...(Object.keys(DECISION_WORDS) as (keyof typeof DECISION_WORDS)[])];
	it('over every trigger state, decision, concern and check-in answer', () => {
		const written = new Set<string>();
		for (const fired of [true, false])
			for (const withInspector of [null, 'The inspector decides it.'])
				for (const due of [true, false])
					for (const decision of decisions)
						for (const concern of ['', 'Late files twice this month.'])
							for (const checkIn of [true, false, null]) {
								const ctx = {...base, trigger: {...base.trigger, fired}, triggerWithInspector: withInspector, welfareCheckInDue: due};
								const a = completeAnswers(ctx);
								const answers = {
									...a,
									signOff: {...a.signOff, summary: ''},
									performance: {...a.performance, decision, concern},
									welfare: {checkIn, note: 'Private words.', flags: [...WELFARE_FLAGS]},
								};
								const lines = summaryLines(ctx, answers, true);
								for (const line of lines.filter(l => PERSONAL.test(l))) {
									written.add(line);
									expect(PERSONAL_SUMMARY_SENTENCES).toContain(line);
								}
								const kept = withoutPersonalSentences(summaryText(ctx, answers));
								expect(kept).not.toMatch(/Performance:|Concern:|Welfare:/);
								// The case facts stay: the first and last lines.
								expect(kept.startsWith(lines[0]!)).toBe(true);
								expect(kept.endsWith(lines.at(-1)!)).toBe(true);
							}
		// Each listed sentence is one summary.ts really writes (the list has no dead entries).
		expect([...written].sort()).toEqual([...PERSONAL_SUMMARY_SENTENCES].sort());
	});

	it("leaves a sergeant's own words alone unless they repeat a listed sentence", () => {
		const own = 'Spoke to the OIC about the performance of the CCTV trawl. Welfare of the victim checked.';
		expect(withoutPersonalSentences(own)).toBe(own);
		expect(withoutPersonalSentences('Plan agreed. Welfare: check-in done. Next review: 14 Dec.')).toBe('Plan agreed. Next review: 14 Dec.');
	});
});
