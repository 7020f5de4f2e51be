/**
 * QA 5 R4: a real day in a year the store cannot hold (README "Dates": 1900-2200) was refused as "not a
 * real date". The refusal now names the years; an impossible day is still "not a real date".
 */
import {describe, expect, it} from 'vitest';
import {typedDateRefusal} from '../../source/domain/dates.js';
import {demoCopy, runCli} from '../helpers/cli.js';
import {savedBytes} from '../helpers/saved-store.js';

describe('a typed date outside the years 1900-2200 is told the years (QA 5 R4)', () => {
	it('says why each refused date cannot be used', () => {
		expect(typedDateRefusal('--today', '1899-12-31')).toBe('--today must be a date in the years 1900-2200 (got "1899-12-31").');
		expect(typedDateRefusal('--on', '01/01/2201')).toBe('--on must be a date in the years 1900-2200 (got "01/01/2201").');
		expect(typedDateRefusal('--today', '2026-02-30')).toBe('--today must be a real date as YYYY-MM-DD or DD/MM/YYYY (got "2026-02-30").');
	});

	it('the command line says it for --today, a command flag and the log period, and exits 2 with nothing written', () => {
		const {store} = demoCopy();
		const before = savedBytes(store);
		const today = runCli(['problems', '--store', store, '--today', '1899-12-31']);
		expect(today.code).toBe(2);
		expect(today.stderr).toContain('--today must be a date in the years 1900-2200 (got "1899-12-31").');
		const on = runCli([
			'absence',
			'add',
			'Iqbal',
			'--from',
			'2201-01-01',
			'--reason',
			'training',
			'--store',
			store,
			'--today',
			'2026-11-30',
			'--as',
			'Brennan',
		]);
		expect(on.code).toBe(2);
		expect(on.stderr).toContain('--from must be a date in the years 1900-2200 (got "2201-01-01").');
		expect(savedBytes(store).equals(before)).toBe(true);
		const log = runCli(['log', '--from', '1850-01-01', '--store', store, '--today', '2026-11-30']);
		expect(log.code).toBe(2);
		expect(log.stderr).toContain('--from must be a date in the years 1900-2200 (got "1850-01-01").');
	});
});
