/**
 * `problems --json` writes problems in printable text as they are and checks the whole text once
 * (source/export/problems-json.ts, issue 18). Whatever the text, the output must be the careful way's,
 * byte for byte: every string through safeText, then escapeJsonText. Each field in turn carries each
 * kind of text that is not printable ASCII, or that looks like an escape without being one.
 */
import {describe, expect, it} from 'vitest';
import type {Officer} from '../../source/domain/model.js';
import type {Problem} from '../../source/domain/problem.js';
import {escapeJsonText, safeOutput} from '../../source/domain/safe-text.js';
import {problemToJson, renderProblemsJson, renderProblemsJsonPieces} from '../../source/export/problems-json.js';
import {officer} from '../helpers/officer.js';

const officers = new Map<string, Officer>([
	['o1', officer('o1', 'Sam Ashworth')],
	['o2', officer('o2', 'Zoë \u001b[31mRed\u001b[0m')],
]);

const base: Problem = {
	id: 'bail-due:CR/1/26',
	kind: 'bail-due',
	severity: 'red',
	subject: {type: 'case', ref: 'CR/1/26', officerId: 'o1'},
	message: 'Bail return 05 Dec: 5 days',
	action: 'Plan the bail return now.',
	evidence: [{type: 'bail', caseRef: 'CR/1/26', id: '3', date: '2026-09-01', detail: 'bailed'}],
	since: '2026-11-21',
	due: '2026-12-05',
	resolve: [
		{
			way: 'bail-record',
			label: 'Record the bail',
			desk: {action: 'bail-record', key: 'b', where: 'case'},
			command: 'fortnight bail CR/1/26',
		},
	],
};

/** The output as it was made before the plain path: every string through safeText, then the whole text escaped. */
const careful = (problems: Problem[]): string =>
	escapeJsonText(
		JSON.stringify(
			problems.map(p => problemToJson(p, officers)),
			null,
			2,
		),
	) + '\n';

const TEXTS = [
	'plain text, "quoted" and a back\\slash',
	'a literal \\n and \\u001b, backslashes not escapes',
	'\\',
	'ends with a backslash \\',
	'tab\there',
	'line\nbreak',
	'cr\rlf\r\n',
	'escape \u001b[2J sequence',
	'bell \u0007 and nul \u0000',
	'del \u007f',
	'c1 \u009b31m',
	'bidi \u202e override',
	'zero\u200bwidth',
	'line sep \u2028',
	'Zoë, café',
	'lone surrogate \ud800',
	'emoji \u{1f600}',
	// Non-ASCII runs are looked at one by one on the plain path (a store in plain text with an ellipsis).
	'cut at a word…',
	'… and then a bidi \u202e in another run',
	'joined emoji \u{1f468}\u200d\u{1f469}',
	'soft\u00adhyphen',
	'no-break\u00a0space and é…',
];

const variants = (text: string): Problem[] => [
	{...base, id: `id:${text}`},
	{...base, message: text},
	{...base, action: text},
	{...base, subject: {type: 'case', ref: text, officerId: 'o1'}},
	{...base, subject: {type: 'officer', officerId: text}},
	{...base, evidence: [{type: 'update', caseRef: text, id: text, detail: text}]},
	{...base, resolve: [{way: 'bail-record', label: text, desk: null, command: text}]},
];

describe('problems --json: the plain path is the careful path', () => {
	it('for printable ASCII problems', () => {
		const problems = [base, {...base, id: 'b', subject: {type: 'officer' as const, officerId: 'o1'}, evidence: [], resolve: []}];
		expect(renderProblemsJson(problems, officers)).toBe(careful(problems));
		expect(renderProblemsJson([], officers)).toBe('[]\n');
	});

	it.each(TEXTS.map(t => [JSON.stringify(t), t]))('with %s in each field', (_, text) => {
		for (const p of variants(text)) {
			const json = renderProblemsJson([base, p], officers);
			expect(json).toBe(careful([base, p]));
			// problems --json writes it without safeOutput (command.ts outCheckedPieces): it must be a no-op on it.
			expect(safeOutput(json)).toBe(json);
		}
	});

	it('with an officer whose name is not plain', () => {
		const p: Problem = {...base, subject: {type: 'officer', officerId: 'o2'}};
		expect(renderProblemsJson([p], officers)).toBe(careful([p]));
		expect(renderProblemsJson([p], officers)).not.toContain('\u001b');
	});
});

describe('problems --json in pieces (many problems)', () => {
	// More problems than one piece holds (PIECE, 256), so the text is made in several JSON.stringify calls.
	const many = (at: number, text: string): Problem[] =>
		Array.from({length: 700}, (_, i) => ({...base, id: `p${i}`, message: i === at ? text : `${base.message} (${i})`}));

	it('joined, the pieces are the careful text, for plain text and an ellipsis in one piece', () => {
		for (const problems of [many(-1, ''), many(300, 'cut at a word…'), many(699, 'Zoë, café')]) {
			const pieces = renderProblemsJsonPieces(problems, officers);
			expect(pieces.length).toBeGreaterThan(3);
			expect(pieces.join('')).toBe(careful(problems));
			expect(renderProblemsJson(problems, officers)).toBe(careful(problems));
			for (const piece of pieces) expect(safeOutput(piece)).toBe(piece);
		}
	});

	it('a piece that is not printable makes the whole text the careful way, in one piece', () => {
		for (const at of [0, 299, 699]) {
			const problems = many(at, 'escape \u001b[2J and bidi \u202e');
			const pieces = renderProblemsJsonPieces(problems, officers);
			expect(pieces).toEqual([careful(problems)]);
			expect(pieces[0]).not.toContain('\u001b');
		}
	});

	it('no problems: one piece, an empty array', () => {
		expect(renderProblemsJsonPieces([], officers)).toEqual(['[]\n']);
	});
});
