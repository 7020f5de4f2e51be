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

	// QA 6 R10: on PostgreSQL the sign-off said the note "goes to the private welfare file", which is not
	// where it goes there; the sentence names no file, true on either store, and is never in the stored record.
	it('says where a welfare note goes without naming a file, and never in the signed record', () => {
		const ctx = contextFor(loadDemo());
		const a = completeAnswers(ctx);
		const answers = {...a, welfare: {...a.welfare, note: 'not part of this test'}};
		const shown = summaryLines(ctx, answers).filter(l => l.startsWith('Welfare note:'));
		expect(shown).toEqual(['Welfare note: kept apart, with the private welfare notes only.']);
		expect(summaryLines(ctx, answers, true).some(l => l.startsWith('Welfare note:'))).toBe(false);
	});
});
