import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {buildLogRows} from '../../source/domain/review-log/rows.js';
import {defaultPeriod} from '../../source/domain/review-log/period.js';
import {safeText} from '../../source/domain/safe-text.js';
import {CSV_BOM, csvCell, csvRecords, LOG_COLUMNS, logCsv} from '../../source/export/log-csv.js';
import {DEMO_TODAY} from '../helpers/cli.js';
import {HOSTILE_NAMES, PREFIXED_REFS, hostileData, loadDemo} from '../domain/review-log/hostile-store.js';

/** Reads CSV the strict way a spreadsheet import would. */
function readCsv(text: string): string[][] {
	return parse(text, {bom: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n'}) as string[][];
}

const INJECTION = ['=', '+', '-', '@', '\t', '\r', '\n'];
/** What a reader gets back for a written value: the value, with the defusing apostrophe when it needed one. */
const defused = (v: string) => (INJECTION.includes(v[0] ?? '') ? `'${v}` : v);

describe('csv writer', () => {
	it('quotes every field, doubles quotes and ends records with CRLF', () => {
		expect(
			csvRecords([
				['a', '', 'say "hi"'],
				['x,y', 'ok', 'z'],
			]),
		).toBe('"a","","say ""hi"""\r\n"x,y","ok","z"\r\n');
	});

	it('prefixes each formula-starting character with an apostrophe and nothing else', () => {
		for (const c of INJECTION) expect(csvCell(`${c}1+1`)).toBe(`"'${c}1+1"`);
		for (const v of ['1-2', 'a=b', 'x@y', "'already", ' =space first', '']) expect(csvCell(v)).toBe(`"${v}"`);
	});

	it('round-trips awkward values through a real CSV parser', () => {
		const values = [
			'plain',
			'comma, inside',
			'"quoted" and ""doubled""',
			'line one\nline two',
			'crlf\r\ninside',
			'Zoë Świątek Øre 渡辺 🚓',
			'',
			' leading and trailing ',
			...INJECTION.map(c => `${c}SUM(A1:A9)`),
			'=HYPERLINK("http://evil.example","click")',
		];
		const text = csvRecords([values, [...values].reverse()]);
		const back = readCsv(text);
		expect(back).toEqual([values.map(defused), [...values].reverse().map(defused)]);
	});
});

describe('logCsv', () => {
	const period = defaultPeriod(DEMO_TODAY);

	it('has a BOM, a header row, and one record per log row that reads back to the same values', () => {
		const rows = buildLogRows(loadDemo(), period);
		const text = logCsv(rows);
		expect(text.startsWith(CSV_BOM + '"Date","Case ref","Officer","Officer id"')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toContain('\n');
		const back = readCsv(text);
		expect(back[0]).toEqual(LOG_COLUMNS.map(c => c[0]));
		expect(back).toHaveLength(rows.length + 1);
		for (let i = 0; i < rows.length; i++) expect(back[i + 1]).toEqual(LOG_COLUMNS.map(c => defused(c[1](rows[i]!))));
		const first = Object.fromEntries(back[0]!.map((h, j) => [h, back[1]![j]]));
		expect(first).toMatchObject({
			'Officer id': rows[0]!.officerId,
			'Entry hash': rows[0]!.hash,
			'Welfare check-in': rows[0]!.welfareCheckIn ? 'yes' : 'no',
		});
	});

	it('carries hostile names, references and a multi-line amendment through intact and defused', () => {
		const rows = buildLogRows(hostileData().data, period);
		const back = readCsv(logCsv(rows));
		const header = back[0]!;
		const col = (name: string) => header.indexOf(name);
		const officers = new Map(back.slice(1).map(r => [r[col('Officer id')]!, r[col('Officer')]!]));
		// Names are written as "RANK name": a formula-looking name is then just text after the rank.
		for (const [id, name] of Object.entries(HOSTILE_NAMES)) {
			if (!officers.has(id)) continue;
			expect(officers.get(id)).toBe(defused(safeText(`${id === 'o0005' ? 'TDC' : 'DC'} ${name}`)));
		}
		expect(officers.get('o0003')).toBe('DC Sam "The Ash" Ashworth, Jr.');
		expect(officers.get('o0004')).toBe('DC Priya Iqbal-Świątek Øre');
		const refs = back.slice(1).map(r => r[col('Case ref')]);
		expect(refs).toContain('\'=1+2,"x"\u240aCR'); // formula prefix defused, newline made visible
		for (const ref of PREFIXED_REFS) expect(refs).toContain(`'${ref}`);
		const amendment = back.find(r => r[col('Entry kind')] === 'amendment')!;
		expect(amendment[col('Amendment')]).toBe(
			'Risk was recorded wrongly.\nThe OIC had told me the suspect moved; "high" is right, not medium.\n@note: -2 days\nriskAfter: high',
		);
		for (const r of back.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
	});
});
