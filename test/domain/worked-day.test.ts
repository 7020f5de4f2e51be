/**
 * The one rule for dating what is written (source/domain/worked-day.ts; QA R14): the stored instant is
 * the clock's, and the day the command or desk works as is kept beside it only when it is not the
 * instant's own day. Found when a review draft left unsigned at `--today 2026-11-30` was said in the
 * handover to be "started ... on 06 Dec 2026", and a move from 30 Nov "Allocated ... on 06 Dec 2026".
 */
import {describe, expect, it} from 'vitest';
import {recordedOnFor} from '../../source/domain/absences.js';
import {recordDay, workedDayApart} from '../../source/domain/worked-day.js';

describe('worked day beside a real instant', () => {
	it('is kept when --today is before or after the clock day, never when they agree', () => {
		expect(workedDayApart('2026-11-30', '2026-12-06T11:30:00.000Z')).toBe('2026-11-30');
		expect(workedDayApart('2026-12-20', '2026-12-06T11:30:00.000Z')).toBe('2026-12-20');
		expect(workedDayApart('2026-12-06', '2026-12-06T11:30:00.000Z')).toBeUndefined();
		// A desk on local time past midnight (01 Dec) while UTC is still 30 Nov: the desk's day is kept.
		expect(workedDayApart('2026-12-01', '2026-11-30T23:30:00.000Z')).toBe('2026-12-01');
	});

	it('reads back the worked day, else the instant day (records made before it existed read as before)', () => {
		expect(recordDay('2026-12-06T11:30:00.000Z', '2026-11-30')).toBe('2026-11-30');
		expect(recordDay('2026-12-06T11:30:00.000Z', undefined)).toBe('2026-12-06');
	});

	it('absences use the same rule (recordedOn), which the rules read as the earlier of the two days', () => {
		expect(recordedOnFor('2026-11-30', '2026-12-06T05:30:00.000Z')).toEqual({recordedOn: '2026-11-30'});
		expect(recordedOnFor('2026-12-06', '2026-12-06T05:30:00.000Z')).toEqual({});
	});
});
