/**
 * A desk opened without `--today` follows the machine's calendar past midnight (QA pass 4, defect 4: a
 * review signed and a check-in recorded after midnight on a late turn were dated the day before). With
 * `--today` the day stays fixed. The clock is the test's, moved across a local midnight.
 */
import {describe, expect, it} from 'vitest';
import {ready, renderDesk} from './desk-harness.js';

/** A clock the test moves: local times, so the day turns at the machine's own midnight whatever its zone. */
function testClock(start: Date) {
	let now = start;
	return {now: () => now, set: (d: Date) => (now = d)};
}

describe('the desk across midnight', () => {
	it('opened without --today: the day moves on at midnight, said once, and the problems are worked out for it', async () => {
		const clock = testClock(new Date(2026, 10, 30, 23, 59, 50));
		const h = renderDesk({today: '2026-11-30', followClock: {now: clock.now, everyMs: 20}});
		await ready(h);
		expect(h.frame()).toContain('Bail period ended 27 Nov, 3 days ago');
		clock.set(new Date(2026, 11, 1, 0, 0, 5));
		const after = await h.waitFor('It is now 01 Dec');
		expect(after).toContain('the desk works as that day from here on');
		// The rules ran again for the new day: a day more since the bail period ended.
		expect(await h.waitFor('Bail period ended 27 Nov, 4 days ago')).not.toContain('3 days ago');
		h.app.unmount();
	});

	it('opened with --today: the day stays what was given, whatever the clock says', async () => {
		const h = renderDesk({today: '2026-11-30'});
		await ready(h);
		await new Promise(r => setTimeout(r, 100));
		expect(h.frame()).toContain('Bail period ended 27 Nov, 3 days ago');
		expect(h.frame()).not.toContain('It is now');
		h.app.unmount();
	});
});
