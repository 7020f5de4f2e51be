import {describe, expect, it} from 'vitest';
import type {Problem} from '../../../source/domain/problem.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {ready, renderDesk} from '../desk-harness.js';

describe('Problems panel header (QA P3-1)', () => {
	it('counts every severity, info included, and the parts add up to the total', async () => {
		// The demo plus one info problem, as a performance decision recorded "not now" gives.
		const find = (data: Parameters<typeof findProblems>[0], today: string): Problem[] => [
			...findProblems(data, today),
			{
				id: 'info:test',
				kind: 'performance-trigger',
				severity: 'info',
				subject: {type: 'officer', officerId: 'o0011'},
				message: 'Decision recorded',
				action: 'None',
				evidence: [],
				since: today,
			},
		];
		const h = renderDesk({findProblems: find});
		await ready(h);
		const f = await h.waitFor(/PROBLEMS\s+\d+ problems: /);
		const m = /(\d+) problems: ((?:\d+ \w+(?:, )?)+)/.exec(f)!;
		const parts = m[2]!.split(', ').map(p => Number(p.split(' ')[0]));
		expect(m[2]).toMatch(/, 1 info/);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(m[1]));
		h.app.unmount();
	});
});
