/**
 * The import says what is actually wrong (issue 14, item 14): a CRLF header with LF rows was reported
 * as "a comma in an unquoted field?", and a real date before 1900 or after 2200 as "not a real date".
 */
import {readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseMapping, planCsv} from '../../../source/domain/import/index.js';
import {findMixedLineEndings} from '../../../source/domain/import/line-endings.js';
import {CSV_OPTIONS} from '../../../source/domain/import/parse-csv.js';
import type {StoreData} from '../../../source/domain/model.js';
import {DEMO, DEMO_TODAY} from '../../helpers/cli.js';
import {withFixtureRefs} from '../../helpers/ref-pattern.js';

// NEW/1/26...: another force's reference format, which this team takes (helpers/ref-pattern.ts).
const demo = withFixtureRefs(JSON.parse(readFileSync(DEMO, 'utf8')) as StoreData);
const officer = demo.officers.find(o => o.role === 'investigator')!;
const HEADER = 'Crime reference,Offence,Officer,Risk,Status,Opened';
const row = (n: number, opened = '2026-11-01') => `NEW/${n}/26,Theft,${officer.collarNumber},low,investigation,${opened}`;

describe('mixed line endings', () => {
	it('a CRLF header with LF rows: says the file mixes line endings, naming the row (not "a comma in an unquoted field?")', () => {
		const p = planCsv(demo, `${HEADER}\r\n${row(1)}\n${row(2)}\n`, {today: DEMO_TODAY});
		expect(p.fileError).toBe(
			'the file mixes line endings: its rows end with CRLF (Windows) until row 2, which ends with LF alone, so rows would run together. ' +
				'Save the export again as "CSV UTF-8", or convert the file to one kind of line ending.',
		);
		expect(p.changes).toEqual([]);
	});

	it('an LF file with one CRLF row further down: names that row', () => {
		const p = planCsv(demo, `${HEADER}\n${row(1)}\n${row(2)}\n${row(3)}\r\n${row(4)}\n`, {today: DEMO_TODAY});
		expect(p.fileError).toContain('its rows end with LF alone until row 4, which ends with CRLF (Windows)');
	});

	it('line breaks inside quoted cells are data: a CRLF file whose cells hold LF is read as before', () => {
		const csv = `${HEADER},Last update date,Last update\r\n${row(1)},2026-11-02,"line one\nline two"\r\n${row(2)},2026-11-02,"a ""quoted"" word\nand more"\r\n`;
		const p = planCsv(demo, csv, {today: DEMO_TODAY});
		expect(p.fileError).toBeNull();
		expect(p.changes.map(c => c.ref)).toEqual(['NEW/1/26', 'NEW/2/26']);
		expect(findMixedLineEndings(Buffer.from(`\ufeffsep=,\r\n${HEADER}\r\n${row(1)}\r\n`))).toBeNull();
		expect(findMixedLineEndings(Buffer.from(`\ufeffsep=,\r\n${HEADER}\r\n${row(1)}\n`))).toEqual({row: 2, kind: 'CRLF'});
		expect(findMixedLineEndings(Buffer.from(`sep=,\r\n${HEADER}\n${row(1)}\n`))).toEqual({row: 1, kind: 'CRLF'});
		// An old Mac file (lone CR) is csv-parse's business, not a mix.
		expect(findMixedLineEndings(Buffer.from(`${HEADER}\r${row(1)}\n${row(2)}\r\n`))).toBeNull();
	});

	it("agrees with csv-parse's own reading of where rows end, on fuzzed files", () => {
		const cell = fc.constantFrom('a', 'b c', '"q"', '"x\ny"', '"x\r\ny"', '"a ""b"" c"', 'd"e', '', '😀');
		const ending = fc.constantFrom('\r\n', '\n');
		const file = fc
			.array(fc.tuple(fc.array(cell, {minLength: 1, maxLength: 4}), ending), {minLength: 1, maxLength: 8})
			.map(rows => rows.map(([cells, end]) => cells.join(',') + end).join(''));
		fc.assert(
			fc.property(file, text => {
				// csv-parse told to end records at either kind, with the raw text of each: its last character
				// says how that record ended ("\r" for CRLF, "\n" for LF).
				const records = parse(text, {...CSV_OPTIONS, record_delimiter: ['\r\n', '\n'], raw: true}) as unknown as {raw: string}[];
				const kinds = records.map(r => (r.raw.endsWith('\r') ? 'CRLF' : r.raw.endsWith('\n') ? 'LF' : 'none'));
				const first = kinds.findIndex((k, i) => i > 0 && k !== 'none' && k !== kinds[0]);
				const expected = first === -1 || kinds[0] === 'none' ? null : {row: first + 1, kind: kinds[0]};
				expect(findMixedLineEndings(Buffer.from(text))).toEqual(expected);
			}),
			{numRuns: 2000},
		);
	});
});

describe('dates outside 1900-2200', () => {
	it('says "outside the years 1900-2200" for a real date out of range, "not a real date" only for one that is not', () => {
		const csv =
			[HEADER, row(1, '1899-12-31'), row(2, '31/12/2201'), row(3, '31/02/2026'), row(4, '1800-02-30'), row(5, '1900-01-01')].join('\n') +
			'\n';
		const p = planCsv(demo, csv, {today: DEMO_TODAY});
		const reasons = Object.fromEntries(p.rejected.map(r => [r.row, r.reason]));
		expect(reasons[2]).toBe('"1899-12-31" is outside the years 1900-2200 (expected yyyy-MM-dd or dd/MM/yyyy).');
		expect(reasons[3]).toBe('"31/12/2201" is outside the years 1900-2200 (expected yyyy-MM-dd or dd/MM/yyyy).');
		expect(reasons[4]).toBe('"31/02/2026" is not a real date (expected yyyy-MM-dd or dd/MM/yyyy).');
		expect(reasons[5]).toBe('"1800-02-30" is not a real date (expected yyyy-MM-dd or dd/MM/yyyy).');
		expect(reasons[6]).toBeUndefined();
	});

	it("does the same for a mapping's own date pattern read by date-fns", () => {
		const csv = [HEADER, row(1, '5 Mar 1850'), row(2, '31 Feb 2026')].join('\n') + '\n';
		const p = planCsv(demo, csv, {today: DEMO_TODAY, mapping: parseMapping({dateFormats: ['d MMM yyyy']})});
		const reasons = Object.fromEntries(p.rejected.map(r => [r.row, r.reason]));
		expect(reasons[2]).toBe('"5 Mar 1850" is outside the years 1900-2200 (expected d MMM yyyy).');
		expect(reasons[3]).toBe('"31 Feb 2026" is not a real date (expected d MMM yyyy).');
	});
});
