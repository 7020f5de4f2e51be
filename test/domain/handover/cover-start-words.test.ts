/**
 * QA 8 R9: the handover's "Not for the cover" items said "if it is still outstanding when they start covering
 * on 14 Dec" for DC Marsh, whose cover of DS Brennan's sick leave began on 10 Dec (14 Dec was only the
 * window's first day). They now give the day the cover really began, and once it has begun say so.
 */
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../../../source/domain/model.js';
import {handoverCovers} from '../../../source/domain/handover/build.js';
import {forSomeoneElse} from '../../../source/domain/handover/cover-cannot.js';
import {demoData, handoverOf} from './fixtures.js';

const MARSH = 'o0006';

function marshCovers(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

function review(data: StoreData, today: string, from: string, ref: string) {
	const to = '2026-12-27';
	const h = handoverOf(data, {from, to, today, ...handoverCovers(data, from, to, null, today)});
	return [...h.alreadyDue, ...h.dueBeforeWindow, ...h.inWindow].find(
		i => forSomeoneElse(i) && i.kind === 'review-due' && i.caseRef === ref,
	)!;
}

describe("the day a cover's own outstanding item becomes someone else's (QA 8 R9)", () => {
	it('written before the absence for a window from 14 Dec: the cover starts on 10 Dec', () => {
		const item = review(marshCovers(), '2026-12-04', '2026-12-14', 'CR/61882/26');
		expect(item.detail).toContain(
			'may not review it while covering: if it is still outstanding when they start covering on 10 Dec, it goes to DI Rachel Okafor.',
		);
	});

	it('written on 13 Dec, the cover having begun on 10 Dec: said as begun', () => {
		const item = review(marshCovers(), '2026-12-13', '2026-12-13', 'CR/61882/26');
		expect(item.detail).toContain(
			'may not review it while covering: it has been outstanding since before they started covering on 10 Dec, so it goes to DI Rachel Okafor.',
		);
		expect(item.detail).not.toContain('13 Dec');
	});
});
