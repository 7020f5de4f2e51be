/**
 * `fortnight problems` as text loses nothing when it wraps (QA item 4): the "Do:" line's continuation
 * lines were wrapped at 78 columns, indented by 6 and then cut at 80 ("(charged, R / NFA", "before /
 * Jan 2027"), and the "Since ..." line was cut in the middle of the problem's id. Every line now fits
 * its width counting its indent, and the words read back in order; an id wider than a line stands whole
 * on a line of its own.
 */
import {describe, expect, it} from 'vitest';
import type {Officer} from '../../source/domain/model.js';
import type {Problem} from '../../source/domain/problem.js';
import {renderProblemsText} from '../../source/export/problems-text.js';
import {wrap} from '../../source/export/text-width.js';
import {officer} from '../helpers/officer.js';

const officers = new Map<string, Officer>([['o1', officer('o1', 'Sam Ashworth')]]);

/** The QA report's two cut sentences, and an id as long as the independent-supervisor rule's. */
const ACTION =
	'Before the return date record it: re-bailed with a new return date, or how bail ended (charged, RUI, NFA or released); ' +
	'any extension must be authorised by a magistrates’ court before 09 Jan 2027.';
const ACTION_2 =
	'Name cover for the absence (fortnight absence change ab0003 --cover NAME), or give these actions to someone at work at ' +
	"each case's review.";
const ID = 'review-needs-independent-supervisor:CR/13018/26:ab0002';

const problem = (over: Partial<Problem> = {}): Problem => ({
	id: ID,
	kind: 'bail-due',
	severity: 'critical',
	subject: {type: 'case', ref: 'CR/13018/26', officerId: 'o1'},
	message: 'Bail return 05 Dec: 5 days; supervisor DS Brennan is on sick leave until 04 Feb 2027 with no cover named.',
	action: ACTION,
	evidence: [],
	since: '2026-11-21',
	due: '2026-12-05',
	resolve: [
		{
			way: 'reallocate',
			label: 'Reallocate CR/13018/26 to an officer at work, with the reason kept in its history',
			desk: {action: 'reallocate', key: 'm', where: 'the case, its problem or its row in the explorer'},
			command: 'fortnight case reallocate CR/13018/26 --to OFFICER --reason "why it moves" --on 2026-11-30',
		},
	],
	...over,
});

/** The text with its line breaks and indents gone: what a reader reads, word after word. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('fortnight problems text wraps without losing a word', () => {
	for (const width of [80, 72, 64]) {
		it(`at ${width} columns: every line fits, and every sentence reads back whole`, () => {
			const problems = [problem(), problem({id: 'action-owner-away:o1', action: ACTION_2, due: undefined})];
			const text = renderProblemsText(problems, {today: '2026-12-15', officers, width});
			const lines = text.split('\n');
			expect(lines.filter(l => l.length > width)).toEqual([]);
			const read = flat(text);
			for (const sentence of [ACTION, ACTION_2]) expect(read).toContain(`Do: ${sentence}`);
			expect(read).toContain(`Since 21 Nov; due 05 Dec. [${ID}]`);
			expect(read).toContain('Since 21 Nov. [action-owner-away:o1]');
			expect(read).toContain(flat(problems[0]!.message));
			// The Do line's continuations hang under its text, six columns in.
			const doAt = lines.findIndex(l => l.startsWith('  Do: Before'));
			expect(lines[doAt + 1]).toMatch(/^ {6}\S/);
			// An id is never split between lines: it is found whole on one line.
			expect(lines.some(l => l.includes(`[${ID}]`))).toBe(true);
		});
	}

	it('an id wider than the line stands whole on a line of its own rather than being cut', () => {
		const text = renderProblemsText([problem()], {today: '2026-12-15', officers, width: 40});
		const lines = text.split('\n');
		expect(lines).toContain(`  [${ID}]`);
		expect(lines.filter(l => l.length > 40)).toEqual([`  [${ID}]`]);
		expect(lines).toContain('  Since 21 Nov; due 05 Dec.');
	});

	it('lines that fit are as before: the first "Do:" line still takes the full width', () => {
		const text = renderProblemsText([problem()], {today: '2026-12-15', officers});
		expect(text).toContain('CRITICAL Bail due: CR/13018/26, OIC DC Ashworth\n');
		expect(text).toContain(
			'  Do: Before the return date record it: re-bailed with a new return date, or how\n' +
				'      bail ended (charged, RUI, NFA or released); any extension must be\n',
		);
		// 85 columns on one line: the id moves to the next, whole.
		expect(text).toContain(`  Since 21 Nov; due 05 Dec.\n  [${ID}]\n`);
	});
});

describe('wrap', () => {
	it('wraps the lines after the first to their own width', () => {
		expect(wrap('aaa bbb ccc ddd eee', 7, {rest: 3})).toEqual(['aaa bbb', 'ccc', 'ddd', 'eee']);
		expect(wrap('aaaa bbb', 3, {rest: 5})).toEqual(['aaa', 'a bbb']);
	});
	it('keeps a word wider than a line whole when asked, and splits it otherwise, dropping nothing', () => {
		expect(wrap('ab [long-id-here]', 6, {wholeWords: true})).toEqual(['ab', '[long-id-here]']);
		expect(wrap('ab [long-id-here]', 6)).toEqual(['ab', '[long-', 'id-her', 'e]']);
		expect(wrap('a '.repeat(3) + 'x'.repeat(25), 10)).toEqual(['a a a', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
	});
});
