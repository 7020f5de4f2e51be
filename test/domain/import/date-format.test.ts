import {describe, expect, it} from 'vitest';
import {dateParser} from '../../../source/domain/import/date-format.js';
import {parseMapping, MappingError} from '../../../source/domain/import/columns.js';

describe('import date formats', () => {
	it('reads ISO and UK dd/MM/yyyy by default and refuses impossible days', () => {
		const p = dateParser();
		expect(p('2026-03-05')).toBe('2026-03-05');
		expect(p(' 05/03/2026 ')).toBe('2026-03-05');
		expect(p('29/02/2028')).toBe('2028-02-29');
		for (const bad of ['31/02/2026', '29/02/2026', '2026-02-30', '5/3/2026', '03/13/2026', '05/03/26', '1899-12-31', 'soon', ''])
			expect(p(bad), bad).toBeNull();
	});

	it('accepts one or two digits for d and M, and drops a time part after checking it', () => {
		const p = dateParser(['d/M/yyyy', 'dd/MM/yyyy HH:mm', 'dd.MM.yyyy HH:mm:ss']);
		expect(p('5/3/2026')).toBe('2026-03-05');
		expect(p('05/03/2026')).toBe('2026-03-05');
		expect(p('05/03/2026 14:35')).toBe('2026-03-05');
		expect(p('05.03.2026 23:59:59')).toBe('2026-03-05');
		expect(p('05/03/2026 24:00')).toBeNull();
	});

	it('falls back to date-fns for other patterns', () => {
		const p = dateParser(['d MMM yyyy']);
		expect(p('5 Mar 2026')).toBe('2026-03-05');
		expect(p('31 Feb 2026')).toBeNull();
	});
});

describe('import mapping file', () => {
	it('refuses unknown keys, unknown fields, doubled headers and words fortnight does not have', () => {
		expect(() => parseMapping({colums: {}})).toThrow(MappingError);
		expect(() => parseMapping({columns: {offense: 'Offence'}})).toThrow(/unknown field "offense"/);
		expect(() => parseMapping({columns: {offence: 'Risk'}})).toThrow(/both read the column "Risk"/);
		expect(() => parseMapping({values: {risk: {Standard: 'normal'}}})).toThrow(/gives "normal"/);
		expect(() => parseMapping({dateFormats: []})).toThrow(/dateFormats/);
		expect(parseMapping({values: {status: {'Pending CPS': 'with CPS'}}}).values.status).toEqual({'pending cps': 'with CPS'});
	});
});
