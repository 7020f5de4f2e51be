/**
 * Whatever a records system (or a damaged file) hands us, the importer answers with a report, never a
 * crash; and whatever it plans is a valid store that a second import leaves alone.
 */
import fc from 'fast-check';
import {stringify} from 'csv-stringify/sync';
import {describe, expect, it} from 'vitest';
import {applyPlan, DEFAULT_HEADERS, FIELDS, parseCsv, planCsv, planImport} from '../../../source/domain/import/index.js';
import type {StoreData} from '../../../source/domain/model.js';
import {validateStore} from '../../../source/store/validate.js';
import {DEMO_TODAY} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

const data: StoreData = demoData();
const small: StoreData = {...data, cases: data.cases.slice(0, 5)};
const header = FIELDS.map(f => DEFAULT_HEADERS[f]).join(',');

// Characters that stress a CSV reader: separators, quotes, line ends, BOM, controls, escapes, bidi.
const csvChar = fc.constantFrom(',', '"', '\n', '\r', '\ufeff', ' ', 'a', 'Z', '1', '/', '-', '\u0000', '\u001b', '\u202e', 'é', '\t');
const csvText = fc.array(csvChar, {maxLength: 200}).map(cs => cs.join(''));

function checkReport(text: string) {
	const plan = planCsv(small, text, {today: DEMO_TODAY, full: true});
	if (plan.fileError !== null) {
		expect(typeof plan.fileError).toBe('string');
		expect(plan.changes).toEqual([]);
		return;
	}
	for (const r of plan.rejected) {
		expect(r.row).toBeGreaterThanOrEqual(2);
		expect(r.reason.length).toBeGreaterThan(0);
	}
	const next = applyPlan(small, plan);
	expect(validateStore(next)).toBeNull();
}

describe('import: arbitrary input gives a clean report', () => {
	it('never throws on arbitrary text, with or without the documented header', () => {
		fc.assert(
			fc.property(csvText, fc.boolean(), (body, withHeader) => {
				checkReport(withHeader ? `${header}\n${body}` : body);
			}),
			{numRuns: 300, seed: 9},
		);
	});

	// Cells drawn from good values, near misses and junk, so rows reach every check and some are imported.
	// Mostly good values, now and then a near miss or junk: enough rows pass to be imported, enough fail.
	const junk = fc.array(csvChar, {maxLength: 12}).map(cs => cs.join(''));
	const cell = (good: string[], bad: string[]) =>
		fc.oneof(
			{weight: 30, arbitrary: fc.constantFrom(...good)},
			{weight: 1, arbitrary: fc.constantFrom(...bad)},
			{weight: 1, arbitrary: junk},
		);
	const row = fc.tuple(
		fc.oneof(
			{weight: 20, arbitrary: fc.constantFrom('P/1/26', 'P/2/26', 'P/3/26', small.cases[0]!.ref, small.cases[1]!.ref)},
			{weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(41))},
		),
		cell(['Possession of images', 'Sexual communication with a child, "online"\nsecond line'], ['']),
		cell(['4021', 'DC Sam Ashworth', 'IQBAL, Priya', 'Ashworth'], ['Nobody', '']),
		cell(['high', 'Medium', 'L'], ['extreme', '']),
		cell(['investigation', 'with CPS', 'closed', 'court', 'awaiting-forensics'], ['open', '']),
		cell(['2026-01-05', '05/01/2026'], ['31/02/2026', '2027-01-01', '']),
		cell(['2026-03-01', '01/03/2026', '2021-05-01', ''], ['03/13/2026']),
		cell(['2026-12-20', '20/12/2026', ''], ['2026-02-01']),
		cell(['No', 'N', ''], ['maybe', 'yes']),
		cell(['2026-11-20', '20/11/2026', ''], ['2026-11-31']),
		cell(['Update text', 'Text with \u001b[31m escape', 'Line, one\r\nline two', ''], ['\u0000']),
		cell(['standard', 'Enhanced', ''], ['gold']),
		cell(['2026-11-01', '01/11/2026', ''], ['1/11/26']),
		cell(['2026-10-01', ''], ['2026-13-01']),
		cell(['AB', 'J-K', ''], ['Jonathan Smithson', '\u0000']),
		cell(['2026-11-15', '2026-09-01', ''], ['2026-13-40']),
		cell(['2026-11-25', ''], ['25/13/2026']),
		cell(['in progress', 'Submitted', 'NFA', ''], ['posted']),
		// Mostly blank, as in an export: a bail outcome beside a return date is rightly rejected.
		cell(['', '', '', '', '', '', '', 'Charged', 'NFA', 'released without bail'], ['bailed again']),
		// The forensic item names a submission beside its date: two of one day are told apart by it.
		cell(['Laptop (suspect)', 'laptop (suspect) ', 'Mobile phone', ''], ['x'.repeat(201), 'two\nlines']),
	);

	it('plans only valid stores, and a second import of the same rows changes nothing', () => {
		const importer = {today: DEMO_TODAY, by: small.team.sergeantId, recordedAt: '2026-11-30T09:00:00.000Z'};
		let imported = 0;
		let rejected = 0;
		fc.assert(
			fc.property(fc.array(row, {maxLength: 8}), rows => {
				const csv = stringify([FIELDS.map(f => DEFAULT_HEADERS[f]), ...rows]);
				// As the command imports: who imports and when (a bail outcome is recorded as theirs).
				const plan = planCsv(small, csv, importer);
				expect(plan.fileError).toBeNull();
				const next = applyPlan(small, plan);
				expect(validateStore(next)).toBeNull();
				const again = planCsv(next, csv, importer);
				expect(again.changes).toEqual([]);
				imported += plan.changes.length;
				rejected += plan.rejectedRows;
			}),
			{numRuns: 200, seed: 9},
		);
		// The generated rows really reach both outcomes (the property is not passing vacuously).
		expect(imported).toBeGreaterThan(20);
		expect(rejected).toBeGreaterThan(20);
	});

	it('plans the same whether the file is planned as it is read (planCsv) or parsed whole first', () => {
		const lines = fc.array(
			fc.oneof(
				row.map(r => stringify([r]).trimEnd()),
				fc.constant(''),
				fc.constant(',,,'),
				csvText,
			),
			{maxLength: 8},
		);
		fc.assert(
			fc.property(fc.constantFrom('', 'sep=,\r\n', '\ufeff', 'sep=;\n'), fc.boolean(), lines, (prefix, withHeader, body) => {
				const csv = prefix + (withHeader ? header + '\r\n' : '') + body.join('\r\n');
				const whole = parseCsv(csv);
				const streamed = planCsv(small, csv, {today: DEMO_TODAY, full: true});
				if (!whole.ok) {
					expect(streamed.fileError).toBe(whole.error);
					return;
				}
				expect(streamed).toEqual(planImport(small, whole.table, {today: DEMO_TODAY, full: true}));
				// And from the file's bytes, as the command reads it.
				expect(planCsv(small, Buffer.from(csv), {today: DEMO_TODAY, full: true})).toEqual(streamed);
			}),
			{numRuns: 300, seed: 11},
		);
	});
});
