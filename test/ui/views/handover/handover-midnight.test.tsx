/**
 * REVIEW 5 D3: a desk opened without --today moves its day on at midnight (README "Opened without
 * `--today`..."); the Handover view's window, while still the default fortnight from the day it was
 * opened, moves with it (so the view and its export start today). A window the sergeant set stays.
 */
import {describe, expect, it} from 'vitest';
import {handoverOnDay, handoverReducer, initialHandoverState} from '../../../../source/ui/views/handover/handover-state.js';
import {KEYS, ready, renderDesk} from '../../desk-harness.js';

/** A clock the test moves: local times, so the day turns at the machine's own midnight whatever its zone. */
function testClock(start: Date) {
	let now = start;
	return {now: () => now, set: (d: Date) => (now = d)};
}

describe('the Handover window across midnight', () => {
	it('the default window moves with the day; a set one, or the same day, stays', () => {
		const s = initialHandoverState('2026-11-30');
		const moved = handoverOnDay(s, '2026-11-30', '2026-12-01');
		expect([moved.from, moved.to]).toEqual(['2026-12-01', '2026-12-14']);
		expect(moved.cover).toBe(s.cover);
		expect(handoverOnDay(s, '2026-11-30', '2026-11-30')).toBe(s);
		let set = handoverReducer(s, {type: 'edit', field: 'to'});
		set = handoverReducer(set, {type: 'type', text: '2026-12-20'});
		set = handoverReducer(set, {type: 'commit'});
		expect(set.to).toBe('2026-12-20');
		expect(handoverOnDay(set, '2026-11-30', '2026-12-01')).toBe(set);
	});

	it('in the desk opened without --today: the view starts on the new day after midnight', async () => {
		const clock = testClock(new Date(2026, 10, 30, 23, 59, 50));
		const h = renderDesk({today: '2026-11-30', followClock: {now: clock.now, everyMs: 20}, size: {columns: 120, rows: 30}});
		await ready(h);
		expect(await h.press('3')).toContain('HANDOVER 2026-11-30 to 2026-12-13');
		clock.set(new Date(2026, 11, 1, 0, 0, 5));
		expect(await h.waitFor('HANDOVER 2026-12-01 to 2026-12-14')).not.toContain('2026-11-30 to');
		h.app.unmount();
	});

	it('in the desk: a last day the sergeant typed before midnight is kept after it', async () => {
		const clock = testClock(new Date(2026, 10, 30, 23, 59, 50));
		const h = renderDesk({today: '2026-11-30', followClock: {now: clock.now, everyMs: 20}, size: {columns: 120, rows: 30}});
		await ready(h);
		await h.press('3');
		await h.type('t2026-12-20');
		expect(await h.press(KEYS.enter)).toContain('HANDOVER 2026-11-30 to 2026-12-20');
		clock.set(new Date(2026, 11, 1, 0, 0, 5));
		await h.waitFor('It is now 01 Dec');
		expect(h.frame()).toContain('HANDOVER 2026-11-30 to 2026-12-20');
		h.app.unmount();
	});
});
