/**
 * The one rule for dating what is written (source/domain/worked-day.ts; QA R14): the stored instant is
 * the clock's, and the day the command or desk works as is kept beside it only when it is not the
 * instant's own day. Found when a review draft left unsigned at `--today 2026-11-30` was said in the
 * handover to be "started ... on 06 Dec 2026", and a move from 30 Nov "Allocated ... on 06 Dec 2026".
 */
import {describe, expect, it} from 'vitest';
import {recordedOnFor} from '../../source/domain/absences.js';
import type {Absence} from '../../source/domain/model.js';
import {knownFrom} from '../../source/domain/rules/context.js';
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

	// Review 7 note 5: the rules took the earlier of recordedOn and the clock's UTC day, so an absence
	// recorded at 00:30 in London in summer (23:30 UTC the day before) was known a day before it was made.
	it('the rules know an absence from its worked day, not the UTC day before it', () => {
		const absence = (recordedAt: string, recordedOn?: string): Absence => ({
			id: 'ab0001',
			officerId: 'o1',
			from: '2026-07-20',
			to: '2026-07-24',
			reason: 'annual-leave',
			coverOfficerId: null,
			recordedAt,
			...(recordedOn === undefined ? {} : {recordedOn}),
			recordedBy: 'o2',
		});
		expect(knownFrom(absence('2026-07-01T23:30:00.000Z', '2026-07-02'))).toBe('2026-07-02');
		expect(knownFrom({...absence('2026-12-06T11:30:00.000Z', '2026-11-30'), from: '2026-12-20', to: '2026-12-24'})).toBe('2026-11-30');
		expect(knownFrom(absence('2026-07-01T10:00:00.000Z'))).toBe('2026-07-01');
		// Recorded after its first day: known from its first day, as before.
		expect(knownFrom({...absence('2026-07-22T10:00:00.000Z'), from: '2026-07-20'})).toBe('2026-07-20');
	});
});
