/**
 * Performance-trigger evidence reads in words (issue "The desk under real hands", item 12): identical
 * text is "identical text to an update on CR/... the same day", not "update 17 on CR/..." (its place in
 * the case's list); the day a case turned red is a UK date like every other date beside it, not ISO.
 */
import {describe, expect, it} from 'vitest';
import {findProblems} from '../../../source/domain/rules/index.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

describe('performance-trigger evidence', () => {
	const triggers = findProblems(demoData(), DEMO_TODAY).filter(p => p.kind === 'performance-trigger');
	const details = triggers.flatMap(p => p.evidence.map(e => e.detail));

	it('says what an identical or near-identical update is, by its date and the other case', () => {
		expect(details).toContain('21 Oct: identical text to an update on CR/87204/26 the same day');
		expect(details).toContain('21 Nov: near-identical (88% similar) to an update on CR/21782/25 the same day');
		expect(details.filter(d => /\bupdate \d+ on\b/.test(d))).toEqual([]);
	});

	it('gives the day a case turned red as a UK date, saying what it is; no ISO date among them', () => {
		expect(details).toContain('red for updates since 18 Nov: no crime-report update in the 28 days before');
		expect(details.filter(d => /\b\d{4}-\d{2}-\d{2}\b/.test(d))).toEqual([]);
		expect(details.filter(d => / since$/.test(d))).toEqual([]);
	});
});
