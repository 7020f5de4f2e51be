/**
 * A load error names the file, the position and what is wrong, and quotes nothing from the file (issue
 * 14, item 12): `verify --store /etc/shadow` printed the start of it (V8's JSON.parse message quotes the
 * text around the error), and a welfare file given as --store echoed part of a note.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../source/domain/model.js';
import {describePosition, findJsonSyntaxError} from '../../source/store/json-syntax.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO, DEMO_TODAY, ROOT, runCli, tempDir} from '../helpers/cli.js';

const SHADOW = 'root:$y$j9T$Qm1cZ7sEcReTsAlT$h4shOfTheRootPassw0rd:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n';
const NOTE = 'Says he is waking at night thinking about work; GP appointment made';

/** Every word of 4 or more letters or digits in `content` but not in the words fortnight's messages use. */
function words(content: string): string[] {
	return [...new Set(content.match(/[A-Za-z0-9$]{4,}/g) ?? [])].filter(w => !/^(true|false|null|line|column|byte|file|text)$/i.test(w));
}

function expectQuotesNothing(message: string, content: string): void {
	for (const w of words(content))
		expect(message, `quotes "${w}"`).not.toMatch(new RegExp(`(^|[^A-Za-z0-9$])${w.replace(/\$/g, '\\$')}($|[^A-Za-z0-9$])`));
}

function loadError(text: string): string {
	try {
		loadStoreText(text, 'team.json');
	} catch (err) {
		return (err as Error).message;
	}
	throw new Error('expected the text to be refused');
}

describe('load errors quote nothing from the file', () => {
	it('a password file as --store: the position and the problem, none of its text (exit 3)', () => {
		const file = path.join(tempDir('fortnight-quote-'), 'shadow');
		writeFileSync(file, SHADOW);
		const r = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(r.code).toBe(3);
		expect(r.stderr).toBe(
			`fortnight: ${file} is not valid JSON at line 1, column 1 (byte 0): a character that cannot start a JSON value stands where a value was expected. ` +
				'The file was not changed; restore a backup or fix it by hand.\n',
		);
		expectQuotesNothing(r.stderr.replace(file, ''), SHADOW);
	});

	it('a welfare file as --store, whole or damaged inside a note: nothing of the notes', () => {
		const welfare = readFileSync(path.join(ROOT, 'data', 'demo.welfare.json'), 'utf8');
		const notes = (JSON.parse(welfare) as {notes: {text: string}[]}).notes.map(n => n.text).join(' ');
		expect(notes).toContain(NOTE);
		const damaged = [
			welfare,
			welfare.replace(NOTE, `${NOTE}" , oops`), // V8: Unexpected token 'o', ..."ment made" , oops"...
			welfare.replace(NOTE, NOTE.replace('night', 'night\u0001')),
			welfare.replace(NOTE, NOTE.replace('; ', '\\q')),
			welfare.slice(0, welfare.indexOf(NOTE) + 30),
			welfare.replace(`"${NOTE}`, NOTE),
		];
		for (const text of damaged) {
			const message = loadError(text);
			expect(message).toMatch(/^team\.json is not (valid JSON at line \d+, column \d+ \(byte \d+\)|a valid fortnight store)/);
			expectQuotesNothing(message, notes);
		}
	});

	it('schema and reference errors name the field, never the value found', () => {
		const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as StoreData;
		const secret = 'Zebracorn Quixotic Flamingo';
		const cases = (mutate: (c: StoreData['cases'][number]) => object) => demo.cases.map((c, i) => (i === 2 ? mutate(c) : c));
		const texts = [
			{...demo, cases: cases(c => ({...c, risk: secret}))},
			{...demo, cases: cases(c => ({...c, status: 42}))},
			{...demo, cases: cases(c => ({...c, ref: secret + secret}))},
			{...demo, cases: cases(c => ({...c, oicId: secret}))},
			{...demo, cases: cases(c => ({...c, opened: `${secret}`}))},
			{...demo, cases: [...demo.cases, {...demo.cases[0]!}]},
			{...demo, officers: demo.officers.map((o, i) => (i === 1 ? {...o, supervisorId: secret} : o))},
			{...demo, team: {...demo.team, sergeantId: secret}},
			{...demo, drafts: [{caseRef: secret, reviewerId: demo.team.sergeantId, startedAt: 'x', updatedAt: 'x', step: 0, answers: {}}]},
			{...demo, absences: [{...demo.absences[0]!, from: '2026-10-02', to: '2026-10-01'}]},
		];
		for (const data of texts) {
			const message = loadError(JSON.stringify(data));
			expect(message).toMatch(/^team\.json is not a valid fortnight store: at \/\w+/);
			expect(message).not.toContain(secret.split(' ')[0]);
			expect(message).not.toContain(demo.cases[0]!.ref);
			expect(message).not.toMatch(/2026-10-0[12]/);
		}
		// Still says what is wrong.
		expect(loadError(JSON.stringify(texts[5]))).toContain('at /cases/60/ref, this crime reference appears twice (also at /cases/0/ref)');
		expect(loadError(JSON.stringify(texts[0]))).toContain(
			'at /cases/2/risk, Expected one of "high", "medium", "low" (found a text of 27 characters)',
		);
	});
});

describe('findJsonSyntaxError agrees with JSON.parse', () => {
	const v8Position = (text: string): number | null | 'ok' => {
		try {
			JSON.parse(text);
			return 'ok';
		} catch (err) {
			const m = /position (\d+)/.exec((err as Error).message);
			return m ? Number(m[1]) : null;
		}
	};

	it('on fuzzed damage to JSON texts: the same verdict, and the same position wherever V8 gives one', () => {
		const damaged = fc
			.tuple(
				fc.json(),
				fc.nat(),
				fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
				fc.constantFrom(...'{}[]":,0-.e+ \n\t\\atfnu\u0001x1'),
			)
			.map(([json, at, how, ch]) => {
				const i = json.length === 0 ? 0 : at % json.length;
				if (how === 'delete') return json.slice(0, i) + json.slice(i + 1);
				if (how === 'insert') return json.slice(0, i) + ch + json.slice(i);
				if (how === 'truncate') return json.slice(0, i);
				return json.slice(0, i) + ch + json.slice(i + 1);
			});
		fc.assert(
			fc.property(damaged, text => {
				const v8 = v8Position(text);
				const ours = findJsonSyntaxError(text);
				if (v8 === 'ok') return ours === null;
				if (ours === null) return false;
				return v8 === null || ours.index === v8;
			}),
			{numRuns: 5000},
		);
	});

	it('names each kind of problem at its place', () => {
		const at = (text: string) => {
			const e = findJsonSyntaxError(text);
			return e && `${describePosition(text, e.index)}: ${e.problem}`;
		};
		expect(at('{"a": 1}')).toBeNull();
		expect(at('root:x:0:0')).toBe(
			'line 1, column 1 (byte 0): a character that cannot start a JSON value stands where a value was expected',
		);
		expect(at('{\n  "a": tru\n}')).toBe('line 2, column 11 (byte 12): a misspelt true, false or null');
		expect(at('{"a": 1,}')).toBe('line 1, column 9 (byte 8): expected a property name in double quotes');
		expect(at('{"a" 1}')).toBe('line 1, column 6 (byte 5): expected ":" after a property name');
		expect(at('[1 2]')).toBe('line 1, column 4 (byte 3): expected "," or "]" after a list item');
		expect(at('{"é": "ü" x}')).toBe('line 1, column 11 (byte 12): expected "," or "}" after a property value');
		expect(at('{"a": "b')).toBe('line 1, column 9 (byte 8): the file ends too early (it looks truncated)');
		expect(at('{"a": "\t"}')).toBe(
			'line 1, column 8 (byte 7): a control character (such as a tab or a line break) stands unescaped inside a text',
		);
		expect(at('{"a": "\\q"}')).toBe(
			'line 1, column 9 (byte 8): a backslash inside a text is followed by a character that cannot be escaped',
		);
		expect(at('{"a": -x}')).toBe('line 1, column 8 (byte 7): a minus sign is not followed by a number');
		expect(at('{} {}')).toBe('line 1, column 4 (byte 3): more text follows the end of the JSON data');
	});
});
