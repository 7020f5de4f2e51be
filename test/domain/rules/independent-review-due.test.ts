/**
 * The independent review's due date (docs/rules.md "Reviews the cover cannot do"), QA defect D-A: with DC
 * Marsh named to cover DS Brennan's sick leave (10 Dec-04 Feb), an already-overdue case was given a due
 * date of today plus its cadence, walking forward a day each day, amber though overdue, and the handover
 * carried that date. An overdue review is red and due on its own review date (as the review-overdue
 * problem states it); a review not yet due is due on the first review date the cover faces, the same
 * whichever day it is read.
 */
import {describe, expect, it} from 'vitest';
import {handoverOf} from '../handover/fixtures.js';
import type {StoreData} from '../../../source/domain/model.js';
import type {Problem} from '../../../source/domain/problem.js';
import {findProblems} from '../../../source/domain/rules/index.js';
import {demoData} from '../../helpers/demo.js';

const MARSH = 'o0006';

/** The demo after `absence change ab0002 --cover Marsh`. */
function marshCovers(): StoreData {
	const data = demoData();
	return {...data, absences: data.absences.map(a => (a.id === 'ab0002' ? {...a, coverOfficerId: MARSH} : a))};
}

function independent(data: StoreData, today: string): Map<string, Problem> {
	const out = new Map<string, Problem>();
	for (const p of findProblems(data, today))
		if (p.kind === 'review-needs-independent-supervisor' && p.subject.type === 'case') out.set(p.subject.ref, p);
	return out;
}

// The demo's next review dates for DC Marsh's cases (all before the absence starts on 10 Dec).
const OVERDUE_ON_08_DEC: Record<string, string> = {
	'CR/61882/26': '2026-12-01',
	'CR/62757/26': '2026-12-04',
	'CR/13018/26': '2026-12-05',
	'CR/49144/26': '2026-12-05',
	'CR/87119/25': '2026-12-05',
	'CR/92431/22': '2026-12-07',
};

describe('independent review before the absence starts (QA D-A)', () => {
	it('an overdue case is red and due on its review date, the same on each day before and into the absence', () => {
		const data = marshCovers();
		for (const today of ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) {
			const found = independent(data, today);
			for (const [ref, due] of Object.entries(OVERDUE_ON_08_DEC)) {
				const p = found.get(ref);
				expect(p, `${ref} on ${today}`).toBeDefined();
				expect(p!.severity, `${ref} on ${today}`).toBe('red');
				expect(p!.due, `${ref} on ${today}`).toBe(due);
			}
		}
	});

	it('says "Review overdue (due 05 Dec)" as one sentence and asks for the review now, not by a date to come', () => {
		const p = independent(marshCovers(), '2026-12-09').get('CR/13018/26')!;
		expect(p.message).toBe(
			'Review overdue (due 05 Dec) needs an independent supervisor: DC Marsh holds this case and is covering DS Brennan ' +
				'(on sick leave 10 Dec-04 Feb 2027)',
		);
		expect(p.action).toBe("Ask DI Okafor (the team's inspector) to review this case now; DC Marsh cannot review a case they hold.");
		expect(p.evidence.find(e => e.type === 'case')?.date).toBe('2026-12-05');
	});

	it('a review not yet due is due on the first review date the cover faces, stable from day to day', () => {
		const data = marshCovers();
		// CR/45661/26 (high risk) next review 14 Dec, inside the absence: due 14 Dec whichever day it is read.
		for (const today of ['2026-12-01', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-14'])
			expect(independent(data, today).get('CR/45661/26')?.due, today).toBe('2026-12-14');
		// CR/59280/25 (medium, every 14 days) next review 08 Dec, before the absence: the sergeant's, so the
		// cover faces the one after it, 22 Dec, amber until 7 days before; once 08 Dec passes unreviewed it is overdue.
		for (const today of ['2026-12-01', '2026-12-05', '2026-12-08']) {
			const p = independent(data, today).get('CR/59280/25')!;
			expect(p.due, today).toBe('2026-12-22');
			expect(p.severity, today).toBe('amber');
			expect(p.message, today).toMatch(/^Review due 22 Dec needs an independent supervisor/);
		}
		const late = independent(data, '2026-12-09').get('CR/59280/25')!;
		expect([late.due, late.severity]).toEqual(['2026-12-08', 'red']);
	});

	it('the handover made the day before the absence gives the overdue date, as the next morning does', () => {
		const data = marshCovers();
		const window = {from: '2026-12-10', to: '2026-12-23', cover: {name: 'DC Helen Marsh', officerId: MARSH}};
		const before = handoverOf(data, {...window, today: '2026-12-09'});
		const after = handoverOf(data, {...window, today: '2026-12-10'});
		for (const h of [before, after]) {
			const d = h.decisions.find(x => x.kind === 'review-needs-independent-supervisor' && x.caseRef === 'CR/49144/26')!;
			expect(d.severity).toBe('red');
			expect(d.due).toBe('2026-12-05');
			expect(d.message).toMatch(/^Review overdue \(due 05 Dec\) needs an independent supervisor/);
			expect(d.action).toMatch(/review this case now;/);
		}
	});
});
