/**
 * The Log view past midnight (the desk follows the calendar without --today; README "Opened without
 * `--today`"): its default period moves to the new day's; a period the user moved stays where they put it.
 */
import {describe, expect, it} from 'vitest';
import {defaultPeriod} from '../../../../source/domain/review-log/period.js';
import {initialLogViewState, logViewOnDay, logViewReducer} from '../../../../source/ui/views/log/log-view-state.js';

describe('the Log view on a new day', () => {
	it('moves a default period to the new day', () => {
		const moved = logViewOnDay(initialLogViewState('2026-11-30'), '2026-11-30', '2026-12-01');
		expect(moved.period).toEqual(defaultPeriod('2026-12-01'));
	});

	it('keeps a period the user moved, and keeps everything on the same day', () => {
		const shifted = logViewReducer(initialLogViewState('2026-11-30'), {type: 'shift-period', periods: -1});
		expect(shifted.period).not.toEqual(defaultPeriod('2026-11-30'));
		expect(logViewOnDay(shifted, '2026-11-30', '2026-12-01')).toBe(shifted);
		const same = initialLogViewState('2026-11-30');
		expect(logViewOnDay(same, '2026-11-30', '2026-11-30')).toBe(same);
	});
});
