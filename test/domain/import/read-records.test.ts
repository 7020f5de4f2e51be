/**
 * readCsvRecords feeds csv-parse's core a megabyte at a time and takes each record as it comes. These
 * hold it (its fields decoded directly too, parse-csv.ts decodeFieldsDirectly) to csv-parse's own documented
 * sync API with the same options: same records, same failures, whatever the text and wherever a chunk
 * boundary falls (inside a quoted field, a CRLF, a character).
 */
import fc from 'fast-check';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {findMixedLineEndings} from '../../../source/domain/import/line-endings.js';
import {CSV_OPTIONS, readCsvRecords} from '../../../source/domain/import/parse-csv.js';

/** Every record readCsvRecords gives, the header first; or its error. */
function viaCore(input: string | Uint8Array): string[][] | 'error' {
	const out: string[][] = [];
	const r = readCsvRecords(input, header => (out.push(header), record => out.push(record)));
	return r.ok ? out : 'error';
}

/**
 * The same from csv-parse's sync API (with the sep= line, a blank header and a file whose rows end in two
 * ways treated as readCsvRecords does; the last is held to csv-parse's own reading in accurate-messages.test.ts).
 */
function viaSync(input: string | Uint8Array): string[][] | 'error' {
	if (findMixedLineEndings(typeof input === 'string' ? Buffer.from(input) : input)) return 'error';
	let records: string[][];
	try {
		records = parse(input, CSV_OPTIONS) as string[][];
	} catch {
		return 'error';
	}
	if (records.length > 0 && /^sep=(.)$/i.test(records[0]!.join(','))) {
		if (records[0]!.join(',').slice(4) !== ',') return 'error';
		records = records.slice(1);
	}
	if (records.length === 0 || records[0]!.every(h => h.trim() === '')) return 'error';
	return records;
}

const csvChar = fc.constantFrom(',', '"', '\n', '\r', '\ufeff', ' ', 'a', 'Z', '1', 'é', '\u2019', '\t', '😀');

describe('readCsvRecords', () => {
	it('gives what csv-parse sync gives, for any text', () => {
		fc.assert(
			fc.property(
				fc.array(csvChar, {maxLength: 120}).map(cs => cs.join('')),
				text => {
					expect(viaCore(text)).toEqual(viaSync(text));
					expect(viaCore(Buffer.from(text))).toEqual(viaSync(Buffer.from(text)));
				},
			),
			{numRuns: 1000, seed: 3},
		);
	});

	it('is the same across megabyte chunk boundaries: quoted line breaks, CRLF and multi-byte characters split between chunks', () => {
		const rows = ['Crime reference,Last update'];
		for (let i = 0, length = 0; length < 3.5 * 1024 * 1024; i++) {
			const row = `CR/${i}/26,"it\u2019s ${'x'.repeat(i % 97)}, line one\r\nline ""two"" 😀 ${i}"`;
			rows.push(row);
			length += row.length + 2;
		}
		const text = '\ufeff' + rows.join('\r\n') + '\r\n';
		const core = viaCore(Buffer.from(text));
		expect(core).toEqual(viaSync(Buffer.from(text)));
		expect(core !== 'error' && core.length).toBe(rows.length);
		// An unclosed quote at the very end is an error both ways.
		expect(viaCore(Buffer.from(text + 'CR/x/26,"never closed'))).toBe('error');
	});
});
