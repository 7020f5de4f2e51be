/**
 * Bail problems name an absence still to come as one (QA pass 4, R3): days before DS Brennan's sick leave
 * (10 Dec-04 Feb) began, the bail problems said he "is on sick leave until 04 Feb 2027".
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {demoData} from '../../helpers/demo.js';

const message = (today: string, id: string) => findProblems(demoData(), today).find(p => p.id === id)?.message ?? '';

describe('bail problems and the supervisor’s absence', () => {
	it('before it starts: "will be on sick leave 10 Dec-04 Feb 2027"', () => {
		const m = message('2026-11-30', 'bail-supervisor-absent:CR/31909/26');
		expect(m).toContain('supervisor DS Brennan will be on sick leave 10 Dec-04 Feb 2027; no cover assigned');
		expect(m).not.toContain('is on sick leave');
	});

	it('once under way: "is on sick leave until 04 Feb 2027"', () => {
		const found = findProblems(demoData(), '2026-12-12').filter(
			p => p.kind.startsWith('bail-') && p.message.includes('supervisor DS Brennan'),
		);
		expect(found.length).toBeGreaterThan(0);
		for (const p of found) expect(p.message).toContain('supervisor DS Brennan is on sick leave until 04 Feb 2027');
	});
});
