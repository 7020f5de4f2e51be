import {describe, expect, it} from 'vitest';
import {defaultPeriod, resolvePeriod} from '../../../source/domain/review-log/period.js';

describe('log period', () => {
	it('defaults to the 28 days up to today, inclusive', () => {
		expect(defaultPeriod('2026-11-30')).toEqual({from: '2026-11-03', to: '2026-11-30'});
		expect(resolvePeriod(undefined, undefined, '2026-11-30')).toEqual({ok: true, period: {from: '2026-11-03', to: '2026-11-30'}});
	});
	it('fills a missing bound', () => {
		expect(resolvePeriod('2026-10-01', undefined, '2026-11-30')).toEqual({ok: true, period: {from: '2026-10-01', to: '2026-11-30'}});
		expect(resolvePeriod(undefined, '2026-03-31', '2026-11-30')).toEqual({ok: true, period: {from: '2026-03-04', to: '2026-03-31'}});
	});
	it('refuses a --from after today with no --to, rather than a one-day period in the future (QA item 14)', () => {
		const r = resolvePeriod('2026-12-05', undefined, '2026-11-30');
		expect(r).toEqual({ok: false, error: expect.stringContaining('--from (2026-12-05) is after today (2026-11-30)') as unknown});
		if (!r.ok) expect(r.error).toContain('--to as well');
		// Today itself is a period of one day; a period ahead is there when both bounds say so.
		expect(resolvePeriod('2026-11-30', undefined, '2026-11-30')).toEqual({ok: true, period: {from: '2026-11-30', to: '2026-11-30'}});
		expect(resolvePeriod('2026-12-05', '2026-12-10', '2026-11-30')).toEqual({ok: true, period: {from: '2026-12-05', to: '2026-12-10'}});
	});
	it('takes DD/MM/YYYY as everywhere on the command line', () => {
		expect(resolvePeriod('01/11/2026', '30/11/2026', '2026-11-30')).toEqual({ok: true, period: {from: '2026-11-01', to: '2026-11-30'}});
	});
	it('rejects impossible dates and a reversed period, naming the flag', () => {
		for (const [from, to, flag] of [
			['2026-02-30', undefined, '--from'],
			[undefined, '31/13/2026', '--to'],
			['2026-13-01', '2026-12-01', '--from'],
		] as const) {
			const r = resolvePeriod(from, to, '2026-11-30');
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error).toContain(flag);
		}
		const r = resolvePeriod('2026-11-30', '2026-11-01', '2026-11-30');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/after --to/);
	});
});
