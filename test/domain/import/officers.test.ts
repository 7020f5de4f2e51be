import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {officerIndex} from '../../../source/domain/import/officers.js';
import {parseCsv} from '../../../source/domain/import/parse-csv.js';
import type {Officer, StoreData} from '../../../source/domain/model.js';
import {DEMO} from '../../helpers/cli.js';

const officers = (JSON.parse(readFileSync(DEMO, 'utf8')) as StoreData).officers;

describe('matching the officer an export names', () => {
	const index = officerIndex(officers);
	const id = (cell: string) => {
		const m = index.match(cell);
		return m.ok ? m.officerId : m.reason;
	};

	it('matches collar numbers, full names with or without rank, "SURNAME, Forename" and a unique surname', () => {
		expect(id('4021')).toBe('o0003');
		expect(id(' 4021 ')).toBe('o0003');
		expect(id('DC 4021 Ashworth')).toBe('o0003');
		expect(id('DC Sam Ashworth')).toBe('o0003');
		expect(id('sam ashworth')).toBe('o0003');
		expect(id('ASHWORTH, Sam')).toBe('o0003');
		expect(id('Ashworth')).toBe('o0003');
		expect(id('S Ashworth')).toBe('o0003');
		expect(id('TDC Joe Whitlock')).toBe('o0005');
	});

	it('never guesses: unknown names and a wrong initial match nobody', () => {
		expect(id('DC Nobody')).toBe('unknown');
		expect(id('9999')).toBe('unknown');
		expect(id('P Ashworth')).toBe('unknown');
		expect(id('Sam Smith')).toBe('unknown');
	});

	it('reports a name two officers share as ambiguous, with both', () => {
		const twins: Officer[] = [...officers, {...officers[2]!, id: 'o0099', collarNumber: '4999', name: 'Alex Ashworth'}];
		const m = officerIndex(twins).match('Ashworth');
		expect(m).toEqual({ok: false, reason: 'ambiguous', candidates: ['o0003', 'o0099']});
		expect(officerIndex(twins).match('4999')).toEqual({ok: true, officerId: 'o0099'});
	});
});

describe('reading CSV text', () => {
	it('skips the "sep=," line Excel can write first', () => {
		const p = parseCsv('sep=,\r\nCrime reference,Risk\r\nA/1,low\r\n');
		expect(p.ok && p.table).toEqual({header: ['Crime reference', 'Risk'], records: [['A/1', 'low']]});
		const semi = parseCsv('sep=;\nCrime reference;Risk\n');
		expect(!semi.ok && semi.error).toMatch(/separator is ";"/);
	});
});
