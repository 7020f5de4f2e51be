/** The summary stored with a signed review when the sergeant writes none: sentences, each ending with a full stop. */
import {describe, expect, it} from 'vitest';
import {summaryLines, summaryText} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo} from './fixtures.js';

describe('the summary written from the answers', () => {
	it('says "no new actions" with the reason as a sentence, whether or not the reason ends with a full stop', () => {
		const ctx = contextFor(loadDemo());
		for (const [reason, shown] of [
			['Awaiting the CPS charging decision', 'Awaiting the CPS charging decision.'],
			['Awaiting the CPS charging decision.', 'Awaiting the CPS charging decision.'],
			['Is the file with CPS?', 'Is the file with CPS?'],
		] as const) {
			const a = {...completeAnswers(ctx), actions: [], noActionReason: reason};
			expect(summaryLines(ctx, a, true)).toContain(`New actions: none. Reason: ${shown}`);
		}
	});

	it('ends every line with a full stop', () => {
		const ctx = contextFor(loadDemo());
		const a = {...completeAnswers(ctx), actions: [], noActionReason: 'Awaiting the CPS charging decision'};
		for (const line of summaryLines(ctx, a)) expect(line).toMatch(/[.!?]$/);
		expect(summaryText(ctx, a)).toMatch(/Reason: Awaiting the CPS charging decision\. /);
	});
});
