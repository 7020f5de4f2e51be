/**
 * QA pass 3, R3: sentences showed the stored value "not-now" (`Decision recorded 30 Nov: "not-now"`,
 * `decision "not-now" recorded ...`). They now use the review step's words; the stored value stays.
 */
import {describe, expect, it} from 'vitest';
import {triggerFor} from '../../../source/domain/rules/index.js';
import {performanceDecisionWords} from '../../../source/domain/status-words.js';
import {chainOf, decision, problem, store} from './fixture.js';

const concern = (date: string) => ({id: `c-${date}`, officerId: 'o1', date, by: 's1', text: 'Missed a deadline.', caseRef: null});

describe('performance decisions in words', () => {
	it('the problem and its evidence say "not needed now"; the trigger keeps the stored value', () => {
		const data = store({
			concerns: [concern('2026-03-01'), concern('2026-04-20')],
			chain: chainOf([decision('o1', '2026-04-25', 'not-now')]),
		});
		const p = problem(data, '2026-05-10', 'performance-trigger:o1')!;
		expect(p.message).toContain('Decision recorded 25 Apr: "not needed now"');
		expect(p.message).not.toContain('not-now');
		const t = triggerFor(data, 'o1', '2026-05-10');
		expect(t.lastDecision?.decision).toBe('not-now');
		expect(t.evidence.find(e => e.type === 'decision')?.detail).toBe('decision "not needed now" recorded 25 Apr by DS Sergeant');
	});

	it('every stored decision has words; an unknown one reads with spaces', () => {
		expect(['action-plan', 'not-now', 'escalate'].map(performanceDecisionWords)).toEqual([
			'start an action plan',
			'not needed now',
			'escalate to the inspector',
		]);
		expect(performanceDecisionWords('some-new-kind')).toBe('some new kind');
	});
});
