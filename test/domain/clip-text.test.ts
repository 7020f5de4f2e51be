/**
 * QA pass 3, R5: the action-owner-away message quoted `"Arrange a further interview with the suspect on
 * th"` (cut at 50 characters, mid-word, no ellipsis). Quotes are now cut at a word, with "…".
 */
import {describe, expect, it} from 'vitest';
import {clipAtWord} from '../../source/domain/clip-text.js';
import {findProblems} from '../../source/domain/rules/index.js';
import {loadDemo} from './review/fixtures.js';

describe('clipAtWord', () => {
	it('keeps short text, cuts long text at the last word that fits with "…", never mid-character', () => {
		expect(clipAtWord('Take a statement', 50)).toBe('Take a statement');
		expect(clipAtWord('Arrange a further interview with the suspect on the new disclosure', 50)).toBe(
			'Arrange a further interview with the suspect on…',
		);
		expect(clipAtWord('one two three', 8)).toBe('one two…');
		// One long word: cut inside it rather than keep almost nothing.
		expect(clipAtWord('a Supercalifragilisticexpialidocious', 10)).toBe('a Superca…');
		expect([...clipAtWord('😀'.repeat(20), 10)]).toHaveLength(10);
	});
});

describe('action owner away', () => {
	it('quotes the action cut at a word with an ellipsis (CR/87204/26, DC Ashworth on sick leave)', () => {
		const p = findProblems(loadDemo(), '2026-11-30').find(x => x.kind === 'action-owner-away' && x.message.includes('CR/87204/26'))!;
		expect(p.message).toContain('CR/87204/26 "Arrange a further interview with the suspect on…" due 25 Nov');
		expect(p.message).not.toContain('suspect on th"');
	});
});
