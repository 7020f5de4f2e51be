import {describe, expect, it} from 'vitest';
import {days, plural} from '../../source/domain/plural.js';
import {caseStatusWords, CASE_STATUS_WORDS} from '../../source/domain/status-words.js';
import {renderHandoverMarkdown} from '../../source/export/handover-md.js';
import {demoData, handoverOf} from './handover/fixtures.js';

describe('counted words (QA P3-5)', () => {
	it('singular for one, plural otherwise', () => {
		expect(days(1)).toBe('1 day');
		expect(days(0)).toBe('0 days');
		expect(plural(1, 'entry', 'entries')).toBe('1 entry');
		expect(plural(2, 'entry', 'entries')).toBe('2 entries');
		expect(plural(1, 'point')).toBe('1 point');
	});

	it('the handover Markdown never says "1 days"', () => {
		const md = renderHandoverMarkdown(handoverOf(demoData()));
		// A decision due the day before a window that opens on 21 Nov (the handover's own day counts): the
		// lapsed bail's return, on 20 Nov in the regenerated demo (a week inside its period; issue 22 item 6).
		expect(renderHandoverMarkdown(handoverOf(demoData(), {from: '2026-11-21', to: '2026-12-04'}))).toContain(
			'(1 day before your window opens)',
		);
		expect(md).not.toMatch(/\b1 days\b/);
		expect(renderHandoverMarkdown(handoverOf(demoData(), {from: '2026-11-30', to: '2026-11-30'}))).toContain('(1 day)');
	});
});

describe('case status words (QA P3-16)', () => {
	it('CPS in capitals; every status has words', () => {
		expect(caseStatusWords('with-cps')).toBe('with CPS');
		expect(caseStatusWords('awaiting-forensics')).toBe('awaiting forensics');
		expect(caseStatusWords('some-new-status')).toBe('some new status');
		expect(Object.keys(CASE_STATUS_WORDS)).toHaveLength(6);
	});

	it('the handover says "with CPS"', () => {
		const md = renderHandoverMarkdown(handoverOf(demoData()));
		expect(md).toContain('(medium risk, with CPS)');
		expect(md).not.toContain('with cps');
	});
});
