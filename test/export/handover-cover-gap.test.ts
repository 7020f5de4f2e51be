/**
 * QA pass 4, D-E, in the renderers: the days the named cover is away too (Handover.uncovered, and each
 * absence's coverAway) are said as nobody covering in the Markdown header and officer section and in
 * the calendar's name and absence event, never as hers (README "`fortnight handover` and `fortnight absence`").
 */
import {describe, expect, it} from 'vitest';
import {handoverCovers} from '../../source/domain/handover/build.js';
import {calendarDocument} from '../../source/export/calendar-events.js';
import {renderHandoverMarkdown} from '../../source/export/handover-md.js';
import {coverAwayData} from '../domain/handover/cover-away-fixture.js';
import {handoverOf} from '../domain/handover/fixtures.js';

const data = coverAwayData();
const window = {from: '2026-12-16', to: '2026-12-29', today: '2026-12-16'};
const h = handoverOf(data, {...window, ...handoverCovers(data, window.from, window.to, null, window.today)});

describe('renderers say nobody covers the days the named cover is away too', () => {
	it('Markdown header: her days, then nobody 20-27 Dec, in date order; the officer section says the same', () => {
		const md = renderHandoverMarkdown(h);
		expect(md).toContain(
			'- Cover: DC Helen Marsh (16 Dec 2026 to 19 Dec 2026); **nobody covers** 20 Dec 2026 to 27 Dec 2026 (DC Helen Marsh, the named ' +
				'cover, is on annual leave); DC Helen Marsh (28 Dec 2026 to 29 Dec 2026)',
		);
		expect(md).toContain(
			'on sick leave 10 Dec 2026 to 04 Feb 2027; DC Helen Marsh covers their work, except 20 Dec 2026 to 27 Dec 2026 (on annual leave), ' +
				'when the cover is away too: **nobody covers**.',
		);
	});

	it('calendar: the name and the absence event say nobody covers her leave', () => {
		const cal = calendarDocument(h);
		expect(cal.name).toContain('nobody 20 Dec 2026 to 27 Dec 2026 (DC Helen Marsh, the named cover, is on annual leave)');
		const away = cal.events.find(e => e.category === 'Absence' && e.summary.startsWith('DS Brennan'))!;
		expect(away.summary).toBe('DS Brennan away; DC Marsh covers (NOT every day)');
		expect(away.description[1]).toBe(
			'DC Helen Marsh covers their work, except 20 Dec 2026 to 27 Dec 2026 (on annual leave), when the cover is away too: nobody covers.',
		);
	});
});
