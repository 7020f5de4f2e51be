/**
 * QA pass 3, R2: with CR/88397/26's risk raised to high (reviewed every 7 days: no later than 07 Dec)
 * and 20 Dec typed, the absence warning said "choose 09 Dec, before the absence", a date the cadence
 * refuses. The suggestion is now capped at the cadence's latest date; with no open date early enough,
 * the warning names the earliest open date as well as the limit.
 */
import {describe, expect, it} from 'vitest';
import {nextReviewWarnings} from '../../../source/domain/review/index.js';
import {completeAnswers, contextFor, loadDemo, OVERDUE_REF} from './fixtures.js';

describe('next review warnings never suggest a date the cadence refuses', () => {
	it('high risk (7 days) and 20 Dec inside the sergeant\u2019s absence: choose 07 Dec or earlier, not 09 Dec', () => {
		const data = loadDemo();
		data.absences = data.absences.map(x => (x.id === 'ab0002' ? {...x, coverOfficerId: 'o0006'} : x));
		const ctx = contextFor(data, OVERDUE_REF);
		const a = completeAnswers(ctx);
		const high = {...a, risk: {decision: 'change' as const, newRisk: 'high' as const, rationale: 'Threats to the witness.'}};
		const warnings = nextReviewWarnings(ctx, {...high, signOff: {...high.signOff, nextReviewDue: '2026-12-20'}});
		expect(warnings).toEqual([
			'DS Brennan is recorded away 10 Dec to 04 Feb 2027 (DC Marsh covers): this review (20 Dec) falls inside it; ' +
				'choose 07 Dec or earlier, before the absence (high risk is reviewed every 7 days).',
		]);
		expect(warnings.join(' ')).not.toContain('09 Dec');
		// The date it suggests is clear of the absence (and the cadence allows it).
		expect(nextReviewWarnings(ctx, {...high, signOff: {...high.signOff, nextReviewDue: '2026-12-07'}})).toEqual([]);
	});

	it('an absence starting tomorrow leaves no open date before it: both limits are said', () => {
		const data = loadDemo();
		data.absences = data.absences.map(x => (x.id === 'ab0002' ? {...x, from: '2026-12-01'} : x));
		const ctx = contextFor(data, OVERDUE_REF);
		expect(nextReviewWarnings(ctx, completeAnswers(ctx))).toEqual([
			'DS Brennan is recorded away 01 Dec to 04 Feb 2027 (no cover is named): this review (14 Dec) falls inside it; ' +
				'no date before it is open to this review (the earliest is 01 Dec); make sure the cover has the handover.',
		]);
	});
});
